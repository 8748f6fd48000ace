;;; quality.clp -- 质量提升 (8分), section 质量成效 (results).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   6-8  产业主导产品或核心零部件或核心中间产品的质量一次合格率、产品可靠性、服务满意度等显著提升，
;;;        质量损失率明显下降。
;;;   3-5  产业相关产品质量合格率、产品可靠性、服务满意度等有一定的提升。
;;;   1-2  产业相关产品质量合格率、产品可靠性、服务满意度等保持稳定。
;;;
;;; How the scorer reads it (docs/POLICY.md, "quality"):
;;;  - Three groups of measures: pass rates (first-pass yield, pass rate, supervision spot-check
;;;    pass rate), reliability (reliability, failure rate), service satisfaction; and the
;;;    quality-loss rate. Each series is measured by MEASURE from the base year to the window's
;;;    last year.
;;;  - Improvement: for pass rates and satisfaction the share of the shortfall to 100 closed,
;;;    judged relative to the gap that remained (99.2 -> 99.6 % halves the defects: 50 %); for
;;;    reliability, failure rate and loss rate the relative change (MAIN::improvement).
;;;  - A group is shown by its series: 主导产品或核心零部件或核心中间产品 (6-8) names products one
;;;    OR another, so one product's series meeting a threshold shows the group there. Only the
;;;    groups measured count; a group without a series is a gap (and an info flag), never a
;;;    free pass; a series that got worse is flagged for the reviewer but never lowers the
;;;    score below what leaving it out would give: withholding it cannot help (the monotone
;;;    property of docs/POLICY.md §2.2).
;;;  - 显著 / 明显 (marked) is improvement-marked, 一定 (some) improvement-some: one reading of each
;;;    word for the whole rubric.
;;;  - 6-8: at least quality-marked-groups of the three groups improved markedly (等: not every
;;;    one is required), and the loss rate fell markedly.
;;;  - 3-5: at least one group improved to some extent.
;;;  - 1-2: stable: at least one group measured with a series no worse than
;;;    quality-stable-tolerance. Without measures there is no band: 0 points and a flag.
;;;  - Conditions held for a higher band count toward the lower ones (implies facts).
;;;  - Placement: 6-8 adds all three groups marked and a loss rate down factor-far-multiple times
;;;    the marked rate; 3-5 adds each condition of 6-8 that holds and measures of all four kinds;
;;;    1-2 adds measures of all four kinds.
;;;  - When no group improved to some extent, the measured values are reported in an info flag.

(defmodule QUALITY (import MAIN ?ALL))

(deffacts QUALITY::definitions
  (condition (indicator quality) (level 3) (id groups-marked)
    (text "产业主导产品或核心零部件或核心中间产品的质量一次合格率、产品可靠性、服务满意度等显著提升：合格率、可靠性、服务满意度中至少参数 quality-marked-groups（{quality-marked-groups}）类各有一条序列改善不低于参数 improvement-marked（{improvement-marked}）")
    (text-en "the first-pass yield, reliability, service satisfaction and the like of the leading products, core components or core intermediate products improved markedly: in at least parameter quality-marked-groups ({quality-marked-groups}) of pass rate, reliability and satisfaction, a series improved by at least parameter improvement-marked ({improvement-marked})"))
  (condition (indicator quality) (level 3) (id loss-marked)
    (text "质量损失率明显下降：一条质量损失率序列相对下降不低于参数 improvement-marked（{improvement-marked}）")
    (text-en "the quality-loss rate fell markedly: a loss-rate series fell by at least parameter improvement-marked ({improvement-marked}) of its value"))
  (condition (indicator quality) (level 2) (id some-improved)
    (text "产业相关产品质量合格率、产品可靠性、服务满意度等有一定的提升：合格率、可靠性、服务满意度中至少1类有一条序列改善不低于参数 improvement-some（{improvement-some}）")
    (text-en "the pass rate, reliability, service satisfaction and the like of related products improved to some extent: in at least 1 of pass rate, reliability and satisfaction, a series improved by at least parameter improvement-some ({improvement-some})"))
  (condition (indicator quality) (level 1) (id stable)
    (text "产业相关产品质量合格率、产品可靠性、服务满意度等保持稳定：合格率、可靠性、服务满意度中至少1类有一条序列，且下降不超过参数 quality-stable-tolerance（{quality-stable-tolerance}）")
    (text-en "the pass rate, reliability, service satisfaction and the like of related products stayed stable: in at least 1 of pass rate, reliability and satisfaction, a series worse by no more than parameter quality-stable-tolerance ({quality-stable-tolerance})"))

  ;; A marked improvement is one to some extent, and one to some extent keeps the measure stable.
  (implies (indicator quality) (condition groups-marked) (implied some-improved))
  (implies (indicator quality) (condition some-improved) (implied stable))

  (factor-def (indicator quality) (level 3) (id all-marked)
    (text "三类均显著提升") (text-en "all three groups improved markedly"))
  (factor-def (indicator quality) (level 3) (id loss-far)
    (text "质量损失率下降达到参数 improvement-marked（{improvement-marked}）的 {factor-far-multiple} 倍（参数 factor-far-multiple）")
    (text-en "loss rate down {factor-far-multiple} times (parameter factor-far-multiple) parameter improvement-marked ({improvement-marked})"))
  (factor-def (indicator quality) (level 2) (id fully-measured)
    (text "合格率、可靠性、满意度、质量损失率四类数据齐全") (text-en "all four kinds of measures reported"))
  (factor-def (indicator quality) (level 2) (id partly-groups) (condition groups-marked)
    (text "部分达到上一档：多类显著提升") (text-en "partly the next band: groups improved markedly"))
  (factor-def (indicator quality) (level 2) (id partly-loss) (condition loss-marked)
    (text "部分达到上一档：质量损失率明显下降") (text-en "partly the next band: loss rate fell markedly"))
  (factor-def (indicator quality) (level 1) (id fully-measured)
    (text "合格率、可靠性、满意度、质量损失率四类数据齐全") (text-en "all four kinds of measures reported")))

