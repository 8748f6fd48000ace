/* result.c -- the panel's result: per submission and indicator the reviewers' points, the panel
 * score, the spread and the disagreements; per submission the total, rank and triage; per
 * reviewer the bias and MAD against the panel; per indicator the agreement with the suggestion
 * and among the reviewers. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "panel_int.h"
#include "qs_util.h"

int qs_panel_trim_min(const qs_rubric *r) {
  qs_param *p = r ? qs_rubric_param(r, "panel-trim-min") : NULL;
  return p ? (int)p->value : 5;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static long find_str(char **v, size_t n, const char *s) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(v[mid], s);
    if (c == 0)
      return (long)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

static double param_value(const qs_rubric *r, const char *name, double dflt) {
  qs_param *p = qs_rubric_param(r, name);
  return p ? p->value : dflt;
}

static const qs_panel_result *sort_res;
static int cmp_order(const void *a, const void *b) {
  const qs_panel_sub_result *x = &sort_res->subs[*(const size_t *)a];
  const qs_panel_sub_result *y = &sort_res->subs[*(const size_t *)b];
  if (x->disagreements != y->disagreements)
    return x->disagreements > y->disagreements ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return strcmp(x->sub->id, y->sub->id);
}

void qs_panel_compute(const qs_panel_batch *b, const qs_panel_roster *roster,
                      const qs_panel_scores *s, int trim_min, qs_panel_result *res) {
  memset(res, 0, sizeof *res);
  res->batch = b;
  res->trim_min = trim_min;
  const qs_rubric *r = b->rubric;
  size_t ni = r->n_inds;
  /* the reviewers: every one who scored, and every one of the roster */
  char **ids = NULL;
  size_t nr = 0;
  for (size_t i = 0; i < s->n + (roster ? roster->n : 0); i++) {
    const char *id = i < s->n ? s->scores[i].reviewer : roster->reviewers[i - s->n].id;
    size_t j = 0;
    while (j < nr && strcmp(ids[j], id) != 0)
      j++;
    if (j == nr) {
      ids = qs_xrealloc(ids, (nr + 1) * sizeof *ids);
      ids[nr++] = (char *)id;
    }
  }
  qs_sort(ids, nr, sizeof *ids, cmp_str);
  res->n_reviewers = nr;
  res->reviewers = qs_xcalloc(nr ? nr : 1, sizeof *res->reviewers);
  for (size_t j = 0; j < nr; j++) {
    const qs_panel_reviewer *rv = qs_panel_roster_find(roster, ids[j]);
    res->reviewers[j].id = qs_xstrdup(ids[j]);
    res->reviewers[j].name = qs_xstrdup(rv ? rv->name : "");
  }
  /* the cells */
  res->n_subs = b->n_subs;
  res->subs = qs_xcalloc(b->n_subs ? b->n_subs : 1, sizeof *res->subs);
  for (size_t i = 0; i < b->n_subs; i++) {
    qs_panel_sub_result *sr = &res->subs[i];
    sr->sub = &b->subs[i];
    sr->cells = qs_xcalloc(ni ? ni : 1, sizeof *sr->cells);
    for (size_t k = 0; k < ni; k++) {
      qs_panel_cell *c = &sr->cells[k];
      c->points = qs_xcalloc(nr ? nr : 1, sizeof *c->points);
      c->comments = qs_xcalloc(nr ? nr : 1, sizeof *c->comments);
      c->far = qs_xcalloc(nr ? nr : 1, sizeof *c->far);
      for (size_t j = 0; j < nr; j++)
        c->points[j] = NAN;
    }
  }
  for (size_t i = 0; i < s->n; i++) {
    const qs_panel_score *sc = &s->scores[i];
    const qs_panel_submission *ps = qs_panel_batch_find(b, sc->submission);
    int k = qs_panel_indicator_index(b, sc->indicator);
    long j = find_str(ids, nr, sc->reviewer);
    if (!ps || k < 0 || j < 0)
      continue; /* checked when read */
    qs_panel_cell *c = &res->subs[ps - b->subs].cells[k];
    c->points[j] = sc->points;
    c->comments[j] = sc->comment && *sc->comment ? sc->comment : NULL;
    res->n_scores++;
  }
  double *v = qs_xcalloc(nr ? nr : 1, sizeof *v);
  double recommend = param_value(r, "triage-recommend-min", 75);
  double review = param_value(r, "triage-review-min", 45);
  for (size_t i = 0; i < b->n_subs; i++) {
    qs_panel_sub_result *sr = &res->subs[i];
    sr->complete = 1;
    sr->suggested = sr->sub->total;
    for (size_t k = 0; k < ni; k++) {
      qs_panel_cell *c = &sr->cells[k];
      const qs_panel_suggestion *g = &sr->sub->inds[k];
      c->suggested = g->points;
      c->suggested_band = g->band;
      size_t n = 0;
      for (size_t j = 0; j < nr; j++)
        if (!isnan(c->points[j]))
          v[n++] = c->points[j];
      c->n = (int)n;
      c->panel = qs_panel_trimmed_mean(v, n, trim_min);
      c->trimmed = n >= 3 && trim_min >= 3 && n >= (size_t)trim_min;
      if (n == 0) {
        c->spread = NAN;
        sr->complete = 0;
        sr->total += g->points;
        continue;
      }
      double lo = v[0], hi = v[0];
      for (size_t j = 0; j < n; j++) {
        lo = v[j] < lo ? v[j] : lo;
        hi = v[j] > hi ? v[j] : hi;
      }
      c->spread = hi - lo;
      sr->total += c->panel;
      c->panel_band = qs_panel_band_of(g->def, c->panel);
      for (size_t j = 0; j < nr; j++) {
        if (isnan(c->points[j]))
          continue;
        int band = qs_panel_band_of(g->def, c->points[j]);
        if (abs(band - c->panel_band) > 1) {
          c->far[j] = 1;
          c->flags |= QS_PANEL_FLAG_REVIEWER_FAR;
          res->reviewers[j].far++;
        }
        res->reviewers[j].scored++;
        res->reviewers[j].bias += c->points[j] - c->panel;
        res->reviewers[j].mad += fabs(c->points[j] - c->panel);
      }
      if (g->band && abs(c->panel_band - g->band) > 1)
        c->flags |= QS_PANEL_FLAG_SUGGESTION_FAR;
      if (c->flags)
        sr->disagreements++;
    }
    sr->triage = sr->total + 1e-9 >= recommend ? "recommend"
                 : sr->total + 1e-9 >= review  ? "review"
                                               : "reject";
  }
  free(v);
  for (size_t j = 0; j < nr; j++) {
    qs_panel_reviewer_result *rr = &res->reviewers[j];
    rr->bias = rr->scored ? rr->bias / rr->scored : NAN;
    rr->mad = rr->scored ? rr->mad / rr->scored : NAN;
  }
  /* ranks: 1 for the highest total, equal totals (to 1e-9) share a rank */
  for (size_t i = 0; i < b->n_subs; i++) {
    int rank = 1;
    for (size_t o = 0; o < b->n_subs; o++)
      rank += res->subs[o].total > res->subs[i].total + 1e-9;
    res->subs[i].rank = rank;
  }
  res->order = qs_xcalloc(b->n_subs ? b->n_subs : 1, sizeof *res->order);
  for (size_t i = 0; i < b->n_subs; i++)
    res->order[i] = i;
  sort_res = res;
  qs_sort(res->order, b->n_subs, sizeof *res->order, cmp_order);
  sort_res = NULL;
  /* per indicator */
  res->n_inds = ni;
  res->inds = qs_xcalloc(ni ? ni : 1, sizeof *res->inds);
  int *ba = qs_xcalloc(b->n_subs ? b->n_subs : 1, sizeof *ba);
  int *bb = qs_xcalloc(b->n_subs ? b->n_subs : 1, sizeof *bb);
  double *m = qs_xcalloc(b->n_subs * (nr ? nr : 1) + 1, sizeof *m);
  size_t *cols = qs_xcalloc(nr ? nr : 1, sizeof *cols);
  for (size_t k = 0; k < ni; k++) {
    qs_panel_ind_result *ir = &res->inds[k];
    ir->def = &r->inds[k];
    double mad = 0, bias = 0;
    size_t n = 0;
    for (size_t i = 0; i < b->n_subs; i++) {
      const qs_panel_cell *c = &res->subs[i].cells[k];
      if (isnan(c->panel))
        continue;
      mad += fabs(c->panel - c->suggested);
      bias += c->panel - c->suggested;
      ba[n] = c->suggested_band;
      bb[n] = c->panel_band;
      ir->overridden += c->panel_band != c->suggested_band;
      n++;
    }
    ir->n = (int)n;
    ir->mad = n ? mad / (double)n : NAN;
    ir->bias = n ? bias / (double)n : NAN;
    /* categories: 0 (below every band) .. the highest band */
    ir->kappa = qs_panel_kappa_linear(ba, bb, n, (int)ir->def->n_bands + 1);
    /* ICC(2,1): the reviewers who scored this indicator anywhere, over the submissions every
     * one of them scored (a complete two-way table; the rest is left out, never imputed). */
    size_t k_r = 0;
    for (size_t j = 0; j < nr; j++) {
      int any = 0;
      for (size_t i = 0; i < b->n_subs && !any; i++)
        any = !isnan(res->subs[i].cells[k].points[j]);
      if (any)
        cols[k_r++] = j;
    }
    size_t rows = 0;
    for (size_t i = 0; i < b->n_subs; i++) {
      const qs_panel_cell *c = &res->subs[i].cells[k];
      int full = k_r > 0;
      for (size_t q = 0; q < k_r && full; q++)
        full = !isnan(c->points[cols[q]]);
      if (!full)
        continue;
      for (size_t q = 0; q < k_r; q++)
        m[rows * k_r + q] = c->points[cols[q]];
      rows++;
    }
    ir->icc_n = (int)rows;
    ir->icc_k = (int)k_r;
    ir->icc = qs_panel_icc21(m, rows, k_r);
  }
  free(ba);
  free(bb);
  free(m);
  free(cols);
  free(ids);
}

void qs_panel_result_free(qs_panel_result *res) {
  for (size_t i = 0; i < res->n_subs; i++) {
    for (size_t k = 0; k < res->n_inds; k++) {
      free(res->subs[i].cells[k].points);
      free(res->subs[i].cells[k].comments);
      free(res->subs[i].cells[k].far);
    }
    free(res->subs[i].cells);
  }
  free(res->subs);
  for (size_t j = 0; j < res->n_reviewers; j++) {
    free(res->reviewers[j].id);
    free(res->reviewers[j].name);
  }
  free(res->reviewers);
  free(res->inds);
  free(res->order);
  memset(res, 0, sizeof *res);
}

const qs_panel_cell *qs_panel_result_cell(const qs_panel_result *res, const char *sub,
                                          const char *ind) {
  int k = qs_panel_indicator_index(res->batch, ind);
  for (size_t i = 0; k >= 0 && i < res->n_subs; i++)
    if (strcmp(res->subs[i].sub->id, sub) == 0)
      return &res->subs[i].cells[k];
  return NULL;
}
