/* batch_row.c -- the row of one scored submission: what the batch tables need of its report,
 * written by the worker into the cache (<key>.row) and read back by the parent without parsing
 * the report (see the format in batch_table.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "batch_table.h"
#include "qs_report.h"
#include "qs_util.h"

#define ROW_HEADER "qscore row 1\n"

/* ------------------------------------------------------------------ writing */

static void put_str(qs_buf *b, const char *s) {
  s = s ? s : "";
  qs_buf_addf(b, "%zu:", strlen(s));
  qs_buf_add(b, s);
  qs_buf_add(b, "\n");
}

/* The text of a finding in the report's language, as the JSON report picks it. */
static void put_flag(qs_buf *b, const char *indicator, const qs_flag *f, qs_lang lang) {
  put_str(b, indicator);
  put_str(b, qs_severity_name(f->severity));
  put_str(b, f->code);
  put_str(b, qs_pick(lang, f->text, f->text_en));
  qs_buf ev = {0};
  qs_buf_add(&ev, "");
  for (size_t i = 0; i < f->n_evidence; i++)
    qs_buf_addf(&ev, "%s%s", i ? " " : "", f->evidence[i] ? f->evidence[i] : "");
  put_str(b, ev.s);
  qs_buf_free(&ev);
}

/* An indicator's not-scored flag says only that its rules are missing: not a flag of the
 * tables. */
static int listed(const qs_flag *f) { return !f->code || strcmp(f->code, "not-scored") != 0; }

char *qs_row_encode(const qs_report *rep, qs_lang lang, size_t *len) {
  const qs_rubric *r = rep->rubric;
  qs_buf b = {0};
  qs_buf_add(&b, ROW_HEADER);
  size_t n_flags = rep->n_flags;
  for (size_t i = 0; i < rep->n_results; i++)
    for (size_t k = 0; k < rep->results[i].n_flags; k++)
      n_flags += listed(&rep->results[i].flags[k]);
  qs_buf_addf(&b, "%d %zu", rep->total, r->n_sections);
  for (size_t i = 0; i < r->n_sections; i++)
    qs_buf_addf(&b, " %d", rep->section_points[i]);
  qs_buf_addf(&b, " %zu", rep->n_results);
  for (size_t i = 0; i < rep->n_results; i++)
    qs_buf_addf(&b, " %d", rep->results[i].points);
  qs_buf_addf(&b, " %zu\n", n_flags);
  const char *texts[] = {rep->id, rep->title, rep->region, rep->province, rep->chain, rep->triage};
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
    put_str(&b, texts[i]);
  for (size_t i = 0; i < rep->n_results; i++) {
    const qs_result *res = &rep->results[i];
    for (size_t k = 0; k < res->n_flags; k++)
      if (listed(&res->flags[k]))
        put_flag(&b, res->def->id, &res->flags[k], lang);
  }
  for (size_t k = 0; k < rep->n_flags; k++)
    put_flag(&b, "", &rep->flags[k], lang);
  *len = b.len;
  return qs_buf_take(&b);
}

/* ------------------------------------------------------------------ reading */

typedef struct {
  char *p, *end;
  int bad;
} cursor;

/* A decimal number (an int) followed by sep; anything else makes the row bad. */
static long get_num(cursor *c, char sep) {
  int neg = c->p < c->end && *c->p == '-';
  char *q = c->p + neg;
  long v = 0;
  int digits = 0;
  for (; q < c->end && *q >= '0' && *q <= '9' && digits < 11; q++, digits++)
    v = v * 10 + (*q - '0');
  if (!digits || v > INT_MAX || q >= c->end || *q != sep) {
    c->bad = 1;
    return 0;
  }
  c->p = q + 1;
  return neg ? -v : v;
}

/* A string, NUL-terminated in place (its newline becomes the NUL); "" when the row is bad. */
static char *get_str(cursor *c) {
  if (c->bad)
    return "";
  long n = get_num(c, ':');
  if (c->bad || n < 0 || n >= c->end - c->p || c->p[n] != '\n') {
    c->bad = 1;
    return "";
  }
  char *s = c->p;
  s[n] = '\0';
  c->p += n + 1;
  return s;
}

/* A count, followed by sep: never more than the bytes left (each item takes at least one). */
static size_t get_count(cursor *c, char sep) {
  long n = get_num(c, sep);
  if (n < 0 || n > c->end - c->p)
    c->bad = 1;
  return c->bad ? 0 : (size_t)n;
}

int qs_row_decode(qs_table *t, qs_row *r, char *data, size_t len) {
  const qs_rubric *rb = t->rubric;
  size_t hl = strlen(ROW_HEADER);
  if (len < hl || memcmp(data, ROW_HEADER, hl) != 0)
    return -1;
  cursor c = {data + hl, data + len, 0};
  r->total = (int)get_num(&c, ' ');
  r->sections = qs_xcalloc(rb->n_sections ? rb->n_sections : 1, sizeof *r->sections);
  r->points = qs_xcalloc(rb->n_inds ? rb->n_inds : 1, sizeof *r->points);
  if (get_count(&c, ' ') != rb->n_sections)
    c.bad = 1;
  for (size_t i = 0; i < rb->n_sections && !c.bad; i++)
    r->sections[i] = (int)get_num(&c, ' ');
  if (!c.bad && get_count(&c, ' ') != rb->n_inds)
    c.bad = 1;
  for (size_t i = 0; i < rb->n_inds && !c.bad; i++)
    r->points[i] = (int)get_num(&c, ' ');
  size_t n_flags = c.bad ? 0 : get_count(&c, '\n');
  char **fields[] = {&r->id, &r->title, &r->region, &r->province, &r->chain, &r->triage};
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
    *fields[i] = qs_xstrdup(get_str(&c));
  r->province_name = qs_xstrdup(qs_province_name(r->province));
  /* The flags, read whole before any is spooled: a row that turns out bad adds none. */
  qs_flag_row *flags = qs_xcalloc(n_flags ? n_flags : 1, sizeof *flags);
  for (size_t i = 0; i < n_flags && !c.bad; i++) {
    qs_flag_row *f = &flags[i];
    *f = (qs_flag_row){.path = r->path, .id = r->id};
    f->indicator = get_str(&c);
    f->severity = get_str(&c);
    f->code = get_str(&c);
    f->text = get_str(&c);
    f->evidence = get_str(&c);
  }
  int rc = c.bad || c.p != c.end ? -1 : 0;
  for (size_t i = 0; i < n_flags && rc == 0; i++) {
    r->n_flags++;
    r->n_error_flags += strcmp(flags[i].severity, "error") == 0;
    qs_flag_spool_add(t, &flags[i]);
  }
  free(flags);
  return rc;
}

void qs_row_free(qs_row *r) {
  char *strings[] = {r->path,          r->id,    r->title,  r->region, r->province,
                     r->province_name, r->chain, r->triage, r->report};
  for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
    free(strings[i]);
  free(r->sections);
  free(r->points);
  *r = (qs_row){0};
}
