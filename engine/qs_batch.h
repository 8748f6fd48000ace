/* qs_batch.h -- scoring a folder of submissions: inputs, worker processes, the result cache,
 * and the tables made from the results.
 *
 *   inputs (files and folders, *.xml, byte order of paths)
 *     -> N worker processes, forked after the rules are loaded, one file at a time each;
 *        a worker that crashes or overruns the per-file limit is killed and replaced, and the
 *        file is reported as not scored
 *     -> OUT/.qscore-cache/<key>.json or .err, written atomically, keyed by the file's path and
 *        content, the rules, the parameters and the language
 *     -> results.jsonl, triage.csv, triage.xlsx, index.html, reports/, errors.csv, made in input
 *        order from the cache, so they are the same bytes whatever the number of workers and
 *        whether the run was interrupted and resumed. */
#ifndef QS_BATCH_H
#define QS_BATCH_H

#include <stddef.h>
#include <stdio.h>

#include "qs_engine.h"
#include "qs_i18n.h"
#include "qs_util.h"

typedef enum {
  QS_ITEM_PENDING = 0,
  QS_ITEM_SCORED,
  QS_ITEM_FAILED, /* invalid input, rules failure, crash or timeout: see its .err */
} qs_item_state;

typedef struct {
  char *path;
  char key[65];
  qs_item_state state;
} qs_batch_item;

typedef struct {
  qs_batch_item *items;
  size_t n, cap;
} qs_batch_inputs;

/* Collect the files named by args: files as given, folders searched recursively for *.xml
 * (symbolic links are not followed). Sorted by path, duplicates dropped. A path that does not
 * exist is kept, so that it is reported as unreadable. */
void qs_batch_collect(qs_batch_inputs *in, char *const *args, int n);
void qs_batch_inputs_free(qs_batch_inputs *in);

typedef struct {
  const char *out_dir;
  int jobs;
  int resume;
  int quiet;
  qs_lang lang;
  double file_seconds; /* wall-clock limit for one file */
  const char *params_signature;
} qs_batch_options;

typedef struct {
  size_t scored, failed, cached;
  size_t rules_failed; /* of the failed, those the rules failed on (kind "rules") */
  size_t recommend, review, reject;
} qs_batch_summary;

/* Score every input into the cache of out_dir. Returns 0, or -1 when the run could not be
 * carried out at all (the cache folder cannot be made). */
int qs_batch_run(qs_engine *e, qs_batch_inputs *in, const qs_batch_options *o, qs_batch_summary *s);

/* Make the tables of out_dir from the cache. Returns 0 or -1 (a write failed). */
int qs_batch_write_outputs(const qs_engine *e, const qs_batch_inputs *in, const qs_batch_options *o,
                           qs_batch_summary *s);

/* Paths inside out_dir. */
char *qs_batch_cache_path(const char *out_dir, const char *key, const char *ext);

/* Write data to path through a temporary file in the same folder and a rename. */
int qs_write_atomic(const char *path, const char *data, size_t len);

/* The same for an output made piece by piece, so that a table of 10,000 rows is never held
 * whole in memory: qs_stream_open, then qs_stream_put with a buffer the caller keeps filling
 * (written out and emptied once it holds 64 KiB), then qs_stream_close (writes the rest,
 * renames into place; -1 and no file when anything failed). */
typedef struct {
  FILE *f;
  char *path, *tmp;
  int bad;
} qs_stream;

void qs_stream_open(qs_stream *st, const char *path);
void qs_stream_put(qs_stream *st, qs_buf *b);
int qs_stream_close(qs_stream *st, qs_buf *b);

#endif
