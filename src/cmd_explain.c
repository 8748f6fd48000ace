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
  /* --indicator takes the id (brand) or the Chinese name (品牌建设). */
  const char *only = NULL;
  if (cli->indicator) {
    const qs_indicator_def *d = qs_cli_indicator(cli, qs_engine_rubric(e), cli->indicator);
    if (!d) {
      qs_engine_free(e);
      return QS_EXIT_USAGE;
    }
    only = d->id;
  }
  qs_report *rep = qs_cli_score(cli, e, &code);
  if (!rep) {
    qs_engine_free(e);
    return code;
  }
  int rc = QS_EXIT_OK;
  char *buf = qs_render_explain(rep, e, only, cli->lang);
  if (qs_cli_write_terminal(cli, buf) != 0)
    rc = QS_EXIT_WRITE;
  free(buf);
  qs_report_free(rep);
  qs_engine_free(e);
  return rc;
}
