/* qs_engine.c -- loading rules once, scoring one submission at a time (see qs_engine.h). */
#include "qs_engine.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/hash.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../importers/qs_import.h"
#include "qs_builtin.h"
#include "qs_reads.h"
#include "qs_util.h"

struct qs_engine {
  qs_env *qe;
  qs_rubric rubric;
  qs_schema *schema;
  xmlHashTablePtr rules; /* every defrule name -> the name of its module */
  xmlHashTablePtr where; /* every defrule name -> "file:line" where its text starts */
  char rules_sha256[65];
  char *origin;
  int overrides;       /* some parameter differs from its default */
  int params_changed;  /* a parameter was set since the facts were last made */
  int clean;           /* the facts are those of a reset: no submission's, default parameters */
  long as_of;          /* the scoring day, yyyymmdd */
  size_t base_memory;  /* what CLIPS holds with the rules loaded and no submission */
  qs_run_stats last;   /* what the rules did on the last submission */
  char *attach_dir;    /* --attachments DIR, or NULL */
  int attach_per_file; /* a batch: DIR/<the file's name without .xml>/ when it exists */
  /* A submission loaded for rescores (qs_engine_load): its facts are kept in the environment
   * with the rubric's; its bytes, for a parse again when the importer's parameters change. */
  int loaded, ran;
  qs_submission sub; /* what the importer gave, copied into each rescore's report */
  char *sub_name, *sub_data;
  size_t sub_len;
  char sub_sha256[65];
  double import_params[7]; /* the parameters the importer read, as they were at the load */
  long reparses, reruns_all, reruns_part;
  /* Which rules may read which parameter (qs_reads.h): the --rules files as they load, the
   * built-in ones when first needed; per parameter, what runs again when it changes. */
  qs_reads *reads;
  int builtin_reads;         /* the built-in rules: their text is read at the first need */
  struct param_reach *reach; /* by the rubric's parameter index, NULL until computed */
  int reversed;              /* the indicator modules run last to first (a test) */
};

/* The modules whose rules may read one parameter, each with the highest salience among those
 * rules; unknown: a rule of a module outside the running order (MAIN) reads it. */
struct param_reach {
  int known;
  int unknown;
  qs_rerun *mods;
  size_t n;
};

/* A submission for which CLIPS needed more than this beyond base_memory gives it back to malloc
 * once scored (qs_engine_release_memory); smaller ones leave it in CLIPS's free lists, where the
 * next submission finds it. */
#define QS_ENGINE_KEEP_BYTES ((size_t)16 << 20)

/* The largest rules file read from a folder; the built-in ones are a few dozen KiB. */
#define QS_RULES_FILE_LIMIT (16u << 20)

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The rules hash covers every file loaded, in load order: name, NUL, length, NUL, content.
 * The built-in rules and the same files loaded with --rules hash alike. */
static void hash_file(qs_sha256 *h, const char *name, const char *data, size_t len) {
  char n[32];
  snprintf(n, sizeof n, "%zu", len);
  qs_sha256_update(h, name, strlen(name) + 1);
  qs_sha256_update(h, n, strlen(n) + 1);
  qs_sha256_update(h, data, len);
}

/* Where each defrule starts, for messages about rules at run time (CLIPS names the rule, not
 * its file or line): "(defrule" outside comments and strings, then the name without its
 * module. The text is the rules', never an application's. */
static void index_rules(qs_engine *e, const char *file, const char *text) {
  long line = 1;
  for (const char *p = text; *p; p++) {
    if (*p == '\n') {
      line++;
    } else if (*p == ';') {
      while (p[1] && p[1] != '\n')
        p++;
    } else if (*p == '"') {
      for (p++; *p && *p != '"'; p++) {
        if (*p == '\\' && p[1])
          p++;
        if (*p == '\n')
          line++;
      }
      if (!*p)
        break;
    } else if (strncmp(p, "(defrule", 8) == 0 && (p[8] == ' ' || p[8] == '\t')) {
      const char *n = p + 8;
      while (*n == ' ' || *n == '\t')
        n++;
      size_t len = strcspn(n, " \t\r\n();\"");
      for (size_t i = 0; i + 1 < len; i++)
        if (n[i] == ':' && n[i + 1] == ':') {
          n += i + 2;
          len -= i + 2;
          break;
        }
      char *name = qs_xstrndup(n, len);
      qs_buf at = {0};
      qs_buf_addf(&at, "%s:%ld", file, line);
      if (xmlHashAddEntry(e->where, (const xmlChar *)name, at.s) != 0)
        qs_buf_free(&at);
      free(name);
    }
  }
}

/* The index mkimage wrote beside the image (qs_engine_rules_index): the hash and where each
 * rule starts, so that a start with the image neither hashes nor reads the rules' text. */
static int read_index(qs_engine *e, const qs_builtin_file *idx) {
  const char *p = idx->data;
  if (strncmp(p, "sha256 ", 7) != 0 || strlen(p) < 7 + 64 || p[7 + 64] != '\n')
    return -1;
  memcpy(e->rules_sha256, p + 7, 64);
  e->rules_sha256[64] = '\0';
  for (p += 7 + 64 + 1; *p;) {
    const char *tab = strchr(p, '\t'), *nl = strchr(p, '\n');
    if (!tab || !nl || tab > nl)
      return -1;
    char *name = qs_xstrndup(p, (size_t)(tab - p));
    char *at = qs_xstrndup(tab + 1, (size_t)(nl - tab - 1));
    if (xmlHashAddEntry(e->where, (const xmlChar *)name, at) != 0)
      free(at);
    free(name);
    p = nl + 1;
  }
  return 0;
}

