/* main.c -- the qscore command: parse options, pick the subcommand, return its exit code.
 *
 *   qscore score    [--format text|json|xml|html] [--stylesheet F] [--lang zh|en] [-o FILE] FILE|-
 *   qscore explain  [--indicator ID] FILE
 *   qscore validate FILE...
 *   qscore rubric   [--format text|json]
 *   qscore batch    [--jobs N] [--out DIR] [--resume] PATH...
 *   common: --rules DIR, --param NAME=VALUE, --as-of YYYY-MM-DD, --lang zh|en, -q, -v,
 *           --help, --version
 *
 * Options may come before or after the subcommand. Whatever the command, standard output is
 * checked at the end: a report that could not be written (a full disk, /dev/full) is an
 * error with its reason, never a silent exit 0. */
#include <errno.h>
#include <getopt.h>
#include <libxml/parser.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../importers/qs_codes.h"
#include "cli.h"
#include "qs_util.h"

/* jemalloc's options (read before main; the builds without jemalloc ignore the variable).
 * thp:always asks for transparent huge pages for the heap: a first touch of fresh memory is a
 * page fault, and on the virtual machines qscore was measured on a fault costs about 16 us,
 * so start-up, which builds CLIPS's tables, was half faults. With huge pages a one-file score
 * takes about 30 % less time and a 20,000-item file a quarter less (docs/PERFORMANCE.md); the
 * price is a few MB more resident per process. Where the kernel has THP off it does nothing. */
const char *malloc_conf = "thp:always";

/* The general help, then one per command (`qscore COMMAND --help`), in both languages. The man
 * page (docs/qscore.1) says the same at length. */
static const char *const usage_en =
    "usage: qscore COMMAND [options] [FILE...]\n"
    "\n"
    "Suggests scores for applications for industrial quality-improvement flagship projects\n"
    "(产业质量提升标志性项目) under the 2025 rubric, with the evidence and rubric wording behind\n"
    "every point. It suggests; a reviewer decides.\n"
    "\n"
    "commands (qscore COMMAND --help for each):\n"
    "  score FILE|-      score one submission (XML); --format text|json|xml|html\n"
    "  explain FILE      the full reasoning: every band, every condition, the rules fired\n"
    "  validate FILE...  schema and sanity checks only, no scores\n"
    "  batch PATH...     score files and folders into a ranked table (CSV, XLSX, HTML)\n"
    "  rubric            the rubric, the conditions checked for each band, the parameters\n"
    "\n"
    "options for every command:\n"
    "  --lang zh|en      language of messages and reports (default zh); the rubric's\n"
    "                    official wording stays Chinese\n"
    "  --rules DIR       load the rules from DIR (*.clp) instead of the built-in ones\n"
    "  --param N=V       override a policy parameter (qscore rubric lists them)\n"
    "  --as-of DATE      the scoring day YYYY-MM-DD (default: today in China, UTC+8);\n"
    "                    evidence dated after it is not counted\n"
    "  -q, --quiet       fewer messages;  -v, --verbose  more (rules origin and hash)\n"
    "  -h, --help        help;  -V, --version  version\n"
    "\n"
    "exit codes: 0 everything scored and written; 1 some input invalid, unreadable or beyond\n"
    "a limit, or an output not written (the rest still done); 2 usage, or an output folder\n"
    "qscore may not write into; 3 rules or rubric error (nothing scored); 4 internal error;\n"
    "130/143 a batch interrupted by SIGINT/SIGTERM (--resume finishes it)\n";

