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
;;;    专精特新企业 those with srdi provincial (省级专精特新) or little-giant (国家级“小巨人”).
;;;  - "联合" (joint): an activity with at least sme-joint-min participating enterprises. Only
;;;    joint activities count: who took part, and their results.
;;;  - 1-3 names 群众性质量提升活动 (mass quality activities): a joint activity of kind
;;;    mass-quality, qc-circle or quality-trust. The higher bands add 质量攻关 (quality-breakthrough)
;;;    and 等活动: joint activities of any kind count for who took part.
;;;  - "成效显著" (marked results): a result of a joint activity or of a breakthrough that
;;;    improved by at least improvement-marked (the reading of 显著 shared with quality).
;;;  - "两个以上" (two or more, 以上 including the number): breakthroughs of at least
;;;    sme-srdi-many distinct 专精特新 enterprises.
;;;  - 7-10: key partners and SMEs took part in activities; marked results; sme-srdi-many 专精特新
;;;    enterprises with breakthroughs. 4-6: SMEs took part; marked results; one 专精特新
;;;    breakthrough. 1-3: a joint activity.
;;;  - Placement: 7-10 adds factor-far-multiple times sme-srdi-many 专精特新 enterprises, a 小巨人
;;;    breakthrough, and at least sme-participants-many enterprises taking part; 4-6 and 1-3 add
;;;    each condition of the next band up that holds; 4-6 also adds the wide participation.

(defmodule SME (import MAIN ?ALL))

(deffacts SME::definitions
  (condition (indicator sme) (level 3) (id partners-and-smes-joined)
    (text "成效评价期内，关键合作方和中小微企业参与联合质量提升、质量攻关活动")
    (text-en "inside the window, key partners and SMEs took part in joint quality activities"))
  (condition (indicator sme) (level 3) (id marked-results)
    (text "活动成效显著：活动或攻关成果有改善幅度达到参数 improvement-marked（{improvement-marked}）的实测结果")
    (text-en "marked results: an activity or breakthrough result improved by at least parameter improvement-marked ({improvement-marked})"))
  (condition (indicator sme) (level 3) (id srdi-breakthroughs)
    (text "两个以上专精特新企业在成效评价期内获得产品质量攻关成果（参数 sme-srdi-many（{sme-srdi-many}））")
    (text-en "at least parameter sme-srdi-many ({sme-srdi-many}) specialised-and-innovative firms obtained breakthrough results inside the window"))
  (condition (indicator sme) (level 2) (id smes-joined)
    (text "成效评价期内，中小微企业参与联合质量提升、质量攻关活动")
    (text-en "inside the window, SMEs took part in joint quality activities"))
  (condition (indicator sme) (level 2) (id marked-results-2)
    (text "活动成效显著：改善幅度达到参数 improvement-marked（{improvement-marked}）的实测结果")
    (text-en "marked results: a result improved by at least parameter improvement-marked ({improvement-marked})"))
  (condition (indicator sme) (level 2) (id srdi-breakthrough)
    (text "有专精特新企业在成效评价期内获得产品质量攻关成果")
    (text-en "a specialised-and-innovative firm obtained a breakthrough result inside the window"))
  (condition (indicator sme) (level 1) (id joint-activity)
    (text "成效评价期内带动链上企业开展联合群众性质量提升活动（群众性质量提升、QC小组、质量信得过班组，参与企业至少参数 sme-joint-min（{sme-joint-min}）家）")
    (text-en "inside the window, a joint mass quality activity (mass quality, QC circle, quality-trust team) of at least parameter sme-joint-min ({sme-joint-min}) enterprises"))

  (factor-def (indicator sme) (level 3) (id many-srdi)
    (text "获得攻关成果的专精特新企业达到参数 sme-srdi-many（{sme-srdi-many}）的 {factor-far-multiple} 倍（参数 factor-far-multiple）")
    (text-en "{factor-far-multiple} times (parameter factor-far-multiple) parameter sme-srdi-many ({sme-srdi-many}) specialised-and-innovative firms with breakthroughs"))
  (factor-def (indicator sme) (level 3) (id little-giant)
    (text "国家级专精特新“小巨人”企业获得攻关成果") (text-en "a 'little giant' firm obtained a breakthrough"))
  (factor-def (indicator sme) (level 3) (id many-participants)
    (text "参与活动的链上企业达到参数 sme-participants-many（{sme-participants-many}）家")
    (text-en "enterprises taking part reach parameter sme-participants-many ({sme-participants-many})"))
  (factor-def (indicator sme) (level 2) (id many-participants)
    (text "参与活动的链上企业达到参数 sme-participants-many（{sme-participants-many}）家")
    (text-en "enterprises taking part reach parameter sme-participants-many ({sme-participants-many})"))
  (factor-def (indicator sme) (level 2) (id partly-partners) (condition partners-and-smes-joined)
    (text "部分达到上一档：关键合作方参与") (text-en "partly the next band: key partners took part"))
  (factor-def (indicator sme) (level 2) (id partly-srdi-many) (condition srdi-breakthroughs)
    (text "部分达到上一档：两个以上专精特新企业的攻关成果") (text-en "partly the next band: two or more firms' breakthroughs"))
  (factor-def (indicator sme) (level 1) (id partly-smes) (condition smes-joined)
    (text "部分达到上一档：中小微企业参与") (text-en "partly the next band: SMEs took part"))
  (factor-def (indicator sme) (level 1) (id partly-results) (condition marked-results-2)
    (text "部分达到上一档：成效显著") (text-en "partly the next band: marked results"))
  (factor-def (indicator sme) (level 1) (id partly-srdi) (condition srdi-breakthrough)
    (text "部分达到上一档：专精特新企业的攻关成果") (text-en "partly the next band: a breakthrough")))

