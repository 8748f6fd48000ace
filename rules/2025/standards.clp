;;; standards.clp -- 标准提档 (8分), section 质量成效 (results).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   6-8  链上主要企业积极参与制修订国际标准或国家标准或国家标准 化指导性技术文件，实现企业标准领跑。
;;;   3-5  链上主要企业积极参与制修订行业标准、团体标准，推动行业形成较完善的标准化体系。
;;;   1-2  链上主要企业积极开展企业标准自我声明公开。
;;;
;;; How the scorer reads it (docs/POLICY.md, "standards"):
;;;  - 积极参与制修订 is taking part in the drafting as a drafting unit (起草单位). A standard counts
;;;    when a main enterprise (链主 or 关键合作方; standards-any-enterprise widens this to any
;;;    enterprise on the chain) drafted it during the 24-month window: published inside the
;;;    window, or an approved project (立项) with its plan number (计划号) whose drafting ran in
;;;    the window (approved on or before the window's end and not published before its start).
;;;    Publication inside the window places higher in 6-8 (3-5 is placed by leading and by the
;;;    number of standards, its own second clause); an approved project without a plan number
;;;    counts only with standards-count-approved = 1.
;;;  - A standard is what its code says it is: GB/T 1234-2024 is a national standard whatever
;;;    the application declares; a project without a code is what its plan number says, or
;;;    else what is declared. A declared type the code contradicts is flagged.
;;;  - 主导 (led): the drafting-unit rank when given (rank <= standards-lead-rank), otherwise the
;;;    declared role; a declared role the rank contradicts is flagged.
;;;  - 6-8 has two conditions, as its wording has two clauses: a counted international, national
;;;    or GB/Z standard, and 实现企业标准领跑 (a 企业标准"领跑者" listing inside the window). By best
;;;    fit (03-decide.clp) an application with one of the two is at the top of 3-5.
;;;  - 3-5 needs one counted industry, group or local standard (local standards, DB.., are not
;;;    named by the rubric; they are of the same rank as industry standards and count here); a
;;;    counted national one holds it too (implies). 推动行业形成较完善的标准化体系 places higher.
;;;  - 1-2 needs a self-declaration (自我声明公开) of a main enterprise that is public during the
;;;    window: made public on or before the window's end and not withdrawn before its start. A
;;;    领跑者 listing shows one too, since self-declaration is its prerequisite (implies). The code
;;;    of a self-declared standard is not restricted to Q/..: on the enterprise standard
;;;    information public service platform an enterprise declares the standards it implements.
;;;  - Enterprise standards (Q/..) listed as <standard> count only through self-declaration.

(defmodule STANDARDS (import MAIN ?ALL))

;;; A standard that counts for a band: drafted by a main enterprise during the window.
(deftemplate STANDARDS::counted
  (slot id (type STRING))
  (slot class (type SYMBOL))
  (slot led (type SYMBOL) (allowed-symbols yes no))
  (slot published (type SYMBOL) (allowed-symbols yes no))  ; published inside the window
  (slot label (type STRING))
  (slot when (type STRING))                                 ; "2024-08-23发布", "2025-03-28立项"
  (slot when-en (type STRING))
  (slot name (type STRING)))

(deffacts STANDARDS::definitions
  (condition (indicator standards) (level 3) (id national-or-international)
    (text "链上主要企业积极参与制修订国际标准或国家标准或国家标准 化指导性技术文件：主要企业作为起草单位参与至少1项国际标准、国家标准或国家标准化指导性技术文件（GB/Z），评价期内发布，或立项（有计划号）后在评价期内起草")
    (text-en "the main enterprises actively take part in drafting international or national standards or GB/Z guidance documents: a main enterprise is a drafting unit of at least 1 international standard, national standard or GB/Z, published inside the results window or an approved project (with its plan number) drafted during the window"))
  (condition (indicator standards) (level 3) (id forerunner)
    (text "实现企业标准领跑：主要企业的企业标准在评价期内列入企业标准“领跑者”名单")
    (text-en "enterprise-standard leadership: a main enterprise's enterprise standard listed as a 'forerunner' (领跑者) inside the results window"))
  (condition (indicator standards) (level 2) (id industry-or-group)
    (text "链上主要企业积极参与制修订行业标准、团体标准：主要企业作为起草单位参与至少1项行业标准、团体标准（或地方标准），评价期内发布，或立项（有计划号）后在评价期内起草")
    (text-en "the main enterprises actively take part in drafting industry or group standards: a main enterprise is a drafting unit of at least 1 industry, group (or local) standard, published inside the results window or an approved project (with its plan number) drafted during the window"))
  (condition (indicator standards) (level 1) (id self-declared)
    (text "链上主要企业积极开展企业标准自我声明公开：主要企业的企业标准自我声明在评价期内处于公开状态（公开日期不晚于评价期末，且未在评价期开始前撤销）")
    (text-en "the main enterprises actively self-declare their enterprise standards publicly: a main enterprise's self-declaration is public during the results window (made public on or before its end and not withdrawn before its start)"))

  ;; Drafting a national standard is drafting a standard; a 领跑者 listing presupposes a
  ;; self-declaration (03-decide.clp, implied conditions).
  (implies (indicator standards) (condition national-or-international) (implied industry-or-group))
  (implies (indicator standards) (condition forerunner) (implied self-declared))

  (factor-def (indicator standards) (level 3) (id lead-national) (points 1)
    (text "主导（牵头）制修订其中至少1项国际、国家标准或GB/Z（起草单位排序不后于参数 standards-lead-rank（{standards-lead-rank}），未给出排序时按申报的主导角色）")
    (text-en "led the drafting of at least 1 of those international or national standards or GB/Z (drafting-unit rank at most parameter standards-lead-rank ({standards-lead-rank}), or the declared lead role when no rank is given)"))
  (factor-def (indicator standards) (level 3) (id published-national) (points 1)
    (text "其中至少1项国际、国家标准或GB/Z已在评价期内发布（不止于立项）")
    (text-en "at least 1 of those international or national standards or GB/Z published inside the window (not only approved)"))
  (factor-def (indicator standards) (level 2) (id partly-national) (condition national-or-international)
    (text "部分达到上一档：主要企业参与制修订国际标准、国家标准或GB/Z")
    (text-en "partly the next band: a main enterprise took part in drafting an international or national standard or GB/Z"))
  (factor-def (indicator standards) (level 2) (id partly-forerunner) (condition forerunner)
    (text "部分达到上一档：实现企业标准领跑（企业标准“领跑者”）")
    (text-en "partly the next band: enterprise-standard leadership (a 'forerunner' listing)"))
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

(deffunction STANDARDS::led-zh (?l) (if (eq ?l yes) then "主导" else "参与"))
(deffunction STANDARDS::led-en (?l) (if (eq ?l yes) then "led" else "took part in"))

;;; Led (主导): the drafting-unit rank when given, otherwise the declared role.
(deffunction STANDARDS::led-p (?role ?rank ?lead-rank)
  (if (> ?rank 0) then (<= ?rank ?lead-rank) else (eq ?role lead)))

;;; "GB/T 1234-2024" or, for a project without a code, "计划号 20250412-T-608".
(deffunction STANDARDS::label-zh (?code ?plan)
  (if (neq ?code "") then ?code else (str-cat "计划号 " ?plan)))
(deffunction STANDARDS::label-en (?code ?plan)
  (if (neq ?code "") then ?code else (str-cat "plan number " ?plan)))

;;; ---------------------------------------------------------------- what does not count

(defrule STANDARDS::standards-outside-window
  "注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益。"
  (window (start ?s) (end ?e) (end-day ?ed) (months ?m))
  (standard (id ?id) (code ?code) (plan ?plan) (status ?st) (date ?d) (window ?w&before|after)
            (approved-day ?ad))
  ;; Drafting ran in the window when an approved project was approved by its end, or a standard
  ;; published after it was approved (with its plan number) by its end.
  (test (not (or (and (eq ?st approved) (eq ?w before))
                 (and (eq ?st published) (eq ?w after) (neq ?plan "") (> ?ad 0) (<= ?ad ?ed)))))
  =>
  (bind ?what (if (eq ?st published) then "发布日期" else "立项日期"))
  (bind ?what-en (if (eq ?st published) then "published" else "approved"))
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-outside-window)
    (text (str-cat (label-zh ?code ?plan) " 的" ?what " " ?d " 不在成效评价期 " ?s " 至 " ?e "（开工后" ?m "个月）之内"
                   (if (and (eq ?st published) (eq ?w after)) then "，也未给出评价期内起草（计划号及不晚于评价期末的立项日期）" else "")))
    (text-en (str-cat (label-en ?code ?plan) " was " ?what-en " on " ?d ", outside the results window " ?s " to " ?e
                      " (" ?m " months from work start)"
                      (if (and (eq ?st published) (eq ?w after)) then ", and no drafting in the window is shown (a plan number and an approval date by the window's end)" else ""))))))

