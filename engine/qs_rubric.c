/* qs_rubric.c -- reading and checking the rubric facts. */
#include "qs_rubric.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "qs_util.h"

/* Parameters the engine itself reads; a rules folder without them cannot run. */
static const char *const required_params[] = {"window-months",
                                              "year-split-months",
                                              "rate-months-min",
                                              "triage-recommend-min",
                                              "triage-review-min",
                                              "max-input-mb",
                                              "max-elements",
                                              "max-evidence",
                                              "run-max-firings",
                                              "run-seconds",
                                              NULL};

static char *dup_slot(qs_env *qe, void *f, const char *slot) {
  return qs_xstrdup(qs_slot_str(qe, f, slot));
}

static void *tmpl(qs_env *qe, const char *name, qs_diag *d, int *bad) {
  void *t = qs_env_template(qe, name);
  if (!t) {
    qs_diag_add(d, NULL, 0, qs_msg_get(d->lang, QS_M_RUBRIC), name);
    *bad = 1;
  }
  return t;
}

static int cmp_ind(const void *a, const void *b) {
  const qs_indicator_def *x = a, *y = b;
  return (x->order > y->order) - (x->order < y->order);
}

static int cmp_sec(const void *a, const void *b) {
  const qs_section_def *x = a, *y = b;
  return (x->order > y->order) - (x->order < y->order);
}

static int cmp_param(const void *a, const void *b) {
  return strcmp(((const qs_param *)a)->name, ((const qs_param *)b)->name);
}

/* fmt is a message of the catalogs (ui.rubric-*), in the language of d. */
static void rubric_error(qs_diag *d, const char *fmt, ...);
static void rubric_error(qs_diag *d, const char *fmt, ...) {
  qs_buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  qs_buf_vaddf(&b, fmt, ap);
  va_end(ap);
  qs_diag_add(d, NULL, 0, qs_msg_get(d->lang, QS_M_RUBRIC), b.s);
  qs_buf_free(&b);
}

const qs_indicator_def *qs_rubric_indicator(const qs_rubric *r, const char *id) {
  for (size_t i = 0; i < r->n_inds; i++)
    if (strcmp(r->inds[i].id, id) == 0)
      return &r->inds[i];
  return NULL;
}

const qs_section_def *qs_rubric_section(const qs_rubric *r, const char *id) {
  for (size_t i = 0; i < r->n_sections; i++)
    if (strcmp(r->sections[i].id, id) == 0)
      return &r->sections[i];
  return NULL;
}

qs_param *qs_rubric_param(const qs_rubric *r, const char *name) {
  qs_param key = {.name = (char *)name};
  return r->n_params ? bsearch(&key, r->params, r->n_params, sizeof key, cmp_param) : NULL;
}

const qs_band *qs_indicator_band(const qs_indicator_def *ind, int level) {
  if (level < 1 || (size_t)level > ind->n_bands)
    return NULL;
  return &ind->bands[level - 1];
}

void qs_param_format(const qs_param *p, double v, char out[32]) {
  if (p->is_int)
    snprintf(out, 32, "%lld", (long long)v);
  else
    snprintf(out, 32, "%g", v);
}

char *qs_rubric_expand(const qs_rubric *r, const char *text) {
  qs_buf b = {0};
  qs_buf_add(&b, "");
  for (const char *p = text ? text : ""; *p;) {
    const char *close = *p == '{' ? strchr(p, '}') : NULL;
    if (close && close - p > 1 && close - p < 64) {
      char name[64];
      memcpy(name, p + 1, (size_t)(close - p - 1));
      name[close - p - 1] = '\0';
      const qs_param *param = qs_rubric_param(r, name);
      if (param) {
        char v[32];
        qs_param_format(param, param->value, v);
        qs_buf_add(&b, v);
        p = close + 1;
        continue;
      }
    }
    qs_buf_addn(&b, p, 1);
    p++;
  }
  return qs_buf_take(&b);
}

