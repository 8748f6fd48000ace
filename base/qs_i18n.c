/* qs_i18n.c -- the interface's words, read from the catalogs i18n/zh.txt and i18n/en.txt
 * (qs_finding.h): a message's text is the entry ui.NAME, a unit's unit.UNIT, a system error's
 * errno.NAME. A translator edits the catalogs, never this file. */
#include "qs_i18n.h"

#include <errno.h>
#include <string.h>

#include "qs_finding.h"
#include "qs_util.h"

/* Each message's catalog id: ui. and its name, lower case, "-" for "_". */
static const char *const ids[QS_M__COUNT] = {
    [QS_M_ERROR] = "ui.error",
    [QS_M_WARNING] = "ui.warning",
    [QS_M_CANNOT_READ] = "ui.cannot-read",
    [QS_M_TOO_LARGE] = "ui.too-large",
    [QS_M_EMPTY] = "ui.empty",
    [QS_M_DOCTYPE] = "ui.doctype",
    [QS_M_TOO_MANY_ELEMENTS] = "ui.too-many-elements",
    [QS_M_TOO_MANY_ITEMS] = "ui.too-many-items",
    [QS_M_TOO_MANY_ATTRIBUTES] = "ui.too-many-attributes",
    [QS_M_TOO_DEEP] = "ui.too-deep",
    [QS_M_XINCLUDE] = "ui.xinclude",
    [QS_M_WRONG_EDITION] = "ui.wrong-edition",
    [QS_M_DUPLICATE_ID] = "ui.duplicate-id",
    [QS_M_NOT_XML] = "ui.not-xml",
    [QS_M_WRONG_ROOT] = "ui.wrong-root",
    [QS_M_SCHEMA] = "ui.schema",
    [QS_M_MORE_ERRORS] = "ui.more-errors",
    [QS_M_RULES_LOAD] = "ui.rules-load",
    [QS_M_RULES_DIR] = "ui.rules-dir",
    [QS_M_RULES_NONE] = "ui.rules-none",
    [QS_M_RUBRIC] = "ui.rubric",
    [QS_M_RULES_RUN] = "ui.rules-run",
    [QS_M_RULES_CAP] = "ui.rules-cap",
    [QS_M_RULES_DEADLINE] = "ui.rules-deadline",
    [QS_M_RULES_DEADLINE_LOOP] = "ui.rules-deadline-loop",
    [QS_M_LIMIT_FIRINGS] = "ui.limit-firings",
    [QS_M_LIMIT_SECONDS] = "ui.limit-seconds",
    [QS_M_LIMIT_WHERE] = "ui.limit-where",
    [QS_M_RULES_CONFLICT] = "ui.rules-conflict",
    [QS_M_RULE_AT] = "ui.rule-at",
    [QS_M_RULES_UNKNOWN_REF] = "ui.rules-unknown-ref",
    [QS_M_RULES_TEMPLATE] = "ui.rules-template",
    [QS_M_RULES_FINDING] = "ui.rules-finding",
    [QS_M_RULES_PLACEMENT] = "ui.rules-placement",
    [QS_M_PARAM_UNKNOWN] = "ui.param-unknown",
    [QS_M_PARAM_VALUE] = "ui.param-value",
    [QS_M_PARAM_RANGE] = "ui.param-range",
    [QS_M_PARAM_SYNTAX] = "ui.param-syntax",
    [QS_M_NOT_SCORED] = "ui.not-scored",
    [QS_M_NO_BAND] = "ui.no-band",
    [QS_M_INCOMPLETE] = "ui.incomplete",
    [QS_M_ERROR_FLAGS] = "ui.error-flags",
    [QS_M_PROJECT] = "ui.project",
    [QS_M_REGION] = "ui.region",
    [QS_M_CHAIN] = "ui.chain",
    [QS_M_WORK_START] = "ui.work-start",
    [QS_M_WINDOW] = "ui.window",
    [QS_M_TOTAL] = "ui.total",
    [QS_M_TRIAGE] = "ui.triage",
    [QS_M_INDICATOR] = "ui.indicator",
    [QS_M_POINTS] = "ui.points",
    [QS_M_BAND] = "ui.band",
    [QS_M_REASONS] = "ui.reasons",
    [QS_M_PLACEMENT] = "ui.placement",
    [QS_M_GAPS] = "ui.gaps",
    [QS_M_EXCLUDED] = "ui.excluded",
    [QS_M_FLAGS] = "ui.flags",
    [QS_M_SECTION] = "ui.section",
    [QS_M_NOT_SCORED_SHORT] = "ui.not-scored-short",
    [QS_M_NONE] = "ui.none",
    [QS_M_BASE] = "ui.base",
    [QS_M_CAPPED] = "ui.capped",
    [QS_M_NEXT_BAND] = "ui.next-band",
    [QS_M_TRIAGE_RECOMMEND] = "ui.triage-recommend",
    [QS_M_TRIAGE_REVIEW] = "ui.triage-review",
    [QS_M_TRIAGE_REJECT] = "ui.triage-reject",
    [QS_M_VALID] = "ui.valid",
    [QS_M_INVALID] = "ui.invalid",
    [QS_M_NOT_CHECKED] = "ui.not-checked",
    [QS_M_SUBMISSION_FLAGS] = "ui.submission-flags",
    [QS_M_SELF] = "ui.self",
    [QS_M_VALID_WITH_ERRORS] = "ui.valid-with-errors",
    [QS_M_AS_OF] = "ui.as-of",
    [QS_M_CANNOT_WRITE] = "ui.cannot-write",
    [QS_M_FILE_IS_LINK] = "ui.file-is-link",
    [QS_M_FILE_NOT_REGULAR] = "ui.file-not-regular",
    [QS_M_STDOUT] = "ui.stdout",
    [QS_M_OUT_FOREIGN] = "ui.out-foreign",
    [QS_M_OUT_BUSY] = "ui.out-busy",
    [QS_M_OUT_LINK] = "ui.out-link",
    [QS_M_OUT_NOT_OURS] = "ui.out-not-ours",
    [QS_M_OUT_CANNOT_MAKE] = "ui.out-cannot-make",
    [QS_M_SKIP_LINK] = "ui.skip-link",
    [QS_M_SKIP_DEEP] = "ui.skip-deep",
    [QS_M_SKIP_SPECIAL] = "ui.skip-special",
    [QS_M_SKIP_OUT] = "ui.skip-out",
    [QS_M_NOTHING_TO_SCORE] = "ui.nothing-to-score",
    [QS_M_INTERRUPTED] = "ui.interrupted",
    [QS_M_WRITE_FAILED] = "ui.write-failed",
    [QS_M_AS_OF_VALUE] = "ui.as-of-value",
    [QS_M_USAGE_HINT] = "ui.usage-hint",
    [QS_M_OPTION_NEEDS_VALUE] = "ui.option-needs-value",
    [QS_M_UNKNOWN_OPTION] = "ui.unknown-option",
    [QS_M_UNKNOWN_COMMAND] = "ui.unknown-command",
    [QS_M_TRIAGE_ORDER] = "ui.triage-order",
    [QS_M_SCORE_FORMAT] = "ui.score-format",
    [QS_M_SCORE_ONE_FILE] = "ui.score-one-file",
    [QS_M_STYLESHEET_HTML] = "ui.stylesheet-html",
    [QS_M_STYLESHEET_UNUSABLE] = "ui.stylesheet-unusable",
    [QS_M_STYLESHEET_FAILED] = "ui.stylesheet-failed",
    [QS_M_EXPLAIN_ONE_FILE] = "ui.explain-one-file",
    [QS_M_EXPLAIN_NO_FORMAT] = "ui.explain-no-format",
    [QS_M_NO_INDICATOR] = "ui.no-indicator",
    [QS_M_RUBRIC_FORMAT] = "ui.rubric-format",
    [QS_M_RUBRIC_NO_FILE] = "ui.rubric-no-file",
    [QS_M_VALIDATE_NO_FILE] = "ui.validate-no-file",
    [QS_M_HELP] = "ui.help",
    [QS_M_HELP_SCORE] = "ui.help-score",
    [QS_M_HELP_EXPLAIN] = "ui.help-explain",
    [QS_M_HELP_VALIDATE] = "ui.help-validate",
    [QS_M_HELP_BATCH] = "ui.help-batch",
    [QS_M_HELP_RUBRIC] = "ui.help-rubric",
    [QS_M_AN_INTEGER] = "ui.an-integer",
    [QS_M_A_NUMBER] = "ui.a-number",
    [QS_M_REF_INDICATOR] = "ui.ref-indicator",
    [QS_M_REF_RULE] = "ui.ref-rule",
    [QS_M_REF_EVIDENCE] = "ui.ref-evidence",
    [QS_M_REF_BAND] = "ui.ref-band",
    [QS_M_DATES] = "ui.dates",
    [QS_M_TRIAGE_SHOWN_RECOMMEND] = "ui.triage-shown-recommend",
    [QS_M_TRIAGE_SHOWN_REVIEW] = "ui.triage-shown-review",
    [QS_M_TRIAGE_SHOWN_REJECT] = "ui.triage-shown-reject",
    [QS_M_RUBRIC_OFFICIAL_MAX] = "ui.rubric-official-max",
    [QS_M_RUBRIC_NOT_SCORED] = "ui.rubric-not-scored",
    [QS_M_RUBRIC_PARAMETERS] = "ui.rubric-parameters",
    [QS_M_RUBRIC_VALUE] = "ui.rubric-value",
    [QS_M_RUBRIC_DEFAULT] = "ui.rubric-default",
    [QS_M_EXPLAIN_HEAD] = "ui.explain-head",
    [QS_M_EXPLAIN_LEGEND] = "ui.explain-legend",
    [QS_M_EXPLAIN_NOT_SCORED] = "ui.explain-not-scored",
    [QS_M_EXPLAIN_BAND] = "ui.explain-band",
    [QS_M_EXPLAIN_CHOSEN] = "ui.explain-chosen",
    [QS_M_EXPLAIN_MET_HIGHER] = "ui.explain-met-higher",
    [QS_M_EXPLAIN_NOT_MET] = "ui.explain-not-met",
    [QS_M_EXPLAIN_PLACEMENT] = "ui.explain-placement",
    [QS_M_EXPLAIN_CAPPED] = "ui.explain-capped",
    [QS_M_EXPLAIN_NO_BAND] = "ui.explain-no-band",
    [QS_M_EXPLAIN_TO_REACH] = "ui.explain-to-reach",
    [QS_M_EXPLAIN_NOT_COUNTED] = "ui.explain-not-counted",
    [QS_M_EXPLAIN_FLAGS] = "ui.explain-flags",
    [QS_M_EXPLAIN_PARAMETERS] = "ui.explain-parameters",
    [QS_M_EXPLAIN_RULES_FIRED] = "ui.explain-rules-fired",
    [QS_M_EXPLAIN_NO_RULES_FIRED] = "ui.explain-no-rules-fired",
    [QS_M_EXPLAIN_SUBMISSION_FLAGS] = "ui.explain-submission-flags",
    [QS_M_BATCH_TIMEOUT] = "ui.batch-timeout",
    [QS_M_BATCH_CRASHED] = "ui.batch-crashed",
    [QS_M_BATCH_EXITED] = "ui.batch-exited",
    [QS_M_BATCH_PROGRESS] = "ui.batch-progress",
    [QS_M_BATCH_MISSING] = "ui.batch-missing",
    [QS_M_BATCH_NO_INPUT] = "ui.batch-no-input",
    [QS_M_BATCH_NO_FORMAT] = "ui.batch-no-format",
    [QS_M_BATCH_CANNOT_START] = "ui.batch-cannot-start",
    [QS_M_BATCH_RULES_FAILED] = "ui.batch-rules-failed",
    [QS_M_BATCH_SUMMARY] = "ui.batch-summary",
    [QS_M_BATCH_WRITE_FAILURES] = "ui.batch-write-failures",
    [QS_M_LIST_SEPARATOR] = "ui.list-separator",
    [QS_M_XLSX_CUT] = "ui.xlsx-cut",
    [QS_M_XLSX_CANNOT_LOAD] = "ui.xlsx-cannot-load",
    [QS_M_XLSX_TITLE] = "ui.xlsx-title",
    [QS_M_SHEET_RANKING] = "ui.sheet-ranking",
    [QS_M_SHEET_FLAGS] = "ui.sheet-flags",
    [QS_M_SHEET_NOT_SCORED] = "ui.sheet-not-scored",
    [QS_M_INDEX_TITLE] = "ui.index-title",
    [QS_M_INDEX_HEADING] = "ui.index-heading",
    [QS_M_INDEX_COUNT_FILES] = "ui.index-count-files",
    [QS_M_INDEX_COUNT_SCORED] = "ui.index-count-scored",
    [QS_M_INDEX_COUNT_RECOMMEND] = "ui.index-count-recommend",
    [QS_M_INDEX_COUNT_REVIEW] = "ui.index-count-review",
    [QS_M_INDEX_COUNT_REJECT] = "ui.index-count-reject",
    [QS_M_INDEX_COUNT_NOT_SCORED] = "ui.index-count-not-scored",
    [QS_M_INDEX_TOTALS] = "ui.index-totals",
    [QS_M_INDEX_PROVINCES] = "ui.index-provinces",
    [QS_M_INDEX_RANKING] = "ui.index-ranking",
    [QS_M_INDEX_NOT_SCORED] = "ui.index-not-scored",
    [QS_M_INDEX_DUPLICATE] = "ui.index-duplicate",
    [QS_M_INDEX_REPORT_LINK] = "ui.index-report-link",
    [QS_M_INDEX_PARAMS] = "ui.index-params",
    [QS_M_INDEX_PARAMS_DEFAULT] = "ui.index-params-default",
    [QS_M_INDEX_RULES] = "ui.index-rules",
    [QS_M_INDEX_LEGEND] = "ui.index-legend",
    [QS_M_INDEX_FILTER] = "ui.index-filter",
    [QS_M_INDEX_FILTER_ALL] = "ui.index-filter-all",
    [QS_M_XLSX_FOOTER] = "ui.xlsx-footer",
};

