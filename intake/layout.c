/* layout.c -- the intake workbook's sheets and columns from the schema's layout tree
 * (qs_intake.h describes the layout). */
#include <libxml/hash.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qs_intake.h"
#include "qs_util.h"

static qs_ilayout layout;
static size_t cap;
/* element path -> 1 + the index of its sheet: every element of an import or export asks */
static xmlHashTablePtr by_path;
/* the paths of flattened elements the columns point to, kept with the layout */
static char **rels;
static size_t n_rels;

static const char *keep_rel(char *rel) {
  rels = qs_xrealloc(rels, (n_rels + 1) * sizeof *rels);
  return rels[n_rels++] = rel;
}

static int has_id(const qs_lnode *n) {
  for (size_t i = 0; i < n->n_attrs; i++)
    if (n->attrs[i].type == QL_ID)
      return 1;
  return 0;
}

static void add_col(qs_isheet *s, const char *label, const qs_lattr *a, const char *rel,
                    const char *group) {
  s->cols = qs_xrealloc(s->cols, (s->n_cols + 1) * sizeof *s->cols);
  s->cols[s->n_cols++] = (qs_icol){qs_xstrdup(label), a, rel, group};
}

static char *join(const char *a, const char *sep, const char *b) {
  qs_buf x = {0};
  qs_buf_addf(&x, "%s%s%s", a, a[0] ? sep : "", b);
  return qs_buf_take(&x);
}

static void add_row_node(const qs_lnode *n, int owner);

/* The columns of node n (the row's element or one flattened into it), and the sheets of its
 * repeated children. owner: an element on the way has an id the children can name. */
static void columns(qs_isheet *s, const qs_lnode *n, const char *rel, const char *prefix,
                    const char *group, int first, int owner) {
  owner = owner || has_id(n);
  if (first) {
    for (size_t i = 0; i < n->n_attrs; i++) {
      if (n->attrs[i].fixed)
        continue;
      char *l = join(prefix, "", n->attrs[i].label);
      add_col(s, l, &n->attrs[i], rel, group);
      free(l);
    }
    if (n->text) {
      char *l = join(prefix, "", n->text->label);
      add_col(s, l, n->text, rel, group);
      free(l);
    }
  }
  for (size_t i = 0; i < n->n_children; i++) {
    const qs_lnode *c = n->children[i];
    if (c->sheet) {
      add_row_node(c, owner);
      continue;
    }
    const char *crel = keep_rel(join(rel, "/", c->name));
    int optional = c->min_occurs == 0;
    int group_like = optional && (c->n_attrs || c->n_children);
    char *cprefix = group_like ? join(prefix, "", c->label) : qs_xstrdup(prefix);
    if (group_like) {
      char *p = join(cprefix, "", "·");
      free(cprefix);
      cprefix = p;
    }
    columns(s, c, crel, cprefix, optional ? crel : group, first, owner);
    free(cprefix);
  }
}

static qs_isheet *find_sheet(const char *key) {
  for (size_t i = 0; i < layout.n; i++)
    if (layout.sheets[i].nodes[0]->sheet && strcmp(layout.sheets[i].nodes[0]->sheet, key) == 0)
      return &layout.sheets[i];
  return NULL;
}

static qs_isheet *new_sheet(const char *name) {
  if (layout.n == cap) {
    cap = cap ? 2 * cap : 64;
    layout.sheets = qs_xrealloc(layout.sheets, cap * sizeof *layout.sheets);
  }
  qs_isheet *s = &layout.sheets[layout.n++];
  memset(s, 0, sizeof *s);
  s->name = name;
  return s;
}

static void add_row_node(const qs_lnode *n, int owner) {
  qs_isheet *s = find_sheet(n->sheet);
  int first = !s;
  if (!s) {
    s = new_sheet(n->label);
    s->parent = owner;
    if (owner)
      add_col(s, qs_msg_get(QS_LANG_ZH, QS_M_INTAKE_PARENT_COL), NULL, "", "");
  }
  s->nodes = qs_xrealloc(s->nodes, (s->n_nodes + 1) * sizeof *s->nodes);
  s->nodes[s->n_nodes++] = n;
  /* Sheets are appended while columns are added: take the index, not the pointer. */
  size_t idx = (size_t)(s - layout.sheets);
  qs_isheet tmp = *s;
  columns(&tmp, n, "", "", "", first, 0);
  layout.sheets[idx].cols = tmp.cols;
  layout.sheets[idx].n_cols = tmp.n_cols;
}

static int spans_sections(const qs_isheet *s) {
  for (size_t i = 1; i < s->n_nodes; i++) {
    const char *a = s->nodes[0]->path, *b = s->nodes[i]->path;
    size_t na = strcspn(a, "/"), nb = strcspn(b, "/");
    if (na != nb || strncmp(a, b, na) != 0)
      return 1;
  }
  return 0;
}

const qs_ilayout *qs_intake_layout(void) {
  if (layout.n)
    return &layout;
  qs_isheet *root = new_sheet(qs_layout_root.label);
  root->nodes = qs_xmalloc(sizeof *root->nodes);
  root->nodes[root->n_nodes++] = &qs_layout_root;
  qs_isheet tmp = *root;
  columns(&tmp, &qs_layout_root, "", "", "", 1, 0);
  layout.sheets[0].cols = tmp.cols;
  layout.sheets[0].n_cols = tmp.n_cols;
  /* A sheet whose rows belong to items of several sections (证明材料, 参与企业, 成效指标)
   * goes after the sections' own sheets, in the order found. */
  qs_isheet *sorted = qs_xmalloc(layout.n * sizeof *sorted);
  size_t k = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < layout.n; i++)
      if (spans_sections(&layout.sheets[i]) == pass)
        sorted[k++] = layout.sheets[i];
  free(layout.sheets);
  layout.sheets = sorted;
  by_path = xmlHashCreate(256);
  for (size_t i = 0; i < layout.n; i++)
    for (size_t j = 0; j < layout.sheets[i].n_nodes; j++)
      xmlHashAddEntry(by_path, (const xmlChar *)layout.sheets[i].nodes[j]->path,
                      (void *)(uintptr_t)(i + 1));
  return &layout;
}

const qs_isheet *qs_intake_sheet_of(const qs_ilayout *l, const qs_lnode *node) {
  if (l != &layout || !by_path)
    return NULL;
  uintptr_t i = (uintptr_t)xmlHashLookup(by_path, (const xmlChar *)node->path);
  return i ? &l->sheets[i - 1] : NULL;
}
