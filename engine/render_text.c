/* render_text.c -- the report and the rubric for a terminal: a summary table, then one block
 * per indicator with its band (official wording), reasons, placement, gaps, exclusions and
 * flags. */
#include <stdlib.h>
#include <string.h>

#include "qs_render.h"
#include "qs_util.h"

#define M(id) qs_msg_get(lang, id)

const char *qs_triage_label(qs_lang lang, const char *t) { return qs_word(lang, "triage", t); }

const char *qs_severity_word(qs_lang lang, qs_severity s) {
  return qs_word(lang, "severity", qs_severity_name(s));
}

const char *qs_triage_shown(qs_lang lang, const char *t) {
  if (strcmp(t, "recommend") == 0)
    return M(QS_M_TRIAGE_SHOWN_RECOMMEND);
  if (strcmp(t, "reject") == 0)
    return M(QS_M_TRIAGE_SHOWN_REJECT);
  return M(QS_M_TRIAGE_SHOWN_REVIEW);
}

static void ids(FILE *out, char **ev, size_t n) {
  if (n == 0)
    return;
  fputs(" [", out);
  for (size_t i = 0; i < n; i++)
    fprintf(out, "%s%s", i ? " " : "", ev[i]);
  fputc(']', out);
}

static void flags(FILE *out, qs_lang lang, const qs_flag *f, size_t n, const char *indent) {
  for (size_t i = 0; i < n; i++) {
    fprintf(out, "%s- %s %s: %s", indent, qs_severity_word(lang, f[i].severity),
            qs_word_coded(lang, "flag", f[i].code), qs_pick(lang, f[i].text, f[i].text_en));
    ids(out, f[i].evidence, f[i].n_evidence);
    fputc('\n', out);
  }
}

/* "6-8" or, for a one-point band, "5". */
static const char *range(char buf[24], int min, int max) {
  if (min == max)
    snprintf(buf, 24, "%d", min);
  else
    snprintf(buf, 24, "%d-%d", min, max);
  return buf;
}

static void band_line(FILE *out, qs_lang lang, const qs_band *b) {
  char r[24];
  fprintf(out, "  %s %s: %s\n", M(QS_M_BAND), range(r, b->min, b->max), b->text);
  if (lang == QS_LANG_EN)
    fprintf(out, "      (%s)\n", b->text_en);
}

static void indicator_block(FILE *out, qs_lang lang, const qs_result *res) {
  const qs_indicator_def *d = res->def;
  fprintf(out, "\n== %s %s: %d / %d ==\n", d->id, qs_pick(lang, d->name, d->name_en), res->points,
          d->max);
  if (lang == QS_LANG_EN)
    fprintf(out, "  (%s)\n", d->name);
  const qs_band *b = qs_indicator_band(d, res->level);
  if (b) {
    band_line(out, lang, b);
    fprintf(out, "  %s:\n", M(QS_M_REASONS));
    for (size_t i = 0; i < res->n_reasons; i++) {
      const qs_reason *r = &res->reasons[i];
      if (r->is_factor)
        continue;
      fprintf(out, "    - %s", qs_pick(lang, r->text, r->text_en));
      ids(out, r->evidence, r->n_evidence);
      fprintf(out, " <%s>\n", r->rule);
    }
    fprintf(out, "  %s: %s %d", M(QS_M_PLACEMENT), M(QS_M_BASE), res->base);
    for (size_t k = 0; k < res->n_placed; k++)
      if (res->placed[k].present)
        fprintf(out, " +%d(%s)", res->placed[k].def->points, res->placed[k].def->id);
    fprintf(out, " = %d%s%s\n", res->points, res->capped ? "; " : "",
            res->capped ? M(QS_M_CAPPED) : "");
    for (size_t i = 0; i < res->n_reasons; i++) {
      const qs_reason *r = &res->reasons[i];
      if (!r->is_factor)
        continue;
      fprintf(out, "    + %s: %s", r->condition, qs_pick(lang, r->text, r->text_en));
      ids(out, r->evidence, r->n_evidence);
      fputc('\n', out);
    }
  }
  if (res->n_gaps) {
    const qs_band *next = qs_indicator_band(d, res->gaps[0].level);
    char r[24];
    fprintf(out, "  %s (%s):\n", M(QS_M_GAPS),
            range(r, next ? next->min : 0, next ? next->max : 0));
    for (size_t i = 0; i < res->n_gaps; i++)
      fprintf(out, "    - %s\n", qs_pick(lang, res->gaps[i].text, res->gaps[i].text_en));
  }
  if (res->n_excluded) {
    fprintf(out, "  %s:\n", M(QS_M_EXCLUDED));
    for (size_t i = 0; i < res->n_excluded; i++)
      fprintf(out, "    - [%s] %s\n", res->excluded[i].evidence,
              qs_pick(lang, res->excluded[i].text, res->excluded[i].text_en));
  }
  if (res->n_flags) {
    fprintf(out, "  %s:\n", M(QS_M_FLAGS));
    flags(out, lang, res->flags, res->n_flags, "    ");
  }
}

