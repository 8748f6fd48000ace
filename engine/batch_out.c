/* batch_out.c -- from the cache to the tables of a batch, in input order: results.jsonl,
 * reports/, errors.csv, then the ranking and triage.csv, triage.xlsx, index.html.
 *
 * Ranking: total, then the results section, then the measures section, then the bonus (the
 * rubric weighs results most), then the submission id and the file path, so that no two rows
 * tie. A region's rank is the same order within one province. */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_table.h"
#include "qs_batch.h"
#include "qs_util.h"

static const struct {
  const char *code, *zh;
} provinces[] = {
    {"11", "北京市"},           {"12", "天津市"},         {"13", "河北省"},
    {"14", "山西省"},           {"15", "内蒙古自治区"},   {"21", "辽宁省"},
    {"22", "吉林省"},           {"23", "黑龙江省"},       {"31", "上海市"},
    {"32", "江苏省"},           {"33", "浙江省"},         {"34", "安徽省"},
    {"35", "福建省"},           {"36", "江西省"},         {"37", "山东省"},
    {"41", "河南省"},           {"42", "湖北省"},         {"43", "湖南省"},
    {"44", "广东省"},           {"45", "广西壮族自治区"}, {"46", "海南省"},
    {"50", "重庆市"},           {"51", "四川省"},         {"52", "贵州省"},
    {"53", "云南省"},           {"54", "西藏自治区"},     {"61", "陕西省"},
    {"62", "甘肃省"},           {"63", "青海省"},         {"64", "宁夏回族自治区"},
    {"65", "新疆维吾尔自治区"}, {"71", "台湾省"},         {"81", "香港特别行政区"},
    {"82", "澳门特别行政区"},
};

const char *qs_province_name(const char *code) {
  for (size_t i = 0; code && strlen(code) >= 2 && i < sizeof provinces / sizeof provinces[0]; i++)
    if (strncmp(code, provinces[i].code, 2) == 0)
      return provinces[i].zh;
  return "";
}

static char *jstr(json_t *o, const char *key) {
  const char *s = json_string_value(json_object_get(o, key));
  return qs_xstrdup(s ? s : "");
}

/* ------------------------------------------------------------------ the flag spool */

/* A flag is seven strings, each its length (4 bytes, host order) and its bytes. */
static void flag_fields(const qs_flag_row *f, const char *v[7]) {
  v[0] = f->path, v[1] = f->id, v[2] = f->indicator, v[3] = f->severity;
  v[4] = f->code, v[5] = f->text, v[6] = f->evidence;
}

void qs_flag_spool_add(qs_table *t, const qs_flag_row *f) {
  if (!t->flag_spool)
    t->flag_spool = tmpfile();
  if (!t->flag_spool)
    return;
  const char *v[7];
  flag_fields(f, v);
  for (int k = 0; k < 7; k++) {
    uint32_t n = (uint32_t)strlen(v[k] ? v[k] : "");
    fwrite(&n, sizeof n, 1, t->flag_spool);
    fwrite(v[k] ? v[k] : "", 1, n, t->flag_spool);
  }
  t->n_flags++;
}

void qs_flag_spool_rewind(qs_table *t) {
  if (t->flag_spool)
    rewind(t->flag_spool);
}

int qs_flag_spool_next(qs_table *t, qs_flag_row *f) {
  static char *held[7];
  for (int k = 0; k < 7; k++) {
    free(held[k]);
    held[k] = NULL;
  }
  if (!t) /* release what the last call kept */
    return 0;
  uint32_t n;
  for (int k = 0; k < 7; k++) {
    if (!t->flag_spool || fread(&n, sizeof n, 1, t->flag_spool) != 1)
      return 0;
    held[k] = qs_xmalloc((size_t)n + 1);
    if (fread(held[k], 1, n, t->flag_spool) != n)
      return 0;
    held[k][n] = '\0';
  }
  *f = (qs_flag_row){held[0], held[1], held[2], held[3], held[4], held[5], held[6]};
  return 1;
}

