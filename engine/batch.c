/* batch.c -- the driver of `qscore batch`: from the inputs listed (batch_inputs.c) to the cache
 * (batch_cache.c), through a pool of worker processes (qs_pool.c, each file scored by
 * batch_worker.c), to the item states the outputs are made from (batch_out.c).
 *
 * The parent has loaded the rules (and failed with exit 3 before forking if they are broken);
 * the workers inherit the loaded engine and the descriptor of the cache folder. Each file's
 * key is computed here; on --resume a file whose result is in the cache is not scored again.
 * The rest are the pool's tasks, in input order: a worker that dies or overruns the per-file
 * limit (parameter batch-file-seconds) is killed and replaced, and the file is listed with
 * what happened; a write that failed is listed with its path and reason; the rest of the
 * batch goes on. SIGINT and SIGTERM stop the run (the workers killed, what is in the cache
 * kept for --resume) and are said in the summary. */
#include "qs_batch.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "batch_cache.h"
#include "batch_worker.h"
#include "qs_pool.h"
#include "qs_util.h"

typedef struct {
  qs_batch_worker worker; /* what the workers need */
  qs_batch_inputs *in;
  const qs_batch_options *o;
  const size_t *todo; /* task i is in->items[todo[i]] */
  size_t failed;
  struct timespec t0;
} run;

static volatile sig_atomic_t interrupted;
static void on_signal(int sig) { interrupted = sig; }

/* A file the parent saw fail (a crash, a timeout, a failed write): recorded in the item, and
 * whatever the worker left of its result removed, so that a resumed run scores it again. */
static void parent_failed(run *r, qs_batch_item *it, const char *kind, const char *message) {
  qs_cache_forget(r->o->out, it->key);
  it->state = QS_ITEM_FAILED;
  free(it->kind);
  free(it->message);
  it->kind = qs_xstrdup(kind);
  it->message = qs_xstrdup(message);
}

/* How a worker's reply, or its end, leaves the file (the pool's done). */
static void on_done(void *ctx, size_t task, qs_pool_outcome how, const char *reply, size_t len,
                    int status) {
  run *r = ctx;
  qs_lang L = r->o->lang;
  qs_batch_item *it = &r->in->items[r->todo[task]];
  qs_buf m = {0};
  if (how == QS_POOL_REPLIED && len > 0 && reply[0] == QS_REPLY_SCORED) {
    it->state = QS_ITEM_SCORED;
    return;
  }
  r->failed++;
  if (how == QS_POOL_REPLIED) {
    it->state = QS_ITEM_FAILED; /* an .err in the cache says why, or the write that failed: */
    if (len > 0 && reply[0] == QS_REPLY_WRITE_FAILED) {
      char *why = len > 1 ? qs_xstrndup(reply + 1, len - 1) : qs_xstrdup("?");
      qs_buf_addf(&m, qs_msg_get(L, QS_M_WRITE_FAILED), why);
      parent_failed(r, it, "write", m.s);
      free(why);
    }
  } else if (how == QS_POOL_TIMEOUT) {
    qs_buf_addf(&m, qs_msg_get(L, QS_M_BATCH_TIMEOUT), r->o->file_seconds);
    parent_failed(r, it, "timeout", m.s);
  } else if (WIFSIGNALED(status)) {
    qs_buf_addf(&m, qs_msg_get(L, QS_M_BATCH_CRASHED), WTERMSIG(status));
    parent_failed(r, it, "crash", m.s);
  } else {
    qs_buf_addf(&m, qs_msg_get(L, QS_M_BATCH_EXITED), WEXITSTATUS(status));
    parent_failed(r, it, "crash", m.s);
  }
  qs_buf_free(&m);
}

/* The progress line on a terminal (the pool's tick). */
static void on_tick(void *ctx, size_t done, size_t total, int final) {
  run *r = ctx;
  if (r->o->quiet || !isatty(2))
    return;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  double el = (double)(now.tv_sec - r->t0.tv_sec) + (double)(now.tv_nsec - r->t0.tv_nsec) / 1e9;
  double rate = el > 0 ? (double)done / el : 0;
  double left = rate > 0 ? (double)(total - done) / rate : 0;
  /* Back to the line's start, and spaces after it to blank what a longer line left. */
  qs_buf b = {0};
  qs_buf_add(&b, "\r");
  qs_buf_addf(&b, qs_msg_get(r->o->lang, QS_M_BATCH_PROGRESS), done, total, rate, r->failed, left);
  qs_buf_add(&b, final ? "   \n" : "   ");
  fputs(b.s, stderr);
  qs_buf_free(&b);
}

static void work_start(void *ctx) { qs_batch_worker_start(&((run *)ctx)->worker); }
static void work(void *ctx, size_t task, qs_buf *reply) {
  qs_batch_worker_task(&((run *)ctx)->worker, task, reply);
}
static void work_finish(void *ctx) { qs_batch_worker_finish(&((run *)ctx)->worker); }

/* Every pending item's key; the items whose result an earlier run left (--resume) take it, the
 * others are returned in input order, to be scored. */
static size_t plan(qs_engine *e, qs_batch_inputs *in, const qs_batch_options *o, size_t *todo,
                   qs_batch_summary *s) {
  char context[65];
  qs_cache_context(e, o->params_signature, o->lang, context);
  size_t max_bytes = (size_t)qs_rubric_param(qs_engine_rubric(e), "max-input-mb")->value << 20;
  size_t n = 0;
  for (size_t i = 0; i < in->n; i++) {
    qs_batch_item *it = &in->items[i];
    if (it->state != QS_ITEM_PENDING)
      continue;
    qs_cache_key(context, it->path, max_bytes, it->key);
    qs_cache_hit hit = o->resume ? qs_cache_lookup(o->out, it->key) : QS_CACHE_MISS;
    if (hit == QS_CACHE_MISS) {
      todo[n++] = i;
    } else {
      it->state = hit == QS_CACHE_SCORED ? QS_ITEM_SCORED : QS_ITEM_FAILED;
      s->cached++;
    }
  }
  return n;
}

int qs_batch_run(qs_engine *e, qs_batch_inputs *in, const qs_batch_options *o,
                 qs_batch_summary *s) {
  size_t *todo = qs_xcalloc(in->n ? in->n : 1, sizeof *todo);
  size_t n_todo = plan(e, in, o, todo, s);
  run r = {.worker = {.e = e, .in = in, .todo = todo, .o = o}, .in = in, .o = o, .todo = todo};
  clock_gettime(CLOCK_MONOTONIC, &r.t0);

  struct sigaction sa = {0}, old_int, old_term, old_pipe;
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, &old_int);
  sigaction(SIGTERM, &sa, &old_term);
  sa.sa_handler = SIG_IGN; /* a worker that is gone is seen on its pipe, not by a signal */
  sigaction(SIGPIPE, &sa, &old_pipe);
  interrupted = 0;
  qs_pool pool = {.workers = o->jobs,
                  .task_seconds = o->file_seconds,
                  .ctx = &r,
                  .start = work_start,
                  .work = work,
                  .finish = work_finish,
                  .done = on_done,
                  .tick = on_tick,
                  .stop = &interrupted};
  int rc = qs_pool_run(&pool, n_todo);
  sigaction(SIGINT, &old_int, NULL);
  sigaction(SIGTERM, &old_term, NULL);
  sigaction(SIGPIPE, &old_pipe, NULL);
  s->signal = (int)interrupted;
  free(todo);
  return rc;
}
