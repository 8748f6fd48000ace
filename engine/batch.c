/* batch.c -- inputs, the result cache and the worker processes of `qscore batch`.
 *
 * The parent loads the rules (and fails with exit 3 before forking if they are broken), then
 * forks workers that inherit the loaded engine: each reads a file index from its pipe, scores
 * the file, writes the report (or the diagnostics) into the cache and answers with the index.
 * The parent hands out files in input order, watches each worker's time on its file and its
 * pipe: a worker that dies or overruns the per-file limit (parameter batch-file-seconds) is
 * killed and replaced, and the file gets an .err naming what happened; the rest of the batch
 * goes on. */
#include "qs_batch.h"

#include <dirent.h>
#include <errno.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "qs_render.h"
#include "qs_util.h"

/* ------------------------------------------------------------------ inputs */

static void add_item(qs_batch_inputs *in, const char *path) {
  qs_grow(&in->items, &in->cap, in->n + 1, sizeof *in->items);
  in->items[in->n++] = (qs_batch_item){.path = qs_xstrdup(path)};
}

static int is_xml_name(const char *name) {
  size_t n = strlen(name);
  return n > 4 && (strcmp(name + n - 4, ".xml") == 0 || strcmp(name + n - 4, ".XML") == 0);
}

static void walk(qs_batch_inputs *in, const char *dir, int depth) {
  if (depth > 64)
    return;
  DIR *dp = opendir(dir);
  if (!dp) {
    add_item(in, dir); /* reported as unreadable */
    return;
  }
  for (struct dirent *de; (de = readdir(dp));) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
      continue;
    qs_buf p = {0};
    qs_buf_addf(&p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
    struct stat st;
    if (lstat(p.s, &st) == 0) {
      if (S_ISDIR(st.st_mode))
        walk(in, p.s, depth + 1);
      else if (S_ISREG(st.st_mode) && is_xml_name(de->d_name))
        add_item(in, p.s);
    }
    qs_buf_free(&p);
  }
  closedir(dp);
}

static int cmp_item(const void *a, const void *b) {
  return strcmp(((const qs_batch_item *)a)->path, ((const qs_batch_item *)b)->path);
}

void qs_batch_collect(qs_batch_inputs *in, char *const *args, int n) {
  for (int i = 0; i < n; i++) {
    struct stat st;
    if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
      walk(in, args[i], 0);
    else
      add_item(in, args[i]);
  }
  qs_sort(in->items, in->n, sizeof *in->items, cmp_item);
  size_t k = 0;
  for (size_t i = 0; i < in->n; i++) {
    if (k > 0 && strcmp(in->items[k - 1].path, in->items[i].path) == 0) {
      free(in->items[i].path);
      continue;
    }
    in->items[k++] = in->items[i];
  }
  in->n = k;
}

void qs_batch_inputs_free(qs_batch_inputs *in) {
  for (size_t i = 0; i < in->n; i++)
    free(in->items[i].path);
  free(in->items);
  *in = (qs_batch_inputs){0};
}

/* ------------------------------------------------------------------ cache */

char *qs_batch_cache_path(const char *out_dir, const char *key, const char *ext) {
  qs_buf b = {0};
  qs_buf_addf(&b, "%s/.qscore-cache/%s%s", out_dir, key, ext);
  return qs_buf_take(&b);
}

void qs_stream_open(qs_stream *st, const char *path) {
  qs_buf tmp = {0};
  qs_buf_addf(&tmp, "%s.tmp.%ld", path, (long)getpid());
  st->path = qs_xstrdup(path);
  st->tmp = qs_buf_take(&tmp);
  st->f = fopen(st->tmp, "wb");
  st->bad = !st->f;
}

static void stream_write(qs_stream *st, qs_buf *b) {
  if (st->f && b->len && fwrite(b->s, 1, b->len, st->f) != b->len)
    st->bad = 1;
  b->len = 0;
  if (b->s)
    b->s[0] = '\0';
}

void qs_stream_put(qs_stream *st, qs_buf *b) {
  if (b->len >= (size_t)64 << 10)
    stream_write(st, b);
}

int qs_stream_close(qs_stream *st, qs_buf *b) {
  if (b)
    stream_write(st, b);
  if (st->f && fclose(st->f) != 0)
    st->bad = 1;
  if (!st->bad && rename(st->tmp, st->path) != 0)
    st->bad = 1;
  if (st->bad)
    unlink(st->tmp);
  free(st->tmp);
  free(st->path);
  int rc = st->bad ? -1 : 0;
  *st = (qs_stream){0};
  return rc;
}

