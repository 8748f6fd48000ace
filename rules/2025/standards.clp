;;; standards.clp -- 标准提档 (8分), section 质量成效 (results).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   6-8  链上主要企业积极参与制修订国际标准或国家标准或国家标准 化指导性技术文件，实现企业标准领跑。
;;;   3-5  链上主要企业积极参与制修订行业标准、团体标准，推动行业形成较完善的标准化体系。
;;;   1-2  链上主要企业积极开展企业标准自我声明公开。
;;;
;;; How the scorer reads it (docs/POLICY.md, "standards"):
;;;  - A standard counts when it is published (standards-count-approved lets approved but
;;;    unpublished projects count), dated inside the 24-month window, drafted or revised by a
;;;    main enterprise (链主 or 关键合作方; standards-any-enterprise widens this to any
;;;    enterprise on the chain) and its code has a known shape.
;;;  - A standard is what its code says it is: GB/T 1234-2024 is a national standard whatever
;;;    the application declares. A declared type the code contradicts is flagged.
;;;  - 6-8 needs one counted international, national or GB/Z standard. 实现企业标准领跑 is read
;;;    as a strengthening factor shown by a 企业标准"领跑者" listing, not as a condition: the
;;;    listing is a separate national scheme that few chains reach, and making it a condition
;;;    would leave national standards drafted by the chain in the 3-5 band.
;;;  - 3-5 needs one counted industry, group or local standard. Local standards (DB..) are not
;;;    named by the rubric; they are of the same rank as industry standards and count here.
;;;  - 1-2 needs a self-declaration (自我声明公开) by a main enterprise inside the window; a
;;;    领跑者 listing also shows one, since self-declaration is its prerequisite. The code of a
;;;    self-declared standard is not restricted to Q/..: on the enterprise standard information
;;;    public service platform an enterprise declares the standards it implements, national,
;;;    industry, group or its own.
;;;  - Enterprise standards (Q/..) listed as <standard> count only through self-declaration.

(defmodule STANDARDS (import MAIN ?ALL))

;;; A standard that counts for a band.
(deftemplate STANDARDS::counted
  (slot id (type STRING))
  (slot class (type SYMBOL))
  (slot role (type SYMBOL))
  (slot status (type SYMBOL))
  (slot code (type STRING))
  (slot date (type STRING))
  (slot name (type STRING)))

(deffacts STANDARDS::definitions
  (condition (indicator standards) (level 3) (id national-or-international)
    (text "链上主要企业参与制修订（主导或参与）国际标准、国家标准或国家标准化指导性技术文件（GB/Z）至少1项，已发布且发布日期在成效评价期内")
    (text-en "a main enterprise drafted or revised (led or took part in) at least 1 international standard, national standard or GB/Z guidance document, published inside the results window"))
  (condition (indicator standards) (level 2) (id industry-or-group)
    (text "链上主要企业参与制修订行业标准、团体标准（或地方标准）至少1项，已发布且发布日期在成效评价期内")
    (text-en "a main enterprise drafted or revised at least 1 industry, group (or local) standard, published inside the results window"))
  (condition (indicator standards) (level 1) (id self-declared)
    (text "链上主要企业在成效评价期内开展企业标准自我声明公开")
    (text-en "a main enterprise self-declared an enterprise standard publicly inside the results window"))

  (factor-def (indicator standards) (level 3) (id lead-national) (points 1)
    (text "主导（牵头）制修订其中至少1项国际、国家标准或GB/Z")
    (text-en "led the drafting of at least 1 of those international or national standards or GB/Z"))
  (factor-def (indicator standards) (level 3) (id forerunner) (points 1)
    (text "实现企业标准领跑：企业标准列入企业标准“领跑者”名单（成效评价期内）")
    (text-en "enterprise-standard leadership: an enterprise standard listed as a 'forerunner' (领跑者) inside the window"))
  (factor-def (indicator standards) (level 2) (id lead-industry) (points 1)
    (text "主导（牵头）制修订其中至少1项行业、团体或地方标准")
    (text-en "led the drafting of at least 1 of those industry, group or local standards"))
  (factor-def (indicator standards) (level 2) (id many-industry) (points 1)
    (text "行业、团体、地方标准达到参数 standards-many（{standards-many}）的项数（推动形成较完善的标准化体系）")
    (text-en "industry, group and local standards reach the number in parameter standards-many ({standards-many}) (a fairly complete standards system)"))
  (factor-def (indicator standards) (level 1) (id many-declarers) (points 1)
    (text "开展自我声明公开的主要企业达到参数 standards-declaring-enterprises（{standards-declaring-enterprises}）的家数")
    (text-en "main enterprises that self-declared reach the number in parameter standards-declaring-enterprises ({standards-declaring-enterprises})")))

