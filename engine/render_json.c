/* render_json.c -- the JSON report (docs/REPORT-JSON.md, the contract other tools rely on) through
 * jansson, and the rubric as JSON. Keys keep the insertion order below. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "qs_render.h"
#include "qs_util.h"

char *qs_json_text(json_t *root, size_t flags) {
  char *s = json_dumps(root, flags);
  json_decref(root);
  qs_buf b = {0};
  qs_buf_add(&b, s ? s : "{}");
  qs_buf_add(&b, "\n");
  free(s);
  return qs_buf_take(&b);
}

static json_t *str(const char *s) { return json_string(s ? s : ""); }

/* A text of the rules with its {param} placeholders filled in. */
static json_t *expanded(const qs_rubric *r, const char *s) {
  char *t = qs_rubric_expand(r, s);
  json_t *j = json_string(t);
  free(t);
  return j;
}

static json_t *strs(char **a, size_t n) {
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++)
    json_array_append_new(arr, str(a[i]));
  return arr;
}

static json_t *band_json(const qs_band *b) {
  if (!b)
    return json_null();
  json_t *o = json_object();
  json_object_set_new(o, "level", json_integer(b->level));
  json_object_set_new(o, "min", json_integer(b->min));
  json_object_set_new(o, "max", json_integer(b->max));
  json_object_set_new(o, "text", str(b->text));
  json_object_set_new(o, "gloss", str(b->text_en));
  return o;
}

static json_t *flags_json(const qs_flag *f, size_t n, qs_lang lang) {
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++) {
    json_t *o = json_object();
    json_object_set_new(o, "code", str(f[i].code));
    json_object_set_new(o, "severity", str(qs_severity_name(f[i].severity)));
    json_object_set_new(o, "text", str(qs_pick(lang, f[i].text, f[i].text_en)));
    json_object_set_new(o, "rule", str(f[i].rule));
    json_object_set_new(o, "evidence", strs(f[i].evidence, f[i].n_evidence));
    json_array_append_new(arr, o);
  }
  return arr;
}

static void mark_cited(const qs_report *rep, char *cited, char **ev, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const qs_evidence *e = qs_report_evidence(rep, ev[i]);
    if (e)
      cited[e - rep->evidence] = 1;
  }
}

static json_t *indicator_json(const qs_report *rep, const qs_result *res, qs_lang lang,
                              char *cited) {
  const qs_indicator_def *def = res->def;
  json_t *o = json_object();
  json_object_set_new(o, "id", str(def->id));
  json_object_set_new(o, "name", str(def->name));
  json_object_set_new(o, "name_en", str(def->name_en));
  json_object_set_new(o, "section", str(def->section));
  json_object_set_new(o, "max", json_integer(def->max));
  json_object_set_new(o, "scored", json_boolean(def->scored));
  json_object_set_new(o, "band", band_json(qs_indicator_band(def, res->level)));
  json_object_set_new(o, "points", json_integer(res->points));
  json_object_set_new(o, "self_points", res->has_self ? json_real(res->self_points) : json_null());

  json_t *reasons = json_array();
  json_t *factors = json_array();
  for (size_t i = 0; i < res->n_reasons; i++) {
    const qs_reason *r = &res->reasons[i];
    mark_cited(rep, cited, r->evidence, r->n_evidence);
    json_t *x = json_object();
    json_object_set_new(x, "rule", str(r->rule));
    json_object_set_new(x, r->is_factor ? "factor" : "condition", str(r->condition));
    if (r->is_factor)
      json_object_set_new(x, "points", json_integer(r->points));
    json_object_set_new(x, "text", str(qs_pick(lang, r->text, r->text_en)));
    json_object_set_new(x, "evidence", strs(r->evidence, r->n_evidence));
    json_array_append_new(reasons, x);
  }
  /* Placement: which factor-defs of the chosen band added points. */
  for (size_t k = 0; k < res->n_placed; k++) {
    const qs_factor_def *fd = res->placed[k].def;
    int present = res->placed[k].present;
    json_t *x = json_object();
    json_object_set_new(x, "factor", str(fd->id));
    json_object_set_new(x, "points", json_integer(fd->points));
    json_object_set_new(x, "present", json_boolean(present));
    json_object_set_new(x, "text", expanded(rep->rubric, qs_pick(lang, fd->text, fd->text_en)));
    json_array_append_new(factors, x);
  }
  json_object_set_new(o, "reasons", reasons);
  if (res->level > 0) {
    json_t *pl = json_object();
    json_object_set_new(pl, "base", json_integer(res->base));
    json_object_set_new(pl, "factors", factors);
    json_object_set_new(pl, "capped", json_boolean(res->capped));
    json_object_set_new(o, "placement", pl);
  } else {
    json_decref(factors);
    json_object_set_new(o, "placement", json_null());
  }

  json_t *gaps = json_array();
  for (size_t i = 0; i < res->n_gaps; i++) {
    const qs_gap *g = &res->gaps[i];
    const qs_band *b = qs_indicator_band(def, g->level);
    json_t *x = json_object();
    json_object_set_new(x, "condition", str(g->condition));
    json_object_set_new(x, "text", str(qs_pick(lang, g->text, g->text_en)));
    json_t *bb = json_object();
    json_object_set_new(bb, "min", json_integer(b ? b->min : 0));
    json_object_set_new(bb, "max", json_integer(b ? b->max : 0));
    json_object_set_new(x, "band", bb);
    json_array_append_new(gaps, x);
  }
  json_object_set_new(o, "gaps", gaps);

  json_t *excl = json_array();
  for (size_t i = 0; i < res->n_excluded; i++) {
    const qs_exclusion *x = &res->excluded[i];
    mark_cited(rep, cited, (char **)&x->evidence, 1);
    json_t *j = json_object();
    json_object_set_new(j, "evidence", str(x->evidence));
    json_object_set_new(j, "rule", str(x->rule));
    json_object_set_new(j, "text", str(qs_pick(lang, x->text, x->text_en)));
    json_array_append_new(excl, j);
  }
  json_object_set_new(o, "excluded", excl);
  for (size_t i = 0; i < res->n_flags; i++)
    mark_cited(rep, cited, res->flags[i].evidence, res->flags[i].n_evidence);
  json_object_set_new(o, "flags", flags_json(res->flags, res->n_flags, lang));
  return o;
}

