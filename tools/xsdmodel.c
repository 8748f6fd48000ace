/* xsdmodel.c -- build tool: the evidence model from the submission schema.
 *
 *   xsdmodel SCHEMA.xsd OUT.c OUT.h
 *
 * Reads the schema as a document (libxml2's tree; its schema compiler keeps what it learns to
 * itself) and walks the element declarations from the root: each element's attributes, with
 * those of the types it extends first, and the kind of value each holds (importers/qs_model.h,
 * qs_atype), from the built-in type its type restricts and whether it is an enumeration.
 * Writes one qs_xsd_elem per element path (qs_xsd_<path>) to OUT.c, their declarations to
 * OUT.h. The importer's tables name these, so the attributes an element has and how each is
 * converted are written once, in the schema (docs/ARCHITECTURE.md, "The evidence model").
 *
 * Only the constructs the schema uses are understood: named and anonymous simple types
 * restricting a built-in type, complex types with attributes, sequences, choices, simple and
 * complex content extending another type. Anything else (a reference to a global attribute or
 * element, an attribute group, a union, a restriction of complex content) stops the tool with
 * the schema's file and line, rather than being read wrong. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ATTRS 64
#define MAX_ELEMS 1024
#define MAX_DEPTH 32

#define XSD_TOOL "xsdmodel"
#include "xsd_read.h"

/* ------------------------------------------------------------------ simple types */

typedef struct {
  char builtin[64]; /* the built-in type restricted in the end */
  int enumeration;
} simple;

static void simple_of_node(xmlNode *st, simple *out, int depth);

static void simple_of_qname(xmlNode *at, const char *type, simple *out, int depth) {
  if (depth > MAX_DEPTH)
    fail(at, "simple types nest too deep");
  qname q = split(at, type);
  if (q.builtin) {
    snprintf(out->builtin, sizeof out->builtin, "%s", q.local);
    return;
  }
  simple_of_node(global(at, "simpleType", q.local), out, depth + 1);
}

static void simple_of_node(xmlNode *st, simple *out, int depth) {
  xmlNode *r = first_xs(st, "restriction");
  if (!r)
    fail(st, "a simple type that is not a restriction (union or list) is not understood");
  for (xmlNode *c = r->children; c; c = c->next)
    if (is_xs(c, "enumeration"))
      out->enumeration = 1;
  char *base = prop(r, "base");
  if (base)
    simple_of_qname(r, base, out, depth + 1);
  else if (first_xs(r, "simpleType"))
    simple_of_node(first_xs(r, "simpleType"), out, depth + 1);
  else
    fail(r, "a restriction without a base");
  xmlFree(base);
}

static const char *kind_of(xmlNode *at, const simple *s) {
  static const char *const ints[] = {"integer",
                                     "nonNegativeInteger",
                                     "positiveInteger",
                                     "nonPositiveInteger",
                                     "negativeInteger",
                                     "long",
                                     "int",
                                     "short",
                                     "byte",
                                     "unsignedLong",
                                     "unsignedInt",
                                     "unsignedShort",
                                     "unsignedByte",
                                     NULL};
  static const char *const collapsed[] = {"token",  "NCName", "Name",     "NMTOKEN",
                                          "anyURI", "IDREF",  "language", NULL};
  const char *b = s->builtin;
  if (s->enumeration)
    return "QA_SYM";
  for (int i = 0; ints[i]; i++)
    if (strcmp(b, ints[i]) == 0)
      return "QA_INT";
  for (int i = 0; collapsed[i]; i++)
    if (strcmp(b, collapsed[i]) == 0)
      return "QA_REF";
  if (strcmp(b, "string") == 0 || strcmp(b, "normalizedString") == 0)
    return "QA_STR";
  if (strcmp(b, "decimal") == 0 || strcmp(b, "double") == 0 || strcmp(b, "float") == 0)
    return "QA_FLOAT";
  if (strcmp(b, "boolean") == 0)
    return "QA_BOOL";
  if (strcmp(b, "date") == 0)
    return "QA_DATE";
  if (strcmp(b, "ID") == 0)
    return "QA_ID";
  fail(at, "no slot kind for the built-in type xs:%s", b);
  return NULL;
}

/* ------------------------------------------------------------------ complex types */

typedef struct {
  char *name;
  const char *kind;
  long line;
} attr;

typedef struct {
  attr attrs[MAX_ATTRS];
  int n_attrs;
  xmlNode *children[MAX_ATTRS]; /* element declarations of the content, in order */
  int n_children;
} content;