static void write_text(const qs_report *rep, qs_lang lang, FILE *out) {
  const qs_rubric *r = rep->rubric;
  fprintf(out, "%s · qscore %s\n", r->title, rep->qscore_version);
  fprintf(out, "%s: %s %s\n", M(QS_M_PROJECT), rep->id, rep->title);
  fprintf(out, "%s: %s (%s/%s)   %s: %s\n", M(QS_M_REGION), rep->region, rep->province, rep->city,
          M(QS_M_CHAIN), rep->chain);
  fprintf(out, M(QS_M_DATES), M(QS_M_WORK_START), rep->work_start, M(QS_M_WINDOW),
          rep->window_start ? rep->window_start : "?", rep->window_end ? rep->window_end : "?",
          rep->window_months, rep->as_of ? rep->as_of : "?");
  fprintf(out, "%s: %d / %d   %s: %s\n\n", M(QS_M_TOTAL), rep->total, rep->max_total,
          M(QS_M_TRIAGE), qs_triage_shown(lang, rep->triage));

  for (size_t s = 0; s < r->n_sections; s++) {
    fprintf(out, "%s %s: %d / %d\n", M(QS_M_SECTION),
            qs_pick(lang, r->sections[s].name, r->sections[s].name_en), rep->section_points[s],
            r->sections[s].max);
    for (size_t i = 0; i < rep->n_results; i++) {
      const qs_result *res = &rep->results[i];
      if (strcmp(res->def->section, r->sections[s].id) != 0)
        continue;
      const qs_band *b = qs_indicator_band(res->def, res->level);
      char pts[16];
      if (res->def->scored)
        snprintf(pts, sizeof pts, "%2d", res->points);
      else
        snprintf(pts, sizeof pts, " -");
      fprintf(out, "  %s/%-2d  %-15s %s", pts, res->def->max, res->def->id,
              qs_pick(lang, res->def->name, res->def->name_en));
      if (res->has_self)
        fprintf(out, "  (%s %g)", M(QS_M_SELF), res->self_points);
      if (!res->def->scored)
        fprintf(out, "  [%s]", M(QS_M_NOT_SCORED_SHORT));
      else if (b) {
        char rr[24];
        fprintf(out, "  [%s]", range(rr, b->min, b->max));
      } else
        fprintf(out, "  [%s]", M(QS_M_NONE));
      fputc('\n', out);
    }
  }
  if (rep->n_flags) {
    fprintf(out, "\n%s:\n", M(QS_M_SUBMISSION_FLAGS));
    flags(out, lang, rep->flags, rep->n_flags, "  ");
  }
  for (size_t i = 0; i < rep->n_results; i++)
    if (rep->results[i].def->scored)
      indicator_block(out, lang, &rep->results[i]);
}