(deffunction STANDARDS::type-zh (?t)
  (switch ?t
    (case international then "国际标准")
    (case national then "国家标准")
    (case national-guidance then "国家标准化指导性技术文件")
    (case industry then "行业标准")
    (case local then "地方标准")
    (case group then "团体标准")
    (case enterprise then "企业标准")
    (default "未知类型标准")))

(deffunction STANDARDS::type-en (?t)
  (switch ?t
    (case international then "international standard")
    (case national then "national standard")
    (case national-guidance then "national standardisation guidance document")
    (case industry then "industry standard")
    (case local then "local standard")
    (case group then "group standard")
    (case enterprise then "enterprise standard")
    (default "standard of unknown type")))

(deffunction STANDARDS::role-zh (?r) (if (eq ?r lead) then "主导" else "参与"))
(deffunction STANDARDS::role-en (?r) (if (eq ?r lead) then "led" else "took part in"))
(deffunction STANDARDS::status-zh (?s) (if (eq ?s published) then "发布" else "立项"))
(deffunction STANDARDS::status-en (?s) (if (eq ?s published) then "published" else "approved"))

;;; ---------------------------------------------------------------- what does not count

(defrule STANDARDS::standards-outside-window
  "注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益。"
  (window (start ?s) (end ?e) (months ?m))
  (standard (id ?id) (code ?code) (date ?d) (window before|after))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-outside-window)
    (text (str-cat ?code " 的日期 " ?d " 不在成效评价期 " ?s " 至 " ?e "（开工后" ?m "个月）之内"))
    (text-en (str-cat ?code " is dated " ?d ", outside the results window " ?s " to " ?e
                      " (" ?m " months from work start)")))))

(defrule STANDARDS::standards-declaration-outside-window
  "注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益。"
  (window (start ?s) (end ?e) (months ?m))
  (or (self-declaration (id ?id) (code ?code) (date ?d) (window before|after))
      (forerunner (id ?id) (code ?code) (date ?d) (window before|after)))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-declaration-outside-window)
    (text (str-cat ?code " 的日期 " ?d " 不在成效评价期 " ?s " 至 " ?e "（开工后" ?m "个月）之内"))
    (text-en (str-cat ?code " is dated " ?d ", outside the results window " ?s " to " ?e
                      " (" ?m " months from work start)")))))

(defrule STANDARDS::standards-not-published
  "A standard approved as a project but not yet published is not yet a result."
  (param (name standards-count-approved) (value 0))
  (standard (id ?id) (code ?code) (status approved))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-not-published)
    (text (str-cat ?code " 尚未发布（仅立项），不计入（参数 standards-count-approved = 0）"))
    (text-en (str-cat ?code " is approved but not yet published and does not count (parameter standards-count-approved = 0)")))))

(defrule STANDARDS::standards-not-main-enterprise
  "评价要求：链上主要企业 (the chain's main enterprises)."
  (param (name standards-any-enterprise) (value 0))
  (or (standard (id ?id) (code ?code) (enterprise ?e))
      (self-declaration (id ?id) (code ?code) (enterprise ?e))
      (forerunner (id ?id) (code ?code) (enterprise ?e)))
  (enterprise (id ?e) (name ?name) (role ?role&:(not (main-role-p ?role))))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-not-main-enterprise)
    (text (str-cat ?code " 由 " ?name "（" ?e "）完成，该企业不是链主企业或关键合作方，不属于“链上主要企业”（参数 standards-any-enterprise = 0）"))
    (text-en (str-cat ?code " is by " ?name " (" ?e "), which is neither a chain-leader firm nor a key partner, so not one of the chain's main enterprises (parameter standards-any-enterprise = 0)")))))

