/* convert.c -- a filled intake workbook (its cells, qs_xlsx_read.h) as a submission.
 *
 * One pass over the cells of each sheet: row 1 names the columns (matched by their names, so
 * a column moved or added by hand does no harm), rows whose first cell begins with the
 * markers of the expectations row (必填/可选) or of the example row (示例) are skipped, and
 * every other cell is converted by its column's type (a dropdown's label or code, a date as a
 * date serial or as text yyyy-mm-dd, yyyy/m/d or yyyy年m月d日, a number as a number or as
 * text). Then the checks across sheets: the project sheet has one row, ids are unique, every
 * reference names an enterprise (or a metric) listed, every required cell is filled, a credit
 * code's check character is right (GB 32100). Every problem is reported, each with its sheet,
 * row and column; only a workbook without any becomes XML, built along the schema's layout
 * (rows under their parents by id) and validated against the built-in schema, whose own
 * complaints are reported with the sheet and row of the element. Work is linear in the cells:
 * ids, references and parents go through hash tables. */
#include <ctype.h>
#include <libxml/hash.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>

#include "../importers/qs_codes.h"
#include "qs_builtin.h"
#include "qs_intake.h"
#include "qs_util.h"

#define NS "urn:qscore:submission:2025"

typedef struct {
  unsigned xrow; /* the row's number in the workbook */
  char **vals;   /* per column of the layout: the converted value or NULL */
} row;

typedef struct {
  const qs_isheet *s;
  const qs_xsheet *x;
  row *rows;
  size_t n, cap;
  char *emitted;
  xmlHashTablePtr by_parent; /* parent id -> struct list */
  unsigned *xcol;            /* per layout column: its column in the workbook */
} sheet;

typedef struct {
  size_t *idx;
  size_t n, cap;
} list;

typedef struct {
  size_t sheet;
  unsigned xrow;
} loc;

typedef struct {
  const qs_ilayout *l;
  const char *name;
  qs_diag *d;
  sheet *sh;
  int date1904;
  int problems;
  loc *locs;
  size_t n_locs, cap_locs;
} conv;

/* ------------------------------------------------------------------ values */

/* The value of a cell whose problem was already reported (so it is not reported again as
 * empty, nor checked as an id or a reference). */
static char bad_cell[] = "";
#define BAD(v) ((v) == bad_cell)

