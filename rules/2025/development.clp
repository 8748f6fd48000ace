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
;;;    or more than development-grew-min (productivity). The defaults come from the national
;;;    statistics of 2023-24 (02-params.clp). 且 is and, 或 is or, as written; each degree
;;;    implies the weaker ones (implies facts).
;;;  - 8-10 has three conditions, as its wording has three parts: output grew substantially,
;;;    productivity rose substantially, and 形成有引领力的质量卓越产业集群，或质量竞争力处于行业领先
;;;    水平 -- shown in its own right: a national advanced manufacturing cluster (国家先进制造业
;;;    集群) recognised by the window's end, a national manufacturing single champion (制造业
;;;    单项冠军) of a chain enterprise valid in the window, or a product ranked in the lead of the
;;;    global or national market in a year of the window. Not by the demonstrations, zones and
;;;    pilots that mechanism and brand already score.
;;;  - By best fit (03-decide.clp) an application that holds all of a band but one is at the top
;;;    of the band below: output grown to some extent with productivity not shown fits 3-4.
;;;  - Placement: 8-10 adds growth factor-far-multiple times the substantial rate (output, and
;;;    productivity); lower bands add each condition of a higher band that holds, and a
;;;    provincial single champion or advanced manufacturing cluster, or an SME characteristic
;;;    cluster (中小企业特色产业集群) of any level (recognised).
;;;  - Growth figures that reach no threshold are reported in an info flag, so that a reviewer
;;;    sees the measured values even without a band.

(defmodule DEVELOPMENT (import MAIN ?ALL))

