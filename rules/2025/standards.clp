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
  (slot name (type STRING))
  ;; when it was drafted ("2024-08-23发布", "2025-03-28立项"): a finding (standards-count)
  (slot msg (type SYMBOL) (default nil))
  (multislot args))

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

;;; Led (主导): the drafting-unit rank when given, otherwise the declared role.
(deffunction STANDARDS::led-p (?role ?rank ?lead-rank)
  (if (> ?rank 0) then (<= ?rank ?lead-rank) else (eq ?role lead)))

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
  ;; The label is the code, or "计划号 …" for a project without one; a standard published after
  ;; the window is told that it shows no drafting in it either.
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-outside-window)
    (msg standards-outside-window)
    (args ?code ?plan ?st ?d ?s ?e ?m (and (eq ?st published) (eq ?w after))))))

(defrule STANDARDS::standards-declaration-outside-window
  "注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益。"
  (window (start ?s) (end ?e) (months ?m))
  (or (self-declaration (id ?id) (code ?code) (date ?d) (window after))
      (forerunner (id ?id) (code ?code) (date ?d) (window before|after)))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-declaration-outside-window)
    (msg standards-declaration-outside-window) (args ?code ?d ?s ?e ?m))))

(defrule STANDARDS::standards-declaration-withdrawn
  "自我声明公开: a declaration withdrawn before the window began was not public during it."
  (window (start ?s) (start-day ?sd))
  (self-declaration (id ?id) (code ?code) (withdrawn ?wd) (withdrawn-day ?w&:(> ?w 0)&:(< ?w ?sd)))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-declaration-withdrawn)
    (msg standards-declaration-withdrawn) (args ?code ?wd ?s))))

(defrule STANDARDS::standards-project-without-plan
  "An approved project counts with its plan number (or with standards-count-approved = 1)."
  (param (name standards-count-approved) (value 0))
  (standard (id ?id) (code ?code) (title ?title) (plan "") (status approved))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-project-without-plan)
    (msg standards-project-without-plan) (args ?code ?title standards-count-approved))))

(defrule STANDARDS::standards-not-main-enterprise
  "评价要求：链上主要企业 (the chain's main enterprises)."
  (param (name standards-any-enterprise) (value 0))
  (enterprise (id ?e) (name ?name) (role ?role&:(not (main-role-p ?role))))
  (or (standard (id ?id) (label ?code) (enterprise ?e))
      (self-declaration (id ?id) (code ?code) (enterprise ?e))
      (forerunner (id ?id) (code ?code) (enterprise ?e)))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-not-main-enterprise)
    (msg standards-not-main-enterprise) (args ?code ?name ?e standards-any-enterprise))))

(defrule STANDARDS::standards-unknown-code
  "Codes have known shapes (GB/T 1234-2020, T/CAQ 10201-2020, ISO 9001:2015 ...)."
  (standard (id ?id) (label ?label) (code-type unknown))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-unknown-code)
    (msg standards-unknown-code) (args ?label)))
  (assert (flag (indicator standards) (code standard-code-unknown) (severity warning)
    (rule standards-unknown-code) (evidence ?id)
    (msg standards-unknown-code.flag) (args ?label))))

(defrule STANDARDS::standards-type-mismatch
  "The code decides the kind of standard; a declared type that contradicts it is flagged."
  (standard (id ?id) (label ?code) (type ?declared)
            (code-type ?actual&~unknown&:(neq ?actual ?declared)))
  =>
  (assert (flag (indicator standards) (code standard-type-mismatch) (severity warning)
    (rule standards-type-mismatch) (evidence ?id)
    (msg standards-type-mismatch) (args ?code ?declared ?actual))))

(defrule STANDARDS::standards-rank-role-mismatch
  "The drafting-unit rank decides whether the enterprise led; a declared role it contradicts is flagged."
  (param (name standards-lead-rank) (value ?lr))
  (standard (id ?id) (label ?code) (role ?role) (rank ?rank&:(> ?rank 0)))
  (test (neq (eq ?role lead) (<= ?rank ?lr)))
  =>
  (assert (flag (indicator standards) (code standard-rank-role-mismatch) (severity warning)
    (rule standards-rank-role-mismatch) (evidence ?id)
    ;; declared led, and led by the rank: TRUE or FALSE
    (msg standards-rank-role-mismatch)
    (args ?code (eq ?role lead) ?rank standards-lead-rank ?lr (<= ?rank ?lr)))))

(defrule STANDARDS::standards-enterprise-standard
  "Enterprise standards count for 1-2 through self-declaration (自我声明公开) only."
  (standard (id ?id) (label ?code) (code-type enterprise))
  =>
  (assert (excluded (indicator standards) (evidence ?id) (rule standards-enterprise-standard)
    (msg standards-enterprise-standard) (args ?code))))

;;; ---------------------------------------------------------------- what counts

