/* submission.c -- the importer's own output besides the facts (qs_submission.h). */
#include "qs_submission.h"

#include <libxml/hash.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../base/qs_util.h"

void qs_submission_init(qs_submission *s) {
  memset(s, 0, sizeof *s);
  s->evidence_index = xmlHashCreate(256);
}

void qs_submission_free(qs_submission *s) {
  for (size_t i = 0; i < s->n_evidence; i++) {
    qs_evidence *e = &s->evidence[i];
    free(e->id);
    free(e->element);
    free(e->kind);
    free(e->label);
    free(e->number);
    free(e->date);
    free(e->enterprise);
  }
  free(s->evidence);
  xmlHashFree(s->evidence_index, NULL);
  free(s->id);
  free(s->title);
  free(s->region);
  free(s->province);
  free(s->city);
  free(s->chain);
  free(s->work_start);
  free(s->window_start);
  free(s->window_end);
  free(s->as_of);
  memset(s, 0, sizeof *s);
}

void qs_submission_add_evidence(qs_submission *s, const char *id, const char *element,
                                const char *kind, const char *label, const char *number,
                                const char *date, const char *enterprise, long line) {
  qs_grow(&s->evidence, &s->cap_evidence, s->n_evidence + 1, sizeof *s->evidence);
  s->evidence[s->n_evidence] = (qs_evidence){
      qs_xstrdup(id),     qs_xstrdup(element), qs_xstrdup(kind),       qs_xstrdup(label),
      qs_xstrdup(number), qs_xstrdup(date),    qs_xstrdup(enterprise), line,
  };
  s->n_evidence++;
  /* The schema makes ids unique (xs:ID); the first wins should that ever be bypassed. */
  xmlHashAddEntry(s->evidence_index, (const xmlChar *)id, (void *)(uintptr_t)s->n_evidence);
}

const qs_evidence *qs_submission_evidence(const qs_submission *s, const char *id) {
  uintptr_t k = (uintptr_t)xmlHashLookup(s->evidence_index, (const xmlChar *)id);
  return k ? &s->evidence[k - 1] : NULL;
}
