/* qs_report.h -- the report of one submission: what the renderers print.
 *
 * Given the importer's output (qs_submission: the project's fields and the evidence index)
 * once the rules have run, then built by qs_report_collect from the conclusion facts of the run
 * (held, factor, excluded, flag, choice, gap), with every string copied out of CLIPS at once;
 * then placed, totalled and triaged by qs_report_finish. The evidence index lets a renderer
 * show what each cited id is. */
#ifndef QS_REPORT_H
#define QS_REPORT_H

#include <stddef.h>

#include "../importers/qs_submission.h"
#include "qs_diag.h"
#include "qs_env.h"
#include "qs_finding.h"
#include "qs_rubric.h"

typedef enum { QS_SEV_INFO = 0, QS_SEV_WARNING = 1, QS_SEV_ERROR = 2 } qs_severity;

typedef struct {
  char *rule;
  char *condition; /* condition id, or factor id when is_factor */
  int is_factor;
  int points;           /* factors: the points the factor-def gives */
  char *text, *text_en; /* the finding in words (qs_finding_text of finding) */
  qs_finding finding;   /* what the rule stated */
  char **evidence;
  size_t n_evidence;
  long sort_key;
  int level;       /* the band of the condition or factor */
  long first_line; /* the earliest input line of its evidence (for sorting; set when collected) */
  int shares_held; /* a reason made from a held fact: text, text_en, finding and evidence are
                      those of its entry in held (freed with it) */
} qs_reason;

typedef struct {
  int level;
  char *condition, *text, *text_en;
} qs_gap;

typedef struct {
  char *evidence; /* the report's own id (rep->evidence[..].id) */
  char *rule, *text, *text_en;
  long first_line; /* the input line of the evidence (for sorting) */
  qs_finding finding;
} qs_exclusion;

typedef struct {
  char *code, *rule, *text, *text_en;
  qs_finding finding;
  qs_severity severity;
  char **evidence;
  size_t n_evidence;
  long first_line; /* the earliest input line of its evidence, 0 without (for sorting) */
} qs_flag;

/* A strengthening factor of the chosen band, and whether it is present (DECIDE placed it). */
typedef struct {
  const qs_factor_def *def;
  int present;
} qs_placed;

typedef struct {
  const qs_indicator_def *def;
  int level;         /* chosen band, 0 for none */
  int points;        /* always inside the band; 0 without one */
  int base;          /* band minimum */
  int capped;        /* the factors would have gone past the band maximum */
  qs_placed *placed; /* the factor-defs of the chosen band, in rubric order */
  size_t n_placed;
  int has_placement; /* placement facts read (collector: exactly one with a band) */
  char *choice_rule;
  int has_self;       /* the application states its own score (自评分) for it */
  double self_points; /* that score */
  qs_reason *reasons; /* held conditions of the chosen band, then the factors that placed it */
  size_t n_reasons;
  qs_reason *held; /* every held fact, of every band (for explain) */
  size_t n_held;
  qs_gap *gaps;
  size_t n_gaps;
  qs_exclusion *excluded;
  size_t n_excluded;
  qs_flag *flags;
  size_t n_flags;
} qs_result;

typedef struct {
  const qs_rubric *rubric;
  char *qscore_version, *rules_sha256;
  char *path;
  char sha256[65];
  /* From the submission (qs_report_take_submission). */
  char *id, *title, *region, *province, *city, *chain, *work_start;
  char *window_start, *window_end;
  char *as_of; /* the day of the run, YYYY-MM-DD: evidence dated later is not counted */
  int window_months;
  qs_result *results; /* one per indicator, in rubric order */
  size_t n_results;
  int *section_points; /* parallel to rubric->sections */
  int total, max_total;
  const char *triage; /* "recommend", "review" or "reject" */
  int has_self_total;
  double self_total; /* the application's own total, when stated */
  qs_flag *flags;    /* flags about the submission as a whole */
  size_t n_flags;
  qs_evidence *evidence; /* in document order (from the submission) */
  size_t n_evidence, cap_evidence;
  void *evidence_index; /* id -> position in evidence (qs_report_evidence) */
} qs_report;

qs_report *qs_report_new(const qs_rubric *r);
void qs_report_free(qs_report *rep);

/* Take what the importer read (the project's fields, the window, the scoring day, the
 * evidence index) into the report; sub is left empty (qs_submission_free is still safe). The
 * engine calls it after the rules ran, before qs_report_collect, which checks cited ids. */
void qs_report_take_submission(qs_report *rep, qs_submission *sub);
const qs_evidence *qs_report_evidence(const qs_report *rep, const char *id);
/* Index the evidence by its ids again, after they were changed in place (the first of an id
 * that repeats is the one found). */
void qs_report_index_evidence(qs_report *rep);

/* The loaded rules as the collector checks them: every defrule name (its module as the value:
 * a `rule` slot must name a real rule) and where each starts ("file:line", for messages). */
struct _xmlHashTable;
typedef struct {
  struct _xmlHashTable *modules; /* rule name -> module name */
  struct _xmlHashTable *where;   /* rule name -> "file:line" */
} qs_rule_index;

/* Copy the conclusions out of the environment after a run. Returns 0, or -1 when the rules
 * broke the contract (two bands for one indicator, a held fact for an undefined condition, a
 * finding without words, a placement that does not add up, ...), with the problems in d. */
int qs_report_collect(qs_report *rep, qs_env *qe, const qs_rule_index *rules, qs_diag *d);
/* Only what the scores need: each indicator's band and points, and the flags' codes and
 * severities (they decide triage), without evidence or words; checked as qs_report_collect
 * checks them (one band, a placement that adds up). For reports nobody reads, only compares:
 * a sensitivity sweep's. */
int qs_report_collect_scores(qs_report *rep, qs_env *qe, const qs_rule_index *rules, qs_diag *d);

/* Placement inside bands, section subtotals, total, submission flags and triage. */
void qs_report_finish(qs_report *rep);

const char *qs_severity_name(qs_severity s);

#endif
