/* cmd_intake.c -- the Excel intake workbook (intake/qs_intake.h):
 *
 *   qscore template [-o 申报信息采集表.xlsx] [--format text]   the empty workbook (or its guide)
 *   qscore export FILE.xml -o FILE.xlsx                          a submission as a filled one
 *   qscore import FILE.xlsx [-o FILE.xml]                        a filled one as a submission
 *
 * Workbooks are written like every output: a temporary file renamed over a regular target, a
 * device written into, a link refused (base/qs_file.h). import writes nothing unless the whole
 * workbook converts and the XML matches the schema; it lists every problem first (exit 1). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "qs_file.h"
#include "qs_import.h"
#include "qs_intake.h"
#include "qs_util.h"

/* The defaults of max-input-mb, max-elements, max-evidence and max-attributes
 * (rules/2025/02-params.clp): export reads a submission without loading the rules. */
#define INTAKE_MAX_INPUT ((size_t)64 << 20)
static const qs_parse_limits limits = {100000, 10000, 64};

static void say_error(const qs_cli *cli, const char *text) {
  char *shown = qs_diag_clean(text, 4096);
  fprintf(stderr, "qscore: %s: %s\n", qs_msg_get(cli->lang, QS_M_ERROR), shown);
  free(shown);
}

static int write_book(const qs_cli *cli, const char *path, const qs_irows *rows) {
  const qs_ilayout *l = qs_intake_layout();
  const char *base;
  int dfd = qs_file_open_parent(path, &base);
  if (dfd < 0) {
    qs_buf b = {0};
    qs_buf_addf(&b, qs_msg_get(cli->lang, QS_M_CANNOT_WRITE), path, qs_strerror(cli->lang, errno));
    say_error(cli, b.s);
    qs_buf_free(&b);
    return QS_EXIT_WRITE;
  }
  qs_file f;
  int rc = QS_EXIT_OK;
  if (qs_file_open(&f, dfd, base, path, QS_FILE_DIRECT_SPECIAL) == 0 &&
      qs_intake_write(l, rows, f.fd, path, cli->lang) != 0) {
    /* libxlsxwriter said why on stderr; nothing half-made is left */
    f.problem = f.problem ? f.problem : QS_FILE_ERRNO;
    f.err = f.err ? f.err : EIO;
  }
  if (qs_file_close(&f, NULL) != 0) {
    char *why = qs_file_error(&f, cli->lang);
    say_error(cli, why);
    free(why);
    rc = QS_EXIT_WRITE;
  }
  qs_file_release(&f);
  close(dfd);
  return rc;
}

int qs_cmd_template(const qs_cli *cli) {
  if (cli->n_args != 0) {
    qs_cli_usage_error(cli, qs_msg_get(cli->lang, QS_M_UNKNOWN_COMMAND), cli->args[0]);
    return QS_EXIT_USAGE;
  }
  if (cli->format && strcmp(cli->format, "text") == 0) {
    char *g = qs_intake_guide(qs_intake_layout(), cli->lang);
    qs_buf b = {0};
    qs_buf_addf(&b, "%s\n", g);
    int rc = qs_cli_write(cli, b.s, b.len) == 0 ? QS_EXIT_OK : QS_EXIT_WRITE;
    qs_buf_free(&b);
    free(g);
    return rc;
  }
  if (cli->format && strcmp(cli->format, "xlsx") != 0) {
    qs_cli_usage_error(cli, "--format text|xlsx: %s\n", cli->format);
    return QS_EXIT_USAGE;
  }
  if (cli->output && strcmp(cli->output, "-") == 0) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(cli->lang, QS_M_INTAKE_EXPORT_NEEDS_OUTPUT));
    return QS_EXIT_USAGE;
  }
  return write_book(cli, cli->output ? cli->output : "申报信息采集表.xlsx", NULL);
}

