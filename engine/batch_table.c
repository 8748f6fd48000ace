/* batch_table.c -- the table of a batch, made from the cache after the run: one row per scored
 * submission (its .row, batch_row.c), the flags spooled to a temporary file, the errors of
 * every file not scored (its .err, or what the parent saw), then the report names and the
 * ranking. The writers of triage.csv, triage.xlsx, index.html and errors.csv read it
 * (render_csv.c, render_xlsx.c, render_index.c); batch_out.c writes the files.
 *
 * Ranking: total, then the points of each section, the section with the largest maximum first
 * and sections of equal maximum in rubric order (2025: results 60, measures 40, bonus 5: the
 * rubric weighs results most), then the submission id and the file path, so that no two rows
 * tie. A region's rank is the same order within one province. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_cache.h"
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

/* ------------------------------------------------------------------ errors */

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

/* ------------------------------------------------------------------ loading */

void qs_table_load(qs_table *t, const qs_engine *e, const qs_batch_inputs *in, const qs_outdir *out,
                   qs_lang lang) {
  *t = (qs_table){.rubric = qs_engine_rubric(e), .lang = lang, .n_inputs = in->n};
  qs_day_format(t->as_of, qs_engine_as_of(e));
  t->rows = qs_xcalloc(in->n ? in->n : 1, sizeof *t->rows);
  for (size_t i = 0; i < in->n; i++) {
    const qs_batch_item *it = &in->items[i];
    char *data;
    size_t len;
    if (it->state == QS_ITEM_SCORED) {
      qs_row *r = &t->rows[t->n_rows];
      r->idx = i;
      r->path = qs_xstrdup(it->shown);
      /* The table's fields from the small .row beside the report. */
      if (qs_cache_read(out, it->key, QS_CACHE_ROW, (size_t)1 << 31, &data, &len) != QS_OK)
        data = NULL;
      int read_ok = data && qs_row_decode(t, r, data, len) == 0;
      free(data);
      if (read_ok) {
        t->n_rows++;
      } else {
        qs_row_free(r);
        add_error(t, it->shown, "cache", 0, qs_msg_get(lang, QS_M_CACHE_UNREADABLE));
      }
    } else if (it->kind && it->message) {
      add_error(t, it->shown, it->kind, 0, it->message);
    } else if (it->state == QS_ITEM_FAILED &&
               qs_cache_read(out, it->key, QS_CACHE_ERR, 1 << 24, &data, &len) == QS_OK) {
      read_errors(t, it->shown, data);
      free(data);
    } else {
      add_error(t, it->shown, "missing", 0, qs_msg_get(lang, QS_M_BATCH_MISSING));
    }
  }
}

/* ------------------------------------------------------------------ ranking */

/* The sections in the order they break ties of the total: the largest maximum first, equal
 * maxima in rubric order (set by qs_table_rank for cmp_rank, which qsort gives no context). */
static size_t *tie_order, n_tie_order;

static int cmp_rank(const void *a, const void *b) {
  const qs_row *x = *(qs_row *const *)a, *y = *(qs_row *const *)b;
  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  for (size_t k = 0; k < n_tie_order; k++) {
    size_t s = tie_order[k];
    if (x->sections[s] != y->sections[s])
      return x->sections[s] > y->sections[s] ? -1 : 1;
  }
  int c = strcmp(x->id, y->id);
  return c ? c : strcmp(x->path, y->path);
}

void qs_table_rank(qs_table *t) {
  const qs_rubric *r = t->rubric;
  /* The sections by maximum, largest first; an insertion keeps equal maxima in rubric order. */
  n_tie_order = r->n_sections;
  tie_order = qs_xcalloc(n_tie_order ? n_tie_order : 1, sizeof *tie_order);
  for (size_t i = 0; i < n_tie_order; i++) {
    size_t k = i;
    for (; k > 0 && r->sections[tie_order[k - 1]].max < r->sections[i].max; k--)
      tie_order[k] = tie_order[k - 1];
    tie_order[k] = i;
  }
  t->ranked = qs_xcalloc(t->n_rows ? t->n_rows : 1, sizeof *t->ranked);
  for (size_t i = 0; i < t->n_rows; i++)
    t->ranked[i] = &t->rows[i];
  qs_sort(t->ranked, t->n_rows, sizeof *t->ranked, cmp_rank);
  free(tie_order);
  tie_order = NULL;
  n_tie_order = 0;
  size_t seen_in[100] = {0}; /* rows ranked so far per province (first two digits of its code) */
  for (size_t i = 0; i < t->n_rows; i++) {
    const char *pc = t->ranked[i]->province;
    int k = strlen(pc) >= 2 ? (pc[0] - '0') * 10 + (pc[1] - '0') : 0;
    if (k < 0 || k > 99)
      k = 0;
    t->ranked[i]->rank = i + 1;
    t->ranked[i]->region_rank = ++seen_in[k];
  }
}

