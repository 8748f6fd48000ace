/* xsdlayout.c -- build tool: the intake workbook's layout from the submission schema.
 *
 *   xsdlayout SCHEMA.xsd OUT.c
 *
 * A sibling of xsdmodel.c: reads the schema as a document and walks the element declarations
 * from the root, writing one qs_lnode (intake/qs_layout.h) per declaration with its Chinese
 * label (xs:annotation/xs:appinfo/qs:label xml:lang="zh"), its occurrences (a repeated element
 * is a sheet's row, the rest is flattened into the parent's row), its attributes (type, use,
 * default, enumeration values with their labels, the element a reference names, from the
 * schema's xs:keyref and xs:key) and its text. Every element, attribute and enumeration value
 * the workbook shows must have a label: a missing one stops the build with the schema's file
 * and line, as does a label shared by two sheets or two columns of one sheet, or two values of
 * one dropdown. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LABEL_NS "urn:qscore:labels"
#define MAX 4096
#define MAX_DEPTH 32

#define XSD_TOOL "xsdlayout"
#include "xsd_read.h"

static FILE *out;
static int serial;
static char *bool_true, *bool_false;

/* The zh label of a schema component (its xs:annotation/xs:appinfo/qs:label), or NULL. */
static char *label_of(xmlNode *n) {
  for (xmlNode *a = n->children; a; a = a->next) {
    if (!is_xs(a, "annotation"))
      continue;
    for (xmlNode *i = a->children; i; i = i->next) {
      if (!is_xs(i, "appinfo"))
        continue;
      for (xmlNode *l = i->children; l; l = l->next) {
        if (l->type != XML_ELEMENT_NODE || !l->ns ||
            strcmp((const char *)l->ns->href, LABEL_NS) != 0 ||
            strcmp((const char *)l->name, "label") != 0)
          continue;
        xmlChar *lang = xmlNodeGetLang(l);
        int zh = lang && strcmp((const char *)lang, "zh") == 0;
        xmlFree(lang);
        if (zh)
          return (char *)xmlNodeGetContent(l);
      }
    }
  }
  return NULL;
}

static char *need_label(xmlNode *n, const char *what) {
  char *l = label_of(n);
  if (!l || !*l)
    fail(n, "%s has no qs:label xml:lang=\"zh\" in its xs:appinfo", what);
  return l;
}

static void c_string(const char *s) {
  if (!s) {
    fputs("NULL", out);
    return;
  }
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\')
      fputc('\\', out);
    fputc(*s, out);
  }
  fputc('"', out);
}

/* ------------------------------------------------------------------ simple types */

typedef struct {
  char builtin[64];
  char base[64]; /* the first named type of the schema on the way ("Date"), or "" */
  xmlNode *enums[64];
  int n_enums;
} simple;

static void simple_of_node(xmlNode *st, simple *s, int depth);

static void simple_of_qname(xmlNode *at, const char *type, simple *s, int depth) {
  if (depth > MAX_DEPTH)
    fail(at, "simple types nest too deep");
  qname q = split(at, type);
  if (q.builtin) {
    snprintf(s->builtin, sizeof s->builtin, "%s", q.local);
    return;
  }
  if (!s->base[0])
    snprintf(s->base, sizeof s->base, "%s", q.local);
  simple_of_node(global(at, "simpleType", q.local), s, depth + 1);
}

static void simple_of_node(xmlNode *st, simple *s, int depth) {
  xmlNode *r = first_xs(st, "restriction");
  if (!r)
    fail(st, "a simple type that is not a restriction is not understood");
  /* The outermost enumeration wins (a restriction of an enumeration narrows it). */
  if (s->n_enums == 0)
    for (xmlNode *c = r->children; c; c = c->next)
      if (is_xs(c, "enumeration")) {
        if (s->n_enums == 64)
          fail(c, "more than 64 values");
        s->enums[s->n_enums++] = c;
      }
  char *base = prop(r, "base");
  if (base)
    simple_of_qname(r, base, s, depth + 1);
  else if (first_xs(r, "simpleType"))
    simple_of_node(first_xs(r, "simpleType"), s, depth + 1);
  else
    fail(r, "a restriction without a base");
  xmlFree(base);
}

