/* test_metamorphic.c -- scores move the way evidence does (issue 13).
 *
 * For every bundled sample and every rule case (tests/cases), each evidence element (an
 * element with an id, other than an enterprise or the project) is taken away in turn, and the
 * variant is scored with the same rules and parameters. Two properties must hold for every
 * indicator of every variant:
 *
 *   monotone  withholding a piece of evidence never raises an indicator's points;
 *   no cliff  it lowers the indicator's band by at most one, unless the piece was the only
 *             evidence the indicator rested on (every reason of its band cites it).
 *
 * Adding a piece of positive evidence never lowering an indicator is the same property read
 * from the variant to the original. A variant that is no longer a valid submission (an item
 * another one refers to) is not a variant and is counted apart. Every violation is listed
 * (file, the element taken away, the indicator, before and after), so a failure says where. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/qs_util.h"
#include "helpers.h"

typedef struct {
  char **paths;
  size_t n;
} file_list;

/* The qscore-param processing instructions of a case. */
static qs_engine *engine_for(xmlDocPtr doc) {
  qs_engine *e = qs_test_engine();
  for (xmlNode *n = doc->children; n; n = n->next) {
    if (n->type != XML_PI_NODE || strcmp((const char *)n->name, "qscore-param") != 0)
      continue;
    qs_diag d;
    qs_diag_init(&d, QS_LANG_EN);
    const char *v = (const char *)n->content;
    cr_assert_eq(qs_engine_set_param(e, v, &d), 0, "qscore-param %s", v);
    qs_diag_free(&d);
  }
  return e;
}

static int is_evidence(xmlNode *n) {
  if (n->type != XML_ELEMENT_NODE || !xmlHasProp(n, (const xmlChar *)"id"))
    return 0;
  return strcmp((const char *)n->name, "enterprise") != 0 &&
         strcmp((const char *)n->name, "project") != 0;
}

static void evidence_nodes(xmlNode *n, xmlNode ***out, size_t *len, size_t *cap) {
  for (; n; n = n->next) {
    if (is_evidence(n)) {
      qs_grow(out, cap, *len + 1, sizeof **out);
      (*out)[(*len)++] = n;
    }
    evidence_nodes(n->children, out, len, cap);
  }
}

/* The path of element n among the elements of its document, as child indices: the same
 * element in a copy of the document. */
static size_t node_path(xmlNode *n, size_t *path, size_t max) {
  size_t depth = 0;
  for (xmlNode *p = n; p && p->type == XML_ELEMENT_NODE && depth < max; p = p->parent) {
    size_t i = 0;
    for (xmlNode *s = p->prev; s; s = s->prev)
      i++;
    path[depth++] = i;
  }
  return depth;
}

static xmlNode *follow(xmlDocPtr doc, const size_t *path, size_t depth) {
  xmlNode *n = xmlDocGetRootElement(doc);
  for (size_t d = depth - 1; d-- > 0;) {
    n = n->children;
    for (size_t i = 0; i < path[d] && n; i++)
      n = n->next;
  }
  return n;
}

/* The piece of evidence was the only evidence the indicator rested on: every reason of its
 * band (held conditions and placing factors) cites it. A measurement made of several series
 * (productivity: value added and employees) counts as one piece: without either series
 * there is no measurement, and the other series alone is no evidence. */
static int only_evidence(const qs_result *r, const char *id) {
  if (r->n_reasons == 0)
    return 0;
  for (size_t i = 0; i < r->n_reasons; i++) {
    int cites = 0;
    for (size_t k = 0; k < r->reasons[i].n_evidence && !cites; k++)
      cites = strcmp(r->reasons[i].evidence[k], id) == 0;
    if (!cites)
      return 0;
  }
  return 1;
}

typedef struct {
  size_t variants, invalid, rises, cliffs;
  qs_buf report;
} tally;

static void check_file(const char *path, tally *t) {
  size_t len;
  char *text = qs_test_slurp(path, &len);
  xmlDocPtr doc = xmlReadMemory(text, (int)len, path, NULL, XML_PARSE_NONET);
  cr_assert_not_null(doc, "%s", path);
  qs_engine *e = engine_for(doc);
  qs_report *orig;
  char *why = NULL;
  qs_status st = qs_test_score_text(e, path, text, &orig, &why);
  free(why);
  if (st != QS_OK) { /* a case about an invalid file */
    qs_engine_free(e);
    xmlFreeDoc(doc);
    free(text);
    return;
  }
  xmlNode **nodes = NULL;
  size_t n = 0, cap = 0;
  evidence_nodes(xmlDocGetRootElement(doc), &nodes, &n, &cap);
  for (size_t k = 0; k < n; k++) {
    xmlChar *id = xmlGetProp(nodes[k], (const xmlChar *)"id");
    size_t path_idx[64];
    size_t depth = node_path(nodes[k], path_idx, 64);
    xmlDocPtr copy = xmlCopyDoc(doc, 1);
    xmlNode *gone = follow(copy, path_idx, depth);
    cr_assert_not_null(gone);
    xmlUnlinkNode(gone);
    xmlFreeNode(gone);
    xmlChar *buf;
    int blen;
    xmlDocDumpMemory(copy, &buf, &blen);
    xmlFreeDoc(copy);
    qs_report *var;
    qs_diag d;
    qs_diag_init(&d, QS_LANG_EN);
    qs_status vs = qs_engine_score_buffer(e, path, (const char *)buf, (size_t)blen, &var, &d);
    qs_diag_free(&d);
    xmlFree(buf);
    if (vs != QS_OK) {
      t->invalid++;
      xmlFree(id);
      continue;
    }
    t->variants++;
    for (size_t i = 0; i < orig->n_results; i++) {
      const qs_result *a = &orig->results[i], *b = &var->results[i];
      if (b->points > a->points) {
        t->rises++;
        qs_buf_addf(&t->report, "rise   %s without %s: %s %d -> %d\n", path, (const char *)id,
                    a->def->id, a->points, b->points);
      }
      int only = only_evidence(a, (const char *)id);
      if (a->level - b->level >= 2 && !only) {
        t->cliffs++;
        qs_buf_addf(&t->report, "cliff  %s without %s: %s band %d (%d) -> %d (%d)\n", path,
                    (const char *)id, a->def->id, a->level, a->points, b->level, b->points);
      }
    }
    qs_report_free(var);
    xmlFree(id);
  }
  free(nodes);
  qs_report_free(orig);
  qs_engine_free(e);
  xmlFreeDoc(doc);
  free(text);
}

static void run(const char *dir, const char *what) {
  file_list fl = {0};
  fl.n = qs_test_xml_files(dir, &fl.paths);
  tally t = {0};
  qs_buf_add(&t.report, "");
  for (size_t i = 0; i < fl.n; i++) {
    check_file(fl.paths[i], &t);
    free(fl.paths[i]);
  }
  free(fl.paths);
  fprintf(stderr,
          "metamorphic %s: %zu files, %zu variants (%zu not valid without the element), "
          "%zu rises, %zu cliffs\n%s",
          what, fl.n, t.variants, t.invalid, t.rises, t.cliffs, t.report.s);
  cr_expect_eq(t.rises, 0, "%s: withholding evidence raised an indicator %zu times", what, t.rises);
  cr_expect_eq(t.cliffs, 0, "%s: one missing item cost two bands or more %zu times", what,
               t.cliffs);
  cr_expect(t.variants > 0);
  qs_buf_free(&t.report);
}

Test(metamorphic, samples, .timeout = 300) { run("samples", "samples"); }

Test(metamorphic, cases, .timeout = 600) { run("tests/cases", "cases"); }