;;; A joint activity inside the window (联合: at least sme-joint-min enterprises).
(deftemplate SME::joint
  (slot activity (type STRING)))

(deffunction SME::srdi-zh (?s) (if (eq ?s little-giant) then "国家级专精特新“小巨人”" else "省级专精特新"))

(defrule SME::sme-outside-window
  "注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益。"
  (window (start ?s) (end ?e) (months ?m))
  (or (activity (id ?id) (title ?t) (date ?d) (window before|after))
      (breakthrough (id ?id) (title ?t) (date ?d) (window before|after)))
  =>
  (assert (excluded (indicator sme) (evidence ?id) (rule sme-outside-window)
    (text (str-cat ?t " 的日期 " ?d " 不在成效评价期 " ?s " 至 " ?e "（开工后" ?m "个月）之内"))
    (text-en (str-cat ?t " is dated " ?d ", outside the results window " ?s " to " ?e
                      " (" ?m " months from work start)")))))

(defrule SME::sme-participant
  "Who took part in the joint activities inside the window."
  (joint (activity ?a))
  (party (of ?a) (relation participant) (ref ?e&~""))
  (enterprise (id ?e) (role ?r))
  =>
  (assert (tally (indicator sme) (name participants) (key ?e)))
  (assert (tally (indicator sme) (name (sym-cat participants- ?r)) (key ?e)))
  (assert (tally (indicator sme) (name (sym-cat activities-with- ?r)) (key ?a))))

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
        (text (str-cat ?t "（" ?d "），" ?n " 家链上企业参与（参数 sme-joint-min ≥ " (num ?min) "）"))
        (text-en (str-cat ?t " (" ?d "), " ?n " chain enterprises took part (parameter sme-joint-min >= " (num ?min) ")")))))
   else
    (assert (excluded (indicator sme) (evidence ?a) (rule sme-joint-activity)
      (text (str-cat ?t " 只有 " ?n " 家链上企业参与，不是联合活动（参数 sme-joint-min ≥ " (num ?min) "）"))
      (text-en (str-cat ?t " had only " ?n " chain enterprises; not a joint activity (parameter sme-joint-min >= " (num ?min) ")"))))))

(defrule SME::sme-who-joined
  "中小微企业 / 关键合作方 took part."
  (declare (salience -10)) ; after every participant has been tallied
  (param (name sme-participants-many) (value ?many))
  =>
  (bind ?smes (tally-keys sme participants-sme))
  (bind ?partners (tally-keys sme participants-key-partner))
  (bind ?acts (tally-keys sme activities-with-sme))
  (bind ?pacts (tally-keys sme activities-with-key-partner))
  (bind ?all (tally-keys sme participants))
  (if (> (length$ ?smes) 0) then
    (assert (held (indicator sme) (condition smes-joined) (rule sme-who-joined) (evidence ?acts)
      (text (str-cat "中小微企业 " (length$ ?smes) " 家参与联合活动：" (join-ids ?smes)))
      (text-en (str-cat (length$ ?smes) " SMEs took part: " (join-ids ?smes))))))
  (bind ?both (distinct$ (create$ ?pacts ?acts)))
  (if (and (> (length$ ?smes) 0) (> (length$ ?partners) 0)) then
    (assert (held (indicator sme) (condition partners-and-smes-joined) (rule sme-who-joined)
      (evidence ?both)
      (text (str-cat "关键合作方 " (join-ids ?partners) " 与中小微企业 " (length$ ?smes) " 家参与联合活动"))
      (text-en (str-cat "key partners " (join-ids ?partners) " and " (length$ ?smes) " SMEs took part")))))
  (if (>= (length$ ?all) ?many) then
    (assert (factor (indicator sme) (id many-participants) (rule sme-who-joined) (evidence ?both)
      (text (str-cat "参与联合活动的链上企业 " (length$ ?all) " 家（参数 sme-participants-many ≥ " (num ?many) "）"))
      (text-en (str-cat (length$ ?all) " enterprises took part (parameter sme-participants-many >= " (num ?many) ")"))))))

