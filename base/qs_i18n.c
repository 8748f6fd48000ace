/* qs_i18n.c -- the interface's words, read from the catalogs i18n/zh.txt and i18n/en.txt
 * (qs_finding.h): a message's text is the entry ui.NAME, a unit's unit.UNIT, a system error's
 * errno.NAME. A translator edits the catalogs, never this file. */
#define _GNU_SOURCE /* strerrorname_np */
#include "qs_i18n.h"

#include <errno.h>
#include <stdlib.h>
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
    [QS_M_XLSX_AT_LINE] = "ui.xlsx-at-line",
    [QS_M_XLSX_AT_PART] = "ui.xlsx-at-part",
    [QS_M_XLSX_NOT_ZIP] = "ui.xlsx-not-zip",
    [QS_M_XLSX_ZIP_DAMAGED] = "ui.xlsx-zip-damaged",
    [QS_M_XLSX_FILE_TOO_LARGE] = "ui.xlsx-file-too-large",
    [QS_M_XLSX_TOO_MANY_ENTRIES] = "ui.xlsx-too-many-entries",
    [QS_M_XLSX_PART_MISSING] = "ui.xlsx-part-missing",
    [QS_M_XLSX_PART_UNREADABLE] = "ui.xlsx-part-unreadable",
    [QS_M_XLSX_PART_TOO_LARGE] = "ui.xlsx-part-too-large",
    [QS_M_XLSX_PART_INFLATES] = "ui.xlsx-part-inflates",
    [QS_M_XLSX_TOTAL_TOO_LARGE] = "ui.xlsx-total-too-large",
    [QS_M_XLSX_NO_WORKBOOK] = "ui.xlsx-no-workbook",
    [QS_M_XLSX_XML] = "ui.xlsx-xml",
    [QS_M_XLSX_DOCTYPE] = "ui.xlsx-doctype",
    [QS_M_XLSX_TOO_MANY_SHEETS] = "ui.xlsx-too-many-sheets",
    [QS_M_XLSX_SHEET_REL] = "ui.xlsx-sheet-rel",
    [QS_M_XLSX_BAD_ROW] = "ui.xlsx-bad-row",
    [QS_M_XLSX_BAD_REF] = "ui.xlsx-bad-ref",
    [QS_M_XLSX_TOO_MANY_ROWS] = "ui.xlsx-too-many-rows",
    [QS_M_XLSX_TOO_MANY_CELLS] = "ui.xlsx-too-many-cells",
    [QS_M_XLSX_TOO_MANY_STRINGS] = "ui.xlsx-too-many-strings",
    [QS_M_XLSX_CELL_TOO_LONG] = "ui.xlsx-cell-too-long",
    [QS_M_XLSX_BAD_STRING] = "ui.xlsx-bad-string",
    [QS_M_XLSX_DUPLICATE_CELL] = "ui.xlsx-duplicate-cell",
    [QS_M_ATTACHMENTS_DIR] = "ui.attachments-dir",
    [QS_M_HELP_TEMPLATE] = "ui.help-template",
    [QS_M_HELP_EXPORT] = "ui.help-export",
    [QS_M_HELP_IMPORT] = "ui.help-import",
    [QS_M_INTAKE_NEEDS_FILE] = "ui.intake-needs-file",
    [QS_M_INTAKE_EXPORT_NEEDS_OUTPUT] = "ui.intake-export-needs-output",
    [QS_M_INTAKE_BOOK] = "ui.intake-book",
    [QS_M_INTAKE_NOT_WRITTEN] = "ui.intake-not-written",
    [QS_M_INTAKE_CELL] = "ui.intake-cell",
    [QS_M_INTAKE_ROW] = "ui.intake-row",
    [QS_M_INTAKE_SHEET] = "ui.intake-sheet",
    [QS_M_INTAKE_BAD_ENUM] = "ui.intake-bad-enum",
    [QS_M_INTAKE_BAD_DATE] = "ui.intake-bad-date",
    [QS_M_INTAKE_BAD_NUMBER] = "ui.intake-bad-number",
    [QS_M_INTAKE_BAD_INTEGER] = "ui.intake-bad-integer",
    [QS_M_INTAKE_CREDIT_CHECK] = "ui.intake-credit-check",
    [QS_M_INTAKE_CREDIT_SHAPE] = "ui.intake-credit-shape",
    [QS_M_INTAKE_MISSING_COLUMN] = "ui.intake-missing-column",
    [QS_M_INTAKE_REQUIRED] = "ui.intake-required",
    [QS_M_INTAKE_DUPLICATE_ID] = "ui.intake-duplicate-id",
    [QS_M_INTAKE_UNKNOWN_REF] = "ui.intake-unknown-ref",
    [QS_M_INTAKE_UNKNOWN_PARENT] = "ui.intake-unknown-parent",
    [QS_M_INTAKE_MISSING_SHEET] = "ui.intake-missing-sheet",
    [QS_M_INTAKE_NO_ROW] = "ui.intake-no-row",
    [QS_M_INTAKE_ONE_ROW] = "ui.intake-one-row",
    [QS_M_INTAKE_PARENT_COL] = "ui.intake-parent-col",
    [QS_M_INTAKE_REQ] = "ui.intake-req",
    [QS_M_INTAKE_REQ_GROUP] = "ui.intake-req-group",
    [QS_M_INTAKE_OPT] = "ui.intake-opt",
    [QS_M_INTAKE_EXAMPLE] = "ui.intake-example",
    [QS_M_INTAKE_T_TEXT] = "ui.intake-t-text",
    [QS_M_INTAKE_T_DATE] = "ui.intake-t-date",
    [QS_M_INTAKE_T_INT] = "ui.intake-t-int",
    [QS_M_INTAKE_T_DEC] = "ui.intake-t-dec",
    [QS_M_INTAKE_T_ID] = "ui.intake-t-id",
    [QS_M_INTAKE_T_REF] = "ui.intake-t-ref",
    [QS_M_INTAKE_T_LIST] = "ui.intake-t-list",
    [QS_M_INTAKE_T_DEFAULT] = "ui.intake-t-default",
    [QS_M_INTAKE_T_PARENT] = "ui.intake-t-parent",
    [QS_M_INTAKE_LISTS_SHEET] = "ui.intake-lists-sheet",
    [QS_M_INTAKE_GUIDE_SHEET] = "ui.intake-guide-sheet",
    [QS_M_INTAKE_TITLE] = "ui.intake-title",
    [QS_M_INTAKE_GUIDE] = "ui.intake-guide",
    [QS_M_INTAKE_GUIDE_ROW] = "ui.intake-guide-row",
    [QS_M_INTAKE_GUIDE_CHILD] = "ui.intake-guide-child",
    [QS_M_INTAKE_CONTROL] = "ui.intake-control",
    [QS_M_CODE_NAMED] = "ui.code-named",
    [QS_M_AT_LINE] = "ui.at-line",
    [QS_M_CUT_BYTES] = "ui.cut-bytes",
    [QS_M_SYSTEM_ERROR] = "ui.system-error",
    [QS_M_DID_YOU_MEAN] = "ui.did-you-mean",
    [QS_M_RUBRIC_RULES] = "ui.rubric-rules",
    [QS_M_CACHE_UNREADABLE] = "ui.cache-unreadable",
    [QS_M_VERBOSE_RULES] = "ui.verbose-rules",
    [QS_M_UNKNOWN_HELP] = "ui.unknown-help",
    [QS_M_RULES_BUILT_IN] = "ui.rules-built-in",
    [QS_M_RUBRIC_EDITIONS] = "ui.rubric-editions",
    [QS_M_RUBRIC_BAND_INDICATOR] = "ui.rubric-band-indicator",
    [QS_M_RUBRIC_CONDITION_INDICATOR] = "ui.rubric-condition-indicator",
    [QS_M_RUBRIC_FACTOR_INDICATOR] = "ui.rubric-factor-indicator",
    [QS_M_RUBRIC_SECTION_TWICE] = "ui.rubric-section-twice",
    [QS_M_RUBRIC_NO_INDICATORS] = "ui.rubric-no-indicators",
    [QS_M_RUBRIC_INDICATOR_TWICE] = "ui.rubric-indicator-twice",
    [QS_M_RUBRIC_SAME_ORDER] = "ui.rubric-same-order",
    [QS_M_RUBRIC_UNKNOWN_SECTION] = "ui.rubric-unknown-section",
    [QS_M_RUBRIC_MAX_POSITIVE] = "ui.rubric-max-positive",
    [QS_M_RUBRIC_NO_BANDS] = "ui.rubric-no-bands",
    [QS_M_RUBRIC_BAND_NUMBERS] = "ui.rubric-band-numbers",
    [QS_M_RUBRIC_BAND_RANGE] = "ui.rubric-band-range",
    [QS_M_RUBRIC_BAND_OVERLAP] = "ui.rubric-band-overlap",
    [QS_M_RUBRIC_TOP_BAND] = "ui.rubric-top-band",
    [QS_M_RUBRIC_CONDITION_BAND] = "ui.rubric-condition-band",
    [QS_M_RUBRIC_CONDITION_TWICE] = "ui.rubric-condition-twice",
    [QS_M_RUBRIC_BAND_NO_CONDITIONS] = "ui.rubric-band-no-conditions",
    [QS_M_RUBRIC_FACTOR_BAND] = "ui.rubric-factor-band",
    [QS_M_RUBRIC_FACTOR_REFERS] = "ui.rubric-factor-refers",
    [QS_M_RUBRIC_FACTOR_POINTS] = "ui.rubric-factor-points",
    [QS_M_RUBRIC_FACTOR_TWICE] = "ui.rubric-factor-twice",
    [QS_M_RUBRIC_FACTORS_REACH] = "ui.rubric-factors-reach",
    [QS_M_RUBRIC_PARAM_TWICE] = "ui.rubric-param-twice",
    [QS_M_RUBRIC_PARAM_DEFAULT] = "ui.rubric-param-default",
    [QS_M_RUBRIC_PARAM_MISSING] = "ui.rubric-param-missing",
    [QS_M_XML_AT_ATTRIBUTE] = "ui.xml-at-attribute",
    [QS_M_XML_AT_ELEMENT] = "ui.xml-at-element",
    [QS_M_XML_ATOMIC] = "ui.xml-atomic",
    [QS_M_XML_LOCAL_ATOMIC] = "ui.xml-local-atomic",
    [QS_M_XML_LIST] = "ui.xml-list",
    [QS_M_XML_ENUMERATION] = "ui.xml-enumeration",
    [QS_M_XML_PATTERN] = "ui.xml-pattern",
    [QS_M_XML_MAX_LENGTH] = "ui.xml-max-length",
    [QS_M_XML_MAX_LENGTH_VALUE] = "ui.xml-max-length-value",
    [QS_M_XML_MIN_LENGTH] = "ui.xml-min-length",
    [QS_M_XML_MIN_LENGTH_VALUE] = "ui.xml-min-length-value",
    [QS_M_XML_MIN_INCLUSIVE] = "ui.xml-min-inclusive",
    [QS_M_XML_MAX_INCLUSIVE] = "ui.xml-max-inclusive",
    [QS_M_XML_MIN_EXCLUSIVE] = "ui.xml-min-exclusive",
    [QS_M_XML_MAX_EXCLUSIVE] = "ui.xml-max-exclusive",
    [QS_M_XML_TOTAL_DIGITS] = "ui.xml-total-digits",
    [QS_M_XML_FRACTION_DIGITS] = "ui.xml-fraction-digits",
    [QS_M_XML_NOT_EXPECTED_ONE_OF] = "ui.xml-not-expected-one-of",
    [QS_M_XML_NOT_EXPECTED_IS] = "ui.xml-not-expected-is",
    [QS_M_XML_NOT_EXPECTED] = "ui.xml-not-expected",
    [QS_M_XML_MISSING_CHILD_ONE_OF] = "ui.xml-missing-child-one-of",
    [QS_M_XML_MISSING_CHILD] = "ui.xml-missing-child",
    [QS_M_XML_ATTRIBUTE_REQUIRED] = "ui.xml-attribute-required",
    [QS_M_XML_ATTRIBUTE_NOT_ALLOWED] = "ui.xml-attribute-not-allowed",
    [QS_M_XML_KEYREF] = "ui.xml-keyref",
    [QS_M_XML_DUPLICATE_UNIQUE] = "ui.xml-duplicate-unique",
    [QS_M_XML_DUPLICATE_KEY] = "ui.xml-duplicate-key",
    [QS_M_XML_KEY_FIELDS] = "ui.xml-key-fields",
    [QS_M_XML_ELEMENT_ONLY] = "ui.xml-element-only",
    [QS_M_XML_SIMPLE_CONTENT] = "ui.xml-simple-content",
    [QS_M_XML_NO_ROOT] = "ui.xml-no-root",
    [QS_M_XML_PREMATURE_END] = "ui.xml-premature-end",
    [QS_M_XML_START_TAG] = "ui.xml-start-tag",
    [QS_M_XML_TAG_MISMATCH] = "ui.xml-tag-mismatch",
    [QS_M_XML_EXTRA_CONTENT] = "ui.xml-extra-content",
    [QS_M_XML_CHAR_REF] = "ui.xml-char-ref",
    [QS_M_XML_NOT_UTF8] = "ui.xml-not-utf8",
    [QS_M_XML_START_TAG_END] = "ui.xml-start-tag-end",
    [QS_M_XML_ENTITY_SEMICOLON] = "ui.xml-entity-semicolon",
    [QS_M_XML_ENTITY_UNDEFINED] = "ui.xml-entity-undefined",
    [QS_M_XML_ATTRIBUTES_CONSTRUCT] = "ui.xml-attributes-construct",
    [QS_M_XML_ATTRIBUTE_REDEFINED] = "ui.xml-attribute-redefined",
    [QS_M_XML_ATTRIBUTE_VALUE] = "ui.xml-attribute-value",
    [QS_M_XML_ATTRIBUTE_QUOTE] = "ui.xml-attribute-quote",
    [QS_M_XML_ATTRIBUTE_LT] = "ui.xml-attribute-lt",
    [QS_M_XML_DOCUMENT_EMPTY] = "ui.xml-document-empty",
    [QS_M_XML_CHAR_RANGE] = "ui.xml-char-range",
    [QS_M_XML_PCDATA_CHAR] = "ui.xml-pcdata-char",
    [QS_M_XML_COMMENT] = "ui.xml-comment",
    [QS_M_XML_ELEMENT_NAME] = "ui.xml-element-name",
    [QS_M_XML_EXPECTED_GT] = "ui.xml-expected-gt",
    [QS_M_XML_UTF16_UTF8] = "ui.xml-utf16-utf8",
    [QS_M_XML_ENCODING] = "ui.xml-encoding",
    [QS_M_XML_BLANK] = "ui.xml-blank",
    [QS_M_XML_STRING_NOT_CLOSED] = "ui.xml-string-not-closed",
    [QS_M_INDEX_PARAMS] = "ui.index-params",
    [QS_M_INDEX_PARAMS_DEFAULT] = "ui.index-params-default",
    [QS_M_INDEX_RULES] = "ui.index-rules",
    [QS_M_INDEX_LEGEND] = "ui.index-legend",
    [QS_M_INDEX_FILTER] = "ui.index-filter",
    [QS_M_INDEX_FILTER_ALL] = "ui.index-filter-all",
    [QS_M_XLSX_FOOTER] = "ui.xlsx-footer",
    [QS_M_HELP_PANEL] = "ui.help-panel",
    [QS_M_PANEL_READ] = "ui.panel-read",
    [QS_M_PANEL_BAD_REPORT] = "ui.panel-bad-report",
    [QS_M_PANEL_DUP_SUBMISSION] = "ui.panel-dup-submission",
    [QS_M_PANEL_EMPTY] = "ui.panel-empty",
    [QS_M_PANEL_CSV_UTF8] = "ui.panel-csv-utf8",
    [QS_M_PANEL_CSV_QUOTE] = "ui.panel-csv-quote",
    [QS_M_PANEL_CSV_FIELDS] = "ui.panel-csv-fields",
    [QS_M_PANEL_CSV_HEADER] = "ui.panel-csv-header",
    [QS_M_PANEL_BAD_REVIEWER] = "ui.panel-bad-reviewer",
    [QS_M_PANEL_UNKNOWN_REVIEWER] = "ui.panel-unknown-reviewer",
    [QS_M_PANEL_UNKNOWN_SUBMISSION] = "ui.panel-unknown-submission",
    [QS_M_PANEL_NOT_ASSIGNED] = "ui.panel-not-assigned",
    [QS_M_PANEL_UNKNOWN_INDICATOR] = "ui.panel-unknown-indicator",
    [QS_M_PANEL_POINTS_NAN] = "ui.panel-points-nan",
    [QS_M_PANEL_POINTS_RANGE] = "ui.panel-points-range",
    [QS_M_PANEL_DUPLICATE] = "ui.panel-duplicate",
    [QS_M_PANEL_EDITED] = "ui.panel-edited",
    [QS_M_PANEL_SHEET_REVIEWER] = "ui.panel-sheet-reviewer",
    [QS_M_PANEL_ROSTER_DUP] = "ui.panel-roster-dup",
    [QS_M_PANEL_OUT_NOT_PANEL] = "ui.panel-out-not-panel",
    [QS_M_PANEL_DB] = "ui.panel-db",
    [QS_M_PANEL_USAGE] = "ui.panel-usage",
    [QS_M_PANEL_IMPORTED] = "ui.panel-imported",
    [QS_M_PANEL_ALREADY] = "ui.panel-already",
    [QS_M_PANEL_SHEETS_WRITTEN] = "ui.panel-sheets-written",
    [QS_M_PANEL_XLSX_NEEDS_OUT] = "ui.panel-xlsx-needs-out",
    [QS_M_PANEL_PROBLEMS] = "ui.panel-problems",
    [QS_M_PANEL_TITLE] = "ui.panel-title",
    [QS_M_PANEL_SUMMARY] = "ui.panel-summary",
    [QS_M_PANEL_H_SUBMISSIONS] = "ui.panel-h-submissions",
    [QS_M_PANEL_H_REVIEWERS] = "ui.panel-h-reviewers",
    [QS_M_PANEL_H_INDICATORS] = "ui.panel-h-indicators",
    [QS_M_PANEL_SUB_LINE] = "ui.panel-sub-line",
    [QS_M_PANEL_COLS_CELLS] = "ui.panel-cols-cells",
    [QS_M_PANEL_COLS_REVIEWERS] = "ui.panel-cols-reviewers",
    [QS_M_PANEL_COLS_INDICATORS] = "ui.panel-cols-indicators",
    [QS_M_PANEL_FLAG_REVIEWER] = "ui.panel-flag-reviewer",
    [QS_M_PANEL_FLAG_SUGGESTION] = "ui.panel-flag-suggestion",
    [QS_M_PANEL_SHEET_REVIEWER_LABEL] = "ui.panel-sheet-reviewer-label",
    [QS_M_PANEL_SHEET_COLS] = "ui.panel-sheet-cols",
    [QS_M_PANEL_SHEET_VALIDATION] = "ui.panel-sheet-validation",
    [QS_M_PANEL_SHEET_TAB] = "ui.panel-sheet-tab",
    [QS_M_PANEL_FORMAT] = "ui.panel-format",
    [QS_M_PANEL_KEPT] = "ui.panel-kept",
    [QS_M_PANEL_STALE] = "ui.panel-stale",
    [QS_M_HELP_SENSITIVITY] = "ui.help-sensitivity",
    [QS_M_HELP_CALIBRATE] = "ui.help-calibrate",
    [QS_M_SENS_SPEC] = "ui.sens-spec",
    [QS_M_SENS_ORDER] = "ui.sens-order",
    [QS_M_SENS_STEP] = "ui.sens-step",
    [QS_M_SENS_WHOLE] = "ui.sens-whole",
    [QS_M_SENS_TOO_MANY] = "ui.sens-too-many",
    [QS_M_SENS_TOP] = "ui.sens-top",
    [QS_M_SENS_FORMAT] = "ui.sens-format",
    [QS_M_SENS_NO_PARAM] = "ui.sens-no-param",
    [QS_M_SENS_NO_INPUT] = "ui.sens-no-input",
    [QS_M_SENS_BATCH_LINE] = "ui.sens-batch-line",
    [QS_M_SENS_DEFAULTS] = "ui.sens-defaults",
    [QS_M_SENS_ROW] = "ui.sens-row",
    [QS_M_SENS_SEP] = "ui.sens-sep",
    [QS_M_SENS_NONE] = "ui.sens-none",
    [QS_M_SENS_TITLE] = "ui.sens-title",
    [QS_M_SENS_STATS] = "ui.sens-stats",
    [QS_M_SENS_FAILED] = "ui.sens-failed",
    [QS_M_SENS_PLOT] = "ui.sens-plot",
    [QS_M_SENS_LEGEND_TAU] = "ui.sens-legend-tau",
    [QS_M_SENS_LEGEND_CHANGED] = "ui.sens-legend-changed",
    [QS_M_SENS_HTML_TITLE] = "ui.sens-html-title",
    [QS_M_SENS_COLUMNS] = "ui.sens-columns",
    [QS_M_SENS_DEFAULT_MARK] = "ui.sens-default-mark",
    [QS_M_SENS_TIMEOUT] = "ui.sens-timeout",
    [QS_M_SENS_DIED] = "ui.sens-died",
    [QS_M_CAL_TITLE] = "ui.cal-title",
    [QS_M_CAL_MISMATCH] = "ui.cal-mismatch",
    [QS_M_CAL_INDICATOR] = "ui.cal-indicator",
    [QS_M_CAL_DRIVER_PARAM] = "ui.cal-driver-param",
    [QS_M_CAL_DRIVER_COND] = "ui.cal-driver-cond",
    [QS_M_CAL_PARAM] = "ui.cal-param",
    [QS_M_CAL_PARAM_KEEP] = "ui.cal-param-keep",
    [QS_M_CAL_FORMAT] = "ui.cal-format",
    [QS_M_CAL_USAGE] = "ui.cal-usage",
    [QS_M_CAL_AGREES] = "ui.cal-agrees",
    [QS_M_CAL_UNSCORED] = "ui.cal-unscored",
    [QS_M_CAL_PLOT] = "ui.cal-plot",
    [QS_M_CAL_HTML_TITLE] = "ui.cal-html-title",
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
    E(ENOENT),  E(EACCES),    E(EPERM),     E(ENOSPC),   E(EDQUOT),  E(EFBIG),  E(EROFS),
    E(EISDIR),  E(ENOTDIR),   E(EEXIST),    E(ELOOP),    E(ENXIO),   E(EIO),    E(ENAMETOOLONG),
    E(EMFILE),  E(ENFILE),    E(ENOTEMPTY), E(EBUSY),    E(EXDEV),   E(EINVAL), E(EPIPE),
    E(ENOMEM),  E(EAGAIN),    E(EINTR),     E(EBADF),    E(ENODEV),  E(ENOTTY), E(ETXTBSY),
    E(ESPIPE),  E(EMLINK),    E(EOVERFLOW), E(ENOTSUP),  E(ENOSYS),  E(ESTALE), E(ENOLCK),
    E(EDEADLK), E(ETIMEDOUT), E(ECHILD),    E(ENOEXEC),  E(E2BIG),   E(EFAULT), E(ERANGE),
    E(EILSEQ),  E(ESRCH),     E(ECANCELED), E(ENOTSOCK), E(ENOBUFS),
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
    return strerror(err); /* an empty entry: libc's words (English) */
  }
  /* An errno the table lacks: its number and name in words of the catalog, never libc's
   * English in a Chinese message. Kept per value for the life of the process. */
  static struct {
    int err;
    qs_lang lang;
    char *text;
  } * other;
  static size_t n_other, cap_other;
  for (size_t i = 0; i < n_other; i++)
    if (other[i].err == err && other[i].lang == lang)
      return other[i].text;
  const char *name = strerrorname_np(err);
  qs_buf b = {0};
  qs_buf_addf(&b, qs_msg_get(lang, QS_M_SYSTEM_ERROR), err, name ? name : "?");
  qs_grow(&other, &cap_other, n_other + 1, sizeof *other);
  other[n_other].err = err;
  other[n_other].lang = lang;
  other[n_other].text = qs_buf_take(&b);
  return other[n_other++].text;
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