(deffacts DEVELOPMENT::definitions
  (condition (indicator development) (level 4) (id output-substantial)
    (text "直接关联的产业产值大幅增长：年均增长不低于参数 development-output-substantial（{development-output-substantial}）")
    (text-en "the directly related output grew substantially: at least parameter development-output-substantial ({development-output-substantial}) % a year"))
  (condition (indicator development) (level 4) (id productivity-substantial)
    (text "链上主要企业的劳动生产率大幅提高：年均提高不低于参数 development-productivity-substantial（{development-productivity-substantial}）")
    (text-en "the main enterprises' labour productivity rose substantially: at least parameter development-productivity-substantial ({development-productivity-substantial}) % a year"))
  (condition (indicator development) (level 4) (id leading)
    (text "形成有引领力的质量卓越产业集群，或质量竞争力处于行业领先水平：评价期末前获认定的国家先进制造业集群，或链上企业评价期内有效的国家级制造业单项冠军，或评价期内某年产品市场占有率居全球前 {development-market-rank-global} 位或全国前 {development-market-rank-national} 位")
    (text-en "a leading quality-excellent industrial cluster, or industry-leading quality competitiveness: a national advanced manufacturing cluster recognised by the window's end, a national manufacturing single champion of a chain enterprise valid in the window, or a product ranked in the first {development-market-rank-global} of the global or the first {development-market-rank-national} of the national market in a year of the window"))
  (condition (indicator development) (level 3) (id output-some)
    (text "直接关联的产业产值有一定增长：年均增长不低于参数 development-output-some（{development-output-some}）")
    (text-en "the directly related output grew to some extent: at least parameter development-output-some ({development-output-some}) % a year"))
  (condition (indicator development) (level 3) (id productivity-some)
    (text "链上主要企业的劳动生产率有一定提高：年均提高不低于参数 development-productivity-some（{development-productivity-some}）")
    (text-en "the main enterprises' labour productivity rose to some extent: at least parameter development-productivity-some ({development-productivity-some}) % a year"))
  (condition (indicator development) (level 2) (id output-grew)
    (text "直接关联的产业产值有所增长：年均增长高于参数 development-grew-min（{development-grew-min}）")
    (text-en "the directly related output grew: more than parameter development-grew-min ({development-grew-min}) % a year"))
  (condition (indicator development) (level 2) (id productivity-rose)
    (text "链上主要企业的劳动生产率有所提高：年均提高高于参数 development-grew-min（{development-grew-min}）")
    (text-en "the main enterprises' labour productivity rose: more than parameter development-grew-min ({development-grew-min}) % a year"))
  (condition (indicator development) (level 1) (id output-or-productivity)
    (text "直接关联的产业产值有所增长，或链上主要企业的劳动生产率有所提高：产值或劳动生产率年均增长高于参数 development-grew-min（{development-grew-min}）")
    (text-en "the directly related output grew, or the main enterprises' labour productivity rose: either more than parameter development-grew-min ({development-grew-min}) % a year"))

  ;; A stronger degree holds the weaker ones (03-decide.clp, implied conditions).
  (implies (indicator development) (condition output-substantial) (implied output-some))
  (implies (indicator development) (condition output-some) (implied output-grew))
  (implies (indicator development) (condition output-grew) (implied output-or-productivity))
  (implies (indicator development) (condition productivity-substantial) (implied productivity-some))
  (implies (indicator development) (condition productivity-some) (implied productivity-rose))
  (implies (indicator development) (condition productivity-rose) (implied output-or-productivity))

  (factor-def (indicator development) (level 4) (id far-above)
    (text "产值年均增长达到参数 development-output-substantial（{development-output-substantial}）的 {factor-far-multiple} 倍（参数 factor-far-multiple）")
    (text-en "output growth {factor-far-multiple} times (parameter factor-far-multiple) parameter development-output-substantial ({development-output-substantial})"))
  (factor-def (indicator development) (level 4) (id productivity-far-above)
    (text "劳动生产率年均提高达到参数 development-productivity-substantial（{development-productivity-substantial}）的 {factor-far-multiple} 倍（参数 factor-far-multiple）")
    (text-en "productivity growth {factor-far-multiple} times (parameter factor-far-multiple) parameter development-productivity-substantial ({development-productivity-substantial})"))
  (factor-def (indicator development) (level 3) (id partly-output) (condition output-substantial)
    (text "部分达到上一档：产值大幅增长") (text-en "partly the next band: output grew substantially"))
  (factor-def (indicator development) (level 3) (id partly-productivity) (condition productivity-substantial)
    (text "部分达到上一档：劳动生产率大幅提高") (text-en "partly the next band: productivity rose substantially"))
  (factor-def (indicator development) (level 3) (id partly-leading) (condition leading)
    (text "部分达到上一档：形成有引领力的质量卓越产业集群，或质量竞争力处于行业领先水平")
    (text-en "partly the next band: a leading quality-excellent cluster, or industry-leading quality competitiveness"))
  (factor-def (indicator development) (level 3) (id recognised)
    (text "省级制造业单项冠军、省级先进制造业集群或中小企业特色产业集群（评价期内有效）")
    (text-en "a provincial manufacturing single champion, a provincial advanced manufacturing cluster or an SME characteristic cluster (valid in the window)"))
  (factor-def (indicator development) (level 2) (id partly-output-some) (condition output-some)
    (text "部分达到上一档：产值有一定增长") (text-en "partly the next band: output grew to some extent"))
  (factor-def (indicator development) (level 2) (id partly-productivity-some) (condition productivity-some)
    (text "部分达到上一档：劳动生产率有一定提高") (text-en "partly the next band: productivity rose to some extent"))
  (factor-def (indicator development) (level 2) (id partly-leading) (condition leading)
    (text "部分达到8-10分档：形成有引领力的质量卓越产业集群，或质量竞争力处于行业领先水平")
    (text-en "partly band 8-10: a leading quality-excellent cluster, or industry-leading quality competitiveness"))
  (factor-def (indicator development) (level 2) (id recognised)
    (text "省级制造业单项冠军、省级先进制造业集群或中小企业特色产业集群（评价期内有效）")
    (text-en "a provincial manufacturing single champion, a provincial advanced manufacturing cluster or an SME characteristic cluster (valid in the window)"))
  (factor-def (indicator development) (level 1) (id partly-leading) (condition leading)
    (text "部分达到8-10分档：形成有引领力的质量卓越产业集群，或质量竞争力处于行业领先水平")
    (text-en "partly band 8-10: a leading quality-excellent cluster, or industry-leading quality competitiveness"))
  (factor-def (indicator development) (level 1) (id recognised)
    (text "省级制造业单项冠军、省级先进制造业集群或中小企业特色产业集群（评价期内有效）")
    (text-en "a provincial manufacturing single champion, a provincial advanced manufacturing cluster or an SME characteristic cluster (valid in the window)")))

;;; The growth figures of this submission.
;;; A main enterprise's two series used for productivity (in the order of the enterprises).
(deftemplate DEVELOPMENT::productivity-series
  (slot value-added (type STRING))
  (slot employees (type STRING)))

