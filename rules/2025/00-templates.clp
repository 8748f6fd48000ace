;;; 00-templates.clp -- the fact model shared by every rule file of the 2025 edition.
;;;
;;; Files in this folder load in byte order of their names: templates and helpers first,
;;; then the rubric data (01-rubric.clp), the policy parameters (02-params.clp), the band
;;; choice (03-decide.clp), the measurement of yearly metrics (04-measure.clp), the checks of
;;; the data (05-checks.clp), then one file per indicator.
;;;
;;; Three kinds of facts live here:
;;;   1. the rubric and the policy parameters (asserted by deffacts at every reset);
;;;   2. evidence, asserted by the importers (importers/*.c) through the CLIPS fact API,
;;;      never from text, one template per element of schemas/submission-2025.xsd;
;;;   3. what the indicator rules conclude (held, factor, excluded, flag) and what the
;;;      DECIDE module derives from it (band-fit, choice, gap). The engine copies these
;;;      out into the report.
;;;
;;; Slot conventions for evidence:
;;;   id       the element's id in the submission (reports cite it)
;;;   line     line of the element in the submission file
;;;   date     YYYY-MM-DD as written; day the same date as an integer yyyymmdd (0: none)
;;;   window   inside | before | after | undated | future: the date against the rubric's
;;;            24-month window after work start (computed by the importer from the
;;;            window-months parameter; see the window fact); future: after the day of the
;;;            run (see the today fact), so counted nowhere and flagged by CHECKS
;;;   docs     number of <doc> references (supporting documents) given for the item
;;;   enterprise  the id of an <enterprise> (the schema guarantees that it exists)
;;; Enumerations are SYMBOLs, free text and ids STRINGs, amounts FLOATs, counts INTEGERs.

(defmodule MAIN (export ?ALL))

;;; ------------------------------------------------------------------ rubric

(deftemplate edition
  (slot id (type STRING))
  (slot title (type STRING))
  (slot note (type STRING))           ; the official text's closing note (注)
  (slot note-en (type STRING)))

(deftemplate section
  (slot id (type SYMBOL))
  (slot order (type INTEGER))
  (slot name (type STRING))
  (slot name-en (type STRING))
  (slot official-max (type INTEGER)))  ; the maximum printed in the official heading

(deftemplate indicator
  (slot id (type SYMBOL))
  (slot section (type SYMBOL))
  (slot order (type INTEGER))
  (slot name (type STRING))
  (slot name-en (type STRING))
  (slot max (type INTEGER)))

;;; An indicator whose lowest band describes a beginning (初步, 有待进一步健全, ...): evidence
;;; of the work having begun earns that band (03-decide.clp, effort). words quotes the band.
(deftemplate lowest-band-beginning
  (slot indicator (type SYMBOL))
  (slot words (type STRING)))

(deftemplate band
  (slot indicator (type SYMBOL))
  (slot level (type INTEGER))          ; 1 is the lowest band
  (slot min (type INTEGER))
  (slot max (type INTEGER))
  (slot text (type STRING))            ; official Chinese wording
  (slot text-en (type STRING)))        ; English gloss

;;; How the scorer decomposes a band into checkable conditions (defined in each
;;; indicator's file). A band is met when every one of its conditions is held.
(deftemplate condition
  (slot indicator (type SYMBOL))
  (slot level (type INTEGER))
  (slot id (type SYMBOL))
  (slot text (type STRING))
  (slot text-en (type STRING)))

;;; What places a score higher inside the band chosen (defined in each indicator's file).
;;; A factor is shown either by factor facts with its id, or -- when condition is set -- by
;;; the held facts of that condition of a higher band (the chosen band partly meets the
;;; next one).
;;; A condition of a higher band that implies one of a lower band (defined in the indicator's
;;; file): when the stronger is held, DECIDE holds the weaker too (03-decide.clp, step 1).
(deftemplate implies
  (slot indicator (type SYMBOL))
  (slot condition (type SYMBOL))       ; the stronger, of a higher band
  (slot implied (type SYMBOL)))        ; the weaker, of a lower band

(deftemplate factor-def
  (slot indicator (type SYMBOL))
  (slot level (type INTEGER))
  (slot id (type SYMBOL))
  (slot condition (type SYMBOL) (default nil))
  (slot points (type INTEGER) (default 1))
  (slot text (type STRING))
  (slot text-en (type STRING)))

;;; A policy parameter: every threshold the rules use. The value written here is the
;;; default; `--param NAME=VALUE` replaces it after each reset.
(deftemplate param
  (slot name (type SYMBOL))
  (slot value (type INTEGER FLOAT))
  (slot min (type INTEGER FLOAT))
  (slot max (type INTEGER FLOAT))
  (slot unit (type STRING))
  (slot text (type STRING))            ; rationale, Chinese
  (slot text-en (type STRING)))        ; rationale, English

;;; ------------------------------------------------------------------ the submission

(deftemplate project
  (slot id (type STRING))
  (slot title (type STRING))
  (slot region (type STRING))
  (slot province (type STRING))
  (slot city (type STRING))
  (slot chain (type STRING))
  (slot work-start (type STRING))
  (slot work-start-day (type INTEGER)))

;;; The rubric's 24-month window (注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益).
;;; A calendar year cut by the work start or by the window's end goes to the side holding at
;;; least year-split-months of its months (importers/project.c): base-year is the year before
;;; work start, or the start's own year when at least that many of its months had passed;
;;; last-year is the window end's year when at least that many of its months lie inside the
;;; window (the whole year when the end is 12-31), otherwise the year before.
;;; rate-months and rate-end: the period section 1 averages its "定期" rates over: from the
;;; start to the window's end or, when scored earlier, to the scoring day, but at least
;;; rate-months-min months (and at most the window).
(deftemplate window
  (slot start (type STRING))
  (slot end (type STRING))
  (slot start-day (type INTEGER))
  (slot end-day (type INTEGER))
  (slot months (type INTEGER))
  (slot base-year (type INTEGER))
  (slot last-year (type INTEGER))
  (slot rate-months (type INTEGER))
  (slot rate-end (type STRING)))

;;; The day of the run (SOURCE_DATE_EPOCH when set): evidence dated after it cannot be a
;;; result, and a yearly value is final only for a year that is over (year < today's year).
(deftemplate today
  (slot date (type STRING))
  (slot day (type INTEGER))
  (slot year (type INTEGER)))

;;; A supporting document (<doc file>) that is not among the attachments: asserted by the
;;; importer (importers/attachments.c) only when qscore runs with --attachments DIR, one per
;;; <doc file> that is not a regular file of the folder. evidence: the id of the item the <doc>
;;; belongs to; file: the name as written; status: missing (no such file), not-regular (a
;;; folder, a link, a device of that name), bad-name (absolute, or with a .. component: never
;;; looked up); line: the <doc>'s line. Not an element of the schema: a fact about the package.
(deftemplate attachment
  (slot evidence (type STRING))
  (slot file (type STRING))
  (slot status (type SYMBOL) (allowed-symbols missing not-regular bad-name))
  (slot line (type INTEGER)))

;;; The number of enterprises on the chain as the application declares it (<chain-size>, in the
;;; project): the chain's own enterprises, not service providers (role other). infrastructure
;;; measures coverage against it as well as against the listed enterprises (docs/POLICY.md §3.3).
(deftemplate chain-size
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot enterprises (type INTEGER)))

(deftemplate applicant
  (slot name (type STRING))
  (slot kind (type SYMBOL)))

(deftemplate chain-chief
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot name (type STRING))
  (slot position (type STRING))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated)))

(deftemplate enterprise
  (slot id (type STRING)) (slot line (type INTEGER))
  (slot name (type STRING))
  (slot credit-code (type STRING))
  (slot credit-code-ok (type SYMBOL) (allowed-symbols yes no))
  (slot credit-code-check (type STRING))   ; the check character the first 17 call for
  (slot role (type SYMBOL) (allowed-symbols chain-leader key-partner sme other))
  (slot size (type SYMBOL))
  (slot srdi (type SYMBOL) (default none))
  (slot srdi-date (type STRING)) (slot srdi-day (type INTEGER)))

;;; A chain enterprise or outside organisation taking part in a piece of evidence:
;;; relation member (alliance), participant (action, activity) or serves (centre, platform).
(deftemplate party
  (slot of (type STRING))
  (slot relation (type SYMBOL))
  (slot ref (type STRING))             ; enterprise id, "" for an outside organisation
  (slot name (type STRING))
  (slot kind (type SYMBOL)))

;;; A measured before/after result attached to an action, activity or breakthrough.
(deftemplate result
  (slot of (type STRING))
  (slot kind (type SYMBOL))
  (slot metric (type STRING))
  (slot before (type FLOAT))
  (slot after (type FLOAT))
  (slot unit (type STRING)))

;;; Evidence families, one template per submission element. The common slots come first.

(deftemplate alliance
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot name (type STRING))
  ;; Counted by the importer from the <member>s (their party facts), so that no rule searches
  ;; every party for every alliance: the members that name someone (a ref or a name), and
  ;; their kinds, first seen first.
  (slot members (type INTEGER) (default 0))
  (multislot member-kinds (type SYMBOL)))

;;; 产学研协作 outside an alliance: an agreement, a joint lab or a joint centre, with its members
;;; counted by the importer as for an alliance.
(deftemplate collaboration
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING))
  (slot kind (type SYMBOL))
  (slot members (type INTEGER) (default 0))
  (multislot member-kinds (type SYMBOL)))

(deftemplate working-mechanism
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING)))

(deftemplate meeting
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING))
  (slot kind (type SYMBOL))
  (slot participants (type INTEGER)))

(deftemplate bottleneck-analysis
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING))
  (slot bottlenecks (type INTEGER)))

(deftemplate improvement-action
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING))
  (slot end (type STRING)) (slot end-day (type INTEGER)))

(deftemplate demonstration
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING))
  (slot level (type SYMBOL))
  (slot issuer (type STRING)))

(deftemplate quality-map
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING)))

(deftemplate status-report
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING)))

(deftemplate problem-list
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING))
  (slot problems (type INTEGER)))

(deftemplate target-plan
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING)))

(deftemplate indicator-system
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING))
  (slot indicators (type INTEGER)))

(deftemplate centre
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot kind (type SYMBOL))
  (slot level (type SYMBOL))
  (slot name (type STRING)))

(deftemplate platform
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot kind (type SYMBOL))
  (slot name (type STRING))
  (slot online (type SYMBOL) (allowed-symbols yes no) (default no))
  (slot offline (type SYMBOL) (allowed-symbols yes no) (default no))
  (slot smes-served (type INTEGER) (default -1))   ; -1: not stated
  ;; yes when a <serves> names a chain enterprise of role sme (found by the importer).
  (slot serves-sme (type SYMBOL) (allowed-symbols yes no) (default no)))

(deftemplate talent-mechanism
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING)))

(deftemplate officer
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot kind (type SYMBOL))
  (slot name (type STRING)))

(deftemplate competition
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING))
  (slot level (type SYMBOL) (default nil))
  (slot participants (type INTEGER) (default -1)))

(deftemplate training
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING))
  (slot participants (type INTEGER))
  (slot hours (type FLOAT) (default -1.0)))

(deftemplate activity
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING))
  (slot kind (type SYMBOL))
  ;; The chain enterprises listed as <participant>s, each once (counted by the importer).
  (slot participants (type INTEGER) (default 0)))

(deftemplate breakthrough
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot title (type STRING)))

(deftemplate qms-certificate
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot standard (type STRING))
  (slot number (type STRING))
  (slot issuer (type STRING))
  (slot valid-until (type STRING)) (slot valid-until-day (type INTEGER)))

(deftemplate method
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot kind (type SYMBOL))
  (slot title (type STRING)))

(deftemplate digital
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot kind (type SYMBOL))
  (slot title (type STRING)))

;;; The applicant's own scores (自评分): per indicator, and the total when stated (-1: not).
(deftemplate self-score
  (slot indicator (type SYMBOL))
  (slot points (type FLOAT))
  (slot line (type INTEGER)))

(deftemplate self-total
  (slot points (type FLOAT))
  (slot line (type INTEGER)))

;;; A yearly series; its values are metric-value facts. from-year/from and to-year/to are the
;;; two ends it is measured between (computed by the importer from the window): the latest
;;; year up to the base year, and the latest year after it up to the window's last year
;;; (0 when the series has no such year).
(deftemplate metric
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot kind (type SYMBOL))
  (slot scope (type SYMBOL))
  (slot enterprise (type STRING))      ; "" for scope chain
  (slot product (type STRING))
  (slot unit (type STRING))
  (slot from-year (type INTEGER)) (slot from (type FLOAT))
  (slot to-year (type INTEGER)) (slot to (type FLOAT)))

(deftemplate metric-value
  (slot metric (type STRING))
  (slot year (type INTEGER))
  (slot value (type FLOAT))
  (slot line (type INTEGER)))

(deftemplate claim
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot metric (type STRING))
  (slot from (type INTEGER))
  (slot to (type INTEGER))
  (slot change-percent (type FLOAT))
  (slot measure (type SYMBOL) (allowed-symbols relative points) (default relative)))

;;; Development (产业发展): what shows 形成有引领力的质量卓越产业集群，或质量竞争力处于行业领先水平.
;;; A manufacturing single champion (制造业单项冠军) of an enterprise; valid-until-day 0: not given.
(deftemplate champion
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot product (type STRING))
  (slot level (type SYMBOL))
  (slot issuer (type STRING))
  (slot valid-until (type STRING) (default "")) (slot valid-until-day (type INTEGER) (default 0)))

;;; A recognised industrial cluster: kind advanced-manufacturing (先进制造业集群) or
;;; sme-characteristic (中小企业特色产业集群).
(deftemplate cluster
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot kind (type SYMBOL) (allowed-symbols advanced-manufacturing sme-characteristic))
  (slot level (type SYMBOL))
  (slot name (type STRING))
  (slot issuer (type STRING))
  (slot valid-until (type STRING) (default "")) (slot valid-until-day (type INTEGER) (default 0)))

;;; A product's rank in the global or national market in one year; share -1: not given.
(deftemplate market-share
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot enterprise (type STRING))
  (slot product (type STRING))
  (slot year (type INTEGER))
  (slot scope (type SYMBOL) (allowed-symbols global national))
  (slot rank (type INTEGER))
  (slot share (type FLOAT) (default -1.0))
  (slot source (type STRING)))

(deftemplate certification
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot kind (type SYMBOL))
  (slot level (type SYMBOL) (default nil))
  (slot name (type STRING))
  (slot number (type STRING))
  (slot issuer (type STRING))
  (slot valid-until (type STRING)) (slot valid-until-day (type INTEGER)))

;;; type is what the application declares; code-type what the code's shape says
;;; (international national national-guidance industry local group enterprise unknown), or,
;;; for a project without a code yet, what its plan number says, or else the declared type
;;; (class-from says which: code, plan or declared). plan is the project's plan number (计划号;
;;; a code of the national plan-number shape is one), "" when none; rank the drafting-unit
;;; rank (起草单位排序, 0: not given); approved the project's approval date (立项); label the
;;; code, or the plan number when there is no code, for texts.
(deftemplate standard
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot code (type STRING) (default ""))
  (slot plan (type STRING) (default ""))
  (slot label (type STRING) (default ""))
  (slot rank (type INTEGER) (default 0))
  (slot approved (type STRING) (default "")) (slot approved-day (type INTEGER) (default 0))
  (slot type (type SYMBOL))
  (slot code-type (type SYMBOL))
  (slot class-from (type SYMBOL) (allowed-symbols code plan declared) (default code))
  (slot role (type SYMBOL) (allowed-symbols lead participant))
  (slot status (type SYMBOL) (allowed-symbols published approved) (default published))
  (slot title (type STRING)))

;;; withdrawn: the day the declaration was withdrawn or abolished (0: still public).
(deftemplate self-declaration
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot code (type STRING))
  (slot code-type (type SYMBOL))
  (slot title (type STRING))
  (slot withdrawn (type STRING) (default "")) (slot withdrawn-day (type INTEGER) (default 0)))

(deftemplate forerunner
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot code (type STRING))
  (slot code-type (type SYMBOL))
  (slot product (type STRING))
  (slot issuer (type STRING)))

;;; name-class is what the award's name says, whatever kind the application declares:
;;; china-quality-award (中国质量奖), caq-national-quality-award (全国质量奖 of 中国质量协会), other.
;;; name-level is the level of government the name shows, from its last administrative word
;;; before 质量 (省长质量奖 provincial, 市长质量奖 city, 区长质量奖 district, 县 county; 上海市…
;;; provincial): provincial city district county, or none when the name shows no level.
(deftemplate award
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))      ; "" for an honour of the region or chain
  (slot kind (type SYMBOL))
  (slot level (type SYMBOL))
  (slot tier (type SYMBOL) (allowed-symbols winner nomination) (default winner))
  (slot name (type STRING))
  (slot name-class (type SYMBOL))
  (slot name-level (type SYMBOL) (default none))
  (slot issuer (type STRING)))

(deftemplate brand
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot name (type STRING))
  (slot valuation (type FLOAT) (default -1.0)))

(deftemplate brand-promotion
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot title (type STRING)))

;;; A recognised brand that is not an honour for quality work (地理标志, 区域公用品牌, 老字号, 品字标):
;;; kind geographical-indication regional-brand time-honoured pin-mark; enterprise "" for a
;;; region's own; valid-until-day 0 when no term is stated.
(deftemplate recognition
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot kind (type SYMBOL))
  (slot level (type SYMBOL) (default nil))
  (slot name (type STRING))
  (slot issuer (type STRING))
  (slot valid-until (type STRING)) (slot valid-until-day (type INTEGER)))

(deftemplate assessment
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot level (type SYMBOL) (allowed-symbols experience inspection assurance prevention excellence))
  (slot proof (type SYMBOL) (allowed-symbols third-party-report miit-publication self-assessment))
  (slot assessor (type STRING))
  (slot valid-until (type STRING)) (slot valid-until-day (type INTEGER)))   ; 0: no term stated

;;; The change of one yearly series over the window, derived by the MEASURE module
;;; (04-measure.clp) before any indicator runs: from the value of the base year (or the latest
;;; year before it) to the value of the window's last year (or the latest year before it that
;;; is after the base year).
(deftemplate change
  (slot metric (type STRING))          ; the series' id
  (slot kind (type SYMBOL))
  (slot scope (type SYMBOL))
  (slot enterprise (type STRING))
  (slot product (type STRING))
  (slot unit (type STRING))
  (slot from-year (type INTEGER))
  (slot to-year (type INTEGER))
  (slot from (type FLOAT))
  (slot to (type FLOAT))
  (slot improvement (type FLOAT))      ; percent, positive is better (MAIN::improvement)
  (slot growth (type FLOAT))           ; percent a year, compound, of the value itself
  (slot msg (type SYMBOL) (default nil)) ; the finding: a message id of i18n/*.txt
  (multislot args))                     ; and its arguments (engine/qs_finding.h)

;;; ------------------------------------------------------------------ conclusions

;;; A condition of a band holds, shown by the evidence listed. One fact per piece of
;;; evidence (or group of evidence) that shows it; the engine reports them as reasons.
(deftemplate held
  (slot indicator (type SYMBOL))
  (slot condition (type SYMBOL))
  (slot rule (type SYMBOL))            ; the name of the rule that asserted it
  (multislot evidence (type STRING))
  (slot msg (type SYMBOL) (default nil)) ; the finding: a message id of i18n/*.txt
  (multislot args))                     ; and its arguments (engine/qs_finding.h)

;;; A strengthening factor (factor-def) is present.
(deftemplate factor
  (slot indicator (type SYMBOL))
  (slot id (type SYMBOL))
  (slot rule (type SYMBOL))
  (multislot evidence (type STRING))
  (slot msg (type SYMBOL) (default nil)) ; the finding: a message id of i18n/*.txt
  (multislot args))                     ; and its arguments (engine/qs_finding.h)

;;; Evidence that the application offers for an indicator but that does not count, and why.
(deftemplate excluded
  (slot indicator (type SYMBOL))
  (slot evidence (type STRING))
  (slot rule (type SYMBOL))
  (slot msg (type SYMBOL) (default nil)) ; the finding: a message id of i18n/*.txt
  (multislot args))                     ; and its arguments (engine/qs_finding.h)

;;; Something a reviewer should look at. indicator is nil for the submission as a whole.
(deftemplate flag
  (slot indicator (type SYMBOL) (default nil))
  (slot code (type SYMBOL))
  (slot severity (type SYMBOL) (allowed-symbols info warning error))
  (slot rule (type SYMBOL))
  (multislot evidence (type STRING))
  (slot msg (type SYMBOL) (default nil)) ; the finding: a message id of i18n/*.txt
  (multislot args))                     ; and its arguments (engine/qs_finding.h)

;;; A distinct thing counted for an indicator (an enterprise, say); duplicates collapse,
;;; so the number of tally facts with one name is a count of distinct keys.
(deftemplate tally
  (slot indicator (type SYMBOL))
  (slot name (type SYMBOL))
  (slot key (type STRING)))

;;; Derived by the DECIDE module (03-decide.clp).
(deftemplate band-fit
  (slot indicator (type SYMBOL))
  (slot level (type INTEGER))
  (slot how (type SYMBOL) (allowed-symbols met near effort))
  (slot missing (type SYMBOL)))         ; near: the one condition of the band above not held

(deftemplate choice
  (slot indicator (type SYMBOL))
  (slot level (type INTEGER))
  (slot rule (type SYMBOL)))

(deftemplate gap
  (slot indicator (type SYMBOL))
  (slot level (type INTEGER))
  (slot condition (type SYMBOL)))      ; the report shows the condition's own text

;;; A strengthening factor (factor-def) of the chosen band that is present, and the points it adds.
(deftemplate placed
  (slot indicator (type SYMBOL))
  (slot factor (type SYMBOL))
  (slot points (type INTEGER)))

;;; The points inside the chosen band: its minimum (base) plus the placed factors, at most its
;;; maximum (capped: the factors would have gone past it).
(deftemplate placement
  (slot indicator (type SYMBOL))
  (slot level (type INTEGER))
  (slot base (type INTEGER))
  (slot points (type INTEGER))
  (slot capped (type SYMBOL) (allowed-symbols no yes)))

;;; Helpers the indicator files share.

;;; Number of distinct keys tallied under ?name for ?indicator.
(deffunction MAIN::tally-count (?indicator ?name)
  (length$ (find-all-facts ((?t tally))
             (and (eq ?t:indicator ?indicator) (eq ?t:name ?name)))))

;;; 链上主要企业 (the chain's main enterprises): the chain-leader firms (链主) and the key
;;; partners (关键合作方). The rubric does not define the term; see docs/POLICY.md.
(deffunction MAIN::main-role-p (?role)
  (or (eq ?role chain-leader) (eq ?role key-partner)))

;;; For sort: TRUE when ?a should come after ?b (byte order).
(deffunction MAIN::string> (?a ?b) (> (str-compare ?a ?b) 0))

;;; The distinct keys tallied under ?name for ?indicator, sorted. The tally facts are picked
;;; by the list functions of engine/qs_udf.c: a query's condition is interpreted for every
;;; tally fact, at each of the eighteen calls of a run.
(deffunction MAIN::tally-keys (?indicator ?name)
  (sort-strings$ (slot-values$ (group-by$ (group-by$ (facts-of$ (create$ tally))
                                                     name (create$ ?name))
                                          indicator (create$ ?indicator))
                               key)))



;;; ---- metrics: what "better" means for each kind of series

;;; Quality rates bounded by 100 whose distance to 100 is the shortfall (defects,
;;; dissatisfaction): their improvement is the share of that shortfall closed, the relative
;;; fall of the defects. The resource-use rate is not one of them: it is measured, like the
;;; energy and water intensities it is judged with (green), as a relative change.
(deffunction MAIN::gap-kind-p (?kind)
  (member$ ?kind (create$ first-pass-yield pass-rate spot-check-pass-rate satisfaction)))

;;; Kinds whose values are percentages: between 0 and 100 wherever they are given.
(deffunction MAIN::rate-kind-p (?kind)
  (member$ ?kind (create$ first-pass-yield pass-rate spot-check-pass-rate satisfaction
                          resource-use quality-loss-rate)))

;;; A value no metric of ?kind can take: a rate outside 0-100, any other kind below 0.
(deffunction MAIN::value-out-of-range-p (?kind ?v)
  (if (rate-kind-p ?kind) then (or (< ?v 0) (> ?v 100)) else (< ?v 0)))

(deffunction MAIN::higher-better-p (?kind)
  (member$ ?kind (create$ output-value value-added employees first-pass-yield pass-rate
                          spot-check-pass-rate reliability satisfaction resource-use)))

;;; The current value of a parameter (0 if there is none).
(deffunction MAIN::param-value (?name)
  (bind ?v 0)
  (do-for-fact ((?p param)) (eq ?p:name ?name) (bind ?v ?p:value))
  ?v)

;;; A computed percentage rounded to 1e-6, so that 100 -> 132.25 over two years is 15 % a year
;;; and a loss rate 2.0 -> 1.6 falls 20 %, as a reader computes them, not 14.999999999999991.
(deffunction MAIN::pct (?x) (/ (round (* ?x 1000000.0)) 1000000.0))

;;; Improvement in percent from ?from to ?to, positive when the series got better:
;;;  - first-pass yield, pass rates, satisfaction: the share of the shortfall to 100 that was
;;;    closed (95 -> 97 closes 40 % of the gap of 5; 99.2 -> 99.6 halves the defects: 50 %),
;;;    judged relative to the gap that remained, with no fixed noise floor in points; from
;;;    100 a fall is -100;
;;;  - the other kinds (resource use included): the relative change, with the sign turned for
;;;    kinds where lower is better (failure rate, quality-loss rate, energy and water
;;;    intensity, emissions).
;;; Values out of range (value-out-of-range-p) never reach it: MEASURE sets them aside.
(deffunction MAIN::improvement (?kind ?from ?to)
  (pct
    (if (gap-kind-p ?kind) then
      (if (>= ?from 100) then
        (if (>= ?to ?from) then 0.0 else -100.0)
       else (/ (* 100.0 (- ?to ?from)) (- 100.0 ?from)))
     else
      (if (= ?from 0) then 0.0
       else (if (higher-better-p ?kind)
               then (/ (* 100.0 (- ?to ?from)) ?from)
               else (/ (* 100.0 (- ?from ?to)) ?from))))))

;;; Compound growth of a value in percent a year.
(deffunction MAIN::growth (?from ?to ?years)
  (if (or (<= ?from 0) (< ?to 0) (<= ?years 0)) then 0.0
   else (pct (* 100.0 (- (** (/ ?to ?from) (/ 1.0 ?years)) 1.0)))))



;;; How many a year: ?count items over a window of ?months months.
(deffunction MAIN::per-year (?count ?months)
  (if (<= ?months 0) then 0.0 else (/ (* 12.0 ?count) ?months)))