const char *qs_word_coded(qs_lang lang, const char *table, const char *code) {
  if (!code)
    return "";
  const char *name = qs_word(lang, table, code);
  if (strcmp(name, code) == 0)
    return name;
  /* Cached in the table of words under a table name no catalog entry can have. */
  qs_buf t = {0};
  qs_buf_addf(&t, "%s (coded)", table);
  static struct {
    qs_lang lang;
    char *table, *code, *text;
  } * cache;
  static size_t n, cap;
  for (size_t i = 0; i < n; i++)
    if (cache[i].lang == lang && strcmp(cache[i].code, code) == 0 &&
        strcmp(cache[i].table, t.s) == 0) {
      qs_buf_free(&t);
      return cache[i].text;
    }
  qs_buf b = {0};
  qs_buf_addf(&b, qs_msg_get(lang, QS_M_CODE_NAMED), name, code);
  qs_grow(&cache, &cap, n + 1, sizeof *cache);
  cache[n].lang = lang;
  cache[n].table = qs_buf_take(&t);
  cache[n].code = qs_xstrdup(code);
  cache[n].text = qs_buf_take(&b);
  return cache[n++].text;
}

/* The code points of s (at most cap), bytes that are not UTF-8 counted one each. */
static size_t code_points(const char *s, unsigned *out, size_t cap) {
  size_t n = 0;
  const unsigned char *p = (const unsigned char *)s;
  while (*p && n < cap) {
    unsigned cp = *p;
    size_t len = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc0 ? 2 : 1;
    for (size_t i = 1; i < len; i++)
      if ((p[i] & 0xc0) != 0x80)
        len = 1;
    if (len > 1) {
      cp = *p & (0x7f >> len);
      for (size_t i = 1; i < len; i++)
        cp = (cp << 6) | (p[i] & 0x3fu);
    }
    out[n++] = cp;
    p += len;
  }
  return n;
}

