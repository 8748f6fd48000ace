;;; mechanism.clp -- 创新质量提升工作机制 (14分), section 质量举措 (measures).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   10-14 充分发挥链长、链主、政产学研检联盟作用，形成各方参与的工作机制，分析梳理影响产业链质量
;;;         提升的瓶颈，开展相关质量提升行动并取得成效，形成具有示范性的质量提升经验模式。
;;;   4-9   开展产学研协作，定期举办会议或活动推进产业链质量提升，形成各方参与的工作机制。
;;;   1-3   探索产学研写作，工作机制初步建立。
;;;
;;; How the scorer reads it (docs/POLICY.md §3.1, "mechanism"):
;;;  - 10-14, six conditions: the chain chief (链长, a <chain-chief>) and a chain-leader firm
;;;    (链主) are both there; an alliance whose members cover at least mechanism-alliance-kinds
;;;    of the five parties 政产学研检 (government, enterprise, university, research,
;;;    inspection); a working-mechanism document; a bottleneck analysis; a quality-improvement
;;;    action with a measured result that improved by at least improvement-some; and a
;;;    recognition of the approach as a demonstrative case (any level).
;;;  - 4-9: collaboration of enterprises with a university or research institute, in an
;;;    alliance or outside one (a <collaboration>: an agreement, a joint lab or a joint centre);
;;;    meetings or activities "regularly": at least mechanism-meetings-per-year a year on average
;;;    over the 24-month window (the rubric sets no period for section 1; the window is the
;;;    period observed); a working-mechanism document (the one of 10-14 implies it).
;;;  - 1-3: an alliance, a collaboration, a working-mechanism document or a meeting exists
;;;    (work begun). 1-3 describes a beginning, so any condition held, of any band, also earns
;;;    it (03-decide.clp, effort): a named 链长 with a 链主 on the chain (the 链长制) is itself a
;;;    working mechanism initially set up.
;;;  - Placement: each condition of the next band up that holds adds a point (the band partly
;;;    meets the next one); 10-14 adds national recognition, frequent meetings, many actions
;;;    with results and a wide alliance; 4-9 also adds frequent meetings (so that its top is
;;;    reachable without meeting 10-14).
;;;  - Meetings outside the window are listed as not counted for the frequency.
;;;  - Section 1 measures work done, not results: apart from the meeting frequency, dates are
;;;    not held against the 24-month window.

(defmodule MECHANISM (import MAIN ?ALL))