static void add_attr(content *c, xmlNode *a) {
  char *name = prop(a, "name");
  if (!name)
    fail(a, "an attribute reference (ref=) is not understood");
  for (int i = 0; i < c->n_attrs; i++)
    if (strcmp(c->attrs[i].name, name) == 0)
      fail(a, "attribute %s declared twice for one element", name);
  if (c->n_attrs == MAX_ATTRS)
    fail(a, "more than %d attributes", MAX_ATTRS);
  simple s = {{0}, 0};
  char *type = prop(a, "type");
  if (type)
    simple_of_qname(a, type, &s, 0);
  else if (first_xs(a, "simpleType"))
    simple_of_node(first_xs(a, "simpleType"), &s, 0);
  else
    snprintf(s.builtin, sizeof s.builtin, "anySimpleType");
  xmlFree(type);
  c->attrs[c->n_attrs++] = (attr){name, kind_of(a, &s), xmlGetLineNo(a)};
}

static void add_child(content *c, xmlNode *el) {
  if (c->n_children == MAX_ATTRS)
    fail(el, "more than %d child elements", MAX_ATTRS);
  c->children[c->n_children++] = el;
}

static void complex_of_node(xmlNode *ct, content *c, int depth);

/* The particles of a sequence, choice or all: element declarations, nested groups. */
static void particles(xmlNode *group, content *c) {
  for (xmlNode *p = group->children; p; p = p->next) {
    if (!is_xs(p, NULL) || is_xs(p, "annotation"))
      continue;
    if (is_xs(p, "element")) {
      char *name = prop(p, "name");
      if (!name)
        fail(p, "an element reference (ref=) is not understood");
      xmlFree(name);
      add_child(c, p);
    } else if (is_xs(p, "sequence") || is_xs(p, "choice") || is_xs(p, "all")) {
      particles(p, c);
    } else {
      fail(p, "xs:%s in a content model is not understood", (const char *)p->name);
    }
  }
}

/* The content of an extension: the base type's (a named complex type's attributes and
 * elements, or nothing for a simple base), then its own. */
static void extension(xmlNode *ext, content *c, int depth) {
  char *base = prop(ext, "base");
  if (!base)
    fail(ext, "an extension without a base");
  qname q = split(ext, base);
  if (!q.builtin) {
    xmlNode *ct = find_global("complexType", q.local);
    if (ct)
      complex_of_node(ct, c, depth + 1);
    else
      (void)global(ext, "simpleType", q.local); /* a simple base: no attributes, no elements */
  }
  xmlFree(base);
  complex_of_node(ext, c, depth + 1);
}

static void complex_of_node(xmlNode *ct, content *c, int depth) {
  if (depth > MAX_DEPTH)
    fail(ct, "complex types nest too deep");
  for (xmlNode *n = ct->children; n; n = n->next) {
    if (!is_xs(n, NULL) || is_xs(n, "annotation"))
      continue;
    if (is_xs(n, "attribute")) {
      add_attr(c, n);
    } else if (is_xs(n, "sequence") || is_xs(n, "choice") || is_xs(n, "all")) {
      particles(n, c);
    } else if (is_xs(n, "complexContent") || is_xs(n, "simpleContent")) {
      xmlNode *ext = first_xs(n, "extension");
      if (!ext)
        fail(n, "content that is not an extension (a restriction) is not understood");
      extension(ext, c, depth);
    } else if (is_xs(n, "anyAttribute") || is_xs(n, "attributeGroup") || is_xs(n, "group") ||
               is_xs(n, "any")) {
      fail(n, "xs:%s is not understood", (const char *)n->name);
    }
  }
}

/* ------------------------------------------------------------------ the walk */

typedef struct {
  char *path, *name, *symbol;
  content c;
  long line;
} elem;

static elem elems[MAX_ELEMS];
static int n_elems;

static char *symbol_of(const char *path) {
  size_t n = strlen("qs_xsd_") + strlen(path) + 1;
  char *s = malloc(n);
  if (!s)
    exit(1);
  snprintf(s, n, "qs_xsd_%s", path);
  for (char *p = s; *p; p++)
    if (*p == '/' || *p == '-' || *p == '.')
      *p = '_';
  return s;
}

