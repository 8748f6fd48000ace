/* csv.c -- RFC 4180 records of a CSV file, with the line each starts on. */
#include <stdlib.h>
#include <string.h>

#include "panel_int.h"
#include "qs_util.h"

static int utf8_ok(const unsigned char *s, size_t n, size_t *bad) {
  for (size_t i = 0; i < n;) {
    unsigned c = s[i];
    size_t k = c < 0x80             ? 1
               : (c & 0xE0) == 0xC0 ? 2
               : (c & 0xF0) == 0xE0 ? 3
               : (c & 0xF8) == 0xF0 ? 4
                                    : 0;
    if (!k || i + k > n || (k == 2 && c < 0xC2)) {
      *bad = i;
      return 0;
    }
    for (size_t j = 1; j < k; j++)
      if ((s[i + j] & 0xC0) != 0x80) {
        *bad = i;
        return 0;
      }
    i += k;
  }
  return 1;
}

static long line_of(const char *data, size_t pos) {
  long line = 1;
  for (size_t i = 0; i < pos; i++)
    line += data[i] == '\n';
  return line;
}

int qs_csv_from(qs_csv *c, const void *data, size_t len, const char *shown, qs_diag *d) {
  memset(c, 0, sizeof *c);
  c->shown = shown;
  c->data = qs_xmalloc(len + 1);
  memcpy(c->data, data, len);
  c->data[len] = 0;
  c->len = len;
  c->next_line = 1;
  if (len >= 3 && memcmp(c->data, "\xEF\xBB\xBF", 3) == 0)
    c->pos = 3;
  size_t bad;
  if (!utf8_ok((const unsigned char *)c->data, len, &bad)) {
    qs_diag_add(d, shown, line_of(c->data, bad), "%s", qs_msg_get(d->lang, QS_M_PANEL_CSV_UTF8));
    return -1;
  }
  if (memchr(c->data, 0, len)) {
    qs_diag_add(d, shown, line_of(c->data, (size_t)((char *)memchr(c->data, 0, len) - c->data)),
                "%s", qs_msg_get(d->lang, QS_M_PANEL_CSV_UTF8));
    return -1;
  }
  return 0;
}

int qs_csv_load(qs_csv *c, const char *path, const char *shown, qs_diag *d) {
  char *data = NULL;
  size_t len = 0;
  int err = 0;
  qs_status st = qs_read_file(path, QS_PANEL_MAX_FILE, &data, &len, &err);
  if (st != QS_OK) {
    memset(c, 0, sizeof *c);
    qs_diag_add(d, shown, 0, qs_msg_get(d->lang, QS_M_PANEL_READ),
                qs_strerror(d->lang, qs_read_errno(st, err)));
    return -1;
  }
  int rc = qs_csv_from(c, data, len, shown, d);
  free(data);
  return rc;
}

static void clear_fields(qs_csv *c) {
  for (size_t i = 0; i < c->n_fields; i++)
    free(c->fields[i]);
  c->n_fields = 0;
}

static void push(qs_csv *c, qs_buf *f) {
  if (c->n_fields == c->cap) {
    c->cap = c->cap ? 2 * c->cap : 8;
    c->fields = qs_xrealloc(c->fields, c->cap * sizeof *c->fields);
  }
  c->fields[c->n_fields++] = f->s ? qs_buf_take(f) : qs_xstrdup("");
}

int qs_csv_next(qs_csv *c, qs_diag *d) {
  clear_fields(c);
  /* blank lines between records */
  while (c->pos < c->len && (c->data[c->pos] == '\n' || c->data[c->pos] == '\r')) {
    c->next_line += c->data[c->pos] == '\n';
    c->pos++;
  }
  if (c->pos >= c->len)
    return 0;
  c->line = c->next_line;
  qs_buf f = {0};
  int quoted = 0, was_quoted = 0, rc = 1;
  for (;;) {
    if (c->pos >= c->len) {
      if (quoted) {
        qs_diag_add(d, c->shown, c->line, qs_msg_get(d->lang, QS_M_PANEL_CSV_QUOTE),
                    (int)c->n_fields + 1);
        rc = -1;
      }
      push(c, &f);
      break;
    }
    char ch = c->data[c->pos++];
    if (quoted) {
      if (ch == '"') {
        if (c->pos < c->len && c->data[c->pos] == '"') {
          qs_buf_addn(&f, "\"", 1);
          c->pos++;
        } else {
          quoted = 0;
        }
      } else {
        if (ch == '\n')
          c->next_line++;
        qs_buf_addn(&f, &ch, 1);
      }
    } else if (ch == '"' && !was_quoted && f.len == 0) {
      quoted = was_quoted = 1;
    } else if (ch == ',') {
      push(c, &f);
      was_quoted = 0;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && c->pos < c->len && c->data[c->pos] == '\n')
        c->pos++;
      c->next_line++;
      push(c, &f);
      break;
    } else if (was_quoted || ch == '"') {
      /* text after a closing quote, or a quote inside an unquoted field */
      qs_diag_add(d, c->shown, c->line, qs_msg_get(d->lang, QS_M_PANEL_CSV_QUOTE),
                  (int)c->n_fields + 1);
      rc = -1;
      qs_buf_addn(&f, &ch, 1);
      was_quoted = 0;
    } else {
      qs_buf_addn(&f, &ch, 1);
    }
  }
  qs_buf_free(&f);
  return rc;
}

int qs_csv_header(qs_csv *c, const char *const *names, size_t n, qs_diag *d) {
  int rc = qs_csv_next(c, d);
  int ok = rc == 1 && c->n_fields == n;
  for (size_t i = 0; ok && i < n; i++)
    ok = strcmp(c->fields[i], names[i]) == 0;
  if (!ok && rc >= 0) {
    qs_buf b = {0};
    for (size_t i = 0; i < n; i++)
      qs_buf_addf(&b, "%s%s", i ? "," : "", names[i]);
    qs_diag_add(d, c->shown, rc == 1 ? c->line : 1, qs_msg_get(d->lang, QS_M_PANEL_CSV_HEADER),
                b.s);
    qs_buf_free(&b);
  }
  return ok ? 0 : -1;
}

void qs_csv_free(qs_csv *c) {
  clear_fields(c);
  free(c->fields);
  free(c->data);
  memset(c, 0, sizeof *c);
}
