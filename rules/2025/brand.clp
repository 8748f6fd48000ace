;;; brand.clp -- 品牌建设 (8分), section 质量成效 (results).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   6-8  ……相关企业获得国家级政府质量奖、质量品牌提升示范区、产业链供应链质量联动提升试点等荣誉，
;;;        在产业链上已经形成了良好的品牌集群效应，具有品牌影响力。
;;;   3-5  ……相关企业获得省级政府质量奖、产业链供应链质量联动提升试点等荣誉，在产业链上具有一定的
;;;        品牌集群效应。
;;;   1-2  链上企业获得区级的政府质量奖等荣誉，初步形成1-2个标志性企业品牌。
;;;
;;; How the scorer reads it (docs/POLICY.md, "brand"):
;;;  - The honours that place a chain in a band are the ones the rubric names: government
;;;    quality awards (kind government-quality-award), 质量品牌提升示范区 (brand-zone) and
;;;    产业链供应链质量联动提升试点 (linkage-pilot), at national, provincial, or local (city,
;;;    district, county) level, won inside the 24-month window; 3-5's 等荣誉 takes in a
;;;    provincial demonstration zone. Other brand honours do not place a chain in a band.
;;;  - The national government quality award is 中国质量奖, its 提名奖 included. 全国质量奖 is
;;;    awarded by 中国质量协会, an association: it is not a government award and never counts;
;;;    declared as anything but an association's award it is also flagged as an error.
;;;  - The award's name outranks what the application declares about it: 中国质量奖 counts as
;;;    the national government award whatever kind or level is declared (a mismatch is
;;;    flagged); an award named ...提名奖 counts as a nomination even if declared a win; and a
;;;    government quality award whose name shows its level of government (省长质量奖, 市长质量奖,
;;;    区长质量奖, 上海市… for a municipality) counts at that level, flagged when the declared
;;;    level differs (a 市长质量奖 declared provincial lands in 1-2, not 3-5). A "national
;;;    government quality award" whose name is not 中国质量奖 and shows no level does not count.
;;;  - The band is the level of the highest honour: national 6-8, provincial 3-5, city,
;;;    district or county 1-2 (a city award is above the district award the rubric names, and
;;;    the rubric has no city band).
;;;  - Recognised brands (<recognition>) are brands, not honours, and never place a chain in a
;;;    band: 老字号 and 品字标 of a chain enterprise are 标志性企业品牌 (1-2) and, of a main
;;;    enterprise, 品牌价值 (3-5); 地理标志 and 区域公用品牌 are brands the chain's enterprises share,
;;;    a 品牌集群效应 (3-5, 6-8). Each is shown with an info flag saying so.
;;;  - Placement: a winner (not only a nomination), a cluster (honours held by several
;;;    enterprises, or a regional brand), brand-culture promotion, brand value (3-5), flagship
;;;    brands (1-2).

(defmodule BRAND (import MAIN ?ALL))

;;; An honour that counts, with the band its level gives.
(deftemplate BRAND::honour
  (slot id (type STRING))
  (slot band (type INTEGER))
  (slot kind (type SYMBOL))
  (slot level (type SYMBOL))
  (slot tier (type SYMBOL))
  (slot enterprise (type STRING))
  (multislot holder)              ; the enterprise's name, or < brand-chain > (a finding) for an honour of the chain or region
  (slot issuer (type STRING))
  (slot name (type STRING))
  (slot date (type STRING)))

