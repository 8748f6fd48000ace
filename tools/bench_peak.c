/* bench_peak.c -- wall time and peak memory of a command and every process it starts, for
 * `make bench` (issue 7): `qscore batch` forks workers, so the peak of the parent alone (what
 * getrusage or /usr/bin/time report) would miss most of the memory.
 *
 *   bench_peak [-o FILE] [-i MS] -- COMMAND [ARG...]
 *
 * Runs COMMAND (its output goes where ours goes) and, every MS milliseconds (default 20)
 * until it exits, finds the process tree under it in /proc (the kernel's list of each
 * thread's children, /proc/PID/task/TID/children) and sums the resident set (statm) and the
 * proportional set (Pss of smaps_rollup, which shares the copy-on-write pages of forked workers out
 * among them) over the tree. Then writes one line of key=value pairs to FILE (default standard
 * error):
 *
 *   wall_s=12.3 cpu_s=24.1 others_cpu_s=0.4 peak_rss_mb=87.1 peak_pss_mb=60.2
 *   peak_root_rss_mb=40.3 peak_procs=3 samples=612 exit=0            (on one line)
 *
 * and exits with the command's status. The RSS sum counts shared pages once per process, so
 * it is an upper bound; the PSS sum is the memory the tree really holds; peak_root_rss_mb is
 * the command's own process alone (qscore batch's parent, without its workers). cpu_s is the user
 * and system time of the command and every descendant it waited for; others_cpu_s the CPU time the
 * rest of the machine used meanwhile (busy time of /proc/stat less cpu_s): on a shared machine,
 * what the numbers had to compete with. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct {
  pid_t *v;
  size_t n, cap;
} pids;

static void add_pid(pids *t, pid_t p) {
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 16;
    t->v = realloc(t->v, t->cap * sizeof *t->v);
    if (!t->v)
      exit(4);
  }
  t->v[t->n++] = p;
}

/* The tree under root: root, then the children of each of its threads as the kernel lists
 * them in /proc/PID/task/TID/children, breadth first. */
static void find_tree(pid_t root, pids *t) {
  t->n = 0;
  add_pid(t, root);
  for (size_t k = 0; k < t->n; k++) {
    char path[96];
    snprintf(path, sizeof path, "/proc/%ld/task", (long)t->v[k]);
    DIR *dp = opendir(path);
    if (!dp)
      continue;
    for (struct dirent *de; (de = readdir(dp));) {
      if (!isdigit((unsigned char)de->d_name[0]))
        continue;
      char cpath[400];
      snprintf(cpath, sizeof cpath, "%s/%s/children", path, de->d_name);
      FILE *f = fopen(cpath, "r");
      if (!f)
        continue;
      for (long c; fscanf(f, "%ld", &c) == 1;)
        add_pid(t, (pid_t)c);
      fclose(f);
    }
    closedir(dp);
  }
}

static long rss_kb(pid_t pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%ld/statm", (long)pid);
  FILE *f = fopen(path, "r");
  long size, resident;
  int ok = f && fscanf(f, "%ld %ld", &size, &resident) == 2;
  if (f)
    fclose(f);
  return ok ? resident * (sysconf(_SC_PAGESIZE) / 1024) : 0;
}

static long pss_kb(pid_t pid) {
  char path[64], line[256];
  snprintf(path, sizeof path, "/proc/%ld/smaps_rollup", (long)pid);
  FILE *f = fopen(path, "r");
  long kb = 0;
  if (!f)
    return 0;
  while (fgets(line, sizeof line, f))
    if (strncmp(line, "Pss:", 4) == 0) {
      kb = atol(line + 4);
      break;
    }
  fclose(f);
  return kb;
}

/* Busy CPU seconds of the whole machine so far (the first line of /proc/stat: user, nice,
 * system, idle, iowait, irq, softirq, steal; guest time is already counted in user). */
static double machine_busy(void) {
  FILE *f = fopen("/proc/stat", "r");
  unsigned long long v[8] = {0};
  int n = f ? fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
                     &v[4], &v[5], &v[6], &v[7])
            : 0;
  if (f)
    fclose(f);
  if (n < 4)
    return 0;
  return (double)(v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / (double)sysconf(_SC_CLK_TCK);
}

int main(int argc, char **argv) {
  const char *out = NULL;
  long interval_ms = 20;
  int i = 1;
  for (; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
      out = argv[++i];
    else if (strcmp(argv[i], "-i") == 0 && i + 1 < argc)
      interval_ms = atol(argv[++i]);
    else if (strcmp(argv[i], "--") == 0) {
      i++;
      break;
    } else
      break;
  }
  if (i >= argc || interval_ms <= 0) {
    fputs("usage: bench_peak [-o FILE] [-i MS] -- COMMAND [ARG...]\n", stderr);
    return 2;
  }

  /* SIGCHLD stays blocked and is waited for between samples, so that the end of the command
   * is seen at once and the wall time is not rounded up to the sampling interval. */
  sigset_t chld, old;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, &old);
  double busy0 = machine_busy();
  double t0 = now();
  pid_t child = fork();
  if (child < 0) {
    perror("bench_peak: fork");
    return 4;
  }
  if (child == 0) {
    sigprocmask(SIG_SETMASK, &old, NULL);
    execvp(argv[i], argv + i);
    fprintf(stderr, "bench_peak: %s: %s\n", argv[i], strerror(errno));
    _exit(127);
  }

  pids tree = {0};
  long peak_rss = 0, peak_pss = 0, peak_root = 0, samples = 0;
  size_t peak_procs = 0;
  int status = 0;
  struct rusage ru = {0};
  double wall = 0, next = now();
  for (;;) {
    pid_t w = waitpid(child, &status, WNOHANG);
    if (w == child) {
      wall = now() - t0;
      break;
    }
    if (w < 0 && errno != EINTR) {
      perror("bench_peak: waitpid");
      return 4;
    }
    find_tree(child, &tree);
    long rss = 0, pss = 0;
    for (size_t k = 0; k < tree.n; k++) {
      long r = rss_kb(tree.v[k]);
      rss += r;
      pss += pss_kb(tree.v[k]);
      if (k == 0 && r > peak_root)
        peak_root = r;
    }
    samples++;
    if (rss > peak_rss)
      peak_rss = rss;
    if (pss > peak_pss)
      peak_pss = pss;
    if (tree.n > peak_procs)
      peak_procs = tree.n;
    /* The next sample every interval_ms on the clock, however long this one took; an earlier
     * SIGCHLD ends the wait. */
    next += (double)interval_ms / 1000;
    double left = next - now();
    if (left > 0) {
      struct timespec ts = {(time_t)left, (long)((left - (double)(time_t)left) * 1e9)};
      sigtimedwait(&chld, NULL, &ts);
    }
  }
  getrusage(RUSAGE_CHILDREN, &ru); /* the one child, and what it waited for */
  double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
               (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
  double others = machine_busy() - busy0 - cpu;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

  FILE *f = out ? fopen(out, "w") : stderr;
  if (!f) {
    perror(out);
    return 4;
  }
  fprintf(f,
          "wall_s=%.6f cpu_s=%.3f others_cpu_s=%.3f peak_rss_mb=%.1f peak_pss_mb=%.1f "
          "peak_root_rss_mb=%.1f peak_procs=%zu samples=%ld exit=%d\n",
          wall, cpu, others > 0 ? others : 0.0, (double)peak_rss / 1024, (double)peak_pss / 1024,
          (double)peak_root / 1024, peak_procs, samples, code);
  if (out)
    fclose(f);
  free(tree.v);
  return code;
}