static int load_builtin(qs_engine *e, qs_diag *d) {
  /* The image made from these very files at build time, when there is one and it loads, with
   * its index; else the text. */
  const qs_builtin_file *img =
      qs_builtin_image ? qs_builtin_find(qs_builtin_image, "rules.img") : NULL;
  const qs_builtin_file *idx =
      qs_builtin_image ? qs_builtin_find(qs_builtin_image, "rules.idx") : NULL;
  int imaged = img && idx && qs_env_bload(e->qe, img->data, img->len) == 0;
  if (!imaged && img) {
    /* A failed bload leaves the environment unusable: start again from the text. */
    qs_env_free(e->qe);
    e->qe = qs_env_new();
  }
  if (imaged && read_index(e, idx) == 0)
    return 0;
  qs_sha256 *h = qs_sha256_new();
  int bad = 0;
  for (const qs_builtin_file *f = qs_builtin_rules; f->name && !bad; f++) {
    hash_file(h, f->name, f->data, f->len);
    if (!imaged)
      bad = qs_env_load(e->qe, f->name, f->data, d) != 0;
    index_rules(e, f->name, f->data);
  }
  qs_sha256_final(h, e->rules_sha256);
  return bad ? -1 : 0;
}

static int load_dir(qs_engine *e, const char *dir, qs_diag *d) {
  char **names;
  long listed = qs_dir_names(dir, ".clp", &names);
  if (listed < 0) {
    qs_diag_add(d, dir, 0, qs_msg_get(d->lang, QS_M_RULES_DIR), qs_strerror(d->lang, errno));
    return -1;
  }
  size_t n = (size_t)listed;
  if (n == 0) {
    qs_diag_add(d, dir, 0, "%s", qs_msg_get(d->lang, QS_M_RULES_NONE));
    free(names);
    return -1;
  }
  qs_sha256 *h = qs_sha256_new();
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    qs_buf path = {0};
    qs_buf_addf(&path, "%s/%s", dir, names[i]);
    char *data;
    size_t len;
    int err_no;
    if (!bad) {
      qs_status rs = qs_read_file(path.s, QS_RULES_FILE_LIMIT, &data, &len, &err_no);
      if (rs != QS_OK) {
        qs_diag_add(d, path.s, 0, qs_msg_get(d->lang, QS_M_CANNOT_READ),
                    qs_strerror(d->lang, qs_read_errno(rs, err_no)));
        bad = 1;
      } else {
        hash_file(h, names[i], data, len);
        bad = qs_env_load(e->qe, path.s, data, d) != 0;
        index_rules(e, path.s, data);
        qs_reads_scan(e->reads, data);
        free(data);
      }
    }
    qs_buf_free(&path);
    free(names[i]);
  }
  free(names);
  qs_sha256_final(h, e->rules_sha256);
  return bad ? -1 : 0;
}

static void add_rule(void *ctx, const char *rule, const char *module) {
  xmlHashAddEntry(ctx, (const xmlChar *)rule, qs_xstrdup(module));
}

static void collect_rule_names(qs_engine *e) {
  e->rules = xmlHashCreate(128);
  qs_env_each_rule(e->qe, add_rule, e->rules);
}

qs_engine *qs_engine_new(const char *rules_dir, qs_diag *d) {
  qs_engine *e = qs_xcalloc(1, sizeof *e);
  e->qe = qs_env_new();
  if (!e->qe) {
    qs_diag_add(d, NULL, 0, qs_msg_get(d->lang, QS_M_RULES_LOAD), "CreateEnvironment failed");
    free(e);
    return NULL;
  }
  e->origin = qs_xstrdup(rules_dir ? rules_dir : "built-in");
  /* Read once: a batch that runs past midnight scores every file on the same day. */
  e->as_of = qs_today_china();
  e->where = xmlHashCreate(128);
  e->reads = qs_reads_new();
  e->builtin_reads = !rules_dir;
  int rc = rules_dir ? load_dir(e, rules_dir, d) : load_builtin(e, d);
  if (rc == 0) {
    /* Facts of the rubric and the parameters exist only after a reset. */
    qs_env_reset(e->qe);
    qs_env_keep_facts(e->qe);
    e->clean = 1;
    rc = qs_rubric_read(e->qe, &e->rubric, d);
  }
  if (rc == 0 && !qs_env_has_module(e->qe, "DECIDE")) {
    qs_diag_add(d, NULL, 0, qs_msg_get(d->lang, QS_M_RUBRIC), "module DECIDE is missing");
    rc = -1;
  }
  if (rc == 0) {
    e->schema = qs_schema_new(d);
    if (!e->schema)
      rc = -1;
  }
  if (rc != 0) {
    qs_engine_free(e);
    return NULL;
  }
  collect_rule_names(e);
  e->base_memory = qs_engine_memory(e);
  return e;
}

size_t qs_engine_memory(const qs_engine *e) { return qs_env_memory(e->qe); }

void qs_engine_release_memory(qs_engine *e) { qs_env_release_memory(e->qe); }

/* Engines left to the process's exit (qs_engine_free_at_exit); a few at most. Not static: a
 * compiler may drop stores to a static array that nothing reads, and then a leak checker would
 * see the engine lost. */
static int free_at_exit;
qs_engine *qs_engine_parked_[8];
static size_t n_parked;

void qs_engine_free_at_exit(void) { free_at_exit = 1; }

void qs_engine_free(qs_engine *e) {
  if (!e)
    return;
  if (free_at_exit && n_parked < sizeof qs_engine_parked_ / sizeof *qs_engine_parked_) {
    qs_engine_parked_[n_parked++] = e;
    return;
  }
  qs_env_free(e->qe);
  qs_rubric_free(&e->rubric);
  qs_schema_free(e->schema);
  xmlHashFree(e->rules, xmlHashDefaultDeallocator);
  xmlHashFree(e->where, xmlHashDefaultDeallocator);
  qs_submission_free(&e->sub);
  free(e->sub_name);
  free(e->sub_data);
  free(e->origin);
  free(e->attach_dir);
  qs_reads_free(e->reads);
  if (e->reach)
    for (size_t i = 0; i < e->rubric.n_params; i++)
      free(e->reach[i].mods);
  free(e->reach);
  free(e);
}