(defrule STANDARDS::standards-unknown-code
  "Codes have known shapes (GB/T 1234-2020, T/CAQ 10201-2020, ISO 9001:2015 ...)."
  (standard (id ?id) (code ?code) (code-type unknown))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-unknown-code)
    (text (str-cat "“" ?code "”不是可识别的标准编号，无法确定标准类别，不计入"))
    (text-en (str-cat "'" ?code "' is not a recognisable standard code, so its kind cannot be told; not counted"))))
  (assert (flag (indicator standards) (code standard-code-unknown) (severity warning)
    (rule standards-unknown-code) (evidence ?id)
    (text (str-cat "标准编号“" ?code "”格式无法识别，请核对"))
    (text-en (str-cat "the standard code '" ?code "' has no known shape; check it")))))

(defrule STANDARDS::standards-type-mismatch
  "The code decides the kind of standard; a declared type that contradicts it is flagged."
  (standard (id ?id) (code ?code) (type ?declared)
            (code-type ?actual&~unknown&:(neq ?actual ?declared)))
  =>
  (assert (flag (indicator standards) (code standard-type-mismatch) (severity warning)
    (rule standards-type-mismatch) (evidence ?id)
    (text (str-cat ?code " 申报为" (type-zh ?declared) "，但编号表明是" (type-zh ?actual) "；按" (type-zh ?actual) "计"))
    (text-en (str-cat ?code " is declared a " (type-en ?declared) " but its code makes it a "
                      (type-en ?actual) "; counted as a " (type-en ?actual))))))

(defrule STANDARDS::standards-enterprise-standard
  "Enterprise standards count for 1-2 through self-declaration (自我声明公开) only."
  (standard (id ?id) (code ?code) (code-type enterprise))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-enterprise-standard)
    (text (str-cat ?code " 是企业标准；企业标准以自我声明公开（self-declaration）计入1-2分档"))
    (text-en (str-cat ?code " is an enterprise standard; enterprise standards count for band 1-2 through self-declaration")))))

;;; ---------------------------------------------------------------- what counts

(defrule STANDARDS::standards-count
  "A standard of a main enterprise, published (or allowed), inside the window, with a known code."
  (param (name standards-any-enterprise) (value ?any))
  (param (name standards-count-approved) (value ?approved))
  (standard (id ?id) (code ?code) (code-type ?class&~unknown&~enterprise) (role ?role)
            (status ?status) (window inside) (date ?d) (enterprise ?e))
  (test (or (eq ?status published) (= ?approved 1)))
  (enterprise (id ?e) (name ?name) (role ?er))
  (test (or (= ?any 1) (main-role-p ?er)))
  =>
  (assert (counted (id ?id) (class ?class) (role ?role) (status ?status) (code ?code) (date ?d)
                   (name ?name))))

(defrule STANDARDS::standards-national-or-international
  "6-8分：链上主要企业积极参与制修订国际标准或国家标准或国家标准化指导性技术文件"
  (counted (id ?id) (class ?c&international|national|national-guidance) (role ?r) (status ?s)
           (code ?code) (date ?d) (name ?name))
  =>
  (assert (held (indicator standards) (condition national-or-international)
    (rule standards-national-or-international) (evidence ?id)
    (text (str-cat ?name (role-zh ?r) "制修订" (type-zh ?c) " " ?code "（" ?d (status-zh ?s) "）"))
    (text-en (str-cat ?name " " (role-en ?r) " " (type-en ?c) " " ?code " (" (status-en ?s) " " ?d ")")))))

(defrule STANDARDS::standards-industry-or-group
  "3-5分：链上主要企业积极参与制修订行业标准、团体标准"
  (counted (id ?id) (class ?c&industry|group|local) (role ?r) (status ?s) (code ?code) (date ?d)
           (name ?name))
  =>
  (assert (tally (indicator standards) (name industry-standards) (key ?id)))
  (assert (held (indicator standards) (condition industry-or-group)
    (rule standards-industry-or-group) (evidence ?id)
    (text (str-cat ?name (role-zh ?r) "制修订" (type-zh ?c) " " ?code "（" ?d (status-zh ?s) "）"))
    (text-en (str-cat ?name " " (role-en ?r) " " (type-en ?c) " " ?code " (" (status-en ?s) " " ?d ")")))))

