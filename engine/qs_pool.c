/* qs_pool.c -- forked workers with per-task deadlines (see qs_pool.h). */
#include "qs_pool.h"

#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct {
  pid_t pid; /* 0: no worker in this slot */
  int to, from;
  long busy; /* its task, -1 when idle */
  struct timespec started;
  qs_buf in; /* reply bytes read so far */
} worker;

/* A reply's header: the task and the length of what follows. */
typedef struct {
  uint64_t task;
  uint32_t len;
} reply_head;
#define HEAD_SIZE (sizeof(uint64_t) + sizeof(uint32_t))

static double since(const struct timespec *t) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static int write_all(int fd, const void *data, size_t len) {
  const char *p = data;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n <= 0)
      return -1;
    p += n;
    len -= (size_t)n;
  }
  return 0;
}

static int read_all(int fd, void *data, size_t len) {
  char *p = data;
  while (len > 0) {
    ssize_t n = read(fd, p, len);
    if (n <= 0)
      return -1;
    p += n;
    len -= (size_t)n;
  }
  return 0;
}

/* ------------------------------------------------------------------ the worker */

static _Noreturn void worker_main(const qs_pool *p, size_t n, int rfd, int wfd) {
  if (p->start)
    p->start(p->ctx);
  uint64_t task;
  while (read_all(rfd, &task, sizeof task) == 0 && task < n) {
    qs_buf reply = {0};
    qs_buf_add(&reply, "");
    p->work(p->ctx, (size_t)task, &reply);
    uint32_t len = (uint32_t)(reply.len < QS_POOL_REPLY_MAX ? reply.len : QS_POOL_REPLY_MAX);
    char head[HEAD_SIZE];
    memcpy(head, &task, sizeof task);
    memcpy(head + sizeof task, &len, sizeof len);
    int ok = write_all(wfd, head, sizeof head) == 0 && write_all(wfd, reply.s, len) == 0;
    qs_buf_free(&reply);
    if (!ok)
      break;
  }
  if (p->finish)
    p->finish(p->ctx);
  _exit(0);
}

/* ------------------------------------------------------------------ the parent */

static int spawn(const qs_pool *p, size_t n, worker *ws, int n_ws, worker *w) {
  int down[2], up[2];
  if (pipe(down) != 0)
    return -1;
  if (pipe(up) != 0) {
    close(down[0]);
    close(down[1]);
    return -1;
  }
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) {
    close(down[0]);
    close(down[1]);
    close(up[0]);
    close(up[1]);
    return -1;
  }
  if (pid == 0) {
    close(down[1]);
    close(up[0]);
    /* The other workers' pipe ends came along with fork: without closing them a worker that the
     * parent retires would never see the end of its task pipe. */
    for (int k = 0; k < n_ws; k++)
      if (&ws[k] != w && ws[k].pid > 0) {
        close(ws[k].to);
        close(ws[k].from);
      }
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    worker_main(p, n, down[0], up[1]);
  }
  close(down[0]);
  close(up[1]);
  qs_buf_free(&w->in);
  *w = (worker){.pid = pid, .to = down[1], .from = up[0], .busy = -1};
  return 0;
}

/* Close a worker's pipes and wait for it (killed first when kill_it); its wait status. */
static int retire(worker *w, int kill_it) {
  int status = 0;
  if (w->pid <= 0)
    return status;
  close(w->to);
  close(w->from);
  if (kill_it)
    kill(w->pid, SIGKILL);
  waitpid(w->pid, &status, 0);
  w->pid = 0;
  qs_buf_free(&w->in);
  return status;
}

/* Hand task to an idle worker; 0, or -1 when the worker cannot take it (then retired). */
static int hand_out(worker *w, size_t task) {
  uint64_t t = task;
  if (write_all(w->to, &t, sizeof t) != 0) {
    retire(w, 1);
    return -1;
  }
  w->busy = (long)task;
  clock_gettime(CLOCK_MONOTONIC, &w->started);
  return 0;
}

/* The complete replies in w's buffer, each reported when it answers w's task; -1 when the
 * worker sent what no worker sends (a length past QS_POOL_REPLY_MAX). */
