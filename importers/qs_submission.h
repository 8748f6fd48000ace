/* qs_submission.h -- what the importer gives besides the facts: the project's descriptive
 * fields, the window it derived, the scoring day, and the evidence index (every item a report
 * can cite, in document order). No CLIPS and no report types: the engine hands it to the
 * report (qs_report_take_submission) after the rules ran, so nothing is written into a
 * report before the rules have concluded. */
#ifndef QS_SUBMISSION_H
#define QS_SUBMISSION_H

#include <stddef.h>

/* One item of the submission that a report can cite. */
typedef struct {
  char *id, *element, *kind, *label, *number, *date, *enterprise;
  long line;
} qs_evidence;

typedef struct {
  char *id, *title, *region, *province, *city, *chain, *work_start; /* NULL until read */
  char *window_start, *window_end; /* YYYY-MM-DD; NULL without a valid work start */
  int window_months;
  char *as_of;           /* the day of the run, YYYY-MM-DD */
  qs_evidence *evidence; /* in document order */
  size_t n_evidence, cap_evidence;
  void *evidence_index; /* xmlHashTable: id -> index + 1 */
} qs_submission;

void qs_submission_init(qs_submission *s);
/* Free what s holds and leave it as after qs_submission_init's zeroing (no index). */
void qs_submission_free(qs_submission *s);

/* Record an item (strings are copied; NULLs become ""). */
void qs_submission_add_evidence(qs_submission *s, const char *id, const char *element,
                                const char *kind, const char *label, const char *number,
                                const char *date, const char *enterprise, long line);
const qs_evidence *qs_submission_evidence(const qs_submission *s, const char *id);

#endif
