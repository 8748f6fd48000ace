/* test_batch_golden.c -- the outputs of `qscore batch` stay the same bytes through a redesign
 * (issue 14: the batch split into cache, worker pool and driver).
 *
 * The samples and the hostile inputs (tests/hostile: files that score, files that do not, files
 * that share an id) are scored as one batch on one day (2026-12-31), with two workers, in each
 * language:
 *   qscore batch [--lang en] --as-of 2026-12-31 --jobs 2 --out DIR samples tests/hostile
 * tests/golden-batch.txt holds the exit code and a SHA-256 of every output file: results.jsonl,
 * errors.csv, triage.csv, triage.xlsx, index.html and every file of reports/ (not qscore's own
 * .qscore-* files: the lock holds a process id, the cache's names depend on the rules). A
 * change of any byte, a file more or a file fewer fails here, naming the files.
 *
 * Then 200 generated submissions (tools/gensub, seed 14: broken ones, repeated ids, many equal
 * totals split differently between the sections, so that the ranking's tie-breaks are pinned),
 * scored from inside their folder so that the paths the outputs show do not depend on where
 * the folder is: the tables only (gen-zh/..., gen-en/...), not the 400 reports.
 *
 * triage.xlsx is compared as it is written, a zip, not as its unzipped sheets: it is byte-stable.
 * Its creation time is SOURCE_DATE_EPOCH or the epoch (unset here) and its zip entries are dated
 * 1980-01-01 00:00, so the same batch gives the same bytes whenever it runs.
 *
 * As in test_golden.c, every run of hex digits that starts with the first eight of the rules
 * hash is replaced by RULES before hashing: the rules change on other branches, and the
 * reports name their hash. An intended change is recorded by running
 *   QS_GOLDEN_WRITE=1 build/qscore-tests --filter batch_golden/every_batch_output_keeps_its_bytes
 * and the commit that does it says what changed and why. */
#define _GNU_SOURCE /* memmem, realpath */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/qs_util.h"
#include "helpers.h"

#define GOLDEN_FILE "tests/golden-batch.txt"

/* SHA-256 of data with every hex run that starts with rules (8 hex digits) replaced by RULES;
 * data may hold any bytes (the workbook is a zip). */
static void hash_without_rules(const char *data, size_t len, const char *rules, char out[65]) {
  qs_buf b = {0};
  qs_buf_add(&b, "");
  const char *p = data, *end = data + len;
  for (const char *q; (q = memmem(p, (size_t)(end - p), rules, strlen(rules))) != NULL;) {
    qs_buf_addn(&b, p, (size_t)(q - p));
    qs_buf_add(&b, "RULES");
    p = q;
    while (p < end && *p && strchr("0123456789abcdef", *p))
      p++;
  }
  qs_buf_addn(&b, p, (size_t)(end - p));
  qs_sha256_hex(b.s, b.len, out);
  qs_buf_free(&b);
}

typedef struct {
  char **items;
  size_t n, cap;
} list;

