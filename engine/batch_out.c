/* batch_out.c -- the files of a batch, from its table (batch_table.c) and its cache, in this
 * order: results.jsonl, reports/, then triage.csv, errors.csv, triage.xlsx and index.html.
 *
 * Each output is written through qs_file (a temporary file and a rename, inside the folder's
 * descriptor) and only over a file the folder's manifest says qscore wrote: a file of the same
 * name that qscore did not write is left as it is and the failure said. The manifest is
 * widened to every name about to be written before the first is written (a run killed halfway
 * never leaves a file of qscore's that the manifest does not name), and narrowed afterwards
 * to what this run wrote, the reports of the last run that this one did not make removed.
 * results.jsonl and the reports are byte copies of the cache's .json and .html entries, never
 * parsed and never links: a reviewer who edits reports/X.json edits only that file. Every
 * failed write is reported on stderr with its path and the system's reason; the tables then
 * link no report that is not there. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_cache.h"
#include "batch_table.h"
#include "qs_batch.h"
#include "qs_util.h"

/* ------------------------------------------------------------------ writing */

typedef struct {
  const qs_batch_options *o;
  qs_batch_summary *s;
} out_ctx;

static void say_failure(out_ctx *x, const char *why) {
  char *shown = qs_diag_clean_in(x->o->lang, why, 4096);
  fprintf(stderr, "qscore: %s: %s\n", qs_msg_get(x->o->lang, QS_M_ERROR), shown);
  free(shown);
  x->s->write_failures++;
}

/* The folder descriptor and the name inside it of a manifest name ("reports/X.html"). */
static int where(const qs_outdir *out, const char *rel, const char **name) {
  if (strncmp(rel, "reports/", 8) == 0) {
    *name = rel + 8;
    return out->reports_fd;
  }
  *name = rel;
  return out->fd;
}

/* Open an output for writing: refused (and said) when a file of that name is there and qscore
 * did not write it. */
static int open_output(out_ctx *x, qs_file *f, const char *rel) {
  const qs_outdir *out = x->o->out;
  const char *name;
  int dfd = where(out, rel, &name);
  char *shown = qs_outdir_shown(out, rel);
  struct stat st;
  if (!qs_outdir_owns(out, rel) && fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
    qs_buf b = {0};
    char *d = qs_display_name(shown);
    qs_buf_addf(&b, qs_msg_get(x->o->lang, QS_M_OUT_NOT_OURS), d);
    say_failure(x, b.s);
    qs_buf_free(&b);
    free(d);
    free(shown);
    *f = (qs_file){.fd = -1};
    return -1;
  }
  int rc = qs_file_open(f, dfd, name, shown, 0);
  free(shown);
  return rc;
}

/* Close an output; 0, or -1 with the failure said. */
static int close_output(out_ctx *x, qs_file *f, qs_buf *rest) {
  if (!f->name) /* refused by open_output, said there */
    return -1;
  int rc = qs_file_close(f, rest);
  if (rc != 0) {
    char *why = qs_file_error(f, x->o->lang);
    say_failure(x, why);
    free(why);
  }
  qs_file_release(f);
  return rc;
}

/* Copy a cache entry to a report; 0 or -1 (said). */
static int copy_report(out_ctx *x, const char *key, const char *ext, const char *rel) {
  qs_file f;
  if (open_output(x, &f, rel) != 0) {
    close_output(x, &f, NULL);
    return -1;
  }
  int in = qs_cache_open(x->o->out, key, ext);
  if (in < 0) {
    f.problem = QS_FILE_ERRNO;
    f.err = errno;
  } else {
    qs_file_copy_from(&f, in);
    close(in);
  }
  return close_output(x, &f, NULL);
}

/* ------------------------------------------------------------------ the manifest */

typedef struct {
  char **names; /* relative ("triage.csv", "reports/X.html"), sorted once complete */
  size_t n, cap;
} name_list;