(deftemplate DEVELOPMENT::measured
  (slot what (type SYMBOL))           ; output or productivity
  (slot growth (type FLOAT))          ; percent a year
  (multislot evidence (type STRING))
  (slot msg (type SYMBOL) (default nil)) ; the finding: a message id of i18n/*.txt
  (multislot args))                     ; and its arguments (engine/qs_finding.h)

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
  (bind ?cm (fact-slot-value ?best msg))
  (bind ?ca (fact-slot-value ?best args))
  (assert (measured (what output) (growth ?g) (evidence ?m)
    (msg development-output) (args < ?cm $?ca > ?g)))
  (bind ?others (delete-member$ (slot-values$ ?all metric) ?m))
  (if (> (length$ ?others) 0) then
    (assert (flag (indicator development) (code several-output-series) (severity info)
      (rule development-output) (evidence ?m ?others)
      (msg development-output.several) (args ?m < development-output.ids ?others >)))))

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
      (msg development-productivity) (args ?p0 ?p1 ?y0 ?y1 ?g)))))

(defrule DEVELOPMENT::development-grades
  "大幅 / 一定 / 有所: each growth figure against the parameters."
  (param (name development-output-substantial) (value ?os))
  (param (name development-output-some) (value ?oo))
  (param (name development-productivity-substantial) (value ?ps))
  (param (name development-productivity-some) (value ?po))
  (param (name development-grew-min) (value ?min))
  (param (name factor-far-multiple) (value ?far))
  (measured (what ?w) (growth ?g) (evidence $?ev) (msg ?m) (args $?a))
  =>
  (bind ?sub (if (eq ?w output) then ?os else ?ps))
  (bind ?some (if (eq ?w output) then ?oo else ?po))
  ;; The parameters' names, for the findings.
  (bind ?psub (if (eq ?w output) then development-output-substantial else development-productivity-substantial))
  (bind ?psome (if (eq ?w output) then development-output-some else development-productivity-some))
  (if (>= ?g ?sub) then
    (assert (held (indicator development) (condition (sym-cat ?w -substantial)) (rule development-grades)
      (evidence ?ev) (msg development-grades) (args < ?m $?a > ?psub ?sub))))
  (if (>= ?g ?some) then
    (assert (held (indicator development) (condition (sym-cat ?w -some)) (rule development-grades)
      (evidence ?ev) (msg development-grades) (args < ?m $?a > ?psome ?some))))
  (if (> ?g ?min) then
    (assert (held (indicator development) (condition (if (eq ?w output) then output-grew else productivity-rose))
      (rule development-grades) (evidence ?ev)
      (msg development-grades.grew) (args < ?m $?a > development-grew-min ?min)))
    (assert (held (indicator development) (condition output-or-productivity) (rule development-grades)
      (evidence ?ev) (msg development-grades.grew) (args < ?m $?a > development-grew-min ?min))))
  (if (<= ?g ?min) then
    (assert (flag (indicator development) (code no-growth) (severity info) (rule development-grades)
      (evidence ?ev) (msg development-grades.no-growth) (args < ?m $?a > development-grew-min ?min))))
  (if (>= ?g (* ?far ?sub)) then
    (assert (factor (indicator development)
      (id (if (eq ?w output) then far-above else productivity-far-above)) (rule development-grades)
      (evidence ?ev) (msg development-grades.far) (args < ?m $?a > ?psub ?far (* ?far ?sub))))))

(defrule DEVELOPMENT::development-unmeasured
  "Without the series, growth cannot be judged."
  (declare (salience -10)) ; after the measurements above
  (project)
  =>
  (if (not (any-factp ((?m measured)) (eq ?m:what output))) then
    (assert (flag (indicator development) (code output-unmeasured) (severity warning)
      (rule development-unmeasured) (msg development-unmeasured.output))))
  (if (not (any-factp ((?m measured)) (eq ?m:what productivity))) then
    (assert (flag (indicator development) (code productivity-unmeasured) (severity warning)
      (rule development-unmeasured) (msg development-unmeasured.productivity)))))

;;; ---------------------------------------------------------------- the cluster and the lead
;;; 形成有引领力的质量卓越产业集群，或质量竞争力处于行业领先水平, shown in its own right (not by the
;;; demonstrations that mechanism scores, nor the zones and pilots that brand scores).

;;; The last day a single champion's title holds: valid-until when given, otherwise the day of
;;; recognition plus development-champion-years years (yyyymmdd + 10000 a year).
(deffunction DEVELOPMENT::champion-until (?day ?until ?years)
  (if (> ?until 0) then ?until else (+ ?day (* 10000 ?years))))

(defrule DEVELOPMENT::development-not-chain-enterprise
  "链上企业: a testing or logistics firm (role other) is not the chain's industry."
  (or (champion (id ?id) (enterprise ?e) (product ?p))
      (market-share (id ?id) (enterprise ?e) (product ?p)))
  (enterprise (id ?e) (name ?name) (role other))
  =>
  (assert (excluded (indicator development) (evidence ?id) (rule development-not-chain-enterprise)
    (msg development-not-chain-enterprise) (args ?name ?e ?p))))

(defrule DEVELOPMENT::development-recognition-outside-window
  "A champion or cluster counts when its recognition holds at some time in the window."
  (param (name development-champion-years) (value ?years))
  (window (start ?s) (end ?e) (start-day ?sd))
  (or (and (champion (id ?id) (product ?what) (date ?d) (day ?day) (window ?w) (valid-until-day ?vu))
           (test (or (eq ?w after) (< (champion-until ?day ?vu ?years) ?sd))))
      (and (cluster (id ?id) (name ?what) (date ?d) (window ?w) (valid-until-day ?vu))
           (test (or (eq ?w after) (and (> ?vu 0) (< ?vu ?sd))))))
  =>
  (assert (excluded (indicator development) (evidence ?id) (rule development-recognition-outside-window)
    (msg development-recognition-outside-window) (args ?what ?d ?s ?e ?w))))

(defrule DEVELOPMENT::development-recognition-level
  "Recognitions below provincial level do not show a leading cluster or competitiveness."
  (or (champion (id ?id) (product ?what) (level ?level&city|district|county))
      (cluster (id ?id) (name ?what) (level ?level&city|district|county)))
  =>
  (assert (excluded (indicator development) (evidence ?id) (rule development-recognition-level)
    (msg development-recognition-level) (args ?what ?level))))

(defrule DEVELOPMENT::development-champion
  "质量竞争力处于行业领先水平: a national manufacturing single champion valid in the window;
   a provincial one places the score higher (recognised)."
  (param (name development-champion-years) (value ?years))
  (window (start-day ?sd))
  (champion (id ?id) (enterprise ?e) (product ?p) (level ?level&national|provincial) (date ?d)
            (day ?day) (window inside|before) (valid-until-day ?vu) (issuer ?iss))
  (test (>= (champion-until ?day ?vu ?years) ?sd))
  (enterprise (id ?e) (name ?name) (role ~other))
  =>
  (if (eq ?level national) then
    (assert (held (indicator development) (condition leading) (rule development-champion)
      (evidence ?id) (msg development-champion) (args ?name ?p ?level ?iss ?d)))
   else
    (assert (factor (indicator development) (id recognised) (rule development-champion)
      (evidence ?id) (msg development-champion.recognised) (args ?name ?p ?level ?iss ?d)))))

(defrule DEVELOPMENT::development-cluster
  "形成有引领力的质量卓越产业集群: a national advanced manufacturing cluster recognised by the
   window's end; a provincial one, and an SME characteristic cluster, place the score higher."
  (window (start-day ?sd))
  (cluster (id ?id) (kind ?k) (level ?level) (name ?n) (date ?d) (window inside|before)
           (valid-until-day ?vu&:(or (= ?vu 0) (>= ?vu ?sd))) (issuer ?iss))
  (test (or (eq ?level national) (eq ?level provincial)))
  =>
  (if (and (eq ?k advanced-manufacturing) (eq ?level national)) then
    (assert (held (indicator development) (condition leading) (rule development-cluster)
      (evidence ?id) (msg development-cluster) (args ?n ?level ?k ?iss ?d)))
   else
    (assert (factor (indicator development) (id recognised) (rule development-cluster)
      (evidence ?id) (msg development-cluster.recognised) (args ?n ?level ?k ?iss ?d)))))

(defrule DEVELOPMENT::development-market-share-year
  "A market position counts for a year of the window that is over (base year < year <= last year)."
  (window (base-year ?b) (last-year ?l))
  (today (year ?ty))
  (market-share (id ?id) (product ?p) (year ?y&:(or (<= ?y ?b) (> ?y ?l) (>= ?y ?ty))))
  =>
  (assert (excluded (indicator development) (evidence ?id) (rule development-market-share-year)
    (msg development-market-share-year) (args ?p ?y (+ ?b 1) (min ?l (- ?ty 1))))))

(defrule DEVELOPMENT::development-market-share
  "质量竞争力处于行业领先水平: a product ranked in the lead of the global or national market."
  (param (name development-market-rank-global) (value ?rg))
  (param (name development-market-rank-national) (value ?rn))
  (window (base-year ?b) (last-year ?l))
  (today (year ?ty))
  (market-share (id ?id) (enterprise ?e) (product ?p) (year ?y&:(> ?y ?b)&:(<= ?y ?l)&:(< ?y ?ty))
                (scope ?sc) (rank ?r) (share ?sh) (source ?src))
  (enterprise (id ?e) (name ?name) (role ~other))
  =>
  (bind ?max (if (eq ?sc global) then ?rg else ?rn))
  (bind ?pn (if (eq ?sc global) then development-market-rank-global else development-market-rank-national))
  (if (<= ?r ?max) then
    (assert (held (indicator development) (condition leading) (rule development-market-share)
      (evidence ?id) (msg development-market-share)
      (args ?name ?p ?y ?sc ?r (>= ?sh 0) ?sh ?src ?pn ?max)))
   else
    (assert (excluded (indicator development) (evidence ?id) (rule development-market-share)
      (msg development-market-share.not-leading) (args ?name ?p ?y ?sc ?r ?max ?pn)))))
