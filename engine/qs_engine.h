/* qs_engine.h -- the scorer as a library: rules loaded once, one submission at a time.
 *
 *   e = qs_engine_new(NULL, &diag);                built-in rules (or a rules folder)
 *   qs_engine_set_param(e, "standards-many=4", &diag);
 *   qs_engine_score(e, "samples/x.xml", &report, &diag);   reset, import, run, collect
 *
 * One engine owns one CLIPS environment; use one engine per process or thread. */
#ifndef QS_ENGINE_H
#define QS_ENGINE_H

#include <stddef.h>

#include "qs_diag.h"
#include "qs_report.h"
#include "qs_rubric.h"
#include "qs_status.h"

#define QSCORE_VERSION "0.1.0"

typedef struct qs_engine qs_engine;

/* Who is to blame when a run stops at a limit (docs/POLICY.md §2.12). A rule fires once for
 * each combination of facts its patterns match, and no rule compares all pairs of a growing
 * set, so a rule that does not feed itself fires at most about once per fact. A rule that fired
 * more times than QS_LOOP_FACTOR times the facts the run began with is therefore a loop in the
 * rules, whether the run stopped at the firing cap (run-max-firings) or at the deadline
 * (run-seconds); so is, at the deadline, a single firing that had run for QS_STUCK_SHARE
 * (qs_env.h) of the time (a rule stuck in its actions): QS_E_RULES. Otherwise the file
 * reached the limit by its size: QS_E_LIMIT. */
#define QS_LOOP_FACTOR 1

/* Load the rules: the built-in ones when rules_dir is NULL, else every *.clp in rules_dir in
 * byte order of the names. NULL on any syntax or rubric error (explained in d). */
qs_engine *qs_engine_new(const char *rules_dir, qs_diag *d);
void qs_engine_free(qs_engine *e);
/* For a process that ends when its command does (the qscore command line): from now on
 * qs_engine_free leaves the engine to the process's exit instead of taking the CLIPS
 * environment apart (a few milliseconds of a one-shot score), kept reachable so that leak
 * checkers see it in use, not lost. */
void qs_engine_free_at_exit(void);

/* Bytes CLIPS holds for the engine, in use or kept in its own free lists for reuse (it keeps
 * what a submission needed until told otherwise). */
size_t qs_engine_memory(const qs_engine *e);
/* Give CLIPS's free lists back to malloc: for a long-lived process after a large submission,
 * so that it does not keep the largest submission's memory for the rest of its life. */
void qs_engine_release_memory(qs_engine *e);

/* Override a policy parameter for every later score: "NAME=VALUE". -1 with a message in d
 * when the name is unknown or the value has the wrong type or range. */
int qs_engine_set_param(qs_engine *e, const char *assignment, qs_diag *d);

const qs_rubric *qs_engine_rubric(const qs_engine *e);
/* The scoring day (评审基准日), yyyymmdd: today in China (qs_today_china) when the engine is
 * made, or what --as-of sets. Evidence dated after it is not counted; every report shows it. */
void qs_engine_set_as_of(qs_engine *e, long day);
long qs_engine_as_of(const qs_engine *e);
const char *qs_engine_rules_sha256(const qs_engine *e);
const char *qs_engine_rules_origin(const qs_engine *e); /* "built-in" or the folder */
/* The rules hash and where each rule starts, as text: "sha256 HEX" then "RULE<TAB>FILE:LINE"
 * lines, sorted. mkimage writes it for the built-in rules beside their binary image, so that a
 * start with the image neither hashes nor reads the rules' text. Free it. */
char *qs_engine_rules_index(const qs_engine *e);

/* How often the rule fired while the last submission was scored, counted as the rules ran
 * (EnvAddRunFunction, qs_env.c): explain's "rules fired" and the rule-coverage check of the
 * test suite. 0 for a rule that did not fire or does not exist. */
long qs_engine_rule_fired(const qs_engine *e, const char *rule);
/* The module of a rule ("STANDARDS"), "" for an unknown rule. */
const char *qs_engine_rule_module(const qs_engine *e, const char *rule);
/* "file:line" where the rule's text starts (its folder path, or the built-in file's name),
 * or "" for a rule not known. */
const char *qs_engine_rule_where(const qs_engine *e, const char *rule);
/* Every defrule name of the loaded rules, sorted (free each and the array). */
size_t qs_engine_rule_names(const qs_engine *e, char ***names);

