/* main.c -- the qscore command: parse options, pick the subcommand, return its exit code.
 *
 *   qscore score    [--format text|json] [--lang zh|en] [-o FILE] FILE|-
 *   qscore validate FILE...
 *   qscore rubric   [--format text|json]
 *   qscore batch    [--jobs N] [--out DIR] [--resume] PATH...
 *   common: --rules DIR, --param NAME=VALUE, --lang zh|en, -q, -v, --help, --version
 *
 * Options may come before or after the subcommand. */
#include <getopt.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../importers/qs_codes.h"
#include "cli.h"
#include "qs_util.h"

static const char *const usage_en =
    "usage: qscore COMMAND [options] [FILE...]\n"
    "\n"
    "Suggests scores for applications for industrial quality-improvement flagship projects\n"
    "(产业质量提升标志性项目) under the 2025 rubric, with the evidence and rubric wording behind\n"
    "every point. It suggests; a reviewer decides.\n"
    "\n"
    "commands:\n"
    "  score FILE|-      score one submission (XML); --format text|json\n"
    "  validate FILE...  schema and sanity checks only, no scores\n"
    "  rubric            the rubric, the conditions checked for each band, the parameters;\n"
    "                    --format text|json\n"
    "  batch PATH...     score files and folders (*.xml) into a ranked table: --out DIR\n"
    "                    (default qscore-out), --jobs N (default: the number of cores),\n"
    "                    --resume (score only what an interrupted run left)\n"
    "\n"
    "options:\n"
    "  --format F        output format (see the command)\n"
    "  --lang zh|en      language of messages and reports (default zh); the rubric's\n"
    "                    official wording stays Chinese\n"
    "  -o FILE           write the output to FILE (atomically) instead of stdout; for batch,\n"
    "                    the output folder (as --out)\n"
    "  --rules DIR       load the rules from DIR (*.clp) instead of the built-in ones\n"
    "  --param N=V       override a policy parameter (qscore rubric lists them)\n"
    "  -q, --quiet       fewer messages;  -v, --verbose  more (rules origin and hash)\n"
    "  -h, --help        this text;  COMMAND --help  the same\n"
    "  -V, --version     version\n"
    "\n"
    "exit codes: 0 everything scored; 1 some input invalid or unreadable (the rest still\n"
    "scored); 2 usage; 3 rules or rubric error (nothing scored); 4 internal error\n";

static const char *const usage_zh =
    "用法：qscore 命令 [选项] [文件...]\n"
    "\n"
    "按《产业质量提升标志性项目成果评价要求（2025年版）》为申报材料给出建议得分，每一分都\n"
    "说明所依据的证据和评价要求原文。qscore 只给建议，由评审人决定。\n"
    "\n"
    "命令：\n"
    "  score 文件|-      为一份申报材料（XML）评分；--format text|json\n"
    "  validate 文件...  只做结构和合理性检查，不评分\n"
    "  rubric            评价要求、各档位的判定条件和参数；--format text|json\n"
    "  batch 路径...     批量评分文件和目录（*.xml），生成排名表：--out 目录（默认 qscore-out），\n"
    "                    --jobs N（默认为CPU核数），--resume（只补评中断时未完成的）\n"
    "\n"
    "选项：\n"
    "  --format F        输出格式（见各命令）\n"
    "  --lang zh|en      消息和报告的语言（默认 zh）；评价要求原文始终为中文\n"
    "  -o 文件           输出写入文件（原子替换），而非标准输出；batch 时为输出目录（同 --out）\n"
    "  --rules 目录      从目录加载规则（*.clp），代替内置规则\n"
    "  --param 名称=值   覆盖一个政策参数（qscore rubric 列出全部参数）\n"
    "  -q, --quiet       少输出；-v, --verbose 多输出（规则来源和哈希）\n"
    "  -h, --help        本说明；命令 --help 同此\n"
    "  -V, --version     版本\n"
    "\n"
    "退出码：0 全部评分完成；1 有输入无效或无法读取（其余照常评分）；2 用法错误；\n"
    "3 规则或评价要求数据错误（未评分）；4 内部错误\n";

enum { OPT_FORMAT = 256, OPT_LANG, OPT_RULES, OPT_PARAM, OPT_INDICATOR, OPT_RESUME };

