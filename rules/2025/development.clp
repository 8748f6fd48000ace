;;; development.clp -- 产业发展 (10分), section 质量成效 (results).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   8-10 直接关联的产业产值大幅增长，且链上主要企业的劳动生产率大幅提高，形成有引领力的质量卓越产业集群，
;;;        或质量竞争力处于行业领先水平。
;;;   5-7  直接关联的产业产值有一定增长，且链上主要企业的劳动生产率有一定提高。
;;;   3-4  直接关联的产业产值有所增长，且链上主要企业的劳动生产率有所提高。
;;;   1-2  直接关联的产业产值有所增长，或链上主要企业的劳动生产率有所提高。
;;;
;;; How the scorer reads it (docs/POLICY.md, "development"):
;;;  - Growth is measured by the MEASURE module from the base year (before work start) to the
;;;    window's last year, as compound growth a year, so that windows of any length compare.
;;;  - Output: the chain's directly related output value, a chain-scope output-value series.
;;;    With several, the one with the largest base value is the chain total; the others are
;;;    named in a flag.
;;;  - Labour productivity of the main enterprises (全员劳动生产率 = value added / employees):
;;;    the sum of value added over the sum of employees of the main enterprises that report both
;;;    for the same years.
;;;  - 大幅 / 一定 / 有所: at least development-output-substantial / -some % a year, or more than
;;;    development-grew-min (output); development-productivity-substantial / -some % a year,
;;;    or more than development-grew-min (productivity). 且 is and, 或 is or, as written.
;;;  - "形成有引领力的质量卓越产业集群，或质量竞争力处于行业领先水平" is a strengthening factor of
;;;    8-10 (and 5-7), shown inside the window by a national recognition of the chain's approach
;;;    (<demonstration level="national">) or a national demonstration zone or linkage pilot
;;;    (the honours of a chain or region; an enterprise's brand honour is not the chain's lead,
;;;    and an award whose name makes it something else -- 全国质量奖, 中国质量奖 -- is not one).
;;;  - Placement: 8-10 adds leadership and output growth factor-far-multiple times the substantial
;;;    rate; lower bands add each condition of the next band up that holds (1-2: growth of either
;;;    kind "to some extent"); 5-7 adds leadership too.
;;;  - Growth figures that reach no threshold are reported in an info flag, so that a reviewer
;;;    sees the measured values even without a band.

(defmodule DEVELOPMENT (import MAIN ?ALL))

