/* render_csv.c -- triage.csv and errors.csv: UTF-8 with a byte-order mark (so that spreadsheet
 * programs show Chinese), RFC 4180 quoting, CRLF line ends, one row per submission in ranking
 * order. A text that starts with = + - @ gets a leading ' so that no spreadsheet runs it as a
 * formula: these texts come from outside. */
#include <stdio.h>
#include <string.h>

#include "batch_table.h"
#include "qs_batch.h"
#include "qs_finding.h"

void qs_csv_field(qs_buf *b, const char *s, int text) {
  s = s ? s : "";
  int quote = text || strpbrk(s, ",\"\r\n") != NULL;
  if (quote)
    qs_buf_add(b, "\"");
  if (text && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@'))
    qs_buf_add(b, "'");
  for (const char *p = s; *p; p++) {
    if (*p == '"')
      qs_buf_add(b, "\"\"");
    else
      qs_buf_addn(b, p, 1);
  }
  if (quote)
    qs_buf_add(b, "\"");
}

static void num(qs_buf *b, long v) { qs_buf_addf(b, "%ld", v); }

/* The columns of the batch tables (CSV, XLSX and HTML share them); each one's title is the
 * catalogs' column.KEY, read once per language and kept for the life of the process. */
const char *const qs_column_keys[] = {
    "rank",     "region-rank", "id",         "title",       "province",     "region", "chain",
    "total",    "triage",      "flags",      "error-flags", "duplicate-id", "file",   "report",
    "line",     "kind",        "message",    "indicator",   "severity",     "code",   "text",
    "evidence", "submissions", "mean-total", "best",        NULL,
};
#define N_COLUMNS (sizeof qs_column_keys / sizeof *qs_column_keys - 1)

const char *qs_column_title(qs_lang lang, const char *key) {
  static char *titles[2][N_COLUMNS];
  for (size_t i = 0; i < N_COLUMNS; i++) {
    if (strcmp(qs_column_keys[i], key) != 0)
      continue;
    char **t = &titles[lang == QS_LANG_EN][i];
    if (!*t) {
      qs_buf id = {0};
      qs_buf_addf(&id, "column.%s", key);
      *t = qs_catalog_text(lang, id.s);
      qs_buf_free(&id);
      /* Only a broken build lacks one (tests/test_i18n.c checks every column). */
      if (!*t)
        *t = qs_xstrdup(key);
    }
    return *t;
  }
  return key;
}

const char *qs_section_title(qs_lang lang, const qs_section_def *s) {
  return lang == QS_LANG_EN ? s->id : s->name;
}

const char *qs_indicator_title(qs_lang lang, const qs_indicator_def *d) {
  return lang == QS_LANG_EN ? d->id : d->name;
}

void qs_write_csv(const qs_table *t, qs_file *f) {
  qs_buf b = {0};
  qs_buf_add(&b, "\xEF\xBB\xBF");
  static const char *const head[] = {"rank",     "region-rank", "id",    "title",
                                     "province", "region",      "chain", "total"};
  for (size_t i = 0; i < sizeof head / sizeof head[0]; i++) {
    qs_csv_field(&b, qs_column_title(t->lang, head[i]), 0);
    qs_buf_add(&b, ",");
  }
  for (size_t i = 0; i < t->rubric->n_inds; i++) {
    qs_csv_field(&b, qs_indicator_title(t->lang, &t->rubric->inds[i]), 0);
    qs_buf_add(&b, ",");
  }
  for (size_t i = 0; i < t->rubric->n_sections; i++) {
    qs_csv_field(&b, qs_section_title(t->lang, &t->rubric->sections[i]), 0);
    qs_buf_add(&b, ",");
  }
  static const char *const tail[] = {"triage",       "flags", "error-flags",
                                     "duplicate-id", "file",  "report"};
  for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++) {
    qs_csv_field(&b, qs_column_title(t->lang, tail[i]), 0);
    qs_buf_add(&b, i + 1 < sizeof tail / sizeof tail[0] ? "," : "\r\n");
  }
  for (size_t k = 0; k < t->n_rows; k++) {
    const qs_row *r = t->ranked[k];
    num(&b, (long)r->rank);
    qs_buf_add(&b, ",");
    num(&b, (long)r->region_rank);
    qs_buf_add(&b, ",");
    const char *texts[] = {r->id, r->title, r->province_name, r->region, r->chain};
    for (size_t i = 0; i < 5; i++) {
      qs_csv_field(&b, texts[i], 1);
      qs_buf_add(&b, ",");
    }
    num(&b, r->total);
    for (size_t i = 0; i < t->rubric->n_inds; i++) {
      qs_buf_add(&b, ",");
      num(&b, r->points[i]);
    }
    for (size_t i = 0; i < t->rubric->n_sections; i++) {
      qs_buf_add(&b, ",");
      num(&b, r->sections[i]);
    }
    qs_buf_add(&b, ",");
    qs_csv_field(&b, qs_word(t->lang, "triage", r->triage), 0);
    qs_buf_addf(&b, ",%d,%d,%s,", r->n_flags, r->n_error_flags, r->duplicate_id ? "1" : "0");
    qs_csv_field(&b, r->path, 1);
    qs_buf_add(&b, ",");
    if (r->report) { /* none when the report could not be written (said on stderr) */
      qs_buf b2 = {0};
      qs_buf_addf(&b2, "%s.html", r->report);
      qs_csv_field(&b, b2.s, 0);
      qs_buf_free(&b2);
    }
    qs_buf_add(&b, "\r\n");
    qs_file_put(f, &b);
  }
  qs_file_write(f, b.s, b.len);
  qs_buf_free(&b);
}

void qs_write_errors_csv(const qs_table *t, qs_file *f) {
  qs_buf b = {0};
  qs_buf_add(&b, "\xEF\xBB\xBF");
  static const char *const head[] = {"file", "line", "kind", "message"};
  for (size_t i = 0; i < 4; i++) {
    qs_csv_field(&b, qs_column_title(t->lang, head[i]), 0);
    qs_buf_add(&b, i < 3 ? "," : "\r\n");
  }
  for (size_t i = 0; i < t->n_errors; i++) {
    const qs_error_row *e = &t->errors[i];
    qs_csv_field(&b, e->path, 1);
    qs_buf_addf(&b, ",%ld,", e->line);
    qs_csv_field(&b, qs_word(t->lang, "error-kind", e->kind), 0);
    qs_buf_add(&b, ",");
    qs_csv_field(&b, e->message, 1);
    qs_buf_add(&b, "\r\n");
    qs_file_put(f, &b);
  }
  qs_file_write(f, b.s, b.len);
  qs_buf_free(&b);
}