(defrule STANDARDS::standards-declaration-outside-window
  "注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益。"
  (window (start ?s) (end ?e) (months ?m))
  (or (self-declaration (id ?id) (code ?code) (date ?d) (window after))
      (forerunner (id ?id) (code ?code) (date ?d) (window before|after)))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-declaration-outside-window)
    (text (str-cat ?code " 的日期 " ?d " 不在成效评价期 " ?s " 至 " ?e "（开工后" ?m "个月）之内"))
    (text-en (str-cat ?code " is dated " ?d ", outside the results window " ?s " to " ?e
                      " (" ?m " months from work start)")))))

(defrule STANDARDS::standards-declaration-withdrawn
  "自我声明公开: a declaration withdrawn before the window began was not public during it."
  (window (start ?s) (start-day ?sd))
  (self-declaration (id ?id) (code ?code) (withdrawn ?wd) (withdrawn-day ?w&:(> ?w 0)&:(< ?w ?sd)))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-declaration-withdrawn)
    (text (str-cat ?code " 的自我声明已于 " ?wd " 撤销，早于成效评价期开始（" ?s "），评价期内未处于公开状态"))
    (text-en (str-cat "the self-declaration of " ?code " was withdrawn on " ?wd ", before the results window began (" ?s "), so it was not public during it")))))