char *qs_render_json(const qs_report *rep, qs_lang lang, int pretty) {
  const qs_rubric *r = rep->rubric;
  json_t *root = json_object();
  json_object_set_new(root, "qscore_version", str(rep->qscore_version));
  json_object_set_new(root, "edition", str(r->edition));
  json_object_set_new(root, "rules_sha256", str(rep->rules_sha256));
  json_object_set_new(root, "lang", str(qs_lang_code(lang)));

  json_t *input = json_object();
  json_object_set_new(input, "path", str(rep->path));
  json_object_set_new(input, "sha256", str(rep->sha256));
  json_object_set_new(root, "input", input);

  json_t *sub = json_object();
  json_object_set_new(sub, "id", str(rep->id));
  json_object_set_new(sub, "title", str(rep->title));
  json_object_set_new(sub, "region", str(rep->region));
  json_object_set_new(sub, "province", str(rep->province));
  json_object_set_new(sub, "city", str(rep->city));
  json_object_set_new(sub, "chain", str(rep->chain));
  json_object_set_new(sub, "work_start", str(rep->work_start));
  json_t *win = json_object();
  json_object_set_new(win, "start", str(rep->window_start));
  json_object_set_new(win, "end", str(rep->window_end));
  json_object_set_new(win, "months", json_integer(rep->window_months));
  json_object_set_new(win, "as_of", str(rep->as_of));
  json_object_set_new(sub, "window", win);
  json_object_set_new(root, "submission", sub);

  char *cited = qs_xcalloc(rep->n_evidence ? rep->n_evidence : 1, 1);
  json_t *inds = json_array();
  for (size_t i = 0; i < rep->n_results; i++)
    json_array_append_new(inds, indicator_json(rep, &rep->results[i], lang, cited));
  json_object_set_new(root, "indicators", inds);

  json_t *secs = json_array();
  for (size_t i = 0; i < r->n_sections; i++) {
    json_t *s = json_object();
    json_object_set_new(s, "id", str(r->sections[i].id));
    json_object_set_new(s, "name", str(r->sections[i].name));
    json_object_set_new(s, "points", json_integer(rep->section_points[i]));
    json_object_set_new(s, "max", json_integer(r->sections[i].max));
    json_array_append_new(secs, s);
  }
  json_object_set_new(root, "sections", secs);
  json_object_set_new(root, "total", json_integer(rep->total));
  json_object_set_new(root, "max_total", json_integer(rep->max_total));
  json_object_set_new(root, "self_total",
                      rep->has_self_total ? json_real(rep->self_total) : json_null());
  json_object_set_new(root, "triage", str(rep->triage));
  for (size_t i = 0; i < rep->n_flags; i++)
    mark_cited(rep, cited, rep->flags[i].evidence, rep->flags[i].n_evidence);
  json_object_set_new(root, "flags", flags_json(rep->flags, rep->n_flags, lang));

  /* What each cited id is, in document order, so a reader need not open the XML. */
  json_t *ev = json_array();
  for (size_t i = 0; i < rep->n_evidence; i++) {
    if (!cited[i])
      continue;
    const qs_evidence *e = &rep->evidence[i];
    json_t *o = json_object();
    json_object_set_new(o, "id", str(e->id));
    json_object_set_new(o, "element", str(e->element));
    json_object_set_new(o, "kind", str(e->kind));
    json_object_set_new(o, "label", str(e->label));
    json_object_set_new(o, "number", str(e->number));
    json_object_set_new(o, "date", str(e->date));
    json_object_set_new(o, "enterprise", str(e->enterprise));
    json_object_set_new(o, "line", json_integer(e->line));
    json_array_append_new(ev, o);
  }
  free(cited);
  json_object_set_new(root, "evidence", ev);

  return qs_json_text(root, JSON_PRESERVE_ORDER | (pretty ? JSON_INDENT(2) : JSON_COMPACT));
}