static const char *ltype(xmlNode *at, const simple *s) {
  static const char *const ints[] = {
      "integer", "nonNegativeInteger", "positiveInteger", "long", "int",
      "short",   "unsignedInt",        "unsignedShort",   NULL};
  const char *b = s->builtin;
  if (s->n_enums)
    return "QL_ENUM";
  for (int i = 0; ints[i]; i++)
    if (strcmp(b, ints[i]) == 0)
      return "QL_INT";
  if (strcmp(b, "ID") == 0)
    return "QL_ID";
  if (strcmp(b, "token") == 0 || strcmp(b, "NCName") == 0 || strcmp(b, "anyURI") == 0 ||
      strcmp(b, "Name") == 0 || strcmp(b, "NMTOKEN") == 0)
    return "QL_TOKEN";
  if (strcmp(b, "string") == 0 || strcmp(b, "normalizedString") == 0)
    return "QL_STR";
  if (strcmp(b, "decimal") == 0)
    return "QL_DEC";
  if (strcmp(b, "boolean") == 0)
    return "QL_BOOL";
  if (strcmp(b, "date") == 0)
    return "QL_DATE";
  fail(at, "no column type for the built-in type xs:%s", b);
  return NULL;
}

/* ------------------------------------------------------------------ keyrefs */

typedef struct {
  char attr[64];
  char steps[8][64]; /* the last step of each alternative of the selector ("*" any) */
  int n_steps;
  char target[256]; /* the key's element path */
} keyref;
static keyref keyrefs[32];
static int n_keyrefs;

static void strip_prefixes(const char *in, char *outp, size_t n) {
  size_t k = 0;
  for (const char *p = in; *p && k + 1 < n; p++) {
    if (*p == ':') { /* drop the prefix just written */
      while (k > 0 && outp[k - 1] != '/' && outp[k - 1] != '|')
        k--;
      continue;
    }
    outp[k++] = *p;
  }
  outp[k] = '\0';
}

static void read_keyrefs(xmlNode *root_el) {
  for (xmlNode *k = root_el->children; k; k = k->next) {
    if (!is_xs(k, "keyref"))
      continue;
    if (n_keyrefs == 32)
      fail(k, "more than 32 keyrefs");
    keyref *r = &keyrefs[n_keyrefs++];
    char *refer = prop(k, "refer");
    qname q = split(k, refer);
    xmlNode *key = NULL;
    for (xmlNode *c = root_el->children; c; c = c->next) {
      char *n = is_xs(c, "key") ? prop(c, "name") : NULL;
      if (n && strcmp(n, q.local) == 0)
        key = c;
      xmlFree(n);
    }
    if (!key)
      fail(k, "no key %s", refer);
    char *ksel = prop(first_xs(key, "selector"), "xpath");
    strip_prefixes(ksel, r->target, sizeof r->target);
    char *sel = prop(first_xs(k, "selector"), "xpath");
    char *field = prop(first_xs(k, "field"), "xpath");
    if (!field || field[0] != '@')
      fail(k, "a keyref field that is not an attribute");
    snprintf(r->attr, sizeof r->attr, "%s", field + 1);
    char plain[512];
    strip_prefixes(sel, plain, sizeof plain);
    for (char *alt = strtok(plain, "|"); alt && r->n_steps < 8; alt = strtok(NULL, "|")) {
      const char *last = strrchr(alt, '/');
      snprintf(r->steps[r->n_steps++], 64, "%s", last ? last + 1 : alt);
    }
    xmlFree(refer);
    xmlFree(ksel);
    xmlFree(sel);
    xmlFree(field);
  }
}

static const char *refers_of(const char *elem, const char *attr) {
  for (int i = 0; i < n_keyrefs; i++) {
    if (strcmp(keyrefs[i].attr, attr) != 0)
      continue;
    for (int s = 0; s < keyrefs[i].n_steps; s++)
      if (strcmp(keyrefs[i].steps[s], "*") == 0 || strcmp(keyrefs[i].steps[s], elem) == 0)
        return keyrefs[i].target;
  }
  return NULL;
}

/* ------------------------------------------------------------------ attributes */

/* Writes an attribute (or an element's text: a NULL name) as a qs_lattr initializer into buf.
 * Enumerations are written before, as their own arrays. */
static void write_enums(xmlNode *at, const simple *s, int id, const char *what) {
  fprintf(out, "static const qs_lenum e%d[] = {\n", id);
  for (int i = 0; i < s->n_enums; i++) {
    char *v = prop(s->enums[i], "value");
    char *l = need_label(s->enums[i], what);
    for (int j = 0; j < i; j++) {
      char *l2 = label_of(s->enums[j]);
      if (l2 && strcmp(l, l2) == 0)
        fail(s->enums[i], "two values of %s have the label %s", what, l);
      xmlFree(l2);
    }
    fputs("    {", out);
    c_string(v);
    fputs(", ", out);
    c_string(l);
    fputs("},\n", out);
    xmlFree(v);
    xmlFree(l);
  }
  (void)at;
  fputs("};\n", out);
}