(deffacts BRAND::definitions
  (condition (indicator brand) (level 3) (id national-honour)
    (text "相关企业获得国家级政府质量奖、质量品牌提升示范区、产业链供应链质量联动提升试点等荣誉：成效评价期内相关企业（或本产业链、本地区）获得中国质量奖（含提名奖），或国家级质量品牌提升示范区、产业链供应链质量联动提升试点")
    (text-en "inside the results window, enterprises (or the chain or region) won the national government quality award (中国质量奖, nomination included), a national quality-brand demonstration zone, a national chain and supply-chain quality linkage pilot or similar honour"))
  (condition (indicator brand) (level 2) (id provincial-honour)
    (text "相关企业获得省级政府质量奖、产业链供应链质量联动提升试点等荣誉：成效评价期内相关企业（或本产业链、本地区）获得省级政府质量奖或省级产业链供应链质量联动提升试点；“等荣誉”另计省级质量品牌提升示范区")
    (text-en "inside the results window, enterprises (or the chain or region) won a provincial government quality award or a provincial linkage pilot; 等荣誉 (or similar honours) also takes in a provincial quality-brand demonstration zone"))
  (condition (indicator brand) (level 1) (id local-award)
    (text "链上企业获得区级的政府质量奖等荣誉：成效评价期内链上企业（或本产业链、本地区）获得区级、县级或市级政府质量奖等荣誉")
    (text-en "inside the results window, enterprises on the chain (or the chain or region) won a district-level (or county- or city-level) government quality award or similar honour"))

  (factor-def (indicator brand) (level 3) (id national-winner) (points 1)
    (text "获得的国家级荣誉中有正式奖项或称号，而不只是提名奖")
    (text-en "a national honour won outright, not only a nomination"))
  (factor-def (indicator brand) (level 3) (id cluster) (points 1)
    (text "品牌集群效应：获得省级及以上荣誉的企业达到参数 brand-cluster-enterprises（{brand-cluster-enterprises}）家，或本产业链有地理标志、区域公用品牌")
    (text-en "brand-cluster effect: enterprises holding provincial or national honours reach parameter brand-cluster-enterprises ({brand-cluster-enterprises}), or the chain has a geographical indication or regional brand"))
  (factor-def (indicator brand) (level 3) (id culture) (points 1)
    (text "广泛开展品牌文化宣传：成效评价期内有品牌宣传活动")
    (text-en "brand culture promoted: brand promotion inside the results window"))
  (factor-def (indicator brand) (level 2) (id provincial-winner) (points 1)
    (text "获得的省级荣誉中有正式奖项或称号，而不只是提名奖")
    (text-en "a provincial honour won outright, not only a nomination"))
  (factor-def (indicator brand) (level 2) (id cluster) (points 1)
    (text "品牌集群效应：获得省级及以上荣誉的企业达到参数 brand-cluster-enterprises（{brand-cluster-enterprises}）家，或本产业链有地理标志、区域公用品牌")
    (text-en "brand-cluster effect: enterprises holding provincial or national honours reach parameter brand-cluster-enterprises ({brand-cluster-enterprises}), or the chain has a geographical indication or regional brand"))
  (factor-def (indicator brand) (level 2) (id culture) (points 1)
    (text "品牌文化宣传的意识：成效评价期内有品牌宣传活动")
    (text-en "brand-culture awareness: brand promotion inside the results window"))
  (factor-def (indicator brand) (level 2) (id brand-value) (points 1)
    (text "有一定的品牌价值：主要企业的品牌有公开的品牌价值评价，或获认定为老字号、品字标")
    (text-en "some brand value: a main enterprise's brand has a published valuation or is recognised as 老字号 (time-honoured) or 品字标"))
  (factor-def (indicator brand) (level 1) (id flagship-brand) (points 1)
    (text "初步形成1-2个标志性企业品牌：申报材料列出链上企业的标志性品牌，或链上企业的品牌获认定为老字号、品字标")
    (text-en "1-2 flagship enterprise brands beginning to form: the application names flagship brands of chain enterprises, or a chain enterprise's brand is recognised as 老字号 or 品字标")))

(deffunction BRAND::level-band (?level)
  (switch ?level
    (case national then 3)
    (case provincial then 2)
    (default 1)))

;;; Whether the level an award's name shows (none: no level) agrees with the declared one. A name
;;; in 市 may be a county-level city's, so it agrees with a declared county level too.
(deffunction BRAND::level-agrees-p (?declared ?named)
  (or (eq ?named none) (eq ?declared ?named) (and (eq ?named city) (eq ?declared county))))

;;; Whether an honour is a nomination, for its words (table brand-nomination): nil when it is not,
;;; named when its name says so (...提名奖), unnamed when only its tier does.
(deffunction BRAND::nomination-of (?tier ?name)
  (if (neq ?tier nomination) then nil else (if (str-index "提名" ?name) then named else unnamed)))

;;; ---------------------------------------------------------------- what does not count

(defrule BRAND::brand-outside-window
  "注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益。"
  (window (start ?s) (end ?e) (months ?m))
  (award (id ?id) (name ?n) (date ?d) (window before|after))
  =>
  (assert (excluded (indicator brand) (evidence ?id) (rule brand-outside-window)
    (msg brand-outside-window) (args ?n ?d ?s ?e ?m))))

(defrule BRAND::brand-association-award
  "全国质量奖 is awarded by 中国质量协会, an association, not by a government."
  (award (id ?id) (name ?n) (issuer ?i) (kind association-quality-award)
         (name-class ~china-quality-award))
  =>
  (assert (excluded (indicator brand) (evidence ?id) (rule brand-association-award)
    (msg brand-association-award) (args ?n ?i))))