int qs_cmd_export(const qs_cli *cli) {
  if (cli->n_args != 1) {
    qs_cli_usage_error(cli, qs_msg_get(cli->lang, QS_M_INTAKE_NEEDS_FILE), "export");
    return QS_EXIT_USAGE;
  }
  if (!cli->output || strcmp(cli->output, "-") == 0) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(cli->lang, QS_M_INTAKE_EXPORT_NEEDS_OUTPUT));
    return QS_EXIT_USAGE;
  }
  const char *path = cli->args[0];
  qs_diag d;
  qs_diag_init(&d, cli->lang);
  char *data = NULL;
  size_t len = 0;
  int err = 0;
  qs_status rs = qs_read_fileat(AT_FDCWD, path, INTAKE_MAX_INPUT, 0, &data, &len, &err);
  if (rs != QS_OK) {
    if (rs == QS_E_TOO_LARGE)
      qs_diag_add(&d, path, 0, qs_msg_get(cli->lang, QS_M_TOO_LARGE),
                  (long)(INTAKE_MAX_INPUT >> 20));
    else
      qs_diag_add(&d, path, 0, qs_msg_get(cli->lang, QS_M_CANNOT_READ),
                  qs_strerror(cli->lang, err ? err : EIO));
    qs_diag_print(&d, stderr);
    qs_diag_free(&d);
    return QS_EXIT_INPUT;
  }
  qs_schema *schema = qs_schema_new(&d);
  xmlDocPtr doc = schema ? qs_import_parse(schema, path, data, len, &limits, &d) : NULL;
  free(data);
  if (!doc) {
    qs_diag_print(&d, stderr);
    qs_diag_free(&d);
    qs_schema_free(schema);
    return schema ? QS_EXIT_INPUT : QS_EXIT_INTERNAL;
  }
  const qs_ilayout *l = qs_intake_layout();
  qs_irows *rows = qs_intake_export(l, doc);
  xmlFreeDoc(doc);
  qs_schema_free(schema);
  qs_diag_free(&d);
  int rc = write_book(cli, cli->output, rows);
  qs_intake_rows_free(rows, l->n);
  return rc;
}

int qs_cmd_import(const qs_cli *cli) {
  if (cli->n_args != 1) {
    qs_cli_usage_error(cli, qs_msg_get(cli->lang, QS_M_INTAKE_NEEDS_FILE), "import");
    return QS_EXIT_USAGE;
  }
  const char *path = cli->args[0];
  char *shown = qs_display_name(path);
  qs_xbook book;
  memset(&book, 0, sizeof book);
  char *err = NULL;
  if (qs_xlsx_read(path, &book, &err) != QS_OK) {
    qs_buf b = {0};
    qs_buf_addf(&b, "%s: ", shown);
    qs_buf_addf(&b, qs_msg_get(cli->lang, QS_M_INTAKE_BOOK), err ? err : "?");
    say_error(cli, b.s);
    qs_buf_free(&b);
    free(err);
    free(shown);
    return QS_EXIT_INPUT;
  }
  qs_diag d;
  qs_diag_init(&d, cli->lang);
  d.limit = 100000; /* every problem at once */
  char *xml = NULL;
  size_t len = 0;
  int rc = QS_EXIT_OK;
  if (qs_intake_import(qs_intake_layout(), &book, shown, &xml, &len, &d) != 0) {
    qs_diag_print(&d, stderr);
    fprintf(stderr, "qscore: %s: ", qs_msg_get(cli->lang, QS_M_ERROR));
    fprintf(stderr, qs_msg_get(cli->lang, QS_M_INTAKE_NOT_WRITTEN), shown, (int)qs_diag_errors(&d));
    fputc('\n', stderr);
    rc = QS_EXIT_INPUT;
  } else {
    qs_diag_print(&d, stderr); /* the warnings: a credit code's check character */
    if (qs_cli_write(cli, xml, len) != 0)
      rc = QS_EXIT_WRITE;
  }
  free(xml);
  qs_diag_free(&d);
  qs_xbook_free(&book);
  free(shown);
  return rc;
}
