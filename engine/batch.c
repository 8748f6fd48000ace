/* batch.c -- inputs and the worker processes of `qscore batch` (the cache: batch_cache.c).
 *
 * The parent loads the rules (and fails with exit 3 before forking if they are broken), then
 * forks workers that inherit the loaded engine and the descriptor of the cache folder: each
 * reads a file index from its pipe, scores the file, writes the report (or the diagnostics)
 * into the cache and answers with the index and how it went; a write that failed is answered
 * with its path and reason, never ignored. The parent hands out files in input order, watches
 * each worker's time on its file and its pipe: a worker that dies or overruns the per-file
 * limit (parameter batch-file-seconds) is killed and replaced, and the file is listed with
 * what happened; the rest of the batch goes on. */
#include "qs_batch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "batch_cache.h"
#include "qs_file.h"
#include "qs_render.h"
#include "qs_util.h"

/* ------------------------------------------------------------------ inputs */

static void add_item(qs_batch_inputs *in, const char *path, qs_item_state state, const char *kind,
                     const char *message) {
  qs_grow(&in->items, &in->cap, in->n + 1, sizeof *in->items);
  in->items[in->n++] = (qs_batch_item){.path = qs_xstrdup(path),
                                       .shown = qs_display_name(path),
                                       .state = state,
                                       .kind = kind ? qs_xstrdup(kind) : NULL,
                                       .message = message ? qs_xstrdup(message) : NULL};
}

/* "x.xml", "x.XML", "x.Xml": a submission, whatever the case of its extension. */
static int is_xml_name(const char *name) {
  size_t n = strlen(name);
  return n > 4 && strcasecmp(name + n - 4, ".xml") == 0;
}

typedef struct {
  qs_batch_inputs *in;
  int has_out; /* the output folder exists: its device and inode */
  dev_t out_dev;
  ino_t out_ino;
  const char *out_dir;
  size_t max_bytes;
  qs_lang lang;
} walk_ctx;

static void add_failed(walk_ctx *w, const char *path, const char *kind, qs_msg m, ...) {
  va_list ap;
  va_start(ap, m);
  qs_buf b = {0};
  qs_buf_vaddf(&b, qs_msg_get(w->lang, m), ap);
  va_end(ap);
  add_item(w->in, path, strcmp(kind, "skipped") == 0 ? QS_ITEM_SKIPPED : QS_ITEM_FAILED, kind, b.s);
  qs_buf_free(&b);
}

/* A file to score, or why not, by what stat says of it. */
static void add_file(walk_ctx *w, const char *path, const struct stat *st, int inside_out) {
  if (inside_out) {
    char *shown = qs_display_name(w->out_dir);
    add_failed(w, path, "skipped", QS_M_SKIP_OUT, shown);
    free(shown);
  } else if (!S_ISREG(st->st_mode)) {
    add_failed(w, path, "skipped", QS_M_SKIP_SPECIAL);
  } else if ((unsigned long long)st->st_size > w->max_bytes) {
    /* Refused by its size, before a byte of it is read or hashed. */
    add_failed(w, path, "invalid", QS_M_TOO_LARGE, (long)(w->max_bytes >> 20));
  } else {
    add_item(w->in, path, QS_ITEM_PENDING, NULL, NULL);
  }
}

static int is_out_dir(const walk_ctx *w, const struct stat *st) {
  return w->has_out && st->st_dev == w->out_dev && st->st_ino == w->out_ino;
}

