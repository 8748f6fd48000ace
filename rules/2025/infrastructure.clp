;;; infrastructure.clp -- 加强质量基础设施建设 (10分), section 质量举措 (measures).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   7-10 质量基础设施能力充分满足产业发展需求，建立数字化质量管理平台，建成国家级或省级产业计量测试
;;;        中心、标准验证点、产品质量检验检测中心、产品质量安全风险监测评估基地等。
;;;   4-6  质量基础设施能力基本满足产业发展需求，已搭建质量基础设施集成服务平台，面向产业链上的中小微
;;;        企业提供线上、线下全方位、全过程的“一站式”质量综合服务。
;;;   1-3  质量基础设施能力与产业发展需求还有差距，质量基础设施服务集成化程度有待提升。
;;;
;;; How the scorer reads it (docs/POLICY.md §3.3, "infrastructure"):
;;;  - The band is set by the facilities each band names; "能力满足产业发展需求" is read as
;;;    coverage, the share of the chain's enterprises that the centres and platforms serve:
;;;    the better of (a) the listed enterprises served (<serves ref>) among those listed and
;;;    (b), when the chain's size is declared (<chain-size enterprises> in the project), the
;;;    enterprises served (the named ones other than SMEs, plus the larger of the SMEs named and
;;;    the largest number of SMEs one platform states, smes-served) among the declared size.
;;;    Service providers of role other (testing, logistics) count in neither. An enterprise
;;;    served by several facilities counts once. Taking the better of the two keeps a
;;;    declaration from ever lowering a score.
;;;  - 7-10, two conditions: a digital quality-management platform, and a national or
;;;    provincial centre of any of the kinds named (or another kind: the list ends in 等).
;;;    充分满足 (coverage at least infrastructure-served-full) places the score inside the band
;;;    (factor capacity-full): as a condition, the one centre or platform that serves most of
;;;    the chain would be the linchpin of two conditions of one band, and taking it away would
;;;    cost two bands (issue 13).
;;;  - 4-6: a one-stop service platform offering both online and offline service (the rubric
;;;    says 线上、线下; a platform with only one of them does not count and is listed as such)
;;;    to SMEs (面向…中小微企业: a stated smes-served above 0 or a served enterprise of role
;;;    sme); and coverage at least infrastructure-served-basic (基本满足).
;;;  - 1-3 describes a shortfall, not absence: it needs at least one centre or platform.
;;;    Without any there is no band: 0 points and a flag (docs/POLICY.md §4, item 3).
;;;  - Coverage counts every centre and platform that serves enterprises, whatever its level
;;;    or whether it is one-stop: a city centre or an online-only platform still serves them.
;;;  - Placement: 7-10 adds a national centre, centres of at least infrastructure-centre-kinds
;;;    kinds, a platform serving at least infrastructure-smes-served SMEs, and full coverage;
;;;    4-6 adds the digital platform, the centre and full coverage; 1-3 adds each condition of
;;;    4-6 that holds, and several facilities (so that its top is reachable).

(defmodule INFRASTRUCTURE (import MAIN ?ALL))

