/* batch.c -- the suggestions of a batch (DIR/results.jsonl, docs/REPORT-JSON.md) and the
 * reviewers' list (reviewers.csv), as the panel reads them. */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "panel_int.h"
#include "qs_util.h"

static char *sdup(json_t *o, const char *key) {
  const char *s = json_string_value(json_object_get(o, key));
  return qs_xstrdup(s ? s : "");
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The rubric's parameters a text cites: a parameter's name preceded by "参数 " or "parameter "
 * (the way the rules print them, "（参数 mechanism-alliance-kinds ≥ 5）"), or by a space and
 * followed by a character that cannot continue a name. */
static void cited_params(const qs_rubric *r, const char *text, char ***out, size_t *n) {
  for (size_t p = 0; p < r->n_params; p++) {
    const char *name = r->params[p].name;
    size_t len = strlen(name);
    for (const char *s = strstr(text, name); s; s = strstr(s + 1, name)) {
      int before = s == text || s[-1] == ' ' || s[-1] == '(' || (unsigned char)s[-1] >= 0x80;
      int after = !(isalnum((unsigned char)s[len]) || s[len] == '-' || s[len] == '_');
      if (before && after) {
        size_t k = 0;
        while (k < *n && strcmp((*out)[k], name) != 0)
          k++;
        if (k == *n) {
          *out = qs_xrealloc(*out, (*n + 1) * sizeof **out);
          (*out)[(*n)++] = qs_xstrdup(name);
        }
        break;
      }
    }
  }
  qs_sort(*out, *n, sizeof **out, cmp_str);
}

static int cond_level(const qs_indicator_def *def, const char *cond) {
  for (size_t i = 0; *cond && i < def->n_conds; i++)
    if (strcmp(def->conds[i].id, cond) == 0)
      return def->conds[i].level;
  return 0;
}

static int read_indicator(const qs_rubric *r, json_t *ji, qs_panel_suggestion *s) {
  json_t *band = json_object_get(ji, "band");
  json_t *pts = json_object_get(ji, "points");
  json_t *max = json_object_get(ji, "max");
  json_t *reasons = json_object_get(ji, "reasons");
  if (!json_is_integer(pts) || !json_is_integer(max) || (reasons && !json_is_array(reasons)))
    return -1;
  s->max = (int)json_integer_value(max);
  s->points = (int)json_integer_value(pts);
  s->scored = json_is_true(json_object_get(ji, "scored"));
  if (json_is_object(band)) {
    s->band = (int)json_integer_value(json_object_get(band, "level"));
    s->band_min = (int)json_integer_value(json_object_get(band, "min"));
    s->band_max = (int)json_integer_value(json_object_get(band, "max"));
  }
  s->decisive = -1;
  size_t n = json_array_size(reasons);
  s->reasons = qs_xcalloc(n ? n : 1, sizeof *s->reasons);
  int first_cond = -1;
  for (size_t i = 0; i < n; i++) {
    json_t *jr = json_array_get(reasons, i);
    qs_panel_reason *pr = &s->reasons[s->n_reasons++];
    pr->rule = sdup(jr, "rule");
    pr->condition = sdup(jr, "condition");
    pr->factor = sdup(jr, "factor");
    pr->text = sdup(jr, "text");
    pr->points = (int)json_integer_value(json_object_get(jr, "points"));
    pr->level = cond_level(s->def, pr->condition);
    if (pr->condition[0] && first_cond < 0)
      first_cond = (int)i;
    if (s->decisive < 0 && s->band && pr->level == s->band)
      s->decisive = (int)i;
    cited_params(r, pr->text, &s->params, &s->n_params);
  }
  if (s->decisive < 0)
    s->decisive = first_cond >= 0 ? first_cond : n ? 0 : -1;
  if (s->decisive >= 0) {
    s->reason = s->reasons[s->decisive].text;
    cited_params(r, s->reason, &s->decisive_params, &s->n_decisive_params);
  } else {
    s->reason = "";
  }
  return 0;
}

static void free_sub(qs_panel_submission *s) {
  for (size_t i = 0; i < s->n_inds; i++) {
    qs_panel_suggestion *g = &s->inds[i];
    for (size_t j = 0; j < g->n_reasons; j++) {
      free(g->reasons[j].rule);
      free(g->reasons[j].condition);
      free(g->reasons[j].factor);
      free(g->reasons[j].text);
    }
    free(g->reasons);
    for (size_t j = 0; j < g->n_params; j++)
      free(g->params[j]);
    free(g->params);
    for (size_t j = 0; j < g->n_decisive_params; j++)
      free(g->decisive_params[j]);
    free(g->decisive_params);
  }
  free(s->inds);
  free(s->id);
  free(s->file);
  free(s->title);
  free(s->triage);
}

/* One line: a report with every indicator of the rubric. 0, or -1 with what is wrong in
 * *what (a field's name). */
static int read_report(const qs_rubric *r, json_t *j, qs_panel_submission *s, const char **what) {
  json_t *sub = json_object_get(j, "submission"), *inds = json_object_get(j, "indicators");
  *what = "submission.id";
  if (!json_is_object(sub) || !json_is_string(json_object_get(sub, "id")) ||
      !json_string_length(json_object_get(sub, "id")))
    return -1;
  *what = "indicators";
  if (!json_is_array(inds))
    return -1;
  s->id = sdup(sub, "id");
  s->title = sdup(sub, "title");
  s->file = sdup(json_object_get(j, "input"), "path");
  s->triage = sdup(j, "triage");
  s->total = (int)json_integer_value(json_object_get(j, "total"));
  s->max_total = (int)json_integer_value(json_object_get(j, "max_total"));
  s->n_inds = r->n_inds;
  s->inds = qs_xcalloc(r->n_inds ? r->n_inds : 1, sizeof *s->inds);
  for (size_t k = 0; k < r->n_inds; k++) {
    s->inds[k].def = &r->inds[k];
    s->inds[k].id = r->inds[k].id;
    s->inds[k].reason = "";
    s->inds[k].decisive = -1;
  }
  int seen = 0;
  for (size_t i = 0; i < json_array_size(inds); i++) {
    json_t *ji = json_array_get(inds, i);
    const char *id = json_string_value(json_object_get(ji, "id"));
    size_t k = 0;
    while (id && k < r->n_inds && strcmp(r->inds[k].id, id) != 0)
      k++;
    *what = "indicators[].id";
    if (!id || k == r->n_inds)
      return -1;
    *what = "indicators[]";
    if (s->inds[k].reasons || read_indicator(r, ji, &s->inds[k]) != 0)
      return -1;
    seen++;
  }
  *what = "indicators";
  return seen == (int)r->n_inds ? 0 : -1;
}

int qs_panel_batch_load(const char *dir, const qs_rubric *r, qs_panel_batch *b, qs_diag *d) {
  memset(b, 0, sizeof *b);
  b->dir = qs_xstrdup(dir);
  b->rubric = r;
  b->lang = qs_xstrdup("zh");
  b->rules_sha256 = qs_xstrdup("");
  qs_buf pb = {0};
  qs_buf_addf(&pb, "%s%sresults.jsonl", dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/");
  char *path = qs_buf_take(&pb), *shown = qs_display_name(path);
  char *data = NULL;
  size_t len = 0;
  int err = 0;
  qs_status st = qs_read_file(path, (size_t)1 << 30, &data, &len, &err);
  size_t errors = qs_diag_errors(d);
  if (st != QS_OK) {
    qs_diag_add(d, shown, 0, qs_msg_get(d->lang, QS_M_PANEL_READ),
                qs_strerror(d->lang, qs_read_errno(st, err)));
  } else {
    long line = 0;
    size_t cap = 0;
    for (char *p = data, *nl; p < data + len; p = nl + 1) {
      nl = memchr(p, '\n', (size_t)(data + len - p));
      if (!nl)
        nl = data + len;
      line++;
      if (nl == p)
        continue;
      json_error_t je;
      json_t *j = json_loadb(p, (size_t)(nl - p), 0, &je);
      qs_panel_submission s = {0};
      const char *what = "";
      if (!j || !json_is_object(j) || read_report(r, j, &s, &what) != 0) {
        qs_diag_add(d, shown, line, qs_msg_get(d->lang, QS_M_PANEL_BAD_REPORT), j ? what : "JSON");
        free_sub(&s);
      } else {
        s.line = line;
        const qs_panel_submission *twice = qs_panel_batch_find(b, s.id);
        if (twice) {
          char *id = qs_display_name(s.id);
          qs_diag_add(d, shown, line, qs_msg_get(d->lang, QS_M_PANEL_DUP_SUBMISSION), id,
                      twice->line);
          free(id);
          free_sub(&s);
        } else {
          if (b->n_subs == 0) {
            free(b->lang);
            free(b->rules_sha256);
            b->lang = sdup(j, "lang");
            b->rules_sha256 = sdup(j, "rules_sha256");
          }
          if (b->n_subs == cap) {
            cap = cap ? 2 * cap : 64;
            b->subs = qs_xrealloc(b->subs, cap * sizeof *b->subs);
          }
          b->subs[b->n_subs++] = s;
        }
      }
      json_decref(j);
    }
    if (b->n_subs == 0 && qs_diag_errors(d) == errors)
      qs_diag_add(d, shown, 0, qs_msg_get(d->lang, QS_M_PANEL_EMPTY), "results.jsonl");
  }
  free(data);
  free(path);
  free(shown);
  if (qs_diag_errors(d) > errors) {
    qs_panel_batch_free(b);
    b->rubric = r;
    return -1;
  }
  return 0;
}

void qs_panel_batch_free(qs_panel_batch *b) {
  for (size_t i = 0; i < b->n_subs; i++)
    free_sub(&b->subs[i]);
  free(b->subs);
  free(b->dir);
  free(b->lang);
  free(b->rules_sha256);
  memset(b, 0, sizeof *b);
}

const qs_panel_submission *qs_panel_batch_find(const qs_panel_batch *b, const char *id) {
  for (size_t i = 0; i < b->n_subs; i++)
    if (strcmp(b->subs[i].id, id) == 0)
      return &b->subs[i];
  return NULL;
}

int qs_panel_indicator_index(const qs_panel_batch *b, const char *id) {
  for (size_t i = 0; b->rubric && i < b->rubric->n_inds; i++)
    if (strcmp(b->rubric->inds[i].id, id) == 0)
      return (int)i;
  return -1;
}

int qs_panel_band_of(const qs_indicator_def *def, double points) {
  int level = 0;
  for (size_t i = 0; i < def->n_bands; i++)
    if ((double)def->bands[i].min <= points + 1e-9)
      level = def->bands[i].level;
  return level;
}

/* ---- reviewers.csv ---- */

int qs_panel_reviewer_id_ok(const char *s) {
  if (!isalnum((unsigned char)*s) || strlen(s) > 64)
    return 0; /* a letter or digit first: no hidden or empty file name */
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-' && *s != '.')
      return 0;
  return 1;
}

static qs_panel_reviewer *roster_get(qs_panel_roster *r, const char *id, const char *name) {
  for (size_t i = 0; i < r->n; i++)
    if (strcmp(r->reviewers[i].id, id) == 0)
      return &r->reviewers[i];
  r->reviewers = qs_xrealloc(r->reviewers, (r->n + 1) * sizeof *r->reviewers);
  qs_panel_reviewer *v = &r->reviewers[r->n++];
  memset(v, 0, sizeof *v);
  v->id = qs_xstrdup(id);
  v->name = qs_xstrdup(name);
  return v;
}

int qs_panel_roster_read(const char *path, const qs_panel_batch *b, qs_panel_roster *r,
                         qs_diag *d) {
  memset(r, 0, sizeof *r);
  size_t errors = qs_diag_errors(d);
  char *shown = qs_display_name(path);
  qs_csv csv;
  if (qs_csv_load(&csv, path, shown, d) == 0) {
    static const char *const header[] = {"reviewer", "name", "submission"};
    if (qs_csv_header(&csv, header, 3, d) == 0) {
      while (qs_csv_next(&csv, d) == 1) {
        if (csv.n_fields != 3) {
          qs_diag_add(d, shown, csv.line, qs_msg_get(d->lang, QS_M_PANEL_CSV_FIELDS),
                      (int)csv.n_fields, 3);
          continue;
        }
        const char *id = csv.fields[0], *name = csv.fields[1], *sub = csv.fields[2];
        if (!qs_panel_reviewer_id_ok(id)) {
          char *x = qs_diag_clean_in(d->lang, id, 80);
          qs_diag_add(d, shown, csv.line, qs_msg_get(d->lang, QS_M_PANEL_BAD_REVIEWER), "A", x);
          free(x);
          continue;
        }
        if (strcmp(sub, "*") != 0 && !qs_panel_batch_find(b, sub)) {
          char *x = qs_diag_clean_in(d->lang, sub, 80);
          qs_diag_add(d, shown, csv.line, qs_msg_get(d->lang, QS_M_PANEL_UNKNOWN_SUBMISSION), "C",
                      x);
          free(x);
          continue;
        }
        qs_panel_reviewer *v = roster_get(r, id, name);
        if (!v->name[0] && name[0]) {
          free(v->name);
          v->name = qs_xstrdup(name);
        }
        int dup = strcmp(sub, "*") == 0 ? v->all : qs_panel_assigned(v, sub) && !v->all;
        if (dup) {
          char *x = qs_diag_clean_in(d->lang, sub, 80);
          qs_diag_add(d, shown, csv.line, qs_msg_get(d->lang, QS_M_PANEL_ROSTER_DUP), id, x);
          free(x);
          continue;
        }
        if (strcmp(sub, "*") == 0) {
          v->all = 1;
        } else {
          v->subs = qs_xrealloc(v->subs, (v->n_subs + 1) * sizeof *v->subs);
          v->subs[v->n_subs++] = qs_xstrdup(sub);
        }
      }
      if (r->n == 0 && qs_diag_errors(d) == errors)
        qs_diag_add(d, shown, 0, qs_msg_get(d->lang, QS_M_PANEL_EMPTY), "reviewer");
    }
  }
  qs_csv_free(&csv);
  free(shown);
  if (qs_diag_errors(d) > errors) {
    qs_panel_roster_free(r);
    return -1;
  }
  return 0;
}

void qs_panel_roster_free(qs_panel_roster *r) {
  for (size_t i = 0; i < r->n; i++) {
    free(r->reviewers[i].id);
    free(r->reviewers[i].name);
    for (size_t j = 0; j < r->reviewers[i].n_subs; j++)
      free(r->reviewers[i].subs[j]);
    free(r->reviewers[i].subs);
  }
  free(r->reviewers);
  memset(r, 0, sizeof *r);
}

const qs_panel_reviewer *qs_panel_roster_find(const qs_panel_roster *r, const char *id) {
  for (size_t i = 0; r && i < r->n; i++)
    if (strcmp(r->reviewers[i].id, id) == 0)
      return &r->reviewers[i];
  return NULL;
}

int qs_panel_assigned(const qs_panel_reviewer *rv, const char *submission) {
  if (rv->all)
    return 1;
  for (size_t i = 0; i < rv->n_subs; i++)
    if (strcmp(rv->subs[i], submission) == 0)
      return 1;
  return 0;
}