(deffunction QUALITY::group-of (?kind)
  (switch ?kind
    (case first-pass-yield then yield) (case pass-rate then yield)
    (case spot-check-pass-rate then yield)
    (case reliability then reliability) (case failure-rate then reliability)
    (case satisfaction then satisfaction) (case quality-loss-rate then loss)
    (default nil)))

;;; One measured series of a group, with its improvement and a finding.
(deftemplate QUALITY::series
  (slot group (type SYMBOL))
  (slot metric (type STRING))
  (slot improvement (type FLOAT))
  (slot msg (type SYMBOL) (default nil)) ; the finding: the change and its improvement
  (multislot args))

(defrule QUALITY::quality-series
  "Each measured series of the four groups, with its improvement."
  (change (metric ?id) (kind ?k&:(neq (group-of ?k) nil)) (improvement ?i) (msg ?m) (args $?a))
  =>
  (assert (series (group (group-of ?k)) (metric ?id) (improvement ?i)
    (msg quality-series) (args < ?m $?a > ?i))))

;;; For sort: TRUE when series ?a comes after ?b (by metric id, in byte order). A finding lists
;;; its series in that order, not in the order the rules happened to assert them.
(deffunction QUALITY::series-after (?a ?b)
  (string> (fact-slot-value ?a metric) (fact-slot-value ?b metric)))

;;; The series of group ?g (any group when ?g is nil) improved by at least ?min.
(deffunction QUALITY::series-at-least (?g ?min)
  (sort series-after (find-all-facts ((?s series))
    (and (or (eq ?g nil) (eq ?s:group ?g)) (neq ?s:group loss) (>= ?s:improvement ?min)))))

;;; The loss-rate series fallen by at least ?min.
(deffunction QUALITY::loss-at-least (?min)
  (sort series-after
    (find-all-facts ((?s series)) (and (eq ?s:group loss) (>= ?s:improvement ?min)))))

