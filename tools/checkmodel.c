/* checkmodel.c -- build tool: check the importer's tables and the rules' deftemplates against
 * the evidence model of the submission schema, before qscore is linked.
 *
 *   checkmodel [RULES_DIR]
 *
 * The schema (schemas/submission-2025.xsd) is the one source of the evidence model: the
 * importer's tables name its elements (build/gen/xsd_model.h, made by tools/xsdmodel.c), each
 * attribute becomes the slot of its name, converted as its schema type says (importers/
 * qs_model.h), and a table lists only the exceptions. What is left to agree with it is checked
 * here, with the file and the item named:
 *
 *  - every section of the schema has an importer family, and every element of a section is in
 *    the family's table or read by code of its own (by_hand);
 *  - a table's element belongs to its section, and an exception names an attribute the schema
 *    declares for the element (an attribute the schema lacks cannot be mapped at all: the
 *    table has no rows of its own);
 *  - the deftemplate of every table's element exists, with the slots every item has (id, line,
 *    docs) and a slot for each attribute the table puts, of the CLIPS type the importer
 *    converts the attribute's schema type to: xs:string and collapsed strings STRING,
 *    enumerations and xs:boolean SYMBOL, xs:integer INTEGER, xs:decimal FLOAT, xs:date a
 *    STRING slot and an INTEGER <slot>-day (the item's own date: date, day, window).
 *
 * The deftemplates are read by loading the rules into a CLIPS environment as qscore loads them:
 * every *.clp of RULES_DIR in byte order of the names (the Makefile gives rules/2025, the files
 * compiled into qscore), or without it the built-in rules. Exit 0 when all agree, 1 with every
 * problem listed. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qs_builtin.h"
#include "qs_env.h"
#include "qs_family.h"
#include "qs_util.h"

static const char *rules_dir = "the built-in rules";
static int problems;

/* The rules as loaded: file path (for messages) and text. */
typedef struct {
  char *path, *text;
} rules_file;
static rules_file *rules;
static size_t n_rules;

static void problem(const char *file, long line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (line > 0)
    fprintf(stderr, "%s:%ld: ", file, line);
  else
    fprintf(stderr, "%s: ", file);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  problems++;
}

/* Where the deftemplate is defined in the rules' text: "rules/2025/00-templates.clp:187". */
static void template_place(const char *name, char *out, size_t size) {
  snprintf(out, size, "%s", rules_dir);
  size_t n = strlen(name);
  for (size_t i = 0; i < n_rules; i++) {
    long line = 1;
    for (const char *p = rules[i].text; *p; p++) {
      if (*p == '\n') {
        line++;
      } else if (*p == ';') {
        while (p[1] && p[1] != '\n')
          p++;
      } else if (strncmp(p, "(deftemplate", 12) == 0 && (p[12] == ' ' || p[12] == '\t')) {
        const char *q = p + 12;
        while (*q == ' ' || *q == '\t')
          q++;
        if (strncmp(q, "MAIN::", 6) == 0)
          q += 6;
        if (strncmp(q, name, n) == 0 && strchr(" \t\r\n(", q[n])) {
          snprintf(out, size, "%s:%ld", rules[i].path, line);
          return;
        }
      }
    }
  }
}

static const char *type_words(unsigned bit) {
  switch (bit) {
  case QS_SLOT_SYMBOL:
    return "SYMBOL";
  case QS_SLOT_STRING:
    return "STRING";
  case QS_SLOT_INTEGER:
    return "INTEGER";
  default:
    return "FLOAT";
  }
}

static const char *schema_words(qs_atype t) {
  switch (t) {
  case QA_STR:
    return "text (xs:string)";
  case QA_REF:
    return "a reference or token (a collapsed xs:string)";
  case QA_SYM:
    return "an enumeration";
  case QA_INT:
    return "an integer (xs:integer)";
  case QA_FLOAT:
    return "a number (xs:decimal)";
  case QA_BOOL:
    return "xs:boolean (yes / no)";
  case QA_DATE:
  case QA_WDATE:
    return "a date (xs:date)";
  case QA_ID:
    return "an id (xs:ID)";
  }
  return "?";
}

typedef struct {
  qs_env *qe;
  const qs_family *fam;
  const qs_elem *e;
  void *tmpl;
  char where[512]; /* of the deftemplate */
} ctx;

