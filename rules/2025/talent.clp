;;; talent.clp -- 建设专业质量队伍 (8分), section 质量举措 (measures).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   6-8  形成专业质量技能人才和质量管理人才培养长效良性机制，定期开展劳动技能竞赛等质量活动，定期开展
;;;        质量人才培养，链上企业全面推行首席质量官、标准总监等制度。
;;;   3-5  形成专业质量技能人才和质量管理人才培养机制，定期开展质量技能培训，链上主要企业推行首席质量官、
;;;        标准总监等制度。
;;;   1-2  专业质量技能人才和质量管理人才培养机制有待进一步健全。
;;;
;;; How the scorer reads it (docs/POLICY.md §3.4, "talent"):
;;;  - "定期" (regularly) is a rate over the 24-month window, the period observed: trainings at
;;;    least talent-trainings-per-year a year, competitions at least talent-competitions-per-year.
;;;  - 6-8, three conditions. "长效良性机制" (lasting) is read together with "定期开展质量人才培养":
;;;    a talent-mechanism document under which trainings are held regularly (the rate) and in at
;;;    least talent-lasting-years different calendar years inside the window. Read apart, one
;;;    training was the linchpin of two conditions of 6-8 and its absence cost two bands.
;;;  - "推行首席质量官、标准总监等制度": an enterprise runs the system when it has a chief quality
;;;    officer or a standards director (等: either counts; both everywhere is a factor).
;;;    "全面" (all enterprises on the chain) is talent-share-all % of the listed enterprises,
;;;    service providers of role other left out, and, since all includes the main ones, the
;;;    main-enterprise share as well; "主要企业" (main enterprises: chain leaders and key
;;;    partners) is talent-share-main % of them.
;;;  - Implied: the lasting mechanism holds mechanism-formed and regular-skills-training of 3-5;
;;;    all enterprises hold the main ones.
;;;  - Trainings and competitions outside the window are listed as not counted for the rates.
;;;  - 1-2 describes a mechanism still to be improved: it needs some talent work (a mechanism,
;;;    a training, a competition or an officer). Without any: no band, 0 points and a flag.
;;;  - Placement: 6-8 adds many training participants and both systems in every main enterprise;
;;;    3-5 and 1-2 add each condition of the next band up that holds.

(defmodule TALENT (import MAIN ?ALL))

(deffacts TALENT::definitions
  (condition (indicator talent) (level 3) (id lasting-mechanism)
    (text "形成专业质量技能人才和质量管理人才培养长效良性机制：有人才培养机制文件，且依此定期开展质量人才培养——评价期内平均每年至少参数 talent-trainings-per-year（{talent-trainings-per-year}）次培训，分布在至少参数 talent-lasting-years（{talent-lasting-years}）个年度")
    (text-en "a lasting, sound mechanism for training quality-skills and quality-management talent: a mechanism document, and quality talent trained regularly under it: at least parameter talent-trainings-per-year ({talent-trainings-per-year}) trainings a year over the window, in at least parameter talent-lasting-years ({talent-lasting-years}) calendar years"))
  (condition (indicator talent) (level 3) (id regular-competitions)
    (text "定期开展劳动技能竞赛等质量活动：评价期内平均每年至少参数 talent-competitions-per-year（{talent-competitions-per-year}）次")
    (text-en "skills competitions held regularly: at least parameter talent-competitions-per-year ({talent-competitions-per-year}) a year over the window"))
  (condition (indicator talent) (level 3) (id all-enterprises-officers)
    (text "链上企业全面推行首席质量官、标准总监等制度：设立的企业占链上企业（不含“其他”角色的检测、物流等服务企业）的比例达到参数 talent-share-all（{talent-share-all}），且主要企业达到参数 talent-share-main（{talent-share-main}）")
    (text-en "all enterprises run the chief quality officer or standards director system: at least parameter talent-share-all ({talent-share-all}) % of the chain's enterprises (role other not counted), and parameter talent-share-main ({talent-share-main}) % of the main ones"))
  (condition (indicator talent) (level 2) (id mechanism-formed)
    (text "形成专业质量技能人才和质量管理人才培养机制：有人才培养机制文件")
    (text-en "a talent-training mechanism: a mechanism document"))
  (condition (indicator talent) (level 2) (id regular-skills-training)
    (text "定期开展质量技能培训：评价期内平均每年至少参数 talent-trainings-per-year（{talent-trainings-per-year}）次")
    (text-en "quality-skills training held regularly: at least parameter talent-trainings-per-year ({talent-trainings-per-year}) a year over the window"))
  (condition (indicator talent) (level 2) (id main-enterprises-officers)
    (text "链上主要企业推行首席质量官、标准总监等制度：设立的主要企业比例达到参数 talent-share-main（{talent-share-main}）")
    (text-en "the main enterprises run the system: at least parameter talent-share-main ({talent-share-main}) % of them"))
  (condition (indicator talent) (level 1) (id talent-work-begun)
    (text "专业质量技能人才和质量管理人才培养机制有待进一步健全：已开展人才培养工作（机制文件、培训、竞赛或首席质量官、标准总监之一）")
    (text-en "talent work begun (a mechanism, training, competition or officer), still to be improved"))

  ;; The lasting mechanism is the mechanism (its document) running regular training; officers in
  ;; all enterprises include the main ones.
  (implies (indicator talent) (condition lasting-mechanism) (implied mechanism-formed))
  (implies (indicator talent) (condition lasting-mechanism) (implied regular-skills-training))
  (implies (indicator talent) (condition all-enterprises-officers) (implied main-enterprises-officers))

  (factor-def (indicator talent) (level 3) (id many-participants)
    (text "评价期内培训人次达到参数 talent-participants-many（{talent-participants-many}）")
    (text-en "training participants over the window reach parameter talent-participants-many ({talent-participants-many})"))
  (factor-def (indicator talent) (level 3) (id both-systems)
    (text "每家主要企业都同时设立首席质量官和标准总监")
    (text-en "every main enterprise has both a chief quality officer and a standards director"))
  (factor-def (indicator talent) (level 2) (id partly-lasting) (condition lasting-mechanism)
    (text "部分达到上一档：长效良性机制（机制文件、定期培训且连续多个年度）") (text-en "partly the next band: a lasting mechanism (a document, regular training, several calendar years)"))
  (factor-def (indicator talent) (level 2) (id partly-competitions) (condition regular-competitions)
    (text "部分达到上一档：定期竞赛") (text-en "partly the next band: regular competitions"))
  (factor-def (indicator talent) (level 2) (id partly-all-officers) (condition all-enterprises-officers)
    (text "部分达到上一档：全面推行首席质量官") (text-en "partly the next band: officers in all enterprises"))
  (factor-def (indicator talent) (level 1) (id partly-mechanism) (condition mechanism-formed)
    (text "部分达到上一档：人才培养机制") (text-en "partly the next band: a mechanism"))
  (factor-def (indicator talent) (level 1) (id partly-training) (condition regular-skills-training)
    (text "部分达到上一档：定期培训") (text-en "partly the next band: regular training"))
  (factor-def (indicator talent) (level 1) (id partly-main-officers) (condition main-enterprises-officers)
    (text "部分达到上一档：主要企业推行首席质量官") (text-en "partly the next band: officers in the main enterprises")))

