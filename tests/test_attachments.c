/* test_attachments.c -- --attachments DIR: every <doc file> of a submission looked up in the
 * package's folder, never read, links never followed, and flagged attachment-missing when it is
 * not a regular file there: a file present, one missing, "../" and absolute names, a symbolic
 * link to outside the folder (as the file and as a folder on the way), a folder named like the
 * file; in score, validate and batch (where NAME.xml's attachments are in DIR/NAME/ when that
 * folder exists). Without the option nothing is checked. */
#define _XOPEN_SOURCE 700 /* symlink */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/qs_util.h"
#include "../importers/qs_import.h"
#include "helpers.h"

#define RUN(...) qs_run_cli(NULL, (const char *const[]){__VA_ARGS__, NULL})

/* One meeting per case, each citing one file. */
static const struct {
  const char *id, *file, *status; /* status NULL: present, no flag */
} cases[] = {
    {"M1", "present.pdf", NULL},
    {"M2", "missing.pdf", "missing"},
    {"M3", "../outside.pdf", "bad-name"},
    {"M4", "/etc/passwd", "bad-name"},
    {"M5", "link.pdf", "not-regular"},
    {"M6", "folder.pdf", "not-regular"},
    {"M7", "sub/nested.pdf", NULL},
    {"M8", "sub\\nested.pdf", NULL},
    {"M9", "linkdir/outside.pdf", "not-regular"},
    {"MA", "sub/../present.pdf", "bad-name"},
    {"MB", "sub/none/x.pdf", "missing"},
};
#define N_CASES (sizeof cases / sizeof cases[0])

static void touch(const char *dir, const char *name) {
  char *p = qs_test_join(dir, name);
  int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  cr_assert(fd >= 0, "%s", p);
  cr_assert_eq(write(fd, "%PDF", 4), 4);
  close(fd);
  free(p);
}

static void mkdir_in(const char *dir, const char *name) {
  char *p = qs_test_join(dir, name);
  cr_assert_eq(mkdir(p, 0755), 0, "%s", p);
  free(p);
}

static void link_in(const char *dir, const char *name, const char *target) {
  char *p = qs_test_join(dir, name);
  cr_assert_eq(symlink(target, p), 0, "%s", p);
  free(p);
}

/* The attachments folder att (present.pdf, sub/nested.pdf, folder.pdf/, a link link.pdf to a
 * file outside, a link linkdir to a folder outside holding outside.pdf) beside outside.pdf. */
static void make_package(const char *root, const char *att) {
  touch(root, "outside.pdf");
  char *out_dir = qs_test_join(root, "outdir");
  cr_assert_eq(mkdir(out_dir, 0755), 0);
  touch(out_dir, "outside.pdf");
  cr_assert_eq(mkdir(att, 0755), 0);
  touch(att, "present.pdf");
  mkdir_in(att, "sub");
  touch(att, "sub/nested.pdf");
  mkdir_in(att, "folder.pdf");
  char *outside = qs_test_join(root, "outside.pdf");
  link_in(att, "link.pdf", outside);
  link_in(att, "linkdir", out_dir);
  free(outside);
  free(out_dir);
}

/* A submission whose meetings cite the cases' files. */
static char *write_submission(const char *dir, const char *name) {
  qs_buf body = {0};
  qs_buf_add(&body, "  <mechanism>\n");
  for (size_t i = 0; i < N_CASES; i++)
    qs_buf_addf(&body,
                "    <meeting id=\"%s\" date=\"2024-03-10\" title=\"会议\" kind=\"meeting\">"
                "<doc file=\"%s\"/></meeting>\n",
                cases[i].id, cases[i].file);
  qs_buf_add(&body, "  </mechanism>\n");
  char *xml = qs_test_submission(body.s);
  qs_buf_free(&body);
  char *path = qs_test_join(dir, name);
  FILE *f = fopen(path, "w");
  cr_assert(f);
  fputs(xml, f);
  fclose(f);
  free(xml);
  return path;
}

