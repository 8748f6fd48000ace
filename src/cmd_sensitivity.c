/* cmd_sensitivity.c -- `qscore sensitivity --param NAME=FROM:TO:STEP [...] [--top K]
 * [--jobs N] [--format text|json|html] [-o FILE] BATCH_DIR_OR_FILES...`: for each value of each
 * parameter swept (the others at their defaults), how many submissions change band per
 * indicator and triage, and how stable the ranking is against the defaults' (Kendall's tau-b,
 * the top-k overlap). Inputs as batch takes them (files, folders of *.xml), or a batch output
 * folder: the inputs its results.jsonl names are read again (paths as the batch was given
 * them, from the folder it ran in). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "qs_batch.h"
#include "qs_sensitivity.h"
#include "qs_util.h"

static void say_error(qs_lang L, const char *text) {
  fprintf(stderr, "qscore: %s: %s\n", qs_msg_get(L, QS_M_ERROR), text);
}

/* A batch output folder: DIR/results.jsonl exists. Its input paths are added to paths. */
static int batch_folder_inputs(const char *dir, char ***paths, size_t *n, size_t *cap, qs_lang L) {
  qs_buf file = {0};
  qs_buf_addf(&file, "%s/results.jsonl", dir);
  struct stat st;
  if (stat(file.s, &st) != 0 || !S_ISREG(st.st_mode)) {
    qs_buf_free(&file);
    return 0;
  }
  FILE *fp = fopen(file.s, "r");
  if (!fp) {
    qs_buf_free(&file);
    return 0;
  }
  char *line = NULL;
  size_t len = 0;
  long no = 0;
  while (getline(&line, &len, fp) > 0) {
    no++;
    json_error_t err;
    json_t *o = json_loads(line, 0, &err);
    const char *path = json_string_value(json_object_get(json_object_get(o, "input"), "path"));
    if (!path) {
      qs_buf b = {0};
      qs_buf_addf(&b, qs_msg_get(L, QS_M_SENS_BATCH_LINE), file.s, no);
      say_error(L, b.s);
      qs_buf_free(&b);
    } else {
      qs_grow(paths, cap, *n + 1, sizeof **paths);
      (*paths)[(*n)++] = qs_xstrdup(path);
    }
    json_decref(o);
  }
  free(line);
  fclose(fp);
  qs_buf_free(&file);
  return 1;
}