static void write_rubric_text(const qs_rubric *r, const char *rules_origin,
                              const char *rules_sha256, qs_lang lang, FILE *out) {
  fprintf(out, "%s\n", r->title);
  fprintf(out, M(QS_M_RUBRIC_RULES),
          strcmp(rules_origin, "built-in") == 0 ? M(QS_M_RULES_BUILT_IN) : rules_origin,
          rules_sha256);
  fputc('\n', out);
  fprintf(out, "%s %d\n", M(QS_M_TOTAL), r->max_total);
  for (size_t s = 0; s < r->n_sections; s++) {
    const qs_section_def *sec = &r->sections[s];
    fprintf(out, "  %s %s: %d", sec->id, qs_pick(lang, sec->name, sec->name_en), sec->max);
    if (sec->official_max != sec->max)
      fprintf(out, M(QS_M_RUBRIC_OFFICIAL_MAX), sec->official_max);
    fputc('\n', out);
  }
  fprintf(out, "%s\n", qs_pick(lang, r->note, r->note_en));
  for (size_t i = 0; i < r->n_inds; i++) {
    const qs_indicator_def *d = &r->inds[i];
    /* The official name, and in English its gloss. */
    fprintf(out, "\n%-15s %s", d->id, d->name);
    if (lang == QS_LANG_EN)
      fprintf(out, " (%s)", d->name_en);
    fprintf(out, " %d%s\n", d->max, d->scored ? "" : M(QS_M_RUBRIC_NOT_SCORED));
    for (size_t k = d->n_bands; k-- > 0;) {
      const qs_band *b = &d->bands[k];
      band_line(out, lang, b);
      for (size_t j = 0; j < d->n_conds; j++)
        if (d->conds[j].level == b->level) {
          char *t = qs_rubric_expand(r, qs_pick(lang, d->conds[j].text, d->conds[j].text_en));
          fprintf(out, "      ? %s: %s\n", d->conds[j].id, t);
          free(t);
        }
      for (size_t j = 0; j < d->n_factors; j++)
        if (d->factors[j].level == b->level) {
          char *t = qs_rubric_expand(r, qs_pick(lang, d->factors[j].text, d->factors[j].text_en));
          fprintf(out, "      + %d %s: %s\n", d->factors[j].points, d->factors[j].id, t);
          free(t);
        }
    }
  }
  fprintf(out, "\n%s\n", M(QS_M_RUBRIC_PARAMETERS));
  for (size_t i = 0; i < r->n_params; i++) {
    const qs_param *p = &r->params[i];
    char v[32], dv[32], lo[32], hi[32];
    qs_param_format(p, p->value, v);
    qs_param_format(p, p->dflt, dv);
    qs_param_format(p, p->min, lo);
    qs_param_format(p, p->max, hi);
    fprintf(out, "  %s = ", p->name);
    fprintf(out, M(QS_M_RUBRIC_VALUE), v, qs_unit(lang, p->unit));
    if (p->value != p->dflt)
      fprintf(out, M(QS_M_RUBRIC_DEFAULT), dv);
    fprintf(out, "  [%s, %s]\n      %s\n", lo, hi, qs_pick(lang, p->text, p->text_en));
  }
}

/* The text renderers write to a stream; the API gives every report as a string, like the
 * others. */
char *qs_render_text(const qs_report *rep, qs_lang lang) {
  char *buf;
  size_t len;
  FILE *mem = qs_xmemstream(&buf, &len);
  write_text(rep, lang, mem);
  fclose(mem);
  return buf;
}

char *qs_render_rubric_text(const qs_rubric *r, const char *rules_origin, const char *rules_sha256,
                            qs_lang lang) {
  char *buf;
  size_t len;
  FILE *mem = qs_xmemstream(&buf, &len);
  write_rubric_text(r, rules_origin, rules_sha256, lang, mem);
  fclose(mem);
  return buf;
}
