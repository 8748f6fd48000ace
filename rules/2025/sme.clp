;;; sme.clp -- 推动中小企业质量提升 (10分), section 质量成效 (results).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   7-10 带动产业链上的关键合作方、中小微企业开展联合群众性质量提升、质量攻关等活动成效显著，有两个以上
;;;        专精特新企业获得产品质量攻关成果。
;;;   4-6  带动产业链上的中小微企业开展联合群众性质量提升、质量攻关等活动成效显著，有专精特新企业获得
;;;        产品质量攻关成果。
;;;   1-3  带动产业链上的企业开展联合群众性质量提升活动。
;;;
;;; How the scorer reads it (docs/POLICY.md, "sme"):
;;;  - Only activities and breakthroughs dated inside the 24-month window count (results).
;;;  - 中小微企业 are the enterprises of role sme; 关键合作方 those of role key-partner;
;;;    专精特新企业 those with srdi provincial (省级专精特新) or little-giant (国家级“小巨人”) whose
;;;    status is valid at some time in the window: recognised (srdi-date) on or before its end
;;;    and less than sme-srdi-valid-years years before its start (the status is valid three
;;;    years, 《优质中小企业梯度培育管理暂行办法》). An undated status counts as declared, flagged.
;;;  - "联合" (joint): an activity with at least sme-joint-min participating enterprises. Who took
;;;    part in the chain's activities: the participants of joint activities, and the SMEs and
;;;    key partners with a breakthrough of their own inside the window (a breakthrough result
;;;    is itself evidence of the 质量攻关 activity that produced it).
;;;  - 1-3 names 群众性质量提升活动 (mass quality activities): a joint activity of kind
;;;    mass-quality, qc-circle or quality-trust.
;;;  - The 4-6 and 7-10 clause "带动…开展联合群众性质量提升、质量攻关等活动成效显著" is one condition:
;;;    SMEs (4-6), or key partners and SMEs (7-10), took part, and some result of a joint
;;;    activity or of a breakthrough improved by at least improvement-marked (the reading of
;;;    显著 shared with quality). One activity is thus never the linchpin of two conditions of
;;;    one band.
;;;  - "两个以上" (two or more, 以上 including the number): breakthroughs of at least
;;;    sme-srdi-many distinct 专精特新 enterprises.
;;;  - Placement: 7-10 adds factor-far-multiple times sme-srdi-many 专精特新 enterprises, a 小巨人
;;;    breakthrough, and at least sme-participants-many enterprises taking part in joint
;;;    activities; 4-6 adds each condition of 7-10 that holds and the wide participation; 1-3
;;;    adds SMEs taking part, a marked result, and a 专精特新 breakthrough (at most two of them
;;;    without meeting 4-6).

(defmodule SME (import MAIN ?ALL))

