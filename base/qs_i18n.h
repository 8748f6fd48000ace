/* qs_i18n.h -- the interface's two languages.
 *
 * Every message the tool prints itself (diagnostics, headings, labels, help) is a qs_msg, and
 * its words are the entry ui.NAME of the catalogs i18n/zh.txt and i18n/en.txt (QS_M_CANNOT_READ
 * is ui.cannot-read; the catalogs' format is in qs_finding.h), beside the words of the rules'
 * findings: a translator edits only the catalogs, never C. tests/test_i18n.c checks that every
 * message has its entry in both languages with the same printf conversions, in the same order,
 * and that every ui entry is a message. The official rubric wording is Chinese in both
 * languages.
 *
 * C code does not choose between two literals by language: a new message is a QS_M_ here, its
 * id in qs_i18n.c, and an entry in each catalog; a new column of the batch tables is a key of
 * qs_column_keys (engine/render_csv.c) and its title column.KEY in each catalog. */
#ifndef QS_I18N_H
#define QS_I18N_H

#include <stddef.h>

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
  /* usage and help (main.c, cli.c, cmd_*.c) */
  QS_M_USAGE_HINT,
  QS_M_OPTION_NEEDS_VALUE,
  QS_M_UNKNOWN_OPTION,
  QS_M_UNKNOWN_COMMAND,
  QS_M_TRIAGE_ORDER,
  QS_M_SCORE_FORMAT,
  QS_M_SCORE_ONE_FILE,
  QS_M_STYLESHEET_HTML,
  QS_M_STYLESHEET_UNUSABLE,
  QS_M_STYLESHEET_FAILED,
  QS_M_EXPLAIN_ONE_FILE,
  QS_M_EXPLAIN_NO_FORMAT,
  QS_M_NO_INDICATOR,
  QS_M_RUBRIC_FORMAT,
  QS_M_RUBRIC_NO_FILE,
  QS_M_VALIDATE_NO_FILE,
  QS_M_HELP,
  QS_M_HELP_SCORE,
  QS_M_HELP_EXPLAIN,
  QS_M_HELP_VALIDATE,
  QS_M_HELP_BATCH,
  QS_M_HELP_RUBRIC,
  /* what a parameter's value needs (QS_M_PARAM_VALUE), what a rule refers to
   * (QS_M_RULES_UNKNOWN_REF) */
  QS_M_AN_INTEGER,
  QS_M_A_NUMBER,
  QS_M_REF_INDICATOR,
  QS_M_REF_RULE,
  QS_M_REF_EVIDENCE,
  QS_M_REF_BAND,
  /* the text report and the rubric (render_text.c) */
  QS_M_DATES,
  QS_M_TRIAGE_SHOWN_RECOMMEND,
  QS_M_TRIAGE_SHOWN_REVIEW,
  QS_M_TRIAGE_SHOWN_REJECT,
  QS_M_RUBRIC_OFFICIAL_MAX,
  QS_M_RUBRIC_NOT_SCORED,
  QS_M_RUBRIC_PARAMETERS,
  QS_M_RUBRIC_VALUE,
  QS_M_RUBRIC_DEFAULT,
  /* explain (render_explain.c) */
  QS_M_EXPLAIN_HEAD,
  QS_M_EXPLAIN_LEGEND,
  QS_M_EXPLAIN_NOT_SCORED,
  QS_M_EXPLAIN_BAND,
  QS_M_EXPLAIN_CHOSEN,
  QS_M_EXPLAIN_MET_HIGHER,
  QS_M_EXPLAIN_NOT_MET,
  QS_M_EXPLAIN_PLACEMENT,
  QS_M_EXPLAIN_CAPPED,
  QS_M_EXPLAIN_NO_BAND,
  QS_M_EXPLAIN_TO_REACH,
  QS_M_EXPLAIN_NOT_COUNTED,
  QS_M_EXPLAIN_FLAGS,
  QS_M_EXPLAIN_PARAMETERS,
  QS_M_EXPLAIN_RULES_FIRED,
  QS_M_EXPLAIN_NO_RULES_FIRED,
  QS_M_EXPLAIN_SUBMISSION_FLAGS,
  /* qscore batch: the driver (batch.c), the table (batch_table.c), the command (cmd_batch.c) */
  QS_M_BATCH_TIMEOUT,
  QS_M_BATCH_CRASHED,
  QS_M_BATCH_EXITED,
  QS_M_BATCH_PROGRESS,
  QS_M_BATCH_MISSING,
  QS_M_BATCH_NO_INPUT,
  QS_M_BATCH_NO_FORMAT,
  QS_M_BATCH_CANNOT_START,
  QS_M_BATCH_RULES_FAILED,
  QS_M_BATCH_SUMMARY,
  QS_M_BATCH_WRITE_FAILURES,
  QS_M_LIST_SEPARATOR,
  /* triage.xlsx (render_xlsx.c) */
  QS_M_XLSX_CUT,
  QS_M_XLSX_CANNOT_LOAD,
  QS_M_XLSX_TITLE,
  QS_M_SHEET_RANKING,
  QS_M_SHEET_FLAGS,
  QS_M_SHEET_NOT_SCORED,
  /* index.html of a batch (render_index.c) */
  QS_M_INDEX_TITLE,
  QS_M_INDEX_HEADING,
  QS_M_INDEX_COUNT_FILES,
  QS_M_INDEX_COUNT_SCORED,
  QS_M_INDEX_COUNT_RECOMMEND,
  QS_M_INDEX_COUNT_REVIEW,
  QS_M_INDEX_COUNT_REJECT,
  QS_M_INDEX_COUNT_NOT_SCORED,
  QS_M_INDEX_TOTALS,
  QS_M_INDEX_PROVINCES,
  QS_M_INDEX_RANKING,
  QS_M_INDEX_NOT_SCORED,
  QS_M_INDEX_DUPLICATE,
  QS_M_INDEX_REPORT_LINK,
  /* the xlsx reader (intake/qs_xlsx_read.c) */
  QS_M_XLSX_AT_LINE,
  QS_M_XLSX_AT_PART,
  QS_M_XLSX_NOT_ZIP,
  QS_M_XLSX_ZIP_DAMAGED,
  QS_M_XLSX_FILE_TOO_LARGE,
  QS_M_XLSX_TOO_MANY_ENTRIES,
  QS_M_XLSX_PART_MISSING,
  QS_M_XLSX_PART_UNREADABLE,
  QS_M_XLSX_PART_TOO_LARGE,
  QS_M_XLSX_PART_INFLATES,
  QS_M_XLSX_TOTAL_TOO_LARGE,
  QS_M_XLSX_NO_WORKBOOK,
  QS_M_XLSX_XML,
  QS_M_XLSX_DOCTYPE,
  QS_M_XLSX_TOO_MANY_SHEETS,
  QS_M_XLSX_SHEET_REL,
  QS_M_XLSX_BAD_ROW,
  QS_M_XLSX_BAD_REF,
  QS_M_XLSX_TOO_MANY_ROWS,
  QS_M_XLSX_TOO_MANY_CELLS,
  QS_M_XLSX_TOO_MANY_STRINGS,
  QS_M_XLSX_CELL_TOO_LONG,
  QS_M_XLSX_BAD_STRING,
  QS_M_XLSX_DUPLICATE_CELL,
  /* --attachments DIR (cli.c) */
  QS_M_ATTACHMENTS_DIR,
  /* the intake workbook (intake/, src/cmd_intake.c) */
  QS_M_HELP_TEMPLATE,
  QS_M_HELP_EXPORT,
  QS_M_HELP_IMPORT,
  QS_M_INTAKE_NEEDS_FILE,
  QS_M_INTAKE_EXPORT_NEEDS_OUTPUT,
  QS_M_INTAKE_BOOK,
  QS_M_INTAKE_NOT_WRITTEN,
  QS_M_INTAKE_CELL,
  QS_M_INTAKE_ROW,
  QS_M_INTAKE_SHEET,
  QS_M_INTAKE_BAD_ENUM,
  QS_M_INTAKE_BAD_DATE,
  QS_M_INTAKE_BAD_NUMBER,
  QS_M_INTAKE_BAD_INTEGER,
  QS_M_INTAKE_CREDIT_CHECK,
  QS_M_INTAKE_CREDIT_SHAPE,
  QS_M_INTAKE_MISSING_COLUMN,
  QS_M_INTAKE_REQUIRED,
  QS_M_INTAKE_DUPLICATE_ID,
  QS_M_INTAKE_UNKNOWN_REF,
  QS_M_INTAKE_UNKNOWN_PARENT,
  QS_M_INTAKE_MISSING_SHEET,
  QS_M_INTAKE_NO_ROW,
  QS_M_INTAKE_ONE_ROW,
  QS_M_INTAKE_PARENT_COL,
  QS_M_INTAKE_REQ,
  QS_M_INTAKE_REQ_GROUP,
  QS_M_INTAKE_OPT,
  QS_M_INTAKE_EXAMPLE,
  QS_M_INTAKE_T_TEXT,
  QS_M_INTAKE_T_DATE,
  QS_M_INTAKE_T_INT,
  QS_M_INTAKE_T_DEC,
  QS_M_INTAKE_T_ID,
  QS_M_INTAKE_T_REF,
  QS_M_INTAKE_T_LIST,
  QS_M_INTAKE_T_DEFAULT,
  QS_M_INTAKE_T_PARENT,
  QS_M_INTAKE_LISTS_SHEET,
  QS_M_INTAKE_GUIDE_SHEET,
  QS_M_INTAKE_TITLE,
  QS_M_INTAKE_GUIDE,
  QS_M_INTAKE_GUIDE_ROW,
  QS_M_INTAKE_GUIDE_CHILD,
  QS_M_INTAKE_CONTROL,
  /* names of codes, places in a file, suggestions (qs_diag.c, render_*.c, main.c) */
  QS_M_CODE_NAMED,
  QS_M_AT_LINE,
  QS_M_CUT_BYTES,
  QS_M_SYSTEM_ERROR,
  QS_M_DID_YOU_MEAN,
  QS_M_RUBRIC_RULES,
  QS_M_CACHE_UNREADABLE,
  QS_M_VERBOSE_RULES,
  QS_M_UNKNOWN_HELP,
  QS_M_RULES_BUILT_IN,
  /* what is wrong with a rubric (engine/qs_rubric.c, through QS_M_RUBRIC) */
  QS_M_RUBRIC_EDITIONS,
  QS_M_RUBRIC_BAND_INDICATOR,
  QS_M_RUBRIC_CONDITION_INDICATOR,
  QS_M_RUBRIC_FACTOR_INDICATOR,
  QS_M_RUBRIC_SECTION_TWICE,
  QS_M_RUBRIC_NO_INDICATORS,
  QS_M_RUBRIC_INDICATOR_TWICE,
  QS_M_RUBRIC_SAME_ORDER,
  QS_M_RUBRIC_UNKNOWN_SECTION,
  QS_M_RUBRIC_MAX_POSITIVE,
  QS_M_RUBRIC_NO_BANDS,
  QS_M_RUBRIC_BAND_NUMBERS,
  QS_M_RUBRIC_BAND_RANGE,
  QS_M_RUBRIC_BAND_OVERLAP,
  QS_M_RUBRIC_TOP_BAND,
  QS_M_RUBRIC_CONDITION_BAND,
  QS_M_RUBRIC_CONDITION_TWICE,
  QS_M_RUBRIC_BAND_NO_CONDITIONS,
  QS_M_RUBRIC_FACTOR_BAND,
  QS_M_RUBRIC_FACTOR_REFERS,
  QS_M_RUBRIC_FACTOR_POINTS,
  QS_M_RUBRIC_FACTOR_TWICE,
  QS_M_RUBRIC_FACTORS_REACH,
  QS_M_RUBRIC_PARAM_TWICE,
  QS_M_RUBRIC_PARAM_DEFAULT,
  QS_M_RUBRIC_PARAM_MISSING,
  /* libxml2's messages in words of the catalogs (qs_xml_message): the English entry is
   * libxml2's own text, each %s a part taken from the message */
  QS_M_XML_AT_ATTRIBUTE,
  QS_M_XML_AT_ELEMENT,
  QS_M_XML_ATOMIC,
  QS_M_XML_LOCAL_ATOMIC,
  QS_M_XML_LIST,
  QS_M_XML_ENUMERATION,
  QS_M_XML_PATTERN,
  QS_M_XML_MAX_LENGTH,
  QS_M_XML_MAX_LENGTH_VALUE,
  QS_M_XML_MIN_LENGTH,
  QS_M_XML_MIN_LENGTH_VALUE,
  QS_M_XML_MIN_INCLUSIVE,
  QS_M_XML_MAX_INCLUSIVE,
  QS_M_XML_MIN_EXCLUSIVE,
  QS_M_XML_MAX_EXCLUSIVE,
  QS_M_XML_TOTAL_DIGITS,
  QS_M_XML_FRACTION_DIGITS,
  QS_M_XML_NOT_EXPECTED_ONE_OF,
  QS_M_XML_NOT_EXPECTED_IS,
  QS_M_XML_NOT_EXPECTED,
  QS_M_XML_MISSING_CHILD_ONE_OF,
  QS_M_XML_MISSING_CHILD,
  QS_M_XML_ATTRIBUTE_REQUIRED,
  QS_M_XML_ATTRIBUTE_NOT_ALLOWED,
  QS_M_XML_KEYREF,
  QS_M_XML_DUPLICATE_UNIQUE,
  QS_M_XML_DUPLICATE_KEY,
  QS_M_XML_KEY_FIELDS,
  QS_M_XML_ELEMENT_ONLY,
  QS_M_XML_SIMPLE_CONTENT,
  QS_M_XML_NO_ROOT,
  QS_M_XML_PREMATURE_END,
  QS_M_XML_START_TAG,
  QS_M_XML_TAG_MISMATCH,
  QS_M_XML_EXTRA_CONTENT,
  QS_M_XML_CHAR_REF,
  QS_M_XML_NOT_UTF8,
  QS_M_XML_START_TAG_END,
  QS_M_XML_ENTITY_SEMICOLON,
  QS_M_XML_ENTITY_UNDEFINED,
  QS_M_XML_ATTRIBUTES_CONSTRUCT,
  QS_M_XML_ATTRIBUTE_REDEFINED,
  QS_M_XML_ATTRIBUTE_VALUE,
  QS_M_XML_ATTRIBUTE_QUOTE,
  QS_M_XML_ATTRIBUTE_LT,
  QS_M_XML_DOCUMENT_EMPTY,
  QS_M_XML_CHAR_RANGE,
  QS_M_XML_PCDATA_CHAR,
  QS_M_XML_COMMENT,
  QS_M_XML_ELEMENT_NAME,
  QS_M_XML_EXPECTED_GT,
  QS_M_XML_UTF16_UTF8,
  QS_M_XML_ENCODING,
  QS_M_XML_BLANK,
  QS_M_XML_STRING_NOT_CLOSED,
  /* index.html for print and for finding rows (issue 15) */
  QS_M_INDEX_PARAMS,
  QS_M_INDEX_PARAMS_DEFAULT,
  QS_M_INDEX_RULES,
  QS_M_INDEX_LEGEND,
  QS_M_INDEX_FILTER,
  QS_M_INDEX_FILTER_ALL,
  QS_M_XLSX_FOOTER,
  QS_M__COUNT
} qs_msg;

