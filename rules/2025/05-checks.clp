;;; 05-checks.clp -- flags about the submission's data that belong to no single indicator.
;;;
;;; These rules never change a score; they tell the reviewer what to look at. A flag of
;;; severity error makes the triage 'review' whatever the total.

(defmodule CHECKS (import MAIN ?ALL))

;;; The kinds of evidence the rules below look at are the templates of MAIN with the slots
;;; they read (templates-with$, engine/qs_udf.c), so that a kind of evidence added to
;;; 00-templates.clp is looked at without a change here; the facts of those templates alone
;;; are read (facts-of$), not every fact of the run.

(defrule CHECKS::credit-code-check-character
  "统一社会信用代码 (GB 32100-2015): the 18th character is a check character computed from
   the first 17. A wrong one means the code was mistyped or invented."
  (enterprise (id ?id) (name ?name) (credit-code ?code) (credit-code-ok no)
              (credit-code-check ?expected))
  =>
  (assert (flag (code credit-code-check) (severity error) (rule credit-code-check-character)
    (evidence ?id)
    (msg credit-code-check-character) (args ?name ?code ?expected))))

;;; ---- one enterprise listed twice: the same credit code under two or more ids.
;;; Comparing every enterprise with every other is n²/2 comparisons and, with one code shared
;;; by all, as many flags: 2,500 enterprises with one code were 3 million pairs (29 s, 1.4 GB).
;;; So each enterprise is compared with one fact per code instead: the first holder of the code
;;; (whichever the engine meets first; the flag names them all). The enterprises that share a
;;; code are gathered, sorted once, and each code gets one flag naming every enterprise.

;;; The first enterprise met with a credit code: one fact per code.
(deftemplate CHECKS::credit-code-holder
  (slot code (type STRING))
  (slot id (type STRING)))

;;; An enterprise whose credit code another enterprise carries too, with its label for texts as
;;; a finding (credit-code-repeated: "E1（甲公司）" / "E1 (甲公司)").
(deftemplate CHECKS::credit-code-shared
  (slot code (type STRING))
  (slot id (type STRING))
  (slot msg (type SYMBOL) (default nil))
  (multislot args))

(defrule CHECKS::credit-code-first-holder
  "The first enterprise met with each credit code."
  (enterprise (id ?a) (credit-code ?c))
  (not (credit-code-holder (code ?c)))
  =>
  (assert (credit-code-holder (code ?c) (id ?a))))

(defrule CHECKS::credit-code-repeated
  "Another enterprise with a code already held: both share it."
  (credit-code-holder (code ?c) (id ?a))
  (enterprise (id ?b&~?a) (credit-code ?c) (name ?nb))
  (enterprise (id ?a) (name ?na))
  =>
  (assert (credit-code-shared (code ?c) (id ?a) (msg credit-code-repeated) (args ?a ?na)))
  (assert (credit-code-shared (code ?c) (id ?b) (msg credit-code-repeated) (args ?b ?nb))))

;;; For sort: TRUE when shared-code fact ?x comes after ?y (by code, then id, in byte order).
(deffunction CHECKS::shared-after (?x ?y)
  (bind ?k (str-compare (fact-slot-value ?x code) (fact-slot-value ?y code)))
  (or (> ?k 0)
      (and (= ?k 0) (> (str-compare (fact-slot-value ?x id) (fact-slot-value ?y id)) 0))))

(defrule CHECKS::duplicate-enterprise
  "One enterprise listed twice (the same credit code under two ids) counts twice wherever
   enterprises are counted. One flag per shared code, naming every enterprise that carries it."
  (declare (salience -10)) ; after every enterprise has been compared with its code's holder
  (exists (credit-code-shared))
  =>
  (bind ?fs (sort shared-after (find-all-facts ((?s credit-code-shared)) TRUE)))
  (bind ?codes (slot-values$ ?fs code))
  (bind ?ids (slot-values$ ?fs id))
  (bind ?n (length$ ?codes))
  (bind ?from 1)
  ;; One pass over the sorted facts; a code's enterprises are the run ?from .. ?i - 1.
  (loop-for-count (?i 2 (+ ?n 1))
    (if (or (> ?i ?n) (neq (nth$ ?i ?codes) (nth$ ?from ?codes))) then
      (bind ?to (- ?i 1))
      (bind ?k (+ (- ?to ?from) 1))
      (bind ?c (nth$ ?from ?codes))
      (if (> ?k 1) then (assert (flag (code duplicate-enterprise) (severity warning) (rule duplicate-enterprise)
        (evidence (subseq$ ?ids ?from ?to))
        ;; "A（甲）、B（乙）与 C（丙）" / "A (甲), B (乙) and C (丙)": the labels but the last, and the last.
        (msg duplicate-enterprise)
        (args ?c ?k (> ?k 2) < duplicate-enterprise.list (findings$ (subseq$ ?fs ?from (- ?to 1))) >
              (findings$ (subseq$ ?fs ?to ?to))))))
      (bind ?from ?i))))

(defrule CHECKS::member-without-identity
  "An alliance member is a chain enterprise (ref) or a named outside organisation."
  (party (of ?id) (relation member) (ref "") (name "") (kind ?k))
  =>
  (assert (flag (code member-unnamed) (severity warning) (rule member-without-identity)
    (evidence ?id)
    (msg member-without-identity) (args ?id ?k))))

