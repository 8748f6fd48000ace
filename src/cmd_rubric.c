/* cmd_rubric.c -- `qscore rubric`: the rubric, the scorer's conditions and factors for each
 * band, and the policy parameters with their values, defaults and rationale. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qs_render.h"
#include "qs_util.h"

int qs_cmd_rubric(const qs_cli *cli) {
  const char *format = cli->format ? cli->format : "text";
  if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
    qs_cli_usage_error(cli, qs_msg_get(cli->lang, QS_M_RUBRIC_FORMAT), format);
    return QS_EXIT_USAGE;
  }
  if (cli->n_args != 0) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(cli->lang, QS_M_RUBRIC_NO_FILE));
    return QS_EXIT_USAGE;
  }
  int code;
  qs_engine *e = qs_cli_engine(cli, &code);
  if (!e)
    return code;
  int rc = QS_EXIT_OK;
  char *text = NULL;
  size_t len = 0;
  if (strcmp(format, "json") == 0) {
    text = qs_render_rubric_json(qs_engine_rubric(e), qs_engine_rules_sha256(e), cli->lang);
    len = strlen(text);
  } else {
    text = qs_render_rubric_text(qs_engine_rubric(e), qs_engine_rules_origin(e),
                                 qs_engine_rules_sha256(e), cli->lang);
    len = strlen(text);
  }
  if (!text || qs_cli_write(cli, text, len) != 0)
    rc = QS_EXIT_WRITE;
  free(text);
  qs_engine_free(e);
  return rc;
}