const char *qs_engine_rule_module(const qs_engine *e, const char *rule) {
  const char *m = xmlHashLookup(e->rules, (const xmlChar *)rule);
  return m ? m : "";
}

const char *qs_engine_rule_where(const qs_engine *e, const char *rule) {
  const char *w = rule ? xmlHashLookup(e->where, (const xmlChar *)rule) : NULL;
  return w ? w : "";
}

/* " (rule R is at file:line)" for the rule, or nothing when it is unknown. */
static void add_rule_place(const qs_engine *e, qs_buf *b, const char *rule, qs_lang lang) {
  const char *w = qs_engine_rule_where(e, rule);
  if (w[0])
    qs_buf_addf(b, qs_msg_get(lang, QS_M_RULE_AT), rule, w);
}

long qs_engine_rule_fired(const qs_engine *e, const char *rule) {
  return qs_env_rule_firings(e->qe, rule);
}

const qs_run_stats *qs_engine_last_run(const qs_engine *e) { return &e->last; }
long qs_engine_last_firings(const qs_engine *e) { return e->last.firings; }

static void add_name(void *payload, void *data, const xmlChar *name) {
  (void)payload;
  qs_buf *b = data;
  qs_buf_add(b, (const char *)name);
  qs_buf_add(b, "\n");
}

size_t qs_engine_rule_names(const qs_engine *e, char ***names) {
  qs_buf b = {0};
  xmlHashScan(e->rules, add_name, &b);
  char *all = qs_buf_take(&b);
  size_t n = 0, cap = 0;
  char **a = NULL;
  for (char *p = all, *nl; (nl = strchr(p, '\n')); p = nl + 1) {
    qs_grow(&a, &cap, n + 1, sizeof *a);
    a[n++] = qs_xstrndup(p, (size_t)(nl - p));
  }
  free(all);
  qs_sort(a, n, sizeof *a, cmp_str);
  *names = a;
  return n;
}

const qs_rubric *qs_engine_rubric(const qs_engine *e) { return &e->rubric; }
void qs_engine_set_as_of(qs_engine *e, long day) { e->as_of = day; }
long qs_engine_as_of(const qs_engine *e) { return e->as_of; }
const char *qs_engine_rules_sha256(const qs_engine *e) { return e->rules_sha256; }
const char *qs_engine_rules_origin(const qs_engine *e) { return e->origin; }