char *qs_render_rubric_json(const qs_rubric *r, const char *rules_sha256, qs_lang lang) {
  json_t *root = json_object();
  json_object_set_new(root, "edition", str(r->edition));
  json_object_set_new(root, "title", str(r->title));
  json_object_set_new(root, "rules_sha256", str(rules_sha256));
  json_object_set_new(root, "note", str(r->note));
  json_object_set_new(root, "max_total", json_integer(r->max_total));
  json_t *secs = json_array();
  for (size_t i = 0; i < r->n_sections; i++) {
    const qs_section_def *s = &r->sections[i];
    json_t *o = json_object();
    json_object_set_new(o, "id", str(s->id));
    json_object_set_new(o, "name", str(s->name));
    json_object_set_new(o, "name_en", str(s->name_en));
    json_object_set_new(o, "max", json_integer(s->max));
    json_object_set_new(o, "official_heading_max", json_integer(s->official_max));
    json_array_append_new(secs, o);
  }
  json_object_set_new(root, "sections", secs);
  json_t *inds = json_array();
  for (size_t i = 0; i < r->n_inds; i++) {
    const qs_indicator_def *d = &r->inds[i];
    json_t *o = json_object();
    json_object_set_new(o, "id", str(d->id));
    json_object_set_new(o, "name", str(d->name));
    json_object_set_new(o, "name_en", str(d->name_en));
    json_object_set_new(o, "section", str(d->section));
    json_object_set_new(o, "max", json_integer(d->max));
    json_object_set_new(o, "scored", json_boolean(d->scored));
    json_t *bands = json_array();
    for (size_t k = d->n_bands; k-- > 0;) {
      const qs_band *b = &d->bands[k];
      json_t *bo = band_json(b);
      json_t *conds = json_array(), *facs = json_array();
      for (size_t j = 0; j < d->n_conds; j++)
        if (d->conds[j].level == b->level) {
          json_t *c = json_object();
          json_object_set_new(c, "id", str(d->conds[j].id));
          json_object_set_new(c, "text",
                              expanded(r, qs_pick(lang, d->conds[j].text, d->conds[j].text_en)));
          json_array_append_new(conds, c);
        }
      for (size_t j = 0; j < d->n_factors; j++)
        if (d->factors[j].level == b->level) {
          json_t *c = json_object();
          json_object_set_new(c, "id", str(d->factors[j].id));
          json_object_set_new(c, "points", json_integer(d->factors[j].points));
          json_object_set_new(
              c, "text", expanded(r, qs_pick(lang, d->factors[j].text, d->factors[j].text_en)));
          json_array_append_new(facs, c);
        }
      json_object_set_new(bo, "conditions", conds);
      json_object_set_new(bo, "factors", facs);
      json_array_append_new(bands, bo);
    }
    json_object_set_new(o, "bands", bands);
    json_array_append_new(inds, o);
  }
  json_object_set_new(root, "indicators", inds);
  json_t *params = json_array();
  for (size_t i = 0; i < r->n_params; i++) {
    const qs_param *p = &r->params[i];
    json_t *o = json_object();
    json_object_set_new(o, "name", str(p->name));
    json_object_set_new(o, "value",
                        p->is_int ? json_integer((json_int_t)p->value) : json_real(p->value));
    json_object_set_new(o, "default",
                        p->is_int ? json_integer((json_int_t)p->dflt) : json_real(p->dflt));
    json_object_set_new(o, "min", p->is_int ? json_integer((json_int_t)p->min) : json_real(p->min));
    json_object_set_new(o, "max", p->is_int ? json_integer((json_int_t)p->max) : json_real(p->max));
    json_object_set_new(o, "unit", str(p->unit));
    json_object_set_new(o, "rationale", str(qs_pick(lang, p->text, p->text_en)));
    json_array_append_new(params, o);
  }
  json_object_set_new(root, "params", params);
  return qs_json_text(root, JSON_PRESERVE_ORDER | JSON_INDENT(2));
}