int qs_write_atomic(const char *path, const char *data, size_t len) {
  qs_stream st;
  qs_stream_open(&st, path);
  if (st.f && len && fwrite(data, 1, len, st.f) != len)
    st.bad = 1;
  return qs_stream_close(&st, NULL);
}

/* The key of a file's result: its path and content, the rules, the parameters, the language. */
static void compute_key(qs_batch_item *it, const char *rules_sha, const qs_batch_options *o) {
  char *data;
  size_t len;
  const char *err;
  char content[65] = "unreadable";
  if (qs_read_file(it->path, (size_t)1 << 34, &data, &len, &err) == 0) {
    qs_sha256_hex(data, len, content);
    free(data);
  }
  qs_sha256 *h = qs_sha256_new();
  const char *parts[] = {it->path, content, rules_sha, o->params_signature,
                         o->lang == QS_LANG_EN ? "en" : "zh"};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
    qs_sha256_update(h, parts[i], strlen(parts[i]) + 1);
  qs_sha256_final(h, it->key);
}

static int exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

/* An .err file: first line the kind (invalid, limit, rules, crash, timeout), then
 * "line<TAB>message". */
static void write_err(const char *out_dir, const char *key, const char *kind, const qs_diag *d,
                      const char *message) {
  qs_buf b = {0};
  qs_buf_addf(&b, "%s\n", kind);
  for (size_t i = 0; d && i < d->n; i++)
    qs_buf_addf(&b, "%ld\t%s\n", d->items[i].line, d->items[i].text);
  if (d && d->dropped)
    qs_buf_addf(&b, "0\t%zu more\n", d->dropped);
  if (message)
    qs_buf_addf(&b, "0\t%s\n", message);
  char *path = qs_batch_cache_path(out_dir, key, ".err");
  qs_write_atomic(path, b.s, b.len);
  free(path);
  qs_buf_free(&b);
  /* A worker that wrote its report and then died leaves no report: the file is not scored. */
  char *json = qs_batch_cache_path(out_dir, key, ".json");
  unlink(json);
  free(json);
}

/* Errors of these kinds may depend on the machine, not only on the file: a resumed run tries
 * again (a limit may be the run-seconds deadline; at the firing cap it comes out the same). */
