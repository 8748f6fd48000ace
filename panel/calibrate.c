/* calibrate.c -- where the rules and the panel part, and which parameter values would bring
 * them together (issue 16, part 3; see qs_sensitivity.h). It suggests; it never changes a
 * default. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qs_render.h"
#include "qs_sensitivity.h"
#include "qs_util.h"

/* The panel is above or below a suggestion when it differs by more than this many points. */
#define QS_CAL_TOLERANCE 0.5

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double round10(double v) {
  char s[64];
  snprintf(s, sizeof s, "%.10g", v);
  double r = strtod(s, NULL);
  return r == 0 ? 0 : r;
}

size_t qs_cal_values(const qs_param *p, double **values) {
  size_t n = 0, cap = 64;
  double *v = qs_xcalloc(cap, sizeof *v);
#define ADD(x)                                                                                     \
  do {                                                                                             \
    double x_ = p->is_int ? round(x) : round10(x);                                                 \
    if (x_ >= p->min && x_ <= p->max) {                                                            \
      qs_grow(&v, &cap, n + 1, sizeof *v);                                                         \
      v[n++] = x_;                                                                                 \
    }                                                                                              \
  } while (0)
  for (int k = 0; k <= 20; k++)
    ADD(p->min + (p->max - p->min) * k / 20.0);
  double h = p->is_int ? 1 : p->dflt != 0 ? fabs(p->dflt) / 10 : (p->max - p->min) / 100;
  for (int k = -5; k <= 5; k++)
    ADD(p->dflt + k * h);
  ADD(p->dflt);
#undef ADD
  qs_sort(v, n, sizeof *v, cmp_double);
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (m == 0 || v[i] != v[m - 1])
      v[m++] = v[i];
  *values = v;
  return m;
}

/* Parameters that are not an indicator's: limits, the window, triage, the panel's own. */
static int global_param(const char *name) {
  static const char *const prefixes[] = {"max-",    "run-",          "batch-", "panel-",
                                         "triage-", "window-months", "year-",  "rate-months-min"};
  for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
    if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
      return 1;
  return 0;
}

