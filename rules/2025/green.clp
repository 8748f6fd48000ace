;;; green.clp -- 绿色低碳 (6分), section 质量成效 (results).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   4-6  产业资源利用提升显著，产业链上主要企业获得绿色、环保、低碳、节能等方面的认证。
;;;   1-3  产业资源利用有一定的提升，产业链上主要企业污染物排放控制、碳排放等有一定的下降。
;;;
;;; How the scorer reads it (docs/POLICY.md, "green"):
;;;  - Resource use: energy intensity, water intensity (lower is better) and the resource use
;;;    rate (the shortfall to 100 closed), measured from the base year to the window's last year;
;;;    the average improvement of those series. Its thresholds are its own: the national target
;;;    for energy per unit of GDP is -13.5 % over five years (about 3 % a year), so 显著 is
;;;    green-resource-marked and 一定 green-resource-some, not the rubric-wide improvement-marked.
;;;  - Emissions: carbon and pollutant emissions of the chain or of main enterprises, average
;;;    relative fall at least green-emissions-some.
;;;  - Certifications: green factory, green product, green supply chain, energy-saving,
;;;    low-carbon, environmental label, ISO 14001, ISO 50001, carbon footprint; of a main
;;;    enterprise (链主 or 关键合作方), dated inside the window.
;;;  - 4-6: resource use markedly better and a main enterprise certified. 1-3: resource use
;;;    somewhat better and emissions somewhat lower (the rubric joins them with ，).
;;;  - Placement: 4-6 adds green-certified-many certified main enterprises and a national-level
;;;    green factory or supply chain; 1-3 adds each condition of 4-6 that holds and emissions
;;;    down factor-far-multiple times green-emissions-some.
;;;  - Resource use or emissions measured but below the thresholds, or not measurable, are
;;;    reported in a flag with the values.

(defmodule GREEN (import MAIN ?ALL))

(deffacts GREEN::definitions
  (condition (indicator green) (level 2) (id resource-marked)
    (text "产业资源利用提升显著：能耗、水耗强度和资源综合利用率平均改善不低于参数 green-resource-marked（{green-resource-marked}）")
    (text-en "resource use markedly better: energy and water intensity and resource use improved on average by at least parameter green-resource-marked ({green-resource-marked})"))
  (condition (indicator green) (level 2) (id main-certified)
    (text "主要企业在评价期内获得绿色、环保、低碳、节能等方面的认证")
    (text-en "a main enterprise obtained a green, environmental, low-carbon or energy-saving certification inside the window"))
  (condition (indicator green) (level 1) (id resource-some)
    (text "产业资源利用有一定的提升：平均改善不低于参数 green-resource-some（{green-resource-some}）")
    (text-en "resource use somewhat better: average improvement at least parameter green-resource-some ({green-resource-some})"))
  (condition (indicator green) (level 1) (id emissions-fell)
    (text "主要企业污染物排放、碳排放有一定的下降：平均下降不低于参数 green-emissions-some（{green-emissions-some}）")
    (text-en "pollutant and carbon emissions somewhat lower: average fall at least parameter green-emissions-some ({green-emissions-some})"))

  (factor-def (indicator green) (level 2) (id several-certified)
    (text "获得认证的主要企业达到参数 green-certified-many（{green-certified-many}）家")
    (text-en "certified main enterprises reach parameter green-certified-many ({green-certified-many})"))
  (factor-def (indicator green) (level 2) (id national-green)
    (text "国家级绿色工厂或绿色供应链管理企业") (text-en "a national-level green factory or green supply chain"))
  (factor-def (indicator green) (level 1) (id partly-marked) (condition resource-marked)
    (text "部分达到上一档：资源利用提升显著") (text-en "partly the next band: resource use markedly better"))
  (factor-def (indicator green) (level 1) (id partly-certified) (condition main-certified)
    (text "部分达到上一档：主要企业获得绿色认证") (text-en "partly the next band: a certified main enterprise"))
  (factor-def (indicator green) (level 1) (id emissions-far)
    (text "排放平均下降达到参数 green-emissions-some（{green-emissions-some}）的 {factor-far-multiple} 倍（参数 factor-far-multiple）")
    (text-en "emissions down {factor-far-multiple} times (parameter factor-far-multiple) parameter green-emissions-some ({green-emissions-some})")))

