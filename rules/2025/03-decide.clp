;;; 03-decide.clp -- choosing one band per indicator, the same way for every indicator:
;;; the band that best fits the evidence, as a reviewer would pick it.
;;;
;;; The indicator files (one module each) only state facts about the evidence: which
;;; conditions of which band hold (held), which strengthening factors are present
;;; (factor), what does not count (excluded), what a reviewer should check (flag), and
;;; which condition of a higher band implies one of a lower band (implies). The engine then
;;; gives DECIDE the focus, and the rules below apply the one method:
;;;
;;;   1. implied: a condition implied by a held condition of a higher band is held too
;;;      (drafting a national standard is drafting a standard; a mechanism with every party
;;;      is a mechanism): conditions held for a higher band count toward the lower ones;
;;;   2. a band fits the evidence when
;;;        met     every condition the scorer decomposed it into is held; or
;;;        near    it is the band just below one of at least two conditions that misses only
;;;                one of them while holding the others (a reviewer places an application that
;;;                has all of band k but one point at the top of band k-1, not at the bottom of
;;;                the scale: one missing item costs at most one band); or
;;;        effort  it is the lowest band, the rubric's lowest band describes a beginning
;;;                (初步, 有待进一步健全, ...: lowest-band-beginning in 01-rubric.clp), and some
;;;                condition of the indicator, of any band, is held (evidence of the work
;;;                having begun);
;;;   3. the band chosen is the highest band that fits (exactly one per indicator, or none;
;;;      two fits of one band, met and near, make one choice: the facts are the same);
;;;      when it fits only by near or effort a flag says so, naming what is missing;
;;;   4. the gaps are the conditions of the next band up that are not held.
;;;
;;; Every step is monotone: a held fact only ever adds fits, so adding a piece of evidence
;;; never lowers a band, and withholding one never raises it. tests/test_metamorphic.c takes
;;; every evidence element out of every sample and rule case in turn and checks both
;;; properties (docs/POLICY.md, "How a band is chosen").
;;;
;;; Points inside the chosen band are placed by the engine (see docs/ARCHITECTURE.md,
;;; "Placement"): band minimum plus the points of each factor-def of that band that is shown,
;;; by a factor fact with its id or, when it names a condition of a higher band, by a held fact
;;; of that condition; capped at the band maximum.
;;;
;;; Salience is used only here, to order the steps inside one module: implications (10)
;;; before fits (0) before the choice (-10) before gaps and the best-fit flags (-20).

(defmodule DECIDE (import MAIN ?ALL))

(defrule DECIDE::implied
  "A condition implied by a held condition of a higher band is held (step 1)."
  (declare (salience 10))
  ;; The rubric's facts first, then whether the weaker condition is held, and only then each
  ;; held fact of the stronger one: with the held facts of the stronger condition before the
  ;; (not ...), every held fact of the weaker one was compared with every held fact of the
  ;; stronger one, when asserted and again when retracted (6,937 x 289 standards at 20,000
  ;; items: 2 million comparisons; at 200,000, 200 million).
  (implies (indicator ?i) (condition ?strong) (implied ?weak))
  (condition (indicator ?i) (id ?strong) (level ?hl))
  (condition (indicator ?i) (id ?weak) (level ?ll&:(< ?ll ?hl)))
  (not (held (indicator ?i) (condition ?weak)))
  (held (indicator ?i) (condition ?strong) (evidence $?ev) (msg ?m) (args $?a))
  =>
  (assert (held (indicator ?i) (condition ?weak) (rule implied) (evidence ?ev)
    (msg implied) (args < ?m $?a >))))

(defrule DECIDE::band-met
  "A band is met when each of its conditions is held by at least one fact."
  (condition (indicator ?i) (level ?l))
  (not (band-fit (indicator ?i) (level ?l) (how met)))
  (forall (condition (indicator ?i) (level ?l) (id ?c))
          (held (indicator ?i) (condition ?c)))
  =>
  (assert (band-fit (indicator ?i) (level ?l) (how met))))

(defrule DECIDE::band-near
  "The band below a band of at least two conditions that misses exactly one of them fits."
  (condition (indicator ?i) (level ?l&:(> ?l 1)) (id ?missing))
  (not (held (indicator ?i) (condition ?missing)))
  (condition (indicator ?i) (level ?l) (id ?other&~?missing))
  (forall (condition (indicator ?i) (level ?l) (id ?c&~?missing))
          (held (indicator ?i) (condition ?c)))
  (not (band-fit (indicator ?i) (level =(- ?l 1)) (how near)))
  =>
  (assert (band-fit (indicator ?i) (level (- ?l 1)) (how near) (missing ?missing))))

