/* cmd_panel.c -- `qscore panel`: the review panel beside a batch's suggestions (issue 16).
 *
 *   qscore panel sheets --reviewers reviewers.csv --out DIR BATCH_DIR     one sheet per reviewer
 *   qscore panel collect [--format F] [--out DIR] [--reviewers FILE] BATCH_DIR SCORES...
 *
 * The output folder: new, empty, or a panel folder (it holds .qscore-panel, which lists the
 * sheets qscore wrote with their SHA-256). qscore replaces a sheet only when it is still the
 * one it wrote (a returned, filled sheet saved in its place is left as it is, with a warning)
 * and the result files panel.* of a panel folder; nothing else in the folder is touched.
 * collect with --out records every sheet in DIR/panel.sqlite (panel/db.c) and computes the
 * result from each reviewer's latest version there; without --out, from the files given, a
 * later file of a reviewer replacing the earlier. */
#define _GNU_SOURCE /* O_PATH, O_DIRECTORY */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "qs_file.h"
#include "qs_panel.h"
#include "qs_util.h"

#define PANEL_MARK ".qscore-panel"
#define PANEL_MARK_HEADER "qscore panel folder 1\n"

static void say(qs_lang lang, int warning, const char *text) {
  char *shown = qs_diag_clean_in(lang, text, 4096);
  fprintf(stderr, "qscore: %s: %s\n", qs_msg_get(lang, warning ? QS_M_WARNING : QS_M_ERROR), shown);
  free(shown);
}

static int has_entries(int dfd) {
  int fd = dup(dfd);
  if (fd < 0)
    return 1;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return 1;
  }
  struct dirent *e;
  int any = 0;
  while (!any && (e = readdir(d)))
    any = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
  closedir(d);
  return any;
}

/* The mark's text (its manifest), or NULL when the folder has none. */
static char *read_mark(int dfd) {
  char *data = NULL;
  size_t len = 0;
  int err;
  if (qs_read_fileat(dfd, PANEL_MARK, 1 << 20, QS_READ_REGULAR_ONLY | QS_READ_NOFOLLOW, &data, &len,
                     &err) != QS_OK)
    return NULL;
  if (strncmp(data, PANEL_MARK_HEADER, strlen(PANEL_MARK_HEADER)) != 0) {
    free(data);
    return NULL;
  }
  return data;
}

/* Open (make) the folder: a descriptor, or -1 after saying why (exit 2). */
static int open_out(const qs_cli *cli, const char *path, char **mark) {
  *mark = NULL;
  if (mkdir(path, 0777) != 0 && errno != EEXIST) {
    int e = errno;
    char *shown = qs_display_name(path);
    qs_buf b = {0};
    qs_buf_addf(&b, "%s: %s", shown, qs_strerror(cli->lang, e));
    say(cli->lang, 0, b.s);
    qs_buf_free(&b);
    free(shown);
    return -1;
  }
  int dfd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dfd < 0) {
    int e = errno;
    char *shown = qs_display_name(path);
    qs_buf b = {0};
    qs_buf_addf(&b, "%s: %s", shown, qs_strerror(cli->lang, e));
    say(cli->lang, 0, b.s);
    qs_buf_free(&b);
    free(shown);
    return -1;
  }
  *mark = read_mark(dfd);
  if (!*mark && has_entries(dfd)) {
    char *shown = qs_display_name(path);
    qs_buf b = {0};
    qs_buf_addf(&b, qs_msg_get(cli->lang, QS_M_PANEL_OUT_NOT_PANEL), shown);
    say(cli->lang, 0, b.s);
    qs_buf_free(&b);
    free(shown);
    close(dfd);
    return -1;
  }
  if (!*mark)
    *mark = qs_xstrdup(PANEL_MARK_HEADER);
  return dfd;
}

/* The SHA-256 the mark records for name, or NULL. */
static const char *mark_sha(const char *mark, const char *name, char out[65]) {
  size_t n = strlen(name);
  for (const char *l = mark; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
    if (strlen(l) > 66 && l[64] == ' ' && strncmp(l + 65, name, n) == 0 &&
        (l[65 + n] == '\n' || l[65 + n] == 0)) {
      memcpy(out, l, 64);
      out[64] = 0;
      return out;
    }
  }
  return NULL;
}

static int file_sha(int dfd, const char *name, char out[65]) {
  char *data = NULL;
  size_t len = 0;
  int err;
  if (qs_read_fileat(dfd, name, (size_t)256 << 20, QS_READ_REGULAR_ONLY | QS_READ_NOFOLLOW, &data,
                     &len, &err) != QS_OK)
    return -1;
  qs_sha256_hex(data, len, out);
  free(data);
  return 0;
}

