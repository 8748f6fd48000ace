/* cmd_batch.c -- `qscore batch [--jobs N] [--out DIR] [--resume] PATH...`: score a folder of
 * submissions into a ranked, flagged table (see qs_batch.h).
 *
 * The order matters for losing nothing: the inputs are looked at first (read-only), and when
 * there is nothing to score nothing is written at all; then the output folder is opened, which
 * refuses a folder that is not qscore's and one another batch is writing into, before any
 * file in it is touched. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "cli.h"
#include "qs_batch.h"
#include "qs_util.h"

/* The parameters that differ from their defaults, "name=value;..." in name order: part of the
 * cache key, so that a resumed run never mixes results of other parameters. */
static char *params_signature(const qs_rubric *r) {
  qs_buf b = {0};
  qs_buf_add(&b, "");
  for (size_t i = 0; i < r->n_params; i++) {
    const qs_param *p = &r->params[i];
    if (p->value != p->dflt)
      qs_buf_addf(&b, "%s=%.17g;", p->name, p->value);
  }
  return qs_buf_take(&b);
}

static void say_error(qs_lang lang, const char *text) {
  char *shown = qs_diag_clean_in(lang, text, 4096);
  fprintf(stderr, "qscore: %s: %s\n", qs_msg_get(lang, QS_M_ERROR), shown);
  free(shown);
}

/* The outputs actually written, for the summary ("triage.csv、triage.xlsx"). */
static char *written_list(int written, qs_lang lang) {
  static const struct {
    int bit;
    const char *name;
  } outs[] = {{QS_OUT_CSV, "triage.csv"},   {QS_OUT_XLSX, "triage.xlsx"},
              {QS_OUT_INDEX, "index.html"}, {QS_OUT_RESULTS, "results.jsonl"},
              {QS_OUT_REPORTS, "reports/"}, {QS_OUT_ERRORS, "errors.csv"}};
  qs_buf b = {0};
  qs_buf_add(&b, "");
  for (size_t i = 0; i < sizeof outs / sizeof outs[0]; i++)
    if (written & outs[i].bit)
      qs_buf_addf(&b, "%s%s", b.len ? qs_msg_get(lang, QS_M_LIST_SEPARATOR) : "", outs[i].name);
  if (!b.len)
    qs_buf_add(&b, qs_msg_get(lang, QS_M_NONE));
  return qs_buf_take(&b);
}

