/* cmd_score.c -- `qscore score FILE|-`: one submission, one report: text, JSON, XML, or HTML
 * (the built-in page, written by render_html.c as the built-in stylesheet would make it, or the
 * XML through --stylesheet FILE). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qs_render.h"
#include "qs_util.h"

int qs_cmd_score(const qs_cli *cli) {
  const char *format = cli->format ? cli->format : "text";
  if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0 && strcmp(format, "xml") != 0 &&
      strcmp(format, "html") != 0) {
    qs_cli_usage_error(cli, qs_msg_get(cli->lang, QS_M_SCORE_FORMAT), format);
    return QS_EXIT_USAGE;
  }
  if (cli->stylesheet && strcmp(format, "html") != 0) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(cli->lang, QS_M_STYLESHEET_HTML));
    return QS_EXIT_USAGE;
  }
  if (cli->n_args != 1) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(cli->lang, QS_M_SCORE_ONE_FILE));
    return QS_EXIT_USAGE;
  }
  /* The stylesheet first: a usage problem is reported before any input is read. */
  qs_stylesheet *st = NULL;
  if (strcmp(format, "html") == 0) {
    char *err;
    st = qs_stylesheet_load(cli->stylesheet, &err);
    if (!st) {
      fprintf(stderr, "qscore: %s: %s: %s\n", qs_msg_get(cli->lang, QS_M_ERROR),
              qs_msg_get(cli->lang, QS_M_STYLESHEET_UNUSABLE), err);
      free(err);
      return cli->stylesheet ? QS_EXIT_USAGE : QS_EXIT_INTERNAL;
    }
  }
  int code;
  qs_engine *e = qs_cli_engine(cli, &code);
  if (!e) {
    qs_stylesheet_free(st);
    return code;
  }
  qs_report *rep = qs_cli_score(cli, e, &code);
  if (!rep) {
    qs_stylesheet_free(st);
    qs_engine_free(e);
    return code;
  }
  int rc = QS_EXIT_OK;
  if (strcmp(format, "xml") == 0 || strcmp(format, "html") == 0) {
    char *text = NULL;
    if (strcmp(format, "xml") == 0) {
      text = qs_render_xml(rep, cli->lang);
    } else {
      char *err;
      text = qs_render_html(rep, cli->lang, st, &err);
      if (!text) {
        fprintf(stderr, "qscore: %s: %s %s: %s\n", qs_msg_get(cli->lang, QS_M_ERROR),
                qs_msg_get(cli->lang, QS_M_STYLESHEET_FAILED),
                cli->stylesheet ? cli->stylesheet : "report-html.xsl", err);
        free(err);
        rc = cli->stylesheet ? QS_EXIT_USAGE : QS_EXIT_INTERNAL;
      }
    }
    if (text && qs_cli_write(cli, text, strlen(text)) != 0)
      rc = QS_EXIT_WRITE;
    free(text);
  } else if (strcmp(format, "json") == 0) {
    char *s = qs_render_json(rep, cli->lang, 1);
    if (qs_cli_write(cli, s, strlen(s)) != 0)
      rc = QS_EXIT_WRITE;
    free(s);
  } else {
    char *buf = qs_render_text(rep, cli->lang);
    if (qs_cli_write_terminal(cli, buf) != 0)
      rc = QS_EXIT_WRITE;
    free(buf);
  }
  qs_stylesheet_free(st);
  qs_report_free(rep);
  qs_engine_free(e);
  return rc;
}