(defrule DECIDE::band-effort
  "Where the lowest band describes a beginning, any held condition shows the work begun."
  (lowest-band-beginning (indicator ?i))
  ;; exists: one partial match per indicator, not one per held fact (12,000 at 20,000 items)
  (exists (held (indicator ?i)))
  (not (band-fit (indicator ?i) (level 1) (how effort)))
  =>
  (assert (band-fit (indicator ?i) (level 1) (how effort))))

(defrule DECIDE::select-band
  "The band chosen is the highest band that fits."
  (declare (salience -10))
  (band-fit (indicator ?i) (level ?l))
  (not (band-fit (indicator ?i) (level ?h&:(> ?h ?l))))
  =>
  (assert (choice (indicator ?i) (level ?l) (rule select-band))))

(defrule DECIDE::best-fit-near
  "Say when the band was chosen although one of the next band's conditions is missing."
  (declare (salience -20))
  (choice (indicator ?i) (level ?l))
  (not (band-fit (indicator ?i) (level ?l) (how met)))
  (band-fit (indicator ?i) (level ?l) (how near) (missing ?m))
  (band (indicator ?i) (level =(+ ?l 1)) (min ?min) (max ?max))
  =>
  ;; The missing condition is named by its id; its text, with the parameters' values, is the
  ;; gap the report lists for the next band.
  (assert (flag (indicator ?i) (code best-fit) (severity info) (rule best-fit-near)
    (msg best-fit-near) (args ?min ?max ?m))))

(defrule DECIDE::best-fit-effort
  "Say when the lowest band was chosen on evidence of the work having begun."
  (declare (salience -20))
  (choice (indicator ?i) (level 1))
  (not (band-fit (indicator ?i) (level 1) (how met|near)))
  (lowest-band-beginning (indicator ?i) (words ?w))
  =>
  (assert (flag (indicator ?i) (code best-fit) (severity info) (rule best-fit-effort)
    (msg best-fit-effort) (args ?w))))

(defrule DECIDE::gap-to-next-band
  "What is missing for the band above the one chosen: its conditions not held."
  (declare (salience -20))
  (choice (indicator ?i) (level ?l))
  (condition (indicator ?i) (level ?n&:(= ?n (+ ?l 1))) (id ?c))
  (not (held (indicator ?i) (condition ?c)))
  =>
  (assert (gap (indicator ?i) (level ?n) (condition ?c))))

(defrule DECIDE::gap-to-lowest-band
  "No band met: what is missing for the lowest band."
  (declare (salience -20))
  (condition (indicator ?i) (level 1) (id ?c))
  (not (choice (indicator ?i)))
  (not (held (indicator ?i) (condition ?c)))
  =>
  (assert (gap (indicator ?i) (level 1) (condition ?c))))

;;; ---------------------------------------------------------------- placement (step 4)
;;; Inside the chosen band the points start at its minimum; each strengthening factor of that
;;; band (factor-def, 01-rubric.clp and the indicator files) that is present adds its points,
;;; up to the band's maximum (docs/POLICY.md §2.3). A factor is present when a rule of the
;;; indicator asserted it, or when the condition of a higher band that the factor names is held
;;; (the band partly meets the next one).

(defrule DECIDE::factor-present
  "A factor of the chosen band asserted by the indicator's rules."
  (declare (salience -15))
  (choice (indicator ?i) (level ?l))
  (factor-def (indicator ?i) (level ?l) (id ?f) (points ?p))
  (factor (indicator ?i) (id ?f))
  =>
  (assert (placed (indicator ?i) (factor ?f) (points ?p))))

(defrule DECIDE::factor-present-by-condition
  "A factor of the chosen band shown by a held condition of a higher band."
  (declare (salience -15))
  (choice (indicator ?i) (level ?l))
  (factor-def (indicator ?i) (level ?l) (id ?f) (points ?p) (condition ?c&~nil))
  (held (indicator ?i) (condition ?c))
  =>
  (assert (placed (indicator ?i) (factor ?f) (points ?p))))

(defrule DECIDE::place
  "The points inside the chosen band: its minimum plus the placed factors, at most its maximum."
  (declare (salience -16))
  (choice (indicator ?i) (level ?l))
  (band (indicator ?i) (level ?l) (min ?min) (max ?max))
  =>
  (bind ?sum ?min)
  (do-for-all-facts ((?p placed)) (eq ?p:indicator ?i) (bind ?sum (+ ?sum ?p:points)))
  (assert (placement (indicator ?i) (level ?l) (base ?min) (points (min ?sum ?max))
                     (capped (if (> ?sum ?max) then yes else no)))))