(defrule BRAND::brand-association-award-declared-government
  "全国质量奖 declared as a government award, a demonstration zone, a pilot or another honour."
  (award (id ?id) (name ?n) (issuer ?i) (kind ?k&~association-quality-award)
         (name-class caq-national-quality-award))
  =>
  (assert (excluded (indicator brand) (evidence ?id) (rule brand-association-award-declared-government)
    (msg brand-association-award-declared-government) (args ?n)))
  (assert (flag (indicator brand) (code award-kind-mismatch) (severity error)
    (rule brand-association-award-declared-government) (evidence ?id)
    (msg brand-association-award-declared-government.flag) (args ?n ?i ?k))))

(defrule BRAND::brand-china-award-mislabelled
  "中国质量奖 is the national government quality award, whatever is declared."
  (award (id ?id) (name ?n) (kind ?k) (level ?lv) (name-class china-quality-award))
  (test (or (neq ?k government-quality-award) (neq ?lv national)))
  =>
  (assert (flag (indicator brand) (code award-kind-mismatch) (severity warning)
    (rule brand-china-award-mislabelled) (evidence ?id)
    (msg brand-china-award-mislabelled) (args ?n ?k ?lv))))

(defrule BRAND::brand-nomination-declared-winner
  "An award named ...提名奖 is a nomination, whatever tier is declared."
  (award (id ?id) (name ?n&:(str-index "提名" ?n)) (tier winner))
  =>
  (assert (flag (indicator brand) (code award-tier-mismatch) (severity warning)
    (rule brand-nomination-declared-winner) (evidence ?id)
    (msg brand-nomination-declared-winner) (args ?n))))

(defrule BRAND::brand-national-award-not-cqa
  "国家级政府质量奖 is 中国质量奖 (and its nomination award)."
  (award (id ?id) (name ?n) (issuer ?i) (kind government-quality-award) (level national)
         (name-class other) (name-level none))
  =>
  (assert (excluded (indicator brand) (evidence ?id) (rule brand-national-award-not-cqa)
    (msg brand-national-award-not-cqa) (args ?n)))
  (assert (flag (indicator brand) (code award-name-unknown) (severity warning)
    (rule brand-national-award-not-cqa) (evidence ?id)
    (msg brand-national-award-not-cqa.flag) (args ?n ?i))))

(defrule BRAND::brand-award-level-mismatch
  "A government quality award's name shows its level of government: 市长质量奖 is a city's award."
  (award (id ?id) (name ?n) (issuer ?i) (kind government-quality-award) (level ?lv)
         (name-class other) (name-level ?nl&~none))
  (test (not (level-agrees-p ?lv ?nl)))
  =>
  (assert (flag (indicator brand) (code award-level-mismatch) (severity warning)
    (rule brand-award-level-mismatch) (evidence ?id)
    (msg brand-award-level-mismatch) (args ?n ?i ?lv ?nl))))

(defrule BRAND::brand-other-honour
  "Honours the rubric does not name do not place a chain in a band."
  (award (id ?id) (name ?n) (kind brand-honour|other) (name-class other))
  =>
  (assert (excluded (indicator brand) (evidence ?id) (rule brand-other-honour)
    (msg brand-other-honour) (args ?n))))

;;; ---------------------------------------------------------------- what counts

;;; Who holds an honour given to the chain or region (an <award> without enterprise): matched
;;; like an enterprise, so that the holder of every honour is found by a join on the award's
;;; enterprise, not by searching every enterprise for every award. It has no name of its own:
;;; the honour's holder is the finding brand-chain, "the chain (region)" in words.
(deftemplate BRAND::chain-holder
  (slot id (type STRING))
  (slot name (type STRING)))      ; "", bound like an enterprise's name by brand-honour-counts

(deffacts BRAND::the-chain
  (chain-holder (id "")))

(defrule BRAND::brand-honour-counts
  "Government quality awards, demonstration zones and linkage pilots won inside the window."
  (award (id ?id) (enterprise ?e) (name ?n) (issuer ?i) (date ?d) (window inside)
         (kind ?k) (level ?lv) (tier ?t) (name-class ?nc) (name-level ?nl))
  (test (or (eq ?nc china-quality-award)
            (and (eq ?nc other)
                 (member$ ?k (create$ government-quality-award brand-zone linkage-pilot))
                 (not (and (eq ?k government-quality-award) (eq ?lv national) (eq ?nl none))))))
  (or (chain-holder (id ?e) (name ?holder))
      (enterprise (id ?e) (name ?holder)))
  =>
  ;; The name outranks the declaration (see the header).
  (bind ?level (if (eq ?nc china-quality-award) then national
                 else (if (and (eq ?k government-quality-award) (not (level-agrees-p ?lv ?nl))) then ?nl
                       else ?lv)))
  (bind ?kind (if (eq ?nc china-quality-award) then government-quality-award else ?k))
  (bind ?tier (if (str-index "提名" ?n) then nomination else ?t))
  (bind ?who (if (any-factp ((?x chain-holder)) (eq ?x:id ?e)) then (create$ < brand-chain >)
               else (create$ ?holder)))
  (assert (honour (id ?id) (band (level-band ?level)) (kind ?kind) (level ?level) (tier ?tier)
                  (enterprise ?e) (holder ?who) (issuer ?i) (name ?n) (date ?d))))

