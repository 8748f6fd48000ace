/* render_explain.c -- `qscore explain`: the full reasoning for a reviewer at a terminal.
 *
 * For each indicator: every band from the top down, each of its conditions held (✓) or not
 * (✗) with the facts that hold it and the evidence ids, the band chosen; the placement factors
 * present or not; the evidence not counted and why; the flags; the parameters the indicator's
 * conditions name, with their values; and the rules of its module that fired, with counts. */
#include <stdlib.h>
#include <string.h>

#include "qs_render.h"
#include "qs_util.h"

#define M(id) qs_msg_get(lang, id)

static void ids(FILE *out, char **ev, size_t n) {
  if (!n)
    return;
  fputs(" [", out);
  for (size_t i = 0; i < n; i++)
    fprintf(out, "%s%s", i ? " " : "", ev[i]);
  fputc(']', out);
}

static void range(char buf[24], const qs_band *b) {
  if (b->min == b->max)
    snprintf(buf, 24, "%d", b->min);
  else
    snprintf(buf, 24, "%d-%d", b->min, b->max);
}

/* The parameters a text names as {name}, added to list (no repeats). */
static void params_in(const char *text, char ***list, size_t *n, size_t *cap) {
  for (const char *p = text; (p = strchr(p, '{'));) {
    const char *q = strchr(p, '}');
    if (!q)
      break;
    char *name = qs_xstrndup(p + 1, (size_t)(q - p - 1));
    int seen = 0;
    for (size_t i = 0; i < *n; i++)
      seen |= strcmp((*list)[i], name) == 0;
    if (seen) {
      free(name);
    } else {
      qs_grow(list, cap, *n + 1, sizeof **list);
      (*list)[(*n)++] = name;
    }
    p = q;
  }
}

/* The parameters a finding names ({N:param} in its words), added to list (no repeats). */
static void params_named(const qs_finding *m, char ***list, size_t *n, size_t *cap) {
  const char **names = NULL;
  size_t k = 0, kcap = 0;
  qs_finding_params(m, &names, &k, &kcap);
  for (size_t i = 0; i < k; i++) {
    qs_buf b = {0};
    qs_buf_addf(&b, "{%s}", names[i]);
    params_in(b.s, list, n, cap);
    qs_buf_free(&b);
  }
  free(names);
}

typedef struct {
  char *rule;
  long count;
} fired;

/* The rules that fired in the last run, with how often, in byte order of their names. */
static size_t rules_fired(const qs_engine *e, fired **out) {
  char **names;
  size_t n = qs_engine_rule_names(e, &names), k = 0;
  fired *f = qs_xcalloc(n ? n : 1, sizeof *f);
  for (size_t i = 0; i < n; i++) {
    long c = qs_engine_rule_fired(e, names[i]);
    if (c > 0)
      f[k++] = (fired){names[i], c};
    else
      free(names[i]);
  }
  free(names);
  *out = f;
  return k;
}

