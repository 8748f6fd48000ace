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
;;;  - It is not a results indicator, so the 24-month window does not apply.
;;;  - Without any proven level the indicator has no band: 0 points and a flag (the rubric's
;;;    own rule, guide.md item 7).

(defmodule CAPABILITY (import MAIN ?ALL))

(deffacts CAPABILITY::definitions
  (condition (indicator capability) (level 5) (id excellence)
    (text "经第三方专业机构评价报告或工信部公布的评级信息证明，链上企业获得卓越级")
    (text-en "an enterprise on the chain is rated excellence level (卓越级), shown by a third-party report or MIIT's published rating"))
  (condition (indicator capability) (level 4) (id prevention)
    (text "经第三方专业机构评价报告或工信部公布的评级信息证明，链上企业获得预防级")
    (text-en "an enterprise on the chain is rated prevention level (预防级), shown by a third-party report or MIIT's published rating"))
  (condition (indicator capability) (level 3) (id assurance)
    (text "经第三方专业机构评价报告或工信部公布的评级信息证明，链上企业获得保证级")
    (text-en "an enterprise on the chain is rated assurance level (保证级), shown by a third-party report or MIIT's published rating"))
  (condition (indicator capability) (level 2) (id inspection)
    (text "经第三方专业机构评价报告或工信部公布的评级信息证明，链上企业获得检验级")
    (text-en "an enterprise on the chain is rated inspection level (检验级), shown by a third-party report or MIIT's published rating"))
  (condition (indicator capability) (level 1) (id experience)
    (text "经第三方专业机构评价报告或工信部公布的评级信息证明，链上企业获得经验级（或更高等级）")
    (text-en "an enterprise on the chain is rated experience level (经验级) or higher, shown by a third-party report or MIIT's published rating")))

(deffunction CAPABILITY::capability-level-zh (?l)
  (switch ?l
    (case excellence then "卓越级")
    (case prevention then "预防级")
    (case assurance then "保证级")
    (case inspection then "检验级")
    (case experience then "经验级")
    (default "")))

(deffunction CAPABILITY::proof-zh (?p)
  (if (eq ?p miit-publication) then "工信部公布的评级信息" else "第三方专业机构评价报告"))
(deffunction CAPABILITY::proof-en (?p)
  (if (eq ?p miit-publication) then "MIIT's published rating" else "a third-party assessment report"))

(defrule CAPABILITY::capability-proven-level
  "提供由第三方专业机构出具的评价报告或工信部公布的评级信息，获得……级"
  (param (name capability-require-document) (value ?require))
  (assessment (id ?id) (enterprise ?e) (level ?lv) (date ?d) (docs ?docs)
              (proof ?p&third-party-report|miit-publication) (assessor ?a))
  (test (or (= ?require 0) (> ?docs 0)))
  (enterprise (id ?e) (name ?name))
  =>
  (assert (held (indicator capability) (condition ?lv) (rule capability-proven-level)
    (evidence ?id)
    (text (str-cat ?name " 获得" (capability-level-zh ?lv) "，依据" (proof-zh ?p)
                   (if (neq ?a "") then (str-cat "（" ?a "）") else "") "，" ?d))
    (text-en (str-cat ?name " is rated " ?lv " level (" (capability-level-zh ?lv) "), shown by " (proof-en ?p)
                      (if (neq ?a "") then (str-cat " (" ?a ")") else "") ", " ?d)))))

(defrule CAPABILITY::capability-self-assessment
  "A self-assessment is not one of the proofs the rubric accepts."
  (assessment (id ?id) (enterprise ?e) (level ?lv) (proof self-assessment))
  (enterprise (id ?e) (name ?name))
  =>
  (assert (excluded (indicator capability) (evidence ?id) (rule capability-self-assessment)
    (text (str-cat ?name " 的" (capability-level-zh ?lv) "仅为自评，评价要求须第三方专业机构评价报告或工信部公布的评级信息"))
    (text-en (str-cat ?name "'s " ?lv " level is a self-assessment; the rubric requires a third-party report or MIIT's published rating"))))
  (assert (flag (indicator capability) (code capability-unproven) (severity warning)
    (rule capability-self-assessment) (evidence ?id)
    (text (str-cat ?name " 声称" (capability-level-zh ?lv) "，但只有自评，不计分"))
    (text-en (str-cat ?name " claims " ?lv " level on a self-assessment only; no points")))))

(defrule CAPABILITY::capability-proof-not-provided
  "提供……评价报告或……评级信息: the proof must be provided, not only named."
  (param (name capability-require-document) (value 1))
  (assessment (id ?id) (enterprise ?e) (level ?lv) (docs 0)
              (proof ?p&third-party-report|miit-publication))
  (enterprise (id ?e) (name ?name))
  =>
  (assert (excluded (indicator capability) (evidence ?id) (rule capability-proof-not-provided)
    (text (str-cat ?name " 的" (capability-level-zh ?lv) "声称有" (proof-zh ?p) "，但未附文件、编号或网址（参数 capability-require-document = 1）"))
    (text-en (str-cat ?name "'s " ?lv " level names " (proof-en ?p) " but gives no document, number or URL (parameter capability-require-document = 1)"))))
  (assert (flag (indicator capability) (code capability-proof-missing) (severity warning)
    (rule capability-proof-not-provided) (evidence ?id)
    (text (str-cat ?name " 的能力等级证明未提供，不计分；请补充评价报告或工信部公布信息"))
    (text-en (str-cat "no proof provided for " ?name "'s capability level; no points until the report or MIIT publication is attached")))))
