/* helpers.h -- what the test files share: running the qscore binary and capturing what it
 * prints, loading the built-in engine, scoring a file or a string. Tests run from the
 * repository root (make test does). */
#ifndef QS_TEST_HELPERS_H
#define QS_TEST_HELPERS_H

#include <stddef.h>

#include "../engine/qs_engine.h"

#ifndef QS_BUILD_DIR
#define QS_BUILD_DIR "build"
#endif
#define QS_BIN QS_BUILD_DIR "/qscore"

typedef struct {
  int code;  /* exit code, or 128 + signal */
  char *out; /* stdout */
  char *err; /* stderr */
} qs_run;

/* Run QS_BIN with argv (NULL-terminated, without argv[0]); stdin from the file stdin_path
 * (or /dev/null). */
qs_run qs_run_cli(const char *stdin_path, const char *const *argv);
void qs_run_free(qs_run *r);

/* A built-in engine, or fail the test. */
qs_engine *qs_test_engine(void);
/* Score text as a submission named name; returns the status, *rep set on success. */
qs_status qs_test_score_text(qs_engine *e, const char *name, const char *xml, qs_report **rep,
                             char **diag_text);
/* The result of one indicator by id. */
const qs_result *qs_test_result(const qs_report *rep, const char *id);
/* Read a whole file (test data); fails the test if it cannot. */
char *qs_test_slurp(const char *path, size_t *len);

/* A minimal valid submission: the project and two enterprises (E1 chain leader, E2 SME);
 * body is inserted after </enterprises> (sections in schema order). work start 2023-03-01. */
char *qs_test_submission(const char *body);

/* The built-in rules copied into a fresh folder under /tmp (returned, allocated); `from`
 * replaced by `to` in file `name`, or, when from is NULL, file `name` added with content
 * `to`; name NULL: no edit. Fails the test when `from` is not in the file. */
char *qs_test_make_rules(const char *name, const char *from, const char *to);
/* A fresh folder under /tmp, and its removal (frees dir). */
char *qs_test_tmpdir(void);
void qs_test_rmtree(char *dir);
/* "a/b", allocated. */
char *qs_test_join(const char *a, const char *b);
/* Run a program; stdout and stderr into the given files (or /dev/null), stdin from /dev/null,
 * HOME set to home when given. Returns the exit code, or 128 + signal. */
int qs_test_exec(const char *const *argv, const char *out, const char *err, const char *home);
/* Headless Chromium (Debian's chromium) on url with the extra options (NULL-terminated), a
 * profile of its own in profile, logging on stderr (console messages appear in the log as
 * ":CONSOLE" lines); stdout to out and stderr to log. Returns the exit code. */
int qs_test_chromium(const char *profile, const char *const *extra, const char *url,
                     const char *out, const char *log);
/* The numbers of a text, sorted ("3 in 2023-03" -> "03 2023 3"): two wordings of one
 * statement put them in different orders but must carry the same ones. */
char *qs_test_numbers(const char *text);

/* A golden list: with QS_GOLDEN_WRITE set in the environment, now is written to file as its
 * new content and NULL returned (the test ends there); otherwise file's content (free it). */
char *qs_test_golden(const char *file, const char *now);
/* Two files have the same bytes (cr_expect). */
void qs_test_expect_same_file(const char *a, const char *b);
/* Every input a report is made of in the tests: samples/, tests/cases/ and tests/hostile/, each
 * *.xml found recursively, as paths sorted by strcmp (free each and the array). */
size_t qs_test_report_inputs(char ***paths);
/* Every *.xml under dir, recursively, sorted by strcmp (free each and the array). */
size_t qs_test_xml_files(const char *dir, char ***paths);
/* The names in a folder, without those starting with '.', sorted (free each and the array). */
size_t qs_test_list_dir(const char *dir, char ***names);
/* Generated submissions (tools/gensub): count files in dir, of which broken are broken and
 * dups share an id, around a median of 60 evidence items. */
void qs_test_gensub(const char *dir, const char *count, const char *seed, const char *broken,
                    const char *dups);
/* The entries in a batch folder's cache (results written so far). */
size_t qs_test_cache_entries(const char *out);
/* Two batch output folders hold the same tables and the same reports, byte for byte. */
void qs_test_expect_same_outputs(const char *a, const char *b);

#endif