(defrule TALENT::talent-outside-window
  "Rates are counted over the window; trainings and competitions outside it are named."
  (window (start ?s) (end ?e))
  (or (training (id ?id) (title ?t) (date ?d) (window before|after))
      (competition (id ?id) (title ?t) (date ?d) (window before|after)))
  =>
  (assert (excluded (indicator talent) (evidence ?id) (rule talent-outside-window)
    (msg talent-outside-window) (args ?t ?d ?s ?e))))

(defrule TALENT::talent-mechanism
  "形成专业质量技能人才和质量管理人才培养机制"
  (talent-mechanism (id ?id) (title ?t) (date ?d))
  =>
  (assert (held (indicator talent) (condition mechanism-formed) (rule talent-mechanism) (evidence ?id)
    (msg talent-mechanism) (args ?t ?d))))

(defrule TALENT::talent-training
  "定期开展质量技能培训; 长效良性机制: the mechanism document with regular training, year after
   year (定期开展质量人才培养 is read with it, so that one training is never the linchpin of two
   conditions of 6-8)."
  (param (name talent-trainings-per-year) (value ?min))
  (param (name talent-lasting-years) (value ?years-min))
  (param (name talent-participants-many) (value ?many))
  (window (rate-months ?m) (start ?s) (rate-end ?e)) ; the period rates are averaged over (§2.5)
  =>
  (bind ?ts (find-all-facts ((?x training)) (eq ?x:window inside)))
  (bind ?ids (slot-values$ ?ts id))
  (bind ?years (create$))   ; at most the calendar years the window spans
  (bind ?people 0)
  (progn$ (?x ?ts)
    (bind ?people (+ ?people (fact-slot-value ?x participants)))
    (bind ?y (sub-string 1 4 (fact-slot-value ?x date)))
    (if (not (member$ ?y ?years)) then (bind ?years (create$ ?years ?y))))
  (bind ?rate (per-year (length$ ?ids) ?m))
  (if (>= ?rate ?min) then
    (assert (held (indicator talent) (condition regular-skills-training) (rule talent-training)
      (evidence ?ids)
      (msg talent-training) (args ?s ?e (length$ ?ids) ?rate talent-trainings-per-year ?min))))
  (if (and (>= ?rate ?min) (>= (length$ ?years) ?years-min) (any-factp ((?t talent-mechanism)) TRUE)) then
    (bind ?mech (slot-values$ (find-all-facts ((?t talent-mechanism)) TRUE) id))
    (assert (held (indicator talent) (condition lasting-mechanism) (rule talent-training)
      (evidence ?mech ?ids)
      (msg talent-training.lasting)
      (args ?s ?e (length$ ?ids) ?rate talent-trainings-per-year ?min
            (length$ ?years) talent-lasting-years ?years-min))))
  (if (>= ?people ?many) then
    (assert (factor (indicator talent) (id many-participants) (rule talent-training) (evidence ?ids)
      (msg talent-training.many-participants) (args ?people talent-participants-many ?many)))))

