/* qs_import.h -- from a submission file to CLIPS facts.
 *
 *   bytes --(libxml2: no DTD, no entities, no network, line numbers)--> tree
 *         --(schemas/submission-2025.xsd, compiled into the binary)--> valid tree
 *         --(one module per evidence family, CLIPS fact API only)--> facts
 *
 * Nothing from a submission is ever turned into CLIPS source text: every value is put into
 * a slot with EnvPutFactSlot, so a value such as `x") (assert (score 100))` is stored as the
 * string it is, never read as a rule or a fact (docs/SECURITY.md). */
#ifndef QS_IMPORT_H
#define QS_IMPORT_H

#include <libxml/tree.h>
#include <stddef.h>

#include "../base/qs_diag.h"
#include "../base/qs_env.h"
#include "../base/qs_status.h"
#include "qs_submission.h"

#define QS_SUBMISSION_NS "urn:qscore:submission:2025"

typedef struct qs_schema qs_schema;

/* Set libxml2's process-wide defenses (an external entity loader that refuses everything)
 * and compile the built-in submission schema. NULL on failure, with the reason in d. */
qs_schema *qs_schema_new(qs_diag *d);
void qs_schema_free(qs_schema *s);

/* Limits counted while parsing (the max-elements and max-evidence parameters): the parse
 * stops at the first element past one, before the tree can grow. Attributes (max-attributes)
 * are counted on the text before it is parsed at all (see import.c). */
typedef struct {
  long max_elements;   /* elements */
  long max_items;      /* elements with an id attribute: enterprises and evidence */
  long max_attributes; /* attributes of one start tag, namespace declarations included */
} qs_parse_limits;

/* Nesting deeper than this stops the parse: the schema nests a few levels, and libxml2's own
 * limit (256) would report it in terms of its options. */
#define QS_MAX_DEPTH 64

/* Parse and validate one submission held in memory; name is used in messages. Returns the
 * tree, or NULL with every problem (file, line, what) in d. */
xmlDocPtr qs_import_parse(qs_schema *s, const char *name, const char *data, size_t len,
                          const qs_parse_limits *lim, qs_diag *d);

/* The parameters that shape the window (docs/POLICY.md §2.5): window-months,
 * year-split-months (which side of the work start or of the window's end a cut calendar year
 * goes to) and rate-months-min (the shortest period section 1 averages its rates over). */
typedef struct {
  int months;
  int split_months;
  int rate_months_min;
} qs_window_params;

/* Assert the facts of a valid tree into a freshly reset environment, and read into sub (made
 * here: free it with qs_submission_free whatever the status) the project's fields, the window
 * and the evidence index. as_of is the scoring day (yyyymmdd): evidence dated later is not
 * counted, and the last year that is over is the year before it. */
qs_status qs_import_facts(qs_env *qe, xmlDocPtr doc, const char *name, const qs_window_params *w,
                          long as_of, qs_submission *sub, qs_diag *d);

/* --attachments DIR: for every <doc file> of the tree that is not a regular file of the folder
 * dfd (-1: a folder that could not be opened, every file missing), an (attachment) fact with
 * the evidence item's id, the file as written, its status (missing, not-regular, bad-name) and
 * the line. The name is never read from, links are never followed (attachments.c). Into the
 * environment qs_import_facts filled. QS_E_RULES when the rules lack the template. */
qs_status qs_import_attachments(qs_env *qe, xmlDocPtr doc, const char *name, int dfd, qs_diag *d);
/* NULL when name is a regular file under dfd, else "missing", "not-regular" or "bad-name". */
const char *qs_attachment_status(int dfd, const char *name);

#endif
