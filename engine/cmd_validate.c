/* cmd_validate.c -- `qscore validate FILE...`: schema and sanity checks, no scores.
 *
 * A file is valid when it parses safely and matches the schema. For a valid file the rules
 * run too, and the flags they raise about the data (a wrong credit-code check character, a
 * standard whose code contradicts its declared type, ...) are listed; scores are not shown. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "qs_util.h"

static void print_flag(const qs_cli *cli, const char *path, const char *indicator,
                       const qs_flag *f) {
  if (strcmp(f->rule, "engine") == 0)
    return; /* about scoring (not scored yet, no band), not about the data */
  printf("%s: %s %s%s%s: %s", path, qs_severity_name(f->severity), indicator ? indicator : "",
         indicator ? "/" : "", f->code,
         cli->lang == QS_LANG_EN && f->text_en[0] ? f->text_en : f->text);
  for (size_t i = 0; i < f->n_evidence; i++)
    printf("%s%s", i ? " " : " [", f->evidence[i]);
  puts(f->n_evidence ? "]" : "");
}

int qs_cmd_validate(const qs_cli *cli) {
  if (cli->n_args < 1) {
    qs_cli_usage_error(cli, "%s",
                       cli->lang == QS_LANG_EN ? "validate needs at least one FILE"
                                               : "validate 至少需要一个文件");
    return QS_EXIT_USAGE;
  }
  int code;
  qs_engine *e = qs_cli_engine(cli, &code);
  if (!e)
    return code;
  int rc = QS_EXIT_OK;
  for (int i = 0; i < cli->n_args; i++) {
    qs_diag d;
    qs_diag_init(&d, cli->lang);
    qs_report *rep;
    qs_score_status st = qs_engine_score(e, cli->args[i], &rep, &d);
    qs_diag_print(&d, stderr);
    qs_diag_free(&d);
    if (st == QS_SCORE_INVALID || st == QS_SCORE_LIMIT) {
      printf("%s: %s\n", cli->args[i],
             qs_msg_get(cli->lang, st == QS_SCORE_LIMIT ? QS_M_NOT_CHECKED : QS_M_INVALID));
      rc = QS_EXIT_INPUT;
      continue;
    }
    if (st == QS_SCORE_RULES) {
      qs_engine_free(e);
      return QS_EXIT_RULES;
    }
    if (!cli->quiet)
      printf("%s: %s\n", cli->args[i], qs_msg_get(cli->lang, QS_M_VALID));
    for (size_t k = 0; k < rep->n_flags; k++)
      print_flag(cli, cli->args[i], NULL, &rep->flags[k]);
    for (size_t r = 0; r < rep->n_results; r++)
      for (size_t k = 0; k < rep->results[r].n_flags; k++)
        print_flag(cli, cli->args[i], rep->results[r].def->id, &rep->results[r].flags[k]);
    qs_report_free(rep);
  }
  qs_engine_free(e);
  return rc;
}