typedef struct {
  char text[MAX];
} initbuf;

static void attr_init(initbuf *b, xmlNode *a, const char *elem, const char *name, const char *label,
                      const simple *s, int required, const char *deflt) {
  const char *t = ltype(a, s);
  char enums[64] = "NULL, 0";
  const char *fixed = NULL;
  char fixed_buf[128];
  if (strcmp(t, "QL_ENUM") == 0) {
    int id = serial++;
    write_enums(a, s, id, name ? name : elem);
    snprintf(enums, sizeof enums, "e%d, %d", id, s->n_enums);
    if (required && s->n_enums == 1) {
      char *v = prop(s->enums[0], "value");
      snprintf(fixed_buf, sizeof fixed_buf, "%s", v);
      xmlFree(v);
      fixed = fixed_buf;
    }
  } else if (strcmp(t, "QL_BOOL") == 0) {
    int id = serial++;
    fprintf(out, "static const qs_lenum e%d[] = {{\"true\", ", id);
    c_string(bool_true);
    fputs("}, {\"false\", ", out);
    c_string(bool_false);
    fputs("}};\n", out);
    snprintf(enums, sizeof enums, "e%d, 2", id);
  }
  const char *refers = name ? refers_of(elem, name) : NULL;
  if (strcmp(t, "QL_TOKEN") == 0 && refers)
    t = "QL_REF";
  /* {name, label, type, required, deflt, fixed, enums, n, refers, base} */
  char q[6][600];
  const char *vals[6] = {name, label, deflt, fixed, refers, s->base};
  for (int i = 0; i < 6; i++) {
    if (!vals[i]) {
      snprintf(q[i], sizeof q[i], "NULL");
      continue;
    }
    size_t k = 0;
    q[i][k++] = '"';
    for (const char *p = vals[i]; *p && k + 3 < sizeof q[i]; p++) {
      if (*p == '"' || *p == '\\')
        q[i][k++] = '\\';
      q[i][k++] = *p;
    }
    q[i][k++] = '"';
    q[i][k] = '\0';
  }
  snprintf(b->text, sizeof b->text, "{%s, %s, %s, %d, %s, %s, %s, %s, %s}", q[0], q[1], t, required,
           q[2], q[3], enums, q[4], q[5]);
}

/* ------------------------------------------------------------------ complex types */

typedef struct {
  initbuf attrs[64];
  int n_attrs;
  char names[64][64];
  xmlNode *children[64];
  int child_min[64], child_max[64];
  int n_children;
  int has_text;
  initbuf text;
} content;

static void add_attr(content *c, xmlNode *a, const char *elem) {
  char *name = prop(a, "name");
  if (!name)
    fail(a, "an attribute reference (ref=) is not understood");
  if (c->n_attrs == 64)
    fail(a, "more than 64 attributes");
  simple s;
  memset(&s, 0, sizeof s);
  char *type = prop(a, "type");
  if (type)
    simple_of_qname(a, type, &s, 0);
  else if (first_xs(a, "simpleType"))
    simple_of_node(first_xs(a, "simpleType"), &s, 0);
  else
    fail(a, "an attribute without a type");
  char *use = prop(a, "use");
  char *deflt = prop(a, "default");
  char *label = need_label(a, name);
  for (int i = 0; i < c->n_attrs; i++)
    if (strcmp(c->names[i], name) == 0)
      fail(a, "attribute %s declared twice", name);
  snprintf(c->names[c->n_attrs], 64, "%s", name);
  attr_init(&c->attrs[c->n_attrs++], a, elem, name, label, &s, use && strcmp(use, "required") == 0,
            deflt);
  xmlFree(name);
  xmlFree(type);
  xmlFree(use);
  xmlFree(deflt);
  xmlFree(label);
}

static int occurs(xmlNode *n, const char *which, int dflt) {
  char *v = prop(n, which);
  int r = !v ? dflt : strcmp(v, "unbounded") == 0 ? -1 : atoi(v);
  xmlFree(v);
  return r;
}

static int mul(int a, int b) { return a < 0 || b < 0 ? -1 : a * b; }

static void complex_of_node(xmlNode *ct, content *c, const char *elem, const char *elem_label,
                            int depth);