static const char *const usage_zh =
    "用法：qscore 命令 [选项] [文件...]\n"
    "\n"
    "按《产业质量提升标志性项目成果评价要求（2025年版）》为申报材料给出建议得分，每一分都\n"
    "说明所依据的证据和评价要求原文。qscore 只给建议，由评审人决定。\n"
    "\n"
    "命令（各命令的说明：qscore 命令 --help）：\n"
    "  score 文件|-      为一份申报材料（XML）评分；--format text|json|xml|html\n"
    "  explain 文件      完整推理：每个档位、每个条件、触发的规则\n"
    "  validate 文件...  只做结构和合理性检查，不评分\n"
    "  batch 路径...     批量评分文件和目录，生成排名表（CSV、XLSX、HTML）\n"
    "  rubric            评价要求、各档位的判定条件和参数\n"
    "\n"
    "各命令通用选项：\n"
    "  --lang zh|en      消息和报告的语言（默认 zh）；评价要求原文始终为中文\n"
    "  --rules 目录      从目录加载规则（*.clp），代替内置规则\n"
    "  --param 名称=值   覆盖一个政策参数（qscore rubric 列出全部参数）\n"
    "  --as-of 日期      评审基准日 YYYY-MM-DD（默认为中国时间 UTC+8 的今天）；\n"
    "                    晚于该日的证据不计入\n"
    "  -q, --quiet       少输出；-v, --verbose 多输出（规则来源和哈希）\n"
    "  -h, --help        说明；-V, --version 版本\n"
    "\n"
    "退出码：0 全部评分完成并已写入；1 有输入无效、无法读取或超出限制，或有输出未能写入（其余\n"
    "照常）；2 用法错误，或输出目录不可写入（不是 qscore 的目录或正被占用）；3 规则或评价要求\n"
    "数据错误（未评分）；4 内部错误；130/143 批量评分被 SIGINT/SIGTERM 中断（加 --resume 续完）\n";