int qs_cmd_sensitivity(const qs_cli *cli) {
  qs_lang L = cli->lang;
  const char *format = cli->format ? cli->format : "text";
  if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0 && strcmp(format, "html") != 0) {
    qs_cli_usage_error(cli, qs_msg_get(L, QS_M_SENS_FORMAT), format);
    return QS_EXIT_USAGE;
  }
  if (cli->n_params == 0) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(L, QS_M_SENS_NO_PARAM));
    return QS_EXIT_USAGE;
  }
  if (cli->n_args == 0) {
    qs_cli_usage_error(cli, "%s", qs_msg_get(L, QS_M_SENS_NO_INPUT));
    return QS_EXIT_USAGE;
  }
  /* The engine at the defaults: --param here names sweeps, not values. */
  qs_cli plain = *cli;
  plain.n_params = 0;
  int code;
  qs_engine *e = qs_cli_engine(&plain, &code);
  if (!e)
    return code;
  const qs_rubric *r = qs_engine_rubric(e);

  qs_sweep *sweeps = qs_xcalloc((size_t)cli->n_params, sizeof *sweeps);
  size_t total = 0;
  int bad = 0;
  for (int i = 0; i < cli->n_params && !bad; i++) {
    char *why;
    qs_sweep_error se = qs_sweep_parse(r, cli->params[i], L, &sweeps[i], &why);
    if (se == QS_SWEEP_UNKNOWN) {
      const char **known = qs_xcalloc(r->n_params + 1, sizeof *known);
      for (size_t k = 0; k < r->n_params; k++)
        known[k] = r->params[k].name;
      qs_cli_unknown(cli, QS_M_PARAM_UNKNOWN, sweeps[i].name, known, r->n_params);
      free(known);
      bad = 1;
    } else if (se != QS_SWEEP_OK) {
      qs_cli_usage_error(cli, "%s", why);
      bad = 1;
    }
    free(why);
    total += sweeps[i].n_values;
  }
  if (!bad && total > QS_SWEEP_MAX_VALUES) {
    qs_cli_usage_error(cli, qs_msg_get(L, QS_M_SENS_TOO_MANY), (size_t)QS_SWEEP_MAX_VALUES);
    bad = 1;
  }
  if (bad) {
    for (int i = 0; i < cli->n_params; i++)
      qs_sweep_free(&sweeps[i]);
    free(sweeps);
    qs_engine_free(e);
    return QS_EXIT_USAGE;
  }

  /* The inputs: a batch output folder stands for the inputs it scored. */
  char **args = NULL;
  size_t n_args = 0, cap = 0;
  for (int i = 0; i < cli->n_args; i++)
    if (!batch_folder_inputs(cli->args[i], &args, &n_args, &cap, L)) {
      qs_grow(&args, &cap, n_args + 1, sizeof *args);
      args[n_args++] = qs_xstrdup(cli->args[i]);
    }
  const qs_param *mb = qs_rubric_param(r, "max-input-mb");
  qs_batch_inputs in = {0};
  qs_batch_collect(&in, args, (int)n_args, NULL, (size_t)(mb ? mb->value : 64) << 20, L);
  char **paths = qs_xcalloc(in.n ? in.n : 1, sizeof *paths);
  size_t n = 0;
  for (size_t i = 0; i < in.n; i++) {
    if (in.items[i].state == QS_ITEM_PENDING) {
      paths[n++] = in.items[i].path;
    } else {
      qs_buf b = {0};
      qs_buf_addf(&b, "%s: %s", in.items[i].shown, in.items[i].message ? in.items[i].message : "?");
      say_error(L, b.s);
      qs_buf_free(&b);
    }
  }
  int rc = QS_EXIT_OK;
  if (n == 0) {
    say_error(L, qs_msg_get(L, QS_M_NOTHING_TO_SCORE));
    rc = QS_EXIT_INPUT;
  } else {
    size_t n_runs = 1 + total;
    qs_sens_run *runs = qs_xcalloc(n_runs, sizeof *runs);
    size_t k = 1;
    for (int i = 0; i < cli->n_params; i++)
      for (size_t v = 0; v < sweeps[i].n_values; v++)
        runs[k++] = (qs_sens_run){sweeps[i].param->name, sweeps[i].values[v]};
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = cli->jobs > 0 ? cli->jobs : (cores > 0 ? (int)cores : 1);
    qs_sens_scores sc;
    qs_diag d;
    qs_diag_init(&d, L);
    if (qs_sens_score(e, paths, n, runs, n_runs, jobs, &sc, &d) != 0) {
      qs_diag_print(&d, stderr);
      rc = QS_EXIT_INTERNAL;
    } else {
      qs_sens_result res;
      size_t top = cli->top > 0 ? (size_t)cli->top : 10;
      qs_sens_compare(r, &sc, runs, top, &res);
      char *text = qs_sens_render(&res, r, format, L);
      int w = strcmp(format, "text") == 0 ? qs_cli_write_terminal(cli, text)
                                          : qs_cli_write(cli, text, strlen(text));
      if (w != 0)
        rc = QS_EXIT_WRITE;
      else if (res.n_failed || n < in.n)
        rc = QS_EXIT_INPUT;
      if (res.n_scored == 0)
        rc = QS_EXIT_INPUT;
      free(text);
      qs_sens_result_free(&res);
      qs_sens_scores_free(&sc);
    }
    qs_diag_free(&d);
    free(runs);
  }
  free(paths);
  qs_batch_inputs_free(&in);
  for (size_t i = 0; i < n_args; i++)
    free(args[i]);
  free(args);
  for (int i = 0; i < cli->n_params; i++)
    qs_sweep_free(&sweeps[i]);
  free(sweeps);
  qs_engine_free(e);
  return rc;
}