(deffacts DEVELOPMENT::definitions
  (condition (indicator development) (level 4) (id output-substantial)
    (text "直接关联的产业产值大幅增长：年均增长不低于参数 development-output-substantial（{development-output-substantial}）")
    (text-en "output grew substantially: at least parameter development-output-substantial ({development-output-substantial}) % a year"))
  (condition (indicator development) (level 4) (id productivity-substantial)
    (text "链上主要企业劳动生产率大幅提高：年均不低于参数 development-productivity-substantial（{development-productivity-substantial}）")
    (text-en "the main enterprises' labour productivity rose substantially: at least parameter development-productivity-substantial ({development-productivity-substantial}) % a year"))
  (condition (indicator development) (level 3) (id output-some)
    (text "产值有一定增长：年均不低于参数 development-output-some（{development-output-some}）")
    (text-en "output grew to some extent: at least parameter development-output-some ({development-output-some}) % a year"))
  (condition (indicator development) (level 3) (id productivity-some)
    (text "劳动生产率有一定提高：年均不低于参数 development-productivity-some（{development-productivity-some}）")
    (text-en "productivity rose to some extent: at least parameter development-productivity-some ({development-productivity-some}) % a year"))
  (condition (indicator development) (level 2) (id output-grew)
    (text "产值有所增长：年均增长高于参数 development-grew-min（{development-grew-min}）")
    (text-en "output grew: more than parameter development-grew-min ({development-grew-min}) % a year"))
  (condition (indicator development) (level 2) (id productivity-rose)
    (text "劳动生产率有所提高：年均高于参数 development-grew-min（{development-grew-min}）")
    (text-en "productivity rose: more than parameter development-grew-min ({development-grew-min}) % a year"))
  (condition (indicator development) (level 1) (id output-or-productivity)
    (text "产值有所增长，或劳动生产率有所提高")
    (text-en "output grew or productivity rose"))

  (factor-def (indicator development) (level 4) (id leading)
    (text "形成有引领力的质量卓越产业集群或质量竞争力行业领先：评价期内获国家级认定（示范经验、质量品牌提升示范区或联动提升试点）")
    (text-en "a leading quality-excellent cluster: national recognition inside the window (a demonstrative approach, a demonstration zone or a linkage pilot)"))
  (factor-def (indicator development) (level 4) (id far-above)
    (text "产值年均增长达到参数 development-output-substantial（{development-output-substantial}）的 {factor-far-multiple} 倍（参数 factor-far-multiple）")
    (text-en "output growth {factor-far-multiple} times (parameter factor-far-multiple) parameter development-output-substantial ({development-output-substantial})"))
  (factor-def (indicator development) (level 3) (id leading)
    (text "评价期内获国家级认定（示范经验、质量品牌提升示范区或联动提升试点）")
    (text-en "national recognition inside the window (a demonstrative approach, a demonstration zone or a linkage pilot)"))
  (factor-def (indicator development) (level 3) (id partly-output) (condition output-substantial)
    (text "部分达到上一档：产值大幅增长") (text-en "partly the next band: output grew substantially"))
  (factor-def (indicator development) (level 3) (id partly-productivity) (condition productivity-substantial)
    (text "部分达到上一档：劳动生产率大幅提高") (text-en "partly the next band: productivity rose substantially"))
  (factor-def (indicator development) (level 2) (id partly-output-some) (condition output-some)
    (text "部分达到上一档：产值有一定增长") (text-en "partly the next band: output grew to some extent"))
  (factor-def (indicator development) (level 2) (id partly-productivity-some) (condition productivity-some)
    (text "部分达到上一档：劳动生产率有一定提高") (text-en "partly the next band: productivity rose to some extent"))
  (factor-def (indicator development) (level 1) (id some-output) (condition output-some)
    (text "产值有一定增长") (text-en "output grew to some extent"))
  (factor-def (indicator development) (level 1) (id some-productivity) (condition productivity-some)
    (text "劳动生产率有一定提高") (text-en "productivity rose to some extent")))

;;; The growth figures of this submission.
;;; A main enterprise's two series used for productivity (in the order of the enterprises).
(deftemplate DEVELOPMENT::productivity-series
  (slot value-added (type STRING))
  (slot employees (type STRING)))

(deftemplate DEVELOPMENT::measured
  (slot what (type SYMBOL))           ; output or productivity
  (slot growth (type FLOAT))          ; percent a year
  (multislot evidence (type STRING))
  (slot text (type STRING))
  (slot text-en (type STRING)))

;;; TRUE when output series ?x ranks after ?y: the larger base value first, between equal ones
;;; the first id.
(deffunction DEVELOPMENT::ranks-after (?x ?y)
  (bind ?fx (fact-slot-value ?x from))
  (bind ?fy (fact-slot-value ?y from))
  (or (< ?fx ?fy)
      (and (= ?fx ?fy) (> (str-compare (fact-slot-value ?x metric) (fact-slot-value ?y metric)) 0))))

(defrule DEVELOPMENT::development-output
  "直接关联的产业产值: the chain's output-value series (the largest, if several)."
  ;; One pass over the series for the largest: a (not (change ... larger)) pattern compared
  ;; every series with every other one.
  (exists (change (kind output-value) (scope chain)))
  =>
  (bind ?all (find-all-facts ((?c change)) (and (eq ?c:kind output-value) (eq ?c:scope chain))))
  (bind ?best (nth$ 1 ?all))
  (progn$ (?c ?all) (if (ranks-after ?best ?c) then (bind ?best ?c)))
  (bind ?m (fact-slot-value ?best metric))
  (bind ?g (fact-slot-value ?best growth))
  (assert (measured (what output) (growth ?g) (evidence ?m)
    (text (str-cat (fact-slot-value ?best text) "，年均增长 " (num ?g) "%"))
    (text-en (str-cat (fact-slot-value ?best text-en) ", " (num ?g) " % a year"))))
  (bind ?others (delete-member$ (slot-values$ ?all metric) ?m))
  (if (> (length$ ?others) 0) then
    (assert (flag (indicator development) (code several-output-series) (severity info)
      (rule development-output) (evidence ?m ?others)
      (text (str-cat "有多个产业链产值序列；以基数最大的 " ?m " 为产业总产值，未用：" (join-ids ?others)))
      (text-en (str-cat "several chain output series; " ?m " (the largest) is taken as the chain's total, not used: " (join-ids ?others)))))))