static void add_name(char ***names, size_t *n, const char *name) {
  for (size_t i = 0; i < *n; i++)
    if (strcmp((*names)[i], name) == 0)
      return;
  *names = qs_xrealloc(*names, (*n + 1) * sizeof **names);
  (*names)[(*n)++] = qs_xstrdup(name);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The parameters of an indicator: named with its id as prefix, or cited by its suggestions. */
static size_t indicator_params(const qs_rubric *r, const qs_panel_batch *b, size_t ind,
                               char ***out) {
  char **names = NULL;
  size_t n = 0;
  const char *id = r->inds[ind].id;
  size_t len = strlen(id);
  for (size_t i = 0; i < r->n_params; i++)
    if (strncmp(r->params[i].name, id, len) == 0 && r->params[i].name[len] == '-')
      add_name(&names, &n, r->params[i].name);
  for (size_t s = 0; s < b->n_subs; s++)
    if (ind < b->subs[s].n_inds) {
      const qs_panel_suggestion *g = &b->subs[s].inds[ind];
      for (size_t k = 0; k < g->n_params; k++)
        if (!global_param(g->params[k]))
          add_name(&names, &n, g->params[k]);
    }
  qs_sort(names, n, sizeof *names, cmp_str);
  *out = names;
  return n;
}

static qs_cal_driver *driver(qs_cal_indicator *ci, const char *name, int is_param) {
  for (size_t i = 0; i < ci->n_drivers; i++)
    if (ci->drivers[i].is_param == is_param && strcmp(ci->drivers[i].name, name) == 0)
      return &ci->drivers[i];
  ci->drivers = qs_xrealloc(ci->drivers, (ci->n_drivers + 1) * sizeof *ci->drivers);
  qs_cal_driver *dr = &ci->drivers[ci->n_drivers++];
  *dr = (qs_cal_driver){qs_xstrdup(name), is_param, 0, 0, 0};
  return dr;
}

static int cmp_driver(const void *a, const void *b) {
  const qs_cal_driver *x = a, *y = b;
  size_t ox = x->above + x->below, oy = y->above + y->below;
  if (ox != oy)
    return ox > oy ? -1 : 1;
  if (x->is_param != y->is_param)
    return x->is_param ? -1 : 1;
  return strcmp(x->name, y->name);
}

static int cmp_cal_param(const void *a, const void *b) {
  const qs_cal_param *x = a, *y = b;
  double gx = x->default_mad - x->best_mad, gy = y->default_mad - y->best_mad;
  if (fabs(gx - gy) > 1e-9)
    return gx > gy ? -1 : 1;
  return strcmp(x->param->name, y->param->name);
}

/* The scoring day of the batch's reports (submission.window.as_of of the first), yyyymmdd, or
 * 0 when it cannot be read. */
static long batch_as_of(const char *dir) {
  qs_buf path = {0};
  qs_buf_addf(&path, "%s/results.jsonl", dir);
  FILE *fp = fopen(path.s, "r");
  qs_buf_free(&path);
  if (!fp)
    return 0;
  char *line = NULL;
  size_t cap = 0;
  long day = 0;
  if (getline(&line, &cap, fp) > 0) {
    json_error_t err;
    json_t *o = json_loads(line, 0, &err);
    const char *s = json_string_value(
        json_object_get(json_object_get(json_object_get(o, "submission"), "window"), "as_of"));
    int y, m, dd;
    if (s && qs_date_parse(s, &y, &m, &dd) == 0)
      day = qs_date_int(y, m, dd);
    json_decref(o);
  }
  free(line);
  fclose(fp);
  return day;
}

int qs_calibrate(qs_engine *e, const qs_panel_batch *b, const qs_panel_result *res,
                 const char *only, int jobs, qs_calibration *out, qs_diag *d) {
  const qs_rubric *r = qs_engine_rubric(e);
  memset(out, 0, sizeof *out);
  out->n_subs = b->n_subs;
  long day = batch_as_of(b->dir);
  if (day)
    qs_engine_set_as_of(e, day);

  /* The runs: the defaults, then every value of every parameter of every indicator. */
  size_t n_runs = 1, cap_runs = 64;
  qs_sens_run *runs = qs_xcalloc(cap_runs, sizeof *runs);
  runs[0] = (qs_sens_run){NULL, 0};
  out->inds = qs_xcalloc(r->n_inds ? r->n_inds : 1, sizeof *out->inds);
  size_t **first_run = qs_xcalloc(r->n_inds ? r->n_inds : 1, sizeof *first_run);
  for (size_t i = 0; i < r->n_inds; i++) {
    if (only && strcmp(r->inds[i].id, only) != 0)
      continue;
    if (!r->inds[i].scored)
      continue;
    qs_cal_indicator *ci = &out->inds[out->n_inds++];
    ci->def = &r->inds[i];
    /* Nothing to bring together where the panel did not score or gave the suggestion. */
    double apart = 0;
    size_t scored = 0;
    for (size_t s = 0; s < res->n_subs; s++) {
      const qs_panel_cell *cell = &res->subs[s].cells[i];
      if (cell->n > 0 && !isnan(cell->panel)) {
        apart += fabs(cell->panel - cell->suggested);
        scored++;
      }
    }
    ci->agrees = scored > 0 && apart == 0;
    char **names = NULL;
    size_t n = scored > 0 && apart > 0 ? indicator_params(r, b, i, &names) : 0;
    ci->params = qs_xcalloc(n ? n : 1, sizeof *ci->params);
    first_run[out->n_inds - 1] = qs_xcalloc(n ? n : 1, sizeof **first_run);
    for (size_t k = 0; k < n; k++) {
      qs_cal_param *cp = &ci->params[ci->n_params];
      cp->param = qs_rubric_param(r, names[k]);
      free(names[k]);
      if (!cp->param)
        continue;
      cp->n_values = qs_cal_values(cp->param, &cp->values);
      cp->mad = qs_xcalloc(cp->n_values, sizeof *cp->mad);
      first_run[out->n_inds - 1][ci->n_params] = n_runs;
      for (size_t v = 0; v < cp->n_values; v++) {
        qs_grow(&runs, &cap_runs, n_runs + 1, sizeof *runs);
        runs[n_runs++] = (qs_sens_run){cp->param->name, cp->values[v]};
      }
      ci->n_params++;
    }
    free(names);
  }

  /* Every submission of the batch under every run. */
  char **paths = qs_xcalloc(b->n_subs ? b->n_subs : 1, sizeof *paths);
  for (size_t s = 0; s < b->n_subs; s++)
    paths[s] = b->subs[s].file;
  qs_sens_scores sc;
  int rc = qs_sens_score(e, paths, b->n_subs, runs, n_runs, jobs, &sc, d);
  free(paths);
  if (rc != 0) {
    free(runs);
    for (size_t i = 0; i < r->n_inds; i++)
      free(first_run[i]);
    free(first_run);
    return -1;
  }
  for (size_t s = 0; s < b->n_subs; s++) {
    if (!qs_sens_scored(&sc, s)) {
      /* Said, not dropped: the file and why (a batch input moved away, a limit). */
      out->n_failed++;
      qs_diag_add(d, NULL, 0, "%s", sc.messages[s] ? sc.messages[s] : sc.files[s]);
      continue;
    }
    const qs_sens_cell *c0 = qs_sens_cell_at(&sc, s, 0);
    for (size_t i = 0; i < r->n_inds && i < b->subs[s].n_inds; i++)
      if (c0->points[i] != b->subs[s].inds[i].points) {
        out->baseline_mismatch++;
        break;
      }
  }

  for (size_t k = 0; k < out->n_inds; k++) {
    qs_cal_indicator *ci = &out->inds[k];
    size_t ind = (size_t)(ci->def - r->inds);
    /* Who went above or below the suggestion, and under which conditions and parameters: the
     * condition that decided the band, and every parameter its reasons cite (the placement
     * factors' too). */
    for (size_t s = 0; s < res->n_subs; s++) {
      const qs_panel_cell *cell = &res->subs[s].cells[ind];
      if (cell->n == 0 || isnan(cell->panel))
        continue;
      ci->n_panel++;
      double diff = cell->panel - cell->suggested;
      int above = diff > QS_CAL_TOLERANCE, below = diff < -QS_CAL_TOLERANCE;
      ci->above += above;
      ci->below += below;
      const qs_panel_suggestion *g = &res->subs[s].sub->inds[ind];
      if (g->decisive >= 0 && g->reasons[g->decisive].condition[0]) {
        qs_cal_driver *dr = driver(ci, g->reasons[g->decisive].condition, 0);
        dr->where++;
        dr->above += above;
        dr->below += below;
      }
      for (size_t p = 0; p < g->n_params; p++) {
        qs_cal_driver *dr = driver(ci, g->params[p], 1);
        dr->where++;
        dr->above += above;
        dr->below += below;
      }
    }
    qs_sort(ci->drivers, ci->n_drivers, sizeof *ci->drivers, cmp_driver);

    /* Each parameter: the mean |suggested - panel| at each value, over the submissions the
     * panel scored (res->subs is in the batch's order, as sc is). */
    for (size_t p = 0; p < ci->n_params; p++) {
      qs_cal_param *cp = &ci->params[p];
      size_t run0 = first_run[k][p];
      for (size_t v = 0; v < cp->n_values; v++) {
        double sum = 0;
        size_t n = 0;
        for (size_t s = 0; s < res->n_subs && s < sc.n_subs; s++) {
          const qs_panel_cell *cell = &res->subs[s].cells[ind];
          if (cell->n == 0 || isnan(cell->panel) || !qs_sens_scored(&sc, s))
            continue;
          sum += fabs(qs_sens_cell_at(&sc, s, run0 + v)->points[ind] - cell->panel);
          n++;
        }
        cp->mad[v] = n ? round(sum / (double)n * 1e6) / 1e6 : NAN;
      }
      /* The best: the least MAD; among equals the default, else the nearest to it, else the
       * lower. */
      size_t best = 0, at_default = 0;
      for (size_t v = 0; v < cp->n_values; v++)
        if (cp->values[v] == cp->param->dflt)
          at_default = v;
      cp->default_mad = cp->mad[at_default];
      best = at_default;
      for (size_t v = 0; v < cp->n_values; v++) {
        if (isnan(cp->mad[v]))
          continue;
        if (isnan(cp->mad[best]) || cp->mad[v] < cp->mad[best] - 1e-9)
          best = v;
        else if (fabs(cp->mad[v] - cp->mad[best]) <= 1e-9 && best != at_default &&
                 fabs(cp->values[v] - cp->param->dflt) < fabs(cp->values[best] - cp->param->dflt))
          best = v;
      }
      cp->best_value = cp->values[best];
      cp->best_mad = cp->mad[best];
      for (size_t s = 0; s < sc.n_subs; s++) {
        if (!qs_sens_scored(&sc, s))
          continue;
        const qs_sens_cell *c0 = qs_sens_cell_at(&sc, s, 0),
                           *cb = qs_sens_cell_at(&sc, s, run0 + best);
        int moved = c0->triage != cb->triage;
        for (size_t i = 0; i < r->n_inds && !moved; i++)
          moved = c0->level[i] != cb->level[i];
        cp->changed += moved;
      }
    }
    qs_sort(ci->params, ci->n_params, sizeof *ci->params, cmp_cal_param);
  }
  qs_sens_scores_free(&sc);
  free(runs);
  for (size_t i = 0; i < r->n_inds; i++)
    free(first_run[i]);
  free(first_run);
  return 0;
}

void qs_calibration_free(qs_calibration *c) {
  for (size_t k = 0; k < c->n_inds; k++) {
    qs_cal_indicator *ci = &c->inds[k];
    for (size_t i = 0; i < ci->n_drivers; i++)
      free(ci->drivers[i].name);
    free(ci->drivers);
    for (size_t p = 0; p < ci->n_params; p++) {
      free(ci->params[p].values);
      free(ci->params[p].mad);
    }
    free(ci->params);
  }
  free(c->inds);
  memset(c, 0, sizeof *c);
}

/* ------------------------------------------------------------------ rendering */

static void fmt(double v, char out[32]) {
  if (isnan(v))
    snprintf(out, 32, "-");
  else
    snprintf(out, 32, "%.10g", v == 0 ? 0 : v);
}

static void fmt2(double v, char out[32]) {
  if (isnan(v))
    snprintf(out, 32, "-");
  else
    snprintf(out, 32, "%.2f", v == 0 ? 0 : v);
}

/* A condition in words: its rubric text up to the colon that introduces the details
 * ("产业资源利用提升显著：..."), or its id when the rubric has no text for it. */
static char *condition_words(const qs_indicator_def *def, const char *id, qs_lang L) {
  for (size_t i = 0; i < def->n_conds; i++) {
    const qs_condition *c = &def->conds[i];
    if (strcmp(c->id, id) != 0)
      continue;
    const char *t = L == QS_LANG_EN && c->text_en && c->text_en[0] ? c->text_en : c->text;
    if (!t || !t[0])
      break;
    const char *cut = strstr(t, "\xef\xbc\x9a"); /* U+FF1A FULLWIDTH COLON */
    const char *cut2 = strstr(t, ": ");
    if (!cut || (cut2 && cut2 < cut))
      cut = cut2;
    return cut ? qs_xstrndup(t, (size_t)(cut - t)) : qs_xstrdup(t);
  }
  return qs_xstrdup(id);
}

static char *render_text(const qs_calibration *c, qs_lang L) {
  qs_buf b = {0};
  qs_buf_addf(&b, qs_msg_get(L, QS_M_CAL_TITLE), c->n_subs, c->n_failed);
  qs_buf_add(&b, "\n");
  if (c->baseline_mismatch) {
    qs_buf_addf(&b, qs_msg_get(L, QS_M_CAL_MISMATCH), c->baseline_mismatch);
    qs_buf_add(&b, "\n");
  }
  for (size_t k = 0; k < c->n_inds; k++) {
    const qs_cal_indicator *ci = &c->inds[k];
    const char *name = L == QS_LANG_EN && ci->def->name_en && ci->def->name_en[0] ? ci->def->name_en
                                                                                  : ci->def->name;
    qs_buf_add(&b, "\n");
    qs_buf_addf(&b, qs_msg_get(L, QS_M_CAL_INDICATOR), name, ci->def->id, ci->above, ci->n_panel,
                ci->below, ci->n_panel);
    qs_buf_add(&b, "\n");
    if (ci->agrees || ci->n_panel == 0) {
      qs_buf_add(&b, "  ");
      qs_buf_add(&b, qs_msg_get(L, ci->agrees ? QS_M_CAL_AGREES : QS_M_CAL_UNSCORED));
      qs_buf_add(&b, "\n");
    }
    for (size_t i = 0; i < ci->n_drivers && i < 5; i++) {
      const qs_cal_driver *dr = &ci->drivers[i];
      if (dr->above + dr->below == 0)
        break;
      qs_buf_add(&b, "  ");
      if (dr->is_param) {
        qs_buf_addf(&b, qs_msg_get(L, QS_M_CAL_DRIVER_PARAM), dr->name, dr->above, dr->where,
                    dr->below);
      } else {
        char *words = condition_words(ci->def, dr->name, L);
        qs_buf_addf(&b, qs_msg_get(L, QS_M_CAL_DRIVER_COND), dr->name, words, dr->above, dr->where,
                    dr->below);
        free(words);
      }
      qs_buf_add(&b, "\n");
    }
    for (size_t p = 0; p < ci->n_params; p++) {
      const qs_cal_param *cp = &ci->params[p];
      char dv[32], dm[32], bv[32], bm[32];
      fmt(cp->param->dflt, dv);
      fmt2(cp->default_mad, dm);
      fmt(cp->best_value, bv);
      fmt2(cp->best_mad, bm);
      qs_buf_add(&b, "  ");
      if (cp->best_value == cp->param->dflt)
        qs_buf_addf(&b, qs_msg_get(L, QS_M_CAL_PARAM_KEEP), cp->param->name, dv, dm);
      else
        qs_buf_addf(&b, qs_msg_get(L, QS_M_CAL_PARAM), cp->param->name, dv, dm, bv, bm,
                    cp->changed);
      qs_buf_add(&b, "\n");
    }
  }
  return qs_buf_take(&b);
}

static json_t *num(double v) {
  if (isnan(v))
    return json_null();
  return v == floor(v) && fabs(v) < 1e15 ? json_integer((json_int_t)v) : json_real(v);
}

static char *render_json(const qs_calibration *c) {
  json_t *root = json_object();
  json_object_set_new(root, "submissions", json_integer((json_int_t)c->n_subs));
  json_object_set_new(root, "failed", json_integer((json_int_t)c->n_failed));
  json_object_set_new(root, "baseline_mismatch", json_integer((json_int_t)c->baseline_mismatch));
  json_t *inds = json_array();
  for (size_t k = 0; k < c->n_inds; k++) {
    const qs_cal_indicator *ci = &c->inds[k];
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(ci->def->id));
    json_object_set_new(o, "panel_scored", json_integer((json_int_t)ci->n_panel));
    json_object_set_new(o, "panel_above", json_integer((json_int_t)ci->above));
    json_object_set_new(o, "panel_below", json_integer((json_int_t)ci->below));
    json_object_set_new(o, "agrees", json_boolean(ci->agrees));
    json_t *drs = json_array();
    for (size_t i = 0; i < ci->n_drivers; i++) {
      const qs_cal_driver *dr = &ci->drivers[i];
      json_t *x = json_object();
      json_object_set_new(x, dr->is_param ? "param" : "condition", json_string(dr->name));
      json_object_set_new(x, "where", json_integer((json_int_t)dr->where));
      json_object_set_new(x, "panel_above", json_integer((json_int_t)dr->above));
      json_object_set_new(x, "panel_below", json_integer((json_int_t)dr->below));
      json_array_append_new(drs, x);
    }
    json_object_set_new(o, "drivers", drs);
    json_t *ps = json_array();
    for (size_t p = 0; p < ci->n_params; p++) {
      const qs_cal_param *cp = &ci->params[p];
      json_t *x = json_object();
      json_object_set_new(x, "name", json_string(cp->param->name));
      json_object_set_new(x, "default", num(cp->param->dflt));
      json_object_set_new(x, "default_mad", num(cp->default_mad));
      json_object_set_new(x, "best", num(cp->best_value));
      json_object_set_new(x, "best_mad", num(cp->best_mad));
      json_object_set_new(x, "changed", json_integer((json_int_t)cp->changed));
      json_t *sweep = json_array();
      for (size_t v = 0; v < cp->n_values; v++) {
        json_t *pt = json_array();
        json_array_append_new(pt, num(cp->values[v]));
        json_array_append_new(pt, num(cp->mad[v]));
        json_array_append_new(sweep, pt);
      }
      json_object_set_new(x, "sweep", sweep);
      json_array_append_new(ps, x);
    }
    json_object_set_new(o, "params", ps);
    json_array_append_new(inds, o);
  }
  json_object_set_new(root, "indicators", inds);
  return qs_json_text(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
}

static void esc(qs_buf *b, const char *s) { qs_buf_add_html(b, s); }

/* The mean difference from the panel against the value, the default dashed, the best marked:
 * an inline SVG. */
static void plot(qs_buf *b, const qs_cal_param *cp, qs_lang L) {
  const double W = 420, H = 160, Lm = 44, R = 12, T = 14, B = 26;
  double lo = cp->values[0], hi = cp->values[cp->n_values - 1], top = 0;
  for (size_t v = 0; v < cp->n_values; v++)
    if (!isnan(cp->mad[v]) && cp->mad[v] > top)
      top = cp->mad[v];
  if (top <= 0)
    top = 1;
  double span = hi > lo ? hi - lo : 1;
#define X(v) (Lm + ((v)-lo) / span * (W - Lm - R))
#define Y(m) (T + (1 - (m) / top) * (H - T - B))
  qs_buf_addf(b,
              "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
              "viewBox=\"0 0 %.0f %.0f\" role=\"img\">\n<rect x=\"%.0f\" y=\"%.0f\" "
              "width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#999\"/>\n",
              W, H, W, H, Lm, T, W - Lm - R, H - T - B);
  char a[32], z[32], t[32];
  fmt(lo, a);
  fmt(hi, z);
  fmt2(top, t);
  qs_buf_addf(b,
              "<text x=\"%.0f\" y=\"%.0f\" font-size=\"10\">%s</text>\n<text x=\"%.0f\" "
              "y=\"%.0f\" font-size=\"10\" text-anchor=\"end\">%s</text>\n<text x=\"%.0f\" "
              "y=\"%.0f\" font-size=\"10\" text-anchor=\"end\">%s</text>\n<text x=\"%.0f\" "
              "y=\"%.0f\" font-size=\"10\" text-anchor=\"end\">0</text>\n",
              Lm, H - B + 12, a, W - R, H - B + 12, z, Lm - 3, T + 4, t, Lm - 3, H - B);
  double d = cp->param->dflt;
  qs_buf_addf(b,
              "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#777\" "
              "stroke-dasharray=\"4 3\"/>\n",
              X(d), T, X(d), H - B);
  qs_buf_add(b, "<polyline fill=\"none\" stroke=\"#2e6fb7\" stroke-width=\"2\" points=\"");
  int first = 1;
  for (size_t v = 0; v < cp->n_values; v++) {
    if (isnan(cp->mad[v]))
      continue;
    qs_buf_addf(b, "%s%.1f,%.1f", first ? "" : " ", X(cp->values[v]), Y(cp->mad[v]));
    first = 0;
  }
  qs_buf_add(b, "\"/>\n");
  if (!isnan(cp->best_mad))
    qs_buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#c0392b\"/>\n",
                X(cp->best_value), Y(cp->best_mad));
  qs_buf_addf(b, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"10\" fill=\"#555\">", Lm, H - 2);
  esc(b, qs_msg_get(L, QS_M_CAL_PLOT));
  qs_buf_add(b, "</text>\n</svg>\n");
#undef X
#undef Y
}

