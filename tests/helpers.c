/* helpers.c -- shared test helpers (see helpers.h). */
#include "helpers.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../base/qs_builtin.h"
#include "../base/qs_util.h"

static char *drain(int fd) {
  qs_buf b = {0};
  char chunk[4096];
  ssize_t n;
  while ((n = read(fd, chunk, sizeof chunk)) > 0)
    qs_buf_addn(&b, chunk, (size_t)n);
  return qs_buf_take(&b);
}

qs_run qs_run_cli(const char *stdin_path, const char *const *argv) {
  char out_tmpl[] = "/tmp/qs-test-out-XXXXXX", err_tmpl[] = "/tmp/qs-test-err-XXXXXX";
  int out = mkstemp(out_tmpl), err = mkstemp(err_tmpl);
  cr_assert(out >= 0 && err >= 0);
  unlink(out_tmpl);
  unlink(err_tmpl);
  pid_t pid = fork();
  cr_assert(pid >= 0);
  if (pid == 0) {
    int in = open(stdin_path ? stdin_path : "/dev/null", O_RDONLY);
    if (in < 0)
      _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    size_t n = 0;
    while (argv[n])
      n++;
    char **av = calloc(n + 2, sizeof *av);
    av[0] = (char *)QS_BIN;
    for (size_t i = 0; i < n; i++)
      av[i + 1] = (char *)argv[i];
    execv(QS_BIN, av);
    _exit(127);
  }
  int status;
  waitpid(pid, &status, 0);
  qs_run r = {0};
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  lseek(out, 0, SEEK_SET);
  lseek(err, 0, SEEK_SET);
  r.out = drain(out);
  r.err = drain(err);
  close(out);
  close(err);
  return r;
}

void qs_run_free(qs_run *r) {
  free(r->out);
  free(r->err);
}

char *qs_test_make_rules(const char *name, const char *from, const char *to) {
  char *dir = qs_xstrdup("/tmp/qs-rules-XXXXXX");
  cr_assert_not_null(mkdtemp(dir));
  int edited = 0;
  for (const qs_builtin_file *f = qs_builtin_rules; f->name; f++) {
    qs_buf path = {0}, text = {0};
    qs_buf_addf(&path, "%s/%s", dir, f->name);
    qs_buf_addn(&text, f->data, f->len);
    if (name && from && strcmp(f->name, name) == 0) {
      char *at = strstr(text.s, from);
      cr_assert_not_null(at, "%s does not contain %s", name, from);
      qs_buf out = {0};
      qs_buf_addn(&out, text.s, (size_t)(at - text.s));
      qs_buf_add(&out, to);
      qs_buf_add(&out, at + strlen(from));
      qs_buf_free(&text);
      text = out;
      edited = 1;
    }
    FILE *fp = fopen(path.s, "w");
    cr_assert_not_null(fp);
    fwrite(text.s, 1, text.len, fp);
    fclose(fp);
    qs_buf_free(&path);
    qs_buf_free(&text);
  }
  if (name && !from) {
    qs_buf path = {0};
    qs_buf_addf(&path, "%s/%s", dir, name);
    FILE *fp = fopen(path.s, "w");
    cr_assert_not_null(fp);
    fputs(to, fp);
    fclose(fp);
    qs_buf_free(&path);
    edited = 1;
  }
  cr_assert(edited || !name);
  return dir;
}

qs_engine *qs_test_engine(void) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_engine *e = qs_engine_new(NULL, &d);
  if (!e) {
    qs_diag_print(&d, stderr);
    cr_assert_fail("the built-in rules did not load");
  }
  qs_diag_free(&d);
  return e;
}

qs_status qs_test_score_text(qs_engine *e, const char *name, const char *xml, qs_report **rep,
                             char **diag_text) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_status st = qs_engine_score_buffer(e, name, xml, strlen(xml), rep, &d);
  if (diag_text) {
    char *buf = qs_diag_string(&d);
    *diag_text = buf;
  }
  qs_diag_free(&d);
  return st;
}

const qs_result *qs_test_result(const qs_report *rep, const char *id) {
  for (size_t i = 0; i < rep->n_results; i++)
    if (strcmp(rep->results[i].def->id, id) == 0)
      return &rep->results[i];
  cr_assert_fail("no indicator %s in the report", id);
  return NULL;
}

char *qs_test_slurp(const char *path, size_t *len) {
  char *data;
  size_t n;
  int err;
  qs_status rs = qs_read_file(path, 1u << 30, &data, &n, &err);
  if (rs != QS_OK)
    cr_assert_fail("cannot read %s: %s", path, strerror(qs_read_errno(rs, err)));
  if (len)
    *len = n;
  return data;
}

