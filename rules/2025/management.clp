;;; management.clp -- 全面提高质量管理水平 (10分), section 质量成效 (results).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   7-10 链上主要企业质量管理等体系运行有效，积极推动运用标杆管理、六西格玛、精益管理、卓越绩效模式等先进
;;;        质量管理方法，提升质量管理数字化、智能化水平。
;;;   4-6  链上主要企业质量管理等体系运行有效，积极开展质量风险分析与控制、质量成本管理、质量管理体系升级
;;;        等活动，积极开展群众性质量提升活动。
;;;   1-3  链上主要企业质量管理等体系运行有效，严格落实质量主体责任。
;;;
;;; How the scorer reads it (docs/POLICY.md, "management"):
;;;  - "体系运行有效" (every band) is read as a share: the main enterprises (chain leaders and key
;;;    partners) holding a QMS certificate valid during the window (issued by its end, not
;;;    expired before its start) are at least management-qms-share % of them, and every
;;;    chain-leader firm (链主) is among them. A shortfall below 100 % keeps the band but loses
;;;    the qms-all point of every band: one certificate fewer lowers points inside the band
;;;    instead of removing the band.
;;;  - Methods and digital quality management count when dated inside the window (adopted as
;;;    part of the project's results) and in a main enterprise (the rubric's 链上主要企业).
;;;  - 7-10: advanced methods (benchmarking, six sigma, lean, performance excellence) at least
;;;    management-advanced-min times; digital quality management in a main enterprise.
;;;  - 4-6: quality-risk analysis, quality-cost management or a QMS upgrade; and mass quality
;;;    activities (a method of kind mass-quality, or an SME activity of kind mass-quality,
;;;    qc-circle or quality-trust inside the window).
;;;  - 1-3: the QMS condition and 严格落实质量主体责任, a clause of the band's text, shown by a
;;;    practice of quality responsibility (a method of kind responsibility, main enterprise,
;;;    inside the window) or by a chief quality officer (首席质量官) appointed in a main
;;;    enterprise by the window's end.
;;;  - management-advanced-min counts distinct applications, a method in an enterprise: the same
;;;    method listed twice for one enterprise counts once.
;;;  - Placement: every band adds qms-all (every main enterprise certified); 7-10 adds
;;;    performance excellence in use, advanced methods and digital quality management each in
;;;    at least management-widespread-enterprises main enterprises; lower bands add each
;;;    condition of the next band up that holds, and 4-6 a responsibility practice.

(defmodule MANAGEMENT (import MAIN ?ALL))

