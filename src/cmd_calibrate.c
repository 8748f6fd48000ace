/* cmd_calibrate.c -- `qscore panel calibrate [--indicator ID] [--jobs N] [--format text|json|html]
 * [-o FILE] BATCH_DIR SCORES...` (dispatched by cmd_panel.c; cli->args[0] is "calibrate"):
 * per indicator, where the panel overrode the suggestions and under which
 * conditions and parameters, and for each parameter of it the value that agrees best with the
 * panel (panel/calibrate.c). It suggests; it never changes a default. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "qs_sensitivity.h"
#include "qs_util.h"

int qs_cmd_panel_calibrate(const qs_cli *panel_cli) {
  qs_cli sub = *panel_cli;
  sub.args++;
  sub.n_args--;
  const qs_cli *cli = &sub;
  qs_lang L = cli->lang;
  const char *format = cli->format ? cli->format : "text";
  if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0 && strcmp(format, "html") != 0) {
    qs_cli_usage_error(cli, qs_msg_get(L, QS_M_CAL_FORMAT), format);
    return QS_EXIT_USAGE;
  }
  if (cli->n_args < 2) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(L, QS_M_CAL_USAGE));
    fputs(qs_msg_get(L, QS_M_HELP_CALIBRATE), stderr);
    return QS_EXIT_USAGE;
  }
  int code;
  qs_engine *e = qs_cli_engine(cli, &code);
  if (!e)
    return code;
  const qs_rubric *r = qs_engine_rubric(e);
  const char *only = NULL;
  if (cli->indicator) {
    const qs_indicator_def *def = qs_cli_indicator(cli, r, cli->indicator);
    if (!def) {
      qs_engine_free(e);
      return QS_EXIT_USAGE;
    }
    only = def->id;
  }
  qs_diag d;
  qs_diag_init(&d, L);
  qs_panel_batch b;
  if (qs_panel_batch_load(cli->args[0], r, &b, &d) != 0) {
    qs_diag_print(&d, stderr);
    qs_diag_free(&d);
    qs_engine_free(e);
    return QS_EXIT_INPUT;
  }
  int rc = QS_EXIT_OK;
  qs_panel_scores scores;
  qs_panel_scores_init(&scores);
  for (int i = 1; i < cli->n_args; i++) {
    qs_panel_sheet sh;
    if (qs_panel_sheet_read(&b, NULL, cli->args[i], &sh, &d) != 0)
      rc = QS_EXIT_INPUT;
    qs_panel_scores_add(&scores, &sh);
    qs_panel_sheet_free(&sh);
  }
  qs_diag_print(&d, stderr);
  qs_diag_clear(&d);
  qs_panel_result res;
  qs_panel_compute(&b, NULL, &scores, qs_panel_trim_min(r), &res);
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  int jobs = cli->jobs > 0 ? cli->jobs : (cores > 0 ? (int)cores : 1);
  qs_calibration cal;
  if (qs_calibrate(e, &b, &res, only, jobs, &cal, &d) != 0) {
    qs_diag_print(&d, stderr);
    rc = QS_EXIT_INTERNAL;
  } else {
    qs_diag_print(&d, stderr); /* the submissions that could not be re-scored */
    char *text = qs_calibration_render(&cal, format, L);
    int w = strcmp(format, "text") == 0 ? qs_cli_write_terminal(cli, text)
                                        : qs_cli_write(cli, text, strlen(text));
    if (w != 0)
      rc = QS_EXIT_WRITE;
    else if (cal.n_failed)
      rc = QS_EXIT_INPUT;
    free(text);
    qs_calibration_free(&cal);
  }
  qs_panel_result_free(&res);
  qs_panel_scores_free(&scores);
  qs_panel_batch_free(&b);
  qs_diag_free(&d);
  qs_engine_free(e);
  return rc;
}