char *qs_test_submission(const char *body) {
  qs_buf b = {0};
  qs_buf_add(&b,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<submission xmlns=\"urn:qscore:submission:2025\" edition=\"2025\">\n"
             "  <project id=\"T-1\">\n"
             "    <title>测试项目</title>\n"
             "    <region province=\"330000\" city=\"330200\">浙江省宁波市</region>\n"
             "    <chain>汽车零部件</chain>\n"
             "    <work-start>2023-03-01</work-start>\n"
             "    <applicants><applicant "
             "kind=\"government\">宁波市市场监督管理局</applicant></applicants>\n"
             "  </project>\n"
             "  <enterprises>\n"
             "    <enterprise id=\"E1\" credit-code=\"91350100M000100Y43\" role=\"chain-leader\" "
             "size=\"large\"><name>甲集团</name></enterprise>\n"
             "    <enterprise id=\"E2\" credit-code=\"91350100M000100Y43\" role=\"sme\" "
             "size=\"small\" srdi=\"provincial\"><name>乙公司</name></enterprise>\n"
             "  </enterprises>\n");
  qs_buf_add(&b, body ? body : "");
  qs_buf_add(&b, "</submission>\n");
  return qs_buf_take(&b);
}

char *qs_test_tmpdir(void) {
  char *d = qs_xstrdup("/tmp/qs-test-XXXXXX");
  cr_assert_not_null(mkdtemp(d));
  return d;
}

void qs_test_rmtree(char *dir) {
  const char *argv[] = {"rm", "-rf", dir, NULL};
  qs_test_exec(argv, NULL, NULL, NULL);
  free(dir);
}

char *qs_test_join(const char *a, const char *b) {
  qs_buf p = {0};
  qs_buf_addf(&p, "%s/%s", a, b);
  return qs_buf_take(&p);
}

