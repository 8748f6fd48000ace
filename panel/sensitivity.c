/* sensitivity.c -- sweeping parameters, re-scoring without a parse, comparing with the
 * defaults (see qs_sensitivity.h). */
#include "qs_sensitivity.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qs_pool.h"
#include "qs_render.h"
#include "qs_util.h"

/* ------------------------------------------------------------------ sweeps */

/* A value as it is written and compared: 10 significant digits, so that 0.1 + 2 * 0.1 is
 * 0.3 and every output shows the same digits. */
static double round10(double v) {
  char s[64];
  snprintf(s, sizeof s, "%.10g", v);
  return strtod(s, NULL);
}

static void fmt_value(double v, char out[32]) { snprintf(out, 32, "%.10g", v == 0 ? 0 : v); }

static int read_number(const char *s, size_t len, double *v) {
  char buf[64];
  if (len == 0 || len >= sizeof buf)
    return -1;
  memcpy(buf, s, len);
  buf[len] = '\0';
  char *end;
  errno = 0;
  *v = strtod(buf, &end);
  return *end || errno || !isfinite(*v) ? -1 : 0;
}

static char *msgf(qs_lang lang, qs_msg m, ...) {
  qs_buf b = {0};
  va_list ap;
  va_start(ap, m);
  qs_buf_vaddf(&b, qs_msg_get(lang, m), ap);
  va_end(ap);
  return qs_buf_take(&b);
}

qs_sweep_error qs_sweep_parse(const qs_rubric *r, const char *spec, qs_lang lang, qs_sweep *s,
                              char **why) {
  memset(s, 0, sizeof *s);
  *why = NULL;
  const char *eq = strchr(spec, '=');
  const char *c1 = eq ? strchr(eq + 1, ':') : NULL;
  const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
  if (!eq || eq == spec || !c1 || !c2 || strchr(c2 + 1, ':')) {
    *why = msgf(lang, QS_M_SENS_SPEC, spec);
    return QS_SWEEP_SYNTAX;
  }
  s->name = qs_xstrndup(spec, (size_t)(eq - spec));
  const qs_param *p = qs_rubric_param(r, s->name);
  if (!p) {
    *why = msgf(lang, QS_M_PARAM_UNKNOWN, s->name);
    return QS_SWEEP_UNKNOWN;
  }
  s->param = p;
  if (read_number(eq + 1, (size_t)(c1 - eq - 1), &s->from) != 0 ||
      read_number(c1 + 1, (size_t)(c2 - c1 - 1), &s->to) != 0 ||
      read_number(c2 + 1, strlen(c2 + 1), &s->step) != 0) {
    *why = msgf(lang, QS_M_SENS_SPEC, spec);
    return QS_SWEEP_SYNTAX;
  }
  char lo[32], hi[32], a[32], b[32];
  qs_param_format(p, p->min, lo);
  qs_param_format(p, p->max, hi);
  fmt_value(s->from, a);
  fmt_value(s->to, b);
  for (int i = 0; i < 2; i++) {
    double v = i ? s->to : s->from;
    if (v < p->min || v > p->max) {
      *why = msgf(lang, QS_M_PARAM_RANGE, s->name, i ? b : a, lo, hi);
      return QS_SWEEP_RANGE;
    }
  }
  if (s->from > s->to) {
    *why = msgf(lang, QS_M_SENS_ORDER, s->name, a, b);
    return QS_SWEEP_ORDER;
  }
  int whole = p->is_int &&
              (s->from != floor(s->from) || s->to != floor(s->to) || s->step != floor(s->step));
  if (!(s->step > 0) || whole) {
    char st[32];
    fmt_value(s->step, st);
    *why = msgf(lang, whole ? QS_M_SENS_WHOLE : QS_M_SENS_STEP, s->name, st);
    return QS_SWEEP_STEP;
  }
  double count = floor((s->to - s->from) / s->step + 1e-9) + 1;
  if (count > QS_SWEEP_MAX_VALUES) {
    *why = msgf(lang, QS_M_SENS_TOO_MANY, (size_t)QS_SWEEP_MAX_VALUES);
    return QS_SWEEP_TOO_MANY;
  }
  s->n_values = (size_t)count;
  s->values = qs_xcalloc(s->n_values, sizeof *s->values);
  for (size_t i = 0; i < s->n_values; i++) {
    double v = round10(s->from + (double)i * s->step);
    s->values[i] = v > s->to ? s->to : v;
  }
  return QS_SWEEP_OK;
}

