;;; infrastructure.clp -- 加强质量基础设施建设 (10分), section 质量举措 (measures).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   7-10 质量基础设施能力充分满足产业发展需求，建立数字化质量管理平台，建成国家级或省级产业计量测试
;;;        中心、标准验证点、产品质量检验检测中心、产品质量安全风险监测评估基地等。
;;;   4-6  质量基础设施能力基本满足产业发展需求，已搭建质量基础设施集成服务平台，面向产业链上的中小微
;;;        企业提供线上、线下全方位、全过程的“一站式”质量综合服务。
;;;   1-3  质量基础设施能力与产业发展需求还有差距，质量基础设施服务集成化程度有待提升。
;;;
;;; How the scorer reads it (docs/POLICY.md, "infrastructure"):
;;;  - "能力满足产业发展需求" is read as coverage: the share of the chain's listed enterprises
;;;    that the centres and platforms serve (<serves ref=...>). 充分满足 (fully) needs
;;;    infrastructure-served-full %, 基本满足 (basically) infrastructure-served-basic %. An
;;;    enterprise served by several counts once.
;;;  - 7-10: a digital quality-management platform; a national or provincial centre of any of
;;;    the kinds named (or another kind: the list ends in 等); coverage at the full share.
;;;  - 4-6: a one-stop service platform offering both online and offline service (the rubric
;;;    says 线上、线下; a platform with only one of them does not count and is listed as such);
;;;    coverage at the basic share.
;;;  - 1-3 describes a shortfall, not absence: it needs at least one centre or platform.
;;;    Without any there is no band: 0 points and a flag (guide.md item 3).
;;;  - Coverage counts every centre and platform that serves enterprises, whatever its level
;;;    or whether it is one-stop: a city centre or an online-only platform still serves them.
;;;  - The one-stop platform must serve SMEs (面向中小微企业): a stated smes-served above 0 or a
;;;    served enterprise of role sme.
;;;  - Placement: 7-10 adds a national centre, national or provincial centres of at least
;;;    infrastructure-centre-kinds kinds, and a platform serving at least
;;;    infrastructure-smes-served SMEs; 4-6 and 1-3 add each condition of the next band up that
;;;    holds; 1-3 also adds several facilities (so that its top is reachable).

(defmodule INFRASTRUCTURE (import MAIN ?ALL))

(deffacts INFRASTRUCTURE::definitions
  (condition (indicator infrastructure) (level 3) (id digital-platform)
    (text "建立数字化质量管理平台") (text-en "a digital quality-management platform"))
  (condition (indicator infrastructure) (level 3) (id major-centre)
    (text "建成国家级或省级产业计量测试中心、标准验证点、产品质量检验检测中心、产品质量安全风险监测评估基地等")
    (text-en "a national or provincial metrology testing centre, standard verification point, inspection and testing centre, risk monitoring base or similar"))
  (condition (indicator infrastructure) (level 3) (id capacity-full)
    (text "能力充分满足需求：中心和平台服务的链上企业占比达到参数 infrastructure-served-full（{infrastructure-served-full}）")
    (text-en "capacity fully meets needs: centres and platforms serve at least parameter infrastructure-served-full ({infrastructure-served-full}) % of the chain's enterprises"))
  (condition (indicator infrastructure) (level 2) (id one-stop-platform)
    (text "质量基础设施集成服务平台，面向中小微企业（服务中小微企业数大于0或服务对象含中小微企业）提供线上、线下“一站式”服务")
    (text-en "an integrated one-stop service platform serving SMEs (a stated number above 0, or a served SME) online and offline"))
  (condition (indicator infrastructure) (level 2) (id capacity-basic)
    (text "能力基本满足需求：中心和平台服务的链上企业占比达到参数 infrastructure-served-basic（{infrastructure-served-basic}）")
    (text-en "capacity basically meets needs: centres and platforms serve at least parameter infrastructure-served-basic ({infrastructure-served-basic}) % of the chain's enterprises"))
  (condition (indicator infrastructure) (level 1) (id some-infrastructure)
    (text "已有质量基础设施（至少1个中心或平台），但能力与需求还有差距")
    (text-en "some quality infrastructure (at least 1 centre or platform), short of the industry's needs"))

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
  (factor-def (indicator infrastructure) (level 2) (id partly-full) (condition capacity-full)
    (text "部分达到上一档：服务覆盖充分") (text-en "partly the next band: full coverage"))
  (factor-def (indicator infrastructure) (level 1) (id partly-one-stop) (condition one-stop-platform)
    (text "部分达到上一档：一站式服务平台") (text-en "partly the next band: a one-stop platform"))
  (factor-def (indicator infrastructure) (level 1) (id partly-basic) (condition capacity-basic)
    (text "部分达到上一档：服务覆盖基本满足") (text-en "partly the next band: basic coverage"))
  (factor-def (indicator infrastructure) (level 1) (id several-facilities)
    (text "中心和平台合计至少参数 infrastructure-facilities-many（{infrastructure-facilities-many}）个")
    (text-en "at least parameter infrastructure-facilities-many ({infrastructure-facilities-many}) centres and platforms in all")))

