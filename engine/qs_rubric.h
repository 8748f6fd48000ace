/* qs_rubric.h -- the rubric and policy parameters as the engine sees them.
 *
 * Read once from the facts that rules/<edition>/ asserts at reset (edition, section,
 * indicator, band, condition, factor-def, param) and checked: a rubric that could give a
 * score outside an indicator's maximum, or two bands for one score, never runs. */
#ifndef QS_RUBRIC_H
#define QS_RUBRIC_H

#include <stddef.h>

#include "qs_diag.h"
#include "qs_env.h"

typedef struct {
  int level, min, max;
  char *text, *text_en;
} qs_band;

typedef struct {
  int level;
  char *id, *text, *text_en;
} qs_condition;

typedef struct {
  int level, points;
  char *id, *text, *text_en;
  char *condition; /* "" or a condition of a higher band whose held facts show this factor */
} qs_factor_def;

typedef struct {
  char *id, *section, *name, *name_en;
  int order, max;
  qs_band *bands; /* bands[i].level == i + 1 */
  size_t n_bands;
  qs_condition *conds; /* in the order the rules define them */
  size_t n_conds;
  qs_factor_def *factors;
  size_t n_factors;
  int scored;   /* the rules define conditions for it */
  char *module; /* the CLIPS module of its rules (upper-case id), "" if none */
} qs_indicator_def;

typedef struct {
  char *id, *name, *name_en;
  int order, official_max, max; /* max: the sum of its items */
} qs_section_def;

typedef struct {
  char *name, *unit, *text, *text_en;
  int is_int;
  double value, dflt, min, max;
} qs_param;

typedef struct {
  char *edition, *title, *note, *note_en;
  qs_section_def *sections;
  size_t n_sections;
  qs_indicator_def *inds; /* in rubric order */
  size_t n_inds;
  qs_param *params; /* sorted by name */
  size_t n_params;
  int max_total;
} qs_rubric;

/* Read and check the rubric facts of a freshly reset environment. Returns 0, or -1 with the
 * problems in d. */
int qs_rubric_read(qs_env *qe, qs_rubric *r, qs_diag *d);
void qs_rubric_free(qs_rubric *r);
const qs_indicator_def *qs_rubric_indicator(const qs_rubric *r, const char *id);
const qs_section_def *qs_rubric_section(const qs_rubric *r, const char *id);
qs_param *qs_rubric_param(const qs_rubric *r, const char *name);
const qs_band *qs_indicator_band(const qs_indicator_def *ind, int level);
/* Format a parameter value as written ("24", "0.15"). */
void qs_param_format(const qs_param *p, double v, char out[32]);
/* A text of the rules with every {param-name} replaced by the parameter's current value
 * ("至少 {mechanism-meetings-per-year} 次" -> "至少 2 次"); free it. */
char *qs_rubric_expand(const qs_rubric *r, const char *text);

#endif