static void add_name(name_list *l, const char *rel) {
  qs_grow(&l->names, &l->cap, l->n + 1, sizeof *l->names);
  l->names[l->n++] = qs_xstrdup(rel);
}

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_name(const name_list *l, const char *rel) {
  return bsearch(&rel, l->names, l->n, sizeof *l->names, cmp_cstr) != NULL;
}

/* Every name this run is about to write: the tables and each row's two reports. */
static name_list names_to_write(const qs_table *t) {
  static const char *const tables[] = {"results.jsonl", "triage.csv", "triage.xlsx", "index.html",
                                       "errors.csv"};
  name_list l = {0};
  for (size_t k = 0; k < sizeof tables / sizeof tables[0]; k++)
    add_name(&l, tables[k]);
  for (size_t i = 0; i < t->n_rows; i++) {
    static const char *const exts[] = {".json", ".html"};
    for (int k = 0; k < 2; k++) {
      qs_buf b = {0};
      qs_buf_addf(&b, "%s%s", t->rows[i].report, exts[k]);
      add_name(&l, b.s);
      qs_buf_free(&b);
    }
  }
  qs_sort(l.names, l.n, sizeof *l.names, cmp_cstr);
  return l;
}

static void write_manifest(out_ctx *x, char *const *names, size_t n) {
  char *why = NULL;
  if (qs_outdir_write_manifest(x->o->out, names, n, x->o->lang, &why) != 0) {
    say_failure(x, why);
    free(why);
  }
}

/* The manifest before the first write: this run's names and the last run's. */
static void widen_manifest(out_ctx *x, const name_list *l) {
  const qs_outdir *out = x->o->out;
  char **wide = qs_xcalloc(l->n + out->n_owned + 1, sizeof *wide);
  size_t n_wide = 0;
  for (size_t i = 0; i < l->n; i++)
    wide[n_wide++] = l->names[i];
  for (size_t i = 0; i < out->n_owned; i++)
    if (!has_name(l, out->owned[i]))
      wide[n_wide++] = out->owned[i];
  write_manifest(x, wide, n_wide);
  free(wide);
}

/* After the last write: the last run's files that this run did not make (reports of
 * submissions no longer in the batch) removed, but only regular files the manifest names; the
 * cache kept to this run's results; the manifest narrowed to this run's names. */
static void narrow_manifest(out_ctx *x, const name_list *l, const qs_batch_inputs *in) {
  const qs_outdir *out = x->o->out;
  for (size_t i = 0; i < out->n_owned; i++) {
    if (has_name(l, out->owned[i]))
      continue;
    const char *name;
    int dfd = where(out, out->owned[i], &name);
    struct stat st;
    if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
      unlinkat(dfd, name, 0);
  }
  char(*keys)[65] = qs_xcalloc(in->n ? in->n : 1, sizeof *keys);
  for (size_t i = 0; i < in->n; i++)
    memcpy(keys[i], in->items[i].key, sizeof keys[i]);
  qs_cache_prune(out, (const char(*)[65])keys, in->n);
  free(keys);
  write_manifest(x, l->names, l->n);
}

/* ------------------------------------------------------------------ the outputs */

/* results.jsonl: each scored file's cached JSON line, in input order. */
static void write_results(out_ctx *x, const qs_table *t, const qs_batch_inputs *in) {
  qs_file f;
  open_output(x, &f, "results.jsonl");
  for (size_t i = 0; i < t->n_rows && f.problem == QS_FILE_OK && f.fd >= 0; i++) {
    int fd = qs_cache_open(x->o->out, in->items[t->rows[i].idx].key, QS_CACHE_JSON);
    if (fd < 0) {
      f.problem = QS_FILE_ERRNO;
      f.err = errno;
      break;
    }
    qs_file_copy_from(&f, fd);
    close(fd);
  }
  if (close_output(x, &f, NULL) == 0)
    x->s->written |= QS_OUT_RESULTS;
}

/* The reports: copies, each through its own temporary file. A report that could not be
 * written is linked from no table. */