static int take_replies(const qs_pool *p, worker *w, size_t *ended) {
  size_t at = 0;
  while (w->in.len - at >= HEAD_SIZE) {
    reply_head h;
    memcpy(&h.task, w->in.s + at, sizeof h.task);
    memcpy(&h.len, w->in.s + at + sizeof h.task, sizeof h.len);
    if (h.len > QS_POOL_REPLY_MAX)
      return -1;
    if (w->in.len - at - HEAD_SIZE < h.len)
      break;
    const char *body = w->in.s + at + HEAD_SIZE;
    if (w->busy >= 0 && h.task == (uint64_t)w->busy) {
      w->busy = -1;
      (*ended)++;
      p->done(p->ctx, (size_t)h.task, QS_POOL_REPLIED, body, h.len, 0);
    }
    at += HEAD_SIZE + h.len;
  }
  memmove(w->in.s, w->in.s + at, w->in.len - at);
  w->in.len -= at;
  return 0;
}

/* Read what w has sent, report its replies, and watch its deadline and its life. */
static void watch(const qs_pool *p, worker *w, short revents, size_t *ended) {
  int dead = 0;
  if (revents & (POLLIN | POLLHUP | POLLERR)) {
    char chunk[65536];
    ssize_t r = read(w->from, chunk, sizeof chunk);
    if (r <= 0)
      dead = 1;
    else
      qs_buf_addn(&w->in, chunk, (size_t)r);
    if (w->in.len && take_replies(p, w, ended) != 0) {
      long busy = w->busy;
      int status = retire(w, 1);
      if (busy >= 0) {
        (*ended)++;
        p->done(p->ctx, (size_t)busy, QS_POOL_DIED, NULL, 0, status);
      }
      return;
    }
  }
  if (!dead && w->busy >= 0 && since(&w->started) > p->task_seconds) {
    long busy = w->busy;
    w->busy = -1;
    retire(w, 1);
    (*ended)++;
    p->done(p->ctx, (size_t)busy, QS_POOL_TIMEOUT, NULL, 0, 0);
    return;
  }
  if (dead) {
    long busy = w->busy;
    int status = retire(w, 0);
    if (busy >= 0) {
      (*ended)++;
      p->done(p->ctx, (size_t)busy, QS_POOL_DIED, NULL, 0, status);
    }
  }
}

int qs_pool_run(const qs_pool *p, size_t n) {
  int n_ws = p->workers < 1 ? 1 : p->workers;
  if ((size_t)n_ws > n)
    n_ws = n ? (int)n : 1;
  worker *ws = qs_xcalloc((size_t)n_ws, sizeof *ws);
  struct pollfd *pf = qs_xcalloc((size_t)n_ws, sizeof *pf);
  struct timespec last_tick = {0};
  size_t next = 0, ended = 0;
  int rc = 0;
#define STOPPED (p->stop && *p->stop)
  for (int k = 0; k < n_ws && n; k++)
    if (spawn(p, n, ws, n_ws, &ws[k]) != 0)
      rc = -1;
  while (rc == 0 && ended < n && !STOPPED) {
    /* Hand out tasks to idle workers, in order; a worker that died idle is replaced only
     * while there are tasks to hand out. */
    for (int k = 0; k < n_ws && next < n; k++) {
      if (ws[k].pid <= 0 && spawn(p, n, ws, n_ws, &ws[k]) != 0) {
        rc = -1;
        break;
      }
      if (ws[k].busy < 0 && hand_out(&ws[k], next) == 0)
        next++;
    }
    for (int k = 0; k < n_ws; k++)
      pf[k] = (struct pollfd){.fd = ws[k].pid > 0 ? ws[k].from : -1, .events = POLLIN};
    poll(pf, (nfds_t)n_ws, 100);
    for (int k = 0; k < n_ws; k++)
      if (ws[k].pid > 0)
        watch(p, &ws[k], pf[k].revents, &ended);
    if (p->tick && since(&last_tick) > 0.1) {
      p->tick(p->ctx, ended, n, 0);
      clock_gettime(CLOCK_MONOTONIC, &last_tick);
    }
  }
  if (p->tick)
    p->tick(p->ctx, ended, n, 1);
  for (int k = 0; k < n_ws; k++)
    retire(&ws[k], STOPPED);
#undef STOPPED
  free(pf);
  free(ws);
  return rc;
}