(defrule BRAND::brand-national-honour
  "6-8分：相关企业获得国家级政府质量奖、质量品牌提升示范区、产业链供应链质量联动提升试点等荣誉"
  (honour (id ?id) (band 3) (holder $?h) (issuer ?i) (name ?n) (tier ?t) (date ?d))
  =>
  (assert (held (indicator brand) (condition national-honour) (rule brand-national-honour)
    (evidence ?id)
    (msg brand-national-honour) (args $?h ?n (nomination-of ?t ?n) ?i ?d))))

(defrule BRAND::brand-provincial-honour
  "3-5分：相关企业获得省级政府质量奖、产业链供应链质量联动提升试点等荣誉"
  (honour (id ?id) (band 2) (holder $?h) (issuer ?i) (name ?n) (tier ?t) (date ?d))
  =>
  (assert (held (indicator brand) (condition provincial-honour) (rule brand-provincial-honour)
    (evidence ?id)
    (msg brand-provincial-honour) (args $?h ?n (nomination-of ?t ?n) ?i ?d))))

(defrule BRAND::brand-local-award
  "1-2分：链上企业获得区级的政府质量奖等荣誉"
  (honour (id ?id) (band 1) (level ?lv) (holder $?h) (issuer ?i) (name ?n) (tier ?t) (date ?d))
  =>
  (assert (held (indicator brand) (condition local-award) (rule brand-local-award) (evidence ?id)
    (msg brand-local-award) (args $?h ?lv ?n (nomination-of ?t ?n) ?i ?d))))

;;; ---------------------------------------------------------------- placement in the band

(defrule BRAND::brand-national-winner
  "A national honour won outright (tier winner), not only a nomination."
  (honour (id ?id) (band 3) (tier winner) (holder $?h) (name ?n))
  =>
  (assert (factor (indicator brand) (id national-winner) (rule brand-national-winner) (evidence ?id)
    (msg brand-national-winner) (args $?h ?n))))

(defrule BRAND::brand-provincial-winner
  "A provincial honour won outright (tier winner), not only a nomination."
  (honour (id ?id) (band 2) (tier winner) (holder $?h) (name ?n))
  =>
  (assert (factor (indicator brand) (id provincial-winner) (rule brand-provincial-winner)
    (evidence ?id)
    (msg brand-provincial-winner) (args $?h ?n))))

(defrule BRAND::brand-cluster-member
  "An enterprise holding a provincial or national honour."
  (honour (id ?id) (band ?b&2|3) (enterprise ?e&~""))
  =>
  (assert (tally (indicator brand) (name honoured-enterprises) (key ?e)))
  (assert (tally (indicator brand) (name cluster-honours) (key ?id))))

(defrule BRAND::brand-cluster
  "品牌集群效应: honours held by several enterprises of the chain."
  (declare (salience -10)) ; counts after every honour has been tallied
  (param (name brand-cluster-enterprises) (value ?min))
  =>
  (bind ?es (tally-keys brand honoured-enterprises))
  (bind ?n (length$ ?es))
  (if (>= ?n ?min) then
    (assert (factor (indicator brand) (id cluster) (rule brand-cluster)
      (evidence (tally-keys brand cluster-honours))
      (msg brand-cluster)
      (args ?n < brand-cluster.enterprises ?es > ?min brand-cluster-enterprises)))))

(defrule BRAND::brand-culture
  "品牌文化宣传: brand promotion inside the window."
  (brand-promotion (id ?id) (title ?t) (date ?d) (window inside))
  =>
  (assert (factor (indicator brand) (id culture) (rule brand-culture) (evidence ?id)
    (msg brand-culture) (args ?t ?d))))

(defrule BRAND::brand-flagship
  "初步形成1-2个标志性企业品牌."
  (brand (id ?id) (name ?n) (enterprise ?e))
  (enterprise (id ?e) (name ?en))
  =>
  (assert (factor (indicator brand) (id flagship-brand) (rule brand-flagship) (evidence ?id)
    (msg brand-flagship) (args ?en ?n))))