static void indicator(const qs_report *rep, const qs_engine *e, const qs_result *res,
                      const fired *f, size_t nf, qs_lang lang, FILE *out) {
  const qs_indicator_def *d = res->def;
  fprintf(out, "\n== %s %s: %d / %d ==\n", d->id, qs_pick(lang, d->name, d->name_en), res->points,
          d->max);
  if (!d->scored) {
    fputs(M(QS_M_EXPLAIN_NOT_SCORED), out);
    return;
  }
  char **params = NULL;
  size_t np = 0, cap = 0;
  for (size_t k = d->n_bands; k-- > 0;) {
    const qs_band *b = &d->bands[k];
    char r[24];
    range(r, b);
    int met = 1;
    for (size_t j = 0; j < d->n_conds; j++) {
      if (d->conds[j].level != b->level)
        continue;
      int held = 0;
      for (size_t h = 0; h < res->n_held; h++)
        held |= strcmp(res->held[h].condition, d->conds[j].id) == 0;
      met &= held;
    }
    const char *state = M(b->level == res->level ? QS_M_EXPLAIN_CHOSEN
                          : met                  ? QS_M_EXPLAIN_MET_HIGHER
                                                 : QS_M_EXPLAIN_NOT_MET);
    fprintf(out, M(QS_M_EXPLAIN_BAND), r, state, b->text);
    if (lang == QS_LANG_EN) /* the official wording is Chinese: its gloss beneath */
      fprintf(out, "      (%s)\n", b->text_en);
    for (size_t j = 0; j < d->n_conds; j++) {
      const qs_condition *c = &d->conds[j];
      if (c->level != b->level)
        continue;
      int held = 0;
      for (size_t h = 0; h < res->n_held; h++)
        held |= strcmp(res->held[h].condition, c->id) == 0;
      char *t = qs_rubric_expand(rep->rubric, qs_pick(lang, c->text, c->text_en));
      params_in(qs_pick(lang, c->text, c->text_en), &params, &np, &cap);
      fprintf(out, "    %s %s: %s\n", held ? "✓" : "✗", c->id, t);
      free(t);
      for (size_t h = 0; h < res->n_held; h++) {
        const qs_reason *x = &res->held[h];
        if (strcmp(x->condition, c->id) != 0)
          continue;
        fprintf(out, "        - %s", qs_pick(lang, x->text, x->text_en));
        ids(out, x->evidence, x->n_evidence);
        fprintf(out, " <%s>\n", x->rule);
      }
    }
    if (b->level == res->level) {
      fprintf(out, M(QS_M_EXPLAIN_PLACEMENT), res->base);
      for (size_t i = 0; i < res->n_placed; i++)
        if (res->placed[i].present)
          fprintf(out, " +%d(%s)", res->placed[i].def->points, res->placed[i].def->id);
      fprintf(out, " = %d%s\n", res->points, res->capped ? M(QS_M_EXPLAIN_CAPPED) : "");
      for (size_t i = 0; i < res->n_placed; i++) {
        const qs_factor_def *fd = res->placed[i].def;
        int present = res->placed[i].present;
        char *t = qs_rubric_expand(rep->rubric, qs_pick(lang, fd->text, fd->text_en));
        params_in(qs_pick(lang, fd->text, fd->text_en), &params, &np, &cap);
        fprintf(out, "      %s +%d %s: %s\n", present ? "✓" : "·", fd->points, fd->id, t);
        free(t);
        for (size_t k2 = 0; k2 < res->n_reasons; k2++) {
          const qs_reason *x = &res->reasons[k2];
          if (!x->is_factor || strcmp(x->condition, fd->id) != 0)
            continue;
          fprintf(out, "          - %s", qs_pick(lang, x->text, x->text_en));
          ids(out, x->evidence, x->n_evidence);
          fprintf(out, " <%s>\n", x->rule);
        }
      }
    }
  }
  if (res->level == 0)
    fputs(M(QS_M_EXPLAIN_NO_BAND), out);
  if (res->n_gaps) {
    const qs_band *next = qs_indicator_band(d, res->gaps[0].level);
    fprintf(out, M(QS_M_EXPLAIN_TO_REACH), next ? next->min : 0, next ? next->max : 0);
    for (size_t i = 0; i < res->n_gaps; i++) {
      char *t =
          qs_rubric_expand(rep->rubric, qs_pick(lang, res->gaps[i].text, res->gaps[i].text_en));
      fprintf(out, "    - %s: %s\n", res->gaps[i].condition, t);
      free(t);
    }
  }
  for (size_t i = 0; i < res->n_held; i++)
    params_named(&res->held[i].finding, &params, &np, &cap);
  for (size_t i = 0; i < res->n_reasons; i++)
    params_named(&res->reasons[i].finding, &params, &np, &cap);
  for (size_t i = 0; i < res->n_excluded; i++)
    params_named(&res->excluded[i].finding, &params, &np, &cap);
  for (size_t i = 0; i < res->n_flags; i++)
    params_named(&res->flags[i].finding, &params, &np, &cap);
  if (res->n_excluded) {
    fputs(M(QS_M_EXPLAIN_NOT_COUNTED), out);
    for (size_t i = 0; i < res->n_excluded; i++)
      fprintf(out, "    - [%s] %s <%s>\n", res->excluded[i].evidence,
              qs_pick(lang, res->excluded[i].text, res->excluded[i].text_en),
              res->excluded[i].rule);
  }
  if (res->n_flags) {
    fputs(M(QS_M_EXPLAIN_FLAGS), out);
    for (size_t i = 0; i < res->n_flags; i++) {
      const qs_flag *x = &res->flags[i];
      fprintf(out, "    - %s %s: %s", qs_severity_word(lang, x->severity),
              qs_word_coded(lang, "flag", x->code), qs_pick(lang, x->text, x->text_en));
      ids(out, x->evidence, x->n_evidence);
      fputc('\n', out);
    }
  }
  if (np) {
    fputs(M(QS_M_EXPLAIN_PARAMETERS), out);
    for (size_t i = 0; i < np; i++) {
      const qs_param *p = qs_rubric_param(rep->rubric, params[i]);
      char v[32];
      if (p) {
        qs_param_format(p, p->value, v);
        fprintf(out, " %s=%s%s%s", p->name, v, qs_unit(lang, p->unit),
                p->value != p->dflt ? "*" : "");
      }
      free(params[i]);
    }
    free(params);
    fputc('\n', out);
  }
  fputs(M(QS_M_EXPLAIN_RULES_FIRED), out);
  int any = 0;
  for (size_t i = 0; i < nf; i++) {
    const char *m = qs_engine_rule_module(e, f[i].rule);
    if (strcmp(m, d->module) != 0)
      continue;
    fprintf(out, " %s×%ld", f[i].rule, f[i].count);
    any = 1;
  }
  fputs(any ? "\n" : M(QS_M_EXPLAIN_NO_RULES_FIRED), out);
}