void qs_sweep_free(qs_sweep *s) {
  free(s->name);
  free(s->values);
  memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------------ scoring */

typedef struct {
  qs_engine *e;
  char *const *paths;
  const qs_sens_run *runs;
  size_t n_runs;
  qs_sens_scores *out;
  size_t n_inds;
  qs_lang lang;
} sens_ctx;

/* Score one file under every run, as text: a line per run, "ok TOTAL TRIAGE L,P L,P ..." or
 * "E MESSAGE". The same text comes from a worker and from the process itself. */
/* The first problem of d on one line, as qscore shows it without its "qscore: error: ":
 * "FILE: 第 N 行: text" / "FILE:N: text", "FILE: text", or the text alone. */
static void diag_line(const qs_diag *d, qs_buf *m) {
  qs_buf_add(m, "");
  if (d->n == 0) {
    qs_buf_add(m, "?");
    return;
  }
  const qs_diag_item *it = &d->items[0];
  if (it->file && it->line > 0) {
    qs_buf_addf(m, qs_msg_get(d->lang, QS_M_AT_LINE), it->file, it->line);
    qs_buf_add(m, ": ");
  } else if (it->file) {
    qs_buf_addf(m, "%s: ", it->file);
  }
  for (const char *c = it->text; *c; c++)
    qs_buf_addn(m, *c == '\n' ? " " : c, 1);
}

static void score_one(qs_engine *e, const char *path, const qs_sens_run *runs, size_t n_runs,
                      qs_lang lang, qs_buf *reply) {
  qs_diag d;
  qs_diag_init(&d, lang);
  char *data = NULL;
  size_t len = 0;
  qs_engine_reset_params(e);
  qs_status st = qs_engine_read_input(e, path, 1, &data, &len, &d) == 0
                     ? qs_engine_load(e, path, data, len, &d)
                     : QS_E_INPUT;
  free(data);
  /* The line of the defaults, once made: a run at a parameter's default is the same run. */
  char *defaults = NULL;
  for (size_t r = 0; r < n_runs; r++) {
    const qs_param *dp = runs[r].param ? qs_rubric_param(qs_engine_rubric(e), runs[r].param) : NULL;
    int at_default = !runs[r].param || (dp && runs[r].value == dp->dflt);
    if (at_default && defaults) {
      qs_buf_add(reply, defaults);
      continue;
    }
    size_t start = reply->len;
    qs_report *rep = NULL;
    if (st == QS_OK) {
      qs_engine_reset_params(e);
      if (runs[r].param) {
        const qs_param *p = qs_rubric_param(qs_engine_rubric(e), runs[r].param);
        char a[160];
        if (p && p->is_int)
          snprintf(a, sizeof a, "%s=%.0f", runs[r].param, runs[r].value);
        else
          snprintf(a, sizeof a, "%s=%.17g", runs[r].param, runs[r].value);
        if (qs_engine_set_param(e, a, &d) != 0)
          st = QS_E_INPUT;
      }
      if (st == QS_OK && qs_engine_rescore_scores(e, &rep, &d) != QS_OK)
        rep = NULL;
    }
    if (!rep) {
      qs_buf m = {0};
      diag_line(&d, &m);
      qs_buf_addf(reply, "E %s\n", m.s);
      qs_buf_free(&m);
      qs_diag_clear(&d);
      continue;
    }
    int triage = strcmp(rep->triage, "recommend") == 0 ? 0
                 : strcmp(rep->triage, "review") == 0  ? 1
                                                       : 2;
    qs_buf_addf(reply, "ok %d %d", rep->total, triage);
    for (size_t i = 0; i < rep->n_results; i++)
      qs_buf_addf(reply, " %d,%d", rep->results[i].level, rep->results[i].points);
    qs_buf_add(reply, "\n");
    qs_report_free(rep);
    if (at_default && !defaults)
      defaults = qs_xstrdup(reply->s + start);
  }
  free(defaults);
  qs_engine_unload(e);
  qs_engine_reset_params(e);
  qs_diag_free(&d);
}

/* Read one file's reply into its cells; a reply cut short leaves the rest failed. */
static void take_reply(sens_ctx *c, size_t sub, const char *reply, size_t len) {
  qs_sens_scores *sc = c->out;
  char *text = qs_xstrndup(reply, len);
  char *p = text;
  for (size_t r = 0; r < c->n_runs; r++) {
    qs_sens_cell *cell = &sc->cell[sub * sc->n_runs + r];
    char *nl = strchr(p, '\n');
    if (!nl)
      break;
    *nl = '\0';
    if (strncmp(p, "E ", 2) == 0) {
      if (!sc->messages[sub])
        sc->messages[sub] = qs_xstrdup(p + 2);
    } else if (strncmp(p, "ok ", 3) == 0) {
      char *q = p + 3;
      cell->total = (int)strtol(q, &q, 10);
      cell->triage = (int)strtol(q, &q, 10);
      size_t i = 0;
      for (; i < c->n_inds && *q == ' '; i++) {
        cell->level[i] = (int)strtol(q + 1, &q, 10);
        if (*q != ',')
          break;
        cell->points[i] = (int)strtol(q + 1, &q, 10);
      }
      cell->ok = i == c->n_inds;
    }
    p = nl + 1;
  }
  free(text);
}

static void pool_work(void *ctx, size_t task, qs_buf *reply) {
  sens_ctx *c = ctx;
  score_one(c->e, c->paths[task], c->runs, c->n_runs, c->lang, reply);
}

static void pool_done(void *ctx, size_t task, qs_pool_outcome how, const char *reply, size_t len,
                      int status) {
  (void)status;
  sens_ctx *c = ctx;
  if (how == QS_POOL_REPLIED)
    take_reply(c, task, reply, len);
  else if (!c->out->messages[task])
    c->out->messages[task] = qs_xstrdup(
        qs_msg_get(c->lang, how == QS_POOL_TIMEOUT ? QS_M_SENS_TIMEOUT : QS_M_SENS_DIED));
}

int qs_sens_score(qs_engine *e, char *const *paths, size_t n, const qs_sens_run *runs,
                  size_t n_runs, int jobs, qs_sens_scores *out, qs_diag *d) {
  const qs_rubric *r = qs_engine_rubric(e);
  memset(out, 0, sizeof *out);
  out->n_subs = n;
  out->n_runs = n_runs;
  out->n_inds = r->n_inds;
  out->files = qs_xcalloc(n ? n : 1, sizeof *out->files);
  out->messages = qs_xcalloc(n ? n : 1, sizeof *out->messages);
  out->cell = qs_xcalloc(n * n_runs > 0 ? n * n_runs : 1, sizeof *out->cell);
  for (size_t i = 0; i < n; i++) {
    out->files[i] = qs_display_name(paths[i]);
    for (size_t k = 0; k < n_runs; k++) {
      qs_sens_cell *cell = &out->cell[i * n_runs + k];
      cell->level = qs_xcalloc(r->n_inds ? r->n_inds : 1, sizeof *cell->level);
      cell->points = qs_xcalloc(r->n_inds ? r->n_inds : 1, sizeof *cell->points);
    }
  }
  sens_ctx c = {e, paths, runs, n_runs, out, r->n_inds, d->lang};
  if (jobs <= 1 || n <= 1) {
    for (size_t i = 0; i < n; i++) {
      qs_buf reply = {0};
      qs_buf_add(&reply, "");
      score_one(e, paths[i], runs, n_runs, d->lang, &reply);
      take_reply(&c, i, reply.s, reply.len);
      qs_buf_free(&reply);
    }
    return 0;
  }
  const qs_param *secs = qs_rubric_param(r, "run-seconds");
  qs_pool pool = {
      .workers = jobs,
      .task_seconds = (double)(n_runs + 1) * (secs ? secs->value : 20) + 10,
      .ctx = &c,
      .work = pool_work,
      .done = pool_done,
  };
  if (qs_pool_run(&pool, n) != 0) {
    qs_diag_add(d, NULL, 0, "%s", qs_strerror(d->lang, errno));
    return -1;
  }
  return 0;
}

void qs_sens_scores_free(qs_sens_scores *sc) {
  for (size_t i = 0; i < sc->n_subs; i++) {
    free(sc->files[i]);
    free(sc->messages[i]);
    for (size_t k = 0; k < sc->n_runs; k++) {
      free(sc->cell[i * sc->n_runs + k].level);
      free(sc->cell[i * sc->n_runs + k].points);
    }
  }
  free(sc->files);
  free(sc->messages);
  free(sc->cell);
  memset(sc, 0, sizeof *sc);
}

const qs_sens_cell *qs_sens_cell_at(const qs_sens_scores *sc, size_t sub, size_t run) {
  return &sc->cell[sub * sc->n_runs + run];
}

int qs_sens_scored(const qs_sens_scores *sc, size_t sub) {
  for (size_t k = 0; k < sc->n_runs; k++)
    if (!sc->cell[sub * sc->n_runs + k].ok)
      return 0;
  return 1;
}

/* ------------------------------------------------------------------ rank statistics */

double qs_kendall_tau_b(const double *x, const double *y, size_t n) {
  double nc = 0, nd = 0, tx = 0, ty = 0, txy = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      double dx = x[i] - x[j], dy = y[i] - y[j];
      if (dx == 0 && dy == 0)
        txy++;
      else if (dx == 0)
        tx++;
      else if (dy == 0)
        ty++;
      else if ((dx > 0) == (dy > 0))
        nc++;
      else
        nd++;
    }
  double denom = sqrt((nc + nd + ty) * (nc + nd + tx));
  if (denom == 0)
    return tx == 0 && ty == 0 ? 1.0 : 0.0;
  return (nc - nd) / denom;
}

