;;; quality.clp -- 质量提升 (8分), section 质量成效 (results).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   6-8  产业主导产品或核心零部件或核心中间产品的质量一次合格率、产品可靠性、服务满意度等显著提升，
;;;        质量损失率明显下降。
;;;   3-5  产业相关产品质量合格率、产品可靠性、服务满意度等有一定的提升。
;;;   1-2  产业相关产品质量合格率、产品可靠性、服务满意度等保持稳定。
;;;
;;; How the scorer reads it (docs/POLICY.md, "quality"):
;;;  - Three groups of measures: pass rates (first-pass yield, pass rate), reliability
;;;    (reliability, failure rate), service satisfaction; and the quality-loss rate. Each series
;;;    is measured by MEASURE from the base year to the window's last year; a group's measure is
;;;    the average improvement of its series (a chain cannot pick its one best series).
;;;  - Improvement: for pass rates and satisfaction the share of the shortfall to 100 closed; for
;;;    reliability, failure rate and loss rate the relative change (MAIN::improvement).
;;;  - 显著 / 明显 (marked) is improvement-marked, 一定 (some) improvement-some: one reading of each
;;;    word for the whole rubric.
;;;  - 6-8: at least quality-marked-groups of the three groups improved markedly (等: not every
;;;    one is required), and the loss rate fell markedly.
;;;  - 3-5: at least one group improved to some extent.
;;;  - 1-2: stable: at least one group measured and none worse than quality-stable-tolerance.
;;;    Without measures there is no band: 0 points and a flag.
;;;  - A group that got worse beyond the tolerance is flagged whatever the band.
;;;  - Placement: 6-8 adds all three groups marked and a loss rate down factor-far-multiple times
;;;    the marked rate; 3-5 adds each condition of 6-8 that holds and measures of all four kinds;
;;;    1-2 adds measures of all four kinds.
;;;  - When no group improved to some extent, the measured values are reported in an info flag.

(defmodule QUALITY (import MAIN ?ALL))

(deffacts QUALITY::definitions
  (condition (indicator quality) (level 3) (id groups-marked)
    (text "一次合格率、可靠性、服务满意度中至少参数 quality-marked-groups（{quality-marked-groups}）项显著提升（平均改善不低于参数 improvement-marked（{improvement-marked}））")
    (text-en "at least parameter quality-marked-groups ({quality-marked-groups}) of pass rate, reliability and satisfaction improved markedly (average improvement at least parameter improvement-marked ({improvement-marked}))"))
  (condition (indicator quality) (level 3) (id loss-marked)
    (text "质量损失率明显下降（相对下降不低于参数 improvement-marked（{improvement-marked}））")
    (text-en "the quality-loss rate fell markedly (relative fall at least parameter improvement-marked ({improvement-marked}))"))
  (condition (indicator quality) (level 2) (id some-improved)
    (text "合格率、可靠性、服务满意度中至少1项有一定提升（不低于参数 improvement-some（{improvement-some}））")
    (text-en "at least 1 of pass rate, reliability or satisfaction improved to some extent (at least parameter improvement-some ({improvement-some}))"))
  (condition (indicator quality) (level 1) (id stable)
    (text "合格率、可靠性、服务满意度保持稳定：有实测数据，且无一项下降超过参数 quality-stable-tolerance（{quality-stable-tolerance}）")
    (text-en "pass rate, reliability and satisfaction stable: measured, none worse than parameter quality-stable-tolerance ({quality-stable-tolerance})"))

  (factor-def (indicator quality) (level 3) (id all-marked)
    (text "三项均显著提升") (text-en "all three groups improved markedly"))
  (factor-def (indicator quality) (level 3) (id loss-far)
    (text "质量损失率下降达到参数 improvement-marked（{improvement-marked}）的 {factor-far-multiple} 倍（参数 factor-far-multiple）")
    (text-en "loss rate down {factor-far-multiple} times (parameter factor-far-multiple) parameter improvement-marked ({improvement-marked})"))
  (factor-def (indicator quality) (level 2) (id fully-measured)
    (text "合格率、可靠性、满意度、质量损失率四类数据齐全") (text-en "all four kinds of measures reported"))
  (factor-def (indicator quality) (level 2) (id partly-groups) (condition groups-marked)
    (text "部分达到上一档：多项显著提升") (text-en "partly the next band: groups improved markedly"))
  (factor-def (indicator quality) (level 2) (id partly-loss) (condition loss-marked)
    (text "部分达到上一档：质量损失率明显下降") (text-en "partly the next band: loss rate fell markedly"))
  (factor-def (indicator quality) (level 1) (id fully-measured)
    (text "合格率、可靠性、满意度、质量损失率四类数据齐全") (text-en "all four kinds of measures reported")))