(deffacts INFRASTRUCTURE::definitions
  (condition (indicator infrastructure) (level 3) (id digital-platform)
    (text "建立数字化质量管理平台：有数字化质量管理平台")
    (text-en "a digital quality-management platform"))
  (condition (indicator infrastructure) (level 3) (id major-centre)
    (text "建成国家级或省级产业计量测试中心、标准验证点、产品质量检验检测中心、产品质量安全风险监测评估基地等：任一类（“等”含其他类）国家级或省级机构")
    (text-en "a national or provincial metrology testing centre, standard verification point, inspection and testing centre, risk monitoring base or similar (any kind)"))
  (condition (indicator infrastructure) (level 2) (id one-stop-platform)
    (text "已搭建质量基础设施集成服务平台，面向产业链上的中小微企业提供线上、线下全方位、全过程的“一站式”质量综合服务：一站式服务平台同时提供线上和线下服务，且服务中小微企业（申报服务中小微企业数大于0，或服务对象含中小微企业）")
    (text-en "an integrated one-stop service platform for SMEs, online and offline (stated SMEs above 0, or a served SME)"))
  (condition (indicator infrastructure) (level 2) (id capacity-basic)
    (text "质量基础设施能力基本满足产业发展需求：服务覆盖率达到参数 infrastructure-served-basic（{infrastructure-served-basic}）")
    (text-en "capacity basically meets needs: coverage of at least parameter infrastructure-served-basic ({infrastructure-served-basic}) %"))
  (condition (indicator infrastructure) (level 1) (id some-infrastructure)
    (text "质量基础设施能力与产业发展需求还有差距，质量基础设施服务集成化程度有待提升：已有质量基础设施（至少1个中心或平台）")
    (text-en "some quality infrastructure (at least 1 centre or platform), short of the industry's needs"))

  ;; 质量基础设施能力充分满足产业发展需求 (7-10) places the score inside the band rather than
  ;; deciding it: coverage comes from the very centres and platforms that 7-10 names, so as a
  ;; condition one facility would be the linchpin of two conditions of one band (docs/POLICY.md
  ;; §3.3, "reading").
  (factor-def (indicator infrastructure) (level 3) (id capacity-full)
    (text "质量基础设施能力充分满足产业发展需求：服务覆盖率达到参数 infrastructure-served-full（{infrastructure-served-full}）")
    (text-en "capacity fully meets needs: coverage of at least parameter infrastructure-served-full ({infrastructure-served-full}) %"))
  (factor-def (indicator infrastructure) (level 3) (id national-centre)
    (text "有国家级中心") (text-en "a national-level centre"))
  (factor-def (indicator infrastructure) (level 3) (id several-kinds)
    (text "国家级或省级中心涵盖参数 infrastructure-centre-kinds（{infrastructure-centre-kinds}）类及以上")
    (text-en "national or provincial centres of at least parameter infrastructure-centre-kinds ({infrastructure-centre-kinds}) kinds"))
  (factor-def (indicator infrastructure) (level 3) (id many-smes-served)
    (text "平台服务中小微企业达到参数 infrastructure-smes-served（{infrastructure-smes-served}）家")
    (text-en "a platform serving at least parameter infrastructure-smes-served ({infrastructure-smes-served}) SMEs"))
  (factor-def (indicator infrastructure) (level 2) (id partly-digital) (condition digital-platform)
    (text "部分达到上一档：数字化质量管理平台") (text-en "partly the next band: a digital platform"))
  (factor-def (indicator infrastructure) (level 2) (id partly-centre) (condition major-centre)
    (text "部分达到上一档：国家级或省级中心") (text-en "partly the next band: a national or provincial centre"))
  (factor-def (indicator infrastructure) (level 2) (id capacity-full)
    (text "部分达到上一档：服务覆盖率达到参数 infrastructure-served-full（{infrastructure-served-full}）（能力充分满足）")
    (text-en "partly the next band: coverage of at least parameter infrastructure-served-full ({infrastructure-served-full}) % (capacity fully meets needs)"))
  (factor-def (indicator infrastructure) (level 1) (id partly-one-stop) (condition one-stop-platform)
    (text "部分达到上一档：一站式服务平台") (text-en "partly the next band: a one-stop platform"))
  (factor-def (indicator infrastructure) (level 1) (id partly-basic) (condition capacity-basic)
    (text "部分达到上一档：服务覆盖率达到基本满足") (text-en "partly the next band: basic coverage"))
  (factor-def (indicator infrastructure) (level 1) (id several-facilities)
    (text "中心和平台合计至少参数 infrastructure-facilities-many（{infrastructure-facilities-many}）个")
    (text-en "at least parameter infrastructure-facilities-many ({infrastructure-facilities-many}) centres and platforms in all")))

(defrule INFRASTRUCTURE::infrastructure-digital-platform
  "建立数字化质量管理平台"
  (platform (id ?id) (kind digital-qm) (name ?n) (date ?d))
  =>
  (assert (held (indicator infrastructure) (condition digital-platform)
    (rule infrastructure-digital-platform) (evidence ?id)
    (msg infrastructure-digital-platform) (args ?n ?d))))

(defrule INFRASTRUCTURE::infrastructure-major-centre
  "建成国家级或省级……中心……等"
  (centre (id ?id) (kind ?k) (level ?lv&national|provincial) (name ?n) (date ?d))
  =>
  (assert (tally (indicator infrastructure) (name centre-kinds) (key (str-cat ?k))))
  (assert (held (indicator infrastructure) (condition major-centre) (rule infrastructure-major-centre)
    (evidence ?id)
    (msg infrastructure-major-centre) (args ?lv ?k ?n ?d)))
  (if (eq ?lv national) then
    (assert (factor (indicator infrastructure) (id national-centre) (rule infrastructure-major-centre)
      (evidence ?id) (msg infrastructure-major-centre.national) (args ?n)))))