typedef struct {
  const double *s;
  size_t i;
} ranked;

static int cmp_ranked(const void *a, const void *b) {
  const ranked *p = a, *q = b;
  if (p->s[p->i] != q->s[q->i])
    return p->s[p->i] > q->s[q->i] ? -1 : 1;
  return p->i < q->i ? -1 : p->i > q->i;
}

/* The positions of the top k of s, as a mark per position. */
static void top_marks(const double *s, size_t n, size_t k, char *mark) {
  ranked *r = qs_xcalloc(n ? n : 1, sizeof *r);
  for (size_t i = 0; i < n; i++)
    r[i] = (ranked){s, i};
  qs_sort(r, n, sizeof *r, cmp_ranked);
  memset(mark, 0, n);
  for (size_t i = 0; i < k && i < n; i++)
    mark[r[i].i] = 1;
  free(r);
}

size_t qs_top_k_overlap(const double *a, const double *b, size_t n, size_t k) {
  char *ma = qs_xcalloc(n ? n : 1, 1), *mb = qs_xcalloc(n ? n : 1, 1);
  top_marks(a, n, k, ma);
  top_marks(b, n, k, mb);
  size_t both = 0;
  for (size_t i = 0; i < n; i++)
    both += ma[i] && mb[i];
  free(ma);
  free(mb);
  return both;
}

