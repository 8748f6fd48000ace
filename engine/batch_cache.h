/* batch_cache.h -- the result cache of `qscore batch`: OUT/.qscore-cache/<key><ext>.
 *
 * A key is 64 hex digits: the SHA-256 of the run's context (qs_cache_context: the qscore
 * version, the rules hash, the parameters, the language, the scoring day, the built-in schemas
 * and messages, the format of the entries) and of the file's path and content. Under a key:
 *   <key>.json  the JSON report, one line (a line of results.jsonl, a copy of reports/X.json)
 *   <key>.html  the HTML report (a copy of reports/X.html)
 *   <key>.row   the fields the batch tables need (the row format in batch_table.h)
 *   <key>.err   a file that was not scored: first line its kind (invalid, limit, rules), then
 *               one "line<TAB>message" per diagnostic
 * A scored file has the first three (written .html, .row, .json: the .json marks it done), a
 * file that was not scored an .err. Workers write the entries, the parent reads them after
 * the run in input order; every entry is written through qs_file (a temporary file and a
 * rename) inside the cache folder's descriptor, never through a link. */
#ifndef QS_BATCH_CACHE_H
#define QS_BATCH_CACHE_H

#include <stddef.h>

#include "qs_batch.h"
#include "qs_diag.h"

#define QS_CACHE_JSON ".json"
#define QS_CACHE_HTML ".html"
#define QS_CACHE_ROW ".row"
#define QS_CACHE_ERR ".err"

/* What every result of this run depends on besides the file itself. A result cached under
 * another scoring day, another version, other rules or parameters is never served. */
void qs_cache_context(const qs_engine *e, const char *params_signature, qs_lang lang,
                      char context[65]);
/* The key of one file's result: the context, the path and the content. The file is read only
 * when it is still a regular file within max_bytes (checked before reading); one that cannot
 * be read gets the key of an unreadable file. */
void qs_cache_key(const char *context, const char *path, size_t max_bytes, char key[65]);

typedef enum {
  QS_CACHE_MISS = 0, /* to be scored */
  QS_CACHE_SCORED,   /* .json, .row and .html are there */
  QS_CACHE_FAILED,   /* an .err whose kind depends on the file only (invalid, rules) */
} qs_cache_hit;

/* What an earlier run (--resume) left under key. An .err of kind limit is a miss: the limit
 * may be the run-seconds deadline, which a busy machine meets sooner. */
qs_cache_hit qs_cache_lookup(const qs_outdir *out, const char *key);

/* Store a scored file's result (html, then row, then json); 0, or -1 with "path: reason" in
 * *why and none of the three kept. */
int qs_cache_store_scored(const qs_outdir *out, const char *key, const char *html, const char *row,
                          size_t row_len, const char *json, qs_lang lang, char **why);
/* Store why a file was not scored (kind: invalid, limit, rules); 0, or -1 with *why. */
int qs_cache_store_failed(const qs_outdir *out, const char *key, const char *kind, const qs_diag *d,
                          qs_lang lang, char **why);
/* Remove every entry of key (a result the parent saw fail), so that --resume scores it again. */
void qs_cache_forget(const qs_outdir *out, const char *key);

/* An entry opened for reading (not through a link), or -1 with errno. */
int qs_cache_open(const qs_outdir *out, const char *key, const char *ext);
/* An entry read whole, up to limit bytes (qs_read_fileat). */
qs_status qs_cache_read(const qs_outdir *out, const char *key, const char *ext, size_t limit,
                        char **data, size_t *len);

/* Remove the entries of keys other than these (results of another day, other parameters,
 * files no longer in the batch), so that the cache holds this run's results and does not grow
 * with every --resume. */
void qs_cache_prune(const qs_outdir *out, const char (*keys)[65], size_t n);
/* A name qscore gives cache entries: 64 hex digits and .json, .html, .row or .err. */
int qs_cache_name_ok(const char *name);

#endif
