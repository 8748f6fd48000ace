/* qs_family.h -- what the importer modules share: the walk's state, the fact builder, and
 * the table that maps an element of one evidence family to its deftemplate.
 *
 * Most evidence is a flat element whose attributes become slots of the same names; a family
 * module lists its elements in a table (qs_elem) by their model in the schema (qs_model.h,
 * generated from schemas/submission-2025.xsd), which gives the attributes and their types, and
 * names only the exceptions: an attribute whose slot has another name, or one the table leaves
 * to code. It adds code only where an element needs more: a derived slot (a code's shape, a
 * credit code's check character) or child facts (members, results, yearly values).
 * tools/checkmodel.c checks every table against the schema and the deftemplates at build
 * time. */
#ifndef QS_FAMILY_H
#define QS_FAMILY_H

#include <libxml/tree.h>

#include "qs_import.h"
#include "qs_model.h"
#include "xsd_model.h"

typedef struct {
  qs_env *qe;
  const char *name;   /* file name for messages */
  qs_submission *sub; /* the importer's output besides the facts */
  qs_diag *d;
  int window_months;
  int split_months;         /* year-split-months: a cut year goes where this many months lie */
  int rate_months_min;      /* rate-months-min: the shortest period for section-1 rates */
  long win_start, win_end;  /* yyyymmdd; 0 before the project is read */
  int base_year, last_year; /* the year before the results (before work start, or the start's
                               own year when mostly over) and the last year mostly inside */
  long today;               /* yyyymmdd of the run; evidence dated later is "future" */
  int done_year;            /* the last year that is over (today's year - 1) */
  int rules_bad;
} qs_import;

/* Building one fact. Failures (a template or slot the rules do not define) set
 * im->rules_bad with a message; the walk goes on so that all such problems are listed. */
typedef struct {
  qs_import *im;
  const char *tmpl;
  void *fact;
} qs_fact;

int qs_fact_begin(qs_fact *f, qs_import *im, const char *tmpl);
void qs_fact_str(qs_fact *f, const char *slot, const char *v);
void qs_fact_sym(qs_fact *f, const char *slot, const char *v);
void qs_fact_int(qs_fact *f, const char *slot, long long v);
void qs_fact_float(qs_fact *f, const char *slot, double v);
void qs_fact_syms(qs_fact *f, const char *slot, char *const *v, size_t n); /* a multislot */
void qs_fact_assert(qs_fact *f); /* a duplicate fact is dropped silently */

/* An exception to "each attribute of the element becomes the slot of its name": the slot it
 * goes to instead, or NULL when the table does not put it at all (the element's extra hook
 * reads it and fills the slot itself). */
typedef struct {
  const char *attr, *slot;
} qs_attr;

typedef struct qs_elem {
  /* The element as the schema declares it: its name, which is its deftemplate's too, and
   * its attributes with their types. */
  const qs_xsd_elem *xsd;
  const qs_attr *except; /* NULL, or the exceptions, ending with {NULL} */
  /* Optional: more slots before the fact is asserted; child facts after it is. */
  void (*extra)(qs_import *im, xmlNode *el, qs_fact *f);
  void (*after)(qs_import *im, xmlNode *el, const char *id);
} qs_elem;

typedef struct {
  const char *section;  /* the container element's path in the schema, e.g. "standards" */
  const qs_elem *elems; /* ends with {NULL} */
  /* The section's other children, read by code of their own (the project's title, region
   * ...), ending with NULL; NULL when every child is in elems. */
  const char *const *by_hand;
  const char *file; /* the module (__FILE__), for the build-time check's messages */
} qs_family;

/* The slot an attribute of a table's element goes to: its own name, an exception's, or NULL
 * when the table does not put it (ids, which every element's fact has anyway, and the
 * exceptions without a slot). */
const char *qs_elem_slot(const qs_elem *e, const qs_xsd_attr *a);
/* How the attribute is put into that slot: as its schema type says, except that a date whose
 * slot is "date" is the item's own date (QA_WDATE: date, day, window). */
qs_atype qs_elem_atype(const qs_xsd_attr *a, const char *slot);

/* The attribute's value as in the tree (NULL when absent); trimmed copies where asked. */
const char *qs_attr_raw(xmlNode *n, const char *name);
char *qs_attr_trim(xmlNode *n, const char *name); /* NULL when absent; free it */
int qs_is_element(xmlNode *n, const char *name);  /* an element of the submission namespace */
long qs_line(xmlNode *n);

/* Assert one element through its table entry; records it in the evidence index. */
void qs_import_elem(qs_import *im, const qs_elem *e, xmlNode *el);
/* Child facts shared by several families. */
void qs_import_parties(qs_import *im, xmlNode *el, const char *id, const char *child,
                       const char *relation);
void qs_import_results(qs_import *im, xmlNode *el, const char *id);

/* An element's party children (members, participants, enterprises served) counted as the
 * party facts will be, identical children being one fact, for slots of the element's own
 * fact. The rules read these slots instead of searching every party fact for each element,
 * which compared every element with every party (10,000 alliances, 90,000 members: 900
 * million tests). */
typedef struct {
  long named;    /* distinct children with a ref or a name */
  long refs;     /* distinct refs (chain enterprises) */
  long sme_refs; /* distinct refs to enterprises of role sme */
  char **kinds;  /* the kinds of the named children, in order of first appearance */
  size_t n_kinds, cap_kinds;
} qs_parties;
void qs_parties_count(qs_import *im, xmlNode *el, const char *child, qs_parties *out);
void qs_parties_free(qs_parties *p);
/* The window slot for a yyyymmdd day: inside, before, after, or undated for 0. */
const char *qs_window_of(const qs_import *im, long day);

/* The families, in submission order. The project's table holds its evidence children
 * (chain-chief, chain-size); qs_import_project reads the rest. The enterprises and the
 * self-assessment have families without a table, which say that their children are read by
 * hand (tools/checkmodel.c then knows every section of the schema). */
void qs_import_project(qs_import *im, xmlNode *project);
void qs_import_enterprise(qs_import *im, xmlNode *enterprise);
void qs_import_self_assessment(qs_import *im, xmlNode *self_assessment);
extern const qs_family qs_family_project, qs_family_enterprises, qs_family_self_assessment,
    qs_family_mechanism, qs_family_survey, qs_family_infrastructure, qs_family_talent,
    qs_family_sme, qs_family_management, qs_family_metrics, qs_family_certifications,
    qs_family_standards, qs_family_brand, qs_family_capability;
/* Every family, in submission order, ending with NULL. */
extern const qs_family *const qs_families[];

#endif