(defrule BRAND::brand-valuation
  "有一定的品牌价值: a main enterprise's brand with a published valuation."
  (brand (id ?id) (name ?n) (enterprise ?e) (valuation ?v&:(> ?v 0)) (window ~future))
  (enterprise (id ?e) (name ?en) (role ?r&:(main-role-p ?r)))
  =>
  (assert (factor (indicator brand) (id brand-value) (rule brand-valuation) (evidence ?id)
    (msg brand-valuation) (args ?en ?n ?v))))

;;; ---------------------------------------------------------------- recognised brands

;;; Whether a recognition was held at some time in the window: recognised by its end (and not
;;; after the day of the run), its term (if stated) not over before its start.
(deffunction BRAND::recognition-valid-p (?day ?window ?until ?ws ?we)
  (and (<= ?day ?we) (neq ?window future) (or (= ?until 0) (>= ?until ?ws))))

(defrule BRAND::brand-recognition-not-valid
  "A recognised brand counts when it was held during the window."
  (window (start-day ?ws) (end-day ?we) (start ?s) (end ?e))
  (recognition (id ?id) (kind ?k) (name ?n) (date ?d) (day ?day) (window ?w) (valid-until ?vu)
               (valid-until-day ?u))
  (test (not (recognition-valid-p ?day ?w ?u ?ws ?we)))
  =>
  (assert (excluded (indicator brand) (evidence ?id) (rule brand-recognition-not-valid)
    (msg brand-recognition-not-valid) (args ?k ?n ?d ?u ?vu ?s ?e))))

(defrule BRAND::brand-recognition-no-enterprise
  "老字号 and 品字标 recognise an enterprise's brand: without the enterprise they show nothing."
  (window (start-day ?ws) (end-day ?we))
  (recognition (id ?id) (kind ?k&time-honoured|pin-mark) (name ?n) (enterprise "") (day ?day)
               (window ?w) (valid-until-day ?u))
  (test (recognition-valid-p ?day ?w ?u ?ws ?we))
  =>
  (assert (excluded (indicator brand) (evidence ?id) (rule brand-recognition-no-enterprise)
    (msg brand-recognition-no-enterprise) (args ?k ?n))))

(defrule BRAND::brand-recognised-enterprise-brand
  "老字号, 品字标: a chain enterprise's recognised brand (1-2), a main enterprise's brand value (3-5)."
  (window (start-day ?ws) (end-day ?we))
  (recognition (id ?id) (kind ?k&time-honoured|pin-mark) (name ?n) (enterprise ?e) (issuer ?i)
               (date ?d) (day ?day) (window ?w) (valid-until-day ?u))
  (test (recognition-valid-p ?day ?w ?u ?ws ?we))
  (enterprise (id ?e) (name ?en) (role ?r))
  =>
  (assert (factor (indicator brand) (id flagship-brand) (rule brand-recognised-enterprise-brand)
    (evidence ?id) (msg brand-recognised-enterprise-brand) (args ?en ?k ?n ?i ?d)))
  (if (main-role-p ?r) then
    (assert (factor (indicator brand) (id brand-value) (rule brand-recognised-enterprise-brand)
      (evidence ?id) (msg brand-recognised-enterprise-brand) (args ?en ?k ?n ?i ?d))))
  (assert (flag (indicator brand) (code brand-recognition) (severity info)
    (rule brand-recognised-enterprise-brand) (evidence ?id)
    (msg brand-recognised-enterprise-brand.flag)
    (args < brand-recognised-enterprise-brand ?en ?k ?n ?i ?d > (main-role-p ?r)))))

(defrule BRAND::brand-regional-brand
  "地理标志, 区域公用品牌: a brand the chain's enterprises share, a 品牌集群效应 (3-5, 6-8)."
  (window (start-day ?ws) (end-day ?we))
  (recognition (id ?id) (kind ?k&geographical-indication|regional-brand) (name ?n) (issuer ?i)
               (date ?d) (day ?day) (window ?w) (valid-until-day ?u))
  (test (recognition-valid-p ?day ?w ?u ?ws ?we))
  =>
  (assert (factor (indicator brand) (id cluster) (rule brand-regional-brand) (evidence ?id)
    (msg brand-regional-brand) (args ?k ?n ?i ?d)))
  (assert (flag (indicator brand) (code brand-recognition) (severity info) (rule brand-regional-brand)
    (evidence ?id)
    (msg brand-regional-brand.flag) (args < brand-regional-brand ?k ?n ?i ?d >))))