(deffacts MECHANISM::definitions
  (condition (indicator mechanism) (level 3) (id leaders-engaged)
    (text "充分发挥链长、链主：申报材料列明链长，且链上有链主企业")
    (text-en "the chain chief (链长) and a chain-leader firm (链主) take part (a chain chief is named and a chain-leader firm is on the chain)"))
  (condition (indicator mechanism) (level 3) (id alliance-full)
    (text "政产学研检联盟：联盟成员覆盖政、产、学、研、检中至少参数 mechanism-alliance-kinds（{mechanism-alliance-kinds}）类")
    (text-en "a government-industry-academia-research-inspection alliance: members cover at least parameter mechanism-alliance-kinds ({mechanism-alliance-kinds}) of the five parties"))
  (condition (indicator mechanism) (level 3) (id multi-party-mechanism)
    (text "形成各方参与的工作机制：有建立工作机制的文件（联席会议制度、工作方案等）")
    (text-en "a working mechanism with all parties: a document that sets it up (joint-meeting system, work plan ...)"))
  (condition (indicator mechanism) (level 3) (id bottlenecks-analysed)
    (text "分析梳理影响产业链质量提升的瓶颈：有瓶颈分析")
    (text-en "bottlenecks to the chain's quality analysed: a bottleneck analysis"))
  (condition (indicator mechanism) (level 3) (id actions-with-results)
    (text "开展相关质量提升行动并取得成效：至少1项行动有改善幅度达到参数 improvement-some（{improvement-some}）的实测结果")
    (text-en "quality-improvement actions with results: at least 1 action with a measured result improved by at least parameter improvement-some ({improvement-some})"))
  (condition (indicator mechanism) (level 3) (id demonstrative)
    (text "形成具有示范性的质量提升经验模式：经验被认定为典型案例或示范（任一级别）")
    (text-en "a demonstrative model: the approach recognised as a typical case or model (any level)"))
  (condition (indicator mechanism) (level 2) (id collaboration)
    (text "开展产学研协作：联盟、产学研合作协议或联合实验室（联合研发中心）中有企业与高校或科研院所共同参与")
    (text-en "industry-academia-research collaboration: an alliance, agreement or joint lab of enterprises with academia"))
  (condition (indicator mechanism) (level 2) (id regular-meetings)
    (text "定期举办会议或活动：成效评价期内平均每年至少参数 mechanism-meetings-per-year（{mechanism-meetings-per-year}）次")
    (text-en "meetings or activities held regularly: at least parameter mechanism-meetings-per-year ({mechanism-meetings-per-year}) a year on average over the window"))
  (condition (indicator mechanism) (level 2) (id mechanism-formed)
    (text "形成各方参与的工作机制：有建立工作机制的文件")
    (text-en "a working mechanism with all parties: a document that sets it up"))
  (condition (indicator mechanism) (level 1) (id mechanism-started)
    (text "工作机制初步建立：有联盟、产学研协作（协议、联合实验室等）、工作机制文件或会议活动之一")
    (text-en "a working mechanism initially set up: an alliance, a collaboration (agreement, joint lab ...), a mechanism document or a meeting"))

  ;; The document that sets up a mechanism with all parties (10-14) is the one that forms it (4-9).
  (implies (indicator mechanism) (condition multi-party-mechanism) (implied mechanism-formed))

  (factor-def (indicator mechanism) (level 3) (id national-demonstration) (points 1)
    (text "经验被国家级认定为典型案例或示范") (text-en "the approach recognised at national level"))
  (factor-def (indicator mechanism) (level 3) (id frequent-meetings) (points 1)
    (text "会议活动频次达到参数 mechanism-meetings-per-year（{mechanism-meetings-per-year}）的 {factor-far-multiple} 倍（参数 factor-far-multiple）")
    (text-en "meetings {factor-far-multiple} times (parameter factor-far-multiple) as frequent as parameter mechanism-meetings-per-year ({mechanism-meetings-per-year})"))
  (factor-def (indicator mechanism) (level 2) (id frequent-meetings) (points 1)
    (text "会议活动频次达到参数 mechanism-meetings-per-year（{mechanism-meetings-per-year}）的 {factor-far-multiple} 倍（参数 factor-far-multiple）")
    (text-en "meetings {factor-far-multiple} times (parameter factor-far-multiple) as frequent as parameter mechanism-meetings-per-year ({mechanism-meetings-per-year})"))
  (factor-def (indicator mechanism) (level 3) (id many-actions) (points 1)
    (text "取得成效的质量提升行动达到参数 mechanism-actions-many（{mechanism-actions-many}）项")
    (text-en "actions with results reach parameter mechanism-actions-many ({mechanism-actions-many})"))
  (factor-def (indicator mechanism) (level 3) (id wide-alliance) (points 1)
    (text "联盟成员达到参数 mechanism-alliance-members（{mechanism-alliance-members}）个")
    (text-en "an alliance with at least parameter mechanism-alliance-members ({mechanism-alliance-members}) members"))
  (factor-def (indicator mechanism) (level 2) (id partly-leaders) (condition leaders-engaged)
    (text "部分达到上一档：链长、链主参与") (text-en "partly the next band: chain chief and chain leader take part"))
  (factor-def (indicator mechanism) (level 2) (id partly-alliance) (condition alliance-full)
    (text "部分达到上一档：政产学研检联盟") (text-en "partly the next band: a full alliance"))
  (factor-def (indicator mechanism) (level 2) (id partly-bottlenecks) (condition bottlenecks-analysed)
    (text "部分达到上一档：瓶颈分析") (text-en "partly the next band: bottlenecks analysed"))
  (factor-def (indicator mechanism) (level 2) (id partly-actions) (condition actions-with-results)
    (text "部分达到上一档：行动取得成效") (text-en "partly the next band: actions with results"))
  (factor-def (indicator mechanism) (level 2) (id partly-demonstrative) (condition demonstrative)
    (text "部分达到上一档：示范性经验") (text-en "partly the next band: a demonstrative model"))
  (factor-def (indicator mechanism) (level 1) (id partly-collaboration) (condition collaboration)
    (text "部分达到上一档：产学研协作") (text-en "partly the next band: collaboration"))
  (factor-def (indicator mechanism) (level 1) (id partly-regular) (condition regular-meetings)
    (text "部分达到上一档：定期会议活动") (text-en "partly the next band: regular meetings"))
  (factor-def (indicator mechanism) (level 1) (id partly-formed) (condition mechanism-formed)
    (text "部分达到上一档：工作机制文件") (text-en "partly the next band: a mechanism document")))