static const struct {
  const char *command, *en, *zh;
} command_help[] = {
    {"score",
     "usage: qscore score [--format text|json|xml|html] [--stylesheet FILE] [-o FILE] FILE|-\n"
     "\n"
     "Scores one submission and prints its report: the band and points of each of the twelve\n"
     "indicators, the rubric's wording, the reasons with the evidence ids, the placement in the\n"
     "band, the gaps to the next band, the evidence not counted and why, the flags.\n"
     "  --format text    for a terminal (default)\n"
     "  --format json    for programs (the shape in docs/REPORT-JSON.md)\n"
     "  --format xml     the report as XML (schemas/report-2025.xsd)\n"
     "  --format html    one self-contained page for a reviewer, printable on A4: the page of\n"
     "                   the built-in XSLT stylesheet, or the XML through --stylesheet FILE\n"
     "  -o FILE          write to FILE: a regular file is replaced through a temporary file\n"
     "                   and a rename, a device or FIFO written into, a link refused\n"
     "exit: 0 scored, 1 invalid input, beyond a limit or output not written, 2 usage,\n"
     "3 rules error, 4 internal error\n",
     "用法：qscore score [--format text|json|xml|html] [--stylesheet 文件] [-o 文件] 文件|-\n"
     "\n"
     "为一份申报材料评分并输出报告：十二项指标的档位和得分、评价要求原文、依据及证据编号、\n"
     "档内位置、距上一档所缺、未计入的证据及原因、提示。\n"
     "  --format text    终端阅读（默认）\n"
     "  --format json    供程序使用（格式见 docs/REPORT-JSON.md）\n"
     "  --format xml     XML 报告（schemas/report-2025.xsd）\n"
     "  --format html    供评审人阅读的单页报告，可按 A4 打印：内置 XSLT 样式表所定义的页面，\n"
     "                   或用 --stylesheet 文件 指定样式表转换 XML 报告\n"
     "  -o 文件          写入文件：普通文件先写临时文件再改名替换，设备或管道直接写入，\n"
     "                   符号链接拒绝写入\n"
     "退出码：0 已评分，1 输入无效、超出限制或输出未能写入，2 用法错误，3 规则错误，4 内部错误\n"},
    {"explain",
     "usage: qscore explain [--indicator ID] [-o FILE] FILE|-\n"
     "\n"
     "Shows the full reasoning: for each indicator (or only ID), every band from the top down,\n"
     "each of its conditions held or not with the facts and values behind it, the band chosen,\n"
     "the placement factors, the evidence not counted, the flags, the parameters used and the\n"
     "rules that fired.\n",
     "用法：qscore explain [--indicator 指标] [-o 文件] 文件|-\n"
     "\n"
     "显示完整推理：每项指标（或只看指定指标）从最高档起的每个档位，每个条件是否满足及所依\n"
     "据的事实和数值，选定的档位，档内加分因素，未计入的证据，提示，所用参数和触发的规则。\n"},
    {"validate",
     "usage: qscore validate FILE...\n"
     "\n"
     "Checks each file against the submission schema and the data checks (credit codes,\n"
     "mislabelled awards, claims the yearly values contradict, self-assessed scores over the\n"
     "maxima, ...) without showing scores. One verdict line per file on standard output (valid,\n"
     "invalid, or matches the schema but with N error flags), then its reasons. Exit 1 when a\n"
     "file is invalid or has an error flag.\n",
     "用法：qscore validate 文件...\n"
     "\n"
     "按申报文件结构和数据检查（统一社会信用代码、奖项类别、与年度数值不符的声称、超出满分\n"
     "的自评分等）检查每个文件，不显示得分。每个文件在标准输出给出一行结论（有效、无效，或\n"
     "符合结构但有 N 项严重问题），其后是原因。有文件无效或有严重问题时退出码为 1。\n"},
    {"batch",
     "usage: qscore batch [--jobs N] [--out DIR] [--resume] PATH...\n"
     "\n"
     "Scores files and folders (searched for *.xml) in worker processes and writes into DIR\n"
     "(default qscore-out): triage.csv, triage.xlsx, index.html, results.jsonl, reports/ (a\n"
     "JSON and an HTML report per submission), errors.csv. A file that is invalid, crashes its\n"
     "worker or runs past batch-file-seconds is listed in errors.csv; the rest goes on. Every\n"
     "path found is scored or listed (links in folders are not followed, devices and FIFOs\n"
     "not read). DIR must be new, empty or made by qscore (.qscore-manifest): qscore replaces\n"
     "only the files it wrote there, follows no link in it, and locks it while it runs.\n"
     "  --jobs N    worker processes (default: the number of cores); the outputs are the same\n"
     "  --resume    after an interruption, score only what is missing\n"
     "  -q          no progress line and no summary\n"
     "exit: 0 all scored, 1 some not scored or an output not written, 2 usage or a folder\n"
     "that is not qscore's or is in use, 3 rules error, 4 internal error, 130/143 interrupted\n",
     "用法：qscore batch [--jobs N] [--out 目录] [--resume] 路径...\n"
     "\n"
     "用多个评分进程为文件和目录（查找 *.xml）评分，写入目录（默认 qscore-out）：triage.csv、\n"
     "triage.xlsx、index.html、results.jsonl、reports/（每份申报的 JSON 和 HTML 报告）、\n"
     "errors.csv。无效、使进程崩溃或超过 batch-file-seconds 的文件记入 errors.csv，其余照常。\n"
     "找到的每个路径或者评分，或者说明原因列出（目录中的符号链接不跟随，设备和管道不读取）。\n"
     "输出目录须为新目录、空目录或 qscore 建立的目录（.qscore-manifest）：qscore 只替换自己\n"
     "写的文件，不跟随其中的链接，运行期间加锁。\n"
     "  --jobs N    评分进程数（默认为CPU核数）；输出与进程数无关\n"
     "  --resume    中断后再次运行，只补评未完成的\n"
     "  -q          不显示进度和汇总\n"
     "退出码：0 全部已评分，1 有文件未能评分或有输出未能写入，2 用法错误或输出目录不可用，\n"
     "3 规则错误，4 内部错误，130/143 被中断\n"},
    {"rubric",
     "usage: qscore rubric [--format text|json] [--param N=V]\n"
     "\n"
     "Prints the rubric: each indicator's bands in the official wording, the conditions the\n"
     "scorer checks for each band and the factors that place points inside it (with this run's\n"
     "parameter values), the sections (noting the official headings' swapped maxima), and every\n"
     "parameter with its value, default, range, unit and rationale.\n",
     "用法：qscore rubric [--format text|json] [--param 名称=值]\n"
     "\n"
     "列出评价要求：各指标各档位的原文、评分时检查的条件和档内加分因素（带本次参数值）、各部\n"
     "分满分（并说明官方标题满分颠倒），以及每个参数的取值、默认值、范围、单位和理由。\n"},
};