static int err_is_retryable(const char *out_dir, const char *key) {
  char *path = qs_batch_cache_path(out_dir, key, ".err");
  char *data;
  size_t len;
  const char *e;
  int retry = 1;
  if (qs_read_file(path, 1 << 20, &data, &len, &e) == 0) {
    retry = strncmp(data, "crash\n", 6) == 0 || strncmp(data, "timeout\n", 8) == 0 ||
            strncmp(data, "limit\n", 6) == 0;
    free(data);
  }
  free(path);
  return retry;
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
    const qs_batch_item *it = &in->items[i];
    qs_diag d;
    qs_diag_init(&d, o->lang);
    qs_report *rep = NULL;
    qs_score_status st = qs_engine_score(e, it->path, &rep, &d);
    if (st == QS_SCORE_OK) {
      /* The HTML first: the JSON's presence is what marks the file done. */
      char *html_error = NULL;
      char *html = xsl ? qs_render_html(rep, o->lang, xsl, &html_error) : NULL;
      free(html_error);
      char *hpath = qs_batch_cache_path(o->out_dir, it->key, ".html");
      if (html)
        qs_write_atomic(hpath, html, strlen(html));
      free(hpath);
      free(html);
      char *row = qs_render_json_row(rep, o->lang);
      char *rpath = qs_batch_cache_path(o->out_dir, it->key, ".row");
      qs_write_atomic(rpath, row, strlen(row));
      free(rpath);
      free(row);
      char *json = qs_render_json(rep, o->lang, 0);
      char *path = qs_batch_cache_path(o->out_dir, it->key, ".json");
      qs_write_atomic(path, json, strlen(json));
      free(path);
      free(json);
      qs_report_free(rep);
    } else {
      write_err(o->out_dir, it->key,
                st == QS_SCORE_INVALID ? "invalid"
                : st == QS_SCORE_LIMIT ? "limit"
                                       : "rules",
                &d, NULL);
    }
    qs_diag_free(&d);
    worker_trim();
    char reply[48];
    int n = snprintf(reply, sizeof reply, "%zu %d\n", i, st == QS_SCORE_OK ? 1 : 2);
    if (write(wfd, reply, (size_t)n) != n)
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
  char buf[256];
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
static void on_signal(int sig) {
  (void)sig;
  interrupted = 1;
}

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

int qs_batch_run(qs_engine *e, qs_batch_inputs *in, const qs_batch_options *o,
                 qs_batch_summary *s) {
  qs_buf dir = {0};
  qs_buf_addf(&dir, "%s/.qscore-cache", o->out_dir);
  mkdir(o->out_dir, 0755);
  if (!o->resume) {
    /* A fresh run: forget earlier results. */
    DIR *dp = opendir(dir.s);
    for (struct dirent *de; dp && (de = readdir(dp));) {
      if (de->d_name[0] == '.')
        continue;
      qs_buf p = {0};
      qs_buf_addf(&p, "%s/%s", dir.s, de->d_name);
      unlink(p.s);
      qs_buf_free(&p);
    }
    if (dp)
      closedir(dp);
  }
  mkdir(dir.s, 0755);
  /* Temporary files of a run that was killed are never picked up; clear them. */
  const char *const dirs[] = {o->out_dir, dir.s};
  for (int k = 0; k < 2; k++) {
    DIR *dp = opendir(dirs[k]);
    for (struct dirent *de; dp && (de = readdir(dp));) {
      if (!strstr(de->d_name, ".tmp."))
        continue;
      qs_buf p = {0};
      qs_buf_addf(&p, "%s/%s", dirs[k], de->d_name);
      unlink(p.s);
      qs_buf_free(&p);
    }
    if (dp)
      closedir(dp);
  }
  struct stat st;
  int ok = stat(dir.s, &st) == 0 && S_ISDIR(st.st_mode);
  qs_buf_free(&dir);
  if (!ok)
    return -1;

  const char *rules_sha = qs_engine_rules_sha256(e);
  size_t *todo = qs_xcalloc(in->n ? in->n : 1, sizeof *todo);
  size_t n_todo = 0;
  for (size_t i = 0; i < in->n; i++) {
    qs_batch_item *it = &in->items[i];
    compute_key(it, rules_sha, o);
    char *json = qs_batch_cache_path(o->out_dir, it->key, ".json");
    char *err = qs_batch_cache_path(o->out_dir, it->key, ".err");
    if (o->resume && exists(json)) {
      it->state = QS_ITEM_SCORED;
      s->cached++;
    } else if (o->resume && exists(err) && !err_is_retryable(o->out_dir, it->key)) {
      it->state = QS_ITEM_FAILED;
      s->cached++;
    } else {
      todo[n_todo++] = i;
    }
    free(json);
    free(err);
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
        char *nl;
        while ((nl = memchr(w->buf, '\n', w->len))) {
          size_t i = strtoul(w->buf, NULL, 10);
          int ok = strchr(w->buf, ' ') && atoi(strchr(w->buf, ' ') + 1) == 1;
          if ((long)i == w->busy) {
            in->items[i].state = ok ? QS_ITEM_SCORED : QS_ITEM_FAILED;
            failed += !ok;
            done++;
            w->busy = -1;
          }
          size_t used = (size_t)(nl - w->buf) + 1;
          memmove(w->buf, nl + 1, w->len - used);
          w->len -= used;
        }
      }
      if (!dead && w->busy >= 0 && since(&w->started) > o->file_seconds) {
        qs_buf m = {0};
        qs_buf_addf(&m,
                    o->lang == QS_LANG_EN
                        ? "not scored: still running after %g s (parameter batch-file-seconds)"
                        : "未能评分：超过 %g 秒仍未完成（参数 batch-file-seconds）",
                    o->file_seconds);
        write_err(o->out_dir, in->items[w->busy].key, "timeout", NULL, m.s);
        qs_buf_free(&m);
        in->items[w->busy].state = QS_ITEM_FAILED;
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
          write_err(o->out_dir, in->items[busy].key, "crash", NULL, m.s);
          qs_buf_free(&m);
          in->items[busy].state = QS_ITEM_FAILED;
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
    retire(&ws[k], interrupted);
  free(ws);
  free(todo);
  sigaction(SIGINT, &old_int, NULL);
  sigaction(SIGTERM, &old_term, NULL);
  sigaction(SIGPIPE, &old_pipe, NULL);
  if (interrupted)
    return -2;
  return rc;
}