#define QS_EDIT_MAX_LEN 64

size_t qs_edit_distance(const char *a, const char *b, size_t max) {
  unsigned x[QS_EDIT_MAX_LEN], y[QS_EDIT_MAX_LEN];
  size_t n = code_points(a, x, QS_EDIT_MAX_LEN), m = code_points(b, y, QS_EDIT_MAX_LEN);
  if ((n > m ? n - m : m - n) > max)
    return max + 1;
  /* Three rows of the optimal-string-alignment table. */
  size_t rows[3][QS_EDIT_MAX_LEN + 1];
  size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  for (size_t j = 0; j <= m; j++)
    prev[j] = j;
  for (size_t i = 1; i <= n; i++) {
    cur[0] = i;
    size_t best = cur[0];
    for (size_t j = 1; j <= m; j++) {
      size_t cost = x[i - 1] != y[j - 1];
      size_t d = prev[j] + 1;
      if (cur[j - 1] + 1 < d)
        d = cur[j - 1] + 1;
      if (prev[j - 1] + cost < d)
        d = prev[j - 1] + cost;
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] && prev2[j - 2] + 1 < d)
        d = prev2[j - 2] + 1;
      cur[j] = d;
      if (d < best)
        best = d;
    }
    if (best > max)
      return max + 1;
    size_t *t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m] > max ? max + 1 : prev[m];
}