(deffunction INFRASTRUCTURE::centre-zh (?k)
  (switch ?k (case metrology-testing then "产业计量测试中心") (case standard-verification then "标准验证点")
    (case inspection-testing then "产品质量检验检测中心") (case risk-monitoring then "产品质量安全风险监测评估基地")
    (default "质量基础设施机构")))

(defrule INFRASTRUCTURE::infrastructure-digital-platform
  "建立数字化质量管理平台"
  (platform (id ?id) (kind digital-qm) (name ?n) (date ?d))
  =>
  (assert (held (indicator infrastructure) (condition digital-platform)
    (rule infrastructure-digital-platform) (evidence ?id)
    (text (str-cat "数字化质量管理平台：" ?n "（" ?d "）")) (text-en (str-cat "digital quality-management platform: " ?n " (" ?d ")")))))

(defrule INFRASTRUCTURE::infrastructure-major-centre
  "建成国家级或省级……中心……等"
  (centre (id ?id) (kind ?k) (level ?lv&national|provincial) (name ?n) (date ?d))
  =>
  (assert (tally (indicator infrastructure) (name centre-kinds) (key (str-cat ?k))))
  (assert (held (indicator infrastructure) (condition major-centre) (rule infrastructure-major-centre)
    (evidence ?id)
    (text (str-cat (level-zh ?lv) (centre-zh ?k) "：" ?n "（" ?d "）"))
    (text-en (str-cat ?lv " " ?k " centre: " ?n " (" ?d ")"))))
  (if (eq ?lv national) then
    (assert (factor (indicator infrastructure) (id national-centre) (rule infrastructure-major-centre)
      (evidence ?id) (text (str-cat "国家级：" ?n)) (text-en (str-cat "national: " ?n))))))

(defrule INFRASTRUCTURE::infrastructure-local-centre
  "A city- or district-level centre is not one of the national or provincial ones named."
  (centre (id ?id) (level ?lv&~national&~provincial) (name ?n))
  =>
  (assert (excluded (indicator infrastructure) (evidence ?id) (rule infrastructure-local-centre)
    (text (str-cat ?n " 为" (level-zh ?lv) "机构，不计为评价要求列举的国家级或省级中心；仍计入“已有质量基础设施”和服务覆盖面"))
    (text-en (str-cat ?n " is " ?lv "-level, not one of the national or provincial centres the rubric names; it still counts as infrastructure and for coverage")))))

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
      (text (str-cat "国家级或省级中心涵盖 " (length$ ?kinds) " 类（参数 infrastructure-centre-kinds ≥ " (num ?min) "）"))
      (text-en (str-cat "national or provincial centres of " (length$ ?kinds) " kinds (parameter infrastructure-centre-kinds >= " (num ?min) ")"))))))

(defrule INFRASTRUCTURE::infrastructure-one-stop
  "搭建质量基础设施集成服务平台，面向中小微企业提供线上、线下“一站式”服务"
  (platform (id ?id) (kind one-stop) (name ?n) (date ?d) (online ?on) (offline ?off) (smes-served ?ss)
            (serves-sme ?serves-sme))
  =>
  (bind ?smes (or (> ?ss 0) (eq ?serves-sme yes)))
  (if (and (eq ?on yes) (eq ?off yes) ?smes) then
    (assert (held (indicator infrastructure) (condition one-stop-platform) (rule infrastructure-one-stop)
      (evidence ?id)
      (text (str-cat "一站式服务平台：" ?n "，线上线下均提供服务，面向中小微企业（" ?d "）"))
      (text-en (str-cat "one-stop platform: " ?n ", online and offline, serving SMEs (" ?d ")"))))
   else
    (assert (excluded (indicator infrastructure) (evidence ?id) (rule infrastructure-one-stop)
      (text (str-cat ?n " 不计为一站式服务平台："
                     (if (not (and (eq ?on yes) (eq ?off yes)))
                         then (str-cat "未同时提供线上和线下服务（线上：" ?on "，线下：" ?off "）")
                         else "未表明服务中小微企业")
                     "；其服务的企业仍计入服务覆盖面"))
      (text-en (str-cat ?n " is not counted as a one-stop platform: "
                        (if (not (and (eq ?on yes) (eq ?off yes)))
                            then (str-cat "it does not serve both online and offline (online: " ?on ", offline: " ?off ")")
                            else "it is not shown to serve SMEs")
                        "; the enterprises it serves still count for coverage"))))))

