/* qs_pool.h -- a pool of forked worker processes that run numbered tasks, each within a
 * deadline. It knows nothing about what a task is: the caller gives a function that runs
 * task i in a worker and writes its reply (any bytes), and a function that the parent calls
 * once per task with how it ended.
 *
 * The workers are forked from the caller, so they start with everything it has loaded (the
 * rules, for a batch). Tasks are handed out in order, 0, 1, 2 ..., each to the next idle
 * worker, one at a time. A worker still on its task after task_seconds is killed (SIGKILL), a
 * worker that dies is reaped; either way its task is reported as such and a new worker takes
 * its place when there are tasks left. A worker takes the default action on SIGINT and
 * SIGTERM; the parent's own handlers stay the parent's.
 *
 * Between the parent and a worker, two pipes: the parent writes a task number (8 bytes, host
 * order); the worker answers with the number (8 bytes), the reply's length (4 bytes, host
 * order, at most QS_POOL_REPLY_MAX) and the reply. A worker ends when its task pipe closes. */
#ifndef QS_POOL_H
#define QS_POOL_H

#include <signal.h>
#include <stddef.h>

#include "qs_util.h"

/* The longest reply: a longer one is cut to this length by the worker. */
#define QS_POOL_REPLY_MAX ((size_t)1 << 20)

typedef enum {
  QS_POOL_REPLIED = 0, /* the worker answered: reply and len */
  QS_POOL_TIMEOUT,     /* still running after task_seconds: the worker was killed */
  QS_POOL_DIED,        /* the worker died on the task: status is its wait status */
} qs_pool_outcome;

typedef struct {
  int workers;         /* at most this many at once (at least 1; never more than the tasks) */
  double task_seconds; /* a task's deadline, wall clock from when it was handed out */
  void *ctx;           /* given to every function below */

  /* In a worker: start once before its first task (may be NULL), work for each task (the
   * reply into *reply), finish once when no task is left (may be NULL). */
  void (*start)(void *ctx);
  void (*work)(void *ctx, size_t task, qs_buf *reply);
  void (*finish)(void *ctx);

  /* In the parent: done once for every task that ended (in the order they end); tick about
   * every 0.1 s with the count of tasks ended so far, and once more at the end with final set
   * (may be NULL). */
  void (*done)(void *ctx, size_t task, qs_pool_outcome how, const char *reply, size_t len,
               int status);
  void (*tick)(void *ctx, size_t ended, size_t tasks, int final);

  /* The pool stops handing out tasks and kills its workers once this is non-zero (the
   * caller's signal handler sets it); NULL: never. */
  volatile sig_atomic_t *stop;
} qs_pool;

/* Run tasks 0 .. n-1 and return when each has ended or *stop was set: 0, or -1 when a worker
 * could not be started (fork or pipe failed; the tasks not yet ended are not reported). */
int qs_pool_run(const qs_pool *p, size_t n);

#endif