/* One slot the importer fills for attr (NULL: a slot every item has) with a value of type. */
static void want_slot(ctx *c, const qs_xsd_attr *attr, const char *slot, unsigned type) {
  unsigned bits = qs_env_slot_types(c->qe, c->tmpl, slot);
  const char *el = c->e->xsd->path;
  if (!bits) {
    if (attr)
      problem(qs_xsd_source, attr->line,
              "attribute %s of element %s has no slot %s in deftemplate %s (%s): add the slot "
              "%s (%s), or list the attribute as an exception in %s",
              attr->name, el, slot, c->e->xsd->name, c->where, slot, type_words(type),
              c->fam->file);
    else
      problem(c->where, 0,
              "deftemplate %s lacks the slot %s (%s) that the importer fills for "
              "every item (element %s, %s)",
              c->e->xsd->name, slot, type_words(type), el, c->fam->file);
    return;
  }
  if (bits & QS_SLOT_MULTI) {
    problem(c->where, 0, "slot %s of deftemplate %s is a multislot; the importer puts one %s%s%s",
            slot, c->e->xsd->name, type_words(type), attr ? " from attribute " : "",
            attr ? attr->name : "");
    return;
  }
  if (!(bits & type)) {
    if (attr)
      problem(qs_xsd_source, attr->line,
              "attribute %s of element %s is %s, which the importer puts as %s, but slot %s of "
              "deftemplate %s (%s) does not allow %s",
              attr->name, el, schema_words(qs_elem_atype(attr, slot)), type_words(type), slot,
              c->e->xsd->name, c->where, type_words(type));
    else
      problem(c->where, 0,
              "slot %s of deftemplate %s does not allow %s, which the importer puts "
              "for every item",
              slot, c->e->xsd->name, type_words(type));
  }
}

static void check_attr(ctx *c, const qs_xsd_attr *a) {
  const char *slot = qs_elem_slot(c->e, a);
  if (!slot)
    return;
  char day[256];
  switch (qs_elem_atype(a, slot)) {
  case QA_STR:
  case QA_REF:
    want_slot(c, a, slot, QS_SLOT_STRING);
    break;
  case QA_SYM:
  case QA_BOOL:
    want_slot(c, a, slot, QS_SLOT_SYMBOL);
    break;
  case QA_INT:
    want_slot(c, a, slot, QS_SLOT_INTEGER);
    break;
  case QA_FLOAT:
    want_slot(c, a, slot, QS_SLOT_FLOAT);
    break;
  case QA_DATE:
    want_slot(c, a, slot, QS_SLOT_STRING);
    snprintf(day, sizeof day, "%s-day", slot);
    want_slot(c, a, day, QS_SLOT_INTEGER);
    break;
  case QA_WDATE:
    want_slot(c, a, "date", QS_SLOT_STRING);
    want_slot(c, a, "day", QS_SLOT_INTEGER);
    want_slot(c, a, "window", QS_SLOT_SYMBOL);
    break;
  case QA_ID:
    break;
  }
}

static const qs_xsd_elem *xsd_elem(const char *path) {
  for (int i = 0; qs_xsd_elems[i]; i++)
    if (strcmp(qs_xsd_elems[i]->path, path) == 0)
      return qs_xsd_elems[i];
  return NULL;
}

/* The element's path if it is a child of section, else NULL: "brand/award" -> "award". */
static const char *child_of(const qs_xsd_elem *x, const char *section) {
  size_t n = strlen(section);
  if (strncmp(x->path, section, n) != 0 || x->path[n] != '/' || strchr(x->path + n + 1, '/'))
    return NULL;
  return x->path + n + 1;
}

static int n_elems, n_attrs;

static void check_elem(qs_env *qe, const qs_family *fam, const qs_elem *e) {
  ctx c = {qe, fam, e, NULL, {0}};
  n_elems++;
  if (!child_of(e->xsd, fam->section))
    problem(fam->file, 0,
            "the table of section %s holds element %s, which the schema (%s:%ld) "
            "puts elsewhere",
            fam->section, e->xsd->path, qs_xsd_source, e->xsd->line);
  for (const qs_attr *x = e->except; x && x->attr; x++) {
    if (!qs_xsd_attr_of(e->xsd, x->attr))
      problem(fam->file, 0,
              "element %s: an exception for attribute %s, which %s does not "
              "declare for the element",
              e->xsd->path, x->attr, qs_xsd_source);
    else if (x->slot && strcmp(x->slot, x->attr) == 0)
      problem(fam->file, 0,
              "element %s: the exception for attribute %s names its own slot; "
              "leave it out (an attribute goes to the slot of its name)",
              e->xsd->path, x->attr);
  }
  c.tmpl = qs_env_template(qe, e->xsd->name);
  template_place(e->xsd->name, c.where, sizeof c.where);
  if (!c.tmpl) {
    problem(qs_xsd_source, e->xsd->line, "element %s (imported by %s) has no deftemplate %s in %s",
            e->xsd->path, fam->file, e->xsd->name, rules_dir);
    return;
  }
  want_slot(&c, NULL, "id", QS_SLOT_STRING);
  want_slot(&c, NULL, "line", QS_SLOT_INTEGER);
  want_slot(&c, NULL, "docs", QS_SLOT_INTEGER);
  for (size_t i = 0; i < e->xsd->n_attrs; i++) {
    n_attrs++;
    check_attr(&c, &e->xsd->attrs[i]);
  }
}

static int in_family(const qs_family *fam, const char *name) {
  for (const qs_elem *e = fam->elems; e->xsd; e++)
    if (strcmp(e->xsd->name, name) == 0)
      return 1;
  for (const char *const *h = fam->by_hand; h && *h; h++)
    if (strcmp(*h, name) == 0)
      return 1;
  return 0;
}

