/* qs_batch.h -- scoring a folder of submissions: inputs, the output folder, worker processes,
 * the result cache, and the tables made from the results.
 *
 *   inputs (files and folders, *.xml in any case, byte order of paths); every path given or
 *   found is either scored or listed in errors.csv with why not (a symbolic link found in a
 *   folder, a folder too deep, a device or FIFO, a file too large, one inside the output
 *   folder) [batch_inputs.c]
 *     -> the output folder, qscore's own (a manifest of what it wrote) and locked
 *        [batch_dir.c]
 *     -> each file's key, everything its result depends on; with --resume, the results an
 *        earlier run left under it are taken [batch_cache.c]
 *     -> N worker processes, forked after the rules are loaded, one file at a time each; a
 *        worker that crashes or overruns the per-file limit is killed and replaced, and the
 *        file is reported as not scored [qs_pool.c, which knows nothing of scoring]
 *     -> in a worker: the file scored, its reports and table row stored in
 *        OUT/.qscore-cache/<key>.json, .html, .row, or why not in .err; a failed write is
 *        reported with its path and reason [batch_worker.c]
 *     -> results.jsonl, triage.csv, triage.xlsx, index.html, reports/, errors.csv, made in input
 *        order from the cache (reports are copies, never links to the cache), so they are the
 *        same bytes whatever the number of workers and whether the run was interrupted and
 *        resumed [batch_table.c the table, batch_out.c the files]
 *   batch.c wires the inputs, the cache and the pool together (qs_batch_run); cmd_batch.c is
 *   the command, which calls qs_batch_write_outputs after the run. */
#ifndef QS_BATCH_H
#define QS_BATCH_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "qs_engine.h"
#include "qs_i18n.h"
#include "qs_util.h"

/* ------------------------------------------------------------------ the output folder */

typedef struct {
  char *path;     /* as given by --out, for messages */
  int fd;         /* the folder */
  int cache_fd;   /* .qscore-cache/ */
  int reports_fd; /* reports/ */
  int lock_fd;    /* .qscore-lock, locked for the run */
  char **owned;   /* the names the manifest lists (relative, sorted) */
  size_t n_owned;
} qs_outdir;

typedef enum {
  QS_OUTDIR_OK = 0,
  QS_OUTDIR_REFUSED, /* not empty and not qscore's, or a link where qscore keeps a folder: exit 2 */
  QS_OUTDIR_BUSY,    /* another batch holds the lock: exit 2 */
  QS_OUTDIR_FAILED,  /* cannot be made or opened: exit 1 */
} qs_outdir_status;

/* Open (making it if needed) the output folder, take its lock, clear qscore's leftover
 * temporary files and, unless resuming, its cache. Anything but OK: *why says what (free it). */
qs_outdir_status qs_outdir_open(qs_outdir *o, const char *path, int resume, qs_lang lang,
                                char **why);
/* The manifest names this file ("triage.csv", "reports/X.html"): qscore wrote it. */
int qs_outdir_owns(const qs_outdir *o, const char *name);
/* Replace the manifest with these names (relative paths). 0, or -1 with *why. */
int qs_outdir_write_manifest(qs_outdir *o, char *const *names, size_t n, qs_lang lang, char **why);
/* "DIR/name" for messages (free it). */
char *qs_outdir_shown(const qs_outdir *o, const char *name);
void qs_outdir_close(qs_outdir *o);

/* ------------------------------------------------------------------ inputs */

typedef enum {
  QS_ITEM_PENDING = 0,
  QS_ITEM_SCORED,
  QS_ITEM_FAILED,  /* invalid input, rules failure, crash, timeout, failed write: see kind */
  QS_ITEM_SKIPPED, /* found but not read: a link, a device, too deep, in the output folder */
} qs_item_state;

typedef struct {
  char *path;  /* as given or found */
  char *shown; /* as every output shows it (qs_display_name) */
  char key[65];
  qs_item_state state;
  /* What the parent knows about a file it did not score, when there is no .err in the cache
   * to say it (skipped, refused before reading, a write that failed); NULL otherwise. */
  char *kind, *message;
} qs_batch_item;

typedef struct {
  qs_batch_item *items;
  size_t n, cap;
} qs_batch_inputs;

/* Collect the files named by args: files as given (a link named on the command line is
 * followed), folders searched for *.xml (any case) to QS_BATCH_MAX_DEPTH levels, links found
 * in them not followed. Sorted by path, duplicates dropped. A path that cannot be scored is
 * kept, marked with why (a missing one is FAILED, "cannot read"; a link found in a folder,
 * a device or FIFO, a folder too deep, a file inside the output folder out_dir are
 * SKIPPED; a file over max_bytes is FAILED). */
#define QS_BATCH_MAX_DEPTH 64
void qs_batch_collect(qs_batch_inputs *in, char *const *args, int n, const char *out_dir,
                      size_t max_bytes, qs_lang lang);
void qs_batch_inputs_free(qs_batch_inputs *in);
/* Inputs still to be read and scored. */
size_t qs_batch_pending(const qs_batch_inputs *in);

typedef struct {
  qs_outdir *out;
  int jobs;
  int resume;
  int quiet;
  qs_lang lang;
  double file_seconds; /* wall-clock limit for one file */
  const char *params_signature;
} qs_batch_options;

typedef struct {
  size_t scored, failed, skipped, cached;
  size_t rules_failed; /* of the failed, those the rules failed on (kind "rules") */
  size_t recommend, review, reject;
  int signal;            /* the run was interrupted by this signal (SIGINT, SIGTERM) */
  int written;           /* the outputs written, QS_OUT_* bits */
  size_t write_failures; /* outputs that could not be written (each reported on stderr) */
} qs_batch_summary;

/* Score every pending input into the cache. Returns 0, or -1 when workers could not be
 * started (fork or pipe failed); s->signal is set when a signal stopped the run. */
int qs_batch_run(qs_engine *e, qs_batch_inputs *in, const qs_batch_options *o, qs_batch_summary *s);

enum {
  QS_OUT_RESULTS = 1,
  QS_OUT_CSV = 2,
  QS_OUT_XLSX = 4,
  QS_OUT_INDEX = 8,
  QS_OUT_REPORTS = 16,
  QS_OUT_ERRORS = 32,
};

/* Make the outputs from the cache: every failed write reported on stderr with its path and
 * reason and counted in s->write_failures; s->written says what was written. */
void qs_batch_write_outputs(const qs_engine *e, const qs_batch_inputs *in,
                            const qs_batch_options *o, qs_batch_summary *s);

#endif