(defrule MECHANISM::mechanism-leaders-engaged
  "充分发挥链长、链主……作用: one reason per chain-leader firm, naming the chain chiefs (at most
   8), so that the rule fires once per enterprise, not once per chief and enterprise."
  (enterprise (id ?e) (name ?en) (role chain-leader))
  (exists (chain-chief))
  =>
  (bind ?cs (find-all-facts ((?c chain-chief)) TRUE))
  (bind ?chiefs (create$))
  (progn$ (?c ?cs)
    (bind ?chiefs (create$ ?chiefs < mechanism-leaders-engaged.chief (fact-slot-value ?c name)
                                     (fact-slot-value ?c position) >)))
  (assert (held (indicator mechanism) (condition leaders-engaged) (rule mechanism-leaders-engaged)
    (evidence (slot-values$ ?cs id) ?e)
    (msg mechanism-leaders-engaged)
    (args ?en (length$ ?cs) < mechanism-leaders-engaged.chiefs ?chiefs >))))

(defrule MECHANISM::mechanism-alliance
  "政产学研检联盟: which of the five parties an alliance's members cover."
  (param (name mechanism-alliance-kinds) (value ?min))
  (param (name mechanism-alliance-members) (value ?wide))
  ;; The members that name someone (a chain enterprise or an organisation), and their kinds.
  (alliance (id ?a) (name ?an) (members ?members) (member-kinds $?found))
  =>
  (bind ?kinds (create$))
  (progn$ (?k ?found)
    (if (member$ ?k (create$ government enterprise university research inspection))
     then (bind ?kinds (create$ ?kinds ?k))))
  ;; The parties covered, in the order 政产学研检.
  (bind ?parties (create$))
  (progn$ (?k (create$ government enterprise university research inspection))
    (if (member$ ?k ?kinds) then
      (bind ?parties (create$ ?parties < mechanism-alliance.party ?k >))))
  (bind ?n (length$ ?kinds))
  (if (>= ?n ?min) then
    (assert (held (indicator mechanism) (condition alliance-full) (rule mechanism-alliance)
      (evidence ?a)
      (msg mechanism-alliance)
      (args ?an < mechanism-alliance.parties ?parties > ?n mechanism-alliance-kinds ?min))))
  (if (and (member$ enterprise ?kinds) (or (member$ university ?kinds) (member$ research ?kinds))) then
    (assert (held (indicator mechanism) (condition collaboration) (rule mechanism-alliance)
      (evidence ?a)
      (msg mechanism-alliance.collaboration) (args ?an < mechanism-alliance.parties ?parties >))))
  (if (>= ?members ?wide) then
    (assert (factor (indicator mechanism) (id wide-alliance) (rule mechanism-alliance) (evidence ?a)
      (msg mechanism-alliance.wide) (args ?an ?members mechanism-alliance-members ?wide)))))

(defrule MECHANISM::mechanism-collaboration
  "开展产学研协作 outside an alliance: an agreement or a joint lab joining an enterprise with a
   university or research institute."
  (collaboration (id ?id) (title ?t) (kind ?k) (date ?d) (member-kinds $?found))
  =>
  (if (and (member$ enterprise ?found) (or (member$ university ?found) (member$ research ?found)))
   then
    (assert (held (indicator mechanism) (condition collaboration) (rule mechanism-collaboration)
      (evidence ?id)
      (msg mechanism-collaboration) (args ?k ?t ?d)))
   else
    (assert (excluded (indicator mechanism) (evidence ?id) (rule mechanism-collaboration)
      (msg mechanism-collaboration.excluded) (args ?t)))))

(defrule MECHANISM::mechanism-working-mechanism
  "形成各方参与的工作机制"
  (working-mechanism (id ?id) (title ?t) (date ?d))
  =>
  (assert (held (indicator mechanism) (condition multi-party-mechanism)
    (rule mechanism-working-mechanism) (evidence ?id)
    (msg mechanism-working-mechanism) (args ?t ?d)))
  (assert (held (indicator mechanism) (condition mechanism-formed)
    (rule mechanism-working-mechanism) (evidence ?id)
    (msg mechanism-working-mechanism) (args ?t ?d))))