(defrule TALENT::talent-competitions
  "定期开展劳动技能竞赛等质量活动"
  (param (name talent-competitions-per-year) (value ?min))
  (window (rate-months ?m) (start ?s) (rate-end ?e)) ; the period rates are averaged over (§2.5)
  =>
  (bind ?ids (slot-values$ (find-all-facts ((?x competition)) (eq ?x:window inside)) id))
  (bind ?rate (per-year (length$ ?ids) ?m))
  (if (and (> (length$ ?ids) 0) (>= ?rate ?min)) then
    (assert (held (indicator talent) (condition regular-competitions) (rule talent-competitions)
      (evidence ?ids)
      (msg talent-competitions) (args ?s ?e (length$ ?ids) ?rate talent-competitions-per-year ?min)))))

(defrule TALENT::talent-officers
  "首席质量官、标准总监等制度: the share of enterprises (and of main enterprises) that run it."
  (param (name talent-share-all) (value ?all))
  (param (name talent-share-main) (value ?main))
  (project)
  =>
  (bind ?n 0) (bind ?with 0) (bind ?nm 0) (bind ?main-with 0) (bind ?main-both 0)
  ;; Each enterprise's officers of each kind, counted in one pass (not a search of every
  ;; officer for every enterprise).
  ;; The chain's enterprises: service providers of role other (testing, logistics) are not
  ;; among those that 全面推行 speaks of.
  (bind ?es (find-all-facts ((?e enterprise)) (neq ?e:role other)))
  (bind ?eids (slot-values$ ?es id))
  (bind ?cqos (count-by$ (find-all-facts ((?o officer)) (eq ?o:kind chief-quality-officer))
                         enterprise ?eids))
  (bind ?sds (count-by$ (find-all-facts ((?o officer)) (eq ?o:kind standards-director))
                        enterprise ?eids))
  (loop-for-count (?i (length$ ?es))
    (bind ?n (+ ?n 1))
    (bind ?cqo (> (nth$ ?i ?cqos) 0))
    (bind ?sd (> (nth$ ?i ?sds) 0))
    (if (or ?cqo ?sd) then (bind ?with (+ ?with 1)))
    (if (main-role-p (fact-slot-value (nth$ ?i ?es) role)) then
      (bind ?nm (+ ?nm 1))
      (if (or ?cqo ?sd) then (bind ?main-with (+ ?main-with 1)))
      (if (and ?cqo ?sd) then (bind ?main-both (+ ?main-both 1)))))
  (bind ?ids (slot-values$ (find-all-facts ((?o officer)) TRUE) id))
  (if (and (> ?n 0) (> ?with 0) (>= (/ (* 100.0 ?with) ?n) ?all)
           (or (= ?nm 0) (>= (/ (* 100.0 ?main-with) ?nm) ?main))) then
    (assert (held (indicator talent) (condition all-enterprises-officers) (rule talent-officers)
      (evidence ?ids)
      (msg talent-officers.all) (args ?with ?n (/ (* 100.0 ?with) ?n) talent-share-all ?all))))
  (if (and (> ?nm 0) (> ?main-with 0) (>= (/ (* 100.0 ?main-with) ?nm) ?main)) then
    (assert (held (indicator talent) (condition main-enterprises-officers) (rule talent-officers)
      (evidence ?ids)
      (msg talent-officers.main) (args ?main-with ?nm talent-share-main ?main))))
  (if (and (> ?nm 0) (= ?main-both ?nm)) then
    (assert (factor (indicator talent) (id both-systems) (rule talent-officers) (evidence ?ids)
      (msg talent-officers.both) (args ?nm)))))

(defrule TALENT::talent-work-begun
  "专业质量技能人才和质量管理人才培养机制有待进一步健全 -- some talent work exists."
  (or (talent-mechanism (id ?id) (title ?t))
      (training (id ?id) (title ?t))
      (competition (id ?id) (title ?t)))
  =>
  (assert (held (indicator talent) (condition talent-work-begun) (rule talent-work-begun) (evidence ?id)
    (msg talent-work-begun) (args ?t))))

(defrule TALENT::talent-officer-appointed
  "An officer appointed is talent work begun too."
  (officer (id ?id) (kind ?k) (name ?n) (enterprise ?e))
  (enterprise (id ?e) (name ?en))
  =>
  (assert (held (indicator talent) (condition talent-work-begun) (rule talent-officer-appointed)
    (evidence ?id)
    (msg talent-officer-appointed) (args ?en ?k ?n))))