static int exists(int dfd, const char *name) {
  struct stat st;
  return fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

static int load_batch(const qs_cli *cli, const qs_rubric *r, const char *dir, qs_panel_batch *b) {
  qs_diag d;
  qs_diag_init(&d, cli->lang);
  d.limit = 100000;
  int rc = qs_panel_batch_load(dir, r, b, &d);
  qs_diag_print(&d, stderr);
  qs_diag_free(&d);
  return rc;
}

static int cmd_sheets(const qs_cli *cli, const qs_rubric *r) {
  qs_lang L = cli->lang;
  if (!cli->reviewers || !cli->output || cli->n_args != 2) {
    qs_cli_usage_error(cli, "%s\n", qs_msg_get(L, QS_M_PANEL_USAGE));
    return QS_EXIT_USAGE;
  }
  qs_panel_batch b;
  if (load_batch(cli, r, cli->args[1], &b) != 0)
    return QS_EXIT_INPUT;
  qs_diag d;
  qs_diag_init(&d, L);
  d.limit = 100000;
  qs_panel_roster roster;
  if (qs_panel_roster_read(cli->reviewers, &b, &roster, &d) != 0) {
    qs_diag_print(&d, stderr);
    qs_diag_free(&d);
    qs_panel_batch_free(&b);
    return QS_EXIT_INPUT;
  }
  char *mark;
  int dfd = open_out(cli, cli->output, &mark);
  if (dfd < 0) {
    qs_diag_free(&d);
    qs_panel_roster_free(&roster);
    qs_panel_batch_free(&b);
    return QS_EXIT_USAGE;
  }
  /* Leave out the reviewers whose sheet in the folder is not the one qscore wrote. */
  qs_panel_roster todo = roster;
  todo.reviewers = qs_xcalloc(roster.n + 1, sizeof *todo.reviewers);
  todo.n = 0;
  char *shown = qs_display_name(cli->output);
  int rc = QS_EXIT_OK;
  for (size_t i = 0; i < roster.n; i++) {
    qs_buf name = {0};
    qs_buf_addf(&name, "%s.xlsx", roster.reviewers[i].id);
    char have[65], was[65];
    if (exists(dfd, name.s) && (!mark_sha(mark, name.s, was) || file_sha(dfd, name.s, have) != 0 ||
                                strcmp(have, was) != 0)) {
      qs_buf m = {0};
      qs_buf_addf(&m, qs_msg_get(L, QS_M_PANEL_KEPT), shown, name.s);
      say(L, 1, m.s);
      qs_buf_free(&m);
      rc = QS_EXIT_WRITE;
    } else {
      todo.reviewers[todo.n++] = roster.reviewers[i];
    }
    qs_buf_free(&name);
  }
  if (qs_panel_write_sheets(&b, &todo, L, dfd, shown, &d) != 0)
    rc = QS_EXIT_WRITE;
  /* The mark: every sheet of the folder qscore wrote, with its SHA-256 now. */
  qs_buf m = {0};
  qs_buf_add(&m, PANEL_MARK_HEADER);
  for (const char *l = mark + strlen(PANEL_MARK_HEADER); *l;) {
    const char *nl = strchr(l, '\n');
    size_t len = nl ? (size_t)(nl - l) : strlen(l);
    int replaced = 0;
    for (size_t i = 0; i < todo.n && !replaced; i++) {
      qs_buf name = {0};
      qs_buf_addf(&name, "%s.xlsx", todo.reviewers[i].id);
      replaced = len == 65 + name.len && strncmp(l + 65, name.s, name.len) == 0;
      qs_buf_free(&name);
    }
    if (!replaced && len > 65)
      qs_buf_addf(&m, "%.*s\n", (int)len, l);
    l += len + (nl != NULL);
  }
  int written = 0;
  for (size_t i = 0; i < todo.n; i++) {
    qs_buf name = {0};
    qs_buf_addf(&name, "%s.xlsx", todo.reviewers[i].id);
    char have[65];
    if (file_sha(dfd, name.s, have) == 0) {
      qs_buf_addf(&m, "%s %s\n", have, name.s);
      written++;
    }
    qs_buf_free(&name);
  }
  char *why = NULL;
  if (qs_file_save(dfd, PANEL_MARK, PANEL_MARK, m.s, m.len, 0, L, &why) != 0) {
    say(L, 0, why ? why : PANEL_MARK);
    free(why);
    rc = QS_EXIT_WRITE;
  }
  qs_buf_free(&m);
  qs_diag_print(&d, stderr);
  if (qs_diag_errors(&d))
    rc = QS_EXIT_WRITE;
  if (!cli->quiet) {
    fprintf(stderr, qs_msg_get(L, QS_M_PANEL_SHEETS_WRITTEN), written, shown);
    fputc('\n', stderr);
  }
  free(shown);
  free(todo.reviewers);
  free(mark);
  close(dfd);
  qs_diag_free(&d);
  qs_panel_roster_free(&roster);
  qs_panel_batch_free(&b);
  return rc;
}

static const char *const formats[] = {"text", "json", "csv", "html", "xlsx"};
static const char *const exts[] = {"txt", "json", "csv", "html", "xlsx"};

static int cmd_collect(const qs_cli *cli, const qs_rubric *r) {
  qs_lang L = cli->lang;
  const char *format = cli->format ? cli->format : "text";
  size_t fi = 0;
  while (fi < 5 && strcmp(formats[fi], format) != 0)
    fi++;
  if (fi == 5) {
    qs_cli_usage_error(cli, qs_msg_get(L, QS_M_PANEL_FORMAT), format);
    fputc('\n', stderr);
    return QS_EXIT_USAGE;
  }
  if (cli->n_args < 2 || (cli->n_args < 3 && !cli->output)) {
    qs_cli_usage_error(cli, "%s\n", qs_msg_get(L, QS_M_PANEL_USAGE));
    return QS_EXIT_USAGE;
  }
  if (fi == 4 && !cli->output) {
    qs_cli_usage_error(cli, "%s\n", qs_msg_get(L, QS_M_PANEL_XLSX_NEEDS_OUT));
    return QS_EXIT_USAGE;
  }
  qs_panel_batch b;
  if (load_batch(cli, r, cli->args[1], &b) != 0)
    return QS_EXIT_INPUT;
  qs_diag d;
  qs_diag_init(&d, L);
  d.limit = 100000;
  qs_panel_roster roster = {0};
  int have_roster = 0, rc = QS_EXIT_OK;
  if (cli->reviewers) {
    if (qs_panel_roster_read(cli->reviewers, &b, &roster, &d) != 0) {
      qs_diag_print(&d, stderr);
      qs_diag_free(&d);
      qs_panel_batch_free(&b);
      return QS_EXIT_INPUT;
    }
    have_roster = 1;
  }
  int dfd = -1;
  char *mark = NULL;
  qs_panel_db *db = NULL;
  if (cli->output) {
    dfd = open_out(cli, cli->output, &mark);
    if (dfd < 0) {
      qs_diag_free(&d);
      qs_panel_roster_free(&roster);
      qs_panel_batch_free(&b);
      return QS_EXIT_USAGE;
    }
    qs_buf p = {0};
    qs_buf_addf(&p, "%s/panel.sqlite", cli->output);
    db = qs_panel_db_open(p.s, &d);
    qs_buf_free(&p);
    if (!db) {
      qs_diag_print(&d, stderr);
      qs_diag_free(&d);
      free(mark);
      close(dfd);
      qs_panel_roster_free(&roster);
      qs_panel_batch_free(&b);
      return QS_EXIT_WRITE;
    }
    if (strcmp(mark, PANEL_MARK_HEADER) == 0 &&
        qs_file_save(dfd, PANEL_MARK, PANEL_MARK, mark, strlen(mark), 0, L, NULL) != 0)
      rc = QS_EXIT_WRITE;
  }
  qs_panel_scores scores;
  qs_panel_scores_init(&scores);
  size_t problems = 0;
  for (int i = 2; i < cli->n_args; i++) {
    qs_panel_sheet sh;
    qs_diag fd;
    qs_diag_init(&fd, L);
    fd.limit = 100000;
    int bad = qs_panel_sheet_read(&b, have_roster ? &roster : NULL, cli->args[i], &sh, &fd) != 0;
    qs_diag_print(&fd, stderr);
    problems += qs_diag_errors(&fd);
    qs_diag_free(&fd);
    if (bad) {
      rc = QS_EXIT_INPUT;
    } else if (db) {
      int got = qs_panel_db_import(db, &sh, &d);
      char *shown = qs_display_name(cli->args[i]);
      if (got < 0) {
        rc = QS_EXIT_WRITE;
      } else if (!cli->quiet) {
        if (got)
          fprintf(stderr, qs_msg_get(L, QS_M_PANEL_IMPORTED), shown, (int)sh.n_scores);
        else
          fprintf(stderr, qs_msg_get(L, QS_M_PANEL_ALREADY), shown);
        fputc('\n', stderr);
      }
      free(shown);
    } else {
      qs_panel_scores_add(&scores, &sh);
    }
    qs_panel_sheet_free(&sh);
  }
  if (problems) {
    qs_buf m = {0};
    qs_buf_addf(&m, qs_msg_get(L, QS_M_PANEL_PROBLEMS), (int)problems);
    say(L, 0, m.s);
    qs_buf_free(&m);
  }
  if (db && qs_panel_db_latest(db, &scores, &d) != 0)
    rc = QS_EXIT_WRITE;
  /* Recorded scores of another batch: said, not used. */
  int stale = 0;
  for (size_t i = 0; i < scores.n; i++)
    stale += !qs_panel_batch_find(&b, scores.scores[i].submission) ||
             qs_panel_indicator_index(&b, scores.scores[i].indicator) < 0;
  if (stale) {
    qs_buf m = {0};
    qs_buf_addf(&m, qs_msg_get(L, QS_M_PANEL_STALE), stale);
    say(L, 1, m.s);
    qs_buf_free(&m);
  }
  qs_panel_result res;
  qs_panel_compute(&b, have_roster ? &roster : NULL, &scores, qs_panel_trim_min(r), &res);
  if (dfd >= 0) {
    for (size_t k = 0; k < 5; k++) {
      qs_buf name = {0};
      qs_buf_addf(&name, "panel.%s", exts[k]);
      qs_buf shown = {0};
      qs_buf_addf(&shown, "%s/%s", cli->output, name.s);
      char *why = NULL;
      int bad;
      if (k == 4) {
        bad = qs_panel_render_xlsx(&res, L, dfd, name.s, shown.s, &why) != 0;
      } else {
        char *text = qs_panel_render(&res, formats[k], L);
        bad = qs_file_save(dfd, name.s, shown.s, text, strlen(text), 0, L, &why) != 0;
        free(text);
      }
      if (bad) {
        say(L, 0, why ? why : shown.s);
        rc = QS_EXIT_WRITE;
      }
      free(why);
      qs_buf_free(&name);
      qs_buf_free(&shown);
    }
  }
  if (fi != 4 && !(cli->quiet && cli->output)) {
    char *text = qs_panel_render(&res, format, L);
    if (fi == 0) {
      char *clean = qs_terminal_clean(text);
      fputs(clean, stdout);
      free(clean);
    } else {
      fputs(text, stdout);
    }
    free(text);
  }
  qs_diag_print(&d, stderr);
  if (qs_diag_errors(&d) && rc == QS_EXIT_OK)
    rc = QS_EXIT_WRITE;
  qs_panel_result_free(&res);
  qs_panel_scores_free(&scores);
  qs_panel_db_close(db);
  if (dfd >= 0)
    close(dfd);
  free(mark);
  qs_diag_free(&d);
  qs_panel_roster_free(&roster);
  qs_panel_batch_free(&b);
  return rc;
}

int qs_cmd_panel(const qs_cli *cli) {
  if (cli->n_args < 1) {
    qs_cli_usage_error(cli, "%s\n", qs_msg_get(cli->lang, QS_M_PANEL_USAGE));
    return QS_EXIT_USAGE;
  }
  const char *sub = cli->args[0];
  /* `calibrate` (panel/calibrate.c, src/cmd_calibrate.c): dispatched here by its own branch,
   * `else if (strcmp(sub, "calibrate") == 0) return qs_cmd_panel_calibrate(cli);`, added
   * with its command. */
  if (strcmp(sub, "calibrate") == 0)
    return qs_cmd_panel_calibrate(cli);
  static const char *const subs[] = {"sheets", "collect", "calibrate"};
  if (strcmp(sub, "sheets") != 0 && strcmp(sub, "collect") != 0) {
    qs_cli_unknown(cli, QS_M_UNKNOWN_COMMAND, sub, subs, 3);
    return QS_EXIT_USAGE;
  }
  int code;
  qs_engine *e = qs_cli_engine(cli, &code);
  if (!e)
    return code;
  const qs_rubric *r = qs_engine_rubric(e);
  int rc = strcmp(sub, "sheets") == 0 ? cmd_sheets(cli, r) : cmd_collect(cli, r);
  qs_engine_free(e);
  return rc;
}
