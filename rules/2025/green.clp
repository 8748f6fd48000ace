;;; green.clp -- 绿色低碳 (6分), section 质量成效 (results).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   4-6  产业资源利用提升显著，产业链上主要企业获得绿色、环保、低碳、节能等方面的认证。
;;;   1-3  产业资源利用有一定的提升，产业链上主要企业污染物排放控制、碳排放等有一定的下降。
;;;
;;; How the scorer reads it (docs/POLICY.md, "green"):
;;;  - Resource use: energy intensity, water intensity (lower is better) and the resource use
;;;    rate (higher is better), measured from the base year to the window's last year, all on
;;;    one scale: the relative change of the value reported (MAIN::improvement). Its thresholds
;;;    are its own: the national target for energy per unit of GDP is -13.5 % over five years
;;;    (about 3 % a year), so 显著 is green-resource-marked and 一定 green-resource-some, not
;;;    the rubric-wide improvement-marked.
;;;  - Emissions: carbon and pollutant emissions of the chain or of main enterprises, relative
;;;    fall at least green-emissions-some.
;;;  - 产业资源利用 and 污染物排放控制、碳排放等 are each shown by a series that meets the
;;;    threshold (等: any of the kinds). A missing series is a gap and a flag, never a free
;;;    pass; a series that got worse is flagged for the reviewer but never lowers the score
;;;    below what leaving it out would give, so withholding it cannot help (docs/POLICY.md §2.2).
;;;  - Certifications: green factory, green product, green supply chain, energy-saving,
;;;    low-carbon, environmental label, ISO 14001, ISO 50001, carbon footprint, energy and water
;;;    efficiency leader (能效、水效领跑者), cleaner production audit (清洁生产审核); of a main
;;;    enterprise (链主 or 关键合作方), valid at some time in the window (as the QMS certificates
;;;    of management): obtained by the window's end, and not expired before its start.
;;;  - 4-6: resource use markedly better and a main enterprise certified. 1-3: resource use
;;;    somewhat better and emissions somewhat lower (the rubric joins them with ，).
;;;  - Placement: 4-6 adds green-certified-many certified main enterprises and a national-level
;;;    green factory, green supply chain or efficiency leader; 1-3 adds each condition of 4-6
;;;    that holds and emissions down factor-far-multiple times green-emissions-some.
;;;  - Resource use or emissions measured but below the thresholds, or not measurable, are
;;;    reported in a flag with the values.

(defmodule GREEN (import MAIN ?ALL))

(deffacts GREEN::definitions
  (condition (indicator green) (level 2) (id resource-marked)
    (text "产业资源利用提升显著：单位产值能耗、水耗或资源综合利用率中有一条序列改善（相对变化）不低于参数 green-resource-marked（{green-resource-marked}）")
    (text-en "the industry's resource use improved markedly: a series of energy intensity, water intensity or resource use rate improved (relative change) by at least parameter green-resource-marked ({green-resource-marked})"))
  (condition (indicator green) (level 2) (id main-certified)
    (text "产业链上主要企业获得绿色、环保、低碳、节能等方面的认证：主要企业持有在评价期内有效的此类认证（含能效、水效领跑者和清洁生产审核）")
    (text-en "the chain's main enterprises obtained green, environmental, low-carbon, energy-saving or similar certifications: a main enterprise holds one valid in the window (energy and water efficiency leaders and cleaner production audits included)"))
  (condition (indicator green) (level 1) (id resource-some)
    (text "产业资源利用有一定的提升：单位产值能耗、水耗或资源综合利用率中有一条序列改善（相对变化）不低于参数 green-resource-some（{green-resource-some}）")
    (text-en "the industry's resource use improved to some extent: a series of energy intensity, water intensity or resource use rate improved (relative change) by at least parameter green-resource-some ({green-resource-some})"))
  (condition (indicator green) (level 1) (id emissions-fell)
    (text "产业链上主要企业污染物排放控制、碳排放等有一定的下降：产业链或主要企业有一条污染物或碳排放序列下降不低于参数 green-emissions-some（{green-emissions-some}）")
    (text-en "the pollutant emissions, carbon emissions and the like of the chain's main enterprises fell to some extent: a pollutant or carbon series of the chain or of a main enterprise fell by at least parameter green-emissions-some ({green-emissions-some})"))

  ;; Resource use markedly better is resource use somewhat better.
  (implies (indicator green) (condition resource-marked) (implied resource-some))

  (factor-def (indicator green) (level 2) (id several-certified)
    (text "获得认证的主要企业达到参数 green-certified-many（{green-certified-many}）家")
    (text-en "certified main enterprises reach parameter green-certified-many ({green-certified-many})"))
  (factor-def (indicator green) (level 2) (id national-green)
    (text "国家级绿色工厂、绿色供应链管理企业或能效、水效领跑者")
    (text-en "a national-level green factory, green supply chain, or energy or water efficiency leader"))
  (factor-def (indicator green) (level 1) (id partly-marked) (condition resource-marked)
    (text "部分达到上一档：资源利用提升显著") (text-en "partly the next band: resource use markedly better"))
  (factor-def (indicator green) (level 1) (id partly-certified) (condition main-certified)
    (text "部分达到上一档：主要企业获得绿色认证") (text-en "partly the next band: a certified main enterprise"))
  (factor-def (indicator green) (level 1) (id emissions-far)
    (text "排放下降达到参数 green-emissions-some（{green-emissions-some}）的 {factor-far-multiple} 倍（参数 factor-far-multiple）")
    (text-en "emissions down {factor-far-multiple} times (parameter factor-far-multiple) parameter green-emissions-some ({green-emissions-some})")))