/* The attachment-missing flags of a JSON report, each as "ID status-text". */
static void expect_flags(json_t *report, int expect_any) {
  json_t *flags = json_object_get(report, "flags");
  cr_assert(json_is_array(flags));
  int seen[N_CASES] = {0};
  size_t n = 0;
  for (size_t k = 0; k < json_array_size(flags); k++) {
    json_t *f = json_array_get(flags, k);
    if (strcmp(json_string_value(json_object_get(f, "code")), "attachment-missing") != 0)
      continue;
    n++;
    cr_expect_str_eq(json_string_value(json_object_get(f, "severity")), "warning");
    const char *ev = json_string_value(json_array_get(json_object_get(f, "evidence"), 0));
    const char *text = json_string_value(json_object_get(f, "text"));
    size_t i = 0;
    while (i < N_CASES && strcmp(cases[i].id, ev) != 0)
      i++;
    cr_assert(i < N_CASES, "a flag for %s", ev);
    seen[i]++;
    cr_expect(cases[i].status, "%s (%s) is present, yet flagged: %s", ev, cases[i].file, text);
    if (!cases[i].status)
      continue;
    const char *words = strcmp(cases[i].status, "missing") == 0 ? "is not among the attachments"
                        : strcmp(cases[i].status, "bad-name") == 0
                            ? "has a name that cannot be among the attachments"
                            : "is not a regular file among the attachments";
    cr_expect(strstr(text, words), "%s: %s", ev, text);
    cr_expect(strstr(text, cases[i].file), "%s: %s", ev, text);
  }
  for (size_t i = 0; i < N_CASES; i++)
    if (expect_any)
      cr_expect_eq(seen[i], cases[i].status ? 1 : 0, "%s (%s): %d flags", cases[i].id,
                   cases[i].file, seen[i]);
  if (!expect_any)
    cr_expect_eq(n, 0, "attachment-missing without --attachments");
}

Test(attachments, status_of_each_name) {
  char *root = qs_test_tmpdir();
  char *att = qs_test_join(root, "att");
  make_package(root, att);
  int dfd = open(att, O_RDONLY | O_DIRECTORY);
  cr_assert(dfd >= 0);
  for (size_t i = 0; i < N_CASES; i++) {
    const char *got = qs_attachment_status(dfd, cases[i].file);
    if (cases[i].status)
      cr_expect(got && strcmp(got, cases[i].status) == 0, "%s: %s, not %s", cases[i].file,
                got ? got : "present", cases[i].status);
    else
      cr_expect_null(got, "%s: %s", cases[i].file, got);
  }
  cr_expect_str_eq(qs_attachment_status(dfd, ""), "bad-name");
  cr_expect_str_eq(qs_attachment_status(dfd, "./"), "bad-name");
  cr_expect_str_eq(qs_attachment_status(-1, "present.pdf"), "missing");
  cr_expect_str_eq(qs_attachment_status(dfd, "present.pdf/x"), "not-regular");
  close(dfd);
  free(att);
  qs_test_rmtree(root);
}

Test(attachments, score_flags_each_missing_document) {
  char *root = qs_test_tmpdir();
  char *att = qs_test_join(root, "att");
  make_package(root, att);
  char *sub = write_submission(root, "sub.xml");
  qs_run r = RUN("score", "--lang", "en", "--format", "json", "--as-of", "2026-12-31",
                 "--attachments", att, sub);
  cr_assert_eq(r.code, 0, "%s", r.err);
  json_error_t je;
  json_t *rep = json_loads(r.out, 0, &je);
  cr_assert(rep, "%s", je.text);
  expect_flags(rep, 1);
  json_decref(rep);
  qs_run_free(&r);

  /* The text report in Chinese says it too. */
  r = RUN("score", "--as-of", "2026-12-31", "--attachments", att, sub);
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect(strstr(r.out, "M2 引用的证明材料 missing.pdf（第 "), "%s", r.out);
  cr_expect(strstr(r.out, "不在附件中"));
  qs_run_free(&r);

  /* Without the option: nothing checked, and the report as without it. */
  r = RUN("score", "--lang", "en", "--format", "json", "--as-of", "2026-12-31", sub);
  cr_assert_eq(r.code, 0, "%s", r.err);
  rep = json_loads(r.out, 0, &je);
  cr_assert(rep);
  expect_flags(rep, 0);
  json_decref(rep);
  qs_run_free(&r);

  /* A folder that is not one is a usage error. */
  r = RUN("score", "--lang", "en", "--attachments", sub, sub);
  cr_expect_eq(r.code, 2);
  cr_expect(strstr(r.err, "--attachments"), "%s", r.err);
  cr_expect(strstr(r.err, "not a folder qscore can open"), "%s", r.err);
  qs_run_free(&r);
  free(sub);
  free(att);
  qs_test_rmtree(root);
}