(defrule STANDARDS::standards-count
  "A main enterprise drafted it during the window: published inside it, or an approved project
   (with its plan number) approved by its end, or published after it but approved by its end."
  (param (name standards-any-enterprise) (value ?any))
  (param (name standards-count-approved) (value ?approved))
  (param (name standards-lead-rank) (value ?lr))
  (window (end-day ?ed))
  ;; The enterprise before the standard, and the standard's tests in a test CE, not in its
  ;; pattern: the standard then needs no memory of its own in this rule (its pattern, without
  ;; constants, shares the one every such pattern of a standard has), and only a standard that
  ;; counts makes a partial match: at 20,000 items, 4.5 MB less while the input is imported.
  (enterprise (id ?e) (name ?name) (role ?er))
  (test (or (= ?any 1) (main-role-p ?er)))
  (standard (id ?id) (code ?code) (plan ?plan) (code-type ?class) (role ?role)
            (rank ?rank) (status ?status) (window ?w) (date ?d) (approved ?ad) (approved-day ?add)
            (enterprise ?e))
  (test (and (neq ?class unknown enterprise)
             (or (and (eq ?status published) (eq ?w inside))
                 (and (eq ?status approved) (or (eq ?w inside) (eq ?w before))
                      (or (neq ?plan "") (= ?approved 1)))
                 (and (eq ?status published) (eq ?w after) (neq ?plan "") (> ?add 0)
                      (<= ?add ?ed)))))
  =>
  (bind ?pub (if (and (eq ?status published) (eq ?w inside)) then yes else no))
  ;; When: published inside the window, approved (not yet published), or approved and
  ;; published after the window; its plan number and drafting-unit rank when given.
  (assert (counted (id ?id) (class ?class) (led (if (led-p ?role ?rank ?lr) then yes else no))
                   (published ?pub) (label (if (neq ?code "") then ?code else ?plan)) (name ?name)
                   (msg standards-count) (args ?pub (eq ?status approved) ?d ?ad ?plan ?rank))))

(defrule STANDARDS::standards-national-or-international
  "6-8分：链上主要企业积极参与制修订国际标准或国家标准或国家标准化指导性技术文件"
  (counted (id ?id) (class ?c&international|national|national-guidance) (led ?l) (label ?code)
           (name ?name) (msg ?wm) (args $?wa))
  =>
  (assert (held (indicator standards) (condition national-or-international)
    (rule standards-national-or-international) (evidence ?id)
    (msg standards-national-or-international) (args ?name ?l ?c ?code < ?wm $?wa >))))

(defrule STANDARDS::standards-industry-or-group
  "3-5分：链上主要企业积极参与制修订行业标准、团体标准"
  (counted (id ?id) (class ?c&industry|group|local) (led ?l) (label ?code) (name ?name) (msg ?wm)
           (args $?wa))
  =>
  (assert (held (indicator standards) (condition industry-or-group)
    (rule standards-industry-or-group) (evidence ?id)
    (msg standards-industry-or-group) (args ?name ?l ?c ?code < ?wm $?wa >))))

(defrule STANDARDS::standards-self-declared
  "1-2分：链上主要企业积极开展企业标准自我声明公开 (public during the window)"
  (param (name standards-any-enterprise) (value ?any))
  (window (start-day ?sd))
  ;; The enterprise first, and the declaration without constants (see standards-count).
  (enterprise (id ?e) (name ?name) (role ?er))
  (test (or (= ?any 1) (main-role-p ?er)))
  (self-declaration (id ?id) (code ?code) (date ?d) (window ?w) (enterprise ?e)
                    (withdrawn-day ?wd))
  (test (and (or (eq ?w inside) (eq ?w before)) (or (= ?wd 0) (>= ?wd ?sd))))
  =>
  (assert (tally (indicator standards) (name declaring-enterprises) (key ?e)))
  (assert (held (indicator standards) (condition self-declared) (rule standards-self-declared)
    (evidence ?id)
    (msg standards-self-declared) (args ?name ?code ?d))))

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
    (msg standards-forerunner) (args ?name ?code ?p ?d))))

;;; ---------------------------------------------------------------- placement in the band

(defrule STANDARDS::standards-lead-national
  "Led (主导) an international or national standard or GB/Z."
  (counted (id ?id) (class ?c&international|national|national-guidance) (led yes) (label ?code)
           (name ?name))
  =>
  (assert (factor (indicator standards) (id lead-national) (rule standards-lead-national)
    (evidence ?id)
    (msg standards-lead-national) (args ?name ?c ?code))))

(defrule STANDARDS::standards-lead-industry
  "Led (主导) an industry, group or local standard."
  (counted (id ?id) (class ?c&industry|group|local) (led yes) (label ?code) (name ?name))
  =>
  (assert (factor (indicator standards) (id lead-industry) (rule standards-lead-industry)
    (evidence ?id)
    (msg standards-lead-industry) (args ?name ?c ?code))))

(defrule STANDARDS::standards-published
  "6-8: publication inside the window places a standard higher than an approved project."
  (counted (id ?id) (class ?c&international|national|national-guidance) (published yes) (label ?code)
           (msg ?wm) (args $?wa))
  =>
  (assert (factor (indicator standards) (id published-national) (rule standards-published)
    (evidence ?id)
    (msg standards-published) (args ?c ?code < ?wm $?wa >))))

(defrule STANDARDS::standards-many-industry
  "推动行业形成较完善的标准化体系: enough industry, group and local standards."
  (declare (salience -10)) ; counts after every standard above has been counted
  (param (name standards-many) (value ?min))
  =>
  ;; The counted industry, group and local standards, by id: the counted facts themselves
  ;; rather than a tally fact asserted for each (7,000 facts at 20,000 items).
  (bind ?ids (sort-strings$ (distinct$ (slot-values$
    (find-all-facts ((?c counted)) (member$ ?c:class (create$ industry group local))) id))))
  (bind ?n (length$ ?ids))
  (if (>= ?n ?min) then
    (assert (factor (indicator standards) (id many-industry) (rule standards-many-industry)
      (evidence ?ids)
      (msg standards-many-industry) (args ?n standards-many ?min)))))

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
      (msg standards-many-declarers)
      (args ?n < standards-ids ?es > standards-declaring-enterprises ?min)))))