void qs_sens_compare(const qs_rubric *r, const qs_sens_scores *sc, const qs_sens_run *runs,
                     size_t top, qs_sens_result *res) {
  memset(res, 0, sizeof *res);
  res->scores = sc;
  res->n_rows = sc->n_runs;
  res->rows = qs_xcalloc(sc->n_runs ? sc->n_runs : 1, sizeof *res->rows);
  size_t *keep = qs_xcalloc(sc->n_subs ? sc->n_subs : 1, sizeof *keep);
  size_t m = 0;
  for (size_t i = 0; i < sc->n_subs; i++)
    if (qs_sens_scored(sc, i))
      keep[m++] = i;
  res->n_scored = m;
  res->n_failed = sc->n_subs - m;
  res->top = top < m ? top : m;
  double *base = qs_xcalloc(m ? m : 1, sizeof *base), *now = qs_xcalloc(m ? m : 1, sizeof *now);
  for (size_t j = 0; j < m; j++)
    base[j] = qs_sens_cell_at(sc, keep[j], 0)->total;
  for (size_t k = 0; k < sc->n_runs; k++) {
    qs_sens_row *row = &res->rows[k];
    row->param = runs[k].param;
    row->value = runs[k].value;
    row->band_changes = qs_xcalloc(r->n_inds ? r->n_inds : 1, sizeof *row->band_changes);
    for (size_t j = 0; j < m; j++) {
      const qs_sens_cell *b = qs_sens_cell_at(sc, keep[j], 0), *c = qs_sens_cell_at(sc, keep[j], k);
      int any = 0;
      for (size_t i = 0; i < r->n_inds; i++)
        if (b->level[i] != c->level[i]) {
          row->band_changes[i]++;
          any = 1;
        }
      row->any_changes += any;
      row->triage_changes += b->triage != c->triage;
      row->total_changes += b->total != c->total;
      now[j] = c->total;
    }
    row->tau = round(qs_kendall_tau_b(base, now, m) * 1e4) / 1e4;
    if (row->tau == 0)
      row->tau = 0; /* no -0 */
    row->top_overlap = qs_top_k_overlap(base, now, m, res->top);
  }
  free(base);
  free(now);
  free(keep);
}

