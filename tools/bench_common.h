/* bench_common.h -- what tools/bench_floor.c and tools/bench_naive.c share: the clock, dying
 * with a message, the list of input files (files as given, folders' *.xml sorted by name) and
 * reading a file whole. Plain C and libc only, so that the floor links nothing but libxml2.
 * Each tool defines BENCH_PROG (its name, for messages) before including this. */
#ifndef QS_BENCH_COMMON_H
#define QS_BENCH_COMMON_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what, const char *arg) {
  fprintf(stderr, "%s: %s%s%s\n", BENCH_PROG, what, arg ? ": " : "", arg ? arg : "");
  exit(1);
}

typedef struct {
  char **v;
  size_t n, cap;
} list;

static void push(list *l, const char *s) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 1024;
    l->v = realloc(l->v, l->cap * sizeof *l->v);
    if (!l->v)
      die("out of memory", NULL);
  }
  l->v[l->n] = strdup(s);
  if (!l->v[l->n++])
    die("out of memory", NULL);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file as given; a folder's *.xml (not hidden), sorted by name. */
static void add_path(list *l, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0)
    die("cannot stat", path);
  if (!S_ISDIR(st.st_mode)) {
    push(l, path);
    return;
  }
  DIR *dp = opendir(path);
  if (!dp)
    die("cannot open folder", path);
  size_t first = l->n;
  for (struct dirent *de; (de = readdir(dp));) {
    size_t len = strlen(de->d_name);
    if (len > 4 && strcmp(de->d_name + len - 4, ".xml") == 0 && de->d_name[0] != '.') {
      size_t need = strlen(path) + len + 2;
      char *p = malloc(need);
      if (!p)
        die("out of memory", NULL);
      snprintf(p, need, "%s/%s", path, de->d_name);
      push(l, p);
      free(p);
    }
  }
  closedir(dp);
  if (l->n > first)
    qsort(l->v + first, l->n - first, sizeof *l->v, cmp_str);
}

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    die("cannot read", path);
  size_t cap = 1 << 16, n = 0;
  char *data = malloc(cap);
  for (size_t got; data && (got = fread(data + n, 1, cap - n, f)) > 0;) {
    n += got;
    if (n == cap)
      data = realloc(data, cap *= 2);
  }
  if (!data || ferror(f))
    die("cannot read", path);
  fclose(f);
  *len = n;
  return data;
}

#endif