const char *qs_msg_id(qs_msg id) { return (int)id >= 0 && id < QS_M__COUNT ? ids[id] : NULL; }

/* The texts, read once per language and kept for the life of the process (callers keep the
 * pointer). */
const char *qs_msg_get(qs_lang lang, qs_msg id) {
  static char *texts[2][QS_M__COUNT];
  if ((int)id < 0 || id >= QS_M__COUNT || !ids[id])
    return "?";
  char **t = &texts[lang == QS_LANG_EN][id];
  if (!*t) {
    *t = qs_catalog_text(lang, ids[id]);
    /* Only a broken build lacks one (tests/test_i18n.c checks every message); say which. */
    if (!*t)
      *t = qs_xstrdup(ids[id]);
  }
  return *t;
}

/* The errors a file operation of qscore's meets in practice, by name: errno.NAME in the
 * catalogs gives the reason in each language (the Chinese interface's user does not read
 * libc's English; an empty entry keeps libc's words). */
static const struct {
  int err;
  const char *name;
} errnos[] = {
#define E(x)                                                                                       \
  { x, #x }
    E(ENOENT),    E(EACCES), E(EPERM), E(ENOSPC), E(EDQUOT), E(EFBIG),        E(EROFS),  E(EISDIR),
    E(ENOTDIR),   E(EEXIST), E(ELOOP), E(ENXIO),  E(EIO),    E(ENAMETOOLONG), E(EMFILE), E(ENFILE),
    E(ENOTEMPTY), E(EBUSY),  E(EXDEV), E(EINVAL), E(EPIPE),  E(ENOMEM),
#undef E
};
#define N_ERRNOS (sizeof errnos / sizeof *errnos)

const char *qs_errno_name(int err) {
  for (size_t i = 0; i < N_ERRNOS; i++)
    if (errnos[i].err == err)
      return errnos[i].name;
  return NULL;
}

const char *qs_strerror(qs_lang lang, int err) {
  static char *texts[2][N_ERRNOS];
  for (size_t i = 0; i < N_ERRNOS; i++) {
    if (errnos[i].err != err)
      continue;
    char **t = &texts[lang == QS_LANG_EN][i];
    if (!*t) {
      qs_buf id = {0};
      qs_buf_addf(&id, "errno.%s", errnos[i].name);
      *t = qs_catalog_text(lang, id.s);
      qs_buf_free(&id);
      if (!*t)
        *t = qs_xstrdup("");
    }
    if (**t)
      return *t;
    break;
  }
  return strerror(err);
}

int qs_lang_parse(const char *s, qs_lang *out) {
  if (strcmp(s, "zh") == 0)
    *out = QS_LANG_ZH;
  else if (strcmp(s, "en") == 0)
    *out = QS_LANG_EN;
  else
    return -1;
  return 0;
}

const char *qs_lang_code(qs_lang lang) { return lang == QS_LANG_EN ? "en" : "zh"; }

const char *qs_lang_tag(qs_lang lang) { return lang == QS_LANG_EN ? "en" : "zh-CN"; }

/* The rules write units in Chinese (they are part of the policy text); unit.UNIT in the
 * catalogs says how each language shows one. A unit without an entry is shown as the rules
 * wrote it. */
const char *qs_word(qs_lang lang, const char *table, const char *code) {
  static struct {
    qs_lang lang;
    char *table, *code, *text;
  } * cache;
  static size_t n, cap;
  if (!code)
    return "";
  for (size_t i = 0; i < n; i++)
    if (cache[i].lang == lang && strcmp(cache[i].code, code) == 0 &&
        strcmp(cache[i].table, table) == 0)
      return cache[i].text;
  qs_buf id = {0};
  qs_buf_addf(&id, "%s.%s", table, code);
  char *text = qs_catalog_text(lang, id.s);
  qs_buf_free(&id);
  qs_grow(&cache, &cap, n + 1, sizeof *cache);
  cache[n].lang = lang;
  cache[n].table = qs_xstrdup(table);
  cache[n].code = qs_xstrdup(code);
  cache[n].text = text ? text : qs_xstrdup(code);
  return cache[n++].text;
}

const char *qs_unit(qs_lang lang, const char *unit) { return qs_word(lang, "unit", unit); }
