/* batch_worker.h -- what a worker process of `qscore batch` does with one file, and how it
 * answers the parent (through qs_pool).
 *
 * A worker scores the file with the engine it inherited from the parent, renders the HTML and
 * JSON reports and the table row, and stores them in the cache (batch_cache.h); a file that
 * does not score gets an .err there instead. Its reply, the bytes qs_pool carries back:
 *   "S"           scored: <key>.html, .row and .json are in the cache
 *   "N"           not scored: <key>.err says why (invalid, limit, rules)
 *   "W" reason    a cache entry could not be written: the reason is "path: reason" on one
 *                 line, and nothing of the key is kept
 * The results themselves travel through the cache, not the reply: a resumed run finds them
 * there, and the parent reads them after the run in input order, whichever worker finished
 * first. */
#ifndef QS_BATCH_WORKER_H
#define QS_BATCH_WORKER_H

#include <stddef.h>

#include "qs_batch.h"
#include "qs_render.h"

enum {
  QS_REPLY_SCORED = 'S',
  QS_REPLY_NOT_SCORED = 'N',
  QS_REPLY_WRITE_FAILED = 'W',
};

typedef struct {
  qs_engine *e;
  const qs_batch_inputs *in;
  const size_t *todo; /* task i is the file in->items[todo[i]] */
  const qs_batch_options *o;
  qs_stylesheet *xsl; /* the built-in report stylesheet, loaded by each worker */
} qs_batch_worker;

/* In a worker: once before its first file; one file (task) and its reply; once at the end. */
void qs_batch_worker_start(qs_batch_worker *w);
void qs_batch_worker_task(qs_batch_worker *w, size_t task, qs_buf *reply);
void qs_batch_worker_finish(qs_batch_worker *w);

#endif
