/* test_batch.c -- `qscore batch`: a generated folder with broken and hostile files, outputs
 * equal whatever --jobs, a run killed with SIGKILL and resumed, a worker that crashes or hangs,
 * the workbook opened by LibreOffice, the page rendered by headless Chromium, CSV quoting. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../base/qs_util.h"
#include "helpers.h"

/* ------------------------------------------------------------------ helpers */

static int batch(const char *out, const char *jobs, const char *in, const char *extra) {
  const char *argv[] = {QS_BIN, "batch", "-q", "--jobs", jobs, "--out", out, in, extra, NULL};
  if (!extra)
    argv[8] = NULL;
  return qs_test_exec(argv, NULL, NULL, NULL);
}

static size_t count_lines(const char *text) {
  size_t n = 0;
  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* One CSV line into fields (RFC 4180; a leading BOM is dropped). */
static size_t csv_fields(const char **p, char ***out) {
  size_t n = 0, cap = 0;
  char **f = NULL;
  const char *s = *p;
  if (strncmp(s, "\xEF\xBB\xBF", 3) == 0)
    s += 3;
  for (;;) {
    qs_buf b = {0};
    qs_buf_add(&b, "");
    if (*s == '"') {
      s++;
      for (; *s; s++) {
        if (*s == '"' && s[1] == '"') {
          qs_buf_add(&b, "\"");
          s++;
        } else if (*s == '"') {
          s++;
          break;
        } else {
          qs_buf_addn(&b, s, 1);
        }
      }
    } else {
      while (*s && *s != ',' && *s != '\r' && *s != '\n')
        qs_buf_addn(&b, s++, 1);
    }
    qs_grow(&f, &cap, n + 1, sizeof *f);
    f[n++] = qs_buf_take(&b);
    if (*s == ',') {
      s++;
      continue;
    }
    while (*s == '\r' || *s == '\n')
      s++;
    break;
  }
  *p = s;
  *out = f;
  return n;
}

static void free_fields(char **f, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(f[i]);
  free(f);
}

/* ------------------------------------------------------------------ tests */

Test(batch, three_hundred_files_with_broken_and_hostile_ones, .timeout = 300) {
  char *in = qs_test_tmpdir(), *out = qs_test_tmpdir();
  qs_test_gensub(in, "300", "11", "10", "2");
  cr_assert_eq(batch(out, "2", in, NULL), 1, "some inputs are invalid: exit 1");

  char *p = qs_test_join(out, "results.jsonl");
  char *jsonl = qs_test_slurp(p, NULL);
  cr_expect_eq(count_lines(jsonl), 270, "270 scored");
  free(jsonl);
  free(p);

  p = qs_test_join(out, "triage.csv");
  char *csv = qs_test_slurp(p, NULL);
  cr_expect(strncmp(csv, "\xEF\xBB\xBF", 3) == 0, "UTF-8 with BOM");
  cr_expect(strstr(csv, "\r\n") != NULL, "CRLF line ends");
  cr_expect_eq(count_lines(csv), 271, "a header and 270 rows");
  /* Ranked: totals never increase down the table; two rows share an id. */
  const char *s = csv;
  char **f;
  size_t n = csv_fields(&s, &f);
  size_t total_col = 0, dup_col = 0;
  for (size_t i = 0; i < n; i++) {
    if (strcmp(f[i], "总分") == 0)
      total_col = i;
    if (strcmp(f[i], "编号重复") == 0)
      dup_col = i;
  }
  free_fields(f, n);
  cr_assert(total_col && dup_col);
  long last = 1000;
  int dups = 0;
  while (*s) {
    n = csv_fields(&s, &f);
    long t = strtol(f[total_col], NULL, 10);
    cr_expect(t <= last, "ranking order: %ld after %ld", t, last);
    last = t;
    dups += strcmp(f[dup_col], "1") == 0;
    free_fields(f, n);
  }
  cr_expect_eq(dups, 2, "the two files with one id are flagged, not merged");
  free(csv);
  free(p);

  /* Every broken file is in errors.csv, with a line number where the problem has one. */
  p = qs_test_join(out, "errors.csv");
  char *errors = qs_test_slurp(p, NULL);
  int files_listed = 0;
  for (int k = 10; k <= 300; k += 10) {
    qs_buf name = {0};
    qs_buf_addf(&name, "\"%s/sub-%06d.xml\",", in, k);
    const char *at = strstr(errors, name.s);
    cr_expect_not_null(at, "%s missing from errors.csv", name.s);
    if (at) {
      files_listed++;
      long line = strtol(at + name.len, NULL, 10);
      int empty = (k / 10 - 1) % 8 == 6; /* the empty file has no line */
      cr_expect(empty ? line == 0 : line > 0, "%s line %ld", name.s, line);
    }
    qs_buf_free(&name);
  }
  cr_expect_eq(files_listed, 30);
  free(errors);
  free(p);
  qs_test_rmtree(in);
  qs_test_rmtree(out);
}

Test(batch, the_same_outputs_whatever_the_number_of_workers, .timeout = 300) {
  char *in = qs_test_tmpdir(), *a = qs_test_tmpdir(), *b = qs_test_tmpdir(), *c = qs_test_tmpdir();
  qs_test_gensub(in, "80", "5", "10", "2");
  cr_assert_eq(batch(a, "1", in, NULL), 1);
  cr_assert_eq(batch(b, "2", in, NULL), 1);
  cr_assert_eq(batch(c, "3", in, NULL), 1);
  qs_test_expect_same_outputs(a, b);
  qs_test_expect_same_outputs(a, c);
  qs_test_rmtree(in);
  qs_test_rmtree(a);
  qs_test_rmtree(b);
  qs_test_rmtree(c);
}

Test(batch, killed_and_resumed_equals_uninterrupted, .timeout = 300) {
  char *in = qs_test_tmpdir(), *whole = qs_test_tmpdir(), *cut = qs_test_tmpdir();
  qs_test_gensub(in, "240", "3", "10", "0");
  cr_assert_eq(batch(whole, "2", in, NULL), 1);

  pid_t pid = fork();
  cr_assert(pid >= 0);
  if (pid == 0) {
    setpgid(0, 0);
    int nul = open("/dev/null", O_RDWR);
    dup2(nul, 1);
    dup2(nul, 2);
    execl(QS_BIN, QS_BIN, "batch", "-q", "--jobs", "2", "--out", cut, in, (char *)NULL);
    _exit(127);
  }
  setpgid(pid, pid);
  /* Kill the parent and its workers at once, part-way. */
  for (int i = 0; i < 3000 && qs_test_cache_entries(cut) < 60; i++) {
    struct timespec ts = {0, 10 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  size_t before = qs_test_cache_entries(cut);
  kill(-pid, SIGKILL);
  int status;
  waitpid(pid, &status, 0);
  cr_assert(WIFSIGNALED(status), "the run was killed before it finished");
  cr_expect(before >= 60 && before < 240, "killed part-way (%zu results)", before);
  char *table = qs_test_join(cut, "triage.csv");
  cr_expect(access(table, F_OK) != 0, "no table written before the end");
  free(table);

  const char *argv[] = {QS_BIN, "batch", "--resume", "--jobs", "2", "--out", cut, in, NULL};
  /* Beside the output folder, in a folder of this test's own (a fixed name in /tmp is shared
   * with every other run of the suite on the machine). */
  char *errdir = qs_test_tmpdir();
  char *err = qs_test_join(errdir, "resume.err");
  cr_assert_eq(qs_test_exec(argv, NULL, err, NULL), 1);
  char *text = qs_test_slurp(err, NULL);
  /* "其中 N 个沿用上次结果": some results were taken from the killed run. */
  const char *at = strstr(text, "其中 ");
  cr_assert_not_null(at, "%s", text);
  cr_expect(strtol(at + strlen("其中 "), NULL, 10) > 0, "%s", text);
  free(text);
  free(err);
  qs_test_rmtree(errdir);
  qs_test_expect_same_outputs(whole, cut);
  qs_test_rmtree(in);
  qs_test_rmtree(whole);
  qs_test_rmtree(cut);
}

Test(batch, a_crash_or_a_hang_loses_only_its_file, .timeout = 120) {
  /* Rules edited to crash (unbounded recursion) on one submission and to loop forever on
   * another: the worker dies or is killed at batch-file-seconds, the third file is scored. */
  char *rules = qs_test_tmpdir(), *in = qs_test_tmpdir(), *out = qs_test_tmpdir();
  DIR *dp = opendir("rules/2025");
  cr_assert_not_null(dp);
  for (struct dirent *de; (de = readdir(dp));) {
    size_t n = strlen(de->d_name);
    if (n < 5 || strcmp(de->d_name + n - 4, ".clp") != 0)
      continue;
    char *src = qs_test_join("rules/2025", de->d_name), *dst = qs_test_join(rules, de->d_name);
    size_t len;
    char *data = qs_test_slurp(src, &len);
    FILE *f = fopen(dst, "wb");
    fwrite(data, 1, len, f);
    fclose(f);
    free(data);
    free(src);
    free(dst);
  }
  closedir(dp);
  char *faults = qs_test_join(rules, "99-faults.clp");
  FILE *f = fopen(faults, "w");
  fputs("(defmodule FAULTS (import MAIN ?ALL))\n"
        "(deffunction FAULTS::down (?n) (+ 1 (down (+ ?n 1))))\n"
        "(defrule FAULTS::faults-crash (project (id \"CRASH-ME\")) => (down 0))\n"
        "(defrule FAULTS::faults-hang (project (id \"HANG-ME\")) => (while TRUE do (bind ?x 1)))\n",
        f);
  fclose(f);
  static const char *const ids[] = {"CRASH-ME", "HANG-ME", "FINE"};
  for (int i = 0; i < 3; i++) {
    char *xml = qs_test_submission(NULL);
    char *at = strstr(xml, "id=\"T-1\"");
    qs_buf b = {0};
    qs_buf_addn(&b, xml, (size_t)(at - xml));
    qs_buf_addf(&b, "id=\"%s\"", ids[i]);
    qs_buf_add(&b, at + strlen("id=\"T-1\""));
    qs_buf name = {0};
    qs_buf_addf(&name, "%s/%d.xml", in, i);
    FILE *x = fopen(name.s, "w");
    fputs(b.s, x);
    fclose(x);
    qs_buf_free(&b);
    qs_buf_free(&name);
    free(xml);
  }
  const char *argv[] = {QS_BIN,
                        "batch",
                        "-q",
                        "--lang",
                        "en",
                        "--rules",
                        rules,
                        "--param",
                        "run-seconds=3600",
                        "--param",
                        "batch-file-seconds=2",
                        "--jobs",
                        "2",
                        "--out",
                        out,
                        in,
                        NULL};
  cr_assert_eq(qs_test_exec(argv, NULL, NULL, NULL), 1);
  char *p = qs_test_join(out, "errors.csv");
  char *errors = qs_test_slurp(p, NULL);
  /* A stack overflow kills the worker with SIGSEGV (under AddressSanitizer it exits 1). */
  cr_expect(strstr(errors, "/0.xml\",0,crash,\"not scored: the scorer crashed (signal") != NULL ||
                strstr(errors, "/0.xml\",0,crash,\"not scored: the scorer exited (status") != NULL,
            "%s", errors);
  cr_expect(strstr(errors, "/1.xml\",0,timeout,\"not scored: still running after 2 s") != NULL,
            "%s", errors);
  free(errors);
  free(p);
  p = qs_test_join(out, "results.jsonl");
  char *jsonl = qs_test_slurp(p, NULL);
  cr_expect_eq(count_lines(jsonl), 1);
  cr_expect(strstr(jsonl, "\"id\":\"FINE\"") != NULL);
  free(jsonl);
  free(p);
  free(faults);
  qs_test_rmtree(rules);
  qs_test_rmtree(in);
  qs_test_rmtree(out);
}

Test(batch, csv_quotes_fields_and_guards_formulas) {
  char *in = qs_test_tmpdir(), *out = qs_test_tmpdir();
  char *xml = qs_test_submission(NULL);
  const char *title = "<title>测试项目</title>";
  char *at = strstr(xml, title);
  cr_assert_not_null(at);
  qs_buf b = {0};
  qs_buf_addn(&b, xml, (size_t)(at - xml));
  qs_buf_add(
      &b, "<title>=HYPERLINK(\"http://x\",\"y\"), &lt;script&gt;alert(1)&lt;/script&gt;</title>");
  qs_buf_add(&b, at + strlen(title));
  char *path = qs_test_join(in, "a.xml");
  FILE *f = fopen(path, "w");
  fputs(b.s, f);
  fclose(f);
  cr_assert_eq(batch(out, "1", in, NULL), 0, "everything scored: exit 0");
  char *p = qs_test_join(out, "triage.csv");
  char *csv = qs_test_slurp(p, NULL);
  cr_expect(strstr(csv, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\"), <script>alert(1)</script>\"") !=
                NULL,
            "%s", csv);
  free(csv);
  free(p);
  p = qs_test_join(out, "index.html");
  char *html = qs_test_slurp(p, NULL);
  cr_expect(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL, "escaped in HTML");
  cr_expect(strstr(html, "<script>alert") == NULL);
  free(html);
  free(p);
  free(path);
  qs_buf_free(&b);
  free(xml);
  qs_test_rmtree(in);
  qs_test_rmtree(out);
}

Test(batch, exit_codes) {
  char *out = qs_test_tmpdir();
  cr_expect_eq(batch(out, "1", "samples", NULL), 0, "all samples scored");
  cr_expect_eq(batch(out, "1", "samples", "/nonexistent/file.xml"), 1, "an unreadable input");
  char *p = qs_test_join(out, "errors.csv");
  char *errors = qs_test_slurp(p, NULL);
  cr_expect(strstr(errors, "/nonexistent/file.xml") != NULL);
  free(errors);
  free(p);
  const char *none[] = {QS_BIN, "batch", NULL};
  cr_expect_eq(qs_test_exec(none, NULL, NULL, NULL), 2, "no input: usage");
  const char *rules[] = {QS_BIN, "batch", "--rules", "/nonexistent", "--out", out, "samples", NULL};
  cr_expect_eq(qs_test_exec(rules, NULL, NULL, NULL), 3, "rules that do not load: nothing scored");
  qs_test_rmtree(out);
}

Test(batch, the_workbook_opens_in_libreoffice, .timeout = 300) {
  char *in = qs_test_tmpdir(), *out = qs_test_tmpdir(), *lo = qs_test_tmpdir();
  qs_test_gensub(in, "40", "9", "10", "1");
  cr_assert_eq(batch(out, "2", in, NULL), 1);
  char *xlsx = qs_test_join(out, "triage.xlsx");
  const char *argv[] = {
      "soffice",
      "--headless",
      "--norestore",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
      "--outdir",
      lo,
      xlsx,
      NULL};
  cr_assert_eq(qs_test_exec(argv, NULL, NULL, lo), 0, "LibreOffice could not convert the workbook");
  char *converted = qs_test_join(lo, "triage.csv");
  char *a = qs_test_slurp(converted, NULL);
  char *p = qs_test_join(out, "triage.csv");
  char *b = qs_test_slurp(p, NULL);
  /* The first sheet is the ranking: the same cells as triage.csv. */
  const char *sa = a, *sb = b;
  size_t rows = 0;
  while (*sa && *sb) {
    char **fa, **fb;
    size_t na = csv_fields(&sa, &fa), nb = csv_fields(&sb, &fb);
    cr_expect_eq(na, nb, "row %zu: %zu and %zu cells", rows, na, nb);
    for (size_t i = 0; i < na && i < nb; i++)
      cr_expect_str_eq(fa[i], fb[i], "row %zu cell %zu", rows, i);
    free_fields(fa, na);
    free_fields(fb, nb);
    rows++;
  }
  cr_expect(*sa == '\0' && *sb == '\0', "as many rows");
  cr_expect(rows > 30, "%zu rows", rows);
  free(a);
  free(b);
  free(p);
  free(converted);
  free(xlsx);
  qs_test_rmtree(in);
  qs_test_rmtree(out);
  qs_test_rmtree(lo);
}

Test(batch, the_page_renders_in_chromium_without_errors, .timeout = 300) {
  char *in = qs_test_tmpdir(), *out = qs_test_tmpdir(), *profile = qs_test_tmpdir();
  qs_test_gensub(in, "40", "13", "10", "1");
  cr_assert_eq(batch(out, "2", in, NULL), 1);
  char *index = qs_test_join(out, "index.html");
  qs_buf url = {0};
  qs_buf_addf(&url, "file://%s", index);
  char *dom = qs_test_join(profile, "dom.html"), *log = qs_test_join(profile, "log.txt");
  const char *extra[] = {"--dump-dom", NULL};
  cr_assert_eq(qs_test_chromium(profile, extra, url.s, dom, log), 0, "chromium failed");
  char *logs = qs_test_slurp(log, NULL);
  /* Script errors, CSP violations and console messages all appear as CONSOLE lines. */
  cr_expect(strstr(logs, ":CONSOLE") == NULL, "console output: %s", strstr(logs, ":CONSOLE"));
  char *page = qs_test_slurp(dom, NULL);
  cr_expect(strstr(page, "id=\"ranking\"") != NULL);
  size_t rows = 0;
  for (const char *p = page; (p = strstr(p, "<tr class=\"")); p++)
    rows++;
  char *jl = qs_test_join(out, "results.jsonl");
  char *jsonl = qs_test_slurp(jl, NULL);
  cr_expect_eq(rows, count_lines(jsonl), "one ranking row per scored submission");
  free(jsonl);
  free(jl);
  free(page);
  free(logs);
  free(dom);
  free(log);
  qs_buf_free(&url);
  free(index);
  qs_test_rmtree(in);
  qs_test_rmtree(out);
  qs_test_rmtree(profile);
}

/* ------------------------------------------------------------------ pages to print (issue 15) */

/* The samples, and the Hunan one a second time under another name (the same id twice). */
static char *samples_with_a_duplicate(void) {
  char *in = qs_test_tmpdir();
  char **names;
  size_t n = qs_test_list_dir("samples", &names);
  for (size_t i = 0; i < n; i++) {
    if (strstr(names[i], ".xml")) {
      char *from = qs_test_join("samples", names[i]), *to = qs_test_join(in, names[i]);
      size_t len;
      char *data = qs_test_slurp(from, &len);
      FILE *f = fopen(to, "wb");
      cr_assert_not_null(f);
      fwrite(data, 1, len, f);
      fclose(f);
      if (strstr(names[i], "hunan")) {
        char *dup = qs_test_join(in, "zz-copy-of-hunan.xml");
        f = fopen(dup, "wb");
        cr_assert_not_null(f);
        fwrite(data, 1, len, f);
        fclose(f);
        free(dup);
      }
      free(data);
      free(from);
      free(to);
    }
    free(names[i]);
  }
  free(names);
  return in;
}

/* The visible and hidden ranking rows of a page Chromium rendered with the address's fragment
 * (the filter reads it); rows of the class want (NULL: any) counted apart. */
static void filtered_rows(const char *out, const char *fragment, const char *want, size_t *shown,
                          size_t *hidden, size_t *shown_want) {
  char *profile = qs_test_tmpdir();
  char *index = qs_test_join(out, "index.html");
  qs_buf url = {0};
  qs_buf_addf(&url, "file://%s#%s", index, fragment);
  char *dom = qs_test_join(profile, "dom.html"), *log = qs_test_join(profile, "log.txt");
  const char *extra[] = {"--dump-dom", NULL};
  cr_assert_eq(qs_test_chromium(profile, extra, url.s, dom, log), 0, "chromium failed");
  char *logs = qs_test_slurp(log, NULL);
  cr_expect(strstr(logs, ":CONSOLE") == NULL, "console output: %s", strstr(logs, ":CONSOLE"));
  char *page = qs_test_slurp(dom, NULL);
  *shown = *hidden = *shown_want = 0;
  for (const char *p = page; (p = strstr(p, "<tr class=\"")) != NULL; p++) {
    const char *end = strchr(p, '>');
    cr_assert_not_null(end);
    char *tag = qs_xstrndup(p, (size_t)(end - p));
    int is_hidden = strstr(tag, " hidden") != NULL;
    free(tag);
    if (is_hidden) {
      (*hidden)++;
    } else {
      (*shown)++;
      if (want && strncmp(p + 11, want, strlen(want)) == 0 && p[11 + strlen(want)] == '"')
        (*shown_want)++;
    }
  }
  free(page);
  free(logs);
  free(dom);
  free(log);
  qs_buf_free(&url);
  free(index);
  qs_test_rmtree(profile);
}

Test(batch, the_page_says_how_it_was_made_and_filters_rows_from_its_address, .timeout = 300) {
  char *in = samples_with_a_duplicate(), *out = qs_test_tmpdir();
  const char *argv[] = {
      QS_BIN,  "batch", "-q", "--as-of", "2026-06-30", "--param", "standards-many=4",
      "--out", out,     in,   NULL};
  cr_assert_eq(qs_test_exec(argv, NULL, NULL, NULL), 0);
  char *index = qs_test_join(out, "index.html");
  char *page = qs_test_slurp(index, NULL);
  char *jl = qs_test_join(out, "results.jsonl");
  char *jsonl = qs_test_slurp(jl, NULL);
  const char *h = strstr(jsonl, "\"rules_sha256\":\"");
  cr_assert_not_null(h);
  char hash[65] = {0};
  memcpy(hash, h + 16, 64);
  qs_buf want = {0};
  qs_buf_addf(&want, "规则 SHA-256：<code class=\"hash\">%s</code>", hash);
  cr_expect_not_null(strstr(page, want.s), "the rules' hash: %s", want.s);
  cr_expect_not_null(strstr(page, "评审基准日 2026-06-30"), "the scoring day");
  cr_expect_not_null(strstr(page, "参数：<code>standards-many=4</code>"), "the changed parameter");
  cr_expect_not_null(strstr(page, "图例：<span class=\"dup\">"), "the legend of the marks");
  size_t dups = 0;
  for (const char *p = page; (p = strstr(p, "<td class=\"id dup\"")) != NULL; p++)
    dups++;
  cr_expect_eq(dups, 2, "both rows of the same id are marked (%zu)", dups);
  cr_expect_not_null(strstr(page, "@page{size:A4 landscape"), "printed on A4 landscape");
  cr_expect_not_null(strstr(page, "td.title{min-width:"), "titles keep a width");
  qs_buf_free(&want);

  size_t shown, hidden, shown_want;
  /* Nothing in the fragment: every row. */
  filtered_rows(out, "", NULL, &shown, &hidden, &shown_want);
  cr_expect_eq(shown, 9, "all 9 rows shown (%zu)", shown);
  cr_expect_eq(hidden, 0);
  /* A text: the rows that hold it (湖南省, the sample and its copy). */
  filtered_rows(out, "q=%E6%B9%96%E5%8D%97", NULL, &shown, &hidden, &shown_want);
  cr_expect_eq(shown, 2, "湖南: 2 rows shown (%zu)", shown);
  cr_expect_eq(hidden, 7, "湖南: 7 rows hidden (%zu)", hidden);
  /* A triage: only its rows. */
  size_t reviews = 0;
  for (const char *p = page; (p = strstr(p, "<tr class=\"review\"")) != NULL; p++)
    reviews++;
  cr_assert_gt(reviews, 0);
  filtered_rows(out, "triage=review", "review", &shown, &hidden, &shown_want);
  cr_expect_eq(shown, reviews, "review: %zu rows shown, %zu wanted", shown, reviews);
  cr_expect_eq(shown_want, reviews, "only review rows shown");
  /* Both, and a text that matches nothing. */
  filtered_rows(out, "q=no-such-text&triage=review", NULL, &shown, &hidden, &shown_want);
  cr_expect_eq(shown, 0, "no row holds the text (%zu shown)", shown);
  free(jsonl);
  free(jl);
  free(page);
  free(index);
  qs_test_rmtree(in);
  qs_test_rmtree(out);
}

static size_t occurrences(const char *s, const char *what) {
  size_t n = 0;
  for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
    n++;
  return n;
}

/* triage.xlsx as an office prints it and clicks through: each ranking row links to its report
 * (relative to the workbook), and every sheet prints A4 landscape, one page wide, the header row
 * on every page, page numbers in the footer. Read from the workbook's XML (unzip). */
Test(batch, the_workbook_links_the_reports_and_prints_on_a4_landscape, .timeout = 300) {
  char *in = samples_with_a_duplicate(), *out = qs_test_tmpdir(), *x = qs_test_tmpdir();
  cr_assert_eq(batch(out, "2", in, NULL), 0);
  char *xlsx = qs_test_join(out, "triage.xlsx");
  const char *argv[] = {"unzip", "-q", "-o", xlsx, "-d", x, NULL};
  cr_assert_eq(qs_test_exec(argv, NULL, NULL, NULL), 0, "unzip failed");
  char *p1 = qs_test_join(x, "xl/worksheets/sheet1.xml");
  char *p2 = qs_test_join(x, "xl/worksheets/_rels/sheet1.xml.rels");
  char *p3 = qs_test_join(x, "xl/workbook.xml");
  char *sheet = qs_test_slurp(p1, NULL), *rels = qs_test_slurp(p2, NULL),
       *wb = qs_test_slurp(p3, NULL);
  cr_assert(sheet && rels && wb, "the workbook has its parts");
  /* 9 rows, 9 links, each to the report of the row. */
  cr_expect_eq(occurrences(sheet, "<hyperlink ref=\"AC"), 9, "a link per row in the report column");
  cr_expect_eq(occurrences(rels, "TargetMode=\"External\""), 9, "9 link targets");
  cr_expect_not_null(strstr(rels, "Target=\"reports/HN-CS-2023-CONSTRUCTION-MACHINERY.html\""),
                     "a relative link to a report: %s", rels);
  char *report = qs_test_join(out, "reports/HN-CS-2023-CONSTRUCTION-MACHINERY.html");
  cr_expect_eq(access(report, R_OK), 0, "the link's target exists");
  free(report);
  cr_expect_not_null(strstr(sheet, "<pageSetUpPr fitToPage=\"1\"/>"), "fit to the page");
  cr_expect_not_null(strstr(sheet, "<pageSetup paperSize=\"9\" fitToHeight=\"0\" "
                                   "orientation=\"landscape\"/>"),
                     "A4 landscape, one page wide");
  cr_expect_not_null(strstr(sheet, "<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>"),
                     "page numbers in the footer");
  cr_expect_not_null(strstr(wb, "<definedName name=\"_xlnm.Print_Titles\" "
                                "localSheetId=\"0\">'排名'!$1:$1</definedName>"),
                     "the header row repeated on every printed page");
  /* Every sheet prints the same way. */
  cr_expect_eq(occurrences(wb, "_xlnm.Print_Titles"), occurrences(wb, "<sheet name="));
  free(sheet);
  free(rels);
  free(wb);
  free(p1);
  free(p2);
  free(p3);
  free(xlsx);
  qs_test_rmtree(in);
  qs_test_rmtree(out);
  qs_test_rmtree(x);
}