const char *qs_nearest(const char *s, const char *const *candidates, size_t n) {
  unsigned tmp[QS_EDIT_MAX_LEN];
  size_t len = code_points(s, tmp, QS_EDIT_MAX_LEN);
  size_t max = len <= 4 ? 1 : len <= 8 ? 2 : 3;
  const char *best = NULL;
  size_t best_d = max + 1;
  for (size_t i = 0; i < n; i++) {
    if (!candidates[i])
      continue;
    size_t d = qs_edit_distance(s, candidates[i], max);
    if (d < best_d) {
      best_d = d;
      best = candidates[i];
    }
  }
  return best;
}

/* libxml2's messages, in the order they are tried (the longer of two that share a start
 * first). QS_M_XML_AT_ATTRIBUTE and QS_M_XML_AT_ELEMENT are the place a schema message starts
 * with; the rest is matched again after it. */
static const qs_msg xml_messages[] = {
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
};

/* Match s against the format f whose only conversions are %s: the literal parts in order, each
 * %s taking the shortest text up to the next literal part (the last one up to the end, which
 * must then end with f's last literal part). The parts into parts[] (at most max); their
 * number, or -1. */
static int match_format(const char *f, const char *s, char **parts, int max) {
  int n = 0;
  while (*f) {
    const char *conv = strstr(f, "%s");
    size_t lit = conv ? (size_t)(conv - f) : strlen(f);
    if (strncmp(f, s, lit) != 0)
      goto fail;
    f += lit;
    s += lit;
    if (!conv)
      break;
    f += 2;
    const char *next = strstr(f, "%s");
    size_t nlit = next ? (size_t)(next - f) : strlen(f);
    const char *end;
    if (nlit == 0 && next)
      goto fail; /* two %s in a row: ambiguous, never in the table */
    if (!next) {
      size_t sl = strlen(s);
      if (sl < nlit || strcmp(s + sl - nlit, f) != 0)
        goto fail;
      end = s + sl - nlit;
    } else {
      char *l = qs_xstrndup(f, nlit);
      end = strstr(s, l);
      free(l);
      if (!end)
        goto fail;
    }
    if (n == max)
      goto fail;
    parts[n++] = qs_xstrndup(s, (size_t)(end - s));
    s = end;
  }
  if (*s)
    goto fail;
  return n;
fail:
  for (int i = 0; i < n; i++)
    free(parts[i]);
  return -1;
}

