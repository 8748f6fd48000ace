/* test_pool.c -- the worker pool on its own (engine/qs_pool.c), with tasks that are not
 * scoring: every task ends exactly once with its reply, however many workers; a worker that
 * exits, crashes or overruns its deadline loses only its task and is replaced; a long reply
 * arrives whole; a stop ends the run at once. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../base/qs_util.h"
#include "../engine/qs_pool.h"

#define N_TASKS 40

typedef struct {
  /* In the parent: how each task ended, its reply and wait status. */
  int ended[N_TASKS];
  qs_pool_outcome how[N_TASKS];
  char *reply[N_TASKS];
  size_t len[N_TASKS];
  int status[N_TASKS];
  size_t order[N_TASKS], n_order;
  int ticks, finals;
  volatile sig_atomic_t stop;
  size_t stop_after; /* set stop once this many tasks ended (0: never) */
} state;

/* Task i answers "task i" (task 7: 300,000 bytes), except: task 3 exits, task 5 kills itself,
 * task 9 sleeps past the deadline. */
static void work(void *ctx, size_t task, qs_buf *reply) {
  (void)ctx;
  if (task == 3)
    _exit(7);
  if (task == 5)
    raise(SIGKILL);
  if (task == 9) {
    struct timespec ts = {30, 0};
    nanosleep(&ts, NULL);
  }
  if (task == 7) {
    for (int i = 0; i < 300000; i++)
      qs_buf_addn(reply, &"abcdefghij"[i % 10], 1);
    return;
  }
  qs_buf_addf(reply, "task %zu", task);
}

static void done(void *ctx, size_t task, qs_pool_outcome how, const char *reply, size_t len,
                 int status) {
  state *s = ctx;
  cr_assert_lt(task, N_TASKS);
  s->ended[task]++;
  s->how[task] = how;
  s->reply[task] = reply ? qs_xstrndup(reply, len) : NULL;
  s->len[task] = len;
  s->status[task] = status;
  s->order[s->n_order++] = task;
  if (s->stop_after && s->n_order >= s->stop_after)
    s->stop = 1;
}

static void tick(void *ctx, size_t ended, size_t tasks, int final) {
  state *s = ctx;
  cr_expect_leq(ended, tasks);
  s->ticks++;
  s->finals += final;
}

static void run_pool(state *s, int workers, size_t n) {
  qs_pool p = {.workers = workers,
               .task_seconds = 1,
               .ctx = s,
               .work = work,
               .done = done,
               .tick = tick,
               .stop = &s->stop};
  cr_assert_eq(qs_pool_run(&p, n), 0);
}

static void free_state(state *s) {
  for (int i = 0; i < N_TASKS; i++)
    free(s->reply[i]);
}

Test(pool, every_task_ends_once_and_a_dead_or_late_worker_loses_only_its_task, .timeout = 60) {
  for (int workers = 1; workers <= 3; workers++) {
    state *s = calloc(1, sizeof *s);
    run_pool(s, workers, N_TASKS);
    for (size_t i = 0; i < N_TASKS; i++) {
      cr_expect_eq(s->ended[i], 1, "%d workers: task %zu ended %d times", workers, i, s->ended[i]);
      if (i == 3) {
        cr_expect_eq(s->how[i], QS_POOL_DIED);
        cr_expect(WIFEXITED(s->status[i]) && WEXITSTATUS(s->status[i]) == 7);
      } else if (i == 5) {
        cr_expect_eq(s->how[i], QS_POOL_DIED);
        cr_expect(WIFSIGNALED(s->status[i]) && WTERMSIG(s->status[i]) == SIGKILL);
      } else if (i == 9) {
        cr_expect_eq(s->how[i], QS_POOL_TIMEOUT);
      } else if (i == 7) {
        cr_expect_eq(s->how[i], QS_POOL_REPLIED);
        cr_expect_eq(s->len[i], 300000, "a long reply arrives whole");
        cr_expect(s->reply[i] && strncmp(s->reply[i] + 299990, "abcdefghij", 10) == 0);
      } else {
        char want[32];
        snprintf(want, sizeof want, "task %zu", i);
        cr_expect_eq(s->how[i], QS_POOL_REPLIED, "task %zu", i);
        cr_expect_str_eq(s->reply[i] ? s->reply[i] : "", want);
      }
    }
    if (workers == 1)
      for (size_t i = 0; i < N_TASKS; i++)
        cr_expect_eq(s->order[i], i, "one worker: the tasks end in order");
    cr_expect_eq(s->finals, 1, "one final tick");
    free_state(s);
    free(s);
  }
}

Test(pool, no_task_no_worker, .timeout = 10) {
  state *s = calloc(1, sizeof *s);
  run_pool(s, 4, 0);
  cr_expect_eq(s->n_order, 0);
  cr_expect_eq(s->finals, 1);
  free(s);
}

Test(pool, a_stop_ends_the_run_at_once, .timeout = 30) {
  state *s = calloc(1, sizeof *s);
  s->stop_after = 2;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  run_pool(s, 2, N_TASKS);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  cr_expect_lt(s->n_order, N_TASKS, "stopped before the end (%zu ended)", s->n_order);
  cr_expect_lt(t1.tv_sec - t0.tv_sec, 5, "the sleeping task was not waited for");
  free_state(s);
  free(s);
}