static void check_family(qs_env *qe, const qs_family *fam) {
  const qs_xsd_elem *sec = xsd_elem(fam->section);
  if (!sec || strchr(fam->section, '/')) {
    problem(fam->file, 0, "section %s is not a child of the root in %s", fam->section,
            qs_xsd_source);
    return;
  }
  for (const qs_elem *e = fam->elems; e->xsd; e++)
    check_elem(qe, fam, e);
  for (const char *const *h = fam->by_hand; h && *h; h++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", fam->section, *h);
    if (!xsd_elem(path))
      problem(fam->file, 0,
              "section %s: %s is said to be read by hand, but %s declares no "
              "such element there",
              fam->section, *h, qs_xsd_source);
  }
  for (int i = 0; qs_xsd_elems[i]; i++) {
    const char *name = child_of(qs_xsd_elems[i], fam->section);
    if (name && !in_family(fam, name))
      problem(qs_xsd_source, qs_xsd_elems[i]->line,
              "element %s has no importer: add it to the table of %s (or read it by hand and "
              "list it in the family's by_hand)",
              qs_xsd_elems[i]->path, fam->file);
  }
}

/* The rules to load: every *.clp of dir in byte order of the names, or the built-in ones. */
static int read_rules(const char *dir) {
  if (!dir) {
    size_t n = 0;
    while (qs_builtin_rules[n].name)
      n++;
    rules = qs_xcalloc(n ? n : 1, sizeof *rules);
    for (const qs_builtin_file *f = qs_builtin_rules; f->name; f++)
      rules[n_rules++] = (rules_file){qs_xstrdup(f->name), qs_xstrdup(f->data)};
    return 0;
  }
  char **names;
  long listed = qs_dir_names(dir, ".clp", &names);
  if (listed < 0) {
    perror(dir);
    return -1;
  }
  size_t n = (size_t)listed;
  rules = qs_xcalloc(n ? n : 1, sizeof *rules);
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    qs_buf path = {0};
    qs_buf_addf(&path, "%s/%s", dir, names[i]);
    char *data;
    size_t len;
    int err_no = 0;
    qs_status rs = bad ? QS_OK : qs_read_file(path.s, 16u << 20, &data, &len, &err_no);
    if (rs != QS_OK) {
      fprintf(stderr, "%s: %s\n", path.s,
              rs == QS_E_SYSTEM ? strerror(err_no) : "not a regular file of at most 16 MiB");
      bad = 1;
    }
    if (!bad)
      rules[n_rules++] = (rules_file){qs_buf_take(&path), data};
    else
      qs_buf_free(&path);
    free(names[i]);
  }
  free(names);
  return bad ? -1 : 0;
}

static void free_rules(void) {
  for (size_t i = 0; i < n_rules; i++) {
    free(rules[i].path);
    free(rules[i].text);
  }
  free(rules);
}

int main(int argc, char **argv) {
  if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
    fprintf(stderr, "usage: checkmodel [RULES_DIR]\n");
    return 2;
  }
  if (argc == 2)
    rules_dir = argv[1];
  qs_env *qe = qs_env_new();
  if (!qe || read_rules(argc == 2 ? argv[1] : NULL) != 0) {
    qs_env_free(qe);
    free_rules();
    return 1;
  }
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  int bad = 0;
  for (size_t i = 0; i < n_rules && !bad; i++)
    bad = qs_env_load(qe, rules[i].path, rules[i].text, &d) != 0;
  if (bad) {
    qs_diag_print(&d, stderr);
    fprintf(stderr, "checkmodel: the rules do not load\n");
    qs_diag_free(&d);
    qs_env_free(qe);
    free_rules();
    return 1;
  }
  qs_diag_free(&d);
  qs_env_main_module(qe);

  /* Every section of the schema (a child of the root) has a family. */
  for (int i = 0; qs_xsd_elems[i]; i++) {
    const qs_xsd_elem *x = qs_xsd_elems[i];
    if (strchr(x->path, '/'))
      continue;
    int found = 0;
    for (int k = 0; qs_families[k] && !found; k++)
      found = strcmp(qs_families[k]->section, x->path) == 0;
    if (!found)
      problem(qs_xsd_source, x->line,
              "section %s has no importer family (importers/import.c, qs_families)", x->path);
  }
  int n_families = 0;
  for (int k = 0; qs_families[k]; k++, n_families++)
    check_family(qe, qs_families[k]);
  qs_env_free(qe);
  free_rules();
  if (problems) {
    fprintf(stderr, "checkmodel: %d problem%s between %s, the importer's tables and %s\n", problems,
            problems == 1 ? "" : "s", qs_xsd_source, rules_dir);
    return 1;
  }
  printf("checkmodel: %d families, %d elements, %d attributes agree with %s and %s\n", n_families,
         n_elems, n_attrs, qs_xsd_source, rules_dir);
  return 0;
}