(defrule CHECKS::evidence-without-document
  "Every piece of evidence should point at a supporting document (<doc>)."
  (declare (salience -10)) ; reads every evidence fact once, after the rules above
  (project)
  =>
  ;; The evidence facts in the order they were asserted (the input's), those with docs 0.
  (bind ?ids (slot-values$ (group-by$ (facts-of$ (templates-with$ (create$ docs id))) docs
                                      (create$ 0))
                           id))
  (bind ?n (length$ ?ids))
  (if (> ?n 0) then
    (assert (flag (code no-document) (severity info) (rule evidence-without-document)
      (evidence ?ids)
      (msg evidence-without-document) (args ?n < evidence-without-document.ids ?ids >)))))

;;; ---- the attachments (--attachments DIR): a document a piece of evidence cites by its file
;;; name should be in the application's package. Without the option no attachment fact exists
;;; and this rule never fires.

(defrule CHECKS::attachment-missing
  "A <doc file> that is not a regular file of the attachments folder: missing, something else
   of that name (a folder, a link), or a name that cannot be in the folder (absolute, ..)."
  (attachment (evidence ?id) (file ?f) (status ?s) (line ?l))
  =>
  (assert (flag (code attachment-missing) (severity warning) (rule attachment-missing)
    (evidence ?id)
    (msg attachment-missing) (args ?id ?f ?s ?l))))

;;; ---- dates after the day of the run. A result cannot have happened yet, and a yearly value
;;; for a year that is not over is a forecast. The importer marks such evidence window
;;; `future`, so no indicator counts it, and leaves such values out of every measured change;
;;; these rules say so. They are errors: a date in the future is a typing mistake or an
;;; attempt to score with what has not happened, and either way a reviewer must look.

(defrule CHECKS::evidence-dated-in-future
  "Evidence dated after the day of the run (window future) is counted nowhere."
  (declare (salience -10))
  (today (date ?today))
  =>
  (progn$ (?f (group-by$ (facts-of$ (templates-with$ (create$ window id date))) window
                         (create$ future)))
    (bind ?id (fact-slot-value ?f id))
    (assert (flag (code future-date) (severity error) (rule evidence-dated-in-future)
      (evidence ?id)
      (msg evidence-dated-in-future) (args ?id (fact-slot-value ?f date) ?today)))))

(defrule CHECKS::work-start-in-future
  "A project whose work starts after today can have no results."
  (window (start ?s) (start-day ?sd))
  (today (date ?today) (day ?td&:(> ?sd ?td)))
  =>
  (assert (flag (code work-start-future) (severity error) (rule work-start-in-future)
    (msg work-start-in-future) (args ?s ?today))))

(defrule CHECKS::value-for-a-year-not-over
  "A yearly value is final only once the year is over; the importer leaves such values out of
   every measured change."
  (metric-value (metric ?m) (year ?y) (line ?l))
  (today (date ?today) (year ?ty&:(>= ?y ?ty)))
  =>
  (assert (flag (code future-year) (severity error) (rule value-for-a-year-not-over)
    (evidence ?m)
    (msg value-for-a-year-not-over) (args ?m ?y ?today ?l))))

;;; ---- the applicant's own scores (自评分) against the maxima. The official headings print
;;; 质量举措 (60分) and 质量成效 (40分), swapped: an applicant who trusts them can claim more than
;;; section 1's items allow.

(defrule CHECKS::self-score-over-maximum
  "An indicator cannot score more than its maximum."
  (self-score (indicator ?i) (points ?p))
  (indicator (id ?i) (name ?n) (max ?m&:(> ?p ?m)))
  =>
  (assert (flag (indicator ?i) (code self-score-over-maximum) (severity error)
    (rule self-score-over-maximum)
    (msg self-score-over-maximum) (args ?i ?n ?p ?m))))

(defrule CHECKS::self-section-over-maximum
  "A section cannot score more than the sum of its items."
  (section (id ?s) (name ?n) (official-max ?om))
  (exists (self-score))
  =>
  (bind ?sum 0.0) (bind ?max 0)
  (do-for-all-facts ((?i indicator)) (eq ?i:section ?s)
    (bind ?max (+ ?max ?i:max))
    (do-for-fact ((?x self-score)) (eq ?x:indicator ?i:id) (bind ?sum (+ ?sum ?x:points))))
  (if (> ?sum ?max) then
    (assert (flag (code self-section-over-maximum) (severity error) (rule self-section-over-maximum)
      (msg self-section-over-maximum) (args ?s ?n ?sum ?max ?om (neq ?om ?max))))))

(defrule CHECKS::self-total-checked
  "A stated total must not exceed 105 and should be the sum of the stated scores."
  (self-total (points ?t))
  =>
  (bind ?sum 0.0) (bind ?max 0) (bind ?n 0)
  (do-for-all-facts ((?i indicator)) TRUE (bind ?max (+ ?max ?i:max)))
  (do-for-all-facts ((?x self-score)) TRUE (bind ?sum (+ ?sum ?x:points)) (bind ?n (+ ?n 1)))
  (if (> ?t ?max) then
    (assert (flag (code self-total-over-maximum) (severity error) (rule self-total-checked)
      (msg self-total-checked) (args ?t ?max))))
  (if (and (> ?n 0) (> (abs (- ?t ?sum)) 0.01)) then
    (assert (flag (code self-total-mismatch) (severity warning) (rule self-total-checked)
      (msg self-total-checked.mismatch) (args ?t ?sum)))))