void qs_sens_result_free(qs_sens_result *res) {
  for (size_t k = 0; k < res->n_rows; k++)
    free(res->rows[k].band_changes);
  free(res->rows);
  memset(res, 0, sizeof *res);
}

/* ------------------------------------------------------------------ rendering */

static const char *ind_name(const qs_indicator_def *d, qs_lang lang) {
  return lang == QS_LANG_EN && d->name_en && d->name_en[0] ? d->name_en : d->name;
}

static void row_label(const qs_sens_row *row, const qs_rubric *r, qs_lang lang, qs_buf *b) {
  if (!row->param) {
    qs_buf_add(b, qs_msg_get(lang, QS_M_SENS_DEFAULTS));
    return;
  }
  char v[32], dv[32];
  fmt_value(row->value, v);
  const qs_param *p = qs_rubric_param(r, row->param);
  fmt_value(p ? p->dflt : 0, dv);
  qs_buf_addf(b, qs_msg_get(lang, QS_M_SENS_ROW), row->param, v, dv);
}

static void band_list(const qs_sens_row *row, const qs_rubric *r, qs_lang lang, qs_buf *b) {
  int any = 0;
  for (size_t i = 0; i < r->n_inds; i++)
    if (row->band_changes[i]) {
      qs_buf_addf(b, "%s%s (%s) %zu", any ? qs_msg_get(lang, QS_M_SENS_SEP) : "",
                  ind_name(&r->inds[i], lang), r->inds[i].id, row->band_changes[i]);
      any = 1;
    }
  if (!any)
    qs_buf_add(b, qs_msg_get(lang, QS_M_SENS_NONE));
}

