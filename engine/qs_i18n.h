/* qs_i18n.h -- the interface's two languages.
 *
 * Every message the tool prints itself (diagnostics, headings, labels) is an entry of one
 * table with a Chinese and an English text, so a message cannot exist in one language only.
 * Texts from the rules (reasons, gaps, flags) carry both languages in their facts; the
 * official rubric wording is Chinese in both languages. */
#ifndef QS_I18N_H
#define QS_I18N_H

typedef enum { QS_LANG_ZH = 0, QS_LANG_EN = 1 } qs_lang;

typedef enum {
  /* diagnostics */
  QS_M_ERROR,
  QS_M_WARNING,
  QS_M_CANNOT_READ,
  QS_M_TOO_LARGE,
  QS_M_EMPTY,
  QS_M_DOCTYPE,
  QS_M_TOO_MANY_ELEMENTS,
  QS_M_TOO_MANY_ITEMS,
  QS_M_TOO_MANY_ATTRIBUTES,
  QS_M_TOO_DEEP,
  QS_M_XINCLUDE,
  QS_M_WRONG_EDITION,
  QS_M_DUPLICATE_ID,
  QS_M_NOT_XML,
  QS_M_WRONG_ROOT,
  QS_M_SCHEMA,
  QS_M_MORE_ERRORS,
  QS_M_RULES_LOAD,
  QS_M_RULES_DIR,
  QS_M_RULES_NONE,
  QS_M_RUBRIC,
  QS_M_RULES_RUN,
  QS_M_RULES_CAP,
  QS_M_RULES_DEADLINE,
  QS_M_RULES_DEADLINE_LOOP,
  QS_M_LIMIT_FIRINGS,
  QS_M_LIMIT_SECONDS,
  QS_M_LIMIT_WHERE,
  QS_M_RULES_CONFLICT,
  QS_M_RULE_AT,
  QS_M_RULES_UNKNOWN_REF,
  QS_M_RULES_TEMPLATE,
  QS_M_RULES_FINDING,
  QS_M_RULES_PLACEMENT,
  QS_M_PARAM_UNKNOWN,
  QS_M_PARAM_VALUE,
  QS_M_PARAM_RANGE,
  QS_M_PARAM_SYNTAX,
  /* report */
  QS_M_NOT_SCORED,
  QS_M_NO_BAND,
  QS_M_INCOMPLETE,
  QS_M_ERROR_FLAGS,
  QS_M_PROJECT,
  QS_M_REGION,
  QS_M_CHAIN,
  QS_M_WORK_START,
  QS_M_WINDOW,
  QS_M_TOTAL,
  QS_M_TRIAGE,
  QS_M_INDICATOR,
  QS_M_POINTS,
  QS_M_BAND,
  QS_M_REASONS,
  QS_M_PLACEMENT,
  QS_M_GAPS,
  QS_M_EXCLUDED,
  QS_M_FLAGS,
  QS_M_SECTION,
  QS_M_NOT_SCORED_SHORT,
  QS_M_NONE,
  QS_M_BASE,
  QS_M_CAPPED,
  QS_M_NEXT_BAND,
  QS_M_TRIAGE_RECOMMEND,
  QS_M_TRIAGE_REVIEW,
  QS_M_TRIAGE_REJECT,
  QS_M_VALID,
  QS_M_INVALID,
  QS_M_NOT_CHECKED,
  QS_M_SUBMISSION_FLAGS,
  QS_M_SELF,
  QS_M_VALID_WITH_ERRORS,
  QS_M_AS_OF,
  /* writing outputs */
  QS_M_CANNOT_WRITE,
  QS_M_FILE_IS_LINK,
  QS_M_FILE_NOT_REGULAR,
  QS_M_STDOUT,
  /* the batch output folder */
  QS_M_OUT_FOREIGN,
  QS_M_OUT_BUSY,
  QS_M_OUT_LINK,
  QS_M_OUT_NOT_OURS,
  QS_M_OUT_CANNOT_MAKE,
  /* batch inputs */
  QS_M_SKIP_LINK,
  QS_M_SKIP_DEEP,
  QS_M_SKIP_SPECIAL,
  QS_M_SKIP_OUT,
  QS_M_NOTHING_TO_SCORE,
  QS_M_INTERRUPTED,
  QS_M_WRITE_FAILED,
  QS_M_AS_OF_VALUE,
  QS_M__COUNT
} qs_msg;

/* A printf format or a plain text, in the language asked for. */
const char *qs_msg_get(qs_lang lang, qs_msg id);
/* The system's reason for an errno value in lang (Chinese for the common ones; else libc's). */
const char *qs_strerror(qs_lang lang, int err);
/* Parse "zh" / "en"; returns -1 for anything else. */
int qs_lang_parse(const char *s, qs_lang *out);
/* A parameter's unit (written in Chinese by the rules) in lang, with its leading space in
 * English ("家" -> " enterprises"). */
const char *qs_unit(qs_lang lang, const char *unit);

#endif