static int cmp_line(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void index_line(void *payload, void *data, const xmlChar *name) {
  qs_buf *b = data;
  qs_buf_addf(b, "%s\t%s\n", (const char *)name, (const char *)payload);
}

char *qs_engine_rules_index(const qs_engine *e) {
  qs_buf lines = {0};
  qs_buf_add(&lines, "");
  xmlHashScan(e->where, index_line, &lines);
  /* Sorted, so that the index (and the binary embedding it) is the same at every build. */
  char **a = NULL;
  size_t n = 0, cap = 0;
  for (char *p = lines.s, *nl; (nl = strchr(p, '\n')); p = nl + 1) {
    qs_grow(&a, &cap, n + 1, sizeof *a);
    a[n++] = qs_xstrndup(p, (size_t)(nl - p + 1));
  }
  qs_buf_free(&lines);
  qs_sort(a, n, sizeof *a, cmp_line);
  qs_buf out = {0};
  qs_buf_addf(&out, "sha256 %s\n", e->rules_sha256);
  for (size_t i = 0; i < n; i++) {
    qs_buf_add(&out, a[i]);
    free(a[i]);
  }
  free(a);
  return qs_buf_take(&out);
}

int qs_engine_set_param(qs_engine *e, const char *assignment, qs_diag *d) {
  const char *eq = strchr(assignment, '=');
  if (!eq || eq == assignment || !eq[1]) {
    qs_diag_add(d, NULL, 0, qs_msg_get(d->lang, QS_M_PARAM_SYNTAX), assignment);
    return -1;
  }
  char *name = qs_xstrndup(assignment, (size_t)(eq - assignment));
  const char *value = eq + 1;
  qs_param *p = qs_rubric_param(&e->rubric, name);
  int rc = -1;
  if (!p) {
    qs_diag_add(d, NULL, 0, qs_msg_get(d->lang, QS_M_PARAM_UNKNOWN), name);
    goto out;
  }
  char *end;
  errno = 0;
  double v;
  if (p->is_int) {
    long long iv = strtoll(value, &end, 10);
    v = (double)iv;
  } else {
    v = strtod(value, &end);
  }
  if (*end || end == value || errno || !isfinite(v)) {
    qs_diag_add(d, NULL, 0, qs_msg_get(d->lang, QS_M_PARAM_VALUE), name,
                qs_msg_get(d->lang, p->is_int ? QS_M_AN_INTEGER : QS_M_A_NUMBER), value);
    goto out;
  }
  if (v < p->min || v > p->max) {
    char lo[32], hi[32];
    qs_param_format(p, p->min, lo);
    qs_param_format(p, p->max, hi);
    qs_diag_add(d, NULL, 0, qs_msg_get(d->lang, QS_M_PARAM_RANGE), name, value, lo, hi);
    goto out;
  }
  p->value = v;
  e->overrides = 1;
  e->params_changed = 1;
  rc = 0;
out:
  free(name);
  return rc;
}

/* After a reset the param facts hold the defaults; replace those that are overridden. */
static void apply_params(qs_engine *e) {
  if (!e->overrides)
    return;
  void *t = qs_env_template(e->qe, "param");
  for (size_t i = 0; i < e->rubric.n_params; i++) {
    const qs_param *p = &e->rubric.params[i];
    if (p->value == p->dflt)
      continue;
    for (void *f = qs_env_next_fact(e->qe, t, NULL); f; f = qs_env_next_fact(e->qe, t, f))
      if (strcmp(qs_slot_str(e->qe, f, "name"), p->name) == 0) {
        qs_env_modify_number(e->qe, f, "value", p->is_int, p->value);
        break;
      }
  }
}

static double param(const qs_engine *e, const char *name) {
  const qs_param *p = qs_rubric_param(&e->rubric, name);
  return p ? p->value : 0;
}

static int is_indicator_module(const qs_engine *e, const char *name) {
  for (size_t i = 0; i < e->rubric.n_inds; i++)
    if (strcmp(e->rubric.inds[i].module, name) == 0)
      return 1;
  return 0;
}

/* The focus stack runs from the top, so push in reverse of the running order: first the
 * modules that are neither an indicator's nor DECIDE (measurements and data checks, in the
 * order they are defined, that is the order of their files), then the indicator modules in
 * rubric order, then DECIDE, which reads what all of them concluded. */
static void focus_modules(qs_engine *e) {
  qs_env_focus(e->qe, "DECIDE");
  for (size_t k = e->rubric.n_inds; k-- > 0;) {
    const char *m = e->rubric.inds[e->reversed ? e->rubric.n_inds - 1 - k : k].module;
    if (m[0])
      qs_env_focus(e->qe, m);
  }
  const char **mods;
  size_t n = qs_env_modules(e->qe, &mods);
  for (size_t i = n; i-- > 0;)
    if (strcmp(mods[i], "MAIN") != 0 && strcmp(mods[i], "DECIDE") != 0 &&
        !is_indicator_module(e, mods[i]))
      qs_env_focus(e->qe, mods[i]);
  free(mods);
}

/* Back to the facts of a reset with the parameters applied: only the submission's facts and
 * the conclusions are retracted (the rubric's and the parameters' stay, qs_env_keep_facts);
 * when that cannot be done, a reset, the parameters applied again and those facts kept. */
static void clear(qs_engine *e) {
  if (qs_env_clear_submission(e->qe) == 0)
    return;
  qs_env_reset(e->qe);
  apply_params(e);
  qs_env_keep_facts(e->qe);
}

/* After a score the report holds everything it needs, so the submission's facts go now rather
 * than at the next score. A submission that needed more than QS_ENGINE_KEEP_BYTES of CLIPS
 * memory gives it back to malloc, where rendering its report (its text; for an HTML page made
 * with --stylesheet, a DOM and an XSLT result) reuses it: the peak of a large submission is
 * then the larger of the two, not their sum (89 -> 71 MB for the largest file of the bench
 * corpus, HTML report through XSLT). */
static void finish(qs_engine *e) {
  clear(e);
  e->clean = 1;
  if (qs_engine_memory(e) > e->base_memory + QS_ENGINE_KEEP_BYTES)
    qs_engine_release_memory(e);
}

/* " in module M, rule R (file:line)" / "于模块 M 的规则 R（位于 file:line）": where a run was
 * when it stopped at a limit, for the message (informational: the file is at fault). */
static void add_stopped_place(const qs_engine *e, qs_buf *b, const char *rule, qs_lang lang) {
  if (!rule || !rule[0])
    return;
  const char *module = qs_engine_rule_module(e, rule), *w = qs_engine_rule_where(e, rule);
  qs_buf_addf(b, qs_msg_get(lang, QS_M_LIMIT_WHERE), module[0] ? module : "?", rule,
              w[0] ? w : "?");
}

/* A run that stopped before the agenda was empty: a runtime error in a rule, a loop in the
 * rules or a rule stuck in its actions (the rules' fault, QS_E_RULES), or a file that
 * needed more than the limit (QS_E_LIMIT); see QS_LOOP_FACTOR in qs_engine.h. */
static qs_status run_stopped(qs_engine *e, const char *name, qs_status rs, qs_diag *d) {
  char *msg = qs_env_take_message(e->qe);
  qs_buf place = {0};
  qs_buf_add(&place, "");
  qs_status st = QS_E_RULES;
  long max_firings = (long)param(e, "run-max-firings"), seconds = (long)param(e, "run-seconds");
  const qs_run_stats *r = &e->last;
  if (rs == QS_E_CAP) {
    if (r->busiest_firings > QS_LOOP_FACTOR * r->facts_at_start) {
      add_rule_place(e, &place, r->busiest_rule, d->lang);
      qs_diag_add(d, name, 0, qs_msg_get(d->lang, QS_M_RULES_CAP), max_firings, r->busiest_rule,
                  r->busiest_firings, r->facts_at_start, place.s);
    } else {
      add_stopped_place(e, &place, r->stopped_rule, d->lang);
      qs_diag_add(d, name, 0, qs_msg_get(d->lang, QS_M_LIMIT_FIRINGS), max_firings,
                  r->facts_at_start, place.s);
      st = QS_E_LIMIT;
    }
  } else if (rs == QS_E_DEADLINE) {
    const char *stuck = qs_env_stuck_rule(e->qe, NULL);
    if (stuck[0]) {
      add_rule_place(e, &place, stuck, d->lang);
      qs_diag_add(d, name, 0, qs_msg_get(d->lang, QS_M_RULES_DEADLINE), seconds, stuck, place.s);
    } else if (r->busiest_firings > QS_LOOP_FACTOR * r->facts_at_start) {
      /* A loop of short firings that reached the deadline before the firing cap. */
      add_rule_place(e, &place, r->busiest_rule, d->lang);
      qs_diag_add(d, name, 0, qs_msg_get(d->lang, QS_M_RULES_DEADLINE_LOOP), seconds,
                  r->busiest_rule, r->busiest_firings, r->facts_at_start, place.s);
    } else {
      add_stopped_place(e, &place, r->stopped_rule, d->lang);
      qs_diag_add(d, name, 0, qs_msg_get(d->lang, QS_M_LIMIT_SECONDS), seconds, place.s);
      st = QS_E_LIMIT;
    }
  } else {
    /* The rule whose actions were running when CLIPS reported the error: say where it is. */
    const char *rule = qs_env_error_rule(e->qe);
    add_rule_place(e, &place, rule[0] ? rule : NULL, d->lang);
    qs_diag_add(d, name, 0, qs_msg_get(d->lang, QS_M_RULES_RUN), msg[0] ? msg : "?", place.s);
  }
  qs_buf_free(&place);
  free(msg);
  return st;
}

/* Run the modules focused, within the run limits, and note what the run did in e->last. */
static qs_status run_rules(qs_engine *e) {
  long fired = 0;
  qs_status rs =
      qs_env_run(e->qe, (long)param(e, "run-max-firings"), param(e, "run-seconds"), &fired);
  e->last.firings = fired;
  e->last.facts_at_start = qs_env_facts_at_start(e->qe);
  e->last.facts_at_end = qs_env_fact_count(e->qe);
  e->last.memory = qs_engine_memory(e);
  snprintf(e->last.busiest_rule, sizeof e->last.busiest_rule, "%s",
           qs_env_busiest_rule(e->qe, &e->last.busiest_firings));
  snprintf(e->last.stopped_rule, sizeof e->last.stopped_rule, "%s",
           rs == QS_E_CAP || rs == QS_E_DEADLINE ? qs_env_stopped_rule(e->qe) : "");
  return rs;
}

void qs_engine_set_attachments(qs_engine *e, const char *dir, int per_file) {
  free(e->attach_dir);
  e->attach_dir = dir ? qs_xstrdup(dir) : NULL;
  e->attach_per_file = per_file;
}

const char *qs_engine_attachments(const qs_engine *e) { return e->attach_dir; }

/* The folder of a submission's attachments: DIR, or in a batch DIR/<its file's name without
 * .xml>/ when that is a folder (not a link to one); -1 when DIR cannot be opened. */
static int attachments_fd(const qs_engine *e, const char *name) {
  int fd = open(e->attach_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || !e->attach_per_file)
    return fd;
  const char *base = strrchr(name, '/');
  base = base ? base + 1 : name;
  size_t n = strlen(base);
  if (n > 4 && strcasecmp(base + n - 4, ".xml") == 0)
    n -= 4;
  char *sub = qs_xstrndup(base, n);
  int sfd = -1;
  if (*sub && strcmp(sub, ".") != 0 && strcmp(sub, "..") != 0)
    sfd = openat(fd, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  free(sub);
  if (sfd < 0)
    return fd;
  close(fd);
  return sfd;
}

qs_status qs_engine_score_buffer(qs_engine *e, const char *name, const char *data, size_t len,
                                 qs_report **out, qs_diag *d) {
  *out = NULL;
  qs_engine_unload(e);
  memset(&e->last, 0, sizeof e->last);
  long mb = (long)param(e, "max-input-mb");
  if (len > (size_t)mb << 20) {
    qs_diag_add(d, name, 0, qs_msg_get(d->lang, QS_M_TOO_LARGE), mb);
    return QS_E_INPUT;
  }
  qs_parse_limits lim = {(long)param(e, "max-elements"), (long)param(e, "max-evidence"),
                         (long)param(e, "max-attributes")};
  xmlDocPtr doc = qs_import_parse(e->schema, name, data, len, &lim, d);
  if (!doc)
    return QS_E_INPUT;

  if (!e->clean || e->params_changed) {
    /* New parameters: a reset, so that their facts are those of the defaults replaced. */
    if (e->params_changed)
      qs_env_reset(e->qe);
    clear(e);
    e->params_changed = 0;
  }
  e->clean = 0;
  qs_report *rep = qs_report_new(&e->rubric);
  rep->qscore_version = qs_xstrdup(QSCORE_VERSION);
  rep->rules_sha256 = qs_xstrdup(e->rules_sha256);
  /* The name as every report shows it: a file name that is not UTF-8 (GBK, Latin-1) would
   * make the JSON, XML and workbook invalid. */
  rep->path = qs_display_name(name);
  qs_sha256_hex(data, len, rep->sha256);

  qs_window_params wp = {(int)param(e, "window-months"), (int)param(e, "year-split-months"),
                         (int)param(e, "rate-months-min")};
  qs_submission sub;
  qs_status st = qs_import_facts(e->qe, doc, name, &wp, e->as_of, &sub, d);
  if (st == QS_OK && e->attach_dir) {
    int dfd = attachments_fd(e, name);
    st = qs_import_attachments(e->qe, doc, name, dfd, d);
    if (dfd >= 0)
      close(dfd);
  }
  xmlFreeDoc(doc);
  if (st != QS_OK) {
    qs_submission_free(&sub);
    qs_report_free(rep);
    finish(e);
    return QS_E_RULES;
  }

  focus_modules(e);
  qs_status rs = run_rules(e);
  if (rs != QS_OK) {
    qs_status st = run_stopped(e, name, rs, d);
    qs_submission_free(&sub);
    qs_report_free(rep);
    finish(e);
    return st;
  }
  /* CLIPS's own output (printout from rules) is never part of a report. */
  free(qs_env_take_output(e->qe));

  qs_report_take_submission(rep, &sub);
  qs_submission_free(&sub);
  qs_rule_index index = {e->rules, e->where};
  int collected = qs_report_collect(rep, e->qe, &index, d);
  finish(e);
  if (collected != 0) {
    qs_report_free(rep);
    return QS_E_RULES;
  }
  qs_report_finish(rep);
  *out = rep;
  return QS_OK;
}

int qs_engine_read_input(const qs_engine *e, const char *path, int regular_only, char **data,
                         size_t *len, qs_diag *d) {
  long mb = (long)param(e, "max-input-mb");
  int err = 0;
  switch (qs_read_fileat(AT_FDCWD, path, (size_t)mb << 20, regular_only ? QS_READ_REGULAR_ONLY : 0,
                         data, len, &err)) {
  case QS_OK:
    return 0;
  case QS_E_TOO_LARGE:
    qs_diag_add(d, path, 0, qs_msg_get(d->lang, QS_M_TOO_LARGE), mb);
    break;
  case QS_E_NOT_REGULAR:
    qs_diag_add(d, path, 0, "%s", qs_msg_get(d->lang, QS_M_SKIP_SPECIAL));
    break;
  default: /* QS_E_SYSTEM, the only other status a read returns */
    qs_diag_add(d, path, 0, qs_msg_get(d->lang, QS_M_CANNOT_READ), qs_strerror(d->lang, err));
    break;
  }
  return -1;
}

qs_status qs_engine_score(qs_engine *e, const char *path, qs_report **out, qs_diag *d) {
  *out = NULL;
  char *data;
  size_t len;
  if (qs_engine_read_input(e, path, 0, &data, &len, d) != 0)
    return QS_E_INPUT;
  qs_status st = qs_engine_score_buffer(e, path, data, len, out, d);
  free(data);
  return st;
}

/* ------------------------------------------------------------------ rescoring */

/* The parameters the importer reads: a change of one needs the submission parsed again. */
static const char *const import_param_names[7] = {
    "max-input-mb",  "max-elements",      "max-evidence",    "max-attributes",
    "window-months", "year-split-months", "rate-months-min",
};

static void read_import_params(const qs_engine *e, double out[7]) {
  for (size_t i = 0; i < 7; i++)
    out[i] = param(e, import_param_names[i]);
}

void qs_engine_reset_params(qs_engine *e) {
  for (size_t i = 0; i < e->rubric.n_params; i++) {
    qs_param *p = &e->rubric.params[i];
    if (p->value != p->dflt) {
      p->value = p->dflt;
      e->params_changed = 1;
    }
  }
}

long qs_engine_reparses(const qs_engine *e) { return e->reparses; }

void qs_engine_unload(qs_engine *e) {
  if (!e->loaded)
    return;
  qs_submission_free(&e->sub);
  free(e->sub_name);
  free(e->sub_data);
  e->sub_name = e->sub_data = NULL;
  e->loaded = e->ran = 0;
  /* The submission's facts are kept: only a reset takes them away. */
  qs_env_reset(e->qe);
  e->overrides = 1;
  apply_params(e);
  qs_env_keep_facts(e->qe);
  e->params_changed = 0;
  e->clean = 1;
}

/* Parse data and assert its facts into an environment of the rubric's and the current
 * parameters' facts, then keep them all. */
static qs_status load_facts(qs_engine *e, qs_diag *d) {
  long mb = (long)param(e, "max-input-mb");
  if (e->sub_len > (size_t)mb << 20) {
    qs_diag_add(d, e->sub_name, 0, qs_msg_get(d->lang, QS_M_TOO_LARGE), mb);
    return QS_E_INPUT;
  }
  qs_parse_limits lim = {(long)param(e, "max-elements"), (long)param(e, "max-evidence"),
                         (long)param(e, "max-attributes")};
  xmlDocPtr doc = qs_import_parse(e->schema, e->sub_name, e->sub_data, e->sub_len, &lim, d);
  if (!doc)
    return QS_E_INPUT;
  if (!e->clean || e->params_changed) {
    /* A reset, unless the facts are already those of one with these parameters (as
     * qs_engine_unload leaves them). */
    qs_env_reset(e->qe);
    e->overrides = 1;
    apply_params(e);
  }
  e->params_changed = 0;
  e->clean = 0;
  qs_window_params wp = {(int)param(e, "window-months"), (int)param(e, "year-split-months"),
                         (int)param(e, "rate-months-min")};
  qs_submission_free(&e->sub);
  qs_status st = qs_import_facts(e->qe, doc, e->sub_name, &wp, e->as_of, &e->sub, d);
  if (st == QS_OK && e->attach_dir) {
    int dfd = attachments_fd(e, e->sub_name);
    st = qs_import_attachments(e->qe, doc, e->sub_name, dfd, d);
    if (dfd >= 0)
      close(dfd);
  }
  xmlFreeDoc(doc);
  if (st != QS_OK)
    return QS_E_RULES;
  qs_env_keep_facts(e->qe);
  /* From here on each fact is tagged with the module whose rule asserted it. */
  qs_env_track(e->qe);
  read_import_params(e, e->import_params);
  e->ran = 0;
  return QS_OK;
}

qs_status qs_engine_load(qs_engine *e, const char *name, const char *data, size_t len, qs_diag *d) {
  qs_engine_unload(e);
  e->sub_name = qs_xstrdup(name);
  e->sub_data = qs_xmalloc(len + 1);
  memcpy(e->sub_data, data, len);
  e->sub_data[len] = '\0';
  e->sub_len = len;
  qs_sha256_hex(data, len, e->sub_sha256);
  qs_submission_init(&e->sub);
  e->loaded = 1;
  qs_status st = load_facts(e, d);
  if (st != QS_OK)
    qs_engine_unload(e);
  return st;
}

/* A copy of the importer's output for one report (the report takes what it is given). */
static void copy_submission(const qs_submission *s, qs_submission *c) {
  qs_submission_init(c);
  const char *from[] = {s->id,    s->title,      s->region,       s->province,   s->city,
                        s->chain, s->work_start, s->window_start, s->window_end, s->as_of};
  char **to[] = {&c->id,    &c->title,      &c->region,       &c->province,   &c->city,
                 &c->chain, &c->work_start, &c->window_start, &c->window_end, &c->as_of};
  for (size_t i = 0; i < sizeof from / sizeof *from; i++)
    *to[i] = from[i] ? qs_xstrdup(from[i]) : NULL;
  c->window_months = s->window_months;
  c->evidence = qs_xcalloc(s->n_evidence ? s->n_evidence : 1, sizeof *c->evidence);
  c->cap_evidence = s->n_evidence ? s->n_evidence : 1;
  for (size_t i = 0; i < s->n_evidence; i++) {
    const qs_evidence *v = &s->evidence[i];
    c->evidence[i] = (qs_evidence){
        qs_xstrdup(v->id),         qs_xstrdup(v->element),
        qs_xstrdup(v->kind),       qs_xstrdup(v->label),
        qs_xstrdup(v->number),     qs_xstrdup(v->date),
        qs_xstrdup(v->enterprise), v->line,
    };
  }
  c->n_evidence = s->n_evidence;
}

/* Make the parameter facts say what the rubric's values say; 1 when one was replaced. When
 * changed is given, only look: the parameters whose facts differ go into it (their indices
 * in the rubric), the facts stay. */
static int sync_params(qs_engine *e, size_t *changed, size_t *n_changed) {
  void *t = qs_env_template(e->qe, "param");
  int any = 0;
  if (n_changed)
    *n_changed = 0;
  /* One pass over the facts (a modified fact goes to the end of the list, past the walk:
   * the next fact is taken before the modification). */
  for (void *f = qs_env_next_fact(e->qe, t, NULL), *next; f; f = next) {
    next = qs_env_next_fact(e->qe, t, f);
    const qs_param *p = qs_rubric_param(&e->rubric, qs_slot_str(e->qe, f, "name"));
    if (!p || (qs_slot_num(e->qe, f, "value") == p->value &&
               qs_slot_is_int(e->qe, f, "value") == p->is_int))
      continue;
    any = 1;
    if (changed)
      changed[(*n_changed)++] = (size_t)(p - e->rubric.params);
    else
      qs_env_modify_number(e->qe, f, "value", p->is_int, p->value);
  }
  return any;
}

/* ------------------------------------------------------------------ what a parameter moves */

static void reach_add(struct param_reach *r, const char *module, int salience) {
  for (size_t i = 0; i < r->n; i++)
    if (strcmp(r->mods[i].module, module) == 0) {
      if (salience > r->mods[i].salience)
        r->mods[i].salience = salience;
      return;
    }
  r->mods = qs_xrealloc(r->mods, (r->n + 1) * sizeof *r->mods);
  r->mods[r->n++] = (qs_rerun){module, salience};
}

typedef struct {
  qs_engine *e;
  struct param_reach *r;
} reach_ctx;

static void reach_rule(void *ctx, const char *rule) {
  reach_ctx *c = ctx;
  /* The module's name as the rule index keeps it, which lives as long as the engine. */
  const char *module = qs_engine_rule_module(c->e, rule);
  if (!module[0] || strcmp(module, "MAIN") == 0)
    c->r->unknown = 1;
  else
    reach_add(c->r, module, qs_env_rule_salience(c->e->qe, module, rule));
}

static const struct param_reach *param_reach(qs_engine *e, size_t i) {
  if (!e->reach)
    e->reach = qs_xcalloc(e->rubric.n_params ? e->rubric.n_params : 1, sizeof *e->reach);
  struct param_reach *r = &e->reach[i];
  if (r->known)
    return r;
  if (e->builtin_reads) {
    for (const qs_builtin_file *f = qs_builtin_rules; f->name; f++)
      qs_reads_scan(e->reads, f->data);
    e->builtin_reads = 0;
  }
  reach_ctx c = {e, r};
  qs_reads_rules(e->reads, e->rubric.params[i].name, reach_rule, &c);
  r->known = 1;
  return r;
}

/* The modules in the order they run (focus_modules): those before the indicators, the
 * indicator modules, DECIDE. *first_ind and *decide get where the indicators and DECIDE are. */
static size_t run_order(qs_engine *e, const char ***out, size_t *first_ind) {
  const char **mods;
  size_t n = qs_env_modules(e->qe, &mods), k = 0;
  const char **order = qs_xcalloc(n + e->rubric.n_inds + 2, sizeof *order);
  for (size_t i = 0; i < n; i++)
    if (strcmp(mods[i], "MAIN") != 0 && strcmp(mods[i], "DECIDE") != 0 &&
        !is_indicator_module(e, mods[i]))
      order[k++] = mods[i];
  *first_ind = k;
  for (size_t i = 0; i < e->rubric.n_inds; i++) {
    const char *m = e->rubric.inds[e->reversed ? e->rubric.n_inds - 1 - i : i].module;
    if (m[0])
      order[k++] = m;
  }
  order[k++] = "DECIDE";
  free(mods);
  *out = order;
  return k;
}

static const qs_rerun *find_run(const struct param_reach *r, const char *module) {
  for (size_t i = 0; i < r->n; i++)
    if (strcmp(r->mods[i].module, module) == 0)
      return &r->mods[i];
  return NULL;
}

/* What to run again for the parameters changed since the last run, into plan in running
 * order: nothing when no rule reads them. The sound rule: the first module that reads one,
 * from the salience of its rules that do, and every module after it, whole; what ran before
 * could not have read them. The indicator modules are independent of each other (none reads
 * what another concluded; the run checks it), so when only indicator modules (and DECIDE)
 * read them, those modules, from their salience, and DECIDE, whole. A rule outside the
 * running order reading one: every module, whole. */
static void plan_rerun(qs_engine *e, const size_t *changed, size_t n_changed,
                       struct param_reach *plan) {
  struct param_reach readers = {0};
  for (size_t k = 0; k < n_changed; k++) {
    const struct param_reach *r = param_reach(e, changed[k]);
    readers.unknown |= r->unknown;
    for (size_t j = 0; j < r->n; j++)
      reach_add(&readers, r->mods[j].module, r->mods[j].salience);
  }
  plan->n = 0;
  if (readers.n == 0 && !readers.unknown)
    return;
  const char **order;
  size_t first_ind, n = run_order(e, &order, &first_ind);
  /* Independent: no indicator module matched another's or DECIDE's facts. */
  int independent = 1;
  for (size_t i = first_ind; i + 1 < n && independent; i++)
    independent = !qs_env_rules_read(e->qe, order[i], order, first_ind);
  size_t from = readers.unknown ? 0 : n;
  for (size_t i = 0; i < n && from == n; i++)
    if (find_run(&readers, order[i]) && (i < first_ind || i + 1 == n || !independent))
      from = i; /* a module before the indicators, DECIDE, or any when they are not independent */
  for (size_t i = 0; i < n; i++) {
    const qs_rerun *r = find_run(&readers, order[i]);
    if (readers.unknown || i > from)
      reach_add(plan, order[i], INT_MAX);
    else if (i == from || (r && i >= first_ind))
      reach_add(plan, order[i], r->salience);
  }
  /* DECIDE reads every indicator's conclusions: whole, once any module before it runs. */
  if (plan->n > 0 && strcmp(plan->mods[plan->n - 1].module, "DECIDE") != 0)
    reach_add(plan, "DECIDE", INT_MAX);
  else if (plan->n > 1)
    plan->mods[plan->n - 1].salience = INT_MAX;
  free(order);
  free(readers.mods);
}

/* Back to the state a run from the start with the current parameters would be in before the
 * modules of plan run, and focus them. -1 when that cannot be done (nothing tracked, or a
 * module that runs again retracted a fact at or after where it runs again from: the fact
 * would stay retracted although a run from the start would see it); parse again then. */
static int prepare_rerun(qs_engine *e, struct param_reach *plan) {
  for (size_t j = 0; j < plan->n; j++)
    if (qs_env_rules_retracted(e->qe, plan->mods[j].module, plan->mods[j].salience))
      return -1;
  if (qs_env_rerun_prepare(e->qe, plan->mods, plan->n) != 0)
    return -1;
  sync_params(e, NULL, NULL);
  /* The focus stack runs from the top: push in reverse of the running order. */
  for (size_t j = plan->n; j-- > 0;)
    qs_env_focus(e->qe, plan->mods[j].module);
  return 0;
}

static qs_status rescore(qs_engine *e, int scores_only, qs_report **out, qs_diag *d) {
  *out = NULL;
  if (!e->loaded)
    return QS_E_INPUT;
  double now[7];
  read_import_params(e, now);
  int reparse = memcmp(now, e->import_params, sizeof now) != 0 || !qs_env_tracking(e->qe);
  size_t *changed = qs_xcalloc(e->rubric.n_params + 1, sizeof *changed), n_changed = 0;
  int run = 1;
  if (!reparse && e->ran) {
    sync_params(e, changed, &n_changed);
    struct param_reach plan = {0};
    plan_rerun(e, changed, n_changed, &plan);
    if (plan.n == 0) {
      /* Nothing the rules read changed (a triage threshold, a limit): the conclusions stand. */
      sync_params(e, NULL, NULL);
      run = 0;
    } else if (prepare_rerun(e, &plan) != 0) {
      reparse = 1;
    } else {
      /* Every module whole is a run from the start; anything less is a part. */
      const char **order;
      size_t first_ind, n = run_order(e, &order, &first_ind);
      int all = plan.n == n && plan.mods[0].salience == INT_MAX;
      free(order);
      e->reruns_all += all;
      e->reruns_part += !all;
    }
    free(plan.mods);
  }
  free(changed);
  if (reparse) {
    e->reparses++;
    qs_status st = load_facts(e, d);
    if (st != QS_OK)
      return st;
  }
  if (!e->ran) {
    /* The first run on these facts, with the parameters set since the load: everything. */
    sync_params(e, NULL, NULL);
    focus_modules(e);
  }
  e->params_changed = 0;
  e->ran = 1;

  if (run) {
    memset(&e->last, 0, sizeof e->last);
    qs_status rs = run_rules(e);
    if (rs != QS_OK) {
      /* A run cut short leaves no state to go on from: the next rescore parses again. */
      qs_env_untrack(e->qe);
      return run_stopped(e, e->sub_name, rs, d);
    }
    free(qs_env_take_output(e->qe));
  }

  qs_report *rep = qs_report_new(&e->rubric);
  rep->qscore_version = qs_xstrdup(QSCORE_VERSION);
  rep->rules_sha256 = qs_xstrdup(e->rules_sha256);
  rep->path = qs_display_name(e->sub_name);
  memcpy(rep->sha256, e->sub_sha256, sizeof rep->sha256);
  qs_rule_index index = {e->rules, e->where};
  int collected;
  if (scores_only) {
    collected = qs_report_collect_scores(rep, e->qe, &index, d);
  } else {
    qs_submission copy;
    copy_submission(&e->sub, &copy);
    qs_report_take_submission(rep, &copy);
    qs_submission_free(&copy);
    collected = qs_report_collect(rep, e->qe, &index, d);
  }
  if (collected != 0) {
    qs_report_free(rep);
    return QS_E_RULES;
  }
  qs_report_finish(rep);
  *out = rep;
  return QS_OK;
}

qs_status qs_engine_rescore(qs_engine *e, qs_report **out, qs_diag *d) {
  return rescore(e, 0, out, d);
}

qs_status qs_engine_rescore_scores(qs_engine *e, qs_report **out, qs_diag *d) {
  return rescore(e, 1, out, d);
}

void qs_engine_reverse_indicators(qs_engine *e, int on) { e->reversed = on; }

void qs_engine_rerun_counts(const qs_engine *e, long *all, long *part) {
  *all = e->reruns_all;
  *part = e->reruns_part;
}
