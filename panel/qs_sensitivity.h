/* qs_sensitivity.h -- what each parameter moves (issue 16, part 4) and the re-scoring that
 * calibration shares with it (part 3).
 *
 *   qs_sweep s;  qs_sweep_parse(rubric, "standards-many=1:6:1", &s, &why)
 *   qs_sens_scores sc;  qs_sens_score(e, paths, n, runs, n_runs, jobs, &sc, &d)
 *   qs_sens_result res; qs_sens_compare(rubric, &sc, top, &res)
 *   char *text = qs_sens_render(&res, rubric, "text", lang)
 *
 * Every submission is parsed once per worker and re-scored under each parameter set
 * (qs_engine_load / qs_engine_rescore): run 0 is the defaults, the baseline every other run
 * is compared with. Forked workers (qs_pool) when jobs > 1; the result never depends on jobs.
 * Everything is deterministic: the same inputs and sweeps give the same bytes. */
#ifndef QS_SENSITIVITY_H
#define QS_SENSITIVITY_H

#include <stddef.h>

#include "qs_diag.h"
#include "qs_engine.h"
#include "qs_i18n.h"
#include "qs_rubric.h"

/* The most values all the sweeps of one run may have together. */
#define QS_SWEEP_MAX_VALUES 1000

typedef struct {
  char *name;            /* the parameter */
  const qs_param *param; /* in the rubric given to qs_sweep_parse */
  double from, to, step;
  double *values; /* from, from + step, ... up to to; rounded to 10 significant digits */
  size_t n_values;
} qs_sweep;

typedef enum {
  QS_SWEEP_OK = 0,
  QS_SWEEP_SYNTAX,   /* not NAME=FROM:TO:STEP or a number that does not read */
  QS_SWEEP_UNKNOWN,  /* no such parameter (the caller says which is nearest) */
  QS_SWEEP_RANGE,    /* FROM or TO outside the parameter's range */
  QS_SWEEP_ORDER,    /* FROM > TO */
  QS_SWEEP_STEP,     /* STEP <= 0, or not a whole number for an integer parameter */
  QS_SWEEP_TOO_MANY, /* more than QS_SWEEP_MAX_VALUES values */
} qs_sweep_error;

/* Parse one --param NAME=FROM:TO:STEP. On an error *why gets the message in lang (free it);
 * for QS_SWEEP_UNKNOWN, s->name holds the name (free with qs_sweep_free). */
qs_sweep_error qs_sweep_parse(const qs_rubric *r, const char *spec, qs_lang lang, qs_sweep *s,
                              char **why);
void qs_sweep_free(qs_sweep *s);

/* One parameter set: names and values ("" / none: the defaults). */
typedef struct {
  const char *param; /* NULL: the defaults */
  double value;
} qs_sens_run;

/* What one run gave for one submission. */
typedef struct {
  int ok;      /* scored */
  int *level;  /* per indicator, rubric order */
  int *points; /* per indicator */
  int total;
  int triage; /* 0 recommend, 1 review, 2 reject */
} qs_sens_cell;

typedef struct {
  size_t n_subs, n_runs, n_inds;
  char **files;       /* as every output shows them, in the inputs' order */
  char **messages;    /* why a submission did not score under some run, NULL when it did */
  qs_sens_cell *cell; /* cell[sub * n_runs + run] */
} qs_sens_scores;

/* Score every file under every run (run 0 should be the defaults). jobs > 1: forked
 * workers. Every parameter is put back to its default afterwards. 0, or -1 when the workers
 * could not be started (in d). */
int qs_sens_score(qs_engine *e, char *const *paths, size_t n, const qs_sens_run *runs,
                  size_t n_runs, int jobs, qs_sens_scores *out, qs_diag *d);
void qs_sens_scores_free(qs_sens_scores *sc);
const qs_sens_cell *qs_sens_cell_at(const qs_sens_scores *sc, size_t sub, size_t run);
/* A submission scored under every run. */
int qs_sens_scored(const qs_sens_scores *sc, size_t sub);

/* Kendall's tau-b between two score lists (ties in either handled). 1 when both have no
 * pair that is not tied (nothing to rank) and they tie the same pairs; 0 when only one does. */