(defrule SME::sme-marked-result
  "成效显著: a measured result of a joint activity or a breakthrough improved markedly."
  (param (name improvement-marked) (value ?marked))
  (or (and (joint (activity ?id)) (activity (id ?id) (title ?t)))
      (breakthrough (id ?id) (title ?t) (window inside)))
  (result (of ?id) (kind ?k&~other) (metric ?m) (before ?b) (after ?a) (unit ?u))
  (test (>= (improvement ?k ?b ?a) ?marked))
  =>
  (bind ?zh (str-cat ?t "：" ?m " " (num ?b) "→" (num ?a) " " ?u "，改善 " (num (improvement ?k ?b ?a)) "%（参数 improvement-marked ≥ " (num ?marked) "%）"))
  (bind ?en (str-cat ?t ": " ?m " " (num ?b) " -> " (num ?a) " " ?u ", improved " (num (improvement ?k ?b ?a)) " % (parameter improvement-marked >= " (num ?marked) " %)"))
  (assert (held (indicator sme) (condition marked-results) (rule sme-marked-result) (evidence ?id)
    (text ?zh) (text-en ?en)))
  (assert (held (indicator sme) (condition marked-results-2) (rule sme-marked-result) (evidence ?id)
    (text ?zh) (text-en ?en))))

(defrule SME::sme-srdi-breakthrough
  "有专精特新企业获得产品质量攻关成果"
  (breakthrough (id ?id) (title ?t) (date ?d) (window inside) (enterprise ?e))
  (enterprise (id ?e) (name ?n) (srdi ?s&provincial|little-giant))
  =>
  (assert (tally (indicator sme) (name srdi-enterprises) (key ?e)))
  (assert (tally (indicator sme) (name srdi-breakthroughs) (key ?id)))
  (assert (held (indicator sme) (condition srdi-breakthrough) (rule sme-srdi-breakthrough) (evidence ?id)
    (text (str-cat (srdi-zh ?s) "企业 " ?n " 获得攻关成果：" ?t "（" ?d "）"))
    (text-en (str-cat "specialised-and-innovative firm (" ?s ") " ?n ": " ?t " (" ?d ")"))))
  (if (eq ?s little-giant) then
    (assert (factor (indicator sme) (id little-giant) (rule sme-srdi-breakthrough) (evidence ?id)
      (text (str-cat "“小巨人”企业 " ?n " 获得攻关成果")) (text-en (str-cat "little giant " ?n " obtained a breakthrough"))))))

(defrule SME::sme-breakthrough-not-srdi
  "A breakthrough of a firm that is not 专精特新 does not count for the 专精特新 conditions."
  (breakthrough (id ?id) (title ?t) (window inside) (enterprise ?e))
  (enterprise (id ?e) (name ?n) (srdi ?s&~provincial&~little-giant))
  =>
  (assert (excluded (indicator sme) (evidence ?id) (rule sme-breakthrough-not-srdi)
    (text (str-cat ?n " 不是专精特新企业（" ?s "），其攻关成果不计入专精特新条件"))
    (text-en (str-cat ?n " is not a specialised-and-innovative firm (" ?s "); its breakthrough does not count for those conditions")))))

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
      (text (str-cat ?n " 家专精特新企业获得攻关成果：" (join-ids ?es) "（参数 sme-srdi-many ≥ " (num ?min) "）"))
      (text-en (str-cat ?n " specialised-and-innovative firms obtained breakthroughs: " (join-ids ?es) " (parameter sme-srdi-many >= " (num ?min) ")")))))
  (if (>= ?n (* ?far ?min)) then
    (assert (factor (indicator sme) (id many-srdi) (rule sme-srdi-many) (evidence ?ids)
      (text (str-cat ?n " 家专精特新企业获得攻关成果，达到参数的 " (num ?far) " 倍（" (num (* ?far ?min)) "）"))
      (text-en (str-cat ?n " firms, " (num ?far) " times the parameter (" (num (* ?far ?min)) ")"))))))
