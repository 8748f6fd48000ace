/* test_output.c -- losing nothing and giving the same answer tomorrow (issue 12): which files
 * a batch may touch in its output folder, the lock, report names that never collide, writing
 * -o into devices, FIFOs and links, failed writes said with path and reason, every input
 * scored or listed, names that are not UTF-8, cells too long for a workbook, the scoring day,
 * the cache key, reports apart from the cache, signals, and validate's verdict.
 *
 * Every scenario runs the qscore binary, as a user meets it. */
#define _XOPEN_SOURCE 700 /* mknod, realpath */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../base/qs_util.h"
#include "../engine/batch_table.h"
#include "helpers.h"

#define RUN(...) qs_run_cli(NULL, (const char *const[]){__VA_ARGS__, NULL})
#define SAMPLE_A "samples/anhui-hefei-new-energy-vehicles.xml"
#define SAMPLE_B "samples/fujian-quanzhou-textiles-footwear.xml"
#define SAMPLE_C "samples/hunan-changsha-construction-machinery.xml"
#define WEAK "samples/guangxi-liuzhou-luosifen.xml"

/* ------------------------------------------------------------------ helpers */

/* A string for the rest of the test: kept in a list and freed when the test ends (the suite's
 * fini), so that a test can write paths inline and still leak nothing under ASan. */
static char **held;
static size_t n_held, cap_held;
static char *S(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *S(const char *f, ...) {
  va_list ap;
  va_start(ap, f);
  qs_buf b = {0};
  qs_buf_vaddf(&b, f, ap);
  va_end(ap);
  qs_grow(&held, &cap_held, n_held + 1, sizeof *held);
  return held[n_held++] = qs_buf_take(&b);
}

static void free_held(void) {
  for (size_t i = 0; i < n_held; i++)
    free(held[i]);
  free(held);
  held = NULL;
  n_held = cap_held = 0;
}

TestSuite(output, .fini = free_held);

static void put(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f, "%s", path);
  fputs(text, f);
  cr_assert_eq(fclose(f), 0);
}

static void copy(const char *from, const char *to) {
  char *text = qs_test_slurp(from, NULL);
  put(to, text);
  free(text);
}

static int exists(const char *path) {
  struct stat st;
  return lstat(path, &st) == 0;
}

static int file_type(const char *path) {
  struct stat st;
  return lstat(path, &st) == 0 ? (int)(st.st_mode & S_IFMT) : -1;
}

static void expect_content(const char *path, const char *want) {
  char *got = qs_test_slurp(path, NULL);
  cr_expect_str_eq(got, want, "%s changed", path);
  free(got);
}

/* A minimal valid submission with the project id given. */
static char *submission_with_id(const char *id) {
  char *xml = qs_test_submission(NULL);
  char *at = strstr(xml, "id=\"T-1\"");
  cr_assert_not_null(at);
  qs_buf b = {0};
  qs_buf_addn(&b, xml, (size_t)(at - xml));
  qs_buf_addf(&b, "id=\"%s\"", id);
  qs_buf_add(&b, at + strlen("id=\"T-1\""));
  free(xml);
  return qs_buf_take(&b);
}

/* qscore batch with the arguments given (NULL-terminated), in English. */
static qs_run batch_en(const char *out, ...) {
  const char *argv[32] = {"batch", "--lang", "en", "--out", out};
  size_t n = 5;
  va_list ap;
  va_start(ap, out);
  for (const char *a; (a = va_arg(ap, const char *)) && n < 31;)
    argv[n++] = a;
  va_end(ap);
  argv[n] = NULL;
  return qs_run_cli(NULL, argv);
}

/* /bin/sh -c script; stderr into err (or /dev/null). */
static int sh(const char *script, const char *err) {
  const char *argv[] = {"/bin/sh", "-c", script, NULL};
  return qs_test_exec(argv, NULL, err, NULL);
}

/* A character device to write into, that no test may ever replace on the machine: as root, a
 * copy made here (mknod) of /dev/null (minor 3) or /dev/full (minor 7), since a qscore that
 * renamed over its -o target would replace the real one, as one did; as another user, the
 * real device, which only root could replace. */
static const char *device(const char *dir, int minor) {
  if (geteuid() != 0)
    return minor == 3 ? "/dev/null" : "/dev/full";
  char *p = S("%s/dev-%d", dir, minor);
  cr_assert_eq(mknod(p, S_IFCHR | 0666, makedev(1, (unsigned)minor)), 0, "mknod %s: %s", p,
               strerror(errno));
  return p;
}

/* The number of names in a folder starting with prefix (dot files included). */
static size_t count_prefixed(const char *dir, const char *prefix) {
  DIR *dp = opendir(dir);
  cr_assert_not_null(dp, "%s", dir);
  size_t n = 0;
  for (struct dirent *de; (de = readdir(dp));)
    n += strncmp(de->d_name, prefix, strlen(prefix)) == 0;
  closedir(dp);
  return n;
}

static int valid_utf8(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    size_t n = *p < 0x80             ? 1
               : (*p & 0xe0) == 0xc0 ? 2
               : (*p & 0xf0) == 0xe0 ? 3
               : (*p & 0xf8) == 0xf0 ? 4
                                     : 0;
    if (n == 0 || (n == 2 && *p < 0xc2))
      return 0;
    for (size_t i = 1; i < n; i++)
      if ((p[i] & 0xc0) != 0x80)
        return 0;
    p += n;
  }
  return 1;
}

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

/* ------------------------------------------------------------------ the output folder */

Test(output, a_folder_that_is_not_qscores_is_refused_and_left_untouched) {
  char *dir = qs_test_tmpdir();
  char *notes = qs_test_join(dir, "notes.txt"), *reports = qs_test_join(dir, "reports");
  put(notes, "a reviewer's notes\n");
  cr_assert_eq(mkdir(reports, 0755), 0);
  qs_run r = batch_en(dir, "-q", SAMPLE_A, NULL);
  cr_expect_eq(r.code, 2, "%s", r.err);
  cr_expect(strstr(r.err, "is not empty and is not a qscore output folder") != NULL, "%s", r.err);
  char **names;
  size_t n = qs_test_list_dir(dir, &names);
  cr_expect_eq(n, 2, "nothing added");
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  static const char *const ours[] = {".qscore-lock", ".qscore-manifest", ".qscore-cache"};
  for (size_t i = 0; i < 3; i++) {
    char *p = qs_test_join(dir, ours[i]);
    cr_expect(!exists(p), "%s made in a folder that is not qscore's", p);
    free(p);
  }
  expect_content(notes, "a reviewer's notes\n");
  qs_run_free(&r);
  free(notes);
  free(reports);
  qs_test_rmtree(dir);
}