int main(int argc, char **argv) {
  static const struct option opts[] = {
      {"format", required_argument, NULL, OPT_FORMAT},
      {"lang", required_argument, NULL, OPT_LANG},
      {"rules", required_argument, NULL, OPT_RULES},
      {"param", required_argument, NULL, OPT_PARAM},
      {"output", required_argument, NULL, 'o'},
      {"out", required_argument, NULL, 'o'},
      {"jobs", required_argument, NULL, 'j'},
      {"resume", no_argument, NULL, OPT_RESUME},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0},
  };
  qs_cli cli = {.lang = QS_LANG_ZH};
  cli.params = qs_xcalloc((size_t)argc, sizeof *cli.params);
  int help = 0, version = 0, bad = 0;
  /* Find --lang first so that every message, even about other options, is in it. */
  for (int i = 1; i < argc; i++) {
    const char *v = NULL;
    if (strncmp(argv[i], "--lang=", 7) == 0)
      v = argv[i] + 7;
    else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
      v = argv[i + 1];
    if (v)
      qs_lang_parse(v, &cli.lang);
  }
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, ":o:j:qvhV", opts, NULL)) != -1) {
    switch (c) {
    case OPT_FORMAT:
      cli.format = optarg;
      break;
    case OPT_LANG:
      if (qs_lang_parse(optarg, &cli.lang) != 0) {
        qs_cli_usage_error(&cli, "--lang zh|en: %s", optarg);
        bad = 1;
      }
      break;
    case OPT_RULES:
      cli.rules = optarg;
      break;
    case OPT_PARAM:
      cli.params[cli.n_params++] = optarg;
      break;
    case 'o':
      cli.output = optarg;
      break;
    case 'j': {
      char *end;
      long n = strtol(optarg, &end, 10);
      if (*end || n < 1 || n > 256) {
        qs_cli_usage_error(&cli, "--jobs 1..256: %s", optarg);
        bad = 1;
      }
      cli.jobs = (int)n;
      break;
    }
    case OPT_RESUME:
      cli.resume = 1;
      break;
    case 'q':
      cli.quiet = 1;
      break;
    case 'v':
      cli.verbose = 1;
      break;
    case 'h':
      help = 1;
      break;
    case 'V':
      version = 1;
      break;
    case ':':
      qs_cli_usage_error(&cli,
                         cli.lang == QS_LANG_EN ? "option needs a value: %s" : "选项缺少取值：%s",
                         argv[optind - 1]);
      bad = 1;
      break;
    default:
      qs_cli_usage_error(&cli, cli.lang == QS_LANG_EN ? "unknown option: %s" : "未知选项：%s",
                         argv[optind - 1]);
      bad = 1;
      break;
    }
  }
  int rc;
  if (version) {
    printf("qscore %s\n", QSCORE_VERSION);
    rc = QS_EXIT_OK;
  } else if (help) {
    fputs(cli.lang == QS_LANG_EN ? usage_en : usage_zh, stdout);
    rc = QS_EXIT_OK;
  } else if (bad) {
    rc = QS_EXIT_USAGE;
  } else if (optind >= argc) {
    fputs(cli.lang == QS_LANG_EN ? usage_en : usage_zh, stderr);
    rc = QS_EXIT_USAGE;
  } else {
    const char *cmd = argv[optind];
    cli.args = argv + optind + 1;
    cli.n_args = argc - optind - 1;
    if (strcmp(cmd, "score") == 0)
      rc = qs_cmd_score(&cli);
    else if (strcmp(cmd, "validate") == 0)
      rc = qs_cmd_validate(&cli);
    else if (strcmp(cmd, "rubric") == 0)
      rc = qs_cmd_rubric(&cli);
    else if (strcmp(cmd, "batch") == 0)
      rc = qs_cmd_batch(&cli);
    else {
      qs_cli_usage_error(&cli, cli.lang == QS_LANG_EN ? "unknown command: %s" : "未知命令：%s",
                         cmd);
      rc = QS_EXIT_USAGE;
    }
  }
  free(cli.params);
  qs_codes_cleanup();
  xmlCleanupParser();
  return rc;
}
