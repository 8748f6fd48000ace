/* xsd_read.h -- reading the submission schema, for the build tools that generate from it
 * (tools/xsdmodel.c: the evidence model; tools/xsdlayout.c: the intake workbook's layout).
 * Included once by each tool, after it defines XSD_TOOL (its name, for messages): the parsed
 * schema, a failure that names the schema's line and exits, and the walk over its
 * declarations (the XML Schema namespace, QNames split at their prefix, top-level
 * declarations by kind and name). */
#ifndef XSD_READ_H
#define XSD_READ_H

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XS_NS "http://www.w3.org/2001/XMLSchema"

static const char *schema_path;
static xmlDocPtr doc;

static void fail(xmlNode *at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s:%ld: %s: ", schema_path, at ? xmlGetLineNo(at) : 0L, XSD_TOOL);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static int is_xs(xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->ns->href, XS_NS) == 0 &&
         (!name || strcmp((const char *)n->name, name) == 0);
}

static char *prop(xmlNode *n, const char *name) {
  return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}

static xmlNode *first_xs(xmlNode *n, const char *name) {
  for (xmlNode *c = n->children; c; c = c->next)
    if (is_xs(c, name))
      return c;
  return NULL;
}

/* A QName of the schema split at its prefix: the built-in namespace or the target one. */
typedef struct {
  int builtin;
  const char *local;
} qname;

static qname split(xmlNode *at, const char *q) {
  const char *colon = strchr(q, ':');
  const char *local = colon ? colon + 1 : q;
  xmlNsPtr ns = NULL;
  if (colon) {
    char prefix[64];
    size_t n = (size_t)(colon - q);
    if (n >= sizeof prefix)
      fail(at, "prefix too long in %s", q);
    memcpy(prefix, q, n);
    prefix[n] = '\0';
    ns = xmlSearchNs(doc, at, (const xmlChar *)prefix);
  } else {
    ns = xmlSearchNs(doc, at, NULL);
  }
  if (!ns)
    fail(at, "no namespace for %s", q);
  return (qname){strcmp((const char *)ns->href, XS_NS) == 0, local};
}

/* A top-level declaration of the schema by kind and name, or NULL. */
static xmlNode *find_global(const char *kind, const char *name) {
  xmlNode *root = xmlDocGetRootElement(doc);
  for (xmlNode *c = root->children; c; c = c->next) {
    if (!is_xs(c, kind))
      continue;
    char *n = prop(c, "name");
    int same = n && strcmp(n, name) == 0;
    xmlFree(n);
    if (same)
      return c;
  }
  return NULL;
}

static xmlNode *global(xmlNode *at, const char *kind, const char *name) {
  xmlNode *g = find_global(kind, name);
  if (!g)
    fail(at, "no %s named %s", kind, name);
  return g;
}

#endif