static char *trim(const char *s) {
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
    s++;
  /* a no-break or ideographic space around a value is a typing slip too */
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
    n--;
  char *r = qs_xmalloc(n + 1);
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

char *qs_intake_decimal(const char *text) {
  char *t = trim(text);
  const char *p = t;
  int neg = 0;
  if (*p == '+' || *p == '-')
    neg = *p++ == '-';
  qs_buf dg = {0};
  qs_buf_add(&dg, "");
  long point = -1, n_int = 0;
  int any = 0;
  for (; *p; p++) {
    if (isdigit((unsigned char)*p)) {
      qs_buf_addn(&dg, p, 1);
      any = 1;
      if (point < 0)
        n_int++;
    } else if (*p == ',' && point < 0 && any) {
      continue; /* thousands separator */
    } else if (*p == '.' && point < 0) {
      point = 0;
    } else {
      break;
    }
  }
  long exp = 0;
  if (any && (*p == 'e' || *p == 'E')) {
    p++;
    int eneg = 0;
    if (*p == '+' || *p == '-')
      eneg = *p++ == '-';
    if (!isdigit((unsigned char)*p))
      any = 0;
    for (; isdigit((unsigned char)*p); p++)
      if (exp < 1000)
        exp = exp * 10 + (*p - '0');
    if (exp >= 400)
      any = 0;
    exp = eneg ? -exp : exp;
  }
  if (!any || *p) {
    free(t);
    qs_buf_free(&dg);
    return NULL;
  }
  const char *D = dg.s;
  long len = (long)dg.len, pos = n_int + exp;
  qs_buf o = {0};
  qs_buf_add(&o, "");
  if (pos <= 0) {
    qs_buf_add(&o, "0.");
    for (long i = 0; i < -pos; i++)
      qs_buf_add(&o, "0");
    qs_buf_add(&o, D);
  } else if (pos >= len) {
    qs_buf_add(&o, D);
    for (long i = len; i < pos; i++)
      qs_buf_add(&o, "0");
  } else {
    qs_buf_addn(&o, D, (size_t)pos);
    qs_buf_add(&o, ".");
    qs_buf_add(&o, D + pos);
  }
  /* Leading zeros of the integer part, trailing zeros of the fraction. */
  char *s = o.s;
  if (strchr(s, '.')) {
    size_t n = strlen(s);
    while (s[n - 1] == '0')
      s[--n] = '\0';
    if (s[n - 1] == '.')
      s[--n] = '\0';
  }
  while (s[0] == '0' && s[1] && s[1] != '.')
    memmove(s, s + 1, strlen(s));
  qs_buf r = {0};
  qs_buf_addf(&r, "%s%s", neg && strcmp(s, "0") != 0 ? "-" : "", s);
  qs_buf_free(&o);
  qs_buf_free(&dg);
  free(t);
  return qs_buf_take(&r);
}

static int days_in(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : d[m - 1];
}

int qs_intake_date(const char *text, int serial, int date1904, char out[11]) {
  int y, m, d;
  if (serial) {
    char *end;
    double v = strtod(text, &end);
    if (end == text || *end || qs_xlsx_date(v, date1904, &y, &m, &d) != 0)
      return -1;
  } else {
    char *t = trim(text);
    const char *p = t;
    long parts[3];
    int k = 0;
    for (; k < 3; k++) {
      if (!isdigit((unsigned char)*p))
        break;
      long v = 0;
      int nd = 0;
      for (; isdigit((unsigned char)*p) && nd < 5; p++, nd++)
        v = v * 10 + (*p - '0');
      parts[k] = v;
      if (k == 0 && nd != 4)
        break;
      /* separators: - / . or 年 月 (日 after the day) */
      if (k < 2) {
        if (*p == '-' || *p == '/' || *p == '.')
          p++;
        else if (strncmp(p, k == 0 ? "年" : "月", 3) == 0)
          p += 3;
        else {
          k++;
          break;
        }
      } else if (strncmp(p, "日", 3) == 0) {
        p += 3;
      }
    }
    int ok = k == 3 && *p == '\0';
    free(t);
    if (!ok)
      return -1;
    y = (int)parts[0];
    m = (int)parts[1];
    d = (int)parts[2];
    if (m < 1 || m > 12 || d < 1 || d > days_in(y, m))
      return -1;
  }
  qs_date_format(out, y, m, d);
  return 0;
}

/* ------------------------------------------------------------------ problems */

/* A problem (an error: nothing is written) or a warning (said, and the XML still written) at a
 * sheet, a row of it (col -1) or a cell. */
static void vreport(conv *c, int warn, size_t si, unsigned xrow, size_t col, const char *fmt,
                    va_list ap) {
  qs_buf what = {0};
  qs_buf_vaddf(&what, fmt, ap);
  void (*say)(qs_diag *, const char *, long, const char *, ...) = warn ? qs_diag_warn : qs_diag_add;
  const qs_isheet *s = &c->l->sheets[si];
  if (col == (size_t)-1) {
    if (xrow)
      say(c->d, c->name, 0, qs_msg_get(c->d->lang, QS_M_INTAKE_ROW), s->name, xrow, what.s);
    else
      say(c->d, c->name, 0, qs_msg_get(c->d->lang, QS_M_INTAKE_SHEET), s->name, what.s);
  } else {
    /* the column's letter where the workbook has it */
    char letters[8] = "?";
    sheet *sh = &c->sh[si];
    qs_xlsx_col_name(sh->xcol ? sh->xcol[col] : (unsigned)col, letters);
    say(c->d, c->name, 0, qs_msg_get(c->d->lang, QS_M_INTAKE_CELL), s->name, xrow, letters,
        s->cols[col].label, what.s);
  }
  qs_buf_free(&what);
  if (!warn)
    c->problems++;
}

static void problem(conv *c, size_t si, unsigned xrow, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void problem(conv *c, size_t si, unsigned xrow, size_t col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(c, 0, si, xrow, col, fmt, ap);
  va_end(ap);
}

static void warning(conv *c, size_t si, unsigned xrow, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void warning(conv *c, size_t si, unsigned xrow, size_t col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(c, 1, si, xrow, col, fmt, ap);
  va_end(ap);
}

/* ------------------------------------------------------------------ reading the sheets */

static const char *enum_code(const qs_lattr *a, const char *v) {
  for (size_t i = 0; i < a->n_enums; i++)
    if (strcmp(a->enums[i].label, v) == 0 || strcmp(a->enums[i].code, v) == 0)
      return a->enums[i].code;
  if (a->type == QL_BOOL) {
    if (strcmp(v, "TRUE") == 0 || strcmp(v, "1") == 0)
      return "true";
    if (strcmp(v, "FALSE") == 0 || strcmp(v, "0") == 0)
      return "false";
  }
  return NULL;
}

/* A cell's text as the value its column takes, NULL when empty, bad_cell after a problem. */
static char *convert(conv *c, size_t si, unsigned xrow, size_t col, const qs_xcell *cell) {
  const qs_icol *ic = &c->l->sheets[si].cols[col];
  char *t = trim(cell->text);
  if (!t[0]) {
    free(t);
    return NULL;
  }
  const qs_lattr *a = ic->attr;
  for (const unsigned char *p = (const unsigned char *)t; *p; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f) {
      problem(c, si, xrow, col, qs_msg_get(c->d->lang, QS_M_INTAKE_CONTROL), t);
      free(t);
      return bad_cell;
    }
  if (!a)
    return t;
  char *out = NULL;
  switch (a->type) {
  case QL_ENUM:
  case QL_BOOL: {
    const char *code = enum_code(a, t);
    if (code) {
      out = qs_xstrdup(code);
    } else {
      qs_buf v = {0};
      qs_buf_add(&v, "");
      for (size_t i = 0; i < a->n_enums; i++)
        qs_buf_addf(&v, "%s%s", i ? "、" : "", a->enums[i].label);
      problem(c, si, xrow, col, qs_msg_get(c->d->lang, QS_M_INTAKE_BAD_ENUM), t, v.s);
      qs_buf_free(&v);
      out = bad_cell;
    }
    break;
  }
  case QL_DATE: {
    char d[11];
    int serial = cell->kind == QS_XC_DATE || cell->kind == QS_XC_NUM;
    if (qs_intake_date(t, serial, c->date1904, d) == 0)
      out = qs_xstrdup(d);
    else {
      problem(c, si, xrow, col, qs_msg_get(c->d->lang, QS_M_INTAKE_BAD_DATE), t);
      out = bad_cell;
    }
    break;
  }
  case QL_INT:
  case QL_DEC: {
    out = qs_intake_decimal(t);
    if (!out) {
      problem(c, si, xrow, col, qs_msg_get(c->d->lang, QS_M_INTAKE_BAD_NUMBER), t);
      out = bad_cell;
    } else if (a->type == QL_INT && strchr(out, '.')) {
      problem(c, si, xrow, col, qs_msg_get(c->d->lang, QS_M_INTAKE_BAD_INTEGER), t);
      free(out);
      out = bad_cell;
    }
    break;
  }
  default:
    if (a->base && strcmp(a->base, "CreditCode") == 0) {
      for (char *p = t; *p; p++)
        *p = (char)toupper((unsigned char)*p);
      char expected = '?';
      if (!qs_credit_code_ok(t, &expected)) {
        /* A code of the right shape whose check character is wrong is what the application
         * says: kept as written, and the report flags it (credit-code-check, an error flag), so
         * the reviewer sees it where the scores are; a warning here, not a refusal. */
        if (strlen(t) == 18 && expected != '?')
          warning(c, si, xrow, col, qs_msg_get(c->d->lang, QS_M_INTAKE_CREDIT_CHECK), t, expected);
        else
          problem(c, si, xrow, col, qs_msg_get(c->d->lang, QS_M_INTAKE_CREDIT_SHAPE), t);
      }
    }
    out = t;
    t = NULL;
    break;
  }
  free(t);
  return out;
}

static int marker_row(const char *first) {
  static const qs_msg marks[] = {QS_M_INTAKE_REQ, QS_M_INTAKE_OPT, QS_M_INTAKE_EXAMPLE};
  for (size_t i = 0; i < 3; i++) {
    const char *m = qs_msg_get(QS_LANG_ZH, marks[i]);
    if (strncmp(first, m, strlen(m)) == 0)
      return 1;
  }
  return 0;
}

static void read_sheet(conv *c, size_t si) {
  sheet *sh = &c->sh[si];
  const qs_isheet *s = sh->s;
  const qs_xsheet *x = sh->x;
  if (!x)
    return;
  /* Row 1: the columns by name. */
  unsigned max_col = 0;
  for (size_t i = 0; i < x->n_cells && x->cells[i].row == 1; i++)
    if (x->cells[i].col + 1 > max_col)
      max_col = x->cells[i].col + 1;
  int *map = qs_xcalloc(max_col + 1, sizeof *map);
  for (unsigned k = 0; k <= max_col; k++)
    map[k] = -1;
  char *seen = qs_xcalloc(s->n_cols + 1, 1);
  sh->xcol = qs_xcalloc(s->n_cols + 1, sizeof *sh->xcol);
  for (size_t k = 0; k < s->n_cols; k++)
    sh->xcol[k] = (unsigned)k;
  size_t i = 0;
  for (; i < x->n_cells && x->cells[i].row == 1; i++) {
    char *h = trim(x->cells[i].text);
    size_t n = strlen(h);
    if (n && h[n - 1] == '*')
      h[n - 1] = '\0';
    for (size_t k = 0; k < s->n_cols; k++)
      if (!seen[k] && strcmp(h, s->cols[k].label) == 0) {
        map[x->cells[i].col] = (int)k;
        sh->xcol[k] = x->cells[i].col;
        seen[k] = 1;
        break;
      }
    free(h);
  }
  /* Data rows. */
  while (i < x->n_cells) {
    unsigned r = x->cells[i].row;
    size_t j = i;
    while (j < x->n_cells && x->cells[j].row == r)
      j++;
    const qs_xcell *first = &x->cells[i];
    if (first->col == 0 && marker_row(first->text)) {
      i = j;
      continue;
    }
    char **vals = qs_xcalloc(s->n_cols, sizeof *vals);
    int any = 0;
    for (size_t k = i; k < j; k++) {
      unsigned xc = x->cells[k].col;
      if (xc >= max_col || map[xc] < 0)
        continue;
      vals[map[xc]] = convert(c, si, r, (size_t)map[xc], &x->cells[k]);
      any |= x->cells[k].text[0] != '\0';
    }
    if (!any) {
      free(vals);
      i = j;
      continue;
    }
    if (sh->n == sh->cap) {
      sh->cap = sh->cap ? 2 * sh->cap : 16;
      sh->rows = qs_xrealloc(sh->rows, sh->cap * sizeof *sh->rows);
    }
    sh->rows[sh->n++] = (row){r, vals};
    i = j;
  }
  /* A required column missing from row 1 while the sheet has rows. */
  for (size_t k = 0; k < s->n_cols && sh->n; k++) {
    const qs_lattr *a = s->cols[k].attr;
    if (!seen[k] && (!a || (a->required && !a->deflt && !s->cols[k].group[0])))
      problem(c, si, 0, (size_t)-1, qs_msg_get(c->d->lang, QS_M_INTAKE_MISSING_COLUMN),
              s->cols[k].label);
  }
  free(seen);
  free(map);
}

/* ------------------------------------------------------------------ checks across sheets */

static int group_given(const qs_isheet *s, char **vals, const char *group) {
  size_t n = strlen(group);
  for (size_t k = 0; k < s->n_cols; k++)
    if (vals[k] && strncmp(s->cols[k].rel, group, n) == 0 &&
        (s->cols[k].rel[n] == '\0' || s->cols[k].rel[n] == '/'))
      return 1;
  return 0;
}

static void check_required(conv *c) {
  for (size_t si = 0; si < c->l->n; si++) {
    sheet *sh = &c->sh[si];
    for (size_t r = 0; r < sh->n; r++)
      for (size_t k = 0; k < sh->s->n_cols; k++) {
        const qs_icol *col = &sh->s->cols[k];
        if (sh->rows[r].vals[k] || (col->attr && (!col->attr->required || col->attr->deflt)))
          continue;
        if (col->group[0] && !group_given(sh->s, sh->rows[r].vals, col->group))
          continue;
        problem(c, si, sh->rows[r].xrow, k, "%s", qs_msg_get(c->d->lang, QS_M_INTAKE_REQUIRED));
      }
  }
}

typedef struct {
  size_t sheet;
  unsigned xrow;
} idloc;

static void free_loc(void *p, const xmlChar *name) {
  (void)name;
  free(p);
}

static void check_ids(conv *c, xmlHashTablePtr ids) {
  for (size_t si = 0; si < c->l->n; si++) {
    sheet *sh = &c->sh[si];
    for (size_t k = 0; k < sh->s->n_cols; k++) {
      if (!sh->s->cols[k].attr || sh->s->cols[k].attr->type != QL_ID)
        continue;
      for (size_t r = 0; r < sh->n; r++) {
        const char *v = sh->rows[r].vals[k];
        if (!v || BAD(v))
          continue;
        idloc *had = xmlHashLookup(ids, (const xmlChar *)v);
        if (had) {
          problem(c, si, sh->rows[r].xrow, k, qs_msg_get(c->d->lang, QS_M_INTAKE_DUPLICATE_ID), v,
                  c->l->sheets[had->sheet].name, had->xrow);
          continue;
        }
        idloc *at = qs_xmalloc(sizeof *at);
        *at = (idloc){si, sh->rows[r].xrow};
        xmlHashAddEntry(ids, (const xmlChar *)v, at);
      }
    }
  }
}

/* References: each names an id on the sheet of the element it refers to. */
static void check_refs(conv *c, xmlHashTablePtr ids) {
  for (size_t si = 0; si < c->l->n; si++) {
    sheet *sh = &c->sh[si];
    for (size_t k = 0; k < sh->s->n_cols; k++) {
      const qs_lattr *a = sh->s->cols[k].attr;
      if (!a || a->type != QL_REF || !a->refers)
        continue;
      size_t target = (size_t)-1;
      for (size_t t = 0; t < c->l->n; t++)
        if (strcmp(c->l->sheets[t].nodes[0]->path, a->refers) == 0)
          target = t;
      for (size_t r = 0; r < sh->n; r++) {
        const char *v = sh->rows[r].vals[k];
        if (!v || BAD(v))
          continue;
        idloc *at = xmlHashLookup(ids, (const xmlChar *)v);
        if (!at || at->sheet != target)
          problem(c, si, sh->rows[r].xrow, k, qs_msg_get(c->d->lang, QS_M_INTAKE_UNKNOWN_REF), v,
                  target != (size_t)-1 ? c->l->sheets[target].name : a->refers);
      }
    }
  }
}

/* ------------------------------------------------------------------ building the XML */

static int col_of(const qs_isheet *s, const char *rel, const char *attr) {
  for (size_t i = 0; i < s->n_cols; i++) {
    const qs_icol *c = &s->cols[i];
    if (!c->attr || strcmp(c->rel, rel) != 0)
      continue;
    if (attr ? c->attr->name && strcmp(c->attr->name, attr) == 0 : !c->attr->name)
      return (int)i;
  }
  return -1;
}

static const char *id_of(const qs_isheet *s, char **vals, const qs_lnode *n, const char *rel) {
  for (size_t i = 0; i < n->n_attrs; i++)
    if (n->attrs[i].type == QL_ID) {
      int k = col_of(s, rel, n->attrs[i].name);
      return k >= 0 ? vals[k] : NULL;
    }
  return NULL;
}

static int has_id_attr(const qs_lnode *n) {
  for (size_t i = 0; i < n->n_attrs; i++)
    if (n->attrs[i].type == QL_ID)
      return 1;
  return 0;
}

static size_t sheet_index(conv *c, const qs_lnode *n) {
  const qs_isheet *s = qs_intake_sheet_of(c->l, n);
  return s ? (size_t)(s - c->l->sheets) : 0;
}

static const list *rows_for(conv *c, size_t si, const char *owner) {
  sheet *sh = &c->sh[si];
  if (!sh->s->parent)
    return NULL;
  return owner ? xmlHashLookup(sh->by_parent, (const xmlChar *)owner) : NULL;
}

static int has_content(conv *c, size_t si, char **vals, const qs_lnode *n, const char *rel,
                       const char *owner) {
  const qs_isheet *s = c->l->sheets + si;
  if (group_given(s, vals, rel))
    return 1;
  if (has_id_attr(n)) {
    const char *id = id_of(s, vals, n, rel);
    owner = id ? id : owner;
  }
  for (size_t k = 0; k < n->n_children; k++) {
    const qs_lnode *ch = n->children[k];
    if (ch->sheet) {
      size_t cs = sheet_index(c, ch);
      if (c->sh[cs].s->parent ? rows_for(c, cs, owner) != NULL : c->sh[cs].n > 0)
        return 1;
    } else {
      qs_buf b = {0};
      qs_buf_addf(&b, "%s%s%s", rel, rel[0] ? "/" : "", ch->name);
      int has = has_content(c, si, vals, ch, b.s, owner);
      qs_buf_free(&b);
      if (has)
        return 1;
    }
  }
  return 0;
}

static void mark(conv *c, xmlNode *el, size_t si, unsigned xrow) {
  if (c->n_locs == c->cap_locs)
    return; /* sized for every row up front */
  c->locs[c->n_locs] = (loc){si, xrow};
  el->_private = &c->locs[c->n_locs++];
}

static void emit(conv *c, xmlNsPtr ns, const qs_lnode *n, size_t si, size_t ri, xmlNode *el,
                 const char *rel, const char *owner) {
  const qs_isheet *s = c->l->sheets + si;
  char **vals = c->sh[si].rows[ri].vals;
  for (size_t i = 0; i < n->n_attrs; i++) {
    const qs_lattr *a = &n->attrs[i];
    if (a->fixed) {
      xmlNewProp(el, (const xmlChar *)a->name, (const xmlChar *)a->fixed);
      continue;
    }
    int k = col_of(s, rel, a->name);
    if (k >= 0 && vals[k])
      xmlNewProp(el, (const xmlChar *)a->name, (const xmlChar *)vals[k]);
  }
  if (n->text) {
    int k = col_of(s, rel, NULL);
    if (k >= 0 && vals[k])
      xmlNodeAddContent(el, (const xmlChar *)vals[k]);
  }
  if (has_id_attr(n)) {
    const char *id = id_of(s, vals, n, rel);
    owner = id ? id : owner;
  }
  for (size_t k = 0; k < n->n_children; k++) {
    const qs_lnode *ch = n->children[k];
    if (ch->sheet) {
      size_t cs = sheet_index(c, ch);
      sheet *csh = &c->sh[cs];
      const list *ls = rows_for(c, cs, owner);
      size_t count = csh->s->parent ? (ls ? ls->n : 0) : csh->n;
      for (size_t j = 0; j < count; j++) {
        size_t rj = csh->s->parent ? ls->idx[j] : j;
        if (csh->emitted[rj])
          continue;
        csh->emitted[rj] = 1;
        xmlNode *ce = xmlNewChild(el, ns, (const xmlChar *)ch->name, NULL);
        mark(c, ce, cs, csh->rows[rj].xrow);
        emit(c, ns, ch, cs, rj, ce, "", owner);
      }
      continue;
    }
    qs_buf b = {0};
    qs_buf_addf(&b, "%s%s%s", rel, rel[0] ? "/" : "", ch->name);
    if (ch->min_occurs > 0 || has_content(c, si, vals, ch, b.s, owner)) {
      /* not marked: a complaint about it is about its row's element */
      xmlNode *ce = xmlNewChild(el, ns, (const xmlChar *)ch->name, NULL);
      emit(c, ns, ch, si, ri, ce, b.s, owner);
    }
    qs_buf_free(&b);
  }
}

static void free_list(void *p, const xmlChar *name) {
  (void)name;
  list *l = p;
  free(l->idx);
  free(l);
}

static void index_parents(conv *c) {
  for (size_t si = 0; si < c->l->n; si++) {
    sheet *sh = &c->sh[si];
    sh->emitted = qs_xcalloc(sh->n + 1, 1);
    if (!sh->s->parent)
      continue;
    sh->by_parent = xmlHashCreate((int)(sh->n < 16 ? 16 : sh->n));
    for (size_t r = 0; r < sh->n; r++) {
      const char *p = sh->rows[r].vals[0];
      if (!p)
        continue;
      list *l = xmlHashLookup(sh->by_parent, (const xmlChar *)p);
      if (!l) {
        l = qs_xcalloc(1, sizeof *l);
        xmlHashAddEntry(sh->by_parent, (const xmlChar *)p, l);
      }
      if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 4;
        l->idx = qs_xrealloc(l->idx, l->cap * sizeof *l->idx);
      }
      l->idx[l->n++] = r;
    }
  }
}

/* Schema complaints, with the sheet and row of the element they are about. */
typedef struct {
  conv *c;
} vsink;

static void schema_error(void *ctx, xmlErrorPtr e) {
  conv *c = ((vsink *)ctx)->c;
  if (!e || e->level == XML_ERR_NONE || e->level == XML_ERR_WARNING)
    return;
  qs_buf m = {0};
  static const char ns[] = "{" NS "}";
  for (const char *p = e->message ? e->message : "?"; *p;) {
    if (strncmp(p, ns, sizeof ns - 1) == 0) {
      p += sizeof ns - 1;
      continue;
    }
    if (*p != '\n')
      qs_buf_addn(&m, p, 1);
    p++;
  }
  xmlNode *n = e->node;
  loc *at = NULL;
  for (; n && !at; n = n->parent)
    if (n->type == XML_ELEMENT_NODE)
      at = n->_private;
  /* "Element 'training', attribute 'participants': ..." names the column. */
  size_t col = (size_t)-1;
  const char *an = m.s ? strstr(m.s, "attribute '") : NULL;
  if (at && an) {
    an += strlen("attribute '");
    const qs_isheet *s = &c->l->sheets[at->sheet];
    size_t n = strcspn(an, "'");
    for (size_t k = 0; k < s->n_cols && col == (size_t)-1; k++)
      if (s->cols[k].attr && s->cols[k].attr->name && strlen(s->cols[k].attr->name) == n &&
          strncmp(s->cols[k].attr->name, an, n) == 0)
        col = k;
  }
  if (at)
    problem(c, at->sheet, at->xrow, col, "%s", m.s ? m.s : "?");
  else
    problem(c, 0, 0, (size_t)-1, "%s", m.s ? m.s : "?");
  qs_buf_free(&m);
}

static int validate(conv *c, xmlDocPtr doc) {
  const qs_builtin_file *f = qs_builtin_find(qs_builtin_schemas, "submission-2025.xsd");
  if (!f)
    return -1;
  xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(f->data, (int)f->len);
  xmlSchemaPtr schema = xmlSchemaParse(pc);
  xmlSchemaFreeParserCtxt(pc);
  if (!schema)
    return -1;
  vsink v = {c};
  xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(vc, schema_error, &v);
  int before = c->problems;
  int rc = xmlSchemaValidateDoc(vc, doc);
  xmlSchemaFreeValidCtxt(vc);
  xmlSchemaFree(schema);
  if (rc != 0 && c->problems == before)
    problem(c, 0, 0, (size_t)-1, "%s", "?");
  return rc == 0 ? 0 : -1;
}

int qs_intake_import(const qs_ilayout *l, const qs_xbook *b, const char *name, char **xml,
                     size_t *len, qs_diag *d) {
  *xml = NULL;
  *len = 0;
  conv c = {l, name, d, qs_xcalloc(l->n, sizeof *c.sh), b->date1904, 0, NULL, 0, 0};
  size_t total = 0;
  for (size_t si = 0; si < l->n; si++) {
    c.sh[si].s = &l->sheets[si];
    c.sh[si].x = qs_xbook_sheet(b, l->sheets[si].name);
    if (!c.sh[si].x && si == 0)
      problem(&c, si, 0, (size_t)-1, "%s", qs_msg_get(d->lang, QS_M_INTAKE_MISSING_SHEET));
    read_sheet(&c, si);
    total += c.sh[si].n;
  }
  if (c.sh[0].x && c.sh[0].n == 0)
    problem(&c, 0, 0, (size_t)-1, "%s", qs_msg_get(d->lang, QS_M_INTAKE_NO_ROW));
  for (size_t r = 1; r < c.sh[0].n; r++)
    problem(&c, 0, c.sh[0].rows[r].xrow, (size_t)-1, "%s",
            qs_msg_get(d->lang, QS_M_INTAKE_ONE_ROW));
  check_required(&c);
  xmlHashTablePtr ids = xmlHashCreate(1024);
  check_ids(&c, ids);
  check_refs(&c, ids);
  int rc = -1;
  if (c.problems == 0) {
    index_parents(&c);
    c.cap_locs = total + 1;
    c.locs = qs_xcalloc(c.cap_locs, sizeof *c.locs);
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNode *root = xmlNewNode(NULL, (const xmlChar *)qs_layout_root.name);
    xmlNsPtr ns = xmlNewNs(root, (const xmlChar *)NS, NULL);
    xmlSetNs(root, ns);
    xmlDocSetRootElement(doc, root);
    mark(&c, root, 0, c.sh[0].rows[0].xrow);
    c.sh[0].emitted[0] = 1;
    emit(&c, ns, &qs_layout_root, 0, 0, root, "", NULL);
    /* Rows that found no parent: their 所属编号 names no item that can have them. */
    for (size_t si = 0; si < l->n; si++)
      for (size_t r = 0; r < c.sh[si].n; r++)
        if (!c.sh[si].emitted[r]) {
          const char *p = c.sh[si].rows[r].vals[0];
          problem(&c, si, c.sh[si].rows[r].xrow, 0, qs_msg_get(d->lang, QS_M_INTAKE_UNKNOWN_PARENT),
                  p ? p : "");
        }
    if (c.problems == 0 && validate(&c, doc) == 0) {
      xmlChar *buf = NULL;
      int n = 0;
      xmlDocDumpFormatMemoryEnc(doc, &buf, &n, "UTF-8", 1);
      *xml = qs_xmalloc((size_t)n + 1);
      memcpy(*xml, buf, (size_t)n);
      (*xml)[n] = '\0';
      *len = (size_t)n;
      xmlFree(buf);
      rc = 0;
    }
    xmlFreeDoc(doc);
  }
  xmlHashFree(ids, free_loc);
  for (size_t si = 0; si < l->n; si++) {
    for (size_t r = 0; r < c.sh[si].n; r++) {
      for (size_t k = 0; k < l->sheets[si].n_cols; k++)
        if (!BAD(c.sh[si].rows[r].vals[k]))
          free(c.sh[si].rows[r].vals[k]);
      free(c.sh[si].rows[r].vals);
    }
    free(c.sh[si].rows);
    free(c.sh[si].emitted);
    free(c.sh[si].xcol);
    if (c.sh[si].by_parent)
      xmlHashFree(c.sh[si].by_parent, free_list);
  }
  free(c.sh);
  free(c.locs);
  return rc;
}