Test(output, files_qscore_did_not_write_survive_every_run, .timeout = 120) {
  char *root = qs_test_tmpdir();
  char *in = qs_test_join(root, "in"), *out = qs_test_join(root, "out");
  cr_assert_eq(mkdir(in, 0755), 0);
  char *a = qs_test_join(in, "a.xml");
  copy(SAMPLE_A, a);
  qs_run r = batch_en(out, "-q", in, NULL);
  cr_assert_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);

  /* What a reviewer or an office puts into the folder afterwards. */
  char *docx = S("%s/reports/notes.docx", out), *app = S("%s/reports/app.xml", out);
  char *tmp1 = S("%s/notes.tmp.txt", out), *tmp2 = S("%s/x.tmp.123", out);
  char *sub = S("%s/mine", out), *subfile = S("%s/mine/keep.csv", out);
  put(docx, "docx");
  copy(SAMPLE_B, app);
  put(tmp1, "tmp1");
  put(tmp2, "tmp2");
  cr_assert_eq(mkdir(sub, 0755), 0);
  put(subfile, "keep");
  char *app_text = qs_test_slurp(app, NULL);

  r = batch_en(out, "-q", in, NULL); /* a fresh run */
  cr_expect_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  r = batch_en(out, "-q", "--resume", in, NULL);
  cr_expect_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  /* The input folder given contains the output folder: its submission-like file is listed,
   * not scored, and certainly not removed. */
  r = batch_en(out, root, NULL);
  cr_expect_eq(r.code, 1, "a file was skipped: %s", r.err);
  char *errors_path = qs_test_join(out, "errors.csv");
  char *errors = qs_test_slurp(errors_path, NULL);
  cr_expect(strstr(errors, "reports/app.xml") != NULL && strstr(errors, "skipped") != NULL &&
                strstr(errors, "inside the output folder") != NULL,
            "%s", errors);
  char *csv_path = qs_test_join(out, "triage.csv");
  char *csv = qs_test_slurp(csv_path, NULL);
  cr_expect(strstr(csv, "app.xml") == NULL, "not scored: %s", csv);
  cr_expect(strstr(csv, "in/a.xml") != NULL, "%s", csv);
  qs_run_free(&r);

  expect_content(docx, "docx");
  expect_content(app, app_text);
  expect_content(tmp1, "tmp1");
  expect_content(tmp2, "tmp2");
  expect_content(subfile, "keep");
  free(errors);
  free(errors_path);
  free(csv);
  free(csv_path);
  free(app_text);
  free(a);
  free(in);
  free(out);
  qs_test_rmtree(root);
}

Test(output, no_link_inside_the_folder_is_followed, .timeout = 120) {
  char *elsewhere = qs_test_tmpdir();
  char *keep = qs_test_join(elsewhere, "keep.json");
  put(keep, "keep");
  static const char *const links[] = {"reports", ".qscore-cache"};
  for (size_t i = 0; i < 2; i++) {
    char *out = qs_test_tmpdir();
    qs_run r = batch_en(out, "-q", SAMPLE_A, NULL);
    cr_assert_eq(r.code, 0, "%s", r.err);
    qs_run_free(&r);
    char *p = qs_test_join(out, links[i]);
    cr_assert_eq(sh(S("rm -rf '%s'", p), NULL), 0);
    cr_assert_eq(symlink(elsewhere, p), 0);
    r = batch_en(out, "-q", SAMPLE_A, NULL);
    cr_expect_eq(r.code, 2, "%s: %s", links[i], r.err);
    cr_expect(strstr(r.err, "is not the folder qscore made") != NULL, "%s", r.err);
    qs_run_free(&r);
    r = batch_en(out, "-q", "--resume", SAMPLE_A, NULL);
    cr_expect_eq(r.code, 2, "%s with --resume: %s", links[i], r.err);
    qs_run_free(&r);
    char **names;
    size_t n = qs_test_list_dir(elsewhere, &names);
    cr_expect_eq(n, 1, "%s: the folder a link points to is untouched", links[i]);
    for (size_t k = 0; k < n; k++)
      free(names[k]);
    free(names);
    cr_expect_eq(count_prefixed(elsewhere, "."), 2, "only . and ..");
    expect_content(keep, "keep");
    free(p);
    qs_test_rmtree(out);
  }
  /* An output of qscore's replaced by a link: that output is refused and said, the others are
   * written, the file the link points to is untouched. */
  char *out = qs_test_tmpdir();
  qs_run r = batch_en(out, "-q", SAMPLE_A, NULL);
  cr_assert_eq(r.code, 0);
  qs_run_free(&r);
  char *csv = qs_test_join(out, "triage.csv");
  cr_assert_eq(unlink(csv), 0);
  cr_assert_eq(symlink(keep, csv), 0);
  r = batch_en(out, SAMPLE_A, NULL);
  cr_expect_eq(r.code, 1, "%s", r.err);
  cr_expect(strstr(r.err, "triage.csv: it is a symbolic link") != NULL, "%s", r.err);
  const char *written = strstr(r.err, "Written in");
  cr_assert_not_null(written, "%s", r.err);
  cr_expect(strstr(written, "triage.csv") == NULL && strstr(written, "index.html") != NULL,
            "the summary names only what was written: %s", written);
  cr_expect_eq(file_type(csv), S_IFLNK);
  expect_content(keep, "keep");
  qs_run_free(&r);
  free(csv);
  qs_test_rmtree(out);
  free(keep);
  qs_test_rmtree(elsewhere);
}

