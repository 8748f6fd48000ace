/* test_cases.c -- the rule cases: tests as data, one runner.
 *
 * Every file tests/cases/<dir>/.../<name>.xml is a small, valid submission with the outcome
 * it must get written inside it, as XML processing instructions before the root element:
 *
 *   <?qscore-param NAME=VALUE?>                       set a policy parameter for this case
 *   <?qscore-attachments?>                            score as with --attachments DIR, DIR
 *                                                     the case's own folder (which holds
 *                                                     only cases: a <doc file> naming one
 *                                                     of them is present, any other not)
 *   <?qscore-expect IND band=N|none [points=P] [capped=yes|no]?>
 *                                                     the band chosen (level 1..n or none),
 *                                                     the points placed in it, whether the
 *                                                     factors went past the band maximum
 *   <?qscore-expect-excluded IND ID [rule=R]?>        ID listed among IND's excluded (by R)
 *   <?qscore-expect-not-excluded IND ID [rule=R]?>    ... not listed (not by R)
 *   <?qscore-expect-flag IND CODE [severity=S] [rule=R] [evidence=ID]?>
 *                                                     a flag with that code on IND (IND
 *                                                     `submission`: the submission's flags)
 *   <?qscore-expect-no-flag IND CODE [...]?>          no such flag
 *   <?qscore-expect-gap IND CONDITION [level=N]?>     CONDITION listed among IND's gaps
 *   <?qscore-expect-no-gap IND CONDITION?>            ... not listed
 *   <?qscore-expect-factor IND FACTOR?>               a factor of the chosen band placed the
 *                                                     score (factor-def id)
 *   <?qscore-expect-no-factor IND FACTOR?>            ... did not
 *   <?qscore-expect-triage recommend|review|reject?>
 *   <?qscore-expect-status ok|invalid|rules?>         what qs_engine_score returns (default
 *                                                     ok; a case expecting invalid or rules
 *                                                     has no report, so nothing else to check)
 *
 * IND is an indicator id of the rubric (standards, brand, ...). Words are separated by
 * blanks; options are key=value and may come in any order after the positional words.
 *
 * For each file, in sorted path order: a fresh built-in engine, the qscore-param PIs applied
 * with qs_engine_set_param, qs_engine_score, then every expectation checked with cr_expect,
 * so one run reports every mismatch as "file:line: <?pi?>: expected ..., got ...".
 * These are failures of the case itself: a file that is not well-formed, a case without any
 * expectation, a qscore-* PI that is unknown or misplaced (after the root element), an
 * unknown indicator, condition, factor, rule, parameter or option, an evidence id the file
 * does not contain, a duplicate status or triage expectation.
 *
 * One Test per directory of tests/cases (cases.standards, cases.brand, ...), a layout test
 * (no stray files, no directory without a Test), and cases.rule_coverage, which scores every
 * case again and asks the engine which rules fired (Criterion runs each Test in its own process, so
 * it cannot reuse what the others saw) and fails naming every defrule of the built-in rules that no
 * case fires. It also fails when a flag code named by an expectation is raised by no case at
 * all (a misspelt code would make every expect-no-flag pass). tests/cases/README.md says the
 * same for people writing cases. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/qs_util.h"
#include "helpers.h"

#define CASES_DIR "tests/cases"

/* The directories of tests/cases, one Test each. */
static const char *const case_dirs[] = {
    "mechanism",  "survey",      "infrastructure", "talent", "sme",
    "management", "development", "quality",        "green",  "standards",
    "brand",      "capability",  "measure",        "checks", NULL};

/* ------------------------------------------------------------------ string lists */

typedef struct {
  char **s;
  size_t n, cap;
} strlist;

static void sl_add(strlist *l, const char *s) {
  qs_grow(&l->s, &l->cap, l->n + 1, sizeof *l->s);
  l->s[l->n++] = qs_xstrdup(s);
}

static int sl_has(const strlist *l, const char *s) {
  for (size_t i = 0; i < l->n; i++)
    if (strcmp(l->s[i], s) == 0)
      return 1;
  return 0;
}

static void sl_add_unique(strlist *l, const char *s) {
  if (!sl_has(l, s))
    sl_add(l, s);
}

