/* qs_layout.h -- the intake workbook's layout, as the submission schema declares it.
 *
 * tools/xsdlayout.c reads schemas/submission-2025.xsd at build time (its elements, attributes,
 * types, occurrences, keyrefs and the Chinese labels in xs:appinfo/qs:label) and writes
 * build/gen/xsd_layout.c: one qs_lnode per element declaration, from the root. The workbook's
 * sheets and columns (intake/qs_intake.h) are derived from this tree, so a label or an
 * attribute is written once, in the schema.
 *
 * Flattening: an element that may repeat is a row of a sheet (its `sheet` key); an element
 * that occurs at most once is flattened into its parent's row (its attributes and text become
 * columns there). Repeated elements of one name and named type (doc, member, participant,
 * serves, result) share one sheet wherever they occur; their rows name their parent by its id
 * (the nearest ancestor that has an xs:ID attribute). */
#ifndef QS_LAYOUT_H
#define QS_LAYOUT_H

#include <stddef.h>

typedef enum {
  QL_STR,   /* xs:string and restrictions: text as written */
  QL_TOKEN, /* a collapsed string (xs:token, xs:anyURI, ...) without an enumeration */
  QL_ID,    /* xs:ID: an item's id, unique in the file */
  QL_REF,   /* a reference to an id (refers names the element holding it) */
  QL_ENUM,  /* an enumeration: a dropdown of labels */
  QL_BOOL,  /* xs:boolean: a dropdown of two labels (qs:boolean) */
  QL_INT,   /* xs:integer and restrictions */
  QL_DEC,   /* xs:decimal */
  QL_DATE,  /* xs:date, YYYY-MM-DD */
} qs_ltype;

typedef struct {
  const char *code;  /* as the XML writes it */
  const char *label; /* as the workbook shows it */
} qs_lenum;

typedef struct {
  const char *name;  /* the attribute's name; NULL for an element's text */
  const char *label; /* Chinese label */
  qs_ltype type;
  int required;      /* use="required" (for text: always 1) */
  const char *deflt; /* default="..." or NULL */
  const char *fixed; /* a required enumeration of one value: written, never a column */
  const qs_lenum *enums;
  size_t n_enums;
  const char *refers; /* QL_REF: the path of the element whose ids it names */
  const char *base;   /* the schema type's name ("Date", "CreditCode", "Name") or "" */
} qs_lattr;

typedef struct qs_lnode qs_lnode;
struct qs_lnode {
  const char *name;  /* element name */
  const char *path;  /* below the root: "mechanism/alliance" ("" for the root) */
  const char *label; /* Chinese label: a row's sheet name, a flattened element's column prefix */
  const char *sheet; /* a repeated element: the key of its sheet (shared by name and type);
                      * NULL when flattened into its parent's row */
  int min_occurs, max_occurs; /* as it may occur in its parent (max -1: unbounded) */
  const qs_lattr *attrs;
  size_t n_attrs;
  const qs_lattr *text; /* simple content (the element's text), or NULL */
  const qs_lnode *const *children;
  size_t n_children;
};

/* Generated: the root element (submission), whose row is the project sheet. */
extern const qs_lnode qs_layout_root;

#endif