Test(attachments, validate_lists_the_warnings) {
  char *root = qs_test_tmpdir();
  char *att = qs_test_join(root, "att");
  make_package(root, att);
  char *sub = write_submission(root, "sub.xml");
  qs_run r = RUN("validate", "--lang", "en", "--as-of", "2026-12-31", "--attachments", att, sub);
  /* Warnings: the file stays valid. */
  cr_expect_eq(r.code, 0, "%s%s", r.out, r.err);
  size_t n = 0;
  for (const char *p = r.out; (p = strstr(p, "warning attachment missing (attachment-missing)"));
       p++)
    n++;
  cr_expect_eq(n, 8, "%s", r.out);
  cr_expect(strstr(r.out, "the document missing.pdf cited by M2"), "%s", r.out);
  cr_expect(strstr(r.out, "the document link.pdf cited by M5"), "%s", r.out);
  cr_expect_null(strstr(r.out, "cited by M1 "), "%s", r.out);
  qs_run_free(&r);
  r = RUN("validate", "--lang", "en", "--as-of", "2026-12-31", sub);
  cr_expect_null(strstr(r.out, "attachment-missing"), "%s", r.out);
  qs_run_free(&r);
  free(sub);
  free(att);
  qs_test_rmtree(root);
}

/* The report of a batch for the input whose path ends with name. */
static json_t *batch_report(const char *out, const char *name) {
  char *p = qs_test_join(out, "results.jsonl");
  size_t len;
  char *all = qs_test_slurp(p, &len);
  free(p);
  json_t *found = NULL;
  for (char *line = strtok(all, "\n"); line; line = strtok(NULL, "\n")) {
    json_error_t je;
    json_t *r = json_loads(line, 0, &je);
    cr_assert(r, "%s", je.text);
    const char *path = json_string_value(json_object_get(json_object_get(r, "input"), "path"));
    size_t pl = strlen(path), nl = strlen(name);
    if (!found && pl >= nl && strcmp(path + pl - nl, name) == 0)
      found = r;
    else
      json_decref(r);
  }
  free(all);
  cr_assert(found, "no report for %s", name);
  return found;
}

/* In a batch, a.xml's attachments are in DIR/a/ (which has them all), b.xml's in DIR itself
 * (no DIR/b/), which has the same package. */
Test(attachments, batch_looks_into_each_submissions_folder) {
  char *root = qs_test_tmpdir();
  char *att = qs_test_join(root, "att");
  make_package(root, att);
  char *a_dir = qs_test_join(att, "a");
  /* DIR/a/: every case present as a regular file. */
  cr_assert_eq(mkdir(a_dir, 0755), 0);
  touch(a_dir, "present.pdf");
  touch(a_dir, "missing.pdf");
  touch(a_dir, "link.pdf");
  touch(a_dir, "folder.pdf");
  mkdir_in(a_dir, "sub");
  touch(a_dir, "sub/nested.pdf");
  mkdir_in(a_dir, "linkdir");
  touch(a_dir, "linkdir/outside.pdf");
  mkdir_in(a_dir, "sub/none");
  touch(a_dir, "sub/none/x.pdf");
  char *in = qs_test_join(root, "in");
  cr_assert_eq(mkdir(in, 0755), 0);
  char *a = write_submission(in, "a.xml");
  char *b = write_submission(in, "b.xml");
  char *out = qs_test_join(root, "out");
  qs_run r = RUN("batch", "-q", "--lang", "en", "--as-of", "2026-12-31", "--attachments", att,
                 "--out", out, in);
  cr_assert_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  json_t *ra = batch_report(out, "/a.xml");
  json_t *ja = json_object_get(ra, "flags");
  size_t na = 0;
  for (size_t k = 0; k < json_array_size(ja); k++) {
    const char *code = json_string_value(json_object_get(json_array_get(ja, k), "code"));
    if (strcmp(code, "attachment-missing") == 0) {
      na++;
      /* Only the names that are never looked up remain. */
      const char *ev =
          json_string_value(json_array_get(json_object_get(json_array_get(ja, k), "evidence"), 0));
      cr_expect(strcmp(ev, "M3") == 0 || strcmp(ev, "M4") == 0 || strcmp(ev, "MA") == 0,
                "a.xml: flag for %s", ev);
    }
  }
  cr_expect_eq(na, 3, "a.xml: %zu attachment flags", na);
  json_decref(ra);
  json_t *rb = batch_report(out, "/b.xml");
  expect_flags(rb, 1);
  json_decref(rb);
  free(a);
  free(b);
  free(in);
  free(out);
  free(a_dir);
  free(att);
  qs_test_rmtree(root);
}