(deffunction QUALITY::group-of (?kind)
  (switch ?kind
    (case first-pass-yield then yield) (case pass-rate then yield)
    (case reliability then reliability) (case failure-rate then reliability)
    (case satisfaction then satisfaction) (case quality-loss-rate then loss)
    (default nil)))

(deffunction QUALITY::group-zh (?g)
  (switch ?g (case yield then "合格率") (case reliability then "可靠性") (case satisfaction then "服务满意度")
    (case loss then "质量损失率") (default "")))

;;; The average improvement of one group, its series and a text.
(deftemplate QUALITY::group
  (slot name (type SYMBOL))
  (slot improvement (type FLOAT))
  (multislot evidence (type STRING))
  (slot text (type STRING))
  (slot text-en (type STRING)))

(defrule QUALITY::quality-groups
  "Each group's measure: the average improvement of its series."
  (project)
  =>
  (progn$ (?g (create$ yield reliability satisfaction loss))
    (bind ?sum 0.0)
    (bind ?of (sym-cat quality- ?g))
    (bind ?cs (find-all-facts ((?c change)) (eq (group-of ?c:kind) ?g)))
    (progn$ (?c ?cs)
      (bind ?i (fact-slot-value ?c improvement))
      (bind ?sum (+ ?sum ?i))
      (assert (text-line (of ?of) (item (fact-slot-value ?c metric))
        (text (str-cat (fact-slot-value ?c text) "，改善 " (num ?i) "%"))
        (text-en (str-cat (fact-slot-value ?c text-en) ", improved " (num ?i) " %")))))
    (bind ?n (length$ ?cs))
    (bind ?ids (slot-values$ ?cs metric))
    (bind ?zh (join$ "；" (slot-values$ (lines-of ?of) text)))
    (bind ?en (join$ "; " (slot-values$ (lines-of ?of) text-en)))
    (if (> ?n 0) then
      (bind ?avg (pct (/ ?sum ?n)))
      (assert (group (name ?g) (improvement ?avg) (evidence ?ids)
        (text (str-cat (group-zh ?g) "：" ?zh (if (> ?n 1) then (str-cat "；平均 " (num ?avg) "%") else "")))
        (text-en (str-cat ?g ": " ?en (if (> ?n 1) then (str-cat "; average " (num ?avg) " %") else ""))))))))