static void walk(walk_ctx *w, const char *dir, int depth, int inside_out) {
  DIR *dp = opendir(dir);
  if (!dp) {
    add_failed(w, dir, "invalid", QS_M_CANNOT_READ, qs_strerror(w->lang, errno));
    return;
  }
  for (struct dirent *de; (de = readdir(dp));) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
      continue;
    qs_buf p = {0};
    qs_buf_addf(&p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
    struct stat st, target;
    if (lstat(p.s, &st) != 0) {
      if (is_xml_name(de->d_name))
        add_failed(w, p.s, "invalid", QS_M_CANNOT_READ, qs_strerror(w->lang, errno));
    } else if (S_ISLNK(st.st_mode)) {
      /* Not followed (it could lead out of the folder given, or round in a loop), but said
       * when it looks like a submission or leads to a folder. */
      if (is_xml_name(de->d_name) || (stat(p.s, &target) == 0 && S_ISDIR(target.st_mode)))
        add_failed(w, p.s, "skipped", QS_M_SKIP_LINK);
    } else if (S_ISDIR(st.st_mode)) {
      int out = inside_out || is_out_dir(w, &st);
      if (depth + 1 > QS_BATCH_MAX_DEPTH)
        add_failed(w, p.s, "skipped", QS_M_SKIP_DEEP, QS_BATCH_MAX_DEPTH);
      else
        walk(w, p.s, depth + 1, out);
    } else if (is_xml_name(de->d_name)) {
      add_file(w, p.s, &st, inside_out);
    }
    qs_buf_free(&p);
  }
  closedir(dp);
}

static int cmp_item(const void *a, const void *b) {
  return strcmp(((const qs_batch_item *)a)->path, ((const qs_batch_item *)b)->path);
}

static void item_free(qs_batch_item *it) {
  free(it->path);
  free(it->shown);
  free(it->kind);
  free(it->message);
}

void qs_batch_collect(qs_batch_inputs *in, char *const *args, int n, const char *out_dir,
                      size_t max_bytes, qs_lang lang) {
  walk_ctx w = {.in = in, .out_dir = out_dir, .max_bytes = max_bytes, .lang = lang};
  struct stat ost;
  if (out_dir && stat(out_dir, &ost) == 0 && S_ISDIR(ost.st_mode)) {
    w.has_out = 1;
    w.out_dev = ost.st_dev;
    w.out_ino = ost.st_ino;
  }
  for (int i = 0; i < n; i++) {
    struct stat st;
    if (stat(args[i], &st) != 0)
      add_failed(&w, args[i], "invalid", QS_M_CANNOT_READ, qs_strerror(lang, errno));
    else if (S_ISDIR(st.st_mode))
      walk(&w, args[i], 0, is_out_dir(&w, &st));
    else
      add_file(&w, args[i], &st, 0); /* named on the command line: scored even in --out */
  }
  qs_sort(in->items, in->n, sizeof *in->items, cmp_item);
  size_t k = 0;
  for (size_t i = 0; i < in->n; i++) {
    if (k > 0 && strcmp(in->items[k - 1].path, in->items[i].path) == 0) {
      item_free(&in->items[i]);
      continue;
    }
    in->items[k++] = in->items[i];
  }
  in->n = k;
}

size_t qs_batch_pending(const qs_batch_inputs *in) {
  size_t n = 0;
  for (size_t i = 0; i < in->n; i++)
    n += in->items[i].state == QS_ITEM_PENDING;
  return n;
}

void qs_batch_inputs_free(qs_batch_inputs *in) {
  for (size_t i = 0; i < in->n; i++)
    item_free(&in->items[i]);
  free(in->items);
  *in = (qs_batch_inputs){0};
}

/* ------------------------------------------------------------------ workers */

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

/* Score one file and put its result into the cache; the reply to the parent: 1 scored,
 * 2 not scored (an .err says why), 3 a write failed (why in *why, nothing of the key kept). */