(deffacts SME::definitions
  (condition (indicator sme) (level 3) (id partners-and-smes-joined)
    (text "带动产业链上的关键合作方、中小微企业开展联合群众性质量提升、质量攻关等活动成效显著：评价期内关键合作方和中小微企业参与联合活动或本身取得攻关成果，且联合活动或攻关成果中有改善幅度达到参数 improvement-marked（{improvement-marked}）的实测结果")
    (text-en "key partners and SMEs on the chain took part in joint quality activities or obtained breakthroughs of their own inside the window, with marked results: a result of a joint activity or breakthrough improved by at least parameter improvement-marked ({improvement-marked})"))
  (condition (indicator sme) (level 3) (id srdi-breakthroughs)
    (text "有两个以上专精特新企业获得产品质量攻关成果：评价期内至少参数 sme-srdi-many（{sme-srdi-many}）家专精特新企业（资格在评价期内有效）获得攻关成果")
    (text-en "at least parameter sme-srdi-many ({sme-srdi-many}) specialised-and-innovative firms (status valid in the window) obtained breakthrough results inside the window"))
  (condition (indicator sme) (level 2) (id smes-joined)
    (text "带动产业链上的中小微企业开展联合群众性质量提升、质量攻关等活动成效显著：评价期内中小微企业参与联合活动或本身取得攻关成果，且联合活动或攻关成果中有改善幅度达到参数 improvement-marked（{improvement-marked}）的实测结果")
    (text-en "SMEs on the chain took part in joint quality activities or obtained breakthroughs of their own inside the window, with marked results: a result of a joint activity or breakthrough improved by at least parameter improvement-marked ({improvement-marked})"))
  (condition (indicator sme) (level 2) (id srdi-breakthrough)
    (text "有专精特新企业获得产品质量攻关成果：评价期内有专精特新企业（资格在评价期内有效）获得攻关成果")
    (text-en "a specialised-and-innovative firm (status valid in the window) obtained a breakthrough result inside the window"))
  (condition (indicator sme) (level 1) (id joint-activity)
    (text "带动产业链上的企业开展联合群众性质量提升活动：评价期内的群众性质量提升、QC小组或质量信得过班组活动，参与的链上企业至少参数 sme-joint-min（{sme-joint-min}）家")
    (text-en "inside the window, a joint mass quality activity (mass quality, QC circle, quality-trust team) of at least parameter sme-joint-min ({sme-joint-min}) chain enterprises"))

  (factor-def (indicator sme) (level 3) (id many-srdi)
    (text "获得攻关成果的专精特新企业达到参数 sme-srdi-many（{sme-srdi-many}）的 {factor-far-multiple} 倍（参数 factor-far-multiple）")
    (text-en "{factor-far-multiple} times (parameter factor-far-multiple) parameter sme-srdi-many ({sme-srdi-many}) specialised-and-innovative firms with breakthroughs"))
  (factor-def (indicator sme) (level 3) (id little-giant)
    (text "国家级专精特新“小巨人”企业获得攻关成果") (text-en "a 'little giant' firm obtained a breakthrough"))
  (factor-def (indicator sme) (level 3) (id many-participants)
    (text "参与联合活动的链上企业达到参数 sme-participants-many（{sme-participants-many}）家")
    (text-en "enterprises taking part in joint activities reach parameter sme-participants-many ({sme-participants-many})"))
  (factor-def (indicator sme) (level 2) (id many-participants)
    (text "参与联合活动的链上企业达到参数 sme-participants-many（{sme-participants-many}）家")
    (text-en "enterprises taking part in joint activities reach parameter sme-participants-many ({sme-participants-many})"))
  (factor-def (indicator sme) (level 2) (id partly-partners) (condition partners-and-smes-joined)
    (text "部分达到上一档：关键合作方参与") (text-en "partly the next band: key partners took part"))
  (factor-def (indicator sme) (level 2) (id partly-srdi-many) (condition srdi-breakthroughs)
    (text "部分达到上一档：两个以上专精特新企业的攻关成果") (text-en "partly the next band: two or more firms' breakthroughs"))
  (factor-def (indicator sme) (level 1) (id partly-smes)
    (text "部分达到上一档：中小微企业参与联合活动或取得攻关成果") (text-en "partly the next band: SMEs took part in joint activities or obtained breakthroughs"))
  (factor-def (indicator sme) (level 1) (id partly-results)
    (text "部分达到上一档：成效显著（改善幅度达到参数 improvement-marked（{improvement-marked}）的实测结果）")
    (text-en "partly the next band: marked results (a result improved by at least parameter improvement-marked ({improvement-marked}))"))
  (factor-def (indicator sme) (level 1) (id partly-srdi) (condition srdi-breakthrough)
    (text "部分达到上一档：专精特新企业的攻关成果") (text-en "partly the next band: a breakthrough"))

  (implies (indicator sme) (condition partners-and-smes-joined) (implied smes-joined))
  (implies (indicator sme) (condition srdi-breakthroughs) (implied srdi-breakthrough)))

;;; A joint activity inside the window (联合: at least sme-joint-min enterprises).
(deftemplate SME::joint
  (slot activity (type STRING)))

;;; The last day (yyyymmdd) of a status recognised on ?day and valid ?years years: the day before
;;; the anniversary, as an ordering key (2021-07-19 + 3 years: valid while < 20240719).
(deffunction SME::srdi-expiry (?day ?years) (+ ?day (* 10000 ?years)))

;;; A 专精特新 status valid at some time in the window [?ws, ?we]; an undated one (day 0) counts.
(deffunction SME::srdi-valid-p (?day ?years ?ws ?we)
  (or (= ?day 0) (and (<= ?day ?we) (> (srdi-expiry ?day ?years) ?ws))))

(defrule SME::sme-outside-window
  "注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益。"
  (window (start ?s) (end ?e) (months ?m))
  (or (activity (id ?id) (title ?t) (date ?d) (window before|after))
      (breakthrough (id ?id) (title ?t) (date ?d) (window before|after)))
  =>
  (assert (excluded (indicator sme) (evidence ?id) (rule sme-outside-window)
    (msg sme-outside-window) (args ?t ?d ?s ?e ?m))))