/* ------------------------------------------------------------------ report names */

/* Report names (qs_table_name_reports): unique without regard to case, so that two ids that
 * differ only in case do not share a file on a case-insensitive disk (a USB stick, a Windows
 * share). Every id first gets its own name where that is free, in id order; the second and
 * later rows of a repeated id then get the first free numbered name: ids X, X, X-2 give X,
 * every report its own file. */
static char *lower_ascii(const char *s) {
  char *l = qs_xstrdup(s);
  for (char *p = l; *p; p++)
    if (*p >= 'A' && *p <= 'Z')
      *p = (char)(*p - 'A' + 'a');
  return l;
}

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct {
  char **names; /* lower-cased, kept sorted */
  size_t n, cap;
} name_set;

static int set_has(const name_set *s, const char *lower) {
  return s->n && bsearch(&lower, s->names, s->n, sizeof *s->names, cmp_cstr) != NULL;
}

static void set_add(name_set *s, char *lower) {
  qs_grow(&s->names, &s->cap, s->n + 1, sizeof *s->names);
  size_t i = s->n;
  while (i > 0 && strcmp(s->names[i - 1], lower) > 0) {
    s->names[i] = s->names[i - 1];
    i--;
  }
  s->names[i] = lower;
  s->n++;
}

static void set_free(name_set *s) {
  for (size_t i = 0; i < s->n; i++)
    free(s->names[i]);
  free(s->names);
}

static int cmp_id(const void *a, const void *b) {
  const qs_row *x = *(qs_row *const *)a, *y = *(qs_row *const *)b;
  int c = strcmp(x->id, y->id);
  return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

void qs_table_name_reports(qs_table *t) {
  qs_row **by_id = qs_xcalloc(t->n_rows ? t->n_rows : 1, sizeof *by_id);
  for (size_t i = 0; i < t->n_rows; i++)
    by_id[i] = &t->rows[i];
  qs_sort(by_id, t->n_rows, sizeof *by_id, cmp_id);
  name_set taken = {0};
  /* Duplicate submission ids are flagged, never merged; the first of each id its own name. */
  for (size_t i = 0; i < t->n_rows; i++) {
    int first = i == 0 || strcmp(by_id[i - 1]->id, by_id[i]->id) != 0;
    int repeated = !first || (i + 1 < t->n_rows && strcmp(by_id[i + 1]->id, by_id[i]->id) == 0);
    by_id[i]->duplicate_id = repeated;
    char *l = lower_ascii(by_id[i]->id);
    if (first && !set_has(&taken, l)) {
      set_add(&taken, l);
      qs_buf name = {0};
      qs_buf_addf(&name, "reports/%s", by_id[i]->id);
      by_id[i]->report = qs_buf_take(&name);
    } else {
      free(l);
    }
  }
  for (size_t i = 0; i < t->n_rows; i++) {
    if (by_id[i]->report)
      continue;
    for (size_t k = 2;; k++) {
      qs_buf name = {0};
      qs_buf_addf(&name, "%s-%zu", by_id[i]->id, k);
      char *l = lower_ascii(name.s);
      if (!set_has(&taken, l)) {
        set_add(&taken, l);
        qs_buf b = {0};
        qs_buf_addf(&b, "reports/%s", name.s);
        by_id[i]->report = qs_buf_take(&b);
        qs_buf_free(&name);
        break;
      }
      free(l);
      qs_buf_free(&name);
    }
  }
  set_free(&taken);
  free(by_id);
}

/* ------------------------------------------------------------------ freeing */

void qs_table_free(qs_table *t) {
  for (size_t i = 0; i < t->n_rows; i++)
    qs_row_free(&t->rows[i]);
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