static void write_reports(out_ctx *x, qs_table *t, const qs_batch_inputs *in) {
  int reports_ok = 1;
  for (size_t i = 0; i < t->n_rows; i++) {
    qs_row *r = &t->rows[i];
    static const char *const exts[] = {QS_CACHE_JSON, QS_CACHE_HTML};
    int ok = 1;
    for (int k = 0; k < 2; k++) {
      qs_buf rel = {0};
      qs_buf_addf(&rel, "%s%s", r->report, exts[k]);
      ok &= copy_report(x, in->items[r->idx].key, exts[k], rel.s) == 0;
      qs_buf_free(&rel);
    }
    if (!ok) {
      free(r->report);
      r->report = NULL;
      reports_ok = 0;
    }
  }
  if (reports_ok && t->n_rows)
    x->s->written |= QS_OUT_REPORTS;
}

/* The ranking, the errors, the workbook and the page. */
static void write_tables(out_ctx *x, qs_table *t) {
  qs_buf rest = {0};
  qs_file f;
  if (open_output(x, &f, "triage.csv") == 0)
    qs_write_csv(t, &f);
  if (close_output(x, &f, &rest) == 0)
    x->s->written |= QS_OUT_CSV;
  if (open_output(x, &f, "errors.csv") == 0)
    qs_write_errors_csv(t, &f);
  if (close_output(x, &f, &rest) == 0)
    x->s->written |= QS_OUT_ERRORS;
  if (open_output(x, &f, "triage.xlsx") == 0 && qs_write_xlsx(t, &f) != 0) {
    /* libxlsxwriter said why on stderr; nothing half-made is left */
    f.problem = f.problem ? f.problem : QS_FILE_ERRNO;
    f.err = f.err ? f.err : EIO;
  }
  if (close_output(x, &f, &rest) == 0)
    x->s->written |= QS_OUT_XLSX;
  if (open_output(x, &f, "index.html") == 0)
    qs_write_index_html(t, &f);
  if (close_output(x, &f, &rest) == 0)
    x->s->written |= QS_OUT_INDEX;
  qs_buf_free(&rest);
}

/* The counts of the summary. */
static void count(qs_batch_summary *s, const qs_table *t, const qs_batch_inputs *in) {
  for (size_t i = 0; i < t->n_rows; i++) {
    const char *tr = t->rows[i].triage;
    s->recommend += strcmp(tr, "recommend") == 0;
    s->review += strcmp(tr, "review") == 0;
    s->reject += strcmp(tr, "reject") == 0;
  }
  s->scored = t->n_rows;
  for (size_t i = 0; i < in->n; i++)
    s->skipped += in->items[i].state == QS_ITEM_SKIPPED;
  s->failed = in->n - t->n_rows - s->skipped;
  /* Files the rules failed on, not the files' fault: one per file, however many messages. */
  for (size_t i = 0; i < t->n_errors; i++)
    s->rules_failed += strcmp(t->errors[i].kind, "rules") == 0 &&
                       (i == 0 || strcmp(t->errors[i - 1].path, t->errors[i].path) != 0 ||
                        strcmp(t->errors[i - 1].kind, "rules") != 0);
}

void qs_batch_write_outputs(const qs_engine *e, const qs_batch_inputs *in,
                            const qs_batch_options *o, qs_batch_summary *s) {
  out_ctx x = {o, s};
  qs_table t;
  qs_table_load(&t, e, in, o->out, o->lang);
  t.rules_sha256 = qs_engine_rules_sha256(e);
  qs_table_name_reports(&t);
  name_list names = names_to_write(&t);
  widen_manifest(&x, &names);
  write_results(&x, &t, in);
  write_reports(&x, &t, in);
  qs_table_rank(&t);
  count(s, &t, in);
  write_tables(&x, &t);
  narrow_manifest(&x, &names, in);
  for (size_t i = 0; i < names.n; i++)
    free(names.names[i]);
  free(names.names);
  qs_table_free(&t);
}