enum {
  OPT_FORMAT = 256,
  OPT_LANG,
  OPT_RULES,
  OPT_PARAM,
  OPT_INDICATOR,
  OPT_RESUME,
  OPT_STYLESHEET,
  OPT_AS_OF
};

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
      {"indicator", required_argument, NULL, OPT_INDICATOR},
      {"stylesheet", required_argument, NULL, OPT_STYLESHEET},
      {"as-of", required_argument, NULL, OPT_AS_OF},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0},
  };
  qs_cli cli = {.lang = QS_LANG_ZH};
  cli.params = qs_xcalloc((size_t)argc, sizeof *cli.params);
  /* One command per process: the engine's memory goes with the process. */
  qs_engine_free_at_exit();
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
    case OPT_INDICATOR:
      cli.indicator = optarg;
      break;
    case OPT_STYLESHEET:
      cli.stylesheet = optarg;
      break;
    case OPT_AS_OF: {
      int y, m, d;
      if (qs_date_parse(optarg, &y, &m, &d) != 0) {
        qs_cli_usage_error(&cli, qs_msg_get(cli.lang, QS_M_AS_OF_VALUE), optarg);
        bad = 1;
      } else {
        cli.as_of = qs_date_int(y, m, d);
      }
      break;
    }
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
  /* A file size limit (ulimit -f) makes a write fail with EFBIG, reported like any other
   * failed write, instead of killing qscore with SIGXFSZ halfway through an output. */
  signal(SIGXFSZ, SIG_IGN);
  int rc;
  if (bad) {
    /* Even with --help: `qscore --lang fr --help` is a mistake to say, not help to print. */
    rc = QS_EXIT_USAGE;
  } else if (version) {
    printf("qscore %s\n", QSCORE_VERSION);
    rc = QS_EXIT_OK;
  } else if (help) {
    const char *text = cli.lang == QS_LANG_EN ? usage_en : usage_zh;
    for (size_t i = 0; optind < argc && i < sizeof command_help / sizeof command_help[0]; i++)
      if (strcmp(argv[optind], command_help[i].command) == 0)
        text = cli.lang == QS_LANG_EN ? command_help[i].en : command_help[i].zh;
    fputs(text, stdout);
    rc = QS_EXIT_OK;
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
    else if (strcmp(cmd, "explain") == 0)
      rc = qs_cmd_explain(&cli);
    else {
      qs_cli_usage_error(&cli, cli.lang == QS_LANG_EN ? "unknown command: %s" : "未知命令：%s",
                         cmd);
      rc = QS_EXIT_USAGE;
    }
  }
  /* Whatever went to standard output must have got there (validate > /dev/full). */
  if (fflush(stdout) != 0 || ferror(stdout)) {
    int e = errno;
    fprintf(stderr, "qscore: %s: ", qs_msg_get(cli.lang, QS_M_ERROR));
    fprintf(stderr, qs_msg_get(cli.lang, QS_M_STDOUT), qs_strerror(cli.lang, e ? e : EIO));
    fputc('\n', stderr);
    if (rc == QS_EXIT_OK)
      rc = QS_EXIT_WRITE;
  }
  free(cli.params);
  qs_codes_cleanup();
  xmlCleanupParser();
  return rc;
}