(defrule INFRASTRUCTURE::infrastructure-local-centre
  "A city- or district-level centre is not one of the national or provincial ones named."
  (centre (id ?id) (level ?lv&~national&~provincial) (name ?n))
  =>
  (assert (excluded (indicator infrastructure) (evidence ?id) (rule infrastructure-local-centre)
    (msg infrastructure-local-centre) (args ?n ?lv))))

(defrule INFRASTRUCTURE::infrastructure-several-kinds
  "Centres of several kinds."
  (declare (salience -10)) ; counts after every centre above has been tallied
  (param (name infrastructure-centre-kinds) (value ?min))
  =>
  (bind ?kinds (tally-keys infrastructure centre-kinds))
  (if (>= (length$ ?kinds) ?min) then
    (bind ?ids (slot-values$ (find-all-facts ((?c centre))
                               (member$ ?c:level (create$ national provincial)))
                             id))
    (assert (factor (indicator infrastructure) (id several-kinds) (rule infrastructure-several-kinds)
      (evidence ?ids)
      (msg infrastructure-several-kinds) (args (length$ ?kinds) infrastructure-centre-kinds ?min)))))

(defrule INFRASTRUCTURE::infrastructure-one-stop
  "搭建质量基础设施集成服务平台，面向中小微企业提供线上、线下“一站式”服务"
  (platform (id ?id) (kind one-stop) (name ?n) (date ?d) (online ?on) (offline ?off) (smes-served ?ss)
            (serves-sme ?serves-sme))
  =>
  (bind ?smes (or (> ?ss 0) (eq ?serves-sme yes)))
  (bind ?both (and (eq ?on yes) (eq ?off yes)))
  (if (and ?both ?smes) then
    (assert (held (indicator infrastructure) (condition one-stop-platform) (rule infrastructure-one-stop)
      (evidence ?id)
      (msg infrastructure-one-stop) (args ?n ?d)))
   else
    ;; The reason: not both online and offline (TRUE), else no SMEs shown.
    (assert (excluded (indicator infrastructure) (evidence ?id) (rule infrastructure-one-stop)
      (msg infrastructure-one-stop.excluded) (args ?n (not ?both) ?on ?off)))))

(defrule INFRASTRUCTURE::infrastructure-several-facilities
  "Several centres and platforms."
  (param (name infrastructure-facilities-many) (value ?many))
  =>
  (bind ?ids (create$ (slot-values$ (find-all-facts ((?c centre)) TRUE) id)
                      (slot-values$ (find-all-facts ((?p platform)) TRUE) id)))
  (if (>= (length$ ?ids) ?many) then
    (assert (factor (indicator infrastructure) (id several-facilities) (rule infrastructure-several-facilities)
      (evidence ?ids)
      (msg infrastructure-several-facilities)
      (args (length$ ?ids) infrastructure-facilities-many ?many)))))

(defrule INFRASTRUCTURE::infrastructure-smes-served
  "A platform that serves many SMEs."
  (param (name infrastructure-smes-served) (value ?many))
  (platform (id ?id) (name ?n) (smes-served ?s&:(>= ?s ?many)))
  =>
  (assert (factor (indicator infrastructure) (id many-smes-served) (rule infrastructure-smes-served)
    (evidence ?id)
    (msg infrastructure-smes-served) (args ?n ?s infrastructure-smes-served ?many))))