(defrule DEVELOPMENT::development-productivity
  "链上主要企业的劳动生产率 = 增加值 / 从业人员, over the main enterprises reporting both."
  (project)
  =>
  (bind ?va0 0.0) (bind ?va1 0.0) (bind ?em0 0.0) (bind ?em1 0.0) (bind ?years 0)
  (bind ?y0 0) (bind ?y1 0)
  ;; One pass over the main enterprises with each one's first series of each kind, found in one
  ;; pass too (not a join of every series with every other, nor a search per enterprise).
  (bind ?mids (slot-values$ (find-all-facts ((?x enterprise)) (main-role-p ?x:role)) id))
  (bind ?vas (first-by$ (find-all-facts ((?c change)) (and (eq ?c:kind value-added) (eq ?c:scope enterprise)))
                        enterprise ?mids))
  (bind ?ems (first-by$ (find-all-facts ((?c change)) (and (eq ?c:kind employees) (eq ?c:scope enterprise)))
                        enterprise ?mids))
  (loop-for-count (?i (length$ ?mids))
    (bind ?v (nth$ ?i ?vas))
    (bind ?p (nth$ ?i ?ems))
    (if (and (neq ?v FALSE) (neq ?p FALSE)) then
      (if (and (= (fact-slot-value ?v from-year) (fact-slot-value ?p from-year))
               (= (fact-slot-value ?v to-year) (fact-slot-value ?p to-year))
               (> (fact-slot-value ?p from) 0) (> (fact-slot-value ?p to) 0)) then
        (bind ?va0 (+ ?va0 (fact-slot-value ?v from))) (bind ?va1 (+ ?va1 (fact-slot-value ?v to)))
        (bind ?em0 (+ ?em0 (fact-slot-value ?p from))) (bind ?em1 (+ ?em1 (fact-slot-value ?p to)))
        (bind ?fy (fact-slot-value ?v from-year)) (bind ?ty (fact-slot-value ?v to-year))
        (bind ?y0 (if (= ?y0 0) then ?fy else (min ?y0 ?fy)))
        (bind ?y1 (max ?y1 ?ty))
        (bind ?years (max ?years (- ?ty ?fy)))
        (assert (productivity-series (value-added (fact-slot-value ?v metric))
                                     (employees (fact-slot-value ?p metric)))))))
  (bind ?ids (slot-values$ (find-all-facts ((?x productivity-series)) TRUE) value-added employees))
  (if (and (> ?em0 0) (> ?em1 0) (> ?years 0)) then
    (bind ?p0 (/ ?va0 ?em0))
    (bind ?p1 (/ ?va1 ?em1))
    (bind ?g (growth ?p0 ?p1 ?years))
    (assert (measured (what productivity) (growth ?g) (evidence ?ids)
      (text (str-cat "主要企业劳动生产率（增加值/从业人员）" (num ?p0) "→" (num ?p1) "（" ?y0 "→" ?y1 "），年均提高 " (num ?g) "%"))
      (text-en (str-cat "main enterprises' labour productivity (value added per employee) " (num ?p0) " -> " (num ?p1) " (" ?y0 " -> " ?y1 "), " (num ?g) " % a year"))))))

