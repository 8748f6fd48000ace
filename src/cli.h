/* cli.h -- what the subcommands share: parsed options, building an engine from them, and
 * writing an output file atomically. The command line only parses and calls the engine. */
#ifndef QS_CLI_H
#define QS_CLI_H

#include "qs_diag.h"
#include "qs_engine.h"
#include "qs_i18n.h"

typedef struct {
  const char *format; /* NULL: the command's default */
  qs_lang lang;
  const char *output; /* -o FILE */
  const char *rules;  /* --rules DIR */
  const char **params;
  int n_params;
  int quiet, verbose;
  const char *indicator;   /* explain: --indicator ID */
  const char *stylesheet;  /* score --format html: --stylesheet FILE */
  int jobs;                /* batch: --jobs N (0: the number of cores) */
  int resume;              /* batch: --resume */
  long as_of;              /* --as-of YYYY-MM-DD as yyyymmdd; 0: today in China */
  const char *attachments; /* --attachments DIR (score, validate, batch), or NULL */
  int top;                 /* sensitivity: --top K (0: 10) */
  const char *reviewers;   /* panel: --reviewers FILE (reviewers.csv), or NULL */
  char **args;             /* operands after the command */
  int n_args;
} qs_cli;

/* The engine for these options; NULL after printing why (exit code in *code). */
qs_engine *qs_cli_engine(const qs_cli *cli, int *code);
/* Score the command's file with e, print the diagnostics on stderr; the report, or NULL with
 * the exit code in *code (an invalid file 1, failing rules 3). */
qs_report *qs_cli_score(const qs_cli *cli, qs_engine *e, int *code);
/* Write text to cli->output (through a temporary file and a rename) or to stdout. */
int qs_cli_write(const qs_cli *cli, const char *text, size_t len);
/* The same for a report meant for a terminal (text, explain): controls, invisible and
 * reordering characters from the application shown escaped (qs_terminal_clean). */
int qs_cli_write_terminal(const qs_cli *cli, const char *text);
void qs_cli_usage_error(const qs_cli *cli, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A usage error about a name nothing knows (msg, a format of one %s, with name), followed by
 * "did you mean X?" when one of the n names known is near enough to be what was meant
 * (qs_nearest). */
void qs_cli_unknown(const qs_cli *cli, qs_msg msg, const char *name, const char *const *known,
                    size_t n);
/* The indicator an --indicator names, by its id or by its Chinese name exactly; else NULL
 * after a usage error (with the nearest id or name). */
const qs_indicator_def *qs_cli_indicator(const qs_cli *cli, const qs_rubric *r, const char *name);

int qs_cmd_score(const qs_cli *cli);
int qs_cmd_validate(const qs_cli *cli);
int qs_cmd_rubric(const qs_cli *cli);
int qs_cmd_batch(const qs_cli *cli);
int qs_cmd_explain(const qs_cli *cli);
/* The Excel intake workbook (cmd_intake.c). */
int qs_cmd_template(const qs_cli *cli);
int qs_cmd_export(const qs_cli *cli);
int qs_cmd_import(const qs_cli *cli);
/* What each parameter moves (cmd_sensitivity.c). */
int qs_cmd_sensitivity(const qs_cli *cli);
/* The review panel (cmd_panel.c): qscore panel sheets|collect. */
int qs_cmd_panel(const qs_cli *cli);
/* qscore panel calibrate (defined with that command; cmd_panel.c dispatches to it once it
 * exists). */
int qs_cmd_panel_calibrate(const qs_cli *cli);

#endif