static char *render_text(const qs_sens_result *res, const qs_rubric *r, qs_lang lang) {
  qs_buf b = {0};
  qs_buf_addf(&b, qs_msg_get(lang, QS_M_SENS_TITLE), res->n_scored, res->n_failed);
  qs_buf_add(&b, "\n");
  for (size_t k = 0; k < res->n_rows; k++) {
    const qs_sens_row *row = &res->rows[k];
    qs_buf_add(&b, "\n");
    row_label(row, r, lang, &b);
    qs_buf_add(&b, "\n  ");
    qs_buf list = {0};
    qs_buf_add(&list, "");
    band_list(row, r, lang, &list);
    char tau[32];
    snprintf(tau, sizeof tau, "%.4f", row->tau);
    qs_buf_addf(&b, qs_msg_get(lang, QS_M_SENS_STATS), list.s, row->any_changes,
                row->triage_changes, row->total_changes, tau, res->top, row->top_overlap);
    qs_buf_add(&b, "\n");
    qs_buf_free(&list);
  }
  const qs_sens_scores *sc = res->scores;
  for (size_t i = 0; i < sc->n_subs; i++)
    if (!qs_sens_scored(sc, i)) {
      qs_buf_add(&b, "\n");
      qs_buf_addf(&b, qs_msg_get(lang, QS_M_SENS_FAILED),
                  sc->messages[i] ? sc->messages[i] : sc->files[i]);
    }
  if (res->n_failed)
    qs_buf_add(&b, "\n");
  return qs_buf_take(&b);
}

static json_t *num(double v) {
  return v == floor(v) && fabs(v) < 1e15 ? json_integer((json_int_t)v) : json_real(v);
}