static void write_explain(const qs_report *rep, const qs_engine *e, const char *only, qs_lang lang,
                          FILE *out) {
  fired *f;
  size_t nf = rules_fired(e, &f);
  fprintf(out, M(QS_M_EXPLAIN_HEAD), rep->id, rep->title, rep->total, rep->max_total,
          qs_triage_shown(lang, rep->triage));
  fprintf(out, M(QS_M_EXPLAIN_LEGEND), rep->window_start ? rep->window_start : "?",
          rep->window_end ? rep->window_end : "?", rep->as_of ? rep->as_of : "?");
  for (size_t i = 0; i < rep->n_results; i++)
    if (!only || strcmp(only, rep->results[i].def->id) == 0)
      indicator(rep, e, &rep->results[i], f, nf, lang, out);
  if (!only && rep->n_flags) {
    fputs(M(QS_M_EXPLAIN_SUBMISSION_FLAGS), out);
    for (size_t i = 0; i < rep->n_flags; i++) {
      const qs_flag *x = &rep->flags[i];
      fprintf(out, "  - %s %s: %s", qs_severity_word(lang, x->severity),
              qs_word_coded(lang, "flag", x->code), qs_pick(lang, x->text, x->text_en));
      ids(out, x->evidence, x->n_evidence);
      fputc('\n', out);
    }
  }
  for (size_t i = 0; i < nf; i++)
    free(f[i].rule);
  free(f);
}

char *qs_render_explain(const qs_report *rep, const qs_engine *e, const char *only, qs_lang lang) {
  char *buf;
  size_t len;
  FILE *mem = qs_xmemstream(&buf, &len);
  write_explain(rep, e, only, lang, mem);
  fclose(mem);
  return buf;
}
