;;; 03-decide.clp -- choosing one band per indicator, the same way for every indicator.
;;;
;;; The indicator files (one module each) only state facts about the evidence: which
;;; conditions of which band hold (held), which strengthening factors are present
;;; (factor), what does not count (excluded), what a reviewer should check (flag).
;;; The engine then gives DECIDE the focus, and the rules below apply the one method:
;;;
;;;   a band is met when every condition the scorer decomposed it into is held;
;;;   the band chosen is the highest band met (exactly one per indicator, or none);
;;;   the gaps are the conditions of the next band up that are not held.
;;;
;;; Points inside the chosen band are placed by the engine (see docs/ARCHITECTURE.md,
;;; "Placement"): band minimum plus the points of each factor-def of that band that is shown,
;;; by a factor fact with its id or, when it names a condition of a higher band, by a held fact
;;; of that condition; capped at the band maximum.
;;;
;;; Salience is used only here, to order the three steps inside one module: bands are
;;; met (0) before the highest is chosen (-10), before gaps are read off the choice (-20).

(defmodule DECIDE (import MAIN ?ALL))

(defrule DECIDE::band-met
  "A band is met when each of its conditions is held by at least one fact."
  (condition (indicator ?i) (level ?l))
  (not (band-met (indicator ?i) (level ?l)))
  (forall (condition (indicator ?i) (level ?l) (id ?c))
          (held (indicator ?i) (condition ?c)))
  =>
  (assert (band-met (indicator ?i) (level ?l))))

(defrule DECIDE::select-band
  "The band chosen is the highest band whose conditions all hold."
  (declare (salience -10))
  (band-met (indicator ?i) (level ?l))
  (not (band-met (indicator ?i) (level ?h&:(> ?h ?l))))
  =>
  (assert (choice (indicator ?i) (level ?l) (rule select-band))))

(defrule DECIDE::gap-to-next-band
  "What is missing for the band above the one chosen: its conditions not held."
  (declare (salience -20))
  (choice (indicator ?i) (level ?l))
  (condition (indicator ?i) (level ?n&:(= ?n (+ ?l 1))) (id ?c) (text ?t) (text-en ?te))
  (not (held (indicator ?i) (condition ?c)))
  =>
  (assert (gap (indicator ?i) (level ?n) (condition ?c) (text ?t) (text-en ?te))))

(defrule DECIDE::gap-to-lowest-band
  "No band met: what is missing for the lowest band."
  (declare (salience -20))
  (condition (indicator ?i) (level 1) (id ?c) (text ?t) (text-en ?te))
  (not (choice (indicator ?i)))
  (not (held (indicator ?i) (condition ?c)))
  =>
  (assert (gap (indicator ?i) (level 1) (condition ?c) (text ?t) (text-en ?te))))