(deffacts MANAGEMENT::definitions
  (condition (indicator management) (level 3) (id qms-effective-3)
    (text "链上主要企业质量管理等体系运行有效：持有评价期内有效的质量管理体系认证证书的主要企业比例达到参数 management-qms-share（{management-qms-share}），且链主企业全部持有")
    (text-en "the main enterprises' quality-management systems run effectively: at least parameter management-qms-share ({management-qms-share}) % of them, every chain-leader firm among them, hold a QMS certificate valid in the window"))
  (condition (indicator management) (level 3) (id advanced-methods)
    (text "积极推动运用标杆管理、六西格玛、精益管理、卓越绩效模式等先进质量管理方法：主要企业在评价期内运用至少参数 management-advanced-min（{management-advanced-min}）项")
    (text-en "advanced quality-management methods (benchmarking, six sigma, lean, performance excellence) applied in main enterprises inside the window, at least parameter management-advanced-min ({management-advanced-min}) times"))
  (condition (indicator management) (level 3) (id digital-quality)
    (text "提升质量管理数字化、智能化水平：主要企业在评价期内建设数字化质量管理")
    (text-en "digital or intelligent quality management in a main enterprise inside the window"))
  (condition (indicator management) (level 2) (id qms-effective-2)
    (text "链上主要企业质量管理等体系运行有效：同7-10分档") (text-en "the main enterprises' quality-management systems run effectively (as for 7-10)"))
  (condition (indicator management) (level 2) (id risk-cost-upgrade)
    (text "积极开展质量风险分析与控制、质量成本管理、质量管理体系升级等活动：主要企业在评价期内开展其中任一项")
    (text-en "quality-risk analysis and control, quality-cost management or a QMS upgrade in a main enterprise inside the window"))
  (condition (indicator management) (level 2) (id mass-activities)
    (text "积极开展群众性质量提升活动：主要企业的群众性质量活动，或链上的群众性质量提升、QC小组、质量信得过班组活动，在评价期内")
    (text-en "mass quality activities inside the window: a main enterprise's, or the chain's mass quality, QC-circle or quality-trust activities"))
  (condition (indicator management) (level 1) (id qms-effective)
    (text "链上主要企业质量管理等体系运行有效：同7-10分档") (text-en "the main enterprises' quality-management systems run effectively (as for 7-10)"))
  (condition (indicator management) (level 1) (id quality-responsibility)
    (text "严格落实质量主体责任：主要企业在评价期内有落实质量主体责任的具体做法，或在评价期结束前设立首席质量官")
    (text-en "quality responsibility strictly carried out: a main enterprise's practice of quality responsibility inside the window, or a chief quality officer appointed in a main enterprise by the window's end"))

  (factor-def (indicator management) (level 3) (id performance-excellence)
    (text "运用卓越绩效模式") (text-en "the performance-excellence model in use"))
  (factor-def (indicator management) (level 3) (id methods-widespread)
    (text "先进质量管理方法在至少参数 management-widespread-enterprises（{management-widespread-enterprises}）家主要企业运用")
    (text-en "advanced methods in at least parameter management-widespread-enterprises ({management-widespread-enterprises}) main enterprises"))
  (factor-def (indicator management) (level 3) (id digital-widespread)
    (text "数字化质量管理在至少参数 management-widespread-enterprises（{management-widespread-enterprises}）家主要企业建设")
    (text-en "digital quality management in at least parameter management-widespread-enterprises ({management-widespread-enterprises}) main enterprises"))
  (factor-def (indicator management) (level 3) (id qms-all)
    (text "主要企业全部持有评价期内有效的质量管理体系认证证书") (text-en "every main enterprise holds a QMS certificate valid in the window"))
  (factor-def (indicator management) (level 2) (id responsibility)
    (text "严格落实质量主体责任：有落实质量主体责任的具体做法或首席质量官") (text-en "quality responsibility: a concrete practice or a chief quality officer"))
  (factor-def (indicator management) (level 2) (id partly-advanced) (condition advanced-methods)
    (text "部分达到上一档：先进质量管理方法") (text-en "partly the next band: advanced methods"))
  (factor-def (indicator management) (level 2) (id partly-digital) (condition digital-quality)
    (text "部分达到上一档：数字化质量管理") (text-en "partly the next band: digital quality management"))
  (factor-def (indicator management) (level 2) (id qms-all)
    (text "主要企业全部持有评价期内有效的质量管理体系认证证书") (text-en "every main enterprise holds a QMS certificate valid in the window"))
  (factor-def (indicator management) (level 1) (id partly-risk) (condition risk-cost-upgrade)
    (text "部分达到上一档：风险、成本、体系升级") (text-en "partly the next band: risk, cost or QMS upgrade"))
  (factor-def (indicator management) (level 1) (id partly-mass) (condition mass-activities)
    (text "部分达到上一档：群众性质量活动") (text-en "partly the next band: mass quality activities"))
  (factor-def (indicator management) (level 1) (id qms-all)
    (text "主要企业全部持有评价期内有效的质量管理体系认证证书") (text-en "every main enterprise holds a QMS certificate valid in the window")))