/* The text's lines as a page, each indicator a section, and a plot for each parameter whose
 * best value is not the default. */
static char *render_html(const qs_calibration *c, qs_lang L) {
  qs_buf b = {0};
  qs_buf_addf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
              L == QS_LANG_EN ? "en" : "zh-CN");
  esc(&b, qs_msg_get(L, QS_M_CAL_HTML_TITLE));
  qs_buf_add(&b,
             "</title>\n<style>body{font-family:sans-serif;margin:2em}li{margin:.2em 0}"
             "li.plot{list-style:none}figure{margin:.5em 0 1em 0}</style>\n</head>\n<body>\n<h1>");
  esc(&b, qs_msg_get(L, QS_M_CAL_HTML_TITLE));
  qs_buf_add(&b, "</h1>\n");
  char *text = render_text(c, L);
  /* The text's blocks: the heading lines, then one block per indicator. */
  size_t k = 0;
  int open = 0;
  for (char *line = text, *nl; *line; line = nl + 1) {
    nl = strchr(line, '\n');
    if (!nl)
      nl = line + strlen(line);
    char saved = *nl;
    *nl = '\0';
    if (!line[0]) {
      /* a blank line */
    } else if (line[0] != ' ') {
      if (open)
        qs_buf_add(&b, "</ul>\n");
      open = 0;
      int ind = k < c->n_inds && strstr(line, c->inds[k].def->id) != NULL &&
                strncmp(line, qs_msg_get(L, QS_M_CAL_TITLE), 4) != 0;
      qs_buf_add(&b, ind ? "<h2>" : "<p>");
      esc(&b, line);
      qs_buf_add(&b, ind ? "</h2>\n<ul>\n" : "</p>\n");
      if (ind) {
        open = 1;
        k++;
      }
    } else {
      qs_buf_add(&b, "<li>");
      esc(&b, line + 2);
      qs_buf_add(&b, "</li>\n");
      /* After the line of a parameter whose best is not the default: its plot. */
      if (k > 0) {
        const qs_cal_indicator *ci = &c->inds[k - 1];
        for (size_t p = 0; p < ci->n_params; p++) {
          const qs_cal_param *cp = &ci->params[p];
          size_t len = strlen(cp->param->name);
          if (cp->best_value != cp->param->dflt && strncmp(line + 2, cp->param->name, len) == 0 &&
              !(line[2 + len] == '-' || (line[2 + len] >= 'a' && line[2 + len] <= 'z'))) {
            qs_buf_add(&b, "<li class=\"plot\"><figure>");
            plot(&b, cp, L);
            qs_buf_add(&b, "</figure></li>\n");
          }
        }
      }
    }
    *nl = saved;
    if (!saved)
      break;
  }
  if (open)
    qs_buf_add(&b, "</ul>\n");
  free(text);
  qs_buf_add(&b, "</body>\n</html>\n");
  return qs_buf_take(&b);
}

char *qs_calibration_render(const qs_calibration *c, const char *format, qs_lang lang) {
  if (!format || strcmp(format, "text") == 0)
    return render_text(c, lang);
  if (strcmp(format, "json") == 0)
    return render_json(c);
  if (strcmp(format, "html") == 0)
    return render_html(c, lang);
  return NULL;
}