/* What the rules did on the last submission scored (all 0 when it did not reach the rules):
 * counted deterministically, for tests of how the work grows with the input (never timed). */
typedef struct {
  long firings;        /* rule firings */
  long facts_at_start; /* facts when the rules began: the rubric's, the parameters, the input's */
  long facts_at_end;
  size_t memory; /* bytes CLIPS held when the rules stopped, before the facts were cleared */
  char busiest_rule[128];
  long busiest_firings;   /* how often the rule that fired most fired */
  char stopped_rule[128]; /* stopped at a limit: the rule stopped or next to fire, else "" */
} qs_run_stats;
const qs_run_stats *qs_engine_last_run(const qs_engine *e);
long qs_engine_last_firings(const qs_engine *e);

/* --attachments DIR: from now on every <doc file> of a submission scored is looked up (never
 * read, links never followed) in dir, and each that is not a regular file there is flagged
 * attachment-missing. per_file (a batch): in dir/<the submission's file name without .xml>/
 * when that folder exists, else in dir. NULL: no check (the default). */
void qs_engine_set_attachments(qs_engine *e, const char *dir, int per_file);
const char *qs_engine_attachments(const qs_engine *e); /* NULL when not set */

qs_status qs_engine_score(qs_engine *e, const char *path, qs_report **out, qs_diag *d);
/* Read a submission file ("-": standard input) within the max-input-mb limit, its size and
 * type checked before a byte is read; with regular_only a device, FIFO or socket is refused
 * (a batch: a FIFO would wait forever). 0, or -1 with the reason in d. */
int qs_engine_read_input(const qs_engine *e, const char *path, int regular_only, char **data,
                         size_t *len, qs_diag *d);
qs_status qs_engine_score_buffer(qs_engine *e, const char *name, const char *data, size_t len,
                                 qs_report **out, qs_diag *d);

/* Re-scoring one submission under many parameter sets without parsing it again (sensitivity,
 * calibration):
 *
 *   qs_engine_load(e, name, data, len, &d);       parse and assert the submission once
 *   qs_engine_set_param(e, "standards-many=4", &d);
 *   qs_engine_rescore(e, &report, &d);             the derived facts go, the parameter facts
 *   qs_engine_reset_params(e);                     are replaced, the rules run again
 *   qs_engine_unload(e);
 *
 * The rubric's, the parameters' and the submission's facts stay; a changed parameter's fact
 * is replaced, and only what it can change runs again (docs/ARCHITECTURE.md, "Re-scoring"):
 * the rules' text says which rules may read it (qs_reads.h); the first module in the running
 * order that has one runs again from the first firing at those rules' salience, and every
 * module after it whole, or, when only indicator modules read it (they are independent of
 * each other, which the run checks), just those and DECIDE. What a module asserted before that
 * point stays. A parameter no rule reads (a triage threshold) runs nothing. A report of a
 * rescore is the report qs_engine_score_buffer gives with the same parameters. A parameter
 * that the importer reads (the window, the parse limits), a module to run again that had
 * retracted a fact at or after its point, or a run cut short makes the next rescore parse the
 * submission again from the bytes kept (correct, only slower). qs_engine_score and
 * qs_engine_score_buffer unload first. */
qs_status qs_engine_load(qs_engine *e, const char *name, const char *data, size_t len, qs_diag *d);
qs_status qs_engine_rescore(qs_engine *e, qs_report **out, qs_diag *d);
/* The same rescore with a report of the scores only (qs_report_collect_scores): the bands,
 * points, total, flags' codes and triage; no reasons, evidence or words. */
qs_status qs_engine_rescore_scores(qs_engine *e, qs_report **out, qs_diag *d);
void qs_engine_unload(qs_engine *e);
/* Every parameter back to its default (for later scores and rescores). */
void qs_engine_reset_params(qs_engine *e);
/* How many rescores since the engine was made parsed the submission again (tests). */
long qs_engine_reparses(const qs_engine *e);
/* Run the indicator modules in the reverse of the rubric's order (the test that they are
 * independent of each other, which partial rescores rely on). */
void qs_engine_reverse_indicators(qs_engine *e, int on);
/* How many rescores ran every module again, and how many only some (tests, the bench). */
void qs_engine_rerun_counts(const qs_engine *e, long *all, long *part);

#endif