(defrule STANDARDS::standards-project-without-plan
  "An approved project counts with its plan number (or with standards-count-approved = 1)."
  (param (name standards-count-approved) (value 0))
  (standard (id ?id) (code ?code) (title ?title) (plan "") (status approved))
  =>
  (bind ?what (if (neq ?code "") then ?code else (str-cat "《" ?title "》")))
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-project-without-plan)
    (text (str-cat ?what " 仅立项尚未发布，且未给出计划号（项目编号），无法核实已作为起草单位参与，不计入（参数 standards-count-approved = 0）"))
    (text-en (str-cat ?what " is an approved project, not yet published, without its plan (project) number, so taking part as a drafting unit cannot be checked; not counted (parameter standards-count-approved = 0)")))))

(defrule STANDARDS::standards-not-main-enterprise
  "评价要求：链上主要企业 (the chain's main enterprises)."
  (param (name standards-any-enterprise) (value 0))
  (or (standard (id ?id) (label ?code) (enterprise ?e))
      (self-declaration (id ?id) (code ?code) (enterprise ?e))
      (forerunner (id ?id) (code ?code) (enterprise ?e)))
  (enterprise (id ?e) (name ?name) (role ?role&:(not (main-role-p ?role))))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-not-main-enterprise)
    (text (str-cat ?code " 由 " ?name "（" ?e "）完成，该企业不是链主企业或关键合作方，不属于“链上主要企业”（参数 standards-any-enterprise = 0）"))
    (text-en (str-cat ?code " is by " ?name " (" ?e "), which is neither a chain-leader firm nor a key partner, so not one of the chain's main enterprises (parameter standards-any-enterprise = 0)")))))

(defrule STANDARDS::standards-unknown-code
  "Codes have known shapes (GB/T 1234-2020, T/CAQ 10201-2020, ISO 9001:2015 ...)."
  (standard (id ?id) (label ?label) (code-type unknown))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-unknown-code)
    (text (if (eq ?label "") then "未给出标准编号或计划号，无法确定标准类别，不计入"
              else (str-cat "“" ?label "”不是可识别的标准编号，无法确定标准类别，不计入")))
    (text-en (if (eq ?label "") then "neither a standard code nor a plan number is given, so its kind cannot be told; not counted"
                 else (str-cat "'" ?label "' is not a recognisable standard code, so its kind cannot be told; not counted")))))
  (assert (flag (indicator standards) (code standard-code-unknown) (severity warning)
    (rule standards-unknown-code) (evidence ?id)
    (text (if (eq ?label "") then "既无标准编号也无计划号，请核对"
              else (str-cat "标准编号“" ?label "”格式无法识别，请核对")))
    (text-en (if (eq ?label "") then "neither a standard code nor a plan number; check it"
                 else (str-cat "the standard code '" ?label "' has no known shape; check it"))))))

(defrule STANDARDS::standards-type-mismatch
  "The code decides the kind of standard; a declared type that contradicts it is flagged."
  (standard (id ?id) (label ?code) (type ?declared)
            (code-type ?actual&~unknown&:(neq ?actual ?declared)))
  =>
  (assert (flag (indicator standards) (code standard-type-mismatch) (severity warning)
    (rule standards-type-mismatch) (evidence ?id)
    (text (str-cat ?code " 申报为" (type-zh ?declared) "，但编号表明是" (type-zh ?actual) "；按" (type-zh ?actual) "计"))
    (text-en (str-cat ?code " is declared a " (type-en ?declared) " but its code makes it a "
                      (type-en ?actual) "; counted as a " (type-en ?actual))))))

