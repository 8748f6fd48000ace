/* render.c -- the panel's result as JSON, text, CSV and HTML (the workbook: sheets.c). Every
 * form puts the disagreements first: the submissions with the most flagged cells, and inside
 * a table the flagged cells before the rest. Numbers are shown with at most two decimals. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "panel_int.h"
#include "qs_render.h"
#include "qs_util.h"

static void num(char out[32], double v) {
  if (isnan(v)) {
    snprintf(out, 32, "-");
    return;
  }
  snprintf(out, 32, "%.2f", v);
  if (strcmp(out, "-0.00") == 0)
    snprintf(out, 32, "0.00");
  char *dot = strchr(out, '.');
  if (dot) {
    char *e = out + strlen(out) - 1;
    while (e > dot && *e == '0')
      *e-- = 0;
    if (e == dot)
      *e = 0;
  }
}

static json_t *jnum(double v) {
  if (isnan(v))
    return json_null();
  double r = round(v * 100) / 100;
  if (r == 0)
    r = 0; /* no -0 */
  return json_real(r);
}

/* The cells of a submission in the order they are shown: flagged first, then rubric order. */
static size_t cell_order(const qs_panel_result *res, const qs_panel_sub_result *sr, size_t *idx) {
  size_t n = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t k = 0; k < res->n_inds; k++)
      if ((sr->cells[k].flags != 0) == (pass == 0))
        idx[n++] = k;
  return n;
}

/* The flags of a cell as codes ("reviewer-far-from-panel:R2", "panel-far-from-suggestion") or in
 * words (lang), separated by sep. */
static void flag_list(const qs_panel_result *res, const qs_panel_cell *c, int words, qs_lang lang,
                      const char *sep, qs_buf *b) {
  int first = 1;
  for (size_t j = 0; j < res->n_reviewers; j++) {
    if (!c->far[j])
      continue;
    qs_buf_add(b, first ? "" : sep);
    first = 0;
    if (words)
      qs_buf_addf(b, qs_msg_get(lang, QS_M_PANEL_FLAG_REVIEWER), res->reviewers[j].id);
    else
      qs_buf_addf(b, "reviewer-far-from-panel:%s", res->reviewers[j].id);
  }
  if (c->flags & QS_PANEL_FLAG_SUGGESTION_FAR) {
    qs_buf_add(b, first ? "" : sep);
    qs_buf_add(b,
               words ? qs_msg_get(lang, QS_M_PANEL_FLAG_SUGGESTION) : "panel-far-from-suggestion");
  }
}