static char *render_json(const qs_sens_result *res, const qs_rubric *r) {
  json_t *root = json_object();
  json_object_set_new(root, "submissions", json_integer((json_int_t)res->n_scored));
  json_object_set_new(root, "top", json_integer((json_int_t)res->top));
  json_t *runs = json_array();
  for (size_t k = 0; k < res->n_rows; k++) {
    const qs_sens_row *row = &res->rows[k];
    json_t *o = json_object();
    json_object_set_new(o, "param", row->param ? json_string(row->param) : json_null());
    const qs_param *p = row->param ? qs_rubric_param(r, row->param) : NULL;
    json_object_set_new(o, "value", p ? num(row->value) : json_null());
    json_object_set_new(o, "default", p ? num(p->dflt) : json_null());
    json_t *bands = json_object();
    for (size_t i = 0; i < r->n_inds; i++)
      json_object_set_new(bands, r->inds[i].id, json_integer((json_int_t)row->band_changes[i]));
    json_object_set_new(o, "band_changes", bands);
    json_object_set_new(o, "submissions_changed", json_integer((json_int_t)row->any_changes));
    json_object_set_new(o, "triage_changes", json_integer((json_int_t)row->triage_changes));
    json_object_set_new(o, "total_changes", json_integer((json_int_t)row->total_changes));
    json_object_set_new(o, "kendall_tau_b", num(row->tau));
    json_object_set_new(o, "top_overlap", json_integer((json_int_t)row->top_overlap));
    json_array_append_new(runs, o);
  }
  json_object_set_new(root, "runs", runs);
  json_t *failed = json_array();
  const qs_sens_scores *sc = res->scores;
  for (size_t i = 0; i < sc->n_subs; i++)
    if (!qs_sens_scored(sc, i)) {
      json_t *f = json_object();
      json_object_set_new(f, "file", json_string(sc->files[i]));
      json_object_set_new(f, "message", json_string(sc->messages[i] ? sc->messages[i] : "?"));
      json_array_append_new(failed, f);
    }
  json_object_set_new(root, "failed", failed);
  return qs_json_text(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
}

static void esc(qs_buf *b, const char *s) { qs_buf_add_html(b, s); }

/* One plot per swept parameter: Kendall's tau-b (blue, left scale -1..1) and the share of
 * submissions whose band changed in some indicator (red, 0..100 %) against the value. */
static void plot(qs_buf *b, const qs_sens_result *res, const qs_rubric *r, const char *param,
                 qs_lang lang) {
  const double W = 560, H = 250, L = 50, R = 24, T = 30, B = 40;
  double lo = INFINITY, hi = -INFINITY;
  size_t n = 0;
  for (size_t k = 0; k < res->n_rows; k++)
    if (res->rows[k].param && strcmp(res->rows[k].param, param) == 0) {
      lo = fmin(lo, res->rows[k].value);
      hi = fmax(hi, res->rows[k].value);
      n++;
    }
  if (!n)
    return;
  double span = hi > lo ? hi - lo : 1;
  qs_buf_add(b, "<figure><figcaption>");
  qs_buf title = {0};
  qs_buf_addf(&title, qs_msg_get(lang, QS_M_SENS_PLOT), param);
  esc(b, title.s);
  qs_buf_free(&title);
  qs_buf_addf(b,
              "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
              "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\">\n",
              W, H, W, H);
  qs_buf_addf(b,
              "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" "
              "stroke=\"#999\"/>\n",
              L, T, W - L - R, H - T - B);
  char v[32];
  fmt_value(lo, v);
  qs_buf_addf(b, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\">%s</text>\n", L, H - B + 15, v);
  fmt_value(hi, v);
  qs_buf_addf(b, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
              W - R, H - B + 15, v);
  /* The left scale is tau-b's (blue), the right one the share changed (red). */
  qs_buf_addf(b,
              "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"end\" "
              "fill=\"#2e6fb7\">1</text>\n<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" "
              "text-anchor=\"end\" fill=\"#2e6fb7\">-1</text>\n",
              L - 4, T + 4, L - 4, H - B);
  qs_buf_addf(b,
              "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" fill=\"#c0392b\">1</text>\n"
              "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" fill=\"#c0392b\">0</text>\n",
              W - R + 3, T + 4, W - R + 3, H - B);
  /* The default, dashed. */
  const qs_param *p = qs_rubric_param(r, param);
  if (p && p->dflt >= lo && p->dflt <= hi) {
    double x = L + (p->dflt - lo) / span * (W - L - R);
    qs_buf_addf(b,
                "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#777\" "
                "stroke-dasharray=\"4 3\"/>\n<text x=\"%.1f\" y=\"%.0f\" font-size=\"11\" "
                "text-anchor=\"middle\" fill=\"#555\">",
                x, T, x, H - B, x, T - 6);
    esc(b, qs_msg_get(lang, QS_M_SENS_DEFAULT_MARK));
    qs_buf_add(b, "</text>\n");
  }
  for (int line = 0; line < 2; line++) {
    qs_buf_addf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
                line ? "#c0392b" : "#2e6fb7");
    int first = 1;
    for (size_t k = 0; k < res->n_rows; k++) {
      const qs_sens_row *row = &res->rows[k];
      if (!row->param || strcmp(row->param, param) != 0)
        continue;
      double x = L + (row->value - lo) / span * (W - L - R);
      double y01 = line ? (res->n_scored ? (double)row->any_changes / (double)res->n_scored : 0)
                        : (row->tau + 1) / 2;
      double y = T + (1 - y01) * (H - T - B);
      qs_buf_addf(b, "%s%.1f,%.1f", first ? "" : " ", x, y);
      first = 0;
    }
    qs_buf_add(b, "\"/>\n");
    for (size_t k = 0; k < res->n_rows; k++) {
      const qs_sens_row *row = &res->rows[k];
      if (!row->param || strcmp(row->param, param) != 0)
        continue;
      double x = L + (row->value - lo) / span * (W - L - R);
      double y01 = line ? (res->n_scored ? (double)row->any_changes / (double)res->n_scored : 0)
                        : (row->tau + 1) / 2;
      qs_buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>\n", x,
                  T + (1 - y01) * (H - T - B), line ? "#c0392b" : "#2e6fb7");
    }
  }
  qs_buf_addf(b, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" fill=\"#2e6fb7\">", L, H - 8);
  esc(b, qs_msg_get(lang, QS_M_SENS_LEGEND_TAU));
  qs_buf_addf(b, "</text>\n<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" fill=\"#c0392b\">", L + 200,
              H - 8);
  esc(b, qs_msg_get(lang, QS_M_SENS_LEGEND_CHANGED));
  qs_buf_add(b, "</text>\n</svg></figure>\n");
}

