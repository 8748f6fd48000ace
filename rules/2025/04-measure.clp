;;; 04-measure.clp -- the yearly metrics, measured once for every results indicator.
;;;
;;; For each series (a <metric> of the submission) this module derives one change fact: from
;;; the base year (the calendar year before work start, or the latest year before it that the
;;; series has) to the last year (the last calendar year ending inside the 24-month window, or
;;; the latest year before it that is after the base year). The rubric's note measures results
;;; over the 24 months after the work began; growth is therefore measured from the year before
;;; to the last full year inside.
;;;
;;; It also checks the metrics: rates outside 0-100 %, negative values, values the domain
;;; calls unusual, series scoped to an enterprise without one, and claims of change that the
;;; yearly values do not bear out. A series with an impossible value is not measured.
;;;
;;; The same range checks apply to every measured <result> (before and after) of an
;;; improvement action, an SME activity or a breakthrough: a result with an impossible value
;;; is flagged and taken away before any indicator runs, so that no indicator counts it (a
;;; 104 % pass rate would otherwise close 180 % of a gap).
;;;
;;; Salience orders two steps inside this module: values are checked (10) before series are
;;; measured (0).

(defmodule MEASURE (import MAIN ?ALL))

;;; A series with an impossible value; it is not measured.
(deftemplate MEASURE::unusable
  (slot metric (type STRING)))

(defrule MEASURE::measure-rate-out-of-range
  "Rates (pass rates, satisfaction, loss rate, resource use) lie between 0 and 100 %."
  (declare (salience 10))
  (metric (id ?id) (kind ?k&:(rate-kind-p ?k)))
  (metric-value (metric ?id) (year ?y) (value ?v&:(or (< ?v 0) (> ?v 100))))
  =>
  (assert (unusable (metric ?id)))
  (assert (flag (code rate-out-of-range) (severity error) (rule measure-rate-out-of-range)
    (evidence ?id)
    (msg measure-rate-out-of-range) (args ?id ?k ?y ?v))))

(defrule MEASURE::measure-negative-value
  "Output, value added, employees, intensities and emissions are never negative."
  (declare (salience 10))
  (metric (id ?id) (kind ?k&:(not (rate-kind-p ?k))))
  (metric-value (metric ?id) (year ?y) (value ?v&:(< ?v 0)))
  =>
  (assert (unusable (metric ?id)))
  (assert (flag (code negative-value) (severity error) (rule measure-negative-value)
    (evidence ?id)
    (msg measure-negative-value) (args ?id ?k ?y ?v))))

(defrule MEASURE::measure-result-out-of-range
  "A result before/after an action, activity or breakthrough obeys the ranges of its kind: a
   rate between 0 and 100 %, anything else not negative. One that does not is not counted."
  (declare (salience 10))
  ?r <- (result (of ?id) (kind ?k&~other) (metric ?m) (before ?b) (after ?a) (unit ?u))
  (test (or (value-out-of-range-p ?k ?b) (value-out-of-range-p ?k ?a)))
  =>
  (retract ?r)
  (bind ?rate (rate-kind-p ?k))
  (assert (flag (code (if ?rate then rate-out-of-range else negative-value)) (severity error)
    (rule measure-result-out-of-range) (evidence ?id)
    (msg measure-result-out-of-range) (args ?id ?m ?k ?b ?a ?u ?rate))))

(defrule MEASURE::measure-rate-unusual
  "A first-pass yield under 80 % or a loss rate over 10 % is unusual in manufacturing: worth a look
   (parameters rate-unusual-yield, rate-unusual-loss)."
  (declare (salience 10))
  (param (name rate-unusual-yield) (value ?low))
  (param (name rate-unusual-loss) (value ?high))
  (metric (id ?id) (kind ?k&first-pass-yield|pass-rate|spot-check-pass-rate|quality-loss-rate))
  (metric-value (metric ?id) (year ?y)
                (value ?v&:(and (>= ?v 0) (<= ?v 100)
                                (or (and (neq ?k quality-loss-rate) (< ?v ?low))
                                    (and (eq ?k quality-loss-rate) (> ?v ?high))))))
  =>
  (assert (flag (code rate-unusual) (severity warning) (rule measure-rate-unusual) (evidence ?id)
    (msg measure-rate-unusual) (args ?id ?k ?y ?v ?low ?high))))

(defrule MEASURE::measure-scope-without-enterprise
  "A series of one enterprise must say which (scope enterprise with an enterprise attribute)."
  (metric (id ?id) (scope enterprise) (enterprise ""))
  =>
  (assert (unusable (metric ?id)))
  (assert (flag (code series-scope) (severity warning) (rule measure-scope-without-enterprise)
    (evidence ?id)
    (msg measure-scope-without-enterprise) (args ?id))))

(defrule MEASURE::measure-change
  "The change of a series from the base year to the window's last year."
  (window (base-year ?by) (last-year ?ly))
  (metric (id ?id) (kind ?k&~other) (scope ?sc) (enterprise ?e) (product ?p) (unit ?u)
          (from-year ?fy) (from ?from) (to-year ?ty) (to ?to))
  (not (unusable (metric ?id)))
  =>
  (if (and (> ?fy 0) (> ?ty 0)) then
    (assert (change (metric ?id) (kind ?k) (scope ?sc) (enterprise ?e) (product ?p) (unit ?u)
      (from-year ?fy) (to-year ?ty) (from ?from) (to ?to)
      (improvement (improvement ?k ?from ?to)) (growth (growth ?from ?to (- ?ty ?fy)))
      (msg change) (args ?id ?k ?p ?from ?to ?u ?fy ?ty)))
   else
    (assert (flag (code series-incomplete) (severity info) (rule measure-change) (evidence ?id)
      (msg measure-change.incomplete) (args ?id ?by (+ ?by 1) ?ly)))))

(defrule MEASURE::measure-claim-checked
  "A claimed change must follow from the yearly values it is about: relative (percent of the
   first value) or, for a rate, in percentage points (measure points)."
  (param (name claim-tolerance) (value ?tol))
  (claim (id ?id) (metric ?m) (from ?f) (to ?t) (change-percent ?c) (measure ?how))
  (metric (id ?m) (kind ?k))
  (metric-value (metric ?m) (year ?f) (value ?vf&:(or (eq ?how points) (<> ?vf 0))))
  (metric-value (metric ?m) (year ?t) (value ?vt))
  =>
  (bind ?actual (pct (if (eq ?how points) then (- ?vt ?vf) else (/ (* 100.0 (- ?vt ?vf)) ?vf))))
  (if (> (abs (- ?actual ?c)) ?tol) then
    (bind ?opposite (< (* ?actual ?c) 0))
    (assert (flag (code claim-mismatch) (severity (if ?opposite then error else warning))
      (rule measure-claim-checked) (evidence ?id ?m)
      (msg measure-claim-checked) (args ?id ?k ?f ?t ?c ?how ?m ?vf ?vt ?actual ?tol)))))

(defrule MEASURE::measure-claim-unverifiable
  "A claim about years the series has no value for cannot be checked."
  (claim (id ?id) (metric ?m) (from ?f) (to ?t) (change-percent ?c) (measure ?how))
  (or (not (metric-value (metric ?m) (year ?f)))
      (not (metric-value (metric ?m) (year ?t)))
      (and (metric-value (metric ?m) (year ?f) (value 0.0)) (test (eq ?how relative))))
  =>
  (assert (flag (code claim-unverifiable) (severity warning) (rule measure-claim-unverifiable)
    (evidence ?id ?m)
    (msg measure-claim-unverifiable) (args ?id ?f ?t ?c ?m))))