static qs_indicator_def *find_ind(qs_rubric *r, const char *id) {
  return (qs_indicator_def *)qs_rubric_indicator(r, id);
}

static int read_facts(qs_env *qe, qs_rubric *r, qs_diag *d) {
  int bad = 0;
  void *t_ed = tmpl(qe, "edition", d, &bad), *t_sec = tmpl(qe, "section", d, &bad),
       *t_ind = tmpl(qe, "indicator", d, &bad), *t_band = tmpl(qe, "band", d, &bad),
       *t_cond = tmpl(qe, "condition", d, &bad), *t_fac = tmpl(qe, "factor-def", d, &bad),
       *t_par = tmpl(qe, "param", d, &bad);
  if (bad)
    return -1;

  int editions = 0;
  for (void *f = qs_env_next_fact(qe, t_ed, NULL); f; f = qs_env_next_fact(qe, t_ed, f)) {
    if (editions++ == 0) {
      r->edition = dup_slot(qe, f, "id");
      r->title = dup_slot(qe, f, "title");
      r->note = dup_slot(qe, f, "note");
      r->note_en = dup_slot(qe, f, "note-en");
    }
  }
  if (editions != 1) {
    rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_EDITIONS), editions);
    return -1;
  }

  size_t cap = 0;
  for (void *f = qs_env_next_fact(qe, t_sec, NULL); f; f = qs_env_next_fact(qe, t_sec, f)) {
    qs_grow(&r->sections, &cap, r->n_sections + 1, sizeof *r->sections);
    r->sections[r->n_sections++] = (qs_section_def){
        .id = dup_slot(qe, f, "id"),
        .name = dup_slot(qe, f, "name"),
        .name_en = dup_slot(qe, f, "name-en"),
        .order = (int)qs_slot_int(qe, f, "order"),
        .official_max = (int)qs_slot_int(qe, f, "official-max"),
    };
  }
  qs_sort(r->sections, r->n_sections, sizeof *r->sections, cmp_sec);

  cap = 0;
  for (void *f = qs_env_next_fact(qe, t_ind, NULL); f; f = qs_env_next_fact(qe, t_ind, f)) {
    qs_grow(&r->inds, &cap, r->n_inds + 1, sizeof *r->inds);
    qs_indicator_def *ind = &r->inds[r->n_inds++];
    *ind = (qs_indicator_def){
        .id = dup_slot(qe, f, "id"),
        .section = dup_slot(qe, f, "section"),
        .name = dup_slot(qe, f, "name"),
        .name_en = dup_slot(qe, f, "name-en"),
        .order = (int)qs_slot_int(qe, f, "order"),
        .max = (int)qs_slot_int(qe, f, "max"),
    };
    qs_buf m = {0};
    for (const char *p = ind->id; *p; p++) {
      char c = (char)toupper((unsigned char)*p);
      qs_buf_addn(&m, &c, 1);
    }
    char *mod = qs_buf_take(&m);
    ind->module = qs_env_has_module(qe, mod) ? mod : (free(mod), qs_xstrdup(""));
  }
  qs_sort(r->inds, r->n_inds, sizeof *r->inds, cmp_ind);

  for (void *f = qs_env_next_fact(qe, t_band, NULL); f; f = qs_env_next_fact(qe, t_band, f)) {
    const char *iid = qs_slot_str(qe, f, "indicator");
    qs_indicator_def *ind = find_ind(r, iid);
    if (!ind) {
      rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_BAND_INDICATOR), iid);
      bad = 1;
      continue;
    }
    ind->bands = qs_xrealloc(ind->bands, (ind->n_bands + 1) * sizeof *ind->bands);
    ind->bands[ind->n_bands++] = (qs_band){
        .level = (int)qs_slot_int(qe, f, "level"),
        .min = (int)qs_slot_int(qe, f, "min"),
        .max = (int)qs_slot_int(qe, f, "max"),
        .text = dup_slot(qe, f, "text"),
        .text_en = dup_slot(qe, f, "text-en"),
    };
  }

  for (void *f = qs_env_next_fact(qe, t_cond, NULL); f; f = qs_env_next_fact(qe, t_cond, f)) {
    const char *iid = qs_slot_str(qe, f, "indicator");
    qs_indicator_def *ind = find_ind(r, iid);
    if (!ind) {
      rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_CONDITION_INDICATOR),
                   qs_slot_str(qe, f, "id"), iid);
      bad = 1;
      continue;
    }
    ind->conds = qs_xrealloc(ind->conds, (ind->n_conds + 1) * sizeof *ind->conds);
    ind->conds[ind->n_conds++] = (qs_condition){
        .level = (int)qs_slot_int(qe, f, "level"),
        .id = dup_slot(qe, f, "id"),
        .text = dup_slot(qe, f, "text"),
        .text_en = dup_slot(qe, f, "text-en"),
    };
    ind->scored = 1;
  }

  for (void *f = qs_env_next_fact(qe, t_fac, NULL); f; f = qs_env_next_fact(qe, t_fac, f)) {
    const char *iid = qs_slot_str(qe, f, "indicator");
    qs_indicator_def *ind = find_ind(r, iid);
    if (!ind) {
      rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_FACTOR_INDICATOR), qs_slot_str(qe, f, "id"),
                   iid);
      bad = 1;
      continue;
    }
    ind->factors = qs_xrealloc(ind->factors, (ind->n_factors + 1) * sizeof *ind->factors);
    ind->factors[ind->n_factors++] = (qs_factor_def){
        .level = (int)qs_slot_int(qe, f, "level"),
        .points = (int)qs_slot_int(qe, f, "points"),
        .id = dup_slot(qe, f, "id"),
        .text = dup_slot(qe, f, "text"),
        .text_en = dup_slot(qe, f, "text-en"),
        .condition = dup_slot(qe, f, "condition"),
    };
    qs_factor_def *fd = &ind->factors[ind->n_factors - 1];
    if (strcmp(fd->condition, "nil") == 0)
      fd->condition[0] = '\0';
  }

  cap = 0;
  for (void *f = qs_env_next_fact(qe, t_par, NULL); f; f = qs_env_next_fact(qe, t_par, f)) {
    qs_grow(&r->params, &cap, r->n_params + 1, sizeof *r->params);
    qs_param *p = &r->params[r->n_params++];
    *p = (qs_param){
        .name = dup_slot(qe, f, "name"),
        .unit = dup_slot(qe, f, "unit"),
        .text = dup_slot(qe, f, "text"),
        .text_en = dup_slot(qe, f, "text-en"),
        .is_int = qs_slot_is_int(qe, f, "value"),
        .value = qs_slot_num(qe, f, "value"),
        .min = qs_slot_num(qe, f, "min"),
        .max = qs_slot_num(qe, f, "max"),
    };
    p->dflt = p->value;
  }
  qs_sort(r->params, r->n_params, sizeof *r->params, cmp_param);
  return bad ? -1 : 0;
}