static void particles(xmlNode *group, content *c, int gmin, int gmax) {
  int alts = 0;
  for (xmlNode *p = group->children; p; p = p->next)
    alts += is_xs(p, NULL) && !is_xs(p, "annotation");
  int choice = is_xs(group, "choice") && alts > 1;
  for (xmlNode *p = group->children; p; p = p->next) {
    if (!is_xs(p, NULL) || is_xs(p, "annotation"))
      continue;
    int mn = mul(occurs(p, "minOccurs", 1), gmin), mx = mul(occurs(p, "maxOccurs", 1), gmax);
    if (choice)
      mn = 0;
    if (is_xs(p, "element")) {
      if (c->n_children == 64)
        fail(p, "more than 64 child elements");
      c->children[c->n_children] = p;
      c->child_min[c->n_children] = mn;
      c->child_max[c->n_children++] = mx;
    } else if (is_xs(p, "sequence") || is_xs(p, "choice") || is_xs(p, "all")) {
      particles(p, c, mn, mx);
    } else {
      fail(p, "xs:%s in a content model is not understood", (const char *)p->name);
    }
  }
}

static void extension(xmlNode *ext, content *c, const char *elem, const char *elem_label, int depth,
                      int simple_content) {
  char *base = prop(ext, "base");
  if (!base)
    fail(ext, "an extension without a base");
  qname q = split(ext, base);
  xmlNode *ct = q.builtin ? NULL : find_global("complexType", q.local);
  if (ct) {
    complex_of_node(ct, c, elem, elem_label, depth + 1);
  } else if (simple_content) {
    simple s;
    memset(&s, 0, sizeof s);
    simple_of_qname(ext, base, &s, 0);
    char *l = label_of(ext);
    attr_init(&c->text, ext, elem, NULL, l ? l : elem_label, &s, 1, NULL);
    c->has_text = 1;
    xmlFree(l);
  }
  xmlFree(base);
  complex_of_node(ext, c, elem, elem_label, depth + 1);
}

static void complex_of_node(xmlNode *ct, content *c, const char *elem, const char *elem_label,
                            int depth) {
  if (depth > MAX_DEPTH)
    fail(ct, "complex types nest too deep");
  for (xmlNode *n = ct->children; n; n = n->next) {
    if (!is_xs(n, NULL) || is_xs(n, "annotation"))
      continue;
    if (is_xs(n, "attribute"))
      add_attr(c, n, elem);
    else if (is_xs(n, "sequence") || is_xs(n, "choice") || is_xs(n, "all"))
      particles(n, c, occurs(n, "minOccurs", 1), occurs(n, "maxOccurs", 1));
    else if (is_xs(n, "complexContent") || is_xs(n, "simpleContent")) {
      xmlNode *ext = first_xs(n, "extension");
      if (!ext)
        fail(n, "content that is not an extension is not understood");
      extension(ext, c, elem, elem_label, depth, is_xs(n, "simpleContent"));
    } else if (!is_xs(n, "unique") && !is_xs(n, "key") && !is_xs(n, "keyref"))
      fail(n, "xs:%s is not understood", (const char *)n->name);
  }
}

/* ------------------------------------------------------------------ the walk */

typedef struct {
  char key[256], label[256];
} sheet_seen;
static sheet_seen sheets[256];
static int n_sheets;