(defrule STANDARDS::standards-self-declared
  "1-2分：链上主要企业积极开展企业标准自我声明公开"
  (param (name standards-any-enterprise) (value ?any))
  (or (self-declaration (id ?id) (code ?code) (date ?d) (window inside) (enterprise ?e))
      (forerunner (id ?id) (code ?code) (date ?d) (window inside) (enterprise ?e)))
  (enterprise (id ?e) (name ?name) (role ?er))
  (test (or (= ?any 1) (main-role-p ?er)))
  =>
  (assert (tally (indicator standards) (name declaring-enterprises) (key ?e)))
  (assert (held (indicator standards) (condition self-declared) (rule standards-self-declared)
    (evidence ?id)
    (text (str-cat ?name " 自我声明公开企业标准 " ?code "（" ?d "）"))
    (text-en (str-cat ?name " self-declared the enterprise standard " ?code " (" ?d ")")))))

;;; ---------------------------------------------------------------- placement in the band

(defrule STANDARDS::standards-lead-national
  "Led (主导) an international or national standard or GB/Z."
  (counted (id ?id) (class ?c&international|national|national-guidance) (role lead) (code ?code)
           (name ?name))
  =>
  (assert (factor (indicator standards) (id lead-national) (rule standards-lead-national)
    (evidence ?id)
    (text (str-cat ?name " 主导制修订" (type-zh ?c) " " ?code))
    (text-en (str-cat ?name " led " (type-en ?c) " " ?code)))))

(defrule STANDARDS::standards-forerunner
  "实现企业标准领跑: an enterprise standard listed as a 领跑者 inside the window."
  (param (name standards-any-enterprise) (value ?any))
  (forerunner (id ?id) (code ?code) (product ?p) (date ?d) (window inside) (enterprise ?e))
  (enterprise (id ?e) (name ?name) (role ?er))
  (test (or (= ?any 1) (main-role-p ?er)))
  =>
  (assert (factor (indicator standards) (id forerunner) (rule standards-forerunner) (evidence ?id)
    (text (str-cat ?name " 的企业标准 " ?code "（" ?p "）列入企业标准“领跑者”（" ?d "）"))
    (text-en (str-cat ?name "'s enterprise standard " ?code " (" ?p ") listed as a forerunner (" ?d ")")))))

(defrule STANDARDS::standards-lead-industry
  "Led (主导) an industry, group or local standard."
  (counted (id ?id) (class ?c&industry|group|local) (role lead) (code ?code) (name ?name))
  =>
  (assert (factor (indicator standards) (id lead-industry) (rule standards-lead-industry)
    (evidence ?id)
    (text (str-cat ?name " 主导制修订" (type-zh ?c) " " ?code))
    (text-en (str-cat ?name " led " (type-en ?c) " " ?code)))))

(defrule STANDARDS::standards-many-industry
  "推动行业形成较完善的标准化体系: enough industry, group and local standards."
  (declare (salience -10)) ; counts after every standard above has been tallied
  (param (name standards-many) (value ?min))
  =>
  (bind ?ids (tally-keys standards industry-standards))
  (bind ?n (length$ ?ids))
  (if (>= ?n ?min) then
    (assert (factor (indicator standards) (id many-industry) (rule standards-many-industry)
      (evidence ?ids)
      (text (str-cat "计入的行业、团体、地方标准 " ?n " 项（参数 standards-many ≥ " (num ?min) "）"))
      (text-en (str-cat ?n " industry, group and local standards counted (parameter standards-many >= " (num ?min) ")"))))))

(defrule STANDARDS::standards-many-declarers
  "积极开展: self-declarations by several main enterprises."
  (declare (salience -10)) ; counts after every declaration above has been tallied
  (param (name standards-declaring-enterprises) (value ?min))
  =>
  (bind ?es (tally-keys standards declaring-enterprises))
  (bind ?n (length$ ?es))
  (if (>= ?n ?min) then
    (assert (factor (indicator standards) (id many-declarers) (rule standards-many-declarers)
      (evidence ?es)
      (text (str-cat ?n " 家主要企业开展自我声明公开：" (join-ids ?es) "（参数 standards-declaring-enterprises ≥ " (num ?min) "）"))
      (text-en (str-cat ?n " main enterprises self-declared: " (join-ids ?es) " (parameter standards-declaring-enterprises >= " (num ?min) ")"))))))