static int cmp_band(const void *a, const void *b) {
  const qs_band *x = a, *y = b;
  return (x->level > y->level) - (x->level < y->level);
}

static int check(qs_rubric *r, qs_diag *d) {
  int bad = 0;
  for (size_t i = 0; i < r->n_sections; i++)
    for (size_t j = i + 1; j < r->n_sections; j++)
      if (strcmp(r->sections[i].id, r->sections[j].id) == 0) {
        rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_SECTION_TWICE), r->sections[i].id);
        bad = 1;
      }
  if (r->n_inds == 0) {
    rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_NO_INDICATORS));
    bad = 1;
  }
  r->max_total = 0;
  for (size_t i = 0; i < r->n_inds; i++) {
    qs_indicator_def *ind = &r->inds[i];
    for (size_t j = i + 1; j < r->n_inds; j++) {
      if (strcmp(ind->id, r->inds[j].id) == 0) {
        rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_INDICATOR_TWICE), ind->id);
        bad = 1;
      }
      if (ind->order == r->inds[j].order) {
        rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_SAME_ORDER), ind->id, r->inds[j].id,
                     ind->order);
        bad = 1;
      }
    }
    qs_section_def *sec = (qs_section_def *)qs_rubric_section(r, ind->section);
    if (!sec) {
      rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_UNKNOWN_SECTION), ind->id, ind->section);
      bad = 1;
    } else {
      sec->max += ind->max;
    }
    if (ind->max <= 0) {
      rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_MAX_POSITIVE), ind->id, ind->max);
      bad = 1;
    }
    r->max_total += ind->max;
    if (ind->n_bands == 0) {
      rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_NO_BANDS), ind->id);
      bad = 1;
      continue;
    }
    qs_sort(ind->bands, ind->n_bands, sizeof *ind->bands, cmp_band);
    for (size_t k = 0; k < ind->n_bands; k++) {
      const qs_band *b = &ind->bands[k];
      if (b->level != (int)k + 1) {
        rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_BAND_NUMBERS), ind->id, ind->n_bands,
                     b->level);
        bad = 1;
        break;
      }
      if (b->min < 0 || b->min > b->max || b->max > ind->max) {
        rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_BAND_RANGE), ind->id, b->level, b->min,
                     b->max, ind->max);
        bad = 1;
      }
      if (k > 0 && ind->bands[k - 1].max >= b->min) {
        rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_BAND_OVERLAP), ind->id, b->level - 1,
                     ind->bands[k - 1].min, ind->bands[k - 1].max, b->level, b->min, b->max);
        bad = 1;
      }
    }
    if (ind->bands[ind->n_bands - 1].max != ind->max) {
      rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_TOP_BAND), ind->id,
                   ind->bands[ind->n_bands - 1].max, ind->max);
      bad = 1;
    }
    for (size_t k = 0; k < ind->n_conds; k++) {
      const qs_condition *c = &ind->conds[k];
      if (!qs_indicator_band(ind, c->level)) {
        rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_CONDITION_BAND), ind->id, c->id, c->level);
        bad = 1;
      }
      for (size_t j = k + 1; j < ind->n_conds; j++)
        if (strcmp(c->id, ind->conds[j].id) == 0) {
          rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_CONDITION_TWICE), ind->id, c->id);
          bad = 1;
        }
    }
    if (ind->scored)
      for (size_t k = 0; k < ind->n_bands; k++) {
        int n = 0;
        for (size_t j = 0; j < ind->n_conds; j++)
          n += ind->conds[j].level == ind->bands[k].level;
        if (n == 0) {
          rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_BAND_NO_CONDITIONS), ind->id,
                       ind->bands[k].level);
          bad = 1;
        }
      }
    for (size_t k = 0; k < ind->n_factors; k++) {
      const qs_factor_def *f = &ind->factors[k];
      if (!qs_indicator_band(ind, f->level)) {
        rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_FACTOR_BAND), ind->id, f->id, f->level);
        bad = 1;
      }
      if (f->condition[0]) {
        const qs_condition *c = NULL;
        for (size_t j = 0; j < ind->n_conds; j++)
          if (strcmp(ind->conds[j].id, f->condition) == 0)
            c = &ind->conds[j];
        if (!c || c->level <= f->level) {
          rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_FACTOR_REFERS), ind->id, f->id,
                       f->condition);
          bad = 1;
        }
      }
      if (f->points < 1) {
        rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_FACTOR_POINTS), ind->id, f->id);
        bad = 1;
      }
      for (size_t j = k + 1; j < ind->n_factors; j++)
        if (strcmp(f->id, ind->factors[j].id) == 0 && f->level == ind->factors[j].level) {
          rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_FACTOR_TWICE), ind->id, f->id, f->level);
          bad = 1;
        }
    }
  }
  /* Every band's top must be reachable: its factors must add up to its width, and factors that
   * are the conditions of the band above cannot all hold at once (that band would be chosen). */
  for (size_t i = 0; i < r->n_inds && !bad; i++) {
    const qs_indicator_def *ind = &r->inds[i];
    if (!ind->scored)
      continue;
    for (size_t k = 0; k < ind->n_bands; k++) {
      const qs_band *b = &ind->bands[k];
      int total = 0, smallest = 0, covered = 0, next_conds = 0;
      for (size_t j = 0; j < ind->n_conds; j++)
        next_conds += ind->conds[j].level == b->level + 1;
      for (size_t j = 0; j < ind->n_factors; j++) {
        const qs_factor_def *f = &ind->factors[j];
        if (f->level != b->level)
          continue;
        total += f->points;
        for (size_t c = 0; f->condition[0] && c < ind->n_conds; c++)
          if (ind->conds[c].level == b->level + 1 && strcmp(ind->conds[c].id, f->condition) == 0) {
            covered++;
            if (smallest == 0 || f->points < smallest)
              smallest = f->points;
          }
      }
      if (next_conds > 0 && covered >= next_conds)
        total -= smallest;
      if (b->min + total < b->max) {
        rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_FACTORS_REACH), ind->id, b->level, b->min,
                     b->max, b->min + total);
        bad = 1;
      }
    }
  }
  for (size_t i = 0; i < r->n_params; i++) {
    const qs_param *p = &r->params[i];
    if (i > 0 && strcmp(p->name, r->params[i - 1].name) == 0) {
      rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_PARAM_TWICE), p->name);
      bad = 1;
    }
    if (!(p->min <= p->value && p->value <= p->max) || !isfinite(p->value)) {
      rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_PARAM_DEFAULT), p->name, p->value, p->min,
                   p->max);
      bad = 1;
    }
  }
  for (int i = 0; required_params[i]; i++)
    if (!qs_rubric_param(r, required_params[i])) {
      rubric_error(d, qs_msg_get(d->lang, QS_M_RUBRIC_PARAM_MISSING), required_params[i]);
      bad = 1;
    }
  return bad ? -1 : 0;
}

