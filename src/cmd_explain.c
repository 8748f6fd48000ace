/* cmd_explain.c -- `qscore explain FILE [--indicator ID]`: the full reasoning behind a score,
 * for a reviewer at a terminal (see render_explain.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qs_render.h"
#include "qs_util.h"

int qs_cmd_explain(const qs_cli *cli) {
  if (cli->n_args != 1) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(cli->lang, QS_M_EXPLAIN_ONE_FILE));
    return QS_EXIT_USAGE;
  }
  if (cli->format) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(cli->lang, QS_M_EXPLAIN_NO_FORMAT));
    return QS_EXIT_USAGE;
  }
  int code;
  qs_engine *e = qs_cli_engine(cli, &code);
  if (!e)
    return code;
  if (cli->indicator && !qs_rubric_indicator(qs_engine_rubric(e), cli->indicator)) {
    qs_cli_usage_error(cli, qs_msg_get(cli->lang, QS_M_NO_INDICATOR), cli->indicator);
    qs_engine_free(e);
    return QS_EXIT_USAGE;
  }
  qs_report *rep = qs_cli_score(cli, e, &code);
  if (!rep) {
    qs_engine_free(e);
    return code;
  }
  int rc = QS_EXIT_OK;
  char *buf = qs_render_explain(rep, e, cli->indicator, cli->lang);
  if (qs_cli_write_terminal(cli, buf) != 0)
    rc = QS_EXIT_WRITE;
  free(buf);
  qs_report_free(rep);
  qs_engine_free(e);
  return rc;
}
