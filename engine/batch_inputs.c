/* batch_inputs.c -- the inputs of `qscore batch`: every path given, and every *.xml found in
 * the folders given, either to be scored or listed with why not (see qs_batch_collect). Only
 * stat and lstat are used here: no input is opened, so a FIFO never blocks and a file too large
 * is refused before a byte of it is read. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "qs_batch.h"
#include "qs_util.h"

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