double qs_kendall_tau_b(const double *x, const double *y, size_t n);
/* How many of the top k of a agree with the top k of b (ranked by score, higher first, ties
 * by position in the list). k is cut to n. */
size_t qs_top_k_overlap(const double *a, const double *b, size_t n, size_t k);

typedef struct {
  const char *param; /* NULL: the defaults */
  double value;
  size_t *band_changes; /* per indicator: submissions whose band differs from the baseline */
  size_t any_changes;   /* submissions whose band changed in some indicator */
  size_t triage_changes, total_changes;
  double tau;
  size_t top_overlap;
} qs_sens_row;

typedef struct {
  size_t n_scored, n_failed, top;
  qs_sens_row *rows; /* one per run, run 0 first */
  size_t n_rows;
  const qs_sens_scores *scores;
} qs_sens_result;

/* Compare every run with run 0 over the submissions scored under every run. */
void qs_sens_compare(const qs_rubric *r, const qs_sens_scores *sc, const qs_sens_run *runs,
                     size_t top, qs_sens_result *res);
void qs_sens_result_free(qs_sens_result *res);
/* "text", "json" or "html"; NULL for another format. Free it. */
char *qs_sens_render(const qs_sens_result *res, const qs_rubric *r, const char *format,
                     qs_lang lang);

/* ------------------------------------------------------------------ calibration (part 3) */

#include "qs_panel.h"

/* One parameter of an indicator swept against the panel. */
typedef struct {
  const qs_param *param;
  double *values, *mad; /* the values tried, ascending, and the mean |suggested - panel| at each */
  size_t n_values;
  double default_mad, best_value, best_mad;
  size_t changed; /* submissions whose band (any indicator) or triage the best value changes */
} qs_cal_param;

/* A condition or a parameter behind the suggestions (the condition that decided the band, a
 * parameter any of its reasons cites, as the reports give them), with how often the panel
 * went above or below those suggestions. */
typedef struct {
  char *name;
  int is_param;
  size_t where, above, below;
} qs_cal_driver;

typedef struct {
  const qs_indicator_def *def;
  size_t n_panel;         /* submissions with a panel score for it */
  size_t above, below;    /* the panel more than half a point above / below the suggestion */
  int agrees;             /* the panel gave every suggestion its points: no parameter swept */
  qs_cal_driver *drivers; /* most overridden first, then by name */
  size_t n_drivers;
  qs_cal_param *params; /* most improved first, then by name */
  size_t n_params;
} qs_cal_indicator;

typedef struct {
  size_t n_subs;            /* submissions of the batch */
  size_t n_failed;          /* not re-scored under every value */
  size_t baseline_mismatch; /* re-scored at the defaults, the points differ from the batch's */
  qs_cal_indicator *inds;   /* the indicators calibrated, rubric order */
  size_t n_inds;
} qs_calibration;

/* The values tried for a parameter: 20 steps over its range, every step of a tenth of the
 * default (a whole number for an integer parameter) up to five either side of it, and the
 * default; ascending, each once. Free *values. */
size_t qs_cal_values(const qs_param *p, double **values);
/* Calibrate the indicators (only: one id, or NULL for all) of batch b against the panel's
 * result res: the batch's inputs (input.path, from the current folder) are re-scored under
 * each value of each parameter of the indicator (named with its id as prefix, or cited by its
 * suggestions' reasons), jobs workers. An indicator the panel did not score, or where it gave
 * exactly the suggested points, is not swept. A submission that could not be re-scored under
 * every value is left out and said in d (file and why). 0, or -1 with the reason in d. */
int qs_calibrate(qs_engine *e, const qs_panel_batch *b, const qs_panel_result *res,
                 const char *only, int jobs, qs_calibration *out, qs_diag *d);
void qs_calibration_free(qs_calibration *c);
/* "text", "json" or "html" (the text's lines as a page, with a plot of the mean difference
 * against the value for each parameter whose best value is not the default); NULL for another
 * format. Free it. */
char *qs_calibration_render(const qs_calibration *c, const char *format, qs_lang lang);

#endif