(defrule MANAGEMENT::management-qms
  "链上主要企业质量管理等体系运行有效: a share of the main enterprises, every chain leader among them."
  (param (name management-qms-share) (value ?share))
  (window (start-day ?ws) (end-day ?we) (start ?s) (end ?e))
  =>
  ;; The certificates valid in the window, then each main enterprise's, in one pass (not a
  ;; search of every certificate for every enterprise).
  (bind ?mids (slot-values$ (find-all-facts ((?x enterprise)) (main-role-p ?x:role)) id))
  (bind ?lids (slot-values$ (find-all-facts ((?x enterprise)) (eq ?x:role chain-leader)) id))
  (bind ?valid (find-all-facts ((?c qms-certificate))
                 (and (<= ?c:day ?we) (or (= ?c:valid-until-day 0) (>= ?c:valid-until-day ?ws))
                      (neq ?c:window future))))
  (bind ?ids (slot-values$ (group-by$ ?valid enterprise ?mids) id))
  (bind ?holders (slot-values$ ?valid enterprise))
  (bind ?without (difference$ ?mids ?holders))
  (bind ?leaders-without (difference$ ?lids ?holders))
  (bind ?main (length$ ?mids))
  (bind ?ok (- ?main (length$ ?without)))
  (bind ?pct (if (> ?main 0) then (/ (* 100.0 ?ok) ?main) else 0.0))
  (if (> (length$ ?without) 0) then
    (assert (flag (indicator management) (code qms-missing) (severity warning) (rule management-qms)
      (evidence ?without)
      (msg management-qms.missing) (args (length$ ?without) < management-ids ?without >))))
  (if (> (length$ ?leaders-without) 0) then
    (assert (flag (indicator management) (code qms-leader-missing) (severity warning) (rule management-qms)
      (evidence ?leaders-without)
      (msg management-qms.leader-missing) (args < management-ids ?leaders-without >))))
  (if (and (> ?main 0) (= (length$ ?leaders-without) 0) (>= ?pct ?share)) then
    (bind ?args (create$ ?ok ?main (pct ?pct) ?s ?e management-qms-share ?share))
    (assert (held (indicator management) (condition qms-effective) (rule management-qms) (evidence ?ids)
      (msg management-qms) (args ?args)))
    (assert (held (indicator management) (condition qms-effective-2) (rule management-qms) (evidence ?ids)
      (msg management-qms) (args ?args)))
    (assert (held (indicator management) (condition qms-effective-3) (rule management-qms) (evidence ?ids)
      (msg management-qms) (args ?args)))
    (if (= ?ok ?main) then
      (assert (factor (indicator management) (id qms-all) (rule management-qms) (evidence ?ids)
        (msg management-qms.all) (args ?main))))))

(defrule MANAGEMENT::management-certificate-not-valid
  "A certificate issued after the window or expired before it shows no effective QMS in it."
  (window (start-day ?ws) (end-day ?we) (start ?s) (end ?e))
  (qms-certificate (id ?id) (standard ?std) (day ?d) (date ?dd) (valid-until-day ?v) (valid-until ?vu))
  (test (or (> ?d ?we) (and (> ?v 0) (< ?v ?ws))))
  =>
  (assert (excluded (indicator management) (evidence ?id) (rule management-certificate-not-valid)
    (msg management-certificate-not-valid) (args ?std ?dd ?v ?vu ?s ?e))))

(defrule MANAGEMENT::management-outside-window
  "注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益。"
  (window (start ?s) (end ?e))
  (or (method (id ?id) (kind ?k) (date ?d) (window before|after))
      (digital (id ?id) (kind ?k) (date ?d) (window before|after)))
  =>
  (assert (excluded (indicator management) (evidence ?id) (rule management-outside-window)
    (msg management-outside-window) (args ?k ?d ?s ?e))))

(defrule MANAGEMENT::management-not-main
  "评价要求：链上主要企业."
  (or (method (id ?id) (kind ?k) (enterprise ?e) (window inside))
      (digital (id ?id) (kind ?k) (enterprise ?e) (window inside)))
  (enterprise (id ?e) (name ?n) (role ?r&:(not (main-role-p ?r))))
  =>
  (assert (excluded (indicator management) (evidence ?id) (rule management-not-main)
    (msg management-not-main) (args ?n ?e ?k))))