(defrule SME::sme-participant
  "Who took part in the joint activities inside the window."
  (joint (activity ?a))
  (party (of ?a) (relation participant) (ref ?e&~""))
  (enterprise (id ?e) (role ?r))
  =>
  (assert (tally (indicator sme) (name participants) (key ?e)))
  (assert (tally (indicator sme) (name (sym-cat participants- ?r)) (key ?e)))
  (assert (tally (indicator sme) (name (sym-cat activities-with- ?r)) (key ?a))))

(defrule SME::sme-breakthrough-participant
  "A breakthrough result of an SME or key partner is itself evidence of its 质量攻关 activity."
  (breakthrough (id ?id) (enterprise ?e) (window inside))
  (enterprise (id ?e) (role ?r&sme|key-partner))
  =>
  (assert (tally (indicator sme) (name (sym-cat participants- ?r)) (key ?e)))
  (assert (tally (indicator sme) (name (sym-cat activities-with- ?r)) (key ?id))))

(defrule SME::sme-joint-activity
  "1-3分：带动产业链上的企业开展联合群众性质量提升活动"
  (param (name sme-joint-min) (value ?min))
  ;; ?n: the chain enterprises listed as participants, each once.
  (activity (id ?a) (title ?t) (kind ?k) (date ?d) (window inside) (participants ?n))
  =>
  (if (>= ?n ?min) then
    (assert (joint (activity ?a)))
    (if (member$ ?k (create$ mass-quality qc-circle quality-trust)) then
      (assert (held (indicator sme) (condition joint-activity) (rule sme-joint-activity) (evidence ?a)
        (msg sme-joint-activity) (args ?t ?d ?n sme-joint-min ?min))))
   else
    (assert (excluded (indicator sme) (evidence ?a) (rule sme-joint-activity)
      (msg sme-joint-activity.too-few) (args ?t ?n sme-joint-min ?min)))))

(defrule SME::sme-marked-result
  "成效显著: a measured result of a joint activity or a breakthrough improved markedly."
  (param (name improvement-marked) (value ?marked))
  (or (and (joint (activity ?id)) (activity (id ?id) (title ?t)))
      (breakthrough (id ?id) (title ?t) (window inside)))
  (result (of ?id) (kind ?k&~other) (metric ?m) (before ?b) (after ?a) (unit ?u))
  (test (>= (improvement ?k ?b ?a) ?marked))
  =>
  (assert (tally (indicator sme) (name marked) (key ?id)))
  (assert (factor (indicator sme) (id partly-results) (rule sme-marked-result) (evidence ?id)
    (msg sme-marked-result)
    (args ?t ?m ?b ?a ?u (improvement ?k ?b ?a) improvement-marked ?marked))))

(defrule SME::sme-who-joined
  "带动中小微企业 / 关键合作方开展…活动成效显著: who took part, and a marked result."
  (declare (salience -10)) ; after every participant and result has been tallied
  (param (name sme-participants-many) (value ?many))
  (param (name improvement-marked) (value ?marked))
  =>
  (bind ?smes (tally-keys sme participants-sme))
  (bind ?partners (tally-keys sme participants-key-partner))
  (bind ?acts (tally-keys sme activities-with-sme))
  (bind ?pacts (tally-keys sme activities-with-key-partner))
  (bind ?all (tally-keys sme participants))
  (bind ?good (tally-keys sme marked))
  (if (> (length$ ?smes) 0) then
    (assert (factor (indicator sme) (id partly-smes) (rule sme-who-joined) (evidence ?acts)
      (msg sme-who-joined.smes) (args (length$ ?smes) < sme-ids ?smes >))))
  (if (and (> (length$ ?smes) 0) (> (length$ ?good) 0)) then
    (assert (held (indicator sme) (condition smes-joined) (rule sme-who-joined)
      (evidence (distinct$ (create$ ?acts ?good)))
      (msg sme-who-joined)
      (args (length$ ?smes) < sme-ids ?smes > < sme-ids ?good > improvement-marked ?marked))))
  (if (and (> (length$ ?smes) 0) (> (length$ ?partners) 0) (> (length$ ?good) 0)) then
    (assert (held (indicator sme) (condition partners-and-smes-joined) (rule sme-who-joined)
      (evidence (distinct$ (create$ ?pacts ?acts ?good)))
      (msg sme-who-joined.partners)
      (args < sme-ids ?partners > (length$ ?smes) < sme-ids ?good > improvement-marked ?marked))))
  (if (>= (length$ ?all) ?many) then
    (assert (factor (indicator sme) (id many-participants) (rule sme-who-joined)
      (evidence (distinct$ (create$ ?pacts ?acts)))
      (msg sme-who-joined.many) (args (length$ ?all) sme-participants-many ?many)))))

