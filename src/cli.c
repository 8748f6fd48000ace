/* cli.c -- shared pieces of the subcommands (see cli.h). */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qs_file.h"
#include "qs_util.h"

qs_engine *qs_cli_engine(const qs_cli *cli, int *code) {
  qs_diag d;
  qs_diag_init(&d, cli->lang);
  qs_engine *e = qs_engine_new(cli->rules, &d);
  if (!e) {
    qs_diag_print(&d, stderr);
    qs_diag_free(&d);
    *code = QS_EXIT_RULES;
    return NULL;
  }
  for (int i = 0; i < cli->n_params; i++) {
    /* An unknown name is a usage error with the nearest name; the rest the engine checks. */
    const char *eq = strchr(cli->params[i], '=');
    if (eq && eq != cli->params[i]) {
      char *name = qs_xstrndup(cli->params[i], (size_t)(eq - cli->params[i]));
      const qs_rubric *r = qs_engine_rubric(e);
      if (!qs_rubric_param(r, name)) {
        const char **known = qs_xcalloc(r->n_params + 1, sizeof *known);
        for (size_t k = 0; k < r->n_params; k++)
          known[k] = r->params[k].name;
        qs_cli_unknown(cli, QS_M_PARAM_UNKNOWN, name, known, r->n_params);
        free(known);
        free(name);
        qs_diag_free(&d);
        qs_engine_free(e);
        *code = QS_EXIT_USAGE;
        return NULL;
      }
      free(name);
    }
    if (qs_engine_set_param(e, cli->params[i], &d) != 0) {
      qs_diag_print(&d, stderr);
      qs_diag_free(&d);
      qs_engine_free(e);
      *code = QS_EXIT_USAGE;
      return NULL;
    }
  }
  if (cli->as_of)
    qs_engine_set_as_of(e, cli->as_of);
  if (cli->attachments) {
    /* The folder is the user's, not the application's: it must be one, or nothing is checked
     * and every document would be "missing". A batch looks into its subfolders (cmd_batch.c). */
    struct stat st;
    int err = stat(cli->attachments, &st) != 0 ? errno : !S_ISDIR(st.st_mode) ? ENOTDIR : 0;
    if (err) {
      qs_cli_usage_error(cli, qs_msg_get(cli->lang, QS_M_ATTACHMENTS_DIR), cli->attachments,
                         qs_strerror(cli->lang, err));
      qs_diag_free(&d);
      qs_engine_free(e);
      *code = QS_EXIT_USAGE;
      return NULL;
    }
    qs_engine_set_attachments(e, cli->attachments, 0);
  }
  /* Parameters that only make sense together. */
  const qs_rubric *r = qs_engine_rubric(e);
  const qs_param *rec = qs_rubric_param(r, "triage-recommend-min");
  const qs_param *rev = qs_rubric_param(r, "triage-review-min");
  if (rec && rev && rev->value > rec->value) {
    fprintf(stderr, "qscore: %s: %s\n", qs_msg_get(cli->lang, QS_M_ERROR),
            qs_msg_get(cli->lang, QS_M_TRIAGE_ORDER));
    qs_diag_free(&d);
    qs_engine_free(e);
    *code = QS_EXIT_USAGE;
    return NULL;
  }
  if (cli->verbose) {
    fprintf(stderr, "qscore: %s: ", qs_word(cli->lang, "severity", "info"));
    const char *origin = qs_engine_rules_origin(e);
    fprintf(stderr, qs_msg_get(cli->lang, QS_M_VERBOSE_RULES),
            strcmp(origin, "built-in") == 0 ? qs_msg_get(cli->lang, QS_M_RULES_BUILT_IN) : origin,
            qs_engine_rules_sha256(e));
    fputc('\n', stderr);
  }
  qs_diag_free(&d);
  return e;
}

int qs_cli_write_terminal(const qs_cli *cli, const char *text) {
  char *shown = qs_terminal_clean(text);
  int rc = qs_cli_write(cli, shown, strlen(shown));
  free(shown);
  return rc;
}