Test(output, a_second_batch_into_the_same_folder_stops_naming_the_first, .timeout = 300) {
  char *in = qs_test_tmpdir(), *out = qs_test_tmpdir(), *alone = qs_test_tmpdir();
  qs_test_gensub(in, "150", "11", "0", "0");
  pid_t pid = fork();
  cr_assert(pid >= 0);
  if (pid == 0) {
    int nul = open("/dev/null", O_RDWR);
    dup2(nul, 1);
    dup2(nul, 2);
    execl(QS_BIN, QS_BIN, "batch", "-q", "--lang", "en", "--jobs", "1", "--out", out, in,
          (char *)NULL);
    _exit(127);
  }
  /* Wait until the first batch holds the lock and has begun scoring. */
  char *lock = qs_test_join(out, ".qscore-lock");
  char want[32];
  snprintf(want, sizeof want, "%ld\n", (long)pid);
  for (int i = 0; i < 3000; i++) {
    char *text = exists(lock) ? qs_test_slurp(lock, NULL) : qs_xstrdup("");
    int held = strcmp(text, want) == 0;
    free(text);
    if (held && qs_test_cache_entries(out) > 0)
      break;
    sleep_ms(10);
  }
  qs_run r = batch_en(out, "-q", in, NULL);
  char pid_text[32];
  snprintf(pid_text, sizeof pid_text, "process %ld", (long)pid);
  cr_expect_eq(r.code, 2, "%s", r.err);
  cr_expect(strstr(r.err, "is in use by another qscore batch") != NULL &&
                strstr(r.err, pid_text) != NULL,
            "names the holder: %s", r.err);
  qs_run_free(&r);
  r = batch_en(out, "-q", "--resume", in, NULL);
  cr_expect_eq(r.code, 2, "--resume waits for none either: %s", r.err);
  qs_run_free(&r);
  int status;
  waitpid(pid, &status, 0);
  cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the first batch finished");
  /* The first batch's outputs are whole, as if it had run alone. */
  r = batch_en(alone, "-q", in, NULL);
  cr_expect_eq(r.code, 0);
  qs_run_free(&r);
  qs_test_expect_same_outputs(out, alone);
  free(lock);
  qs_test_rmtree(in);
  qs_test_rmtree(out);
  qs_test_rmtree(alone);
}

Test(output, every_submission_keeps_its_own_report_whatever_the_ids, .timeout = 120) {
  char *in = qs_test_tmpdir(), *out = qs_test_tmpdir();
  static const char *const files[] = {"a.xml", "b.xml", "c.xml", "d.xml"};
  static const char *const ids[] = {"X", "X", "X-2", "x"};
  for (size_t i = 0; i < 4; i++) {
    char *p = qs_test_join(in, files[i]), *xml = submission_with_id(ids[i]);
    put(p, xml);
    free(p);
    free(xml);
  }
  qs_run r = batch_en(out, "-q", in, NULL);
  cr_assert_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  char *results = qs_test_join(out, "results.jsonl");
  char *jsonl = qs_test_slurp(results, NULL);
  char *csv_path = qs_test_join(out, "triage.csv");
  char *csv = qs_test_slurp(csv_path, NULL);
  /* The report column is the last; the file column the one before. */
  char *reports[4] = {0}, *paths[4] = {0};
  size_t rows = 0;
  char *save = NULL;
  strtok_r(csv, "\r\n", &save); /* header */
  for (char *line = strtok_r(NULL, "\r\n", &save); line && rows < 4;
       line = strtok_r(NULL, "\r\n", &save)) {
    char *last = strrchr(line, ',');
    cr_assert_not_null(last);
    *last = '\0';
    char *file = strrchr(line, ',');
    cr_assert_not_null(file);
    reports[rows] = qs_xstrdup(last + 1);
    /* The file column is quoted (a text field). */
    file++;
    if (*file == '"')
      file++;
    size_t len = strlen(file);
    if (len && file[len - 1] == '"')
      file[len - 1] = '\0';
    paths[rows] = qs_xstrdup(file);
    rows++;
  }
  cr_assert_eq(rows, 4, "four rows");
  for (size_t i = 0; i < 4; i++) {
    for (size_t k = 0; k < i; k++)
      cr_expect(strcasecmp(reports[i], reports[k]) != 0, "%s and %s share a report", reports[i],
                reports[k]);
    /* The report is there and is this file's. */
    char *json_name = qs_xstrdup(reports[i]);
    strcpy(json_name + strlen(json_name) - strlen(".html"), ".json");
    char *jp = qs_test_join(out, json_name), *hp = qs_test_join(out, reports[i]);
    cr_expect(exists(hp), "%s", hp);
    char *text = qs_test_slurp(jp, NULL);
    json_error_t e;
    json_t *j = json_loads(text, 0, &e);
    cr_assert_not_null(j, "%s", jp);
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(j, "input"), "path")),
                     paths[i], "%s is the report of %s", jp, paths[i]);
    json_decref(j);
    free(text);
    free(jp);
    free(hp);
    free(json_name);
  }
  for (size_t i = 0; i < 4; i++) {
    free(reports[i]);
    free(paths[i]);
  }
  char **names;
  size_t n = qs_test_list_dir(S("%s/reports", out), &names);
  cr_expect_eq(n, 8, "eight report files for four submissions");
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  free(jsonl);
  free(results);
  free(csv);
  free(csv_path);
  qs_test_rmtree(in);
  qs_test_rmtree(out);
}

/* ------------------------------------------------------------------ -o */

Test(output, o_writes_into_devices_and_fifos_and_refuses_links, .timeout = 60) {
  char *dir = qs_test_tmpdir();
  /* A FIFO: written into (a reader gets the report), still a FIFO afterwards. */
  char *fifo = qs_test_join(dir, "f"), *got = qs_test_join(dir, "got");
  cr_assert_eq(mkfifo(fifo, 0644), 0);
  pid_t reader = fork();
  cr_assert(reader >= 0);
  if (reader == 0) {
    alarm(50); /* a qscore that never writes must not leave this reader behind */
    char *text = qs_test_slurp(fifo, NULL);
    put(got, text);
    _exit(0);
  }
  qs_run r = RUN("score", "--format", "json", "-o", fifo, SAMPLE_A);
  cr_expect_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  int status;
  waitpid(reader, &status, 0);
  r = RUN("score", "--format", "json", SAMPLE_A);
  expect_content(got, r.out);
  qs_run_free(&r);
  cr_expect_eq(file_type(fifo), S_IFIFO, "still a FIFO");

  /* A character device: written into, still a device. */
  const char *target = device(dir, 3);
  r = RUN("score", "-o", target, SAMPLE_A);
  cr_expect_eq(r.code, 0, "%s", r.err);
  cr_expect_eq(file_type(target), S_IFCHR, "%s is still a device", target);
  qs_run_free(&r);

  /* A symbolic link: refused, the link and the file it points to untouched. */
  char *file = qs_test_join(dir, "target.txt"), *link = qs_test_join(dir, "link.html");
  put(file, "orig");
  cr_assert_eq(symlink("target.txt", link), 0);
  r = RUN("score", "--lang", "en", "-o", link, SAMPLE_A);
  cr_expect_eq(r.code, 1, "%s", r.err);
  cr_expect(strstr(r.err, "link.html: it is a symbolic link") != NULL, "%s", r.err);
  cr_expect_eq(file_type(link), S_IFLNK);
  expect_content(file, "orig");
  qs_run_free(&r);

  /* A regular file: replaced whole, its permission bits kept, no temporary file left. */
  char *reg = qs_test_join(dir, "r.json");
  put(reg, "old");
  cr_assert_eq(chmod(reg, 0600), 0);
  r = RUN("score", "--format", "json", "-o", reg, SAMPLE_A);
  cr_expect_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  r = RUN("score", "--format", "json", SAMPLE_A);
  expect_content(reg, r.out);
  qs_run_free(&r);
  struct stat st;
  cr_assert_eq(stat(reg, &st), 0);
  cr_expect_eq(st.st_mode & 07777, 0600, "mode %o", st.st_mode & 07777);
  cr_expect_eq(count_prefixed(dir, ".qscore-tmp-"), 0, "no temporary file left");

  /* A folder, and a folder that does not exist: exit 1 with the path and the reason. */
  r = RUN("score", "--lang", "en", "-o", dir, SAMPLE_A);
  cr_expect_eq(r.code, 1, "%s", r.err);
  qs_run_free(&r);
  r = RUN("score", "--lang", "en", "-o", "/nonexistent/dir/r.txt", SAMPLE_A);
  cr_expect_eq(r.code, 1, "%s", r.err);
  cr_expect(strstr(r.err, "cannot write /nonexistent/dir/r.txt: No such file or directory") != NULL,
            "%s", r.err);
  qs_run_free(&r);
  /* -o - is standard output. */
  r = RUN("score", "--format", "json", "-o", "-", SAMPLE_A);
  cr_expect_eq(r.code, 0);
  cr_expect(r.out[0] == '{', "%s", r.out);
  qs_run_free(&r);
  free(fifo);
  free(got);
  free(file);
  free(link);
  free(reg);
  qs_test_rmtree(dir);
}