(defrule DEVELOPMENT::development-grades
  "大幅 / 一定 / 有所: each growth figure against the parameters."
  (param (name development-output-substantial) (value ?os))
  (param (name development-output-some) (value ?oo))
  (param (name development-productivity-substantial) (value ?ps))
  (param (name development-productivity-some) (value ?po))
  (param (name development-grew-min) (value ?min))
  (param (name factor-far-multiple) (value ?far))
  (measured (what ?w) (growth ?g) (evidence $?ev) (text ?t) (text-en ?te))
  =>
  (bind ?sub (if (eq ?w output) then ?os else ?ps))
  (bind ?some (if (eq ?w output) then ?oo else ?po))
  (bind ?pfx (if (eq ?w output) then development-output- else development-productivity-))
  (if (>= ?g ?sub) then
    (assert (held (indicator development) (condition (sym-cat ?w -substantial)) (rule development-grades)
      (evidence ?ev)
      (text (str-cat ?t "（参数 " ?pfx "substantial ≥ " (num ?sub) "%）"))
      (text-en (str-cat ?te " (parameter " ?pfx "substantial >= " (num ?sub) " %)")))))
  (if (>= ?g ?some) then
    (assert (held (indicator development) (condition (sym-cat ?w -some)) (rule development-grades)
      (evidence ?ev)
      (text (str-cat ?t "（参数 " ?pfx "some ≥ " (num ?some) "%）"))
      (text-en (str-cat ?te " (parameter " ?pfx "some >= " (num ?some) " %)")))))
  (if (> ?g ?min) then
    (assert (held (indicator development) (condition (if (eq ?w output) then output-grew else productivity-rose))
      (rule development-grades) (evidence ?ev)
      (text (str-cat ?t "（参数 development-grew-min > " (num ?min) "%）"))
      (text-en (str-cat ?te " (parameter development-grew-min > " (num ?min) " %)"))))
    (assert (held (indicator development) (condition output-or-productivity) (rule development-grades)
      (evidence ?ev)
      (text (str-cat ?t "（参数 development-grew-min > " (num ?min) "%）"))
      (text-en (str-cat ?te " (parameter development-grew-min > " (num ?min) " %)")))))
  (if (<= ?g ?min) then
    (assert (flag (indicator development) (code no-growth) (severity info) (rule development-grades)
      (evidence ?ev)
      (text (str-cat ?t "，未高于参数 development-grew-min（" (num ?min) "%）"))
      (text-en (str-cat ?te ", not above parameter development-grew-min (" (num ?min) " %)")))))
  (if (and (eq ?w output) (>= ?g (* ?far ?sub))) then
    (assert (factor (indicator development) (id far-above) (rule development-grades) (evidence ?ev)
      (text (str-cat ?t "，达到参数的 " (num ?far) " 倍（" (num (* ?far ?sub)) "%）"))
      (text-en (str-cat ?te ", " (num ?far) " times the parameter (" (num (* ?far ?sub)) " %)"))))))

(defrule DEVELOPMENT::development-unmeasured
  "Without the series, growth cannot be judged."
  (declare (salience -10)) ; after the measurements above
  (project)
  =>
  (if (not (any-factp ((?m measured)) (eq ?m:what output))) then
    (assert (flag (indicator development) (code output-unmeasured) (severity warning)
      (rule development-unmeasured)
      (text "没有可计算的产业链产值序列（scope=chain 的 output-value，含基准年和评价期内年份），无法判断产值增长")
      (text-en "no chain output-value series with a base-year value and a value inside the window; output growth cannot be judged"))))
  (if (not (any-factp ((?m measured)) (eq ?m:what productivity))) then
    (assert (flag (indicator development) (code productivity-unmeasured) (severity warning)
      (rule development-unmeasured)
      (text "主要企业没有同年份的增加值和从业人员序列，无法计算劳动生产率")
      (text-en "no main enterprise reports value added and employees for the same years; labour productivity cannot be computed")))))

(defrule DEVELOPMENT::development-leading
  "形成有引领力的质量卓越产业集群，或质量竞争力处于行业领先水平"
  (or (demonstration (id ?id) (title ?t) (level national) (window inside))
      (award (id ?id) (name ?t) (level national) (kind brand-zone|linkage-pilot) (name-class other)
             (window inside)))
  =>
  (assert (factor (indicator development) (id leading) (rule development-leading) (evidence ?id)
    (text (str-cat "国家级认定或荣誉：" ?t)) (text-en (str-cat "national recognition or honour: " ?t)))))