qs_report *qs_cli_score(const qs_cli *cli, qs_engine *e, int *code) {
  qs_diag d;
  qs_diag_init(&d, cli->lang);
  qs_report *rep;
  qs_status st = qs_engine_score(e, cli->args[0], &rep, &d);
  qs_diag_print(&d, stderr);
  qs_diag_free(&d);
  if (st != QS_OK)
    *code = st == QS_E_RULES ? QS_EXIT_RULES : QS_EXIT_INPUT;
  return st == QS_OK ? rep : NULL;
}

int qs_cli_write(const qs_cli *cli, const char *text, size_t len) {
  if (!cli->output || strcmp(cli->output, "-") == 0) {
    if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
      fprintf(stderr, "qscore: %s: ", qs_msg_get(cli->lang, QS_M_ERROR));
      fprintf(stderr, qs_msg_get(cli->lang, QS_M_STDOUT), qs_strerror(cli->lang, errno));
      fputc('\n', stderr);
      return -1;
    }
    return 0;
  }
  /* -o FILE: a regular file (or none) is replaced through a temporary file and a rename; a
   * device or FIFO the user named is written into (-o /dev/null stays a device); a symbolic
   * link is refused (see qs_file.h). */
  const char *base;
  char *why = NULL;
  int dfd = qs_file_open_parent(cli->output, &base);
  int rc;
  if (dfd < 0) {
    qs_buf b = {0};
    qs_buf_addf(&b, qs_msg_get(cli->lang, QS_M_CANNOT_WRITE), cli->output,
                qs_strerror(cli->lang, errno));
    why = qs_buf_take(&b);
    rc = -1;
  } else {
    rc = qs_file_save(dfd, base, cli->output, text, len, QS_FILE_DIRECT_SPECIAL, cli->lang, &why);
    close(dfd);
  }
  if (rc != 0) {
    char *shown = qs_diag_clean_in(cli->lang, why, 4096);
    fprintf(stderr, "qscore: %s: %s\n", qs_msg_get(cli->lang, QS_M_ERROR), shown);
    free(shown);
  }
  free(why);
  return rc;
}

void qs_cli_usage_error(const qs_cli *cli, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "qscore: %s: ", qs_msg_get(cli->lang, QS_M_ERROR));
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputs(qs_msg_get(cli->lang, QS_M_USAGE_HINT), stderr);
}

void qs_cli_unknown(const qs_cli *cli, qs_msg msg, const char *name, const char *const *known,
                    size_t n) {
  qs_buf b = {0};
  qs_buf_addf(&b, qs_msg_get(cli->lang, msg), name);
  const char *near = qs_nearest(name, known, n);
  if (near)
    qs_buf_addf(&b, qs_msg_get(cli->lang, QS_M_DID_YOU_MEAN), near);
  char *shown = qs_diag_clean_in(cli->lang, b.s, 4096);
  qs_cli_usage_error(cli, "%s", shown);
  free(shown);
  qs_buf_free(&b);
}

const qs_indicator_def *qs_cli_indicator(const qs_cli *cli, const qs_rubric *r, const char *name) {
  const qs_indicator_def *d = qs_rubric_indicator(r, name);
  for (size_t i = 0; !d && i < r->n_inds; i++)
    if (strcmp(r->inds[i].name, name) == 0)
      d = &r->inds[i];
  if (d)
    return d;
  /* Ids first, then the Chinese names: an id wins a tie. */
  const char **known = qs_xcalloc(2 * r->n_inds + 1, sizeof *known);
  for (size_t i = 0; i < r->n_inds; i++) {
    known[i] = r->inds[i].id;
    known[r->n_inds + i] = r->inds[i].name;
  }
  qs_cli_unknown(cli, QS_M_NO_INDICATOR, name, known, 2 * r->n_inds);
  free(known);
  return NULL;
}
