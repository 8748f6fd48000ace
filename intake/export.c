/* export.c -- a valid submission tree as the rows of the intake workbook: each repeated
 * element a row of its sheet, its flattened children's attributes and texts in the same row,
 * a nested item's row naming its parent's id (qs_intake.h). Values are kept as the XML writes
 * them; the writer shows codes as their labels and dates and numbers as such. */
#include <stdlib.h>
#include <string.h>

#include "qs_intake.h"
#include "qs_util.h"

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

static char **new_row(const qs_isheet *s, qs_irows *r) {
  if (r->n_rows == r->cap) {
    r->cap = r->cap ? 2 * r->cap : 16;
    r->cells = qs_xrealloc(r->cells, r->cap * s->n_cols * sizeof *r->cells);
  }
  char **row = r->cells + r->n_rows++ * s->n_cols;
  memset(row, 0, s->n_cols * sizeof *row);
  return row;
}

static int is(xmlNode *c, const char *name) {
  return c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0;
}

typedef struct {
  const qs_ilayout *l;
  qs_irows *rows;
} ctx;

static void fill(ctx *x, const qs_isheet *s, size_t row, const qs_lnode *n, xmlNode *el,
                 const char *rel, const char *owner);

static void row_of(ctx *x, const qs_lnode *n, xmlNode *el, const char *owner) {
  const qs_isheet *s = qs_intake_sheet_of(x->l, n);
  if (!s)
    return;
  qs_irows *r = &x->rows[s - x->l->sheets];
  char **cells = new_row(s, r);
  if (s->parent && owner)
    cells[0] = qs_xstrdup(owner);
  fill(x, s, r->n_rows - 1, n, el, "", owner);
}

static void fill(ctx *x, const qs_isheet *s, size_t row, const qs_lnode *n, xmlNode *el,
                 const char *rel, const char *owner) {
  qs_irows *r = &x->rows[s - x->l->sheets];
  const char *own = owner;
  xmlChar *id = NULL;
  for (size_t i = 0; i < n->n_attrs; i++) {
    const qs_lattr *a = &n->attrs[i];
    xmlChar *v = xmlGetNoNsProp(el, (const xmlChar *)a->name);
    if (a->type == QL_ID && v)
      id = xmlStrdup(v);
    int c = a->fixed ? -1 : col_of(s, rel, a->name);
    if (v && c >= 0) {
      char **cell = &r->cells[row * s->n_cols + (size_t)c];
      free(*cell);
      *cell = qs_xstrdup((const char *)v);
    }
    xmlFree(v);
  }
  if (id)
    own = (const char *)id;
  if (n->text) {
    int c = col_of(s, rel, NULL);
    xmlChar *v = xmlNodeGetContent(el);
    if (c >= 0 && v)
      r->cells[row * s->n_cols + (size_t)c] = qs_xstrdup((const char *)v);
    xmlFree(v);
  }
  for (size_t k = 0; k < n->n_children; k++) {
    const qs_lnode *c = n->children[k];
    char *crel = NULL;
    for (xmlNode *e = el->children; e; e = e->next) {
      if (!is(e, c->name))
        continue;
      if (c->sheet) {
        row_of(x, c, e, own);
        r = &x->rows[s - x->l->sheets]; /* unchanged: rows of other sheets grew */
      } else {
        if (!crel) {
          qs_buf b = {0};
          qs_buf_addf(&b, "%s%s%s", rel, rel[0] ? "/" : "", c->name);
          crel = qs_buf_take(&b);
        }
        fill(x, s, row, c, e, crel, own);
      }
    }
    free(crel);
  }
  xmlFree(id);
}

qs_irows *qs_intake_export(const qs_ilayout *l, xmlDocPtr doc) {
  ctx x = {l, qs_xcalloc(l->n, sizeof *x.rows)};
  xmlNode *root = xmlDocGetRootElement(doc);
  new_row(&l->sheets[0], &x.rows[0]);
  fill(&x, &l->sheets[0], 0, &qs_layout_root, root, "", NULL);
  return x.rows;
}

void qs_intake_rows_free(qs_irows *rows, size_t n) {
  if (!rows)
    return;
  const qs_ilayout *l = qs_intake_layout();
  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < rows[i].n_rows * l->sheets[i].n_cols; k++)
      free(rows[i].cells[k]);
    free(rows[i].cells);
  }
  free(rows);
}