(defrule GREEN::green-resource
  "产业资源利用提升: the average improvement of the resource series."
  (param (name green-resource-marked) (value ?marked))
  (param (name green-resource-some) (value ?some))
  (project)
  =>
  (bind ?sum 0.0)
  (bind ?cs (find-all-facts ((?c change)) (member$ ?c:kind (create$ energy-intensity water-intensity resource-use))))
  (progn$ (?c ?cs)
    (bind ?i (fact-slot-value ?c improvement))
    (bind ?sum (+ ?sum ?i))
    (assert (text-line (of green-resource) (item (fact-slot-value ?c metric))
      (text (str-cat (fact-slot-value ?c text) "，改善 " (num ?i) "%"))
      (text-en (str-cat (fact-slot-value ?c text-en) ", improved " (num ?i) " %")))))
  (bind ?n (length$ ?cs))
  (bind ?ids (slot-values$ ?cs metric))
  (bind ?zh (join$ "；" (slot-values$ (lines-of green-resource) text)))
  (bind ?en (join$ "; " (slot-values$ (lines-of green-resource) text-en)))
  (if (> ?n 0) then
    (bind ?avg (pct (/ ?sum ?n)))
    (if (>= ?avg ?marked) then
      (assert (held (indicator green) (condition resource-marked) (rule green-resource) (evidence ?ids)
        (text (str-cat ?zh "；平均 " (num ?avg) "%（参数 green-resource-marked ≥ " (num ?marked) "%）"))
        (text-en (str-cat ?en "; average " (num ?avg) " % (parameter green-resource-marked >= " (num ?marked) " %)")))))
    (if (>= ?avg ?some) then
      (assert (held (indicator green) (condition resource-some) (rule green-resource) (evidence ?ids)
        (text (str-cat ?zh "；平均 " (num ?avg) "%（参数 green-resource-some ≥ " (num ?some) "%）"))
        (text-en (str-cat ?en "; average " (num ?avg) " % (parameter green-resource-some >= " (num ?some) " %)"))))
     else
      (assert (flag (indicator green) (code resource-below) (severity info) (rule green-resource) (evidence ?ids)
        (text (str-cat ?zh "；平均 " (num ?avg) "%，未达到参数 green-resource-some（" (num ?some) "%）"))
        (text-en (str-cat ?en "; average " (num ?avg) " %, below parameter green-resource-some (" (num ?some) " %)")))))
   else
    (assert (flag (indicator green) (code resource-unmeasured) (severity warning) (rule green-resource)
      (text "没有可计算的能耗、水耗强度或资源综合利用率序列（含基准年和评价期内年份）")
      (text-en "no energy, water or resource-use series with a base-year value and a value inside the window")))))

(defrule GREEN::green-emissions
  "污染物排放控制、碳排放等有一定的下降 (the chain's, or main enterprises')."
  (param (name green-emissions-some) (value ?some))
  (param (name factor-far-multiple) (value ?far))
  (project)
  =>
  (bind ?sum 0.0) (bind ?n 0)
  ;; The emission series, and the enterprise of each, found in one pass (not a search of every
  ;; enterprise for every series).
  (bind ?cs (find-all-facts ((?c change)) (member$ ?c:kind (create$ carbon-emissions pollutant-emissions))))
  (bind ?owners (first-by$ (find-all-facts ((?e enterprise)) TRUE) id (slot-values$ ?cs enterprise)))
  (loop-for-count (?k (length$ ?cs))
    (bind ?c (nth$ ?k ?cs))
    (bind ?o (nth$ ?k ?owners))
    (if (or (eq (fact-slot-value ?c scope) chain)
            (and (neq ?o FALSE) (main-role-p (fact-slot-value ?o role)))) then
      (bind ?i (fact-slot-value ?c improvement))
      (bind ?sum (+ ?sum ?i)) (bind ?n (+ ?n 1))
      (assert (text-line (of green-emissions) (item (fact-slot-value ?c metric))
        (text (str-cat (fact-slot-value ?c text) "，下降 " (num ?i) "%"))
        (text-en (str-cat (fact-slot-value ?c text-en) ", down " (num ?i) " %"))))))
  (bind ?lines (lines-of green-emissions))
  (bind ?ids (slot-values$ ?lines item))
  (bind ?zh (join$ "；" (slot-values$ ?lines text)))
  (bind ?en (join$ "; " (slot-values$ ?lines text-en)))
  (if (= ?n 0) then
    (assert (flag (indicator green) (code emissions-unmeasured) (severity warning) (rule green-emissions)
      (text "没有可计算的碳排放或污染物排放序列（产业链或主要企业，含基准年和评价期内年份）")
      (text-en "no carbon or pollutant emission series (of the chain or a main enterprise) with a base-year value and a value inside the window")))
   else
    (bind ?avg (pct (/ ?sum ?n)))
    (if (>= ?avg ?some) then
      (assert (held (indicator green) (condition emissions-fell) (rule green-emissions) (evidence ?ids)
        (text (str-cat ?zh "；平均下降 " (num ?avg) "%（参数 green-emissions-some ≥ " (num ?some) "%）"))
        (text-en (str-cat ?en "; average fall " (num ?avg) " % (parameter green-emissions-some >= " (num ?some) " %)"))))
     else
      (assert (flag (indicator green) (code emissions-below) (severity info) (rule green-emissions) (evidence ?ids)
        (text (str-cat ?zh "；平均下降 " (num ?avg) "%，未达到参数 green-emissions-some（" (num ?some) "%）"))
        (text-en (str-cat ?en "; average fall " (num ?avg) " %, below parameter green-emissions-some (" (num ?some) " %)")))))
    (if (>= ?avg (* ?far ?some)) then
      (assert (factor (indicator green) (id emissions-far) (rule green-emissions) (evidence ?ids)
        (text (str-cat "排放平均下降 " (num ?avg) "%，达到参数的 " (num ?far) " 倍"))
        (text-en (str-cat "emissions down " (num ?avg) " % on average, " (num ?far) " times the parameter")))))))