static void add_flag(qs_table *t, const qs_row *r, const char *indicator, json_t *f) {
  qs_buf ev = {0};
  qs_buf_add(&ev, "");
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(f, "evidence"), i, v) {
    qs_buf_addf(&ev, "%s%s", i ? " " : "", json_string_value(v) ? json_string_value(v) : "");
  }
  const char *s = json_string_value(json_object_get(f, "severity"));
  const char *c = json_string_value(json_object_get(f, "code"));
  const char *x = json_string_value(json_object_get(f, "text"));
  qs_flag_row row = {(char *)r->path,
                     (char *)r->id,
                     (char *)indicator,
                     (char *)(s ? s : ""),
                     (char *)(c ? c : ""),
                     (char *)(x ? x : ""),
                     ev.s};
  qs_flag_spool_add(t, &row);
  qs_buf_free(&ev);
}

/* One scored report into a row (and its flags into the flag list). */
static int read_row(qs_table *t, qs_row *r, const char *json_text) {
  json_error_t err;
  json_t *j = json_loads(json_text, 0, &err);
  if (!j)
    return -1;
  json_t *sub = json_object_get(j, "submission");
  r->id = jstr(sub, "id");
  r->title = jstr(sub, "title");
  r->region = jstr(sub, "region");
  r->province = jstr(sub, "province");
  r->province_name = qs_xstrdup(qs_province_name(r->province));
  r->chain = jstr(sub, "chain");
  r->triage = jstr(j, "triage");
  r->total = (int)json_integer_value(json_object_get(j, "total"));
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(j, "sections"), i, v) {
    if (i < 3)
      r->sections[i] = (int)json_integer_value(json_object_get(v, "points"));
  }
  r->points = qs_xcalloc(t->rubric->n_inds ? t->rubric->n_inds : 1, sizeof *r->points);
  json_array_foreach(json_object_get(j, "indicators"), i, v) {
    if (i < t->rubric->n_inds)
      r->points[i] = (int)json_integer_value(json_object_get(v, "points"));
    const char *id = json_string_value(json_object_get(v, "id"));
    size_t k;
    json_t *f;
    json_array_foreach(json_object_get(v, "flags"), k, f) {
      const char *code = json_string_value(json_object_get(f, "code"));
      if (code && strcmp(code, "not-scored") == 0)
        continue;
      r->n_flags++;
      r->n_error_flags += strcmp(json_string_value(json_object_get(f, "severity")), "error") == 0;
      add_flag(t, r, id ? id : "", f);
    }
  }
  json_array_foreach(json_object_get(j, "flags"), i, v) {
    r->n_flags++;
    r->n_error_flags += strcmp(json_string_value(json_object_get(v, "severity")), "error") == 0;
    add_flag(t, r, "", v);
  }
  json_decref(j);
  return 0;
}

static void add_error(qs_table *t, const char *path, const char *kind, long line,
                      const char *message) {
  qs_grow(&t->errors, &t->cap_errors, t->n_errors + 1, sizeof *t->errors);
  t->errors[t->n_errors++] =
      (qs_error_row){qs_xstrdup(path), qs_xstrdup(kind), qs_xstrdup(message), line};
}