/* The message of the first entry that matches s, in lang, or NULL. */
static char *xml_body(qs_lang lang, const char *s) {
  for (size_t i = 0; i < sizeof xml_messages / sizeof *xml_messages; i++) {
    char *p[3] = {0};
    int n = match_format(qs_msg_get(QS_LANG_EN, xml_messages[i]), s, p, 3);
    if (n < 0)
      continue;
    qs_buf b = {0};
    qs_buf_addf(&b, qs_msg_get(lang, xml_messages[i]), p[0] ? p[0] : "", p[1] ? p[1] : "",
                p[2] ? p[2] : "");
    for (int k = 0; k < n; k++)
      free(p[k]);
    return qs_buf_take(&b);
  }
  return NULL;
}

char *qs_xml_message(qs_lang lang, const char *message) {
  /* libxml2 ends its messages with a newline. */
  size_t len = strlen(message);
  while (len && (message[len - 1] == '\n' || message[len - 1] == ' '))
    len--;
  char *s = qs_xstrndup(message, len);
  for (char *c = s; *c; c++) /* one line, as every diagnostic is */
    if (*c == '\n')
      *c = ' ';
  char *out = NULL;
  /* "Element 'x', attribute 'a': BODY" or "Element 'x': BODY", else the whole message. */
  static const qs_msg places[] = {QS_M_XML_AT_ATTRIBUTE, QS_M_XML_AT_ELEMENT};
  for (size_t i = 0; i < 2 && !out; i++) {
    char *p[3] = {0};
    int n = match_format(qs_msg_get(QS_LANG_EN, places[i]), s, p, 3);
    if (n < 0)
      continue;
    char *body = xml_body(lang, p[n - 1]);
    if (body) {
      qs_buf b = {0};
      if (n == 3)
        qs_buf_addf(&b, qs_msg_get(lang, places[i]), p[0], p[1], body);
      else
        qs_buf_addf(&b, qs_msg_get(lang, places[i]), p[0], body);
      out = qs_buf_take(&b);
      free(body);
    }
    for (int k = 0; k < n; k++)
      free(p[k]);
  }
  if (!out)
    out = xml_body(lang, s);
  if (!out)
    return s;
  free(s);
  return out;
}