/* Writes the node (children first) and returns its number. */
static int walk(xmlNode *decl, const char *parent, int mn, int mx, int depth) {
  if (depth > MAX_DEPTH)
    fail(decl, "elements nest too deep");
  char *name = prop(decl, "name");
  if (!name)
    fail(decl, "an element reference (ref=) is not understood");
  char path[1024];
  if (parent)
    snprintf(path, sizeof path, "%s%s%s", parent, parent[0] ? "/" : "", name);
  else
    path[0] = '\0';
  char *label = need_label(decl, name);
  content *c = calloc(1, sizeof *c);
  if (!c)
    exit(1);
  char *type = prop(decl, "type");
  char sheet[256] = "";
  if (type) {
    qname q = split(decl, type);
    xmlNode *ct = q.builtin ? NULL : find_global("complexType", q.local);
    if (ct) {
      complex_of_node(ct, c, name, label, 0);
      snprintf(sheet, sizeof sheet, "%s:%s", name, q.local);
    } else {
      simple s;
      memset(&s, 0, sizeof s);
      simple_of_qname(decl, type, &s, 0);
      attr_init(&c->text, decl, name, NULL, label, &s, 1, NULL);
      c->has_text = 1;
    }
  } else if (first_xs(decl, "complexType")) {
    complex_of_node(first_xs(decl, "complexType"), c, name, label, 0);
  }
  if (!sheet[0])
    snprintf(sheet, sizeof sheet, "%s", path);
  int row = mx < 0 || mx > 1;
  if (row) {
    int found = 0;
    for (int i = 0; i < n_sheets; i++) {
      if (strcmp(sheets[i].key, sheet) == 0) {
        if (strcmp(sheets[i].label, label) != 0)
          fail(decl, "%s: the sheet %s is labelled both %s and %s", path, sheet, sheets[i].label,
               label);
        found = 1;
      } else if (strcmp(sheets[i].label, label) == 0) {
        fail(decl, "%s: the label %s names the sheet %s too", path, label, sheets[i].key);
      }
    }
    if (!found && n_sheets < 256) {
      snprintf(sheets[n_sheets].key, sizeof sheets[n_sheets].key, "%s", sheet);
      snprintf(sheets[n_sheets++].label, sizeof sheets[0].label, "%s", label);
    }
  }
  int kids[64];
  for (int i = 0; i < c->n_children; i++)
    kids[i] = walk(c->children[i], parent ? path : "", c->child_min[i], c->child_max[i], depth + 1);
  int id = serial++;
  if (c->n_attrs) {
    fprintf(out, "static const qs_lattr a%d[] = {\n", id);
    for (int i = 0; i < c->n_attrs; i++)
      fprintf(out, "    %s,\n", c->attrs[i].text);
    fputs("};\n", out);
  }
  if (c->has_text)
    fprintf(out, "static const qs_lattr t%d = %s;\n", id, c->text.text);
  if (c->n_children) {
    fprintf(out, "static const qs_lnode *const c%d[] = {", id);
    for (int i = 0; i < c->n_children; i++)
      fprintf(out, "%s&n%d", i ? ", " : "", kids[i]);
    fputs("};\n", out);
  }
  if (parent)
    fprintf(out, "static const qs_lnode n%d = {", id);
  else
    fputs("const qs_lnode qs_layout_root = {", out);
  c_string(name);
  fputs(", ", out);
  c_string(path);
  fputs(", ", out);
  c_string(label);
  fputs(", ", out);
  c_string(row ? sheet : NULL);
  fprintf(out, ", %d, %d, ", mn, mx);
  if (c->n_attrs)
    fprintf(out, "a%d, %d, ", id, c->n_attrs);
  else
    fputs("NULL, 0, ", out);
  if (c->has_text)
    fprintf(out, "&t%d, ", id);
  else
    fputs("NULL, ", out);
  if (c->n_children)
    fprintf(out, "c%d, %d};\n", id, c->n_children);
  else
    fputs("NULL, 0};\n", out);
  xmlFree(name);
  xmlFree(label);
  xmlFree(type);
  free(c);
  return id;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: xsdlayout SCHEMA.xsd OUT.c\n");
    return 2;
  }
  schema_path = argv[1];
  doc = xmlReadFile(schema_path, NULL, XML_PARSE_NONET);
  if (!doc) {
    fprintf(stderr, "%s: xsdlayout: not readable as XML\n", schema_path);
    return 1;
  }
  xmlNode *root = xmlDocGetRootElement(doc);
  if (!root || !is_xs(root, "schema"))
    fail(root, "not an XML schema");
  /* The two words of a boolean column. */
  for (xmlNode *a = root->children; a && !bool_true; a = a->next)
    if (is_xs(a, "annotation"))
      for (xmlNode *i = a->children; i; i = i->next)
        if (is_xs(i, "appinfo"))
          for (xmlNode *l = i->children; l; l = l->next)
            if (l->type == XML_ELEMENT_NODE && strcmp((const char *)l->name, "boolean") == 0) {
              bool_true = prop(l, "true");
              bool_false = prop(l, "false");
            }
  if (!bool_true || !bool_false)
    fail(root, "no qs:boolean true=\"...\" false=\"...\" in the schema's xs:appinfo");
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
  out = fopen(tmp, "w");
  if (!out) {
    perror("xsdlayout");
    return 1;
  }
  fprintf(out, "/* Generated by tools/xsdlayout.c from %s: do not edit. */\n", schema_path);
  fputs("#include \"qs_layout.h\"\n\n", out);
  xmlNode *decl = NULL;
  for (xmlNode *c = root->children; c; c = c->next)
    if (is_xs(c, "element")) {
      if (decl)
        fail(c, "more than one global element");
      decl = c;
    }
  if (!decl)
    fail(root, "no global element");
  read_keyrefs(decl);
  walk(decl, NULL, 1, 1, 0);
  int bad = ferror(out) != 0;
  bad |= fclose(out) != 0;
  if (bad || rename(tmp, argv[2]) != 0) {
    perror("xsdlayout");
    return 1;
  }
  xmlFreeDoc(doc);
  return 0;
}
