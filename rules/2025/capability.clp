;;; capability.clp -- 制造业企业质量管理能力等级 (加分项, 5分).
;;;
;;; Official wording (rules/2025/01-rubric.clp), for each level:
;;;   根据《制造业卓越质量工程实施意见》，提供由第三方专业机构出具的评价报告或工信部公布的评级信息，
;;;   获得卓越级 (5分) / 预防级 (4分) / 保证级 (3分) / 检验级 (2分) / 经验级 (1分)。
;;;
;;; How the scorer reads it (docs/POLICY.md, "capability"):
;;;  - A level counts only with the proof the rubric names: a third-party assessment report
;;;    or MIIT's published rating. A self-assessment earns nothing and is flagged.
;;;  - The proof must be provided: with capability-require-document = 1 (the default) a
;;;    claimed report or publication needs a <doc> reference (file, number or URL); without
;;;    one it earns nothing and is flagged.
;;;  - The bonus is the chain's: the highest proven level of any enterprise on the chain.
;;;  - A rating counts when it is valid at some time in the results window: assessed (its date)
;;;    on or before the window's end, and valid until (valid-until, or capability-valid-years
;;;    years from its date when no term is stated) after its start. A rating assessed after the
;;;    window, or expired before it, is excluded: it says nothing of the chain during the work.
;;;  - Without any proven level the indicator has no band: 0 points and a flag (the rubric's
;;;    own rule, docs/POLICY.md §4, item 7).

(defmodule CAPABILITY (import MAIN ?ALL))

(deffacts CAPABILITY::definitions
  (condition (indicator capability) (level 5) (id excellence)
    (text "根据《制造业卓越质量工程实施意见》，提供由第三方专业机构出具的评价报告或工信部公布的评级信息，获得卓越级：链上企业获得该等级，有第三方专业机构评价报告或工信部公布的评级信息（参数 capability-require-document 为1时须附文件、编号或网址），且评级在成效评价期内有效")
    (text-en "an enterprise on the chain is rated excellence level (卓越级), shown by a third-party report or MIIT's published rating (with a document, number or URL when parameter capability-require-document is 1), the rating valid in the results window"))
  (condition (indicator capability) (level 4) (id prevention)
    (text "根据《制造业卓越质量工程实施意见》，提供由第三方专业机构出具的评价报告或工信部公布的评级信息，获得预防级：链上企业获得该等级，有第三方专业机构评价报告或工信部公布的评级信息（参数 capability-require-document 为1时须附文件、编号或网址），且评级在成效评价期内有效")
    (text-en "an enterprise on the chain is rated prevention level (预防级), shown by a third-party report or MIIT's published rating (with a document, number or URL when parameter capability-require-document is 1), the rating valid in the results window"))
  (condition (indicator capability) (level 3) (id assurance)
    (text "根据《制造业卓越质量工程实施意见》，提供由第三方专业机构出具的评价报告或工信部公布的评级信息，获得保证级：链上企业获得该等级，有第三方专业机构评价报告或工信部公布的评级信息（参数 capability-require-document 为1时须附文件、编号或网址），且评级在成效评价期内有效")
    (text-en "an enterprise on the chain is rated assurance level (保证级), shown by a third-party report or MIIT's published rating (with a document, number or URL when parameter capability-require-document is 1), the rating valid in the results window"))
  (condition (indicator capability) (level 2) (id inspection)
    (text "根据《制造业卓越质量工程实施意见》，提供由第三方专业机构出具的评价报告或工信部公布的评级信息，获得检验级：链上企业获得该等级，有第三方专业机构评价报告或工信部公布的评级信息（参数 capability-require-document 为1时须附文件、编号或网址），且评级在成效评价期内有效")
    (text-en "an enterprise on the chain is rated inspection level (检验级), shown by a third-party report or MIIT's published rating (with a document, number or URL when parameter capability-require-document is 1), the rating valid in the results window"))
  (condition (indicator capability) (level 1) (id experience)
    (text "根据《制造业卓越质量工程实施意见》，提供由第三方专业机构出具的评价报告或工信部公布的评级信息，获得经验级：链上企业获得该等级，有第三方专业机构评价报告或工信部公布的评级信息（参数 capability-require-document 为1时须附文件、编号或网址），且评级在成效评价期内有效（或更高等级）")
    (text-en "an enterprise on the chain is rated experience level (经验级), shown by a third-party report or MIIT's published rating (with a document, number or URL when parameter capability-require-document is 1), the rating valid in the results window (or a higher level)")))