/* ------------------------------------------------------------------ failed writes */

Test(output, a_failed_write_is_said_with_its_path_and_reason, .timeout = 60) {
  char *dir = qs_test_tmpdir(), *err = qs_test_join(dir, "err");
  const char *full = device(dir, 7);
  qs_run r = RUN("score", "--lang", "en", "-o", full, SAMPLE_A);
  cr_expect_eq(r.code, 1, "%s", r.err);
  cr_expect(strstr(r.err, S("cannot write %s: No space left on device", full)) != NULL, "%s",
            r.err);
  cr_expect_eq(file_type(full), S_IFCHR, "%s is still a device", full);
  qs_run_free(&r);
  r = RUN("score", "-o", full, SAMPLE_A);
  cr_expect(strstr(r.err, S("无法写入 %s：磁盘空间不足", full)) != NULL,
            "the reason in Chinese: %s", r.err);
  qs_run_free(&r);
  static const char *const commands[][4] = {{"validate", SAMPLE_A, NULL, NULL},
                                            {"rubric", NULL, NULL, NULL},
                                            {"explain", SAMPLE_A, NULL, NULL},
                                            {"score", SAMPLE_A, NULL, NULL}};
  for (size_t i = 0; i < 4; i++) {
    const char *argv[] = {QS_BIN, "--lang", "en", commands[i][0], commands[i][1], NULL};
    cr_expect_eq(qs_test_exec(argv, full, err, NULL), 1, "%s > %s", commands[i][0], full);
    char *text = qs_test_slurp(err, NULL);
    cr_expect(strstr(text, "cannot write to standard output: No space left on device") != NULL,
              "%s: %s", commands[i][0], text);
    free(text);
  }
  cr_expect_eq(file_type(full), S_IFCHR, "%s is still a device", full);
  free(err);
  qs_test_rmtree(dir);
}