(defrule STANDARDS::standards-rank-role-mismatch
  "The drafting-unit rank decides whether the enterprise led; a declared role it contradicts is flagged."
  (param (name standards-lead-rank) (value ?lr))
  (standard (id ?id) (label ?code) (role ?role) (rank ?rank&:(> ?rank 0)))
  (test (neq (eq ?role lead) (<= ?rank ?lr)))
  =>
  (assert (flag (indicator standards) (code standard-rank-role-mismatch) (severity warning)
    (rule standards-rank-role-mismatch) (evidence ?id)
    (text (str-cat ?code " 申报为" (if (eq ?role lead) then "主导" else "参与") "，但起草单位排序为第 " ?rank
                   " 位（参数 standards-lead-rank = " ?lr "）；按排序计为" (if (<= ?rank ?lr) then "主导" else "参与")))
    (text-en (str-cat ?code " is declared " (if (eq ?role lead) then "led" else "taken part in") " but the drafting-unit rank is " ?rank
                      " (parameter standards-lead-rank = " ?lr "); counted by the rank as " (if (<= ?rank ?lr) then "led" else "taken part in"))))))

(defrule STANDARDS::standards-enterprise-standard
  "Enterprise standards count for 1-2 through self-declaration (自我声明公开) only."
  (standard (id ?id) (label ?code) (code-type enterprise))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-enterprise-standard)
    (text (str-cat ?code " 是企业标准；企业标准以自我声明公开（self-declaration）计入1-2分档"))
    (text-en (str-cat ?code " is an enterprise standard; enterprise standards count for band 1-2 through self-declaration")))))

;;; ---------------------------------------------------------------- what counts

(defrule STANDARDS::standards-count
  "A main enterprise drafted it during the window: published inside it, or an approved project
   (with its plan number) approved by its end, or published after it but approved by its end."
  (param (name standards-any-enterprise) (value ?any))
  (param (name standards-count-approved) (value ?approved))
  (param (name standards-lead-rank) (value ?lr))
  (window (end-day ?ed))
  (standard (id ?id) (code ?code) (plan ?plan) (code-type ?class&~unknown&~enterprise) (role ?role)
            (rank ?rank) (status ?status) (window ?w) (date ?d) (approved ?ad) (approved-day ?add)
            (enterprise ?e))
  (test (or (and (eq ?status published) (eq ?w inside))
            (and (eq ?status approved) (or (eq ?w inside) (eq ?w before))
                 (or (neq ?plan "") (= ?approved 1)))
            (and (eq ?status published) (eq ?w after) (neq ?plan "") (> ?add 0) (<= ?add ?ed))))
  (enterprise (id ?e) (name ?name) (role ?er))
  (test (or (= ?any 1) (main-role-p ?er)))
  =>
  (bind ?pub (if (and (eq ?status published) (eq ?w inside)) then yes else no))
  (bind ?when (if (eq ?pub yes) then (str-cat ?d "发布")
               else (if (eq ?status approved) then (str-cat ?d "立项，尚未发布")
                     else (str-cat ?ad "立项，" ?d "发布（评价期后）"))))
  (bind ?when-en (if (eq ?pub yes) then (str-cat "published " ?d)
                  else (if (eq ?status approved) then (str-cat "approved " ?d ", not yet published")
                        else (str-cat "approved " ?ad ", published " ?d " (after the window)"))))
  (if (neq ?plan "") then
    (bind ?when (str-cat ?when "，计划号 " ?plan))
    (bind ?when-en (str-cat ?when-en ", plan number " ?plan)))
  (if (> ?rank 0) then
    (bind ?when (str-cat ?when "，第 " ?rank " 起草单位"))
    (bind ?when-en (str-cat ?when-en ", drafting unit no. " ?rank)))
  (assert (counted (id ?id) (class ?class) (led (if (led-p ?role ?rank ?lr) then yes else no))
                   (published ?pub) (label (if (neq ?code "") then ?code else ?plan))
                   (when ?when) (when-en ?when-en) (name ?name))))

(defrule STANDARDS::standards-national-or-international
  "6-8分：链上主要企业积极参与制修订国际标准或国家标准或国家标准化指导性技术文件"
  (counted (id ?id) (class ?c&international|national|national-guidance) (led ?l) (label ?code)
           (when ?w) (when-en ?we) (name ?name))
  =>
  (assert (held (indicator standards) (condition national-or-international)
    (rule standards-national-or-international) (evidence ?id)
    (text (str-cat ?name (led-zh ?l) "制修订" (type-zh ?c) " " ?code "（" ?w "）"))
    (text-en (str-cat ?name " " (led-en ?l) " " (type-en ?c) " " ?code " (" ?we ")")))))