(defrule MANAGEMENT::management-method
  "Methods applied in main enterprises inside the window."
  (method (id ?id) (kind ?k) (enterprise ?e) (date ?d) (window inside))
  (enterprise (id ?e) (name ?n) (role ?r&:(main-role-p ?r)))
  =>
  (if (member$ ?k (create$ benchmarking six-sigma lean performance-excellence)) then
    (assert (tally (indicator management) (name advanced) (key (str-cat ?k "@" ?e))))
    (assert (tally (indicator management) (name advanced-ids) (key ?id)))
    (assert (tally (indicator management) (name advanced-enterprises) (key ?e))))
  (if (eq ?k performance-excellence) then
    (assert (factor (indicator management) (id performance-excellence) (rule management-method)
      (evidence ?id) (msg management-method) (args ?n ?k ?d))))
  (if (member$ ?k (create$ quality-risk quality-cost qms-upgrade)) then
    (assert (held (indicator management) (condition risk-cost-upgrade) (rule management-method)
      (evidence ?id) (msg management-method) (args ?n ?k ?d))))
  (if (eq ?k mass-quality) then
    (assert (held (indicator management) (condition mass-activities) (rule management-method)
      (evidence ?id) (msg management-method) (args ?n ?k ?d))))
  (if (eq ?k responsibility) then
    (assert (held (indicator management) (condition quality-responsibility) (rule management-method)
      (evidence ?id) (msg management-method) (args ?n ?k ?d)))
    (assert (factor (indicator management) (id responsibility) (rule management-method)
      (evidence ?id) (msg management-method) (args ?n ?k ?d)))))

(defrule MANAGEMENT::management-chief-quality-officer
  "严格落实质量主体责任: a chief quality officer (首席质量官) answerable for a main enterprise's quality."
  (window (end-day ?we))
  (officer (id ?id) (enterprise ?e) (kind chief-quality-officer) (date ?d) (day ?day&:(<= ?day ?we))
           (window ~future))
  (enterprise (id ?e) (name ?n) (role ?r&:(main-role-p ?r)))
  =>
  (assert (held (indicator management) (condition quality-responsibility)
    (rule management-chief-quality-officer) (evidence ?id)
    (msg management-chief-quality-officer) (args ?n ?d)))
  (assert (factor (indicator management) (id responsibility) (rule management-chief-quality-officer)
    (evidence ?id) (msg management-chief-quality-officer) (args ?n ?d))))

(defrule MANAGEMENT::management-mass-activity
  "积极开展群众性质量提升活动 (the chain's joint activities count too)."
  (activity (id ?id) (title ?t) (kind mass-quality|qc-circle|quality-trust) (date ?d) (window inside))
  =>
  (assert (held (indicator management) (condition mass-activities) (rule management-mass-activity)
    (evidence ?id) (msg management-mass-activity) (args ?t ?d))))

(defrule MANAGEMENT::management-digital
  "提升质量管理数字化、智能化水平"
  (digital (id ?id) (kind ?k) (title ?t) (enterprise ?e) (date ?d) (window inside))
  (enterprise (id ?e) (name ?n) (role ?r&:(main-role-p ?r)))
  =>
  (assert (tally (indicator management) (name digital-enterprises) (key ?e)))
  (assert (held (indicator management) (condition digital-quality) (rule management-digital) (evidence ?id)
    (msg management-digital) (args ?n ?t ?d))))

(defrule MANAGEMENT::management-counts
  "How many advanced methods, and in how many main enterprises."
  (declare (salience -10)) ; after every method has been tallied
  (param (name management-advanced-min) (value ?min))
  (param (name management-widespread-enterprises) (value ?wide))
  =>
  (bind ?uses (tally-keys management advanced))
  (bind ?ids (tally-keys management advanced-ids))
  (bind ?es (tally-keys management advanced-enterprises))
  (bind ?ds (tally-keys management digital-enterprises))
  (if (>= (length$ ?uses) ?min) then
    (assert (held (indicator management) (condition advanced-methods) (rule management-counts)
      (evidence ?ids)
      (msg management-counts)
      (args (length$ ?uses) < management-ids ?uses > management-advanced-min ?min))))
  (if (>= (length$ ?es) ?wide) then
    (assert (factor (indicator management) (id methods-widespread) (rule management-counts) (evidence ?ids)
      (msg management-counts.methods-widespread) (args (length$ ?es) < management-ids ?es >))))
  (if (>= (length$ ?ds) ?wide) then
    (assert (factor (indicator management) (id digital-widespread) (rule management-counts) (evidence ?ds)
      (msg management-counts.digital-widespread) (args (length$ ?ds) < management-ids ?ds >)))))
