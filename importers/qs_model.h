/* qs_model.h -- the evidence model as the submission schema declares it.
 *
 * schemas/submission-2025.xsd is the one source of the evidence model: the elements, their
 * attributes and the attributes' types. At build time tools/xsdmodel.c reads it and writes
 * build/gen/xsd_model.c and xsd_model.h: one qs_xsd_elem for every element the schema can hold
 * (qs_xsd_<path>, the path from below the root with '/' and '-' as '_': qs_xsd_brand_award),
 * with its attributes in declaration order (inherited ones first) and the kind of value each
 * holds. The importer's tables (importers/<family>.c) name these instead of listing
 * attributes; tools/checkmodel.c then checks the tables and the deftemplates of
 * rules/2025/00-templates.clp against them before qscore is linked. */
#ifndef QS_MODEL_H
#define QS_MODEL_H

#include <stddef.h>

/* The kind of an attribute's value, from its schema type, and the slot it makes. */
typedef enum {
  QA_STR,   /* xs:string and its restrictions: STRING, as written */
  QA_REF,   /* a whitespace-collapsed string (xs:NCName, xs:token, xs:anyURI) without an
             * enumeration: STRING, trimmed (references to an enterprise or a metric) */
  QA_SYM,   /* an enumeration: SYMBOL, trimmed */
  QA_INT,   /* xs:integer and its restrictions: INTEGER */
  QA_FLOAT, /* xs:decimal: FLOAT */
  QA_BOOL,  /* xs:boolean: SYMBOL yes / no */
  QA_DATE,  /* xs:date: STRING slot, plus INTEGER yyyymmdd in slot "<slot>-day" */
  QA_ID,    /* xs:ID: the item's id, slot id (with line and docs, see qs_import_elem) */
  QA_WDATE, /* never in the schema's model: an xs:date whose slot is "date" is the item's own
             * date, slots date, day and window (against the window) */
} qs_atype;

typedef struct {
  const char *name;
  qs_atype type;
  long line; /* of its declaration in the schema */
} qs_xsd_attr;

typedef struct {
  const char *path; /* below the root: "brand/award" */
  const char *name; /* the element's local name: "award" */
  const qs_xsd_attr *attrs;
  size_t n_attrs;
  long line; /* of its declaration in the schema */
} qs_xsd_elem;

/* Generated (build/gen/xsd_model.c): every element, in document order of the schema's walk
 * from the root, ending with NULL; and the schema's path as given to the generator. */
extern const qs_xsd_elem *const qs_xsd_elems[];
extern const char qs_xsd_source[];

/* The attribute of e named name, or NULL. */
const qs_xsd_attr *qs_xsd_attr_of(const qs_xsd_elem *e, const char *name);

#endif
