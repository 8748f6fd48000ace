;;; 00-templates.clp -- the fact model shared by every rule file of the 2025 edition.
;;;
;;; Files in this folder load in byte order of their names: templates first, then the
;;; rubric data (01-rubric.clp), the policy parameters (02-params.clp), the generic
;;; decision module (03-decide.clp), then one file per indicator.
;;;
;;; Three kinds of facts live here:
;;;   1. the rubric and the policy parameters (asserted by deffacts at every reset);
;;;   2. evidence, asserted by the importers (importers/*.c) through the CLIPS fact API,
;;;      never from text, one template per element of schemas/submission-2025.xsd;
;;;   3. what the indicator rules conclude (held, factor, excluded, flag) and what the
;;;      DECIDE module derives from it (band-met, choice, gap). The engine copies these
;;;      out into the report.
;;;
;;; Slot conventions for evidence:
;;;   id       the element's id in the submission (reports cite it)
;;;   line     line of the element in the submission file
;;;   date     YYYY-MM-DD as written; day the same date as an integer yyyymmdd (0: none)
;;;   window   inside | before | after | undated: the date against the rubric's 24-month
;;;            window after work start (computed by the importer from the window-months
;;;            parameter; see the window fact)
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
(deftemplate factor-def
  (slot indicator (type SYMBOL))
  (slot level (type INTEGER))
  (slot id (type SYMBOL))
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
;;; base-year is the calendar year before work start; last-year the last calendar year that
;;; ends inside the window.
(deftemplate window
  (slot start (type STRING))
  (slot end (type STRING))
  (slot start-day (type INTEGER))
  (slot end-day (type INTEGER))
  (slot months (type INTEGER))
  (slot base-year (type INTEGER))
  (slot last-year (type INTEGER)))

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
  (slot name (type STRING)))

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
  (slot smes-served (type INTEGER) (default -1)))   ; -1: not stated

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
  (slot kind (type SYMBOL)))

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

;;; A yearly series; its values are metric-value facts.
(deftemplate metric
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot kind (type SYMBOL))
  (slot scope (type SYMBOL))
  (slot enterprise (type STRING))      ; "" for scope chain
  (slot product (type STRING))
  (slot unit (type STRING)))

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
  (slot change-percent (type FLOAT)))

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
;;; (international national national-guidance industry local group enterprise unknown).
(deftemplate standard
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot code (type STRING))
  (slot type (type SYMBOL))
  (slot code-type (type SYMBOL))
  (slot role (type SYMBOL) (allowed-symbols lead participant))
  (slot status (type SYMBOL) (allowed-symbols published approved) (default published))
  (slot title (type STRING)))

(deftemplate self-declaration
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot code (type STRING))
  (slot code-type (type SYMBOL))
  (slot title (type STRING)))

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
(deftemplate award
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))      ; "" for an honour of the region or chain
  (slot kind (type SYMBOL))
  (slot level (type SYMBOL))
  (slot tier (type SYMBOL) (allowed-symbols winner nomination) (default winner))
  (slot name (type STRING))
  (slot name-class (type SYMBOL))
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

(deftemplate assessment
  (slot id (type STRING)) (slot line (type INTEGER)) (slot docs (type INTEGER))
  (slot date (type STRING)) (slot day (type INTEGER)) (slot window (type SYMBOL) (default undated))
  (slot enterprise (type STRING))
  (slot level (type SYMBOL) (allowed-symbols experience inspection assurance prevention excellence))
  (slot proof (type SYMBOL) (allowed-symbols third-party-report miit-publication self-assessment))
  (slot assessor (type STRING)))

;;; ------------------------------------------------------------------ conclusions

;;; A condition of a band holds, shown by the evidence listed. One fact per piece of
;;; evidence (or group of evidence) that shows it; the engine reports them as reasons.
(deftemplate held
  (slot indicator (type SYMBOL))
  (slot condition (type SYMBOL))
  (slot rule (type SYMBOL))            ; the name of the rule that asserted it
  (multislot evidence (type STRING))
  (slot text (type STRING))
  (slot text-en (type STRING)))

;;; A strengthening factor (factor-def) is present.
(deftemplate factor
  (slot indicator (type SYMBOL))
  (slot id (type SYMBOL))
  (slot rule (type SYMBOL))
  (multislot evidence (type STRING))
  (slot text (type STRING))
  (slot text-en (type STRING)))

;;; Evidence that the application offers for an indicator but that does not count, and why.
(deftemplate excluded
  (slot indicator (type SYMBOL))
  (slot evidence (type STRING))
  (slot rule (type SYMBOL))
  (slot text (type STRING))
  (slot text-en (type STRING)))

;;; Something a reviewer should look at. indicator is nil for the submission as a whole.
(deftemplate flag
  (slot indicator (type SYMBOL) (default nil))
  (slot code (type SYMBOL))
  (slot severity (type SYMBOL) (allowed-symbols info warning error))
  (slot rule (type SYMBOL))
  (multislot evidence (type STRING))
  (slot text (type STRING))
  (slot text-en (type STRING)))

;;; A distinct thing counted for an indicator (an enterprise, say); duplicates collapse,
;;; so the number of tally facts with one name is a count of distinct keys.
(deftemplate tally
  (slot indicator (type SYMBOL))
  (slot name (type SYMBOL))
  (slot key (type STRING)))

;;; Derived by the DECIDE module (03-decide.clp).
(deftemplate band-met
  (slot indicator (type SYMBOL))
  (slot level (type INTEGER)))

(deftemplate choice
  (slot indicator (type SYMBOL))
  (slot level (type INTEGER))
  (slot rule (type SYMBOL)))

(deftemplate gap
  (slot indicator (type SYMBOL))
  (slot level (type INTEGER))
  (slot condition (type SYMBOL))
  (slot text (type STRING))
  (slot text-en (type STRING)))

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

;;; The distinct keys tallied under ?name for ?indicator, sorted.
(deffunction MAIN::tally-keys (?indicator ?name)
  (bind ?keys (create$))
  (do-for-all-facts ((?t tally)) (and (eq ?t:indicator ?indicator) (eq ?t:name ?name))
    (bind ?keys (create$ ?keys ?t:key)))
  (sort string> ?keys))

;;; "E01、E02" for a text.
(deffunction MAIN::join-ids (?ids)
  (bind ?s "")
  (progn$ (?id ?ids)
    (bind ?s (if (= ?id-index 1) then ?id else (str-cat ?s "、" ?id))))
  ?s)