(defrule QUALITY::quality-judge
  "显著提升 / 有一定的提升 / 保持稳定, and 质量损失率明显下降."
  (declare (salience -10)) ; after every group has been measured
  (param (name improvement-marked) (value ?marked))
  (param (name improvement-some) (value ?some))
  (param (name quality-marked-groups) (value ?need))
  (param (name quality-stable-tolerance) (value ?tol))
  (param (name factor-far-multiple) (value ?far))
  =>
  (bind ?marked-ids (create$)) (bind ?marked-n 0) (bind ?zh "") (bind ?en "")
  (bind ?measured 0) (bind ?worse 0)
  (do-for-all-facts ((?g group)) (neq ?g:name loss)
    (bind ?measured (+ ?measured 1))
    (if (< ?g:improvement (- 0 ?tol)) then (bind ?worse (+ ?worse 1))
      (assert (flag (indicator quality) (code quality-worsened) (severity warning) (rule quality-judge)
        (evidence ?g:evidence)
        (text (str-cat ?g:text "：下降超过参数 quality-stable-tolerance（" (num ?tol) "%）"))
        (text-en (str-cat ?g:text-en ": worse by more than parameter quality-stable-tolerance (" (num ?tol) " %)")))))
    (if (>= ?g:improvement ?marked) then
      (bind ?marked-n (+ ?marked-n 1)) (bind ?marked-ids (create$ ?marked-ids ?g:evidence))
      (bind ?zh (str-cat ?zh (if (> ?marked-n 1) then "；" else "") ?g:text))
      (bind ?en (str-cat ?en (if (> ?marked-n 1) then "; " else "") ?g:text-en)))
    (if (>= ?g:improvement ?some) then
      (assert (held (indicator quality) (condition some-improved) (rule quality-judge) (evidence ?g:evidence)
        (text (str-cat ?g:text "（参数 improvement-some ≥ " (num ?some) "%）"))
        (text-en (str-cat ?g:text-en " (parameter improvement-some >= " (num ?some) " %)"))))))
  (if (>= ?marked-n ?need) then
    (assert (held (indicator quality) (condition groups-marked) (rule quality-judge) (evidence ?marked-ids)
      (text (str-cat ?marked-n " 项显著提升（参数 quality-marked-groups ≥ " (num ?need) "，improvement-marked ≥ " (num ?marked) "%）：" ?zh))
      (text-en (str-cat ?marked-n " groups improved markedly (parameter quality-marked-groups >= " (num ?need) ", improvement-marked >= " (num ?marked) " %): " ?en)))))
  (if (= ?marked-n 3) then
    (assert (factor (indicator quality) (id all-marked) (rule quality-judge) (evidence ?marked-ids)
      (text "合格率、可靠性、服务满意度三项均显著提升") (text-en "all three groups improved markedly"))))
  (if (and (> ?measured 0) (= ?worse 0)) then
    (bind ?ids (create$))
    (do-for-all-facts ((?g group)) (neq ?g:name loss) (bind ?ids (create$ ?ids ?g:evidence)))
    (assert (held (indicator quality) (condition stable) (rule quality-judge) (evidence ?ids)
      (text (str-cat ?measured " 项有实测数据，无一项下降超过 " (num ?tol) "%（参数 quality-stable-tolerance）"))
      (text-en (str-cat ?measured " groups measured, none worse than " (num ?tol) " % (parameter quality-stable-tolerance)")))))
  (do-for-fact ((?g group)) (eq ?g:name loss)
    (if (>= ?g:improvement ?marked) then
      (assert (held (indicator quality) (condition loss-marked) (rule quality-judge) (evidence ?g:evidence)
        (text (str-cat ?g:text "（参数 improvement-marked ≥ " (num ?marked) "%）"))
        (text-en (str-cat ?g:text-en " (parameter improvement-marked >= " (num ?marked) " %)")))))
    (if (>= ?g:improvement (* ?far ?marked)) then
      (assert (factor (indicator quality) (id loss-far) (rule quality-judge) (evidence ?g:evidence)
        (text (str-cat ?g:text "，达到参数的 " (num ?far) " 倍"))
        (text-en (str-cat ?g:text-en ", " (num ?far) " times the parameter"))))))
  (if (and (= ?measured 3) (any-factp ((?g group)) (eq ?g:name loss))) then
    (bind ?ids (create$))
    (do-for-all-facts ((?g group)) TRUE (bind ?ids (create$ ?ids ?g:evidence)))
    (assert (factor (indicator quality) (id fully-measured) (rule quality-judge) (evidence ?ids)
      (text "合格率、可靠性、服务满意度、质量损失率四类数据齐全") (text-en "all four kinds of measures reported"))))
  (if (and (> ?measured 0)
           (not (any-factp ((?g group)) (and (neq ?g:name loss) (>= ?g:improvement ?some))))) then
    (bind ?ids (create$)) (bind ?zh "") (bind ?en "")
    (do-for-all-facts ((?g group)) (neq ?g:name loss)
      (bind ?ids (create$ ?ids ?g:evidence))
      (bind ?zh (str-cat ?zh (if (> (length$ ?ids) (length$ ?g:evidence)) then "；" else "") ?g:text))
      (bind ?en (str-cat ?en (if (> (length$ ?ids) (length$ ?g:evidence)) then "; " else "") ?g:text-en)))
    (assert (flag (indicator quality) (code no-improvement) (severity info) (rule quality-judge)
      (evidence ?ids)
      (text (str-cat "实测：" ?zh "；均未达到参数 improvement-some（" (num ?some) "%）"))
      (text-en (str-cat "measured: " ?en "; none reaches parameter improvement-some (" (num ?some) " %)")))))
  (if (= ?measured 0) then
    (assert (flag (indicator quality) (code quality-unmeasured) (severity warning) (rule quality-judge)
      (text "没有可计算的合格率、可靠性或满意度序列（含基准年和评价期内年份）")
      (text-en "no pass-rate, reliability or satisfaction series with a base-year value and a value inside the window")))))
