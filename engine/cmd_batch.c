/* cmd_batch.c -- `qscore batch [--jobs N] [--out DIR] [--resume] PATH...`: score a folder of
 * submissions into a ranked, flagged table (see qs_batch.h). */
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

int qs_cmd_batch(const qs_cli *cli) {
  if (cli->n_args < 1) {
    qs_cli_usage_error(cli, "%s",
                       cli->lang == QS_LANG_EN ? "batch needs at least one file or folder"
                                               : "batch 至少需要一个文件或目录");
    return QS_EXIT_USAGE;
  }
  if (cli->format) {
    qs_cli_usage_error(cli, "%s",
                       cli->lang == QS_LANG_EN ? "batch writes every format; --format is not for it"
                                               : "batch 输出全部格式，不接受 --format");
    return QS_EXIT_USAGE;
  }
  /* No transparent huge pages for a batch (the workers inherit the setting): they make a
   * single score faster (engine/main.c), but a batch's workers reuse their memory from file to
   * file, gain nothing from them, and the peak of a batch was about 10 MB higher with them. */
  prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
  int code;
  qs_engine *e = qs_cli_engine(cli, &code);
  if (!e)
    return code;
  const qs_rubric *r = qs_engine_rubric(e);
  const qs_param *limit = qs_rubric_param(r, "batch-file-seconds");
  char *sig = params_signature(r);
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  qs_batch_options o = {
      .out_dir = cli->output ? cli->output : "qscore-out",
      .jobs = cli->jobs > 0 ? cli->jobs : (cores > 0 ? (int)cores : 1),
      .resume = cli->resume,
      .quiet = cli->quiet,
      .lang = cli->lang,
      .file_seconds = limit ? limit->value : 120,
      .params_signature = sig,
  };
  qs_batch_inputs in = {0};
  qs_batch_collect(&in, cli->args, cli->n_args);
  qs_batch_summary s = {0};
  int rc = QS_EXIT_OK;
  int run = qs_batch_run(e, &in, &o, &s);
  if (run == -1) {
    fprintf(stderr, "qscore: %s: %s: %s\n", qs_msg_get(cli->lang, QS_M_ERROR), o.out_dir,
            cli->lang == QS_LANG_EN ? "cannot make the output folder" : "无法创建输出目录");
    rc = QS_EXIT_INTERNAL;
  } else if (run == -2) {
    fprintf(stderr, "qscore: %s\n",
            cli->lang == QS_LANG_EN ? "interrupted; run again with --resume to finish"
                                    : "已中断；加 --resume 再次运行即可接着完成");
    rc = QS_EXIT_INTERNAL;
  } else {
    if (qs_batch_write_outputs(e, &in, &o, &s) != 0) {
      fprintf(stderr, "qscore: %s: %s: %s\n", qs_msg_get(cli->lang, QS_M_ERROR), o.out_dir,
              cli->lang == QS_LANG_EN ? "could not write every output" : "部分输出未能写入");
      rc = QS_EXIT_INTERNAL;
    } else if (s.rules_failed) {
      /* The table is complete for every other file, but rules that fail on some input are
       * not rules to rank a round by. */
      fprintf(stderr,
              cli->lang == QS_LANG_EN
                  ? "qscore: error: the rules failed on %zu files (kind \"rules\" in "
                    "errors.csv): the rules are at fault, not the files; fix them and run "
                    "again\n"
                  : "qscore: 错误: 规则在 %zu 个文件上运行出错（errors.csv 中类别为 "
                    "\"rules\"）：问题在规则而非文件，请修正规则后重新运行\n",
              s.rules_failed);
      rc = QS_EXIT_RULES;
    } else if (s.failed) {
      rc = QS_EXIT_INPUT;
    }
    if (!cli->quiet)
      fprintf(stderr,
              cli->lang == QS_LANG_EN
                  ? "%zu files: %zu scored (%zu recommend, %zu review, %zu reject), %zu not "
                    "scored (see errors.csv); %zu taken from an earlier run. Outputs in %s: "
                    "triage.csv, triage.xlsx, index.html, results.jsonl, reports/, errors.csv.\n"
                  : "共 %zu 个文件：已评分 %zu 个（推荐 %zu、复核 %zu、不推荐 %zu），未能评分 %zu "
                    "个（见 errors.csv）；其中 %zu 个沿用上次结果。输出在 %s："
                    "triage.csv、triage.xlsx、index.html、results.jsonl、reports/、errors.csv。\n",
              in.n, s.scored, s.recommend, s.review, s.reject, s.failed, s.cached, o.out_dir);
  }
  qs_batch_inputs_free(&in);
  free(sig);
  qs_engine_free(e);
  return rc;
}
