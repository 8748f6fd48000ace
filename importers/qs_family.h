/* qs_family.h -- what the importer modules share: the walk's state, the fact builder, and
 * the table that maps an element of one evidence family to its deftemplate.
 *
 * Most evidence is a flat element whose attributes become slots; a family module lists its
 * elements in a table (qs_elem) and adds code only where an element needs more: a derived
 * slot (a code's shape, a credit code's check character) or child facts (members, results,
 * yearly values). */
#ifndef QS_FAMILY_H
#define QS_FAMILY_H

#include <libxml/tree.h>

#include "qs_import.h"

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

typedef enum {
  QA_STR,   /* STRING, as written */
  QA_SYM,   /* SYMBOL (a schema enumeration), whitespace trimmed */
  QA_REF,   /* STRING id of another element, trimmed */
  QA_INT,   /* INTEGER */
  QA_FLOAT, /* FLOAT */
  QA_BOOL,  /* SYMBOL yes / no */
  QA_DATE,  /* STRING slot, plus INTEGER yyyymmdd in slot "<slot>-day" */
  QA_WDATE, /* the item's own date: slots date, day and window (against the 24-month window) */
} qs_atype;

typedef struct {
  const char *attr, *slot;
  qs_atype type;
} qs_attr;

typedef struct qs_elem {
  const char *name;     /* element local name */
  const char *tmpl;     /* deftemplate */
  const qs_attr *attrs; /* ends with {NULL} */
  /* Optional: more slots before the fact is asserted; child facts after it is. */
  void (*extra)(qs_import *im, xmlNode *el, qs_fact *f);
  void (*after)(qs_import *im, xmlNode *el, const char *id);
} qs_elem;

typedef struct {
  const char *section;  /* the container element, e.g. "standards" */
  const qs_elem *elems; /* ends with {NULL} */
} qs_family;

/* The attributes of the many elements that are only a dated, titled document or event. */
extern const qs_attr qs_attrs_dated_title[];

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

/* The families, in submission order. */
void qs_import_project(qs_import *im, xmlNode *project);
void qs_import_enterprise(qs_import *im, xmlNode *enterprise);
void qs_import_self_assessment(qs_import *im, xmlNode *self_assessment);
extern const qs_family qs_family_mechanism, qs_family_survey, qs_family_infrastructure,
    qs_family_talent, qs_family_sme, qs_family_management, qs_family_metrics,
    qs_family_certifications, qs_family_standards, qs_family_brand, qs_family_capability;

#endif