Test(output, a_batch_on_a_full_disk_says_what_failed_and_resume_repairs_it, .timeout = 300) {
  char *root = qs_test_tmpdir();
  char *out = qs_test_join(root, "out"), *whole = qs_test_join(root, "whole");
  char *err = qs_test_join(root, "err");
  /* The whole run first, for the sizes: the file size limit is then set just under the largest
   * report page, so that page and results.jsonl (every report together) cannot be written, as
   * on a disk that fills up, while the small files can. */
  qs_run r = batch_en(whole, "-q", "samples", NULL);
  cr_assert_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  char **names;
  size_t n = qs_test_list_dir(S("%s/reports", whole), &names);
  off_t largest = 0;
  for (size_t i = 0; i < n; i++) {
    struct stat st;
    cr_assert_eq(stat(S("%s/reports/%s", whole, names[i]), &st), 0);
    if (strstr(names[i], ".html") && st.st_size > largest)
      largest = st.st_size;
    free(names[i]);
  }
  free(names);
  struct stat rst;
  cr_assert_eq(stat(S("%s/results.jsonl", whole), &rst), 0);
  long blocks = (long)((largest - 1) / 512); /* ulimit -f counts 512-byte blocks */
  cr_assert(blocks * 512 < largest && rst.st_size > largest && blocks * 512 > 32 * 1024,
            "sizes: largest page %lld, results.jsonl %lld", (long long)largest,
            (long long)rst.st_size);
  char *script =
      S("ulimit -f %ld && exec %s batch --lang en --jobs 2 --out %s samples", blocks, QS_BIN, out);
  cr_expect_eq(sh(script, err), 1, "a failed write is exit 1");
  char *text = qs_test_slurp(err, NULL);
  cr_expect(strstr(text, "results.jsonl: File too large") != NULL, "%s", text);
  const char *written = strstr(text, "Written in");
  cr_assert_not_null(written, "%s", text);
  cr_expect(strstr(written, "results.jsonl") == NULL, "not said to be written: %s", written);
  cr_expect(strstr(text, "could not be written") != NULL, "%s", text);
  char *errors_path = qs_test_join(out, "errors.csv");
  char *errors = qs_test_slurp(errors_path, NULL);
  cr_expect(strstr(errors, ",write,") != NULL && strstr(errors, "File too large") != NULL,
            "the submissions whose result could not be written: %s", errors);
  /* A table links no report that is not there. */
  char *csv_path = qs_test_join(out, "triage.csv");
  char *csv = qs_test_slurp(csv_path, NULL);
  char *save = NULL;
  strtok_r(csv, "\r\n", &save);
  for (char *line = strtok_r(NULL, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
    const char *report = strrchr(line, ',') + 1;
    if (*report) {
      char *p = qs_test_join(out, report);
      cr_expect(exists(p), "%s is linked and missing", p);
      free(p);
    }
  }
  /* Once there is room again, --resume makes exactly what an uninterrupted run makes. */
  r = batch_en(out, "-q", "--resume", "--jobs", "2", "samples", NULL);
  cr_expect_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  qs_test_expect_same_outputs(out, whole);
  free(csv);
  free(csv_path);
  free(errors);
  free(errors_path);
  free(text);
  free(out);
  free(whole);
  free(err);
  qs_test_rmtree(root);
}

/* ------------------------------------------------------------------ inputs */

Test(output, every_path_given_or_found_is_scored_or_listed, .timeout = 120) {
  char *root = qs_test_tmpdir();
  char *in = qs_test_join(root, "in"), *out = qs_test_join(root, "out");
  cr_assert_eq(mkdir(in, 0755), 0);
  copy(SAMPLE_A, S("%s/a.xml", in));
  copy(SAMPLE_B, S("%s/b.Xml", in));
  char *abs = realpath(SAMPLE_C, NULL);
  cr_assert_eq(symlink(abs, S("%s/link.xml", in)), 0);
  char *samples = realpath("samples", NULL);
  cr_assert_eq(symlink(samples, S("%s/linkdir", in)), 0);
  cr_assert_eq(mkfifo(S("%s/fifo.xml", in), 0644), 0);
  put(S("%s/attachment.pdf", in), "not a submission");
  /* A submission 66 folders down. */
  qs_buf deep = {0};
  qs_buf_add(&deep, in);
  for (int i = 1; i <= 66; i++) {
    qs_buf_addf(&deep, "/d%d", i);
    cr_assert_eq(mkdir(deep.s, 0755), 0);
  }
  copy(SAMPLE_C, S("%s/deep.xml", deep.s));
  qs_run r = batch_en(out, in, NULL);
  cr_expect_eq(r.code, 1, "%s", r.err);
  cr_expect(strstr(r.err, "6 files: 2 scored") != NULL, "%s", r.err);
  char *errors = qs_test_slurp(S("%s/errors.csv", out), NULL);
  /* errors.csv quotes every file name and message (text fields). */
  cr_expect(strstr(errors, "in/link.xml\",0,skipped,\"a symbolic link, not followed") != NULL, "%s",
            errors);
  cr_expect(strstr(errors, "in/linkdir\",0,skipped,\"a symbolic link") != NULL, "%s", errors);
  cr_expect(strstr(errors, "in/fifo.xml\",0,skipped,\"not a regular file") != NULL, "%s", errors);
  cr_expect(strstr(errors, "/d64/d65\",0,skipped,\"more than 64 folders deep") != NULL, "%s",
            errors);
  cr_expect(strstr(errors, "attachment.pdf") == NULL, "attachments are not submissions");
  char *csv = qs_test_slurp(S("%s/triage.csv", out), NULL);
  cr_expect(strstr(csv, "in/b.Xml") != NULL, "*.Xml is a submission: %s", csv);
  qs_run_free(&r);
  free(errors);
  free(csv);

  /* A FIFO named on the command line does not hang the batch; a file of 100 GB (sparse, no
   * disk used) is refused by its size without being read. */
  char *big = S("%s/huge.xml", root);
  int fd = open(big, O_WRONLY | O_CREAT, 0644);
  cr_assert(fd >= 0);
  cr_assert_eq(ftruncate(fd, (off_t)100 << 30), 0);
  close(fd);
  char *out2 = qs_test_join(root, "out2");
  r = batch_en(out2, S("%s/fifo.xml", in), big, SAMPLE_A, NULL);
  cr_expect_eq(r.code, 1, "%s", r.err);
  char *errors2 = qs_test_slurp(S("%s/errors.csv", out2), NULL);
  cr_expect(strstr(errors2, "fifo.xml\",0,skipped") != NULL, "%s", errors2);
  cr_expect(strstr(errors2, "huge.xml\",0,invalid,\"file larger than the 64 MiB limit") != NULL,
            "%s", errors2);
  qs_run_free(&r);
  free(errors2);
  free(out2);
  free(abs);
  free(samples);
  qs_buf_free(&deep);
  free(in);
  free(out);
  qs_test_rmtree(root);
}

Test(output, a_batch_with_nothing_to_score_writes_nothing, .timeout = 60) {
  char *root = qs_test_tmpdir();
  char *out = qs_test_join(root, "out"), *empty = qs_test_join(root, "empty");
  qs_run r = batch_en(out, "/no/such/dir", NULL);
  cr_expect_eq(r.code, 1, "%s", r.err);
  cr_expect(strstr(r.err, "/no/such/dir: cannot read: No such file or directory") != NULL, "%s",
            r.err);
  cr_expect(strstr(r.err, "nothing to score") != NULL, "%s", r.err);
  cr_expect(!exists(out), "no output folder made");
  qs_run_free(&r);
  cr_assert_eq(mkdir(empty, 0755), 0);
  r = batch_en(out, empty, NULL);
  cr_expect_eq(r.code, 1, "%s", r.err);
  cr_expect(!exists(out), "no output folder made");
  qs_run_free(&r);
  free(out);
  free(empty);
  qs_test_rmtree(root);
}

/* ------------------------------------------------------------------ names and cells */

Test(output, file_names_that_are_not_utf8_keep_every_output_valid, .timeout = 120) {
  char *in = qs_test_tmpdir(), *out = qs_test_tmpdir(), *unz = qs_test_tmpdir();
  char *gbk = qs_test_join(in, "\xd6\xd0\xce\xc4.xml"); /* 中文 in GBK */
  char *latin = qs_test_join(in, "caf\xe9.xml");        /* café in Latin-1 */
  copy(SAMPLE_A, gbk);
  copy(SAMPLE_B, latin);
  qs_run r = batch_en(out, "-q", in, NULL);
  cr_assert_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  static const char *const tables[] = {"triage.csv", "index.html", "errors.csv", "results.jsonl"};
  for (size_t i = 0; i < 4; i++) {
    char *text = qs_test_slurp(S("%s/%s", out, tables[i]), NULL);
    cr_expect(valid_utf8(text), "%s is valid UTF-8", tables[i]);
    free(text);
  }
  char *csv = qs_test_slurp(S("%s/triage.csv", out), NULL);
  cr_expect(strstr(csv, "\\xd6\\xd0\\xce\\xc4.xml") != NULL && strstr(csv, "caf\\xe9.xml") != NULL,
            "the names shown escaped: %s", csv);
  free(csv);
  char *jsonl = qs_test_slurp(S("%s/results.jsonl", out), NULL);
  size_t lines = 0;
  char *save = NULL;
  for (char *l = strtok_r(jsonl, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
    json_error_t e;
    json_t *j = json_loads(l, 0, &e);
    cr_assert_not_null(j, "line %zu: %s", lines + 1, e.text);
    const char *path = json_string_value(json_object_get(json_object_get(j, "input"), "path"));
    cr_expect(path && (strstr(path, "/\\xd6\\xd0\\xce\\xc4.xml") || strstr(path, "/caf\\xe9.xml")),
              "%s", path);
    json_decref(j);
    lines++;
  }
  cr_expect_eq(lines, 2);
  /* Every part of the workbook is well-formed XML. */
  cr_assert_eq(sh(S("cd %s && unzip -q %s/triage.xlsx", unz, out), NULL), 0);
  char *list = S("%s/list", unz);
  cr_assert_eq(sh(S("cd %s && find . -name '*.xml' > %s", unz, list), NULL), 0);
  char *names = qs_test_slurp(list, NULL);
  size_t parts = 0;
  save = NULL;
  for (char *l = strtok_r(names, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
    char *p = S("%s/%s", unz, l);
    xmlDocPtr doc = xmlReadFile(p, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
    cr_expect_not_null(doc, "%s is not well-formed", l);
    xmlFreeDoc(doc);
    parts++;
  }
  cr_expect(parts >= 5, "%zu parts", parts);
  /* The XML report of a file with such a name. */
  r = RUN("score", "--format", "xml", gbk);
  cr_assert_eq(r.code, 0, "%s", r.err);
  xmlDocPtr doc = xmlReadMemory(r.out, (int)strlen(r.out), "report.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR);
  cr_expect_not_null(doc, "the XML report is well-formed");
  xmlFreeDoc(doc);
  cr_expect(strstr(r.out, "\\xd6\\xd0\\xce\\xc4.xml") != NULL);
  qs_run_free(&r);
  free(names);
  free(jsonl);
  free(gbk);
  free(latin);
  qs_test_rmtree(in);
  qs_test_rmtree(out);
  qs_test_rmtree(unz);
}

/* UTF-16 units of a UTF-8 text (Excel's count). */
static size_t utf16_units(const char *s) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if ((*p & 0xc0) != 0x80)
      n += *p >= 0xf0 ? 2 : 1;
  return n;
}

Test(output, a_text_too_long_for_a_cell_is_cut_with_a_mark) {
  static const char *const pieces[] = {"中", "a", "\xf0\x9f\x98\x80"}; /* 3, 1, 4 bytes */
  for (size_t k = 0; k < 3; k++) {
    qs_buf b = {0};
    for (int i = 0; i < 40000; i++)
      qs_buf_add(&b, pieces[k]);
    char *cut;
    const char *v = qs_xlsx_fit(b.s, QS_LANG_EN, &cut);
    cr_assert_not_null(cut, "cut");
    cr_expect(utf16_units(v) <= QS_XLSX_CELL_MAX, "%zu units", utf16_units(v));
    cr_expect(utf16_units(v) > QS_XLSX_CELL_MAX - 200, "no more cut than needed");
    cr_expect(valid_utf8(v), "cut on a character boundary");
    cr_expect(strstr(v, "[cut to fit a cell") != NULL);
    free(cut);
    qs_buf_free(&b);
  }
  char *cut;
  const char *v = qs_xlsx_fit("short", QS_LANG_ZH, &cut);
  cr_expect_null(cut);
  cr_expect_str_eq(v, "short");
}

Test(output, a_flag_longer_than_a_cell_reaches_the_workbook_cut, .timeout = 120) {
  /* A thousand meetings without a document, each with a 60-character id: the no-document
   * flag lists them all, about 61,000 characters. */
  qs_buf body = {0};
  qs_buf_add(&body, "  <mechanism>\n");
  for (int i = 0; i < 1000; i++)
    qs_buf_addf(&body,
                "    <meeting id=\"M%04d-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" "
                "kind=\"meeting\" date=\"2023-06-01\" title=\"t\" participants=\"10\"/>\n",
                i);
  qs_buf_add(&body, "  </mechanism>\n");
  char *xml = qs_test_submission(body.s);
  char *in = qs_test_tmpdir(), *out = qs_test_tmpdir(), *unz = qs_test_tmpdir();
  char *p = qs_test_join(in, "long.xml");
  put(p, xml);
  qs_run r = batch_en(out, "-q", in, NULL);
  cr_assert(r.code == 0 || r.code == 1, "%s", r.err);
  qs_run_free(&r);
  cr_assert_eq(sh(S("cd %s && unzip -q %s/triage.xlsx", unz, out), NULL), 0);
  /* The flags sheet is the last but one: find the mark in any sheet. */
  char *hits = S("%s/hits", unz);
  cr_expect_eq(sh(S("grep -l 'cut to fit a cell' %s/xl/worksheets/*.xml > %s", unz, hits), NULL), 0,
               "the cut text with its mark is in the workbook");
  char *jsonl = qs_test_slurp(S("%s/results.jsonl", out), NULL);
  cr_expect(strstr(jsonl, "M0999-aaaa") != NULL, "the whole text stays in the report");
  free(jsonl);
  free(p);
  free(xml);
  qs_buf_free(&body);
  qs_test_rmtree(in);
  qs_test_rmtree(out);
  qs_test_rmtree(unz);
}

/* ------------------------------------------------------------------ the scoring day */

static const char *as_of_of(const char *json) {
  static char day[16];
  json_error_t e;
  json_t *j = json_loads(json, 0, &e);
  cr_assert_not_null(j, "%s", e.text);
  const char *s = json_string_value(
      json_object_get(json_object_get(json_object_get(j, "submission"), "window"), "as_of"));
  snprintf(day, sizeof day, "%s", s ? s : "");
  json_decref(j);
  return day;
}

static int has_flag(const char *json, const char *code) {
  json_error_t e;
  json_t *j = json_loads(json, 0, &e);
  cr_assert_not_null(j);
  int found = 0;
  size_t i, k;
  json_t *v, *f;
  json_array_foreach(json_object_get(j, "flags"), i, f) {
    found |= strcmp(json_string_value(json_object_get(f, "code")), code) == 0;
  }
  json_array_foreach(json_object_get(j, "indicators"), i, v) {
    json_array_foreach(json_object_get(v, "flags"), k, f) {
      found |= strcmp(json_string_value(json_object_get(f, "code")), code) == 0;
    }
  }
  json_decref(j);
  return found;
}

Test(output, the_scoring_day_is_chinas_today_or_as_of_and_every_report_shows_it, .timeout = 120) {
  /* 2026-01-01 16:00 UTC is 2026-01-02 00:00 in China; a second earlier it is still the 1st. */
  setenv("SOURCE_DATE_EPOCH", "1767283200", 1);
  qs_run r = RUN("score", "--format", "json", SAMPLE_A);
  cr_expect_str_eq(as_of_of(r.out), "2026-01-02");
  qs_run_free(&r);
  setenv("SOURCE_DATE_EPOCH", "1767283199", 1);
  r = RUN("score", "--format", "json", SAMPLE_A);
  cr_expect_str_eq(as_of_of(r.out), "2026-01-01");
  qs_run_free(&r);
  unsetenv("SOURCE_DATE_EPOCH");

  r = RUN("score", "--format", "json", "--as-of", "2024-06-01", SAMPLE_A);
  cr_expect_eq(r.code, 0);
  cr_expect_str_eq(as_of_of(r.out), "2024-06-01");
  cr_expect(has_flag(r.out, "future-date"), "evidence after the scoring day is flagged");
  qs_run_free(&r);
  r = RUN("score", "--format", "json", "--as-of", "2026-06-01", SAMPLE_A);
  cr_expect(!has_flag(r.out, "future-date"), "none after a later scoring day");
  qs_run_free(&r);
  struct {
    const char *format, *want;
  } shown[] = {
      {"text", "scoring day 2024-06-01"}, {"xml", "as-of=\"2024-06-01\""}, {"html", "Scoring day"}};
  for (size_t i = 0; i < 3; i++) {
    r = RUN("score", "--lang", "en", "--format", shown[i].format, "--as-of", "2024-06-01",
            SAMPLE_A);
    cr_expect(strstr(r.out, shown[i].want) != NULL && strstr(r.out, "2024-06-01") != NULL, "%s",
              shown[i].format);
    qs_run_free(&r);
  }
  r = RUN("explain", "--lang", "en", "--as-of", "2024-06-01", SAMPLE_A);
  cr_expect(strstr(r.out, "scoring day 2024-06-01") != NULL, "%.300s", r.out);
  qs_run_free(&r);
  r = RUN("score", "--as-of", "2024-06-01", SAMPLE_A);
  cr_expect(strstr(r.out, "评审基准日 2024-06-01") != NULL, "%.400s", r.out);
  qs_run_free(&r);

  static const char *const commands[] = {"score", "explain", "validate", "batch"};
  for (size_t i = 0; i < 4; i++) {
    r = RUN(commands[i], "--lang", "en", "--as-of", "2024-02-30", SAMPLE_A);
    cr_expect_eq(r.code, 2, "%s: %s", commands[i], r.err);
    cr_expect(strstr(r.err, "--as-of needs a date YYYY-MM-DD") != NULL, "%s", r.err);
    qs_run_free(&r);
  }
  char *out = qs_test_tmpdir();
  r = batch_en(out, "--as-of", "2025-03-01", SAMPLE_A, NULL);
  cr_expect(strstr(r.err, "Scoring day 2025-03-01") != NULL, "%s", r.err);
  qs_run_free(&r);
  char *index = qs_test_slurp(S("%s/index.html", out), NULL);
  cr_expect(strstr(index, "2025-03-01") != NULL);
  free(index);
  qs_test_rmtree(out);
}

Test(output, resume_on_another_scoring_day_scores_again, .timeout = 120) {
  char *a = qs_test_tmpdir(), *b = qs_test_tmpdir();
  qs_run r = batch_en(a, "--as-of", "2024-06-01", "samples", NULL);
  cr_assert_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  r = batch_en(a, "--resume", "--as-of", "2026-06-01", "samples", NULL);
  cr_expect_eq(r.code, 0);
  cr_expect(strstr(r.err, "; 0 taken from an earlier run") != NULL, "%s", r.err);
  qs_run_free(&r);
  /* The results of the other day are gone from the cache: a JSON, a row and a page for each
   * of the 8 samples, no more. */
  cr_expect_eq(qs_test_cache_entries(a), 24, "%zu entries", qs_test_cache_entries(a));
  r = batch_en(b, "-q", "--as-of", "2026-06-01", "samples", NULL);
  qs_run_free(&r);
  qs_test_expect_same_outputs(a, b);
  /* The same day again: everything comes from the cache. */
  r = batch_en(a, "--resume", "--as-of", "2026-06-01", "samples", NULL);
  cr_expect(strstr(r.err, "; 8 taken from an earlier run") != NULL, "%s", r.err);
  qs_run_free(&r);
  qs_test_rmtree(a);
  qs_test_rmtree(b);
}

Test(output, a_report_edited_by_a_reviewer_does_not_reach_the_cache, .timeout = 120) {
  char *out = qs_test_tmpdir();
  qs_run r = batch_en(out, "-q", "samples", NULL);
  cr_assert_eq(r.code, 0);
  qs_run_free(&r);
  char *results = qs_test_join(out, "results.jsonl");
  char *before = qs_test_slurp(results, NULL);
  char **names;
  size_t n = qs_test_list_dir(S("%s/reports", out), &names);
  cr_assert(n > 0);
  char *report = S("%s/reports/%s", out, names[0]);
  struct stat st;
  cr_assert_eq(stat(report, &st), 0);
  cr_expect_eq(st.st_nlink, 1, "a copy, not a link to the cache");
  FILE *f = fopen(report, "ab");
  cr_assert_not_null(f);
  fputs("a reviewer's edit", f);
  fclose(f);
  r = batch_en(out, "-q", "--resume", "samples", NULL);
  cr_expect_eq(r.code, 0);
  qs_run_free(&r);
  expect_content(results, before);
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  free(before);
  free(results);
  qs_test_rmtree(out);
}

/* ------------------------------------------------------------------ exit codes */

Test(output, an_interrupted_batch_exits_130_or_143_and_resumes, .timeout = 300) {
  char *in = qs_test_tmpdir(), *whole = qs_test_tmpdir();
  qs_test_gensub(in, "150", "5", "0", "0");
  qs_run r = batch_en(whole, "-q", in, NULL);
  cr_assert_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  static const int sigs[] = {SIGINT, SIGTERM};
  static const int codes[] = {130, 143};
  for (size_t i = 0; i < 2; i++) {
    /* stderr beside the output folder, in a folder of this test's own (a fixed name in /tmp is
     * shared with every other run of the suite on the machine) */
    char *out = qs_test_tmpdir(), *errdir = qs_test_tmpdir();
    char *err = qs_test_join(errdir, "qs-sig.err");
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
      int nul = open("/dev/null", O_RDWR);
      int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(nul, 1);
      dup2(e, 2);
      execl(QS_BIN, QS_BIN, "batch", "--lang", "en", "--jobs", "2", "--out", out, in, (char *)NULL);
      _exit(127);
    }
    for (int k = 0; k < 3000 && qs_test_cache_entries(out) < 20; k++)
      sleep_ms(10);
    kill(pid, sigs[i]);
    int status;
    waitpid(pid, &status, 0);
    cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == codes[i], "signal %d: status %d", sigs[i],
              status);
    char *text = qs_test_slurp(err, NULL);
    cr_expect(strstr(text, "interrupted") != NULL && strstr(text, "--resume") != NULL, "%s", text);
    free(text);
    r = batch_en(out, "-q", "--resume", "--jobs", "2", in, NULL);
    cr_expect_eq(r.code, 0, "%s", r.err);
    qs_run_free(&r);
    qs_test_expect_same_outputs(out, whole);
    free(err);
    qs_test_rmtree(errdir);
    qs_test_rmtree(out);
  }
  qs_test_rmtree(in);
  qs_test_rmtree(whole);
}

Test(output, a_bad_language_is_a_usage_error_even_with_help) {
  qs_run r = RUN("--lang", "fr", "--help");
  cr_expect_eq(r.code, 2, "%s", r.err);
  qs_run_free(&r);
  r = RUN("score", "--help", "--lang", "fr");
  cr_expect_eq(r.code, 2, "%s", r.err);
  qs_run_free(&r);
}

/* ------------------------------------------------------------------ validate */

Test(output, validate_says_its_verdict_and_reasons_on_one_stream, .timeout = 60) {
  qs_run r = RUN("validate", "--lang", "en", WEAK);
  cr_expect_eq(r.code, 1, "an error-level flag is not plainly valid");
  cr_expect(strstr(r.out, WEAK ": matches the schema, but with 2 error flags: not plainly valid") !=
                NULL,
            "%s", r.out);
  cr_expect(strstr(r.out, WEAK ": error wrong credit code check character (credit-code-check)") !=
                NULL,
            "%s", r.out);
  cr_expect_str_eq(r.err, "", "nothing on stderr");
  qs_run_free(&r);
  r = RUN("validate", "--lang", "en", "tests/hostile/truncated.xml");
  cr_expect_eq(r.code, 1);
  cr_expect(strstr(r.out,
                   "tests/hostile/truncated.xml: invalid\n"
                   "qscore: error: tests/hostile/truncated.xml:5: not well-formed XML") != NULL,
            "%s", r.out);
  cr_expect_str_eq(r.err, "", "nothing on stderr");
  qs_run_free(&r);
  /* Names with a terminal escape and a right-to-left override are shown escaped. */
  r = RUN("validate", "--lang", "en", "tests/hostile/control-chars.xml");
  cr_expect(strstr(r.out, "\\u202e") != NULL && strstr(r.out, "\\u009b") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "\xe2\x80\xae") == NULL && strstr(r.out, "\xc2\x9b") == NULL &&
                strchr(r.out, '\x1b') == NULL,
            "no raw control or reordering character");
  qs_run_free(&r);
  r = RUN("validate", "-q", "samples/zhejiang-ningbo-auto-parts.xml");
  cr_expect_eq(r.code, 0);
  qs_run_free(&r);
}

/* ------------------------------------------------------------------ the tables' words */

/* The tables speak the run's language: the triage column and errors.csv's kinds are words in
 * Chinese (推荐/复核/不推荐, 无效输入), the codes in English; results.jsonl keeps the codes. */
Test(output, batch_tables_name_triage_and_kinds_in_the_language_of_the_run, .timeout = 120) {
  for (int en = 0; en <= 1; en++) {
    char *out = qs_test_tmpdir();
    char *dir = qs_test_join(out, "o");
    qs_run r = RUN("batch", "-q", "--lang", en ? "en" : "zh", "--as-of", "2026-06-30", "--out", dir,
                   SAMPLE_A, WEAK, "tests/hostile/empty.xml");
    cr_expect_eq(r.code, 1, "%s", r.err);
    qs_run_free(&r);
    char *csv_path = qs_test_join(dir, "triage.csv");
    char *err_path = qs_test_join(dir, "errors.csv");
    char *jsonl_path = qs_test_join(dir, "results.jsonl");
    char *csv = qs_test_slurp(csv_path, NULL), *errs = qs_test_slurp(err_path, NULL),
         *jsonl = qs_test_slurp(jsonl_path, NULL);
    if (en) {
      cr_expect(strstr(csv, ",review,") != NULL, "%s", csv);
      cr_expect(strstr(errs, ",invalid,") != NULL, "%s", errs);
    } else {
      cr_expect(strstr(csv, ",复核,") != NULL, "%s", csv);
      cr_expect(strstr(csv, ",review,") == NULL && strstr(csv, ",reject,") == NULL &&
                    strstr(csv, ",recommend,") == NULL,
                "%s", csv);
      cr_expect(strstr(errs, ",无效输入,") != NULL, "%s", errs);
      cr_expect(strstr(errs, ",invalid,") == NULL, "%s", errs);
    }
    cr_expect(strstr(jsonl, "\"triage\": \"review\"") != NULL ||
                  strstr(jsonl, "\"triage\":\"review\"") != NULL,
              "results.jsonl keeps the code");
    free(csv);
    free(errs);
    free(jsonl);
    free(csv_path);
    free(err_path);
    free(jsonl_path);
    free(dir);
    qs_test_rmtree(out);
  }
}

/* The text report and explain name every flag in Chinese beside its code, and its severity in
 * Chinese; in English the severity is the code. */
Test(output, flags_are_named_beside_their_codes) {
  qs_run r = RUN("score", "--as-of", "2026-06-30", WEAK);
  cr_expect_eq(r.code, 0, "%s", r.err);
  cr_expect(strstr(r.out, "- 错误 信用代码校验位错误（credit-code-check）: ") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "- error credit-code-check:") == NULL, "%s", r.out);
  qs_run_free(&r);
  r = RUN("explain", "--as-of", "2026-06-30", WEAK);
  cr_expect(strstr(r.out, "- 错误 信用代码校验位错误（credit-code-check）: ") != NULL, "%s", r.out);
  qs_run_free(&r);
  r = RUN("score", "--lang", "en", "--as-of", "2026-06-30", WEAK);
  cr_expect(strstr(r.out, "- error wrong credit code check character (credit-code-check): ") !=
                NULL,
            "%s", r.out);
  qs_run_free(&r);
}