int qs_cmd_batch(const qs_cli *cli) {
  qs_lang L = cli->lang;
  if (cli->n_args < 1) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(L, QS_M_BATCH_NO_INPUT));
    return QS_EXIT_USAGE;
  }
  if (cli->format) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(L, QS_M_BATCH_NO_FORMAT));
    return QS_EXIT_USAGE;
  }
  /* No transparent huge pages for a batch (the workers inherit the setting): they make a
   * single score faster (src/main.c), but a batch's workers reuse their memory from file to
   * file, gain nothing from them, and the peak of a batch was about 10 MB higher with them. */
  prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
  int code;
  qs_engine *e = qs_cli_engine(cli, &code);
  if (!e)
    return code;
  /* --attachments DIR: each submission's attachments in DIR/<its name without .xml>/ when
   * that folder exists, else in DIR (docs/qscore.1). */
  if (cli->attachments)
    qs_engine_set_attachments(e, cli->attachments, 1);
  const qs_rubric *r = qs_engine_rubric(e);
  const qs_param *limit = qs_rubric_param(r, "batch-file-seconds");
  const qs_param *mb = qs_rubric_param(r, "max-input-mb");
  const char *out_dir = cli->output ? cli->output : "qscore-out";
  char day[11];
  qs_day_format(day, qs_engine_as_of(e));

  qs_batch_inputs in = {0};
  qs_batch_collect(&in, cli->args, cli->n_args, out_dir, (size_t)(mb ? mb->value : 64) << 20, L);
  if (qs_batch_pending(&in) == 0) {
    /* Nothing to score (a folder that does not exist, one without any *.xml): say why for each
     * path, and write no empty ranking. */
    for (size_t i = 0; i < in.n; i++) {
      qs_buf b = {0};
      qs_buf_addf(&b, "%s: %s", in.items[i].shown, in.items[i].message ? in.items[i].message : "?");
      say_error(L, b.s);
      qs_buf_free(&b);
    }
    say_error(L, qs_msg_get(L, QS_M_NOTHING_TO_SCORE));
    qs_batch_inputs_free(&in);
    qs_engine_free(e);
    return QS_EXIT_INPUT;
  }

  qs_outdir out;
  char *why = NULL;
  qs_outdir_status os = qs_outdir_open(&out, out_dir, cli->resume, L, &why);
  if (os != QS_OUTDIR_OK) {
    say_error(L, why ? why : "?");
    free(why);
    qs_outdir_close(&out);
    qs_batch_inputs_free(&in);
    qs_engine_free(e);
    return os == QS_OUTDIR_FAILED ? QS_EXIT_WRITE : QS_EXIT_USAGE;
  }

  char *sig = params_signature(r);
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  qs_batch_options o = {
      .out = &out,
      .jobs = cli->jobs > 0 ? cli->jobs : (cores > 0 ? (int)cores : 1),
      .resume = cli->resume,
      .quiet = cli->quiet,
      .lang = L,
      .file_seconds = limit ? limit->value : 120,
      .params_signature = sig,
  };
  qs_batch_summary s = {0};
  int rc = QS_EXIT_OK;
  int run = qs_batch_run(e, &in, &o, &s);
  if (s.signal) {
    qs_buf b = {0};
    qs_buf_addf(&b, qs_msg_get(L, QS_M_INTERRUPTED), s.signal == SIGINT ? "SIGINT" : "SIGTERM");
    fprintf(stderr, "qscore: %s: %s\n", qs_msg_get(L, QS_M_ERROR), b.s);
    qs_buf_free(&b);
    rc = s.signal == SIGINT ? QS_EXIT_SIGINT : QS_EXIT_SIGTERM;
  } else if (run != 0) {
    say_error(L, qs_msg_get(L, QS_M_BATCH_CANNOT_START));
    rc = QS_EXIT_INTERNAL;
  } else {
    qs_batch_write_outputs(e, &in, &o, &s);
    if (s.rules_failed) {
      /* The table is complete for every other file, but rules that fail on some input are
       * not rules to rank a round by. */
      qs_buf b = {0};
      qs_buf_addf(&b, "qscore: %s: ", qs_msg_get(L, QS_M_ERROR));
      qs_buf_addf(&b, qs_msg_get(L, QS_M_BATCH_RULES_FAILED), s.rules_failed);
      fprintf(stderr, "%s\n", b.s);
      qs_buf_free(&b);
      rc = QS_EXIT_RULES;
    } else if (s.failed || s.skipped || s.write_failures) {
      rc = QS_EXIT_INPUT;
    }
    if (!cli->quiet) {
      char *list = written_list(s.written, L);
      char *shown = qs_display_name(out_dir);
      qs_buf b = {0};
      qs_buf_addf(&b, "qscore: %s: ", qs_word(L, "severity", "info"));
      qs_buf_addf(&b, qs_msg_get(L, QS_M_BATCH_SUMMARY), in.n, s.scored, s.recommend, s.review,
                  s.reject, s.failed, s.skipped, s.cached, day, shown, list);
      fprintf(stderr, "%s\n", b.s);
      qs_buf_free(&b);
      if (s.write_failures) {
        qs_buf_addf(&b, qs_msg_get(L, QS_M_BATCH_WRITE_FAILURES), s.write_failures);
        fprintf(stderr, "qscore: %s: %s\n", qs_msg_get(L, QS_M_ERROR), b.s);
        qs_buf_free(&b);
      }
      free(list);
      free(shown);
    }
  }
  qs_outdir_close(&out);
  qs_batch_inputs_free(&in);
  free(sig);
  qs_engine_free(e);
  return rc;
}