;;; One measured series of resource use or of emissions, with its improvement (the relative
;;; fall of an intensity or an emission, the relative rise of the resource use rate).
(deftemplate GREEN::series
  (slot aspect (type SYMBOL) (allowed-symbols resource emissions))
  (slot metric (type STRING))
  (slot improvement (type FLOAT))
  (slot msg (type SYMBOL) (default nil)) ; the finding: the change and its improvement
  (multislot args))

(defrule GREEN::green-resource-series
  "产业资源利用: energy and water intensity and the resource use rate, of any scope."
  (change (metric ?id) (kind ?k&energy-intensity|water-intensity|resource-use) (improvement ?i)
          (msg ?m) (args $?a))
  =>
  (assert (series (aspect resource) (metric ?id) (improvement ?i)
    (msg green-resource-series) (args < ?m $?a > ?i))))

(defrule GREEN::green-emission-series
  "污染物排放控制、碳排放: the chain's series, or a main enterprise's."
  (change (metric ?id) (kind carbon-emissions|pollutant-emissions) (scope ?sc) (enterprise ?e)
          (improvement ?i) (msg ?m) (args $?a))
  (or (test (eq ?sc chain))
      (enterprise (id ?e) (role ?r&:(main-role-p ?r))))
  =>
  (assert (series (aspect emissions) (metric ?id) (improvement ?i)
    (msg green-emission-series) (args < ?m $?a > ?i))))

;;; The series of ?aspect whose improvement is at least ?min.
(deffunction GREEN::at-least (?aspect ?min)
  (find-all-facts ((?s series)) (and (eq ?s:aspect ?aspect) (>= ?s:improvement ?min))))

(defrule GREEN::green-resource
  "产业资源利用提升显著 / 有一定的提升: a resource series that meets the threshold."
  (declare (salience -10)) ; after every series has been read
  (param (name green-resource-marked) (value ?marked))
  (param (name green-resource-some) (value ?some))
  =>
  (bind ?all (find-all-facts ((?s series)) (eq ?s:aspect resource)))
  (bind ?ms (at-least resource ?marked))
  (bind ?ss (at-least resource ?some))
  (if (> (length$ ?ms) 0) then
    (assert (held (indicator green) (condition resource-marked) (rule green-resource)
      (evidence (slot-values$ ?ms metric))
      (msg green-resource) (args < green-list (findings$ ?ms) > ?marked green-resource-marked))))
  (if (> (length$ ?ss) 0) then
    (assert (held (indicator green) (condition resource-some) (rule green-resource)
      (evidence (slot-values$ ?ss metric))
      (msg green-resource) (args < green-list (findings$ ?ss) > ?some green-resource-some))))
  (if (= (length$ ?all) 0) then
    (assert (flag (indicator green) (code resource-unmeasured) (severity warning) (rule green-resource)
      (msg green-resource.unmeasured)))
   else
    (if (= (length$ ?ss) 0) then
      (assert (flag (indicator green) (code resource-below) (severity info) (rule green-resource)
        (evidence (slot-values$ ?all metric))
        (msg green-resource.below)
        (args < green-list (findings$ ?all) > ?some green-resource-some))))))

