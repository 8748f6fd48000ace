/* cmd_validate.c -- `qscore validate FILE...`: schema and sanity checks, no scores.
 *
 * A file is valid when it parses safely and matches the schema. For a valid file the rules
 * run too, and the flags they raise about the data (a wrong credit-code check character, a
 * standard whose code contradicts its declared type, ...) are listed; scores are not shown.
 *
 * The verdict and its reasons are one report, on standard output, one line each:
 *   FILE: valid                                    (exit 0 if every file is)
 *   FILE: matches the schema, but with N error flags: not plainly valid   (exit 1)
 *   FILE: invalid                                  (exit 1)
 * each followed by its reasons ("FILE:LINE: error: ..." or "FILE: error CODE: ..."). With -q
 * a plainly valid file with no flags prints nothing. Every line is escaped as a text report
 * for a terminal is: a name in the application carrying a terminal escape or a right-to-left
 * override is shown as \xNN or \uXXXX, not obeyed. Only a failure of the rules themselves (exit
 * 3) goes to standard error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qs_render.h"
#include "qs_util.h"

static void print_line(const char *text) {
  char *shown = qs_terminal_clean(text);
  fputs(shown, stdout);
  free(shown);
}

static void flag_line(const qs_cli *cli, qs_buf *b, const char *path, const char *indicator,
                      const qs_flag *f) {
  if (strcmp(f->rule, "engine") == 0)
    return; /* about scoring (not scored yet, no band), not about the data */
  /* "警告 缺少质量管理体系证书（management/qms-missing）": the name, and the code where. */
  qs_buf code = {0};
  qs_buf_addf(&code, "%s%s%s", indicator ? indicator : "", indicator ? "/" : "", f->code);
  const char *name = qs_word(cli->lang, "flag", f->code);
  qs_buf_addf(b, "%s: %s ", path, qs_severity_word(cli->lang, f->severity));
  if (strcmp(name, f->code) != 0)
    qs_buf_addf(b, qs_msg_get(cli->lang, QS_M_CODE_NAMED), name, code.s);
  else
    qs_buf_add(b, code.s);
  qs_buf_addf(b, ": %s", qs_pick(cli->lang, f->text, f->text_en));
  qs_buf_free(&code);
  for (size_t i = 0; i < f->n_evidence; i++)
    qs_buf_addf(b, "%s%s", i ? " " : " [", f->evidence[i]);
  qs_buf_add(b, f->n_evidence ? "]\n" : "\n");
}

static int error_flags(const qs_report *rep) {
  int n = 0;
  for (size_t k = 0; k < rep->n_flags; k++)
    n += rep->flags[k].severity == QS_SEV_ERROR && strcmp(rep->flags[k].rule, "engine") != 0;
  for (size_t r = 0; r < rep->n_results; r++)
    for (size_t k = 0; k < rep->results[r].n_flags; k++)
      n += rep->results[r].flags[k].severity == QS_SEV_ERROR &&
           strcmp(rep->results[r].flags[k].rule, "engine") != 0;
  return n;
}

int qs_cmd_validate(const qs_cli *cli) {
  if (cli->n_args < 1) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(cli->lang, QS_M_VALIDATE_NO_FILE));
    return QS_EXIT_USAGE;
  }
  int code;
  qs_engine *e = qs_cli_engine(cli, &code);
  if (!e)
    return code;
  int rc = QS_EXIT_OK;
  for (int i = 0; i < cli->n_args; i++) {
    const char *path = cli->args[i];
    char *shown = qs_display_name(path);
    qs_diag d;
    qs_diag_init(&d, cli->lang);
    qs_report *rep;
    qs_status st = qs_engine_score(e, path, &rep, &d);
    if (st == QS_E_RULES) {
      qs_diag_print(&d, stderr);
      qs_diag_free(&d);
      free(shown);
      qs_engine_free(e);
      return QS_EXIT_RULES;
    }
    qs_buf b = {0};
    qs_buf_add(&b, "");
    if (st == QS_E_INPUT || st == QS_E_LIMIT) {
      /* A file that exhausted a run limit was not checked to the end: not valid either. */
      qs_buf_addf(&b, "%s: %s\n", shown,
                  qs_msg_get(cli->lang, st == QS_E_LIMIT ? QS_M_NOT_CHECKED : QS_M_INVALID));
      char *reasons = qs_diag_string(&d);
      qs_buf_add(&b, reasons);
      free(reasons);
      rc = QS_EXIT_INPUT;
    } else {
      int errors = error_flags(rep);
      qs_buf flags = {0};
      qs_buf_add(&flags, "");
      for (size_t k = 0; k < rep->n_flags; k++)
        flag_line(cli, &flags, shown, NULL, &rep->flags[k]);
      for (size_t r = 0; r < rep->n_results; r++)
        for (size_t k = 0; k < rep->results[r].n_flags; k++)
          flag_line(cli, &flags, shown, rep->results[r].def->id, &rep->results[r].flags[k]);
      if (errors) {
        qs_buf_addf(&b, "%s: ", shown);
        qs_buf_addf(&b, qs_msg_get(cli->lang, QS_M_VALID_WITH_ERRORS), errors);
        qs_buf_add(&b, "\n");
        rc = QS_EXIT_INPUT;
      } else if (!cli->quiet || flags.len) {
        qs_buf_addf(&b, "%s: %s\n", shown, qs_msg_get(cli->lang, QS_M_VALID));
      }
      /* A warning from the parser about a valid file (there are none today) would go here. */
      char *notes = qs_diag_string(&d);
      qs_buf_add(&b, notes);
      free(notes);
      qs_buf_add(&b, flags.s);
      qs_buf_free(&flags);
      qs_report_free(rep);
    }
    print_line(b.s);
    qs_buf_free(&b);
    qs_diag_free(&d);
    free(shown);
  }
  qs_engine_free(e);
  return rc;
}