static int worker_score(qs_engine *e, const qs_batch_item *it, const qs_batch_options *o,
                        qs_stylesheet *xsl, char **why) {
  const qs_outdir *out = o->out;
  qs_diag d;
  qs_diag_init(&d, o->lang);
  qs_report *rep = NULL;
  char *data;
  size_t len;
  qs_score_status st = QS_SCORE_INVALID;
  if (qs_engine_read_input(e, it->path, 1, &data, &len, &d) == 0) {
    st = qs_engine_score_buffer(e, it->path, data, len, &rep, &d);
    free(data);
  }
  int reply;
  if (st == QS_SCORE_OK) {
    char *html_error = NULL;
    char *html = xsl ? qs_render_html(rep, o->lang, xsl, &html_error) : NULL;
    char *row = qs_render_json_row(rep, o->lang);
    char *json = qs_render_json(rep, o->lang, 0);
    int bad = 0;
    if (!html) {
      qs_buf b = {0};
      qs_buf_addf(&b, "report-html.xsl: %s", html_error ? html_error : "?");
      *why = qs_buf_take(&b);
      bad = 1;
    }
    bad =
        bad || qs_cache_store_scored(out, it->key, html, row, strlen(row), json, o->lang, why) != 0;
    free(html_error);
    free(html);
    free(row);
    free(json);
    qs_report_free(rep);
    reply = bad ? 3 : 1;
  } else {
    const char *kind = st == QS_SCORE_INVALID ? "invalid"
                       : st == QS_SCORE_LIMIT ? "limit"
                                              : "rules";
    reply = qs_cache_store_failed(out, it->key, kind, &d, o->lang, why) == 0 ? 2 : 3;
  }
  qs_diag_free(&d);
  return reply;
}

static void worker_main(qs_engine *e, const qs_batch_inputs *in, const qs_batch_options *o, int rfd,
                        int wfd) {
  FILE *cmd = fdopen(rfd, "r");
  char line[64];
  char *xsl_error = NULL;
  qs_stylesheet *xsl = qs_stylesheet_load(NULL, &xsl_error);
  free(xsl_error);
  while (cmd && fgets(line, sizeof line, cmd)) {
    size_t i = strtoul(line, NULL, 10);
    if (i >= in->n)
      break;
    char *why = NULL;
    int status = worker_score(e, &in->items[i], o, xsl, &why);
    worker_trim();
    /* "index status[ reason]": the reason of a failed write, one line. */
    qs_buf reply = {0};
    qs_buf_addf(&reply, "%zu %d", i, status);
    if (why) {
      char *one = qs_diag_clean(why, 1000);
      qs_buf_addf(&reply, " %s", one);
      free(one);
      free(why);
    }
    qs_buf_add(&reply, "\n");
    ssize_t n = write(wfd, reply.s, reply.len);
    int ok = n == (ssize_t)reply.len;
    qs_buf_free(&reply);
    if (!ok)
      break;
  }
  qs_stylesheet_free(xsl);
  _exit(0);
}

typedef struct {
  pid_t pid;
  int to, from;
  long busy; /* item index, -1 when idle */
  struct timespec started;
  char buf[4096];
  size_t len;
} worker;

static int spawn(worker *ws, int n_ws, worker *w, qs_engine *e, const qs_batch_inputs *in,
                 const qs_batch_options *o) {
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
     * parent retires would never see the end of its command pipe. */
    for (int k = 0; k < n_ws; k++)
      if (&ws[k] != w && ws[k].pid > 0) {
        close(ws[k].to);
        close(ws[k].from);
      }
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    worker_main(e, in, o, down[0], up[1]);
  }
  close(down[0]);
  close(up[1]);
  *w = (worker){.pid = pid, .to = down[1], .from = up[0], .busy = -1};
  return 0;
}

static void retire(worker *w, int kill_it) {
  if (w->pid <= 0)
    return;
  close(w->to);
  close(w->from);
  if (kill_it)
    kill(w->pid, SIGKILL);
  int status;
  waitpid(w->pid, &status, 0);
  w->pid = 0;
}

static double since(const struct timespec *t) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static volatile sig_atomic_t interrupted;
static void on_signal(int sig) { interrupted = sig; }