static void walk(xmlNode *decl, const char *parent, int depth) {
  if (depth > MAX_DEPTH)
    fail(decl, "elements nest too deep");
  char *name = prop(decl, "name");
  char path[1024];
  if (parent)
    snprintf(path, sizeof path, "%s%s%s", parent, parent[0] ? "/" : "", name);
  else
    path[0] = '\0'; /* the root itself is not an element of the model */
  content c;
  memset(&c, 0, sizeof c);
  char *type = prop(decl, "type");
  if (type) {
    qname q = split(decl, type);
    /* A named complex type; a simple one (a text-only element) has no attributes. */
    xmlNode *ct = q.builtin ? NULL : find_global("complexType", q.local);
    if (ct)
      complex_of_node(ct, &c, 0);
    else if (!q.builtin)
      (void)global(decl, "simpleType", q.local);
  } else if (first_xs(decl, "complexType")) {
    complex_of_node(first_xs(decl, "complexType"), &c, 0);
  }
  xmlFree(type);
  if (parent) {
    if (n_elems == MAX_ELEMS)
      fail(decl, "more than %d element paths", MAX_ELEMS);
    char *symbol = symbol_of(path);
    for (int i = 0; i < n_elems; i++)
      if (strcmp(elems[i].symbol, symbol) == 0)
        fail(decl, "element %s: its C name %s is that of %s too", path, symbol, elems[i].path);
    elems[n_elems++] = (elem){strdup(path), strdup(name), symbol, c, xmlGetLineNo(decl)};
  }
  for (int i = 0; i < c.n_children; i++)
    walk(c.children[i], parent ? path : "", depth + 1);
  xmlFree(name);
}

static void c_string(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\')
      fputc('\\', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

static int write_out(const char *c_path, const char *h_path) {
  char tmp_c[4096], tmp_h[4096];
  snprintf(tmp_c, sizeof tmp_c, "%s.tmp", c_path);
  snprintf(tmp_h, sizeof tmp_h, "%s.tmp", h_path);
  FILE *c = fopen(tmp_c, "w"), *h = fopen(tmp_h, "w");
  if (!c || !h) {
    perror("xsdmodel");
    return 1;
  }
  fprintf(c, "/* Generated by tools/xsdmodel.c from %s: do not edit. */\n", schema_path);
  fprintf(c, "#include \"qs_model.h\"\n\nconst char qs_xsd_source[] = ");
  c_string(c, schema_path);
  fputs(";\n", c);
  fprintf(h, "/* Generated by tools/xsdmodel.c from %s: do not edit. */\n", schema_path);
  fputs("#ifndef XSD_MODEL_H\n#define XSD_MODEL_H\n\n#include \"qs_model.h\"\n\n", h);
  for (int i = 0; i < n_elems; i++) {
    elem *e = &elems[i];
    if (e->c.n_attrs) {
      fprintf(c, "\nstatic const qs_xsd_attr a%d[] = {\n", i);
      for (int k = 0; k < e->c.n_attrs; k++) {
        fputs("    {", c);
        c_string(c, e->c.attrs[k].name);
        fprintf(c, ", %s, %ld},\n", e->c.attrs[k].kind, e->c.attrs[k].line);
      }
      fputs("};\n", c);
    }
    fprintf(c, "const qs_xsd_elem %s = {", e->symbol);
    c_string(c, e->path);
    fputs(", ", c);
    c_string(c, e->name);
    if (e->c.n_attrs)
      fprintf(c, ", a%d, %d, %ld};\n", i, e->c.n_attrs, e->line);
    else
      fprintf(c, ", 0, 0, %ld};\n", e->line);
    fprintf(h, "extern const qs_xsd_elem %s; /* %s */\n", e->symbol, e->path);
  }
  fputs("\nconst qs_xsd_elem *const qs_xsd_elems[] = {\n", c);
  for (int i = 0; i < n_elems; i++)
    fprintf(c, "    &%s,\n", elems[i].symbol);
  fputs("    0,\n};\n", c);
  fputs("\n#endif\n", h);
  int bad = ferror(c) || ferror(h);
  bad |= fclose(c) != 0;
  bad |= fclose(h) != 0;
  if (bad || rename(tmp_c, c_path) != 0 || rename(tmp_h, h_path) != 0) {
    perror("xsdmodel");
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: xsdmodel SCHEMA.xsd OUT.c OUT.h\n");
    return 2;
  }
  schema_path = argv[1];
  doc = xmlReadFile(schema_path, NULL, XML_PARSE_NONET);
  if (!doc) {
    fprintf(stderr, "%s: xsdmodel: not readable as XML\n", schema_path);
    return 1;
  }
  xmlNode *root = xmlDocGetRootElement(doc);
  if (!root || !is_xs(root, "schema"))
    fail(root, "not an XML schema");
  int roots = 0;
  for (xmlNode *c = root->children; c; c = c->next)
    if (is_xs(c, "element")) {
      walk(c, NULL, 0);
      roots++;
    }
  if (roots != 1)
    fail(root, "%d global elements; the model has one root", roots);
  int rc = write_out(argv[2], argv[3]);
  xmlFreeDoc(doc);
  return rc;
}