int qs_test_exec(const char *const *argv, const char *out, const char *err, const char *home) {
  pid_t pid = fork();
  cr_assert(pid >= 0);
  if (pid == 0) {
    int o = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err ? err : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int i = open("/dev/null", O_RDONLY);
    dup2(i, 0);
    dup2(o, 1);
    dup2(e, 2);
    if (home)
      setenv("HOME", home, 1);
    execvp(argv[0], (char *const *)argv);
    _exit(127);
  }
  int status;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int qs_test_chromium(const char *profile, const char *const *extra, const char *url,
                     const char *out, const char *log) {
  qs_buf dir = {0};
  qs_buf_addf(&dir, "--user-data-dir=%s", profile);
  const char *base[] = {"chromium",
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        dir.s,
                        "--enable-logging=stderr",
                        "--v=0"};
  size_t nb = sizeof base / sizeof base[0], ne = 0;
  while (extra && extra[ne])
    ne++;
  const char **argv = qs_xmalloc((nb + ne + 2) * sizeof *argv);
  memcpy(argv, base, sizeof base);
  for (size_t i = 0; i < ne; i++)
    argv[nb + i] = extra[i];
  argv[nb + ne] = url;
  argv[nb + ne + 1] = NULL;
  int code = qs_test_exec(argv, out, log, profile);
  free(argv);
  qs_buf_free(&dir);
  return code;
}

static int cmp_num(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

char *qs_test_numbers(const char *text) {
  char **v = NULL;
  size_t n = 0;
  for (const char *p = text; *p; p++)
    if (*p >= '0' && *p <= '9') {
      const char *q = p;
      while ((*q >= '0' && *q <= '9') || (*q == '.' && q[1] >= '0' && q[1] <= '9'))
        q++;
      v = qs_xrealloc(v, (n + 1) * sizeof *v);
      v[n++] = qs_xstrndup(p, (size_t)(q - p));
      p = q - 1;
    }
  qs_sort(v, n, sizeof *v, cmp_num);
  qs_buf b = {0};
  qs_buf_add(&b, "");
  for (size_t i = 0; i < n; i++) {
    qs_buf_addf(&b, "%s%s", i ? " " : "", v[i]);
    free(v[i]);
  }
  free(v);
  return qs_buf_take(&b);
}

/* ------------------------------------------------------------------ batch folders */

void qs_test_expect_same_file(const char *a, const char *b) {
  size_t la, lb;
  char *x = qs_test_slurp(a, &la), *y = qs_test_slurp(b, &lb);
  cr_expect(la == lb && memcmp(x, y, la) == 0, "%s and %s differ", a, b);
  free(x);
  free(y);
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.xml under dir, recursively, added to *a. */
static void walk_xml(const char *dir, char ***a, size_t *n, size_t *cap) {
  DIR *d = opendir(dir);
  cr_assert_not_null(d, "%s", dir);
  for (struct dirent *de; (de = readdir(d));) {
    if (de->d_name[0] == '.')
      continue;
    char *p = qs_test_join(dir, de->d_name);
    struct stat st;
    size_t len = strlen(p);
    if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
      walk_xml(p, a, n, cap);
      free(p);
    } else if (S_ISREG(st.st_mode) && len > 4 && strcmp(p + len - 4, ".xml") == 0) {
      qs_grow(a, cap, *n + 1, sizeof **a);
      (*a)[(*n)++] = p;
    } else {
      free(p);
    }
  }
  closedir(d);
}

char *qs_test_golden(const char *file, const char *now) {
  if (!getenv("QS_GOLDEN_WRITE"))
    return qs_test_slurp(file, NULL);
  FILE *f = fopen(file, "w");
  cr_assert_not_null(f, "%s", file);
  fputs(now, f);
  cr_assert_eq(fclose(f), 0, "%s", file);
  return NULL;
}

size_t qs_test_xml_files(const char *dir, char ***paths) {
  char **a = NULL;
  size_t n = 0, cap = 0;
  walk_xml(dir, &a, &n, &cap);
  qs_sort(a, n, sizeof *a, cmp_names);
  *paths = a;
  return n;
}

size_t qs_test_report_inputs(char ***paths) {
  char **a = NULL;
  size_t n = 0, cap = 0;
  walk_xml("samples", &a, &n, &cap);
  walk_xml("tests/cases", &a, &n, &cap);
  walk_xml("tests/hostile", &a, &n, &cap);
  qs_sort(a, n, sizeof *a, cmp_names);
  *paths = a;
  return n;
}

size_t qs_test_list_dir(const char *dir, char ***names) {
  DIR *dp = opendir(dir);
  cr_assert_not_null(dp, "%s", dir);
  size_t n = 0, cap = 0;
  char **a = NULL;
  for (struct dirent *de; (de = readdir(dp));) {
    if (de->d_name[0] == '.')
      continue;
    qs_grow(&a, &cap, n + 1, sizeof *a);
    a[n++] = qs_xstrdup(de->d_name);
  }
  closedir(dp);
  qsort(a, n, sizeof *a, cmp_names);
  *names = a;
  return n;
}

void qs_test_expect_same_outputs(const char *a, const char *b) {
  static const char *const files[] = {"results.jsonl", "triage.csv", "triage.xlsx", "index.html",
                                      "errors.csv"};
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    char *x = qs_test_join(a, files[i]), *y = qs_test_join(b, files[i]);
    qs_test_expect_same_file(x, y);
    free(x);
    free(y);
  }
  char *ra = qs_test_join(a, "reports"), *rb = qs_test_join(b, "reports");
  char **na, **nb;
  size_t n = qs_test_list_dir(ra, &na), m = qs_test_list_dir(rb, &nb);
  cr_expect_eq(n, m, "reports: %zu and %zu files", n, m);
  for (size_t i = 0; i < n && i < m; i++) {
    cr_expect_str_eq(na[i], nb[i]);
    char *x = qs_test_join(ra, na[i]), *y = qs_test_join(rb, nb[i]);
    qs_test_expect_same_file(x, y);
    free(x);
    free(y);
  }
  for (size_t i = 0; i < n; i++)
    free(na[i]);
  for (size_t i = 0; i < m; i++)
    free(nb[i]);
  free(na);
  free(nb);
  free(ra);
  free(rb);
}

void qs_test_gensub(const char *dir, const char *count, const char *seed, const char *broken,
                    const char *dups) {
  const char *argv[] = {QS_BUILD_DIR "/tools/gensub",
                        "--out",
                        dir,
                        "--count",
                        count,
                        "--seed",
                        seed,
                        "--broken",
                        broken,
                        "--duplicates",
                        dups,
                        "--median",
                        "60",
                        NULL};
  cr_assert_eq(qs_test_exec(argv, NULL, NULL, NULL), 0, "gensub failed");
}

size_t qs_test_cache_entries(const char *out) {
  char *d = qs_test_join(out, ".qscore-cache");
  DIR *dp = opendir(d);
  size_t n = 0;
  for (struct dirent *de; dp && (de = readdir(dp));)
    n += de->d_name[0] != '.';
  if (dp)
    closedir(dp);
  free(d);
  return n;
}