static void progress(const qs_batch_options *o, size_t done, size_t total, size_t failed,
                     const struct timespec *t0, int final) {
  if (o->quiet || !isatty(2))
    return;
  double el = since(t0);
  double rate = el > 0 ? (double)done / el : 0;
  double left = rate > 0 ? (double)(total - done) / rate : 0;
  fprintf(stderr,
          o->lang == QS_LANG_EN ? "\r%zu/%zu files, %.1f/s, %zu not scored, %.0f s left   "
                                : "\r%zu/%zu 个文件，%.1f 个/秒，%zu 个未能评分，剩余约 %.0f 秒   ",
          done, total, rate, failed, left);
  if (final)
    fputc('\n', stderr);
}

/* A file the parent saw fail (a crash, a timeout, a failed write): recorded in the item, and
 * whatever the worker left of its result removed, so that a resumed run scores it again. */
static void parent_failed(const qs_batch_options *o, qs_batch_item *it, const char *kind,
                          const char *message) {
  qs_cache_forget(o->out, it->key);
  it->state = QS_ITEM_FAILED;
  free(it->kind);
  free(it->message);
  it->kind = qs_xstrdup(kind);
  it->message = qs_xstrdup(message);
}

int qs_batch_run(qs_engine *e, qs_batch_inputs *in, const qs_batch_options *o,
                 qs_batch_summary *s) {
  char context[65];
  qs_cache_context(e, o->params_signature, o->lang, context);
  size_t max_bytes = (size_t)qs_rubric_param(qs_engine_rubric(e), "max-input-mb")->value << 20;
  size_t *todo = qs_xcalloc(in->n ? in->n : 1, sizeof *todo);
  size_t n_todo = 0;
  for (size_t i = 0; i < in->n; i++) {
    qs_batch_item *it = &in->items[i];
    if (it->state != QS_ITEM_PENDING)
      continue;
    qs_cache_key(context, it->path, max_bytes, it->key);
    qs_cache_hit hit = o->resume ? qs_cache_lookup(o->out, it->key) : QS_CACHE_MISS;
    if (hit != QS_CACHE_MISS) {
      it->state = hit == QS_CACHE_SCORED ? QS_ITEM_SCORED : QS_ITEM_FAILED;
      s->cached++;
    } else {
      todo[n_todo++] = i;
    }
  }

  int jobs = o->jobs < 1 ? 1 : o->jobs;
  if ((size_t)jobs > n_todo)
    jobs = n_todo ? (int)n_todo : 1;
  worker *ws = qs_xcalloc((size_t)jobs, sizeof *ws);
  struct sigaction sa = {0}, old_int, old_term, old_pipe;
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, &old_int);
  sigaction(SIGTERM, &sa, &old_term);
  sa.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &sa, &old_pipe);
  interrupted = 0;

  struct timespec t0, last_progress = {0};
  clock_gettime(CLOCK_MONOTONIC, &t0);
  size_t next = 0, done = 0, failed = 0;
  int rc = 0;
  for (int k = 0; k < jobs && n_todo; k++)
    if (spawn(ws, jobs, &ws[k], e, in, o) != 0)
      rc = -1;
  while (rc == 0 && done < n_todo && !interrupted) {
    /* Hand out files to idle workers, in input order. */
    for (int k = 0; k < jobs; k++) {
      if (ws[k].pid <= 0) {
        if (next >= n_todo)
          continue;
        if (spawn(ws, jobs, &ws[k], e, in, o) != 0) {
          rc = -1;
          break;
        }
      }
      if (ws[k].busy < 0 && next < n_todo) {
        char line[32];
        int n = snprintf(line, sizeof line, "%zu\n", todo[next]);
        if (write(ws[k].to, line, (size_t)n) == n) {
          ws[k].busy = (long)todo[next++];
          clock_gettime(CLOCK_MONOTONIC, &ws[k].started);
        } else {
          retire(&ws[k], 1);
        }
      }
    }
    struct pollfd *pf = qs_xcalloc((size_t)jobs, sizeof *pf);
    for (int k = 0; k < jobs; k++)
      pf[k] = (struct pollfd){.fd = ws[k].pid > 0 ? ws[k].from : -1, .events = POLLIN};
    poll(pf, (nfds_t)jobs, 100);
    for (int k = 0; k < jobs; k++) {
      worker *w = &ws[k];
      if (w->pid <= 0)
        continue;
      int dead = 0;
      if (pf[k].revents & (POLLIN | POLLHUP | POLLERR)) {
        ssize_t r = read(w->from, w->buf + w->len, sizeof w->buf - 1 - w->len);
        if (r <= 0)
          dead = 1;
        else
          w->len += (size_t)r;
        w->buf[w->len] = '\0';
        char *nl;
        while ((nl = memchr(w->buf, '\n', w->len))) {
          *nl = '\0';
          char *end;
          size_t i = strtoul(w->buf, &end, 10);
          int status = (int)strtol(end, &end, 10);
          if ((long)i == w->busy) {
            qs_batch_item *it = &in->items[i];
            if (status == 1) {
              it->state = QS_ITEM_SCORED;
            } else {
              it->state = QS_ITEM_FAILED;
              failed++;
              if (status == 3) {
                qs_buf m = {0};
                qs_buf_addf(&m, qs_msg_get(o->lang, QS_M_WRITE_FAILED), *end ? end + 1 : "?");
                parent_failed(o, it, "write", m.s);
                qs_buf_free(&m);
              }
            }
            done++;
            w->busy = -1;
          }
          size_t used = (size_t)(nl - w->buf) + 1;
          memmove(w->buf, nl + 1, w->len - used);
          w->len -= used;
        }
        if (w->len >= sizeof w->buf - 1) /* a line longer than any reply: drop it */
          w->len = 0;
      }
      if (!dead && w->busy >= 0 && since(&w->started) > o->file_seconds) {
        qs_buf m = {0};
        qs_buf_addf(&m,
                    o->lang == QS_LANG_EN
                        ? "not scored: still running after %g s (parameter batch-file-seconds)"
                        : "未能评分：超过 %g 秒仍未完成（参数 batch-file-seconds）",
                    o->file_seconds);
        parent_failed(o, &in->items[w->busy], "timeout", m.s);
        qs_buf_free(&m);
        failed++;
        done++;
        w->busy = -1;
        retire(w, 1);
        continue;
      }
      if (dead) {
        long busy = w->busy;
        int status = 0;
        close(w->to);
        close(w->from);
        waitpid(w->pid, &status, 0);
        w->pid = 0;
        if (busy >= 0) {
          qs_buf m = {0};
          if (WIFSIGNALED(status))
            qs_buf_addf(&m,
                        o->lang == QS_LANG_EN ? "not scored: the scorer crashed (signal %d)"
                                              : "未能评分：评分进程异常终止（信号 %d）",
                        WTERMSIG(status));
          else
            qs_buf_addf(&m,
                        o->lang == QS_LANG_EN ? "not scored: the scorer exited (status %d)"
                                              : "未能评分：评分进程退出（状态 %d）",
                        WEXITSTATUS(status));
          parent_failed(o, &in->items[busy], "crash", m.s);
          qs_buf_free(&m);
          failed++;
          done++;
        }
      }
    }
    free(pf);
    if (since(&last_progress) > 0.1) {
      progress(o, done, n_todo, failed, &t0, 0);
      clock_gettime(CLOCK_MONOTONIC, &last_progress);
    }
  }
  progress(o, done, n_todo, failed, &t0, 1);
  for (int k = 0; k < jobs; k++)
    retire(&ws[k], interrupted != 0);
  free(ws);
  free(todo);
  sigaction(SIGINT, &old_int, NULL);
  sigaction(SIGTERM, &old_term, NULL);
  sigaction(SIGPIPE, &old_pipe, NULL);
  s->signal = (int)interrupted;
  return rc;
}