(defrule STANDARDS::standards-industry-or-group
  "3-5分：链上主要企业积极参与制修订行业标准、团体标准"
  (counted (id ?id) (class ?c&industry|group|local) (led ?l) (label ?code) (when ?w) (when-en ?we)
           (name ?name))
  =>
  (assert (tally (indicator standards) (name industry-standards) (key ?id)))
  (assert (held (indicator standards) (condition industry-or-group)
    (rule standards-industry-or-group) (evidence ?id)
    (text (str-cat ?name (led-zh ?l) "制修订" (type-zh ?c) " " ?code "（" ?w "）"))
    (text-en (str-cat ?name " " (led-en ?l) " " (type-en ?c) " " ?code " (" ?we ")")))))

(defrule STANDARDS::standards-self-declared
  "1-2分：链上主要企业积极开展企业标准自我声明公开 (public during the window)"
  (param (name standards-any-enterprise) (value ?any))
  (window (start-day ?sd))
  (self-declaration (id ?id) (code ?code) (date ?d) (window inside|before) (enterprise ?e)
                    (withdrawn-day ?wd&:(or (= ?wd 0) (>= ?wd ?sd))))
  (enterprise (id ?e) (name ?name) (role ?er))
  (test (or (= ?any 1) (main-role-p ?er)))
  =>
  (assert (tally (indicator standards) (name declaring-enterprises) (key ?e)))
  (assert (held (indicator standards) (condition self-declared) (rule standards-self-declared)
    (evidence ?id)
    (text (str-cat ?name " 自我声明公开企业标准 " ?code "（" ?d " 起公开）"))
    (text-en (str-cat ?name " self-declared the enterprise standard " ?code " (public since " ?d ")")))))

(defrule STANDARDS::standards-forerunner
  "6-8分：实现企业标准领跑 -- an enterprise standard listed as a 领跑者 inside the window."
  (param (name standards-any-enterprise) (value ?any))
  (forerunner (id ?id) (code ?code) (product ?p) (date ?d) (window inside) (enterprise ?e))
  (enterprise (id ?e) (name ?name) (role ?er))
  (test (or (= ?any 1) (main-role-p ?er)))
  =>
  (assert (tally (indicator standards) (name declaring-enterprises) (key ?e)))
  (assert (held (indicator standards) (condition forerunner) (rule standards-forerunner)
    (evidence ?id)
    (text (str-cat ?name " 的企业标准 " ?code "（" ?p "）列入企业标准“领跑者”（" ?d "）"))
    (text-en (str-cat ?name "'s enterprise standard " ?code " (" ?p ") listed as a forerunner (" ?d ")")))))

;;; ---------------------------------------------------------------- placement in the band

(defrule STANDARDS::standards-lead-national
  "Led (主导) an international or national standard or GB/Z."
  (counted (id ?id) (class ?c&international|national|national-guidance) (led yes) (label ?code)
           (name ?name))
  =>
  (assert (factor (indicator standards) (id lead-national) (rule standards-lead-national)
    (evidence ?id)
    (text (str-cat ?name " 主导制修订" (type-zh ?c) " " ?code))
    (text-en (str-cat ?name " led " (type-en ?c) " " ?code)))))

(defrule STANDARDS::standards-lead-industry
  "Led (主导) an industry, group or local standard."
  (counted (id ?id) (class ?c&industry|group|local) (led yes) (label ?code) (name ?name))
  =>
  (assert (factor (indicator standards) (id lead-industry) (rule standards-lead-industry)
    (evidence ?id)
    (text (str-cat ?name " 主导制修订" (type-zh ?c) " " ?code))
    (text-en (str-cat ?name " led " (type-en ?c) " " ?code)))))

(defrule STANDARDS::standards-published
  "6-8: publication inside the window places a standard higher than an approved project."
  (counted (id ?id) (class ?c&international|national|national-guidance) (published yes) (label ?code)
           (when ?w) (when-en ?we))
  =>
  (assert (factor (indicator standards) (id published-national) (rule standards-published)
    (evidence ?id)
    (text (str-cat "已在评价期内发布：" (type-zh ?c) " " ?code "（" ?w "）"))
    (text-en (str-cat "published inside the window: " (type-en ?c) " " ?code " (" ?we ")")))))

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