/* A printf format or a plain text, in the language asked for (kept for the life of the
 * process). */
const char *qs_msg_get(qs_lang lang, qs_msg id);
/* A message's catalog id ("ui.cannot-read"), NULL for no message. */
const char *qs_msg_id(qs_msg id);
/* The system's reason for an errno value in lang: the catalog's errno.NAME for the common ones
 * (Chinese in zh.txt), else libc's. */
const char *qs_strerror(qs_lang lang, int err);
/* The name of an errno value the catalogs have words for ("ENOENT"), else NULL. */
const char *qs_errno_name(int err);
/* Parse "zh" / "en"; returns -1 for anything else. */
int qs_lang_parse(const char *s, qs_lang *out);
/* A message of libxml2 (a parse or schema error) in words of lang: the message matched against
 * the English texts of the ui.xml-* entries (libxml2's own, each %s standing for a part of the
 * message) and put into lang's words with the same parts; the message as it is when no entry
 * matches. Free the result. */
char *qs_xml_message(qs_lang lang, const char *message);
/* The code of a language, as --lang takes it: "zh", "en". */
/* A text of a model that carries both languages (a rubric name, a finding's words): the English
 * one in English when there is one, else the Chinese; never NULL. */
static inline const char *qs_pick(qs_lang lang, const char *zh, const char *en) {
  return lang == QS_LANG_EN && en && en[0] ? en : zh ? zh : "";
}
const char *qs_lang_code(qs_lang lang);
/* The language's tag for an HTML page's lang attribute (BCP 47): "zh-CN", "en". */
const char *qs_lang_tag(qs_lang lang);
/* A parameter's unit (written in Chinese by the rules) in lang: the catalog's unit.UNIT, with
 * its leading space in English ("家" -> " enterprises"); the unit itself when there is none. */
const char *qs_unit(qs_lang lang, const char *unit);
/* The name in lang of a code of one of the catalog's word tables: the catalog's TABLE.CODE
 * ("severity.warning" -> 警告, "flag.claim-mismatch", "triage.review", "kind.chain-chief"),
 * ready to print; the code itself when the catalog has no such entry. Never NULL; the text
 * lives until the process ends. */
const char *qs_word(qs_lang lang, const char *table, const char *code);
/* A code shown with its name, as every human-readable output shows one: "名称（code）"
 * (ui.code-named), the code alone when the catalog has no name for it. Never NULL; the text
 * lives until the process ends. */
const char *qs_word_coded(qs_lang lang, const char *table, const char *code);
/* The edit distance (Damerau-Levenshtein, optimal string alignment) between a and b counted in
 * UTF-8 code points, or more than max when it exceeds max (the work stays bounded). */
size_t qs_edit_distance(const char *a, const char *b, size_t max);
/* The candidate nearest to s when it is near enough to be what the user meant (a distance of
 * at most 1 for up to 4 code points, 2 up to 8, 3 beyond), the first of equals; NULL when
 * none is. */
const char *qs_nearest(const char *s, const char *const *candidates, size_t n);

#endif