static void list_addf(list *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void list_addf(list *l, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  qs_buf b = {0};
  qs_buf_vaddf(&b, fmt, ap);
  va_end(ap);
  qs_grow(&l->items, &l->cap, l->n + 1, sizeof *l->items);
  l->items[l->n++] = qs_buf_take(&b);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "<label>/<name> <sha256>" for one output file. */
static void add_file(list *now, const char *label, const char *dir, const char *name,
                     const char *rules) {
  char *p = qs_test_join(dir, name);
  size_t len;
  char *data = qs_test_slurp(p, &len);
  char h[65];
  hash_without_rules(data, len, rules, h);
  list_addf(now, "%s/%s %s", label, name, h);
  free(data);
  free(p);
}

/* One batch in one language: its exit code and every output file, in name order, each named
 * "<label>/<file>". inputs: the inputs, given from the working folder, or from inside the
 * folder gen when it is given (then the reports are left out). */
static void run_batch(list *now, const char *label, const char *lang, const char *inputs,
                      const char *gen, const char *rules) {
  char *root = qs_test_tmpdir();
  char *out = qs_test_join(root, "out");
  char *bin = realpath(QS_BIN, NULL);
  cr_assert_not_null(bin);
  qs_buf script = {0};
  if (gen)
    qs_buf_addf(&script, "cd '%s' && ", gen);
  qs_buf_addf(&script, "exec '%s' batch --lang %s --as-of 2026-12-31 --jobs 2 --out '%s' %s", bin,
              lang, out, inputs);
  const char *argv[] = {"/bin/sh", "-c", script.s, NULL};
  int code = qs_test_exec(argv, NULL, NULL, NULL);
  qs_buf_free(&script);
  free(bin);
  list_addf(now, "%s/(exit) %d", label, code);
  char **names;
  size_t n = qs_test_list_dir(out, &names); /* without the .qscore-* files */
  for (size_t i = 0; i < n; i++) {
    char *p = qs_test_join(out, names[i]);
    struct stat st;
    cr_assert_eq(lstat(p, &st), 0, "%s", p);
    if (S_ISDIR(st.st_mode)) {
      cr_assert_str_eq(names[i], "reports", "no folder but reports/ in %s", out);
      char **reports;
      size_t m = qs_test_list_dir(p, &reports);
      for (size_t k = 0; k < m; k++) {
        char *rel = qs_test_join("reports", reports[k]);
        if (!gen)
          add_file(now, label, out, rel, rules);
        free(rel);
        free(reports[k]);
      }
      free(reports);
    } else {
      cr_assert(S_ISREG(st.st_mode), "%s is a regular file", p);
      add_file(now, label, out, names[i], rules);
    }
    free(p);
    free(names[i]);
  }
  free(names);
  free(out);
  qs_test_rmtree(root);
}

/* The name part of a golden line ("zh/triage.csv"), for the messages. */
static size_t name_len(const char *line, size_t len) {
  const char *sp = memchr(line, ' ', len);
  return sp ? (size_t)(sp - line) : len;
}

Test(batch_golden, every_batch_output_keeps_its_bytes, .timeout = 300) {
  /* The workbook's creation time, and with it its zip entries' dates: the epoch. */
  unsetenv("SOURCE_DATE_EPOCH");
  qs_engine *e = qs_test_engine();
  char rules[9];
  snprintf(rules, sizeof rules, "%s", qs_engine_rules_sha256(e));
  qs_engine_free(e);

  list lines = {0};
  run_batch(&lines, "zh", "zh", "samples tests/hostile", NULL, rules);
  run_batch(&lines, "en", "en", "samples tests/hostile", NULL, rules);
  char *gen = qs_test_tmpdir();
  char *gen_in = qs_test_join(gen, "in");
  cr_assert_eq(mkdir(gen_in, 0755), 0);
  qs_test_gensub(gen_in, "200", "14", "10", "3");
  run_batch(&lines, "gen-zh", "zh", "in", gen, rules);
  run_batch(&lines, "gen-en", "en", "in", gen, rules);
  free(gen_in);
  qs_test_rmtree(gen);
  qs_sort(lines.items, lines.n, sizeof *lines.items, cmp_str);
  qs_buf now = {0};
  qs_buf_add(&now, "");
  for (size_t i = 0; i < lines.n; i++) {
    qs_buf_addf(&now, "%s\n", lines.items[i]);
    free(lines.items[i]);
  }
  free(lines.items);

  char *was = qs_test_golden(GOLDEN_FILE, now.s);
  if (!was) {
    qs_buf_free(&now);
    return;
  }
  /* Both lists are sorted by name ("en/...", "zh/..."): walk them side by side, naming
   * each file that changed, appeared or disappeared. */
  size_t changed = 0;
  const char *a = was, *b = now.s;
  while (*a || *b) {
    const char *ea = strchr(a, '\n'), *eb = strchr(b, '\n');
    size_t la = ea ? (size_t)(ea - a) : strlen(a), lb = eb ? (size_t)(eb - b) : strlen(b);
    size_t na = name_len(a, la), nb = name_len(b, lb);
    int cmp = !*a ? 1 : !*b ? -1 : strncmp(a, b, na < nb ? na : nb);
    if (cmp == 0 && na != nb)
      cmp = na < nb ? -1 : 1;
    if (cmp == 0) {
      if ((la != lb || memcmp(a, b, la) != 0) && changed++ < 40)
        cr_log_error("batch golden: changed  %.*s\n                 was      %.*s", (int)lb, b,
                     (int)la, a);
      a += la + (ea ? 1 : 0);
      b += lb + (eb ? 1 : 0);
    } else if (cmp < 0) {
      if (changed++ < 40)
        cr_log_error("batch golden: missing  %.*s", (int)na, a);
      a += la + (ea ? 1 : 0);
    } else {
      if (changed++ < 40)
        cr_log_error("batch golden: new      %.*s", (int)nb, b);
      b += lb + (eb ? 1 : 0);
    }
  }
  cr_expect_eq(changed, 0,
               "%zu batch outputs differ from " GOLDEN_FILE
               " (an intended change: QS_GOLDEN_WRITE=1 build/qscore-tests --filter "
               "'batch_golden/*')",
               changed);
  free(was);
  qs_buf_free(&now);
}