static char *render_json(const qs_panel_result *res) {
  json_t *root = json_object();
  json_object_set_new(root, "trim_min", json_integer(res->trim_min));
  json_object_set_new(root, "rules_sha256", json_string(res->batch->rules_sha256));
  json_t *subs = json_array();
  for (size_t o = 0; o < res->n_subs; o++) {
    const qs_panel_sub_result *sr = &res->subs[res->order[o]];
    json_t *js = json_object();
    json_object_set_new(js, "id", json_string(sr->sub->id));
    json_object_set_new(js, "file", json_string(sr->sub->file));
    json_t *tot = json_object();
    json_object_set_new(tot, "panel", jnum(sr->total));
    json_object_set_new(tot, "suggested", json_integer(sr->suggested));
    json_object_set_new(js, "total", tot);
    json_object_set_new(js, "complete", json_boolean(sr->complete));
    json_object_set_new(js, "rank", json_integer(sr->rank));
    json_t *tri = json_object();
    json_object_set_new(tri, "panel", json_string(sr->triage));
    json_object_set_new(tri, "suggested", json_string(sr->sub->triage));
    json_object_set_new(js, "triage", tri);
    json_object_set_new(js, "disagreements", json_integer(sr->disagreements));
    json_t *inds = json_array();
    for (size_t k = 0; k < res->n_inds; k++) {
      const qs_panel_cell *c = &sr->cells[k];
      json_t *ji = json_object();
      json_object_set_new(ji, "id", json_string(res->inds[k].def->id));
      json_object_set_new(ji, "suggested", json_integer(c->suggested));
      json_object_set_new(ji, "panel", jnum(c->panel));
      json_object_set_new(ji, "suggested_band", json_integer(c->suggested_band));
      json_object_set_new(ji, "panel_band",
                          isnan(c->panel) ? json_null() : json_integer(c->panel_band));
      json_object_set_new(ji, "spread", jnum(c->spread));
      json_object_set_new(ji, "trimmed", json_boolean(c->trimmed));
      json_t *rv = json_object(), *cm = json_object();
      for (size_t j = 0; j < res->n_reviewers; j++) {
        if (!isnan(c->points[j]))
          json_object_set_new(rv, res->reviewers[j].id, json_integer((json_int_t)c->points[j]));
        if (c->comments[j])
          json_object_set_new(cm, res->reviewers[j].id, json_string(c->comments[j]));
      }
      json_object_set_new(ji, "reviewers", rv);
      json_object_set_new(ji, "comments", cm);
      json_t *fl = json_array();
      for (size_t j = 0; j < res->n_reviewers; j++)
        if (c->far[j]) {
          qs_buf b = {0};
          qs_buf_addf(&b, "reviewer-far-from-panel:%s", res->reviewers[j].id);
          json_array_append_new(fl, json_string(b.s));
          qs_buf_free(&b);
        }
      if (c->flags & QS_PANEL_FLAG_SUGGESTION_FAR)
        json_array_append_new(fl, json_string("panel-far-from-suggestion"));
      json_object_set_new(ji, "flags", fl);
      json_array_append_new(inds, ji);
    }
    json_object_set_new(js, "indicators", inds);
    json_array_append_new(subs, js);
  }
  json_object_set_new(root, "submissions", subs);
  json_t *rvs = json_array();
  for (size_t j = 0; j < res->n_reviewers; j++) {
    const qs_panel_reviewer_result *rr = &res->reviewers[j];
    json_t *jr = json_object();
    json_object_set_new(jr, "id", json_string(rr->id));
    json_object_set_new(jr, "name", json_string(rr->name));
    json_object_set_new(jr, "scored", json_integer(rr->scored));
    json_object_set_new(jr, "bias", jnum(rr->bias));
    json_object_set_new(jr, "mad", jnum(rr->mad));
    json_object_set_new(jr, "far", json_integer(rr->far));
    json_array_append_new(rvs, jr);
  }
  json_object_set_new(root, "reviewers", rvs);
  json_t *inds = json_array();
  for (size_t k = 0; k < res->n_inds; k++) {
    const qs_panel_ind_result *ir = &res->inds[k];
    json_t *ji = json_object();
    json_object_set_new(ji, "id", json_string(ir->def->id));
    json_object_set_new(ji, "scored", json_integer(ir->n));
    json_object_set_new(ji, "mad", jnum(ir->mad));
    json_object_set_new(ji, "bias", jnum(ir->bias));
    json_object_set_new(ji, "kappa", jnum(ir->kappa));
    json_object_set_new(ji, "icc", jnum(ir->icc));
    json_object_set_new(ji, "icc_submissions", json_integer(ir->icc_n));
    json_object_set_new(ji, "icc_reviewers", json_integer(ir->icc_k));
    json_object_set_new(ji, "overridden", json_integer(ir->overridden));
    json_array_append_new(inds, ji);
  }
  json_object_set_new(root, "indicators", inds);
  return qs_json_text(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
}

static void csv_field(qs_buf *b, const char *s) {
  if (strpbrk(s, ",\"\r\n")) {
    qs_buf_add(b, "\"");
    for (; *s; s++)
      qs_buf_add(b, *s == '"' ? "\"\"" : (char[2]){*s, 0});
    qs_buf_add(b, "\"");
  } else {
    qs_buf_add(b, s);
  }
}

static char *render_csv(const qs_panel_result *res) {
  qs_buf b = {0};
  qs_buf_add(&b, "submission,indicator,suggested,suggested_band,panel,panel_band,spread,"
                 "reviewers,flags,panel_total,rank,triage");
  for (size_t j = 0; j < res->n_reviewers; j++) {
    qs_buf_add(&b, ",");
    csv_field(&b, res->reviewers[j].id);
  }
  qs_buf_add(&b, "\r\n");
  size_t *idx = qs_xcalloc(res->n_inds + 1, sizeof *idx);
  for (int pass = 0; pass < 2; pass++)
    for (size_t o = 0; o < res->n_subs; o++) {
      const qs_panel_sub_result *sr = &res->subs[res->order[o]];
      for (size_t k = 0; k < res->n_inds; k++) {
        const qs_panel_cell *c = &sr->cells[k];
        if ((c->flags != 0) != (pass == 0))
          continue;
        char p[32], sp[32], t[32];
        num(p, c->panel);
        num(sp, c->spread);
        num(t, sr->total);
        csv_field(&b, sr->sub->id);
        qs_buf_addf(&b, ",%s,%d,%d,%s,", res->inds[k].def->id, c->suggested, c->suggested_band,
                    isnan(c->panel) ? "" : p);
        if (!isnan(c->panel))
          qs_buf_addf(&b, "%d", c->panel_band);
        qs_buf_addf(&b, ",%s,%d,", isnan(c->spread) ? "" : sp, c->n);
        qs_buf fl = {0};
        flag_list(res, c, 0, QS_LANG_EN, " ", &fl);
        csv_field(&b, fl.s ? fl.s : "");
        qs_buf_free(&fl);
        qs_buf_addf(&b, ",%s,%d,%s", t, sr->rank, sr->triage);
        for (size_t j = 0; j < res->n_reviewers; j++) {
          if (isnan(c->points[j]))
            qs_buf_add(&b, ",");
          else
            qs_buf_addf(&b, ",%d", (int)c->points[j]);
        }
        qs_buf_add(&b, "\r\n");
      }
    }
  free(idx);
  return qs_buf_take(&b);
}

/* The column titles of a message "a|b|c" (see panel_int.h). */
size_t qs_panel_titles(qs_lang lang, qs_msg m, char out[][64], size_t max) {
  const char *s = qs_msg_get(lang, m);
  size_t n = 0;
  for (size_t i = 0; i < max; i++)
    out[i][0] = 0;
  while (n < max) {
    const char *t = strchr(s, '|');
    size_t len = t ? (size_t)(t - s) : strlen(s);
    snprintf(out[n++], 64, "%.*s", (int)len, s);
    if (!t)
      break;
    s = t + 1;
  }
  return n;
}

static void reviewers_cell(const qs_panel_result *res, const qs_panel_cell *c, qs_buf *b) {
  int first = 1;
  for (size_t j = 0; j < res->n_reviewers; j++)
    if (!isnan(c->points[j])) {
      qs_buf_addf(b, "%s%s %d%s", first ? "" : ", ", res->reviewers[j].id, (int)c->points[j],
                  c->far[j] ? "!" : "");
      first = 0;
    }
}

static char *render_text(const qs_panel_result *res, qs_lang lang) {
  qs_buf b = {0};
  qs_buf_addf(&b, "%s\n", qs_msg_get(lang, QS_M_PANEL_TITLE));
  qs_buf_addf(&b, qs_msg_get(lang, QS_M_PANEL_SUMMARY), (int)res->n_subs, (int)res->n_reviewers,
              (int)res->n_scores, res->trim_min);
  qs_buf_addf(&b, "\n\n== %s\n", qs_msg_get(lang, QS_M_PANEL_H_SUBMISSIONS));
  char t[8][64];
  size_t *idx = qs_xcalloc(res->n_inds + 1, sizeof *idx);
  for (size_t o = 0; o < res->n_subs; o++) {
    const qs_panel_sub_result *sr = &res->subs[res->order[o]];
    char tot[32];
    num(tot, sr->total);
    qs_buf_add(&b, "\n");
    qs_buf_addf(&b, qs_msg_get(lang, QS_M_PANEL_SUB_LINE), sr->sub->id, sr->rank, tot,
                sr->suggested, qs_word(lang, "triage", sr->triage),
                qs_word(lang, "triage", sr->sub->triage), sr->disagreements);
    qs_buf_add(&b, "\n");
    size_t nt = qs_panel_titles(lang, QS_M_PANEL_COLS_CELLS, t, 6);
    qs_buf_add(&b, "  ");
    for (size_t i = 0; i < nt; i++)
      qs_buf_addf(&b, "%s%s", i ? " | " : "", t[i]);
    qs_buf_add(&b, "\n");
    size_t n = cell_order(res, sr, idx);
    for (size_t q = 0; q < n; q++) {
      const qs_panel_cell *c = &sr->cells[idx[q]];
      char p[32], sp[32];
      num(p, c->panel);
      num(sp, c->spread);
      qs_buf_addf(&b, "  %s %s | %d | %s | %s | ", res->inds[idx[q]].def->id,
                  res->inds[idx[q]].def->name, c->suggested, p, sp);
      reviewers_cell(res, c, &b);
      qs_buf_add(&b, " | ");
      flag_list(res, c, 1, lang, "; ", &b);
      qs_buf_add(&b, "\n");
    }
  }
  free(idx);
  qs_buf_addf(&b, "\n== %s\n", qs_msg_get(lang, QS_M_PANEL_H_REVIEWERS));
  size_t nt = qs_panel_titles(lang, QS_M_PANEL_COLS_REVIEWERS, t, 6);
  for (size_t i = 0; i < nt; i++)
    qs_buf_addf(&b, "%s%s", i ? " | " : "", t[i]);
  qs_buf_add(&b, "\n");
  for (size_t j = 0; j < res->n_reviewers; j++) {
    const qs_panel_reviewer_result *rr = &res->reviewers[j];
    char bias[32], mad[32];
    num(bias, rr->bias);
    num(mad, rr->mad);
    qs_buf_addf(&b, "%s | %s | %d | %s | %s | %d\n", rr->id, rr->name, rr->scored, bias, mad,
                rr->far);
  }
  qs_buf_addf(&b, "\n== %s\n", qs_msg_get(lang, QS_M_PANEL_H_INDICATORS));
  nt = qs_panel_titles(lang, QS_M_PANEL_COLS_INDICATORS, t, 7);
  for (size_t i = 0; i < nt; i++)
    qs_buf_addf(&b, "%s%s", i ? " | " : "", t[i]);
  qs_buf_add(&b, "\n");
  for (size_t k = 0; k < res->n_inds; k++) {
    const qs_panel_ind_result *ir = &res->inds[k];
    char mad[32], bias[32], kap[32], icc[32];
    num(mad, ir->mad);
    num(bias, ir->bias);
    num(kap, ir->kappa);
    num(icc, ir->icc);
    qs_buf_addf(&b, "%s %s | %d | %s | %s | %s | %s | %d\n", ir->def->id, ir->def->name, ir->n, mad,
                bias, kap, icc, ir->overridden);
  }
  return qs_buf_take(&b);
}

static void esc(qs_buf *b, const char *s) { qs_buf_add_html(b, s); }

static void html_head_row(qs_buf *b, qs_lang lang, qs_msg m, size_t max) {
  char t[8][64];
  size_t nt = qs_panel_titles(lang, m, t, max);
  qs_buf_add(b, "<tr>");
  for (size_t i = 0; i < nt; i++) {
    qs_buf_add(b, "<th>");
    esc(b, t[i]);
    qs_buf_add(b, "</th>");
  }
  qs_buf_add(b, "</tr>\n");
}

static char *render_html(const qs_panel_result *res, qs_lang lang) {
  qs_buf b = {0};
  qs_buf_addf(&b,
              "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
              lang == QS_LANG_EN ? "en" : "zh-CN");
  esc(&b, qs_msg_get(lang, QS_M_PANEL_TITLE));
  qs_buf_add(&b, "</title>\n<style>\nbody{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\","
                 "sans-serif;margin:1.5em;color:#222}\ntable{border-collapse:collapse;"
                 "margin:.5em 0 1.5em}\nth,td{border:1px solid #bbb;padding:.2em .5em;"
                 "text-align:left;vertical-align:top}\nth{background:#ddebf7}\n"
                 "tr.flag td{background:#fde9d9}\n.far{color:#b00;font-weight:bold}\n"
                 "</style>\n</head>\n<body>\n<h1>");
  esc(&b, qs_msg_get(lang, QS_M_PANEL_TITLE));
  qs_buf_add(&b, "</h1>\n<p>");
  qs_buf sum = {0};
  qs_buf_addf(&sum, qs_msg_get(lang, QS_M_PANEL_SUMMARY), (int)res->n_subs, (int)res->n_reviewers,
              (int)res->n_scores, res->trim_min);
  esc(&b, sum.s);
  qs_buf_free(&sum);
  qs_buf_add(&b, "</p>\n<h2>");
  esc(&b, qs_msg_get(lang, QS_M_PANEL_H_SUBMISSIONS));
  qs_buf_add(&b, "</h2>\n");
  size_t *idx = qs_xcalloc(res->n_inds + 1, sizeof *idx);
  for (size_t o = 0; o < res->n_subs; o++) {
    const qs_panel_sub_result *sr = &res->subs[res->order[o]];
    char tot[32];
    num(tot, sr->total);
    qs_buf line = {0};
    qs_buf_addf(&line, qs_msg_get(lang, QS_M_PANEL_SUB_LINE), sr->sub->id, sr->rank, tot,
                sr->suggested, qs_word(lang, "triage", sr->triage),
                qs_word(lang, "triage", sr->sub->triage), sr->disagreements);
    qs_buf_add(&b, "<h3>");
    esc(&b, line.s);
    qs_buf_free(&line);
    qs_buf_add(&b, "</h3>\n<table>\n");
    html_head_row(&b, lang, QS_M_PANEL_COLS_CELLS, 6);
    size_t n = cell_order(res, sr, idx);
    for (size_t q = 0; q < n; q++) {
      const qs_panel_cell *c = &sr->cells[idx[q]];
      char p[32], sp[32];
      num(p, c->panel);
      num(sp, c->spread);
      qs_buf_addf(&b, "<tr%s><td>", c->flags ? " class=\"flag\"" : "");
      esc(&b, res->inds[idx[q]].def->id);
      qs_buf_add(&b, " ");
      esc(&b, res->inds[idx[q]].def->name);
      qs_buf_addf(&b, "</td><td>%d</td><td>%s</td><td>%s</td><td>", c->suggested, p, sp);
      int first = 1;
      for (size_t j = 0; j < res->n_reviewers; j++)
        if (!isnan(c->points[j])) {
          qs_buf_add(&b, first ? "" : ", ");
          first = 0;
          if (c->far[j])
            qs_buf_add(&b, "<span class=\"far\">");
          esc(&b, res->reviewers[j].id);
          qs_buf_addf(&b, " %d", (int)c->points[j]);
          if (c->far[j])
            qs_buf_add(&b, "</span>");
        }
      qs_buf_add(&b, "</td><td>");
      qs_buf fl = {0};
      flag_list(res, c, 1, lang, "; ", &fl);
      esc(&b, fl.s ? fl.s : "");
      qs_buf_free(&fl);
      qs_buf_add(&b, "</td></tr>\n");
    }
    qs_buf_add(&b, "</table>\n");
  }
  free(idx);
  qs_buf_add(&b, "<h2>");
  esc(&b, qs_msg_get(lang, QS_M_PANEL_H_REVIEWERS));
  qs_buf_add(&b, "</h2>\n<table>\n");
  html_head_row(&b, lang, QS_M_PANEL_COLS_REVIEWERS, 6);
  for (size_t j = 0; j < res->n_reviewers; j++) {
    const qs_panel_reviewer_result *rr = &res->reviewers[j];
    char bias[32], mad[32];
    num(bias, rr->bias);
    num(mad, rr->mad);
    qs_buf_add(&b, "<tr><td>");
    esc(&b, rr->id);
    qs_buf_add(&b, "</td><td>");
    esc(&b, rr->name);
    qs_buf_addf(&b, "</td><td>%d</td><td>%s</td><td>%s</td><td>%d</td></tr>\n", rr->scored, bias,
                mad, rr->far);
  }
  qs_buf_add(&b, "</table>\n<h2>");
  esc(&b, qs_msg_get(lang, QS_M_PANEL_H_INDICATORS));
  qs_buf_add(&b, "</h2>\n<table>\n");
  html_head_row(&b, lang, QS_M_PANEL_COLS_INDICATORS, 7);
  for (size_t k = 0; k < res->n_inds; k++) {
    const qs_panel_ind_result *ir = &res->inds[k];
    char mad[32], bias[32], kap[32], icc[32];
    num(mad, ir->mad);
    num(bias, ir->bias);
    num(kap, ir->kappa);
    num(icc, ir->icc);
    qs_buf_add(&b, "<tr><td>");
    esc(&b, ir->def->id);
    qs_buf_add(&b, " ");
    esc(&b, ir->def->name);
    qs_buf_addf(&b,
                "</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td></tr>\n",
                ir->n, mad, bias, kap, icc, ir->overridden);
  }
  qs_buf_add(&b, "</table>\n</body>\n</html>\n");
  return qs_buf_take(&b);
}

char *qs_panel_render(const qs_panel_result *res, const char *format, qs_lang lang) {
  if (!format || strcmp(format, "text") == 0)
    return render_text(res, lang);
  if (strcmp(format, "json") == 0)
    return render_json(res);
  if (strcmp(format, "csv") == 0)
    return render_csv(res);
  if (strcmp(format, "html") == 0)
    return render_html(res, lang);
  return NULL;
}