;;; Coverage (能力满足产业发展需求), in percent: the better of two measures.
;;;  - over the listed enterprises: those of them served (a <serves ref>) among those listed,
;;;    service providers of role other left out of both;
;;;  - over the chain, when its size is declared (<chain-size enterprises>): the enterprises
;;;    served, at least the main (non-SME) enterprises named plus the larger of the SMEs named
;;;    and the largest number of SMEs one platform states it served (smes-served; stated
;;;    counts of several platforms may overlap, so only the largest counts), among the
;;;    declared size (or the listed enterprises, if more).
;;; Taking the better keeps a declaration from ever lowering the score, so that nothing is
;;; gained by withholding it.
(defrule INFRASTRUCTURE::infrastructure-coverage
  "质量基础设施能力充分（基本）满足产业发展需求 -- read as the share of the chain's enterprises served."
  (param (name infrastructure-served-full) (value ?full))
  (param (name infrastructure-served-basic) (value ?basic))
  (project)
  =>
  (bind ?listed (slot-values$ (find-all-facts ((?e enterprise)) (neq ?e:role other)) id))
  (bind ?others (slot-values$ (find-all-facts ((?e enterprise)) (eq ?e:role other)) id))
  (bind ?smes (slot-values$ (find-all-facts ((?e enterprise)) (eq ?e:role sme)) id))
  (bind ?serving (find-all-facts ((?p party)) (and (eq ?p:relation serves) (neq ?p:ref ""))))
  (bind ?served (difference$ (distinct$ (slot-values$ ?serving ref)) ?others))
  (bind ?served-smes (difference$ ?served (difference$ ?served ?smes)))
  (bind ?n-served (length$ ?served))
  (bind ?n-main (- ?n-served (length$ ?served-smes)))
  ;; The centres and platforms that serve one of them (one pass, no search per party).
  (bind ?by (distinct$ (slot-values$ (group-by$ ?serving ref ?served) of)))
  (bind ?stating (find-all-facts ((?p platform)) (> ?p:smes-served 0)))
  (bind ?stated 0) (bind ?stated-by "")
  (progn$ (?p ?stating)
    (if (> (fact-slot-value ?p smes-served) ?stated) then
      (bind ?stated (fact-slot-value ?p smes-served))
      (bind ?stated-by (fact-slot-value ?p id))))
  (bind ?n (length$ ?listed))
  (bind ?share-l (if (> ?n 0) then (/ (* 100.0 ?n-served) ?n) else 0.0))
  (bind ?listed-finding (create$ < infrastructure-coverage.listed ?n-served ?n ?share-l >))
  (bind ?chain-finding nil)
  (bind ?share ?share-l)
  (bind ?cites ?by)
  (do-for-fact ((?c chain-size)) TRUE
    (bind ?size (max ?c:enterprises ?n))
    (bind ?count (min ?size (+ ?n-main (max (length$ ?served-smes) ?stated))))
    (bind ?share-c (if (> ?size 0) then (/ (* 100.0 ?count) ?size) else 0.0))
    (bind ?chain-finding (create$ < infrastructure-coverage.chain ?c:enterprises ?c:id ?size ?count
                                    ?n-main (length$ ?served-smes) ?stated ?share-c >))
    (if (>= ?share-c ?share) then
      (bind ?share ?share-c)
      ;; The declaration is the measure's base, not evidence of infrastructure: the text names
      ;; it, the evidence cited is the centres and platforms.
      (bind ?cites (distinct$ (create$ ?by (if (> ?stated (length$ ?served-smes)) then ?stated-by else (create$))))))
    (if (< ?c:enterprises ?n) then
      (assert (flag (indicator infrastructure) (code chain-size-below-listed) (severity warning)
        (rule infrastructure-coverage) (evidence ?c:id)
        (msg infrastructure-coverage.chain-size-below-listed) (args ?c:enterprises ?n))))
    (if (> (+ ?n-main ?stated) ?size) then
      (assert (flag (indicator infrastructure) (code smes-served-over-chain-size) (severity warning)
        (rule infrastructure-coverage) (evidence ?stated-by ?c:id)
        (msg infrastructure-coverage.smes-served-over-chain-size) (args ?stated ?n-main ?size)))))
  ;; The coverage, the measure over the listed enterprises and, when the chain's size is
  ;; declared, the one over the chain (nil when it is not).
  (bind ?coverage (create$ ?share ?listed-finding ?chain-finding))
  (if (>= ?share ?full) then
    (assert (factor (indicator infrastructure) (id capacity-full) (rule infrastructure-coverage)
      (evidence ?cites)
      (msg infrastructure-coverage) (args ?coverage infrastructure-served-full ?full))))
  (if (>= ?share ?basic) then
    (assert (held (indicator infrastructure) (condition capacity-basic) (rule infrastructure-coverage)
      (evidence ?cites)
      (msg infrastructure-coverage) (args ?coverage infrastructure-served-basic ?basic)))))

(defrule INFRASTRUCTURE::infrastructure-some
  "质量基础设施能力与产业发展需求还有差距 -- some infrastructure exists."
  (or (centre (id ?id) (name ?n))
      (platform (id ?id) (name ?n)))
  =>
  (assert (held (indicator infrastructure) (condition some-infrastructure) (rule infrastructure-some)
    (evidence ?id)
    (msg infrastructure-some) (args ?n))))