(defrule GREEN::green-emissions
  "产业链上主要企业污染物排放控制、碳排放等有一定的下降: an emission series that fell enough."
  (declare (salience -10)) ; after every series has been read
  (param (name green-emissions-some) (value ?some))
  (param (name factor-far-multiple) (value ?far))
  =>
  (bind ?all (find-all-facts ((?s series)) (eq ?s:aspect emissions)))
  (bind ?ss (at-least emissions ?some))
  (bind ?fs (at-least emissions (* ?far ?some)))
  (if (> (length$ ?ss) 0) then
    (assert (held (indicator green) (condition emissions-fell) (rule green-emissions)
      (evidence (slot-values$ ?ss metric))
      (msg green-emissions) (args < green-list (findings$ ?ss) > ?some green-emissions-some))))
  (if (> (length$ ?fs) 0) then
    (assert (factor (indicator green) (id emissions-far) (rule green-emissions)
      (evidence (slot-values$ ?fs metric))
      (msg green-emissions.far) (args < green-list (findings$ ?fs) > ?far green-emissions-some))))
  (if (= (length$ ?all) 0) then
    (assert (flag (indicator green) (code emissions-unmeasured) (severity warning) (rule green-emissions)
      (msg green-emissions.unmeasured)))
   else
    (if (= (length$ ?ss) 0) then
      (assert (flag (indicator green) (code emissions-below) (severity info) (rule green-emissions)
        (evidence (slot-values$ ?all metric))
        (msg green-emissions.below)
        (args < green-list (findings$ ?all) > ?some green-emissions-some))))))

(defrule GREEN::green-worsened
  "A resource or emission series that got worse is flagged, whatever the band: the reviewer sees
   it, though it lowers no score (leaving it out would not either)."
  (series (aspect ?a) (metric ?id) (improvement ?i&:(< ?i 0)) (msg ?m) (args $?sa))
  =>
  (assert (flag (indicator green) (code green-worsened) (severity warning) (rule green-worsened)
    (evidence ?id)
    (msg green-worsened) (args ?a < ?m $?sa >))))

;;; A certification valid at some time in the window: obtained by its end (and not in the
;;; future), and not expired before its start.
(deffunction GREEN::valid-in-window-p (?window ?valid-until-day ?start-day)
  (and (member$ ?window (create$ inside before))
       (or (= ?valid-until-day 0) (>= ?valid-until-day ?start-day))))

(defrule GREEN::green-certificate-not-valid
  "注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益: a certification counts while it
   is valid in the window, as the QMS certificates of management."
  (window (start ?s) (end ?e) (start-day ?sd))
  (certification (id ?id) (name ?n) (date ?d) (window ?w&~future&~undated) (valid-until ?vu)
                 (valid-until-day ?v))
  (test (not (valid-in-window-p ?w ?v ?sd)))
  =>
  (assert (excluded (indicator green) (evidence ?id) (rule green-certificate-not-valid)
    (msg green-certificate-not-valid) (args ?n ?d ?v ?vu ?w ?s ?e))))

(defrule GREEN::green-not-counted
  "Certifications of other kinds, or of enterprises that are not main enterprises."
  (window (start-day ?sd))
  (certification (id ?id) (name ?n) (kind ?k) (enterprise ?e) (window ?w) (valid-until-day ?v))
  (test (valid-in-window-p ?w ?v ?sd))
  (enterprise (id ?e) (name ?en) (role ?r))
  (test (or (eq ?k other) (not (main-role-p ?r))))
  =>
  (if (eq ?k other) then
    (assert (excluded (indicator green) (evidence ?id) (rule green-not-counted)
      (msg green-not-counted.kind) (args ?n)))
   else
    (assert (excluded (indicator green) (evidence ?id) (rule green-not-counted)
      (msg green-not-counted.not-main) (args ?en ?e ?n)))))

(defrule GREEN::green-certified
  "产业链上主要企业获得绿色、环保、低碳、节能等方面的认证"
  (window (start-day ?sd))
  (certification (id ?id) (name ?n) (kind ?k&~other) (level ?lv) (enterprise ?e) (date ?d)
                 (window ?w) (valid-until ?vu) (valid-until-day ?v))
  (test (valid-in-window-p ?w ?v ?sd))
  (enterprise (id ?e) (name ?en) (role ?r&:(main-role-p ?r)))
  =>
  (assert (tally (indicator green) (name certified) (key ?e)))
  (assert (held (indicator green) (condition main-certified) (rule green-certified) (evidence ?id)
    (msg green-certified) (args ?en ?n ?d ?v ?vu ?w)))
  (if (and (eq ?lv national)
           (member$ ?k (create$ green-factory green-supply-chain energy-efficiency-leader
                                water-efficiency-leader))) then
    (assert (factor (indicator green) (id national-green) (rule green-certified) (evidence ?id)
      (msg green-certified.national) (args ?n)))))

(defrule GREEN::green-several-certified
  "Several main enterprises certified."
  (declare (salience -10)) ; after every certification has been tallied
  (param (name green-certified-many) (value ?many))
  =>
  (bind ?es (tally-keys green certified))
  (if (>= (length$ ?es) ?many) then
    (assert (factor (indicator green) (id several-certified) (rule green-several-certified) (evidence ?es)
      (msg green-several-certified)
      (args (length$ ?es) < green-ids ?es > ?many green-certified-many)))))