(defrule QUALITY::quality-judge
  "显著提升 / 有一定的提升 / 保持稳定, and 质量损失率明显下降: each shown by a series of a group."
  (declare (salience -10)) ; after every series has been read
  (param (name improvement-marked) (value ?marked))
  (param (name improvement-some) (value ?some))
  (param (name quality-marked-groups) (value ?need))
  (param (name quality-stable-tolerance) (value ?tol))
  (param (name factor-far-multiple) (value ?far))
  =>
  ;; 显著提升: the groups with a series improved markedly.
  (bind ?marked-ss (series-at-least nil ?marked))
  (bind ?marked-groups (distinct$ (slot-values$ ?marked-ss group)))
  (bind ?n (length$ ?marked-groups))
  (if (>= ?n ?need) then
    (assert (held (indicator quality) (condition groups-marked) (rule quality-judge)
      (evidence (slot-values$ ?marked-ss metric))
      (msg quality-judge.marked)
      (args ?n ?need quality-marked-groups ?marked improvement-marked
            < quality-list (findings$ ?marked-ss) >))))
  (if (= ?n 3) then
    (assert (factor (indicator quality) (id all-marked) (rule quality-judge)
      (evidence (slot-values$ ?marked-ss metric))
      (msg quality-judge.all-marked))))
  ;; 有一定的提升 and 保持稳定: a series of any of the three groups.
  (bind ?some-ss (series-at-least nil ?some))
  (if (> (length$ ?some-ss) 0) then
    (assert (held (indicator quality) (condition some-improved) (rule quality-judge)
      (evidence (slot-values$ ?some-ss metric))
      (msg quality-judge) (args < quality-list (findings$ ?some-ss) > ?some improvement-some))))
  (bind ?stable-ss (series-at-least nil (- 0 ?tol)))
  (if (> (length$ ?stable-ss) 0) then
    (assert (held (indicator quality) (condition stable) (rule quality-judge)
      (evidence (slot-values$ ?stable-ss metric))
      (msg quality-judge.stable)
      (args < quality-list (findings$ ?stable-ss) > ?tol quality-stable-tolerance))))
  ;; 质量损失率明显下降.
  (bind ?loss-ss (loss-at-least ?marked))
  (if (> (length$ ?loss-ss) 0) then
    (assert (held (indicator quality) (condition loss-marked) (rule quality-judge)
      (evidence (slot-values$ ?loss-ss metric))
      (msg quality-judge) (args < quality-list (findings$ ?loss-ss) > ?marked improvement-marked))))
  (bind ?far-ss (loss-at-least (* ?far ?marked)))
  (if (> (length$ ?far-ss) 0) then
    (assert (factor (indicator quality) (id loss-far) (rule quality-judge)
      (evidence (slot-values$ ?far-ss metric))
      (msg quality-judge.far)
      (args < quality-list (findings$ ?far-ss) > ?far improvement-marked)))))

(defrule QUALITY::quality-measured
  "Which groups are measured: all four place the score higher; each one missing is a gap and a
   flag; none of the three is no band; measured without any improvement is reported."
  (declare (salience -10))
  (param (name improvement-some) (value ?some))
  =>
  (bind ?all (sort series-after (find-all-facts ((?s series)) TRUE)))
  (bind ?groups (distinct$ (slot-values$ ?all group)))
  (bind ?missing (difference$ (create$ yield reliability satisfaction loss) ?groups))
  (if (= (length$ ?missing) 0) then
    (assert (factor (indicator quality) (id fully-measured) (rule quality-measured)
      (evidence (slot-values$ ?all metric))
      (msg quality-measured.full))))
  (if (and (> (length$ ?missing) 0) (< (length$ ?missing) 4)) then
    (bind ?gs (create$))                ; at most four groups: no list grown long
    (progn$ (?g ?missing) (bind ?gs (create$ ?gs < quality-measured.group ?g >)))
    (assert (flag (indicator quality) (code quality-group-unmeasured) (severity info) (rule quality-measured)
      (msg quality-measured.missing) (args < quality-measured.groups ?gs >))))
  (bind ?three (sort series-after (find-all-facts ((?s series)) (neq ?s:group loss))))
  (if (= (length$ ?three) 0) then
    (assert (flag (indicator quality) (code quality-unmeasured) (severity warning) (rule quality-measured)
      (msg quality-measured.unmeasured)))
   else
    (if (= (length$ (series-at-least nil ?some)) 0) then
      (assert (flag (indicator quality) (code no-improvement) (severity info) (rule quality-measured)
        (evidence (slot-values$ ?three metric))
        (msg quality-measured.none)
        (args < quality-list (findings$ ?three) > ?some improvement-some))))))

(defrule QUALITY::quality-worsened
  "A series that got worse beyond the tolerance is flagged, whatever the band: the reviewer sees
   it, though it lowers no score (leaving it out would not either)."
  (param (name quality-stable-tolerance) (value ?tol))
  (series (group ?g) (metric ?id) (improvement ?i&:(< ?i (- 0 ?tol))) (msg ?m) (args $?a))
  =>
  (assert (flag (indicator quality) (code quality-worsened) (severity warning) (rule quality-worsened)
    (evidence ?id)
    (msg quality-worsened) (args ?g < ?m $?a > ?tol quality-stable-tolerance))))