(defrule MECHANISM::mechanism-bottlenecks
  "分析梳理影响产业链质量提升的瓶颈"
  (bottleneck-analysis (id ?id) (title ?t) (date ?d))
  =>
  (assert (held (indicator mechanism) (condition bottlenecks-analysed) (rule mechanism-bottlenecks)
    (evidence ?id)
    (msg mechanism-bottlenecks) (args ?t ?d))))

(defrule MECHANISM::mechanism-action-with-result
  "开展相关质量提升行动并取得成效"
  (param (name improvement-some) (value ?some))
  (improvement-action (id ?a) (title ?t))
  (result (of ?a) (kind ?k&~other) (metric ?m) (before ?b) (after ?af) (unit ?u))
  (test (>= (improvement ?k ?b ?af) ?some))
  =>
  (assert (tally (indicator mechanism) (name actions-with-results) (key ?a)))
  (assert (held (indicator mechanism) (condition actions-with-results)
    (rule mechanism-action-with-result) (evidence ?a)
    (msg mechanism-action-with-result)
    (args ?t ?m ?b ?af ?u (improvement ?k ?b ?af) improvement-some ?some))))

(defrule MECHANISM::mechanism-many-actions
  "Many actions with results."
  (declare (salience -10)) ; counts after every action above has been tallied
  (param (name mechanism-actions-many) (value ?min))
  =>
  (bind ?ids (tally-keys mechanism actions-with-results))
  (if (>= (length$ ?ids) ?min) then
    (assert (factor (indicator mechanism) (id many-actions) (rule mechanism-many-actions)
      (evidence ?ids)
      (msg mechanism-many-actions) (args (length$ ?ids) mechanism-actions-many ?min)))))

(defrule MECHANISM::mechanism-demonstrative
  "形成具有示范性的质量提升经验模式"
  (demonstration (id ?id) (title ?t) (level ?lv) (issuer ?i) (date ?d))
  =>
  (assert (held (indicator mechanism) (condition demonstrative) (rule mechanism-demonstrative)
    (evidence ?id)
    (msg mechanism-demonstrative) (args ?t ?i ?d)))
  (if (eq ?lv national) then
    (assert (factor (indicator mechanism) (id national-demonstration) (rule mechanism-demonstrative)
      (evidence ?id)
      (msg mechanism-demonstrative.national) (args ?t)))))

(defrule MECHANISM::mechanism-meeting-outside-window
  "The frequency is counted over the window; meetings outside it are named as not counted."
  (window (start ?s) (end ?e))
  (meeting (id ?id) (title ?t) (date ?d) (window before|after))
  =>
  (assert (excluded (indicator mechanism) (evidence ?id) (rule mechanism-meeting-outside-window)
    (msg mechanism-meeting-outside-window) (args ?t ?d ?s ?e))))

(defrule MECHANISM::mechanism-regular-meetings
  "定期举办会议或活动推进产业链质量提升"
  (param (name mechanism-meetings-per-year) (value ?min))
  (param (name factor-far-multiple) (value ?far))
  (window (rate-months ?m) (start ?s) (rate-end ?e)) ; the period rates are averaged over (§2.5)
  =>
  (bind ?ids (slot-values$ (find-all-facts ((?x meeting)) (eq ?x:window inside)) id))
  (bind ?rate (per-year (length$ ?ids) ?m))
  (if (>= ?rate ?min) then
    (assert (held (indicator mechanism) (condition regular-meetings) (rule mechanism-regular-meetings)
      (evidence ?ids)
      (msg mechanism-regular-meetings)
      (args ?s ?e (length$ ?ids) ?rate mechanism-meetings-per-year ?min))))
  (if (>= ?rate (* ?far ?min)) then
    (assert (factor (indicator mechanism) (id frequent-meetings) (rule mechanism-regular-meetings)
      (evidence ?ids)
      (msg mechanism-regular-meetings.frequent) (args ?rate ?far (* ?far ?min))))))

(defrule MECHANISM::mechanism-started
  "探索产学研协作，工作机制初步建立"
  (or (alliance (id ?id) (name ?t))
      (collaboration (id ?id) (title ?t))
      (working-mechanism (id ?id) (title ?t))
      (meeting (id ?id) (title ?t)))
  =>
  (assert (held (indicator mechanism) (condition mechanism-started) (rule mechanism-started)
    (evidence ?id)
    (msg mechanism-started) (args ?t))))