;;; The lowest band's condition reads "经验级（或更高等级）": any higher proven level holds it.
(deffacts CAPABILITY::higher-levels
  (implies (indicator capability) (condition inspection) (implied experience))
  (implies (indicator capability) (condition assurance) (implied experience))
  (implies (indicator capability) (condition prevention) (implied experience))
  (implies (indicator capability) (condition excellence) (implied experience)))

;;; The last day (yyyymmdd) a rating assessed on ?day is valid: its stated valid-until, or the day
;;; before the ?years-th anniversary of its date (as an ordering key: 20240620 + 3 years is valid
;;; while < 20270620).
(deffunction CAPABILITY::valid-through (?day ?until ?years)
  (if (> ?until 0) then ?until else (- (+ ?day (* 10000 ?years)) 1)))

;;; Valid at some time in the window [?ws, ?we]: assessed by its end (not after the day of the
;;; run), valid through a day on or after its start.
(deffunction CAPABILITY::valid-in-window-p (?day ?window ?until ?years ?ws ?we)
  (and (> ?day 0) (<= ?day ?we) (neq ?window future) (>= (valid-through ?day ?until ?years) ?ws)))

(defrule CAPABILITY::capability-proven-level
  "提供由第三方专业机构出具的评价报告或工信部公布的评级信息，获得……级 (valid in the window)"
  (param (name capability-require-document) (value ?require))
  (param (name capability-valid-years) (value ?years))
  (window (start-day ?ws) (end-day ?we))
  (assessment (id ?id) (enterprise ?e) (level ?lv) (date ?d) (day ?day) (window ?w) (docs ?docs)
              (proof ?p&third-party-report|miit-publication) (assessor ?a) (valid-until ?vu)
              (valid-until-day ?u))
  (test (or (= ?require 0) (> ?docs 0)))
  (test (valid-in-window-p ?day ?w ?u ?years ?ws ?we))
  (enterprise (id ?e) (name ?name))
  =>
  (assert (held (indicator capability) (condition ?lv) (rule capability-proven-level)
    (evidence ?id)
    (msg capability-proven-level) (args ?name ?lv ?p ?a ?d ?u ?vu))))

(defrule CAPABILITY::capability-not-valid-in-window
  "A rating counts when valid during the window: assessed after it, or expired before it, it does not."
  (param (name capability-valid-years) (value ?years))
  (window (start-day ?ws) (end-day ?we) (start ?s) (end ?e))
  (assessment (id ?id) (enterprise ?x) (level ?lv) (date ?d) (day ?day) (window ?w)
              (proof third-party-report|miit-publication) (valid-until ?vu) (valid-until-day ?u))
  (test (not (valid-in-window-p ?day ?w ?u ?years ?ws ?we)))
  (enterprise (id ?x) (name ?name))
  =>
  (assert (excluded (indicator capability) (evidence ?id) (rule capability-not-valid-in-window)
    (msg capability-not-valid-in-window)
    (args ?name ?lv ?d ?u ?vu ?years capability-valid-years ?s ?e))))

(defrule CAPABILITY::capability-self-assessment
  "A self-assessment is not one of the proofs the rubric accepts."
  (assessment (id ?id) (enterprise ?e) (level ?lv) (proof self-assessment))
  (enterprise (id ?e) (name ?name))
  =>
  (assert (excluded (indicator capability) (evidence ?id) (rule capability-self-assessment)
    (msg capability-self-assessment) (args ?name ?lv)))
  (assert (flag (indicator capability) (code capability-unproven) (severity warning)
    (rule capability-self-assessment) (evidence ?id)
    (msg capability-self-assessment.flag) (args ?name ?lv))))

(defrule CAPABILITY::capability-proof-not-provided
  "提供……评价报告或……评级信息: the proof must be provided, not only named."
  (param (name capability-require-document) (value 1))
  (assessment (id ?id) (enterprise ?e) (level ?lv) (docs 0)
              (proof ?p&third-party-report|miit-publication))
  (enterprise (id ?e) (name ?name))
  =>
  (assert (excluded (indicator capability) (evidence ?id) (rule capability-proof-not-provided)
    (msg capability-proof-not-provided) (args ?name ?lv ?p capability-require-document)))
  (assert (flag (indicator capability) (code capability-proof-missing) (severity warning)
    (rule capability-proof-not-provided) (evidence ?id)
    (msg capability-proof-not-provided.flag) (args ?name))))
