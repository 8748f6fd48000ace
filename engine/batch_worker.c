/* batch_worker.c -- one file in a worker of `qscore batch` (see batch_worker.h): score it,
 * render its reports and row, store them in the cache, give memory back, answer. */
#include "batch_worker.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch_cache.h"
#include "batch_table.h"
#include "qs_util.h"

/* jemalloc's control function when qscore is linked with it (the release build), else NULL. */
extern int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen)
    __attribute__((weak));

/* A worker gives its free memory back to the kernel after a file that left more than
 * QS_WORKER_KEEP_FREE bytes of it (jemalloc: its dirty pages, purged; glibc: the free part of
 * its heap, trimmed), so that it does not keep the largest submission it has seen for the rest
 * of the batch: with --jobs N the batch would hold N of them. Less is kept for the next file,
 * which reuses it without page faults (purging after every file doubled a batch's time). */
#define QS_WORKER_KEEP_FREE ((size_t)24 << 20)

static void worker_trim(void) {
  if (mallctl) {
    uint64_t epoch = 1;
    size_t dirty = 0, len = sizeof epoch;
    mallctl("epoch", &epoch, &len, &epoch, len); /* refresh the statistics */
    len = sizeof dirty;
    /* 4096: MALLCTL_ARENAS_ALL, every arena */
    if (mallctl("stats.arenas.4096.pdirty", &dirty, &len, NULL, 0) == 0 &&
        dirty * (size_t)sysconf(_SC_PAGESIZE) > QS_WORKER_KEEP_FREE)
      mallctl("arena.4096.purge", NULL, NULL, NULL, 0);
  } else {
    struct mallinfo2 mi = mallinfo2();
    if (mi.fordblks > QS_WORKER_KEEP_FREE)
      malloc_trim(0);
  }
}

/* A scored file's reports and row into the cache; 0, or -1 with *why. */
static int store_scored(const qs_batch_worker *w, const qs_batch_item *it, const qs_report *rep,
                        char **why) {
  const qs_batch_options *o = w->o;
  char *html_error = NULL;
  char *html = w->xsl ? qs_render_html(rep, o->lang, w->xsl, &html_error) : NULL;
  int rc = -1;
  if (!html) {
    qs_buf b = {0};
    qs_buf_addf(&b, "%s report-html.xsl: %s", qs_msg_get(o->lang, QS_M_STYLESHEET_FAILED),
                html_error ? html_error : "?");
    *why = qs_buf_take(&b);
  } else {
    size_t row_len;
    char *row = qs_row_encode(rep, o->lang, &row_len);
    char *json = qs_render_json(rep, o->lang, 0);
    rc = qs_cache_store_scored(o->out, it->key, html, row, row_len, json, o->lang, why);
    free(row);
    free(json);
  }
  free(html_error);
  free(html);
  return rc;
}

/* Score one file into the cache: its reply status, and *why when a write failed. */
static int score_file(qs_batch_worker *w, const qs_batch_item *it, char **why) {
  const qs_batch_options *o = w->o;
  qs_diag d;
  qs_diag_init(&d, o->lang);
  qs_report *rep = NULL;
  char *data;
  size_t len;
  qs_status st = QS_E_INPUT;
  if (qs_engine_read_input(w->e, it->path, 1, &data, &len, &d) == 0) {
    st = qs_engine_score_buffer(w->e, it->path, data, len, &rep, &d);
    free(data);
  }
  int reply;
  if (st == QS_OK) {
    reply = store_scored(w, it, rep, why) == 0 ? QS_REPLY_SCORED : QS_REPLY_WRITE_FAILED;
    qs_report_free(rep);
  } else {
    const char *kind = st == QS_E_INPUT ? "invalid" : st == QS_E_LIMIT ? "limit" : "rules";
    reply = qs_cache_store_failed(o->out, it->key, kind, &d, o->lang, why) == 0
                ? QS_REPLY_NOT_SCORED
                : QS_REPLY_WRITE_FAILED;
  }
  qs_diag_free(&d);
  return reply;
}

void qs_batch_worker_start(qs_batch_worker *w) {
  char *xsl_error = NULL;
  w->xsl = qs_stylesheet_load(NULL, &xsl_error);
  free(xsl_error);
}

void qs_batch_worker_task(qs_batch_worker *w, size_t task, qs_buf *reply) {
  char *why = NULL;
  int status = score_file(w, &w->in->items[w->todo[task]], &why);
  worker_trim();
  qs_buf_addf(reply, "%c", status);
  if (why) { /* the reason of a failed write, one line */
    char *one = qs_diag_clean_in(w->o->lang, why, 1000);
    qs_buf_add(reply, one);
    free(one);
    free(why);
  }
}

void qs_batch_worker_finish(qs_batch_worker *w) {
  qs_stylesheet_free(w->xsl);
  w->xsl = NULL;
}