(defrule INFRASTRUCTURE::infrastructure-several-facilities
  "Several centres and platforms."
  (param (name infrastructure-facilities-many) (value ?many))
  =>
  (bind ?ids (create$ (slot-values$ (find-all-facts ((?c centre)) TRUE) id)
                      (slot-values$ (find-all-facts ((?p platform)) TRUE) id)))
  (if (>= (length$ ?ids) ?many) then
    (assert (factor (indicator infrastructure) (id several-facilities) (rule infrastructure-several-facilities)
      (evidence ?ids)
      (text (str-cat "中心和平台合计 " (length$ ?ids) " 个（参数 infrastructure-facilities-many ≥ " (num ?many) "）"))
      (text-en (str-cat (length$ ?ids) " centres and platforms (parameter infrastructure-facilities-many >= " (num ?many) ")"))))))

(defrule INFRASTRUCTURE::infrastructure-smes-served
  "A platform that serves many SMEs."
  (param (name infrastructure-smes-served) (value ?many))
  (platform (id ?id) (name ?n) (smes-served ?s&:(>= ?s ?many)))
  =>
  (assert (factor (indicator infrastructure) (id many-smes-served) (rule infrastructure-smes-served)
    (evidence ?id)
    (text (str-cat ?n " 服务中小微企业 " ?s " 家（参数 infrastructure-smes-served ≥ " (num ?many) "）"))
    (text-en (str-cat ?n " serves " ?s " SMEs (parameter infrastructure-smes-served >= " (num ?many) ")")))))

(defrule INFRASTRUCTURE::infrastructure-coverage
  "质量基础设施能力充分（基本）满足产业发展需求 -- read as the share of enterprises served."
  (param (name infrastructure-served-full) (value ?full))
  (param (name infrastructure-served-basic) (value ?basic))
  (project)
  =>
  (bind ?total (length$ (find-all-facts ((?e enterprise)) TRUE)))
  (bind ?serving (find-all-facts ((?p party)) (and (eq ?p:relation serves) (neq ?p:ref ""))))
  (bind ?served (distinct$ (slot-values$ ?serving ref)))
  (bind ?by (distinct$ (slot-values$ ?serving of)))
  (if (> ?total 0) then
    (bind ?share (/ (* 100.0 (length$ ?served)) ?total))
    (bind ?zh (str-cat "中心和平台服务链上企业 " (length$ ?served) "/" ?total " 家，占 " (num ?share) "%"))
    (bind ?en (str-cat "centres and platforms serve " (length$ ?served) " of " ?total " enterprises, " (num ?share) " %"))
    (if (>= ?share ?full) then
      (assert (held (indicator infrastructure) (condition capacity-full) (rule infrastructure-coverage)
        (evidence ?by)
        (text (str-cat ?zh "（参数 infrastructure-served-full ≥ " (num ?full) "%）"))
        (text-en (str-cat ?en " (parameter infrastructure-served-full >= " (num ?full) " %)")))))
    (if (>= ?share ?basic) then
      (assert (held (indicator infrastructure) (condition capacity-basic) (rule infrastructure-coverage)
        (evidence ?by)
        (text (str-cat ?zh "（参数 infrastructure-served-basic ≥ " (num ?basic) "%）"))
        (text-en (str-cat ?en " (parameter infrastructure-served-basic >= " (num ?basic) " %)")))))))

(defrule INFRASTRUCTURE::infrastructure-some
  "质量基础设施能力与产业发展需求还有差距 -- some infrastructure exists."
  (or (centre (id ?id) (name ?n))
      (platform (id ?id) (name ?n)))
  =>
  (assert (held (indicator infrastructure) (condition some-infrastructure) (rule infrastructure-some)
    (evidence ?id)
    (text (str-cat "已有质量基础设施：" ?n)) (text-en (str-cat "quality infrastructure: " ?n)))))