(defrule GREEN::green-outside-window
  "注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益。"
  (window (start ?s) (end ?e))
  (certification (id ?id) (name ?n) (date ?d) (window before|after))
  =>
  (assert (excluded (indicator green) (evidence ?id) (rule green-outside-window)
    (text (str-cat ?n " 的日期 " ?d " 不在成效评价期 " ?s " 至 " ?e " 之内"))
    (text-en (str-cat ?n " is dated " ?d ", outside the results window " ?s " to " ?e)))))

(defrule GREEN::green-not-counted
  "Certifications of other kinds, or of enterprises that are not main enterprises."
  (certification (id ?id) (name ?n) (kind ?k) (enterprise ?e) (window inside))
  (enterprise (id ?e) (name ?en) (role ?r))
  (test (or (eq ?k other) (not (main-role-p ?r))))
  =>
  (assert (excluded (indicator green) (evidence ?id) (rule green-not-counted)
    (text (if (eq ?k other)
              then (str-cat ?n " 不属于绿色、环保、低碳、节能类认证")
              else (str-cat ?en "（" ?e "）不是主要企业（链主、关键合作方），其认证 " ?n " 不计入")))
    (text-en (if (eq ?k other)
                 then (str-cat ?n " is not a green, environmental, low-carbon or energy-saving certification")
                 else (str-cat ?en " (" ?e ") is not a main enterprise; " ?n " does not count"))))))

(defrule GREEN::green-certified
  "产业链上主要企业获得绿色、环保、低碳、节能等方面的认证"
  (certification (id ?id) (name ?n) (kind ?k&~other) (level ?lv) (enterprise ?e) (date ?d) (window inside))
  (enterprise (id ?e) (name ?en) (role ?r&:(main-role-p ?r)))
  =>
  (assert (tally (indicator green) (name certified) (key ?e)))
  (assert (held (indicator green) (condition main-certified) (rule green-certified) (evidence ?id)
    (text (str-cat ?en " 获得 " ?n "（" ?d "）")) (text-en (str-cat ?en " obtained " ?n " (" ?d ")"))))
  (if (and (eq ?lv national) (member$ ?k (create$ green-factory green-supply-chain))) then
    (assert (factor (indicator green) (id national-green) (rule green-certified) (evidence ?id)
      (text (str-cat "国家级：" ?n)) (text-en (str-cat "national: " ?n))))))

(defrule GREEN::green-several-certified
  "Several main enterprises certified."
  (declare (salience -10)) ; after every certification has been tallied
  (param (name green-certified-many) (value ?many))
  =>
  (bind ?es (tally-keys green certified))
  (if (>= (length$ ?es) ?many) then
    (assert (factor (indicator green) (id several-certified) (rule green-several-certified) (evidence ?es)
      (text (str-cat (length$ ?es) " 家主要企业获得认证：" (join-ids ?es) "（参数 green-certified-many ≥ " (num ?many) "）"))
      (text-en (str-cat (length$ ?es) " main enterprises certified: " (join-ids ?es) " (parameter green-certified-many >= " (num ?many) ")"))))))
