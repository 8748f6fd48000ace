;;; 04-checks.clp -- flags about the submission's data that belong to no single indicator.
;;;
;;; These rules never change a score; they tell the reviewer what to look at. A flag of
;;; severity error makes the triage 'review' whatever the total.

(defmodule CHECKS (import MAIN ?ALL))

(defrule CHECKS::credit-code-check-character
  "统一社会信用代码 (GB 32100-2015): the 18th character is a check character computed from
   the first 17. A wrong one means the code was mistyped or invented."
  (enterprise (id ?id) (name ?name) (credit-code ?code) (credit-code-ok no)
              (credit-code-check ?expected))
  =>
  (assert (flag (code credit-code-check) (severity error) (rule credit-code-check-character)
    (evidence ?id)
    (text (str-cat ?name " 的统一社会信用代码 " ?code " 校验位错误（按前17位应为 " ?expected
                   "），请核对企业身份"))
    (text-en (str-cat "the unified social credit code " ?code " of " ?name
                      " has a wrong check character (the first 17 call for " ?expected
                      "); check the enterprise's identity")))))
