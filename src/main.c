/* main.c -- the qscore command: parse options, pick the subcommand, return its exit code.
 *
 *   qscore score    [--format text|json|xml|html] [--stylesheet F] [--lang zh|en] [-o FILE] FILE|-
 *   qscore explain  [--indicator ID] FILE
 *   qscore validate FILE...
 *   qscore rubric   [--format text|json]
 *   qscore batch    [--jobs N] [--out DIR] [--resume] PATH...
 *   qscore sensitivity --param NAME=FROM:TO:STEP... [--top K] [--jobs N] PATH...
 *   qscore panel    sheets|collect ... (src/cmd_panel.c)
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

/* The general help, then one per command (`qscore COMMAND --help`): the messages QS_M_HELP
 * and QS_M_HELP_* (ui.help... in i18n/zh.txt and i18n/en.txt). The man page (docs/qscore.1)
 * says the same at length. */
static const struct {
  const char *command;
  qs_msg help;
} command_help[] = {
    {"score", QS_M_HELP_SCORE},
    {"explain", QS_M_HELP_EXPLAIN},
    {"validate", QS_M_HELP_VALIDATE},
    {"batch", QS_M_HELP_BATCH},
    {"rubric", QS_M_HELP_RUBRIC},
    {"template", QS_M_HELP_TEMPLATE},
    {"export", QS_M_HELP_EXPORT},
    {"import", QS_M_HELP_IMPORT},
    {"sensitivity", QS_M_HELP_SENSITIVITY},
    {"panel", QS_M_HELP_PANEL},
};

/* `qscore help [COMMAND]` and `qscore [COMMAND] --help`: the help of a command of
 * command_help, the general help for none; an unknown command is a usage error with the
 * nearest command. */
static int print_help(const qs_cli *cli, const char *command, const char *sub) {
  /* A subcommand with a help of its own: qscore panel calibrate --help. */
  if (command && sub && strcmp(command, "panel") == 0 && strcmp(sub, "calibrate") == 0) {
    fputs(qs_msg_get(cli->lang, QS_M_HELP_CALIBRATE), stdout);
    return QS_EXIT_OK;
  }
  if (!command) {
    fputs(qs_msg_get(cli->lang, QS_M_HELP), stdout);
    return QS_EXIT_OK;
  }
  size_t n = sizeof command_help / sizeof command_help[0];
  const char *known[sizeof command_help / sizeof command_help[0] + 1];
  for (size_t i = 0; i < n; i++) {
    if (strcmp(command, command_help[i].command) == 0) {
      fputs(qs_msg_get(cli->lang, command_help[i].help), stdout);
      return QS_EXIT_OK;
    }
    known[i] = command_help[i].command;
  }
  known[n] = "help";
  qs_cli_unknown(cli, QS_M_UNKNOWN_HELP, command, known, n + 1);
  return QS_EXIT_USAGE;
}

/* An unknown command, with the nearest one (every command has its help, and help). */
static void unknown_command(const qs_cli *cli, const char *command) {
  size_t n = sizeof command_help / sizeof command_help[0];
  const char *known[sizeof command_help / sizeof command_help[0] + 1];
  for (size_t i = 0; i < n; i++)
    known[i] = command_help[i].command;
  known[n] = "help";
  qs_cli_unknown(cli, QS_M_UNKNOWN_COMMAND, command, known, n + 1);
}

/* An unknown option (as written, without its =VALUE), with the nearest long option. */
static void unknown_option(const qs_cli *cli, const struct option *opts, const char *arg) {
  const char *eq = strchr(arg, '=');
  char *name = eq ? qs_xstrndup(arg, (size_t)(eq - arg)) : qs_xstrdup(arg);
  size_t n = 0;
  while (opts[n].name)
    n++;
  char **known = qs_xcalloc(n + 1, sizeof *known);
  for (size_t i = 0; i < n; i++) {
    qs_buf b = {0};
    qs_buf_addf(&b, "--%s", opts[i].name);
    known[i] = qs_buf_take(&b);
  }
  qs_cli_unknown(cli, QS_M_UNKNOWN_OPTION, name, (const char *const *)known, n);
  for (size_t i = 0; i < n; i++)
    free(known[i]);
  free(known);
  free(name);
}

enum {
  OPT_FORMAT = 256,
  OPT_LANG,
  OPT_RULES,
  OPT_PARAM,
  OPT_INDICATOR,
  OPT_RESUME,
  OPT_STYLESHEET,
  OPT_AS_OF,
  OPT_ATTACHMENTS,
  OPT_TOP,
  OPT_REVIEWERS
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
      {"attachments", required_argument, NULL, OPT_ATTACHMENTS},
      {"top", required_argument, NULL, OPT_TOP},
      {"reviewers", required_argument, NULL, OPT_REVIEWERS},
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
    case OPT_ATTACHMENTS:
      cli.attachments = optarg;
      break;
    case OPT_TOP: {
      char *end;
      long n = strtol(optarg, &end, 10);
      if (*end || end == optarg || n < 1 || n > 100000) {
        qs_cli_usage_error(&cli, qs_msg_get(cli.lang, QS_M_SENS_TOP), optarg);
        bad = 1;
      }
      cli.top = (int)n;
      break;
    }
    case OPT_REVIEWERS:
      cli.reviewers = optarg;
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
      qs_cli_usage_error(&cli, qs_msg_get(cli.lang, QS_M_OPTION_NEEDS_VALUE), argv[optind - 1]);
      bad = 1;
      break;
    default:
      if (optopt && optopt < 256) { /* a short option: -x */
        char shown[3] = {'-', (char)optopt, 0};
        qs_cli_usage_error(&cli, qs_msg_get(cli.lang, QS_M_UNKNOWN_OPTION), shown);
      } else {
        unknown_option(&cli, opts, argv[optind - 1]);
      }
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
    /* qscore COMMAND --help; with no command, or one qscore does not have, the general help. */
    const char *command = NULL;
    for (size_t i = 0; optind < argc && i < sizeof command_help / sizeof command_help[0]; i++)
      if (strcmp(argv[optind], command_help[i].command) == 0)
        command = argv[optind];
    rc = print_help(&cli, command, command && optind + 1 < argc ? argv[optind + 1] : NULL);
  } else if (optind < argc && strcmp(argv[optind], "help") == 0) {
    /* qscore help [COMMAND]: the same as qscore COMMAND --help */
    rc = print_help(&cli, optind + 1 < argc ? argv[optind + 1] : NULL,
                    optind + 2 < argc ? argv[optind + 2] : NULL);
  } else if (optind >= argc) {
    fputs(qs_msg_get(cli.lang, QS_M_HELP), stderr);
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
    else if (strcmp(cmd, "template") == 0)
      rc = qs_cmd_template(&cli);
    else if (strcmp(cmd, "export") == 0)
      rc = qs_cmd_export(&cli);
    else if (strcmp(cmd, "import") == 0)
      rc = qs_cmd_import(&cli);
    else if (strcmp(cmd, "sensitivity") == 0)
      rc = qs_cmd_sensitivity(&cli);
    else if (strcmp(cmd, "panel") == 0)
      rc = qs_cmd_panel(&cli);
    else {
      unknown_command(&cli, cmd);
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