static char *render_html(const qs_sens_result *res, const qs_rubric *r, qs_lang lang) {
  qs_buf b = {0};
  qs_buf_addf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
              lang == QS_LANG_EN ? "en" : "zh-CN");
  esc(&b, qs_msg_get(lang, QS_M_SENS_HTML_TITLE));
  qs_buf_add(&b, "</title>\n<style>body{font-family:sans-serif;margin:2em}"
                 "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
                 "text-align:left;vertical-align:top}figure{margin:1em 0}</style>\n</head>\n"
                 "<body>\n<h1>");
  esc(&b, qs_msg_get(lang, QS_M_SENS_HTML_TITLE));
  qs_buf_add(&b, "</h1>\n<p>");
  qs_buf t = {0};
  qs_buf_addf(&t, qs_msg_get(lang, QS_M_SENS_TITLE), res->n_scored, res->n_failed);
  esc(&b, t.s);
  qs_buf_free(&t);
  qs_buf_add(&b, "</p>\n");
  /* A plot for each parameter swept, in the order of first appearance. */
  for (size_t k = 0; k < res->n_rows; k++) {
    const char *p = res->rows[k].param;
    int seen = !p;
    for (size_t j = 0; j < k && !seen; j++)
      seen = res->rows[j].param && strcmp(res->rows[j].param, p) == 0;
    if (!seen)
      plot(&b, res, r, p, lang);
  }
  qs_buf_add(&b, "<table>\n<tr>");
  char *cols = qs_xstrdup(qs_msg_get(lang, QS_M_SENS_COLUMNS));
  for (char *c = cols, *bar; c; c = bar ? bar + 1 : NULL) {
    bar = strchr(c, '|');
    if (bar)
      *bar = '\0';
    qs_buf_add(&b, "<th>");
    if (strstr(c, "%zu")) {
      qs_buf h = {0};
      qs_buf_addf(&h, "%s", c);
      char *at = strstr(h.s, "%zu");
      qs_buf x = {0};
      qs_buf_addn(&x, h.s, (size_t)(at - h.s));
      qs_buf_addf(&x, "%zu%s", res->top, at + 3);
      esc(&b, x.s);
      qs_buf_free(&x);
      qs_buf_free(&h);
    } else {
      esc(&b, c);
    }
    qs_buf_add(&b, "</th>");
  }
  free(cols);
  qs_buf_add(&b, "</tr>\n");
  for (size_t k = 0; k < res->n_rows; k++) {
    const qs_sens_row *row = &res->rows[k];
    qs_buf cell = {0};
    qs_buf_add(&cell, "");
    row_label(row, r, lang, &cell);
    qs_buf_add(&b, "<tr><td>");
    esc(&b, cell.s);
    qs_buf_free(&cell);
    qs_buf_add(&cell, "");
    band_list(row, r, lang, &cell);
    qs_buf_add(&b, "</td><td>");
    esc(&b, cell.s);
    qs_buf_free(&cell);
    qs_buf_addf(&b, "</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%.4f</td><td>%zu</td></tr>\n",
                row->any_changes, row->triage_changes, row->total_changes, row->tau,
                row->top_overlap);
  }
  qs_buf_add(&b, "</table>\n");
  const qs_sens_scores *sc = res->scores;
  for (size_t i = 0; i < sc->n_subs; i++)
    if (!qs_sens_scored(sc, i)) {
      qs_buf f = {0};
      qs_buf_addf(&f, qs_msg_get(lang, QS_M_SENS_FAILED),
                  sc->messages[i] ? sc->messages[i] : sc->files[i]);
      qs_buf_add(&b, "<p>");
      esc(&b, f.s);
      qs_buf_add(&b, "</p>\n");
      qs_buf_free(&f);
    }
  qs_buf_add(&b, "</body>\n</html>\n");
  return qs_buf_take(&b);
}

char *qs_sens_render(const qs_sens_result *res, const qs_rubric *r, const char *format,
                     qs_lang lang) {
  if (!format || strcmp(format, "text") == 0)
    return render_text(res, r, lang);
  if (strcmp(format, "json") == 0)
    return render_json(res, r);
  if (strcmp(format, "html") == 0)
    return render_html(res, r, lang);
  return NULL;
}