static void sl_free(strlist *l) {
  for (size_t i = 0; i < l->n; i++)
    free(l->s[i]);
  free(l->s);
  *l = (strlist){0};
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.xml under dir, recursively, sorted by path; other files go to stray. */
static void find_cases(const char *dir, strlist *out, strlist *stray) {
  DIR *dp = opendir(dir);
  if (!dp)
    return;
  strlist names = {0};
  for (struct dirent *de; (de = readdir(dp));)
    if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
      sl_add(&names, de->d_name);
  closedir(dp);
  qsort(names.s, names.n, sizeof *names.s, cmp_str);
  for (size_t i = 0; i < names.n; i++) {
    qs_buf p = {0};
    qs_buf_addf(&p, "%s/%s", dir, names.s[i]);
    struct stat st;
    size_t len = strlen(names.s[i]);
    if (stat(p.s, &st) == 0 && S_ISDIR(st.st_mode))
      find_cases(p.s, out, stray);
    else if (len > 4 && strcmp(names.s[i] + len - 4, ".xml") == 0)
      sl_add(out, p.s);
    else if (stray)
      sl_add(stray, p.s);
    qs_buf_free(&p);
  }
  sl_free(&names);
}

/* ------------------------------------------------------------------ one run over cases */

typedef struct {
  int check;         /* report mismatches (0 in the coverage run: only collect) */
  strlist fired;     /* rules that fired in some case */
  strlist codes_set; /* flag codes raised by some case */
  strlist codes_exp; /* flag codes named by some expectation */
  size_t cases, scored;
} run_state;

typedef struct {
  run_state *rs;
  const char *path;
  long line;
  const char *pi; /* "<?target data?>" for messages */
} ctx;

static void failf(const ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void failf(const ctx *c, const char *fmt, ...) {
  if (!c->rs->check)
    return;
  qs_buf b = {0};
  if (c->line > 0)
    qs_buf_addf(&b, "%s:%ld: ", c->path, c->line);
  else
    qs_buf_addf(&b, "%s: ", c->path);
  if (c->pi)
    qs_buf_addf(&b, "%s: ", c->pi);
  va_list ap;
  va_start(ap, fmt);
  qs_buf_vaddf(&b, fmt, ap);
  va_end(ap);
  cr_expect_fail("%s", b.s);
  qs_buf_free(&b);
}

/* ------------------------------------------------------------------ processing instructions */

typedef enum {
  K_PARAM,
  K_ATTACHMENTS,
  K_EXPECT,
  K_EXCLUDED,
  K_NOT_EXCLUDED,
  K_FLAG,
  K_NO_FLAG,
  K_GAP,
  K_NO_GAP,
  K_FACTOR,
  K_NO_FACTOR,
  K_TRIAGE,
  K_STATUS,
} pi_kind;

static const struct {
  const char *target;
  pi_kind kind;
  int n_args;       /* positional words */
  const char *opts; /* allowed option keys, space-separated */
} pi_defs[] = {
    {"qscore-param", K_PARAM, 1, ""},
    {"qscore-attachments", K_ATTACHMENTS, 0, ""},
    {"qscore-expect", K_EXPECT, 1, "band points capped"},
    {"qscore-expect-excluded", K_EXCLUDED, 2, "rule"},
    {"qscore-expect-not-excluded", K_NOT_EXCLUDED, 2, "rule"},
    {"qscore-expect-flag", K_FLAG, 2, "severity rule evidence"},
    {"qscore-expect-no-flag", K_NO_FLAG, 2, "severity rule evidence"},
    {"qscore-expect-gap", K_GAP, 2, "level"},
    {"qscore-expect-no-gap", K_NO_GAP, 2, "level"},
    {"qscore-expect-factor", K_FACTOR, 2, ""},
    {"qscore-expect-no-factor", K_NO_FACTOR, 2, ""},
    {"qscore-expect-triage", K_TRIAGE, 1, ""},
    {"qscore-expect-status", K_STATUS, 1, ""},
};
#define N_PI_DEFS (sizeof pi_defs / sizeof pi_defs[0])

#define MAX_WORDS 8

typedef struct {
  pi_kind kind;
  long line;
  char *text; /* "<?target data?>" */
  char *args[MAX_WORDS];
  size_t n_args;
  char *keys[MAX_WORDS], *vals[MAX_WORDS];
  size_t n_opts;
} pi;

static void pi_free(pi *p) {
  free(p->text);
  for (size_t i = 0; i < p->n_args; i++)
    free(p->args[i]);
  for (size_t i = 0; i < p->n_opts; i++) {
    free(p->keys[i]);
    free(p->vals[i]);
  }
}

static const char *opt(const pi *p, const char *key) {
  for (size_t i = 0; i < p->n_opts; i++)
    if (strcmp(p->keys[i], key) == 0)
      return p->vals[i];
  return NULL;
}

static int opt_allowed(const char *opts, const char *key) {
  size_t n = strlen(key);
  for (const char *p = opts; *p;) {
    const char *sp = strchr(p, ' ');
    size_t len = sp ? (size_t)(sp - p) : strlen(p);
    if (len == n && strncmp(p, key, n) == 0)
      return 1;
    p += len;
    while (*p == ' ')
      p++;
  }
  return 0;
}

/* Split the PI's data into words and key=value options; 0, or -1 after a failure. */
static int pi_parse(const ctx *c, pi *p, size_t def, const char *data) {
  const char *s = data ? data : "";
  while (*s) {
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
      s++;
    if (!*s)
      break;
    const char *w = s;
    while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
      s++;
    char *word = qs_xstrndup(w, (size_t)(s - w));
    char *eq = strchr(word, '=');
    if (eq && pi_defs[def].kind != K_PARAM) {
      *eq = '\0';
      if (!opt_allowed(pi_defs[def].opts, word) || !eq[1] || opt(p, word) ||
          p->n_opts == MAX_WORDS) {
        failf(c, "option '%s' is unknown, empty or repeated here (allowed: %s)", word,
              pi_defs[def].opts[0] ? pi_defs[def].opts : "none");
        free(word);
        return -1;
      }
      p->keys[p->n_opts] = qs_xstrdup(word);
      p->vals[p->n_opts++] = qs_xstrdup(eq + 1);
      free(word);
    } else {
      if (p->n_args == MAX_WORDS) {
        free(word);
        failf(c, "too many words");
        return -1;
      }
      p->args[p->n_args++] = word;
    }
  }
  if ((int)p->n_args != pi_defs[def].n_args) {
    failf(c, "expected %d word%s before the options, got %zu", pi_defs[def].n_args,
          pi_defs[def].n_args == 1 ? "" : "s", p->n_args);
    return -1;
  }
  return 0;
}

/* ------------------------------------------------------------------ one case */

static const qs_indicator_def *indicator(const qs_engine *e, const char *id) {
  return qs_rubric_indicator(qs_engine_rubric(e), id);
}

static int has_rule(char **rules, size_t n_rules, const char *name) {
  return bsearch(&name, rules, n_rules, sizeof *rules, cmp_str) != NULL;
}

/* Static checks of one PI against the rubric and the rules: 0, or -1 after a failure. */
static int pi_check(const ctx *c, const qs_engine *e, const pi *p, char **rules, size_t n_rules) {
  const char *rule = opt(p, "rule");
  /* Flags the engine adds itself (no-band, error-flags, ...) name the rule "engine". */
  int engine_flag = (p->kind == K_FLAG || p->kind == K_NO_FLAG) && rule && !strcmp(rule, "engine");
  if (rule && !engine_flag && !has_rule(rules, n_rules, rule)) {
    failf(c, "no rule named '%s' in the built-in rules", rule);
    return -1;
  }
  const char *sev = opt(p, "severity");
  if (sev && strcmp(sev, "info") != 0 && strcmp(sev, "warning") != 0 && strcmp(sev, "error") != 0) {
    failf(c, "severity must be info, warning or error, not '%s'", sev);
    return -1;
  }
  switch (p->kind) {
  case K_PARAM:
  case K_ATTACHMENTS:
  case K_TRIAGE:
  case K_STATUS:
    break;
  case K_FLAG:
  case K_NO_FLAG:
    if (strcmp(p->args[0], "submission") == 0)
      break;
    /* fall through */
  default:
    if (!indicator(e, p->args[0])) {
      failf(c, "no indicator '%s' in the rubric", p->args[0]);
      return -1;
    }
  }
  const qs_indicator_def *def = p->n_args ? indicator(e, p->args[0]) : NULL;
  if (p->kind == K_TRIAGE && strcmp(p->args[0], "recommend") != 0 &&
      strcmp(p->args[0], "review") != 0 && strcmp(p->args[0], "reject") != 0) {
    failf(c, "triage must be recommend, review or reject, not '%s'", p->args[0]);
    return -1;
  }
  if (p->kind == K_STATUS && strcmp(p->args[0], "ok") != 0 && strcmp(p->args[0], "invalid") != 0 &&
      strcmp(p->args[0], "rules") != 0) {
    failf(c, "status must be ok, invalid or rules, not '%s'", p->args[0]);
    return -1;
  }
  if (p->kind == K_EXPECT) {
    const char *band = opt(p, "band"), *capped = opt(p, "capped");
    char *end;
    if (!band) {
      failf(c, "band=N|none is required");
      return -1;
    }
    if (strcmp(band, "none") != 0) {
      long l = strtol(band, &end, 10);
      if (*end || !qs_indicator_band(def, (int)l)) {
        failf(c, "%s has no band '%s' (levels 1..%zu or none)", def->id, band, def->n_bands);
        return -1;
      }
    }
    if (opt(p, "points") && (strtol(opt(p, "points"), &end, 10), *end)) {
      failf(c, "points must be an integer, not '%s'", opt(p, "points"));
      return -1;
    }
    if (capped && strcmp(capped, "yes") != 0 && strcmp(capped, "no") != 0) {
      failf(c, "capped must be yes or no, not '%s'", capped);
      return -1;
    }
  }
  if (p->kind == K_GAP || p->kind == K_NO_GAP) {
    const char *level = opt(p, "level");
    char *end;
    if (level && (strtol(level, &end, 10), *end || !qs_indicator_band(def, atoi(level)))) {
      failf(c, "%s has no band '%s'", def->id, level);
      return -1;
    }
    int found = 0;
    for (size_t i = 0; i < def->n_conds; i++)
      found |= strcmp(def->conds[i].id, p->args[1]) == 0;
    if (!found) {
      failf(c, "%s has no condition '%s'", def->id, p->args[1]);
      return -1;
    }
  }
  if (p->kind == K_FACTOR || p->kind == K_NO_FACTOR) {
    int found = 0;
    for (size_t i = 0; i < def->n_factors; i++)
      found |= strcmp(def->factors[i].id, p->args[1]) == 0;
    if (!found) {
      failf(c, "%s has no factor-def '%s'", def->id, p->args[1]);
      return -1;
    }
  }
  return 0;
}

static const qs_result *result_of(const qs_report *rep, const char *id) {
  for (size_t i = 0; i < rep->n_results; i++)
    if (strcmp(rep->results[i].def->id, id) == 0)
      return &rep->results[i];
  return NULL;
}

static char *band_str(int level, char buf[16]) {
  if (level == 0)
    snprintf(buf, 16, "none");
  else
    snprintf(buf, 16, "%d", level);
  return buf;
}

static int flag_matches(const qs_flag *f, const pi *p) {
  const char *sev = opt(p, "severity"), *rule = opt(p, "rule"), *ev = opt(p, "evidence");
  if (strcmp(f->code, p->args[1]) != 0)
    return 0;
  if (sev && strcmp(qs_severity_name(f->severity), sev) != 0)
    return 0;
  if (rule && strcmp(f->rule, rule) != 0)
    return 0;
  if (ev) {
    int found = 0;
    for (size_t i = 0; i < f->n_evidence; i++)
      found |= strcmp(f->evidence[i], ev) == 0;
    if (!found)
      return 0;
  }
  return 1;
}

static void describe_flags(qs_buf *b, const qs_flag *f, size_t n) {
  if (n == 0)
    qs_buf_add(b, "(none)");
  for (size_t i = 0; i < n; i++) {
    qs_buf_addf(b, "%s%s [%s, %s", i ? "; " : "", f[i].code, qs_severity_name(f[i].severity),
                f[i].rule);
    for (size_t k = 0; k < f[i].n_evidence; k++)
      qs_buf_addf(b, "%s%s", k ? "," : ", ", f[i].evidence[k]);
    qs_buf_add(b, "]");
  }
}

/* Check one expectation against the report. */
static void expect(const ctx *c, const qs_report *rep, const pi *p) {
  const qs_result *res =
      p->kind == K_TRIAGE || p->kind == K_STATUS || p->kind == K_PARAM || p->kind == K_ATTACHMENTS
          ? NULL
          : result_of(rep, p->args[0]);
  qs_buf got = {0};
  switch (p->kind) {
  case K_PARAM:
  case K_ATTACHMENTS:
  case K_STATUS:
    break;
  case K_TRIAGE:
    if (strcmp(rep->triage, p->args[0]) != 0)
      failf(c, "expected triage %s, got %s (total %d)", p->args[0], rep->triage, rep->total);
    break;
  case K_EXPECT: {
    const char *band = opt(p, "band"), *points = opt(p, "points"), *capped = opt(p, "capped");
    int want_level = strcmp(band, "none") == 0 ? 0 : atoi(band);
    int want_points = points ? atoi(points) : res->points;
    int want_capped = capped ? strcmp(capped, "yes") == 0 : res->capped;
    if (res->level != want_level || res->points != want_points || res->capped != want_capped) {
      char b1[16], b2[16];
      qs_buf_addf(&got, "band %s, %d points%s", band_str(res->level, b2), res->points,
                  res->capped ? ", capped" : "");
      int nf = 0;
      for (size_t i = 0; i < res->n_reasons; i++)
        if (res->reasons[i].is_factor)
          qs_buf_addf(&got, "%s%s", nf++ ? ", " : " (factors: ", res->reasons[i].condition);
      if (nf)
        qs_buf_add(&got, ")");
      qs_buf want = {0};
      qs_buf_addf(&want, "band %s", band_str(want_level, b1));
      if (points)
        qs_buf_addf(&want, ", %s points", points);
      if (capped)
        qs_buf_addf(&want, ", %s", want_capped ? "capped" : "not capped");
      failf(c, "expected %s, got %s", want.s, got.s);
      qs_buf_free(&want);
    }
    break;
  }
  case K_EXCLUDED:
  case K_NOT_EXCLUDED: {
    const char *rule = opt(p, "rule");
    if (!qs_report_evidence(rep, p->args[1])) {
      failf(c, "the case has no evidence with id '%s'", p->args[1]);
      break;
    }
    int found = 0;
    for (size_t i = 0; i < res->n_excluded; i++) {
      const qs_exclusion *x = &res->excluded[i];
      found |= strcmp(x->evidence, p->args[1]) == 0 && (!rule || strcmp(x->rule, rule) == 0);
      qs_buf_addf(&got, "%s%s [%s]", i ? "; " : "", x->evidence, x->rule);
    }
    if (found != (p->kind == K_EXCLUDED))
      failf(c, "expected %s %sexcluded%s%s, got excluded: %s", p->args[1],
            p->kind == K_EXCLUDED ? "" : "not ", rule ? " by " : "", rule ? rule : "",
            got.s ? got.s : "(none)");
    break;
  }
  case K_FLAG:
  case K_NO_FLAG: {
    const qs_flag *flags = res ? res->flags : rep->flags;
    size_t n = res ? res->n_flags : rep->n_flags;
    const char *ev = opt(p, "evidence");
    if (ev && !qs_report_evidence(rep, ev)) {
      failf(c, "the case has no evidence with id '%s'", ev);
      break;
    }
    int found = 0;
    for (size_t i = 0; i < n; i++)
      found |= flag_matches(&flags[i], p);
    if (found != (p->kind == K_FLAG)) {
      describe_flags(&got, flags, n);
      failf(c, "expected %sflag %s on %s, got: %s", p->kind == K_FLAG ? "a " : "no ", p->args[1],
            p->args[0], got.s);
    }
    break;
  }
  case K_GAP:
  case K_NO_GAP: {
    const char *level = opt(p, "level");
    int found = 0;
    for (size_t i = 0; i < res->n_gaps; i++) {
      const qs_gap *g = &res->gaps[i];
      found |= strcmp(g->condition, p->args[1]) == 0 && (!level || g->level == atoi(level));
      qs_buf_addf(&got, "%s%s (band %d)", i ? "; " : "", g->condition, g->level);
    }
    if (found != (p->kind == K_GAP))
      failf(c, "expected %sgap %s%s%s, got gaps: %s", p->kind == K_GAP ? "a " : "no ", p->args[1],
            level ? " for band " : "", level ? level : "", got.s ? got.s : "(none)");
    break;
  }
  case K_FACTOR:
  case K_NO_FACTOR: {
    int found = 0;
    for (size_t i = 0; i < res->n_reasons; i++) {
      const qs_reason *r = &res->reasons[i];
      if (!r->is_factor)
        continue;
      found |= strcmp(r->condition, p->args[1]) == 0;
      qs_buf_addf(&got, "%s%s", got.s ? ", " : "", r->condition);
    }
    char b[16];
    if (found != (p->kind == K_FACTOR))
      failf(c, "expected factor %s %sto place the score (band %s), got factors: %s", p->args[1],
            p->kind == K_FACTOR ? "" : "not ", band_str(res->level, b), got.s ? got.s : "(none)");
    break;
  }
  }
  qs_buf_free(&got);
}

/* The rules that fired in the last score (the engine counts firings as the rules run). */
static void collect_fired(run_state *rs, const qs_engine *e, char **rules, size_t n_rules) {
  for (size_t i = 0; i < n_rules; i++)
    if (qs_engine_rule_fired(e, rules[i]) > 0)
      sl_add_unique(&rs->fired, rules[i]);
}

static int pi_def_of(const char *target) {
  for (size_t i = 0; i < N_PI_DEFS; i++)
    if (strcmp(pi_defs[i].target, target) == 0)
      return (int)i;
  return -1;
}

/* qscore-* PIs anywhere under node: misplaced (they belong before the root element). */
static void misplaced_pis(const ctx *c0, xmlNode *node) {
  for (xmlNode *n = node; n; n = n->next) {
    if (n->type == XML_PI_NODE && strncmp((const char *)n->name, "qscore", 6) == 0) {
      qs_buf text = {0};
      qs_buf_addf(&text, "<?%s %s?>", (const char *)n->name,
                  n->content ? (const char *)n->content : "");
      ctx c = {c0->rs, c0->path, xmlGetLineNo(n), text.s};
      failf(&c, "must come before the root element");
      qs_buf_free(&text);
    }
    if (n->type == XML_ELEMENT_NODE)
      misplaced_pis(c0, n->children);
  }
}

/* A text of the rules in both languages: the English one is there and states the same
 * figures (dates, counts, rates, parameter values) as the Chinese. */
static void same_numbers(const ctx *c, const char *what, const char *rule, const char *zh,
                         const char *en) {
  if (!en || !en[0]) {
    failf(c, "%s of %s has no English text", what, rule);
    return;
  }
  char *a = qs_test_numbers(zh), *b = qs_test_numbers(en);
  if (strcmp(a, b) != 0)
    failf(c, "%s of %s: the two languages carry different numbers:\n    %s\n    %s", what, rule, zh,
          en);
  free(a);
  free(b);
}

static void check_languages(const ctx *c, const qs_report *rep) {
  for (size_t i = 0; i < rep->n_flags; i++)
    same_numbers(c, "flag", rep->flags[i].rule, rep->flags[i].text, rep->flags[i].text_en);
  for (size_t r = 0; r < rep->n_results; r++) {
    const qs_result *res = &rep->results[r];
    for (size_t i = 0; i < res->n_held; i++)
      same_numbers(c, "reason", res->held[i].rule, res->held[i].text, res->held[i].text_en);
    for (size_t i = 0; i < res->n_reasons; i++)
      same_numbers(c, "reason", res->reasons[i].rule, res->reasons[i].text,
                   res->reasons[i].text_en);
    for (size_t i = 0; i < res->n_excluded; i++)
      same_numbers(c, "exclusion", res->excluded[i].rule, res->excluded[i].text,
                   res->excluded[i].text_en);
    for (size_t i = 0; i < res->n_gaps; i++)
      same_numbers(c, "gap", res->gaps[i].condition, res->gaps[i].text, res->gaps[i].text_en);
    for (size_t i = 0; i < res->n_flags; i++)
      same_numbers(c, "flag", res->flags[i].rule, res->flags[i].text, res->flags[i].text_en);
  }
}

static void run_case(run_state *rs, const char *path) {
  ctx c0 = {rs, path, 0, NULL};
  rs->cases++;
  /* From memory: the engine installs an entity loader that refuses every file, the document
   * itself included, once it exists. */
  char *data;
  size_t len;
  int err;
  qs_status st_read = qs_read_file(path, 1u << 24, &data, &len, &err);
  if (st_read != QS_OK) {
    failf(&c0, "cannot read: %s", strerror(qs_read_errno(st_read, err)));
    return;
  }
  xmlDocPtr doc = xmlReadMemory(data, (int)len, path, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                    XML_PARSE_BIG_LINES);
  free(data);
  if (!doc) {
    failf(&c0, "not well-formed XML, so its expectations cannot be read");
    return;
  }
  qs_engine *e = qs_test_engine();
  char **rules;
  size_t n_rules = qs_engine_rule_names(e, &rules);

  pi *pis = NULL;
  size_t n_pis = 0, cap_pis = 0;
  int bad = 0, n_expect = 0, n_status = 0, n_triage = 0;
  const char *want_status = "ok";
  xmlNode *root = xmlDocGetRootElement(doc);
  int before_root = 1;
  for (xmlNode *n = doc->children; n; n = n->next) {
    if (n == root) {
      before_root = 0;
      continue;
    }
    if (n->type != XML_PI_NODE || strncmp((const char *)n->name, "qscore", 6) != 0)
      continue;
    qs_buf text = {0};
    qs_buf_addf(&text, "<?%s %s?>", (const char *)n->name,
                n->content ? (const char *)n->content : "");
    ctx c = {rs, path, xmlGetLineNo(n), text.s};
    int def = pi_def_of((const char *)n->name);
    if (!before_root) {
      failf(&c, "must come before the root element");
      bad = 1;
    } else if (def < 0) {
      failf(&c, "unknown processing instruction (see tests/cases/README.md)");
      bad = 1;
    } else {
      qs_grow(&pis, &cap_pis, n_pis + 1, sizeof *pis);
      pi *p = &pis[n_pis];
      *p = (pi){.kind = pi_defs[def].kind, .line = c.line};
      if (pi_parse(&c, p, (size_t)def, (const char *)n->content) != 0 ||
          pi_check(&c, e, p, rules, n_rules) != 0) {
        pi_free(p);
        bad = 1;
      } else {
        p->text = qs_buf_take(&text);
        n_pis++;
        n_expect += p->kind != K_PARAM && p->kind != K_ATTACHMENTS;
        if (p->kind == K_STATUS) {
          n_status++;
          want_status = p->args[0];
        }
        n_triage += p->kind == K_TRIAGE;
        if ((p->kind == K_FLAG || p->kind == K_NO_FLAG))
          sl_add_unique(&rs->codes_exp, p->args[1]);
      }
    }
    qs_buf_free(&text);
  }
  if (root)
    misplaced_pis(&c0, root->children);
  xmlFreeDoc(doc);

  if (n_expect == 0) {
    failf(&c0, "the case states no expectation (<?qscore-expect ...?> and the like)");
    bad = 1;
  }
  if (n_status > 1 || n_triage > 1) {
    failf(&c0, "more than one qscore-expect-%s", n_status > 1 ? "status" : "triage");
    bad = 1;
  }
  if (strcmp(want_status, "ok") != 0 && n_expect > 1) {
    failf(&c0,
          "a case expecting status %s has no report: qscore-expect-status must be its only "
          "expectation",
          want_status);
    bad = 1;
  }

  /* Parameters, in file order. */
  for (size_t i = 0; i < n_pis; i++) {
    if (pis[i].kind != K_PARAM)
      continue;
    qs_diag d;
    qs_diag_init(&d, QS_LANG_EN);
    if (qs_engine_set_param(e, pis[i].args[0], &d) != 0) {
      char *buf = qs_diag_string(&d);
      ctx c = {rs, path, pis[i].line, pis[i].text};
      failf(&c, "parameter refused: %s", buf);
      free(buf);
      bad = 1;
    }
    qs_diag_free(&d);
  }

  /* --attachments: the case's own folder. */
  for (size_t i = 0; i < n_pis; i++)
    if (pis[i].kind == K_ATTACHMENTS) {
      const char *slash = strrchr(path, '/');
      char *dir = slash ? qs_xstrndup(path, (size_t)(slash - path)) : qs_xstrdup(".");
      qs_engine_set_attachments(e, dir, 0);
      free(dir);
    }

  qs_report *rep = NULL;
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_status st = qs_engine_score(e, path, &rep, &d);
  qs_engine_set_attachments(e, NULL, 0);
  static const char *const status_names[] = {"ok", "invalid", "rules"};
  collect_fired(rs, e, rules, n_rules);
  if (rep) {
    rs->scored++;
    for (size_t i = 0; i < rep->n_flags; i++)
      sl_add_unique(&rs->codes_set, rep->flags[i].code);
    for (size_t r = 0; r < rep->n_results; r++)
      for (size_t i = 0; i < rep->results[r].n_flags; i++)
        sl_add_unique(&rs->codes_set, rep->results[r].flags[i].code);
  }
  if (rep)
    check_languages(&c0, rep);
  if (strcmp(status_names[st], want_status) != 0) {
    char *buf = qs_diag_string(&d);
    failf(&c0, "expected status %s, got %s%s%s", want_status, status_names[st], buf[0] ? ":\n" : "",
          buf);
    free(buf);
  } else if (rep && !bad) {
    for (size_t i = 0; i < n_pis; i++) {
      ctx c = {rs, path, pis[i].line, pis[i].text};
      expect(&c, rep, &pis[i]);
    }
  }
  qs_diag_free(&d);
  qs_report_free(rep);
  for (size_t i = 0; i < n_pis; i++)
    pi_free(&pis[i]);
  free(pis);
  for (size_t i = 0; i < n_rules; i++)
    free(rules[i]);
  free(rules);
  qs_engine_free(e);
}

static void run_dir(run_state *rs, const char *sub) {
  qs_buf dir = {0};
  qs_buf_addf(&dir, "%s/%s", CASES_DIR, sub);
  strlist files = {0};
  find_cases(dir.s, &files, NULL);
  for (size_t i = 0; i < files.n; i++)
    run_case(rs, files.s[i]);
  if (rs->check)
    cr_expect(files.n > 0, "%s: no case files (*.xml)", dir.s);
  sl_free(&files);
  qs_buf_free(&dir);
}

static void run_state_free(run_state *rs) {
  sl_free(&rs->fired);
  sl_free(&rs->codes_set);
  sl_free(&rs->codes_exp);
}

static void check_dir(const char *sub) {
  run_state rs = {.check = 1};
  run_dir(&rs, sub);
  run_state_free(&rs);
}

/* ------------------------------------------------------------------ the tests */

Test(cases, mechanism) { check_dir("mechanism"); }
Test(cases, survey) { check_dir("survey"); }
Test(cases, infrastructure) { check_dir("infrastructure"); }
Test(cases, talent) { check_dir("talent"); }
Test(cases, sme) { check_dir("sme"); }
Test(cases, management) { check_dir("management"); }
Test(cases, development) { check_dir("development"); }
Test(cases, quality) { check_dir("quality"); }
Test(cases, green) { check_dir("green"); }
Test(cases, standards) { check_dir("standards"); }
Test(cases, brand) { check_dir("brand"); }
Test(cases, capability) { check_dir("capability"); }
Test(cases, measure) { check_dir("measure"); }
Test(cases, checks) { check_dir("checks"); }

/* Every file under tests/cases is a case of a directory that has a Test (or the README). */
Test(cases, layout) {
  strlist files = {0}, stray = {0};
  find_cases(CASES_DIR, &files, &stray);
  cr_expect(files.n > 0, "no case files under %s", CASES_DIR);
  for (size_t i = 0; i < stray.n; i++)
    cr_expect(strcmp(stray.s[i], CASES_DIR "/README.md") == 0,
              "%s: not a case (*.xml); case files end in .xml", stray.s[i]);
  for (size_t i = 0; i < files.n; i++) {
    const char *rest = files.s[i] + strlen(CASES_DIR "/");
    int known = 0;
    for (int k = 0; case_dirs[k]; k++) {
      size_t n = strlen(case_dirs[k]);
      known |= strncmp(rest, case_dirs[k], n) == 0 && rest[n] == '/';
    }
    cr_expect(known, "%s: not under a directory that has a Test in tests/test_cases.c", files.s[i]);
  }
  sl_free(&files);
  sl_free(&stray);
}

/* Every rule of the built-in rules fires in at least one case. */
Test(cases, rule_coverage) {
  run_state rs = {.check = 0};
  for (int k = 0; case_dirs[k]; k++)
    run_dir(&rs, case_dirs[k]);
  cr_assert(rs.scored > 0, "no case was scored");

  qs_engine *e = qs_test_engine();
  char **rules;
  size_t n_rules = qs_engine_rule_names(e, &rules);
  cr_expect(n_rules > 0, "the built-in rules have no defrule");
  qs_buf missing = {0};
  size_t n_missing = 0;
  for (size_t i = 0; i < n_rules; i++)
    if (!sl_has(&rs.fired, rules[i])) {
      qs_buf_addf(&missing, "\n  %s", rules[i]);
      n_missing++;
    }
  cr_expect(n_missing == 0, "%zu of %zu rules never fire in any of the %zu cases:%s", n_missing,
            n_rules, rs.cases, missing.s ? missing.s : "");
  qs_buf_free(&missing);

  qs_buf unseen = {0};
  for (size_t i = 0; i < rs.codes_exp.n; i++)
    if (!sl_has(&rs.codes_set, rs.codes_exp.s[i]))
      qs_buf_addf(&unseen, " %s", rs.codes_exp.s[i]);
  cr_expect(unseen.s == NULL,
            "flag codes named by expectations but raised by no case (misspelt?):%s",
            unseen.s ? unseen.s : "");
  qs_buf_free(&unseen);

  for (size_t i = 0; i < n_rules; i++)
    free(rules[i]);
  free(rules);
  qs_engine_free(e);
  run_state_free(&rs);
}