(defrule SME::sme-srdi-breakthrough
  "有专精特新企业获得产品质量攻关成果 (the status valid in the window)"
  (param (name sme-srdi-valid-years) (value ?years))
  (window (start-day ?ws) (end-day ?we))
  (breakthrough (id ?id) (title ?t) (date ?d) (window inside) (enterprise ?e))
  (enterprise (id ?e) (name ?n) (srdi ?s&provincial|little-giant) (srdi-day ?sd))
  (test (srdi-valid-p ?sd ?years ?ws ?we))
  =>
  (assert (tally (indicator sme) (name srdi-enterprises) (key ?e)))
  (assert (tally (indicator sme) (name srdi-breakthroughs) (key ?id)))
  (assert (held (indicator sme) (condition srdi-breakthrough) (rule sme-srdi-breakthrough) (evidence ?id)
    (msg sme-srdi-breakthrough) (args ?s ?n ?t ?d)))
  (if (eq ?s little-giant) then
    (assert (factor (indicator sme) (id little-giant) (rule sme-srdi-breakthrough) (evidence ?id)
      (msg sme-srdi-breakthrough.little-giant) (args ?n)))))

(defrule SME::sme-srdi-not-valid
  "专精特新 status is valid three years from its date: one not valid in the window does not count."
  (param (name sme-srdi-valid-years) (value ?years))
  (window (start-day ?ws) (end-day ?we) (start ?s) (end ?e))
  (breakthrough (id ?id) (window inside) (enterprise ?x))
  (enterprise (id ?x) (name ?n) (srdi ?st&provincial|little-giant) (srdi-date ?sdate) (srdi-day ?sd))
  (test (not (srdi-valid-p ?sd ?years ?ws ?we)))
  =>
  (assert (excluded (indicator sme) (evidence ?id) (rule sme-srdi-not-valid)
    (msg sme-srdi-not-valid) (args ?n ?st ?sdate ?years ?s ?e sme-srdi-valid-years))))

(defrule SME::sme-srdi-undated
  "A 专精特新 status without a date cannot be checked against the window: counted as declared, flagged."
  (breakthrough (window inside) (enterprise ?e))
  (enterprise (id ?e) (name ?n) (srdi ?s&provincial|little-giant) (srdi-day 0))
  =>
  (assert (flag (indicator sme) (code srdi-undated) (severity warning) (rule sme-srdi-undated) (evidence ?e)
    (msg sme-srdi-undated) (args ?n ?e ?s))))

(defrule SME::sme-breakthrough-not-srdi
  "A breakthrough of a firm that is not 专精特新 does not count for the 专精特新 conditions."
  (breakthrough (id ?id) (title ?t) (window inside) (enterprise ?e))
  (enterprise (id ?e) (name ?n) (srdi ?s&~provincial&~little-giant))
  =>
  (assert (excluded (indicator sme) (evidence ?id) (rule sme-breakthrough-not-srdi)
    (msg sme-breakthrough-not-srdi) (args ?n ?s))))

(defrule SME::sme-srdi-many
  "有两个以上专精特新企业获得产品质量攻关成果"
  (declare (salience -10)) ; after every breakthrough has been tallied
  (param (name sme-srdi-many) (value ?min))
  (param (name factor-far-multiple) (value ?far))
  =>
  (bind ?es (tally-keys sme srdi-enterprises))
  (bind ?ids (tally-keys sme srdi-breakthroughs))
  (bind ?n (length$ ?es))
  (if (>= ?n ?min) then
    (assert (held (indicator sme) (condition srdi-breakthroughs) (rule sme-srdi-many) (evidence ?ids)
      (msg sme-srdi-many) (args ?n < sme-ids ?es > sme-srdi-many ?min))))
  (if (>= ?n (* ?far ?min)) then
    (assert (factor (indicator sme) (id many-srdi) (rule sme-srdi-many) (evidence ?ids)
      (msg sme-srdi-many.far) (args ?n ?far (* ?far ?min))))))