static void read_errors(qs_table *t, const char *path, char *text) {
  char *save = NULL;
  char *kind = strtok_r(text, "\n", &save);
  int any = 0;
  for (char *l = strtok_r(NULL, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
    char *tab = strchr(l, '\t');
    if (!tab)
      continue;
    *tab = '\0';
    add_error(t, path, kind ? kind : "", strtol(l, NULL, 10), tab + 1);
    any = 1;
  }
  if (!any)
    add_error(t, path, kind ? kind : "", 0, kind ? kind : "?");
}

static int cmp_rank(const void *a, const void *b) {
  const qs_row *x = *(qs_row *const *)a, *y = *(qs_row *const *)b;
  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  static const int order[] = {1, 0, 2}; /* results, measures, bonus */
  for (int k = 0; k < 3; k++)
    if (x->sections[order[k]] != y->sections[order[k]])
      return x->sections[order[k]] > y->sections[order[k]] ? -1 : 1;
  int c = strcmp(x->id, y->id);
  return c ? c : strcmp(x->path, y->path);
}

static int cmp_id(const void *a, const void *b) {
  const qs_row *x = *(qs_row *const *)a, *y = *(qs_row *const *)b;
  int c = strcmp(x->id, y->id);
  return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

static void free_table(qs_table *t) {
  for (size_t i = 0; i < t->n_rows; i++) {
    qs_row *r = &t->rows[i];
    free(r->path);
    free(r->id);
    free(r->title);
    free(r->region);
    free(r->province);
    free(r->province_name);
    free(r->chain);
    free(r->triage);
    free(r->report);
    free(r->points);
  }
  free(t->rows);
  free(t->ranked);
  if (t->flag_spool)
    fclose(t->flag_spool);
  qs_flag_spool_next(NULL, NULL);
  for (size_t i = 0; i < t->n_errors; i++) {
    free(t->errors[i].path);
    free(t->errors[i].kind);
    free(t->errors[i].message);
  }
  free(t->errors);
}

static void remove_dir(const char *dir) {
  DIR *dp = opendir(dir);
  for (struct dirent *de; dp && (de = readdir(dp));) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
      continue;
    qs_buf p = {0};
    qs_buf_addf(&p, "%s/%s", dir, de->d_name);
    unlink(p.s);
    qs_buf_free(&p);
  }
  if (dp)
    closedir(dp);
  rmdir(dir);
}

static char *out_path(const char *dir, const char *name) {
  qs_buf b = {0};
  qs_buf_addf(&b, "%s/%s", dir, name);
  return qs_buf_take(&b);
}

int qs_batch_write_outputs(const qs_engine *e, const qs_batch_inputs *in, const qs_batch_options *o,
                           qs_batch_summary *s) {
  qs_table t = {.rubric = qs_engine_rubric(e), .lang = o->lang, .n_inputs = in->n};
  int bad = 0;
  t.rows = qs_xcalloc(in->n ? in->n : 1, sizeof *t.rows);
  char *reports_new = out_path(o->out_dir, "reports.new");
  char *reports = out_path(o->out_dir, "reports");
  remove_dir(reports_new);
  mkdir(reports_new, 0755);

  /* results.jsonl streamed in input order, each report copied from the cache in pieces; the
   * table's fields from the small .row beside the report (the report itself only for a cache
   * written before .row files existed). */
  char *jsonl = out_path(o->out_dir, "results.jsonl");
  qs_stream jf;
  qs_stream_open(&jf, jsonl);
  bad |= jf.bad;
  qs_buf chunk = {0};
  for (size_t i = 0; i < in->n && !jf.bad; i++) {
    const qs_batch_item *it = &in->items[i];
    char *json_path = qs_batch_cache_path(o->out_dir, it->key, ".json");
    char *err_path = qs_batch_cache_path(o->out_dir, it->key, ".err");
    char *data;
    size_t len;
    const char *why;
    FILE *report = it->state == QS_ITEM_SCORED ? fopen(json_path, "rb") : NULL;
    if (report) {
      qs_row *r = &t.rows[t.n_rows];
      r->idx = i;
      r->path = qs_xstrdup(it->path);
      char *row_path = qs_batch_cache_path(o->out_dir, it->key, ".row");
      char *row_data = NULL;
      if (qs_read_file(row_path, (size_t)1 << 31, &row_data, &len, &why) != 0 &&
          qs_read_file(json_path, (size_t)1 << 31, &row_data, &len, &why) != 0)
        row_data = NULL;
      free(row_path);
      int read_ok = row_data && read_row(&t, r, row_data) == 0;
      free(row_data);
      if (read_ok) {
        char piece[1 << 16];
        size_t n;
        while ((n = fread(piece, 1, sizeof piece, report)) > 0) {
          qs_buf_addn(&chunk, piece, n);
          qs_stream_put(&jf, &chunk);
        }
        jf.bad |= ferror(report) != 0;
        t.n_rows++;
      } else {
        free(r->path);
        *r = (qs_row){0};
        add_error(&t, it->path, "cache", 0, "unreadable cached report");
      }
      fclose(report);
    } else if (qs_read_file(err_path, 1 << 24, &data, &len, &why) == 0) {
      read_errors(&t, it->path, data);
      free(data);
    } else {
      add_error(&t, it->path, "missing", 0,
                o->lang == QS_LANG_EN ? "not scored (the batch was interrupted)"
                                      : "未评分（批处理被中断）");
    }
    free(json_path);
    free(err_path);
  }
  bad |= qs_stream_close(&jf, &chunk) != 0;
  qs_buf_free(&chunk);
  free(jsonl);

  /* Duplicate submission ids are flagged, never merged. */
  qs_row **by_id = qs_xcalloc(t.n_rows ? t.n_rows : 1, sizeof *by_id);
  for (size_t i = 0; i < t.n_rows; i++)
    by_id[i] = &t.rows[i];
  qs_sort(by_id, t.n_rows, sizeof *by_id, cmp_id);
  for (size_t i = 0; i < t.n_rows; i++) {
    size_t j = i;
    while (j + 1 < t.n_rows && strcmp(by_id[j + 1]->id, by_id[i]->id) == 0)
      j++;
    for (size_t k = i; k <= j; k++) {
      by_id[k]->duplicate_id = j > i;
      qs_buf name = {0};
      /* The report's name without its extension: reports/<id>.json and .html. */
      if (k == i)
        qs_buf_addf(&name, "reports/%s", by_id[k]->id);
      else
        qs_buf_addf(&name, "reports/%s-%zu", by_id[k]->id, k - i + 1);
      by_id[k]->report = qs_buf_take(&name);
    }
    i = j;
  }
  free(by_id);

  /* The reports: linked (or copied) into reports.new, then swapped for the old folder. */
  for (size_t i = 0; i < t.n_rows; i++) {
    const qs_row *r = &t.rows[i];
    static const char *const exts[] = {".json", ".html"};
    for (int k = 0; k < 2; k++) {
      char *src = qs_batch_cache_path(o->out_dir, in->items[r->idx].key, exts[k]);
      qs_buf name = {0};
      qs_buf_addf(&name, "%s%s", r->report + strlen("reports/"), exts[k]);
      char *dst = out_path(reports_new, name.s);
      char *data;
      size_t len;
      const char *why;
      /* A hard link to the cached report (reports are never rewritten in place: the cache
       * replaces files by rename), so the reports cost neither a copy nor the disk twice; a
       * copy where linking is not possible. */
      if (link(src, dst) == 0) {
        /* linked */
      } else if (qs_read_file(src, (size_t)1 << 31, &data, &len, &why) == 0) {
        bad |= qs_write_atomic(dst, data, len) != 0;
        free(data);
      }
      qs_buf_free(&name);
      free(src);
      free(dst);
    }
  }
  remove_dir(reports);
  bad |= rename(reports_new, reports) != 0;
  free(reports_new);
  free(reports);

  /* Ranking, overall and per province. */
  t.ranked = qs_xcalloc(t.n_rows ? t.n_rows : 1, sizeof *t.ranked);
  for (size_t i = 0; i < t.n_rows; i++)
    t.ranked[i] = &t.rows[i];
  qs_sort(t.ranked, t.n_rows, sizeof *t.ranked, cmp_rank);
  size_t seen_in[100] = {0}; /* rows ranked so far per province (first two digits of its code) */
  for (size_t i = 0; i < t.n_rows; i++) {
    const char *pc = t.ranked[i]->province;
    int k = strlen(pc) >= 2 ? (pc[0] - '0') * 10 + (pc[1] - '0') : 0;
    if (k < 0 || k > 99)
      k = 0;
    t.ranked[i]->rank = i + 1;
    t.ranked[i]->region_rank = ++seen_in[k];
  }
  for (size_t i = 0; i < t.n_rows; i++) {
    const char *tr = t.rows[i].triage;
    s->recommend += strcmp(tr, "recommend") == 0;
    s->review += strcmp(tr, "review") == 0;
    s->reject += strcmp(tr, "reject") == 0;
  }
  s->scored = t.n_rows;
  s->failed = in->n - t.n_rows;
  /* Files the rules failed on, not the files' fault: one per file, however many messages. */
  for (size_t i = 0; i < t.n_errors; i++)
    s->rules_failed += strcmp(t.errors[i].kind, "rules") == 0 &&
                       (i == 0 || strcmp(t.errors[i - 1].path, t.errors[i].path) != 0 ||
                        strcmp(t.errors[i - 1].kind, "rules") != 0);

  char *p;
  p = out_path(o->out_dir, "triage.csv");
  bad |= qs_write_csv(&t, p) != 0;
  free(p);
  p = out_path(o->out_dir, "errors.csv");
  bad |= qs_write_errors_csv(&t, p) != 0;
  free(p);
  p = out_path(o->out_dir, "triage.xlsx");
  bad |= qs_write_xlsx(&t, p) != 0;
  free(p);
  p = out_path(o->out_dir, "index.html");
  bad |= qs_write_index_html(&t, p) != 0;
  free(p);
  free_table(&t);
  return bad ? -1 : 0;
}