int qs_rubric_read(qs_env *qe, qs_rubric *r, qs_diag *d) {
  *r = (qs_rubric){0};
  if (read_facts(qe, r, d) != 0)
    return -1;
  return check(r, d);
}

void qs_rubric_free(qs_rubric *r) {
  free(r->edition);
  free(r->title);
  free(r->note);
  free(r->note_en);
  for (size_t i = 0; i < r->n_sections; i++) {
    free(r->sections[i].id);
    free(r->sections[i].name);
    free(r->sections[i].name_en);
  }
  free(r->sections);
  for (size_t i = 0; i < r->n_inds; i++) {
    qs_indicator_def *ind = &r->inds[i];
    free(ind->id);
    free(ind->section);
    free(ind->name);
    free(ind->name_en);
    free(ind->module);
    for (size_t k = 0; k < ind->n_bands; k++) {
      free(ind->bands[k].text);
      free(ind->bands[k].text_en);
    }
    free(ind->bands);
    for (size_t k = 0; k < ind->n_conds; k++) {
      free(ind->conds[k].id);
      free(ind->conds[k].text);
      free(ind->conds[k].text_en);
    }
    free(ind->conds);
    for (size_t k = 0; k < ind->n_factors; k++) {
      free(ind->factors[k].id);
      free(ind->factors[k].text);
      free(ind->factors[k].text_en);
      free(ind->factors[k].condition);
    }
    free(ind->factors);
  }
  free(r->inds);
  for (size_t i = 0; i < r->n_params; i++) {
    free(r->params[i].name);
    free(r->params[i].unit);
    free(r->params[i].text);
    free(r->params[i].text_en);
  }
  free(r->params);
  *r = (qs_rubric){0};
}
