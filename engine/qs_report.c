/* qs_report.c -- copying conclusions out of CLIPS, placing points, totals and triage. */
#include "qs_report.h"

#include <assert.h>

#include <libxml/hash.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qs_util.h"

const char *qs_severity_name(qs_severity s) {
  return s == QS_SEV_ERROR ? "error" : s == QS_SEV_WARNING ? "warning" : "info";
}

/* The evidence index: open addressing over the positions in rep->evidence (plus one; 0 is an
 * empty slot), at most half full, doubled as it fills. libxml2 2.9's hash tables stop growing
 * at 16,384 buckets: at 200,000 items every lookup walked a chain of a dozen ids. */
typedef struct {
  size_t cap; /* a power of two */
  size_t n;
  size_t *slot;
} ev_index;

static size_t hash_id(const char *s) {
  size_t h = 14695981039346656037u; /* FNV-1a */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* The slot of id: where it is, or the empty slot where it would go. */
static size_t ev_slot(const qs_report *rep, const ev_index *x, const char *id) {
  size_t mask = x->cap - 1, i = hash_id(id) & mask;
  while (x->slot[i] && strcmp(rep->evidence[x->slot[i] - 1].id, id) != 0)
    i = (i + 1) & mask;
  return i;
}

static void ev_grow(const qs_report *rep, ev_index *x) {
  size_t old_cap = x->cap, *old = x->slot;
  x->cap = old_cap ? 2 * old_cap : 256;
  x->slot = qs_xcalloc(x->cap, sizeof *x->slot);
  for (size_t i = 0; i < old_cap; i++)
    if (old[i])
      x->slot[ev_slot(rep, x, rep->evidence[old[i] - 1].id)] = old[i];
  free(old);
}

qs_report *qs_report_new(const qs_rubric *r) {
  qs_report *rep = qs_xcalloc(1, sizeof *rep);
  rep->rubric = r;
  rep->n_results = r->n_inds;
  rep->results = qs_xcalloc(r->n_inds, sizeof *rep->results);
  for (size_t i = 0; i < r->n_inds; i++)
    rep->results[i].def = &r->inds[i];
  rep->section_points = qs_xcalloc(r->n_sections, sizeof *rep->section_points);
  rep->evidence_index = qs_xcalloc(1, sizeof(ev_index));
  rep->triage = "review";
  return rep;
}

/* The evidence lists of reasons and flags hold the report's own evidence ids
 * (rep->evidence[..].id), not copies: only the list is freed. */
static void free_flags(qs_flag *f, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(f[i].code);
    free(f[i].rule);
    free(f[i].text);
    free(f[i].text_en);
    qs_finding_clear(&f[i].finding);
    free(f[i].evidence);
  }
  free(f);
}

/* The evidence items, freed as the submission's they came from (the report's own index,
 * rep->evidence_index, stays: qs_report_index_evidence fills it again). */
static void free_evidence(qs_report *rep) {
  qs_submission ev = {.evidence = rep->evidence, .n_evidence = rep->n_evidence};
  qs_submission_free(&ev);
  rep->evidence = NULL;
  rep->n_evidence = rep->cap_evidence = 0;
}

void qs_report_free(qs_report *rep) {
  if (!rep)
    return;
  for (size_t i = 0; i < rep->n_results; i++) {
    qs_result *res = &rep->results[i];
    free(res->choice_rule);
    for (size_t k = 0; k < res->n_reasons; k++) {
      free(res->reasons[k].rule);
      free(res->reasons[k].condition);
      if (res->reasons[k].shares_held)
        continue; /* its words, finding and evidence list are those of a held entry */
      free(res->reasons[k].text);
      free(res->reasons[k].text_en);
      qs_finding_clear(&res->reasons[k].finding);
      free(res->reasons[k].evidence);
    }
    free(res->reasons);
    for (size_t k = 0; k < res->n_held; k++) {
      free(res->held[k].rule);
      free(res->held[k].condition);
      free(res->held[k].text);
      free(res->held[k].text_en);
      qs_finding_clear(&res->held[k].finding);
      free(res->held[k].evidence);
    }
    free(res->held);
    free(res->placed);
    for (size_t k = 0; k < res->n_gaps; k++) {
      free(res->gaps[k].condition);
      free(res->gaps[k].text);
      free(res->gaps[k].text_en);
    }
    free(res->gaps);
    for (size_t k = 0; k < res->n_excluded; k++) {
      free(res->excluded[k].rule); /* evidence: the report's own id */
      free(res->excluded[k].text);
      free(res->excluded[k].text_en);
      qs_finding_clear(&res->excluded[k].finding);
    }
    free(res->excluded);
    free_flags(res->flags, res->n_flags);
  }
  free(rep->results);
  free(rep->section_points);
  free_flags(rep->flags, rep->n_flags);
  free_evidence(rep);
  if (rep->evidence_index)
    free(((ev_index *)rep->evidence_index)->slot);
  free(rep->evidence_index);
  free(rep->qscore_version);
  free(rep->rules_sha256);
  free(rep->path);
  free(rep->id);
  free(rep->title);
  free(rep->region);
  free(rep->province);
  free(rep->city);
  free(rep->chain);
  free(rep->work_start);
  free(rep->window_start);
  free(rep->as_of);
  free(rep->window_end);
  free(rep);
}

void qs_report_index_evidence(qs_report *rep) {
  ev_index *x = rep->evidence_index;
  if (x->cap)
    memset(x->slot, 0, x->cap * sizeof *x->slot);
  x->n = 0;
  for (size_t k = 0; k < rep->n_evidence; k++) {
    if (2 * (x->n + 1) > x->cap)
      ev_grow(rep, x);
    size_t i = ev_slot(rep, x, rep->evidence[k].id);
    if (!x->slot[i]) { /* the schema makes ids unique (xs:ID); the first wins */
      x->slot[i] = k + 1;
      x->n++;
    }
  }
}

/* The string *to gets from's, which is taken (to's own is freed). */
static void take_str(char **to, char **from) {
  free(*to);
  *to = *from;
  *from = NULL;
}

void qs_report_take_submission(qs_report *rep, qs_submission *sub) {
  take_str(&rep->id, &sub->id);
  take_str(&rep->title, &sub->title);
  take_str(&rep->region, &sub->region);
  take_str(&rep->province, &sub->province);
  take_str(&rep->city, &sub->city);
  take_str(&rep->chain, &sub->chain);
  take_str(&rep->work_start, &sub->work_start);
  take_str(&rep->window_start, &sub->window_start);
  take_str(&rep->window_end, &sub->window_end);
  take_str(&rep->as_of, &sub->as_of);
  rep->window_months = sub->window_months;
  free_evidence(rep);
  rep->evidence = sub->evidence;
  rep->n_evidence = sub->n_evidence;
  rep->cap_evidence = sub->cap_evidence;
  sub->evidence = NULL;
  sub->n_evidence = sub->cap_evidence = 0;
  /* The report looks evidence up through its own index, which grows with the items (libxml2's
   * hash of the importer stops growing at 16,384 buckets). */
  qs_report_index_evidence(rep);
}

const qs_evidence *qs_report_evidence(const qs_report *rep, const char *id) {
  const ev_index *x = rep->evidence_index;
  if (!x->cap)
    return NULL;
  size_t k = x->slot[ev_slot(rep, x, id)];
  return k ? &rep->evidence[k - 1] : NULL;
}

/* ------------------------------------------------------------------ collecting */

typedef struct {
  qs_report *rep;
  qs_env *qe;
  const qs_rule_index *rules;
  qs_diag *d;
  int bad;
  int scores_only; /* the flags' code, rule and severity only: no evidence, no words */
} collector;

static qs_result *result_for(collector *c, const char *indicator, const char *what,
                             const char *rule) {
  for (size_t i = 0; i < c->rep->n_results; i++)
    if (strcmp(c->rep->results[i].def->id, indicator) == 0)
      return &c->rep->results[i];
  qs_diag_add(c->d, NULL, 0, qs_msg_get(c->d->lang, QS_M_RULES_UNKNOWN_REF), rule,
              qs_msg_get(c->d->lang, QS_M_REF_INDICATOR), indicator);
  (void)what;
  c->bad = 1;
  return NULL;
}

static int check_rule(collector *c, const char *rule) {
  if (xmlHashLookup(c->rules->modules, (const xmlChar *)rule))
    return 0;
  qs_diag_add(c->d, NULL, 0, qs_msg_get(c->d->lang, QS_M_RULES_UNKNOWN_REF), rule[0] ? rule : "?",
              qs_msg_get(c->d->lang, QS_M_REF_RULE), rule[0] ? rule : "\"\"");
  c->bad = 1;
  return -1;
}

static int check_evidence(collector *c, const char *rule, char **ev, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!qs_report_evidence(c->rep, ev[i])) {
      qs_diag_add(c->d, NULL, 0, qs_msg_get(c->d->lang, QS_M_RULES_UNKNOWN_REF), rule,
                  qs_msg_get(c->d->lang, QS_M_REF_EVIDENCE), ev[i]);
      c->bad = 1;
      return -1;
    }
  return 0;
}

/* The evidence slot of a conclusion as the report's own ids (rep->evidence[..].id: the list
 * is the caller's, the strings the report's), and the earliest input line they are on. -1,
 * with the rule named, for an id the submission does not have. */
static int evidence_of(collector *c, void *f, const char *rule, char ***out, size_t *n,
                       long *first) {
  const char **ids;
  *n = qs_slot_strs_view(c->qe, f, "evidence", &ids);
  /* The earliest input line among them, for sorting (LONG_MAX for none). */
  *first = LONG_MAX;
  for (size_t i = 0; i < *n; i++) {
    const qs_evidence *e = qs_report_evidence(c->rep, ids[i]);
    if (e && e->line < *first)
      *first = e->line;
    if (!e) {
      check_evidence(c, rule, (char **)&ids[i], 1);
      free(ids);
      *out = NULL;
      *n = 0;
      return -1;
    }
    ids[i] = e->id;
  }
  *out = (char **)ids;
  return 0;
}

static int cond_index(const qs_indicator_def *def, const char *id) {
  for (size_t i = 0; i < def->n_conds; i++)
    if (strcmp(def->conds[i].id, id) == 0)
      return (int)i;
  return -1;
}

static const qs_factor_def *factor_def(const qs_indicator_def *def, const char *id, int level,
                                       int *index) {
  for (size_t i = 0; i < def->n_factors; i++)
    if (strcmp(def->factors[i].id, id) == 0 && (level < 0 || def->factors[i].level == level)) {
      if (index)
        *index = (int)i;
      return &def->factors[i];
    }
  return NULL;
}

static qs_severity parse_severity(const char *s) {
  if (strcmp(s, "error") == 0)
    return QS_SEV_ERROR;
  if (strcmp(s, "warning") == 0)
    return QS_SEV_WARNING;
  return QS_SEV_INFO;
}

static void *template_or_fail(collector *c, const char *name) {
  void *t = qs_env_template(c->qe, name);
  if (!t) {
    qs_diag_add(c->d, NULL, 0, qs_msg_get(c->d->lang, QS_M_RULES_TEMPLATE), name);
    c->bad = 1;
  }
  return t;
}

#define STR(f, s) qs_xstrdup(qs_slot_str(c->qe, (f), (s)))

/* The words of a conclusion fact: the finding it states (msg, args) in both languages. -1,
 * with the rule named in the diagnostics, when the fact states none or the finding cannot be
 * put into words (an unknown message id, a missing argument, a word table without the value). */
static int words_of(collector *c, void *f, const char *rule, qs_finding *finding, char **text,
                    char **text_en) {
  char *err = NULL;
  *text = *text_en = NULL;
  if (qs_slot_msg(c->qe, f, "msg", "args", finding, &err) == 0 && !finding->id)
    err = qs_xstrdup("a conclusion without a finding (msg nil)");
  /* The words in both languages; the finding keeps only the parameters they name. */
  if (!err && qs_finding_words(finding, text, text_en, &err) == 0)
    return 0;
  qs_diag_add(c->d, NULL, 0, qs_msg_get(c->d->lang, QS_M_RULES_FINDING), rule, err);
  c->bad = 1;
  free(err);
  free(*text);
  free(*text_en);
  *text = *text_en = NULL;
  qs_finding_clear(finding);
  return -1;
}

static void collect_choices(collector *c) {
  void *t = template_or_fail(c, "choice");
  if (!t)
    return;
  for (void *f = qs_env_next_fact(c->qe, t, NULL); f; f = qs_env_next_fact(c->qe, t, f)) {
    const char *rule = qs_slot_str(c->qe, f, "rule");
    qs_result *res = result_for(c, qs_slot_str(c->qe, f, "indicator"), "choice", rule);
    if (!res)
      continue;
    int level = (int)qs_slot_int(c->qe, f, "level");
    if (!qs_indicator_band(res->def, level)) {
      qs_buf b = {0};
      qs_buf_addf(&b, "%d", level);
      qs_diag_add(c->d, NULL, 0, qs_msg_get(c->d->lang, QS_M_RULES_UNKNOWN_REF), rule,
                  qs_msg_get(c->d->lang, QS_M_REF_BAND), b.s);
      qs_buf_free(&b);
      c->bad = 1;
      continue;
    }
    if (res->level != 0) {
      /* Exactly one band per indicator: a second choice is a rules error naming both. */
      qs_buf b = {0};
      const char *w1 = xmlHashLookup(c->rules->where, (const xmlChar *)res->choice_rule);
      const char *w2 = xmlHashLookup(c->rules->where, (const xmlChar *)rule);
      qs_buf_addf(&b, "%d (%s%s%s), %d (%s%s%s)", res->level, res->choice_rule, w1 ? ", " : "",
                  w1 ? w1 : "", level, rule, w2 ? ", " : "", w2 ? w2 : "");
      qs_diag_add(c->d, c->rep->path, 0, qs_msg_get(c->d->lang, QS_M_RULES_CONFLICT), res->def->id,
                  b.s);
      qs_buf_free(&b);
      c->bad = 1;
      continue;
    }
    res->level = level;
    res->choice_rule = qs_xstrdup(rule);
  }
}

static void collect_reasons(collector *c, const char *tname, int factors) {
  void *t = template_or_fail(c, tname);
  if (!t)
    return;
  for (void *f = qs_env_next_fact(c->qe, t, NULL); f; f = qs_env_next_fact(c->qe, t, f)) {
    int is_factor = factors;
    const char *rule = qs_slot_str(c->qe, f, "rule");
    qs_result *res = result_for(c, qs_slot_str(c->qe, f, "indicator"), tname, rule);
    if (!res || check_rule(c, rule) != 0)
      continue;
    const char *id = qs_slot_str(c->qe, f, is_factor ? "id" : "condition");
    int index = -1, points = 0;
    int level;
    if (is_factor) {
      const qs_factor_def *any = factor_def(res->def, id, -1, NULL);
      if (!any) {
        qs_diag_add(c->d, NULL, 0, qs_msg_get(c->d->lang, QS_M_RULES_UNKNOWN_REF), rule,
                    "factor-def", id);
        c->bad = 1;
        continue;
      }
      const qs_factor_def *fd = factor_def(res->def, id, res->level, &index);
      if (!fd)
        continue; /* a factor of another band than the one chosen */
      points = fd->points;
      level = fd->level;
    } else {
      index = cond_index(res->def, id);
      if (index < 0) {
        qs_diag_add(c->d, NULL, 0, qs_msg_get(c->d->lang, QS_M_RULES_UNKNOWN_REF), rule,
                    "condition", id);
        c->bad = 1;
        continue;
      }
      level = res->def->conds[index].level;
      /* Every held fact is kept for explain, whichever band it is for. */
      char **hev;
      size_t hn;
      long hfirst;
      if (evidence_of(c, f, rule, &hev, &hn, &hfirst) != 0)
        continue;
      qs_finding hf;
      char *ht, *hte;
      if (words_of(c, f, rule, &hf, &ht, &hte) != 0) {
        free(hev);
        continue;
      }
      res->held = qs_xrealloc(res->held, (res->n_held + 1) * sizeof *res->held);
      res->held[res->n_held++] = (qs_reason){
          .rule = qs_xstrdup(rule),
          .condition = qs_xstrdup(id),
          .text = ht,
          .text_en = hte,
          .finding = hf,
          .evidence = hev,
          .n_evidence = hn,
          .sort_key = index * 1000,
          .level = level,
          .first_line = hfirst,
      };
      if (level != res->level) {
        /* Held for another band: it counts only as a factor of the chosen band that names
         * this condition (the band partly meets the next one). */
        const qs_factor_def *fd = NULL;
        for (size_t k = 0; k < res->def->n_factors && !fd; k++)
          if (res->def->factors[k].level == res->level &&
              strcmp(res->def->factors[k].condition, id) == 0) {
            fd = &res->def->factors[k];
            index = (int)k;
          }
        if (!fd)
          continue;
        is_factor = 1;
        points = fd->points;
        id = fd->id;
      }
    }
    /* A reason from a held fact is the held entry's words: the same fact, so the same words,
     * finding and evidence, shared rather than made twice. */
    char **ev;
    size_t n;
    long first;
    qs_finding rf;
    char *rt, *rte;
    int shares = !factors;
    if (shares) {
      const qs_reason *h = &res->held[res->n_held - 1];
      ev = h->evidence;
      n = h->n_evidence;
      first = h->first_line;
      rf = h->finding;
      rt = h->text;
      rte = h->text_en;
    } else {
      if (evidence_of(c, f, rule, &ev, &n, &first) != 0)
        continue;
      if (words_of(c, f, rule, &rf, &rt, &rte) != 0) {
        free(ev);
        continue;
      }
    }
    res->reasons = qs_xrealloc(res->reasons, (res->n_reasons + 1) * sizeof *res->reasons);
    res->reasons[res->n_reasons++] = (qs_reason){
        .rule = qs_xstrdup(rule),
        .condition = qs_xstrdup(id),
        .is_factor = is_factor,
        .points = points,
        .text = rt,
        .text_en = rte,
        .finding = rf,
        .evidence = ev,
        .n_evidence = n,
        .sort_key = (long)is_factor * 1000000 + index * 1000,
        .level = level,
        .first_line = first,
        .shares_held = shares,
    };
  }
}

static void collect_excluded(collector *c) {
  void *t = template_or_fail(c, "excluded");
  if (!t)
    return;
  for (void *f = qs_env_next_fact(c->qe, t, NULL); f; f = qs_env_next_fact(c->qe, t, f)) {
    const char *rule = qs_slot_str(c->qe, f, "rule");
    qs_result *res = result_for(c, qs_slot_str(c->qe, f, "indicator"), "excluded", rule);
    if (!res || check_rule(c, rule) != 0)
      continue;
    /* The report's own id (rep->evidence[..].id), not a copy. */
    char *ev = (char *)qs_slot_str(c->qe, f, "evidence");
    if (check_evidence(c, rule, &ev, 1) != 0)
      continue;
    const qs_evidence *xe = qs_report_evidence(c->rep, ev);
    ev = xe->id;
    qs_finding xf;
    char *xt, *xte;
    if (words_of(c, f, rule, &xf, &xt, &xte) != 0)
      continue;
    res->excluded = qs_xrealloc(res->excluded, (res->n_excluded + 1) * sizeof *res->excluded);
    res->excluded[res->n_excluded++] = (qs_exclusion){ev, qs_xstrdup(rule), xt, xte, xe->line, xf};
  }
}

static void collect_flags(collector *c) {
  void *t = template_or_fail(c, "flag");
  if (!t)
    return;
  for (void *f = qs_env_next_fact(c->qe, t, NULL); f; f = qs_env_next_fact(c->qe, t, f)) {
    const char *rule = qs_slot_str(c->qe, f, "rule");
    const char *ind = qs_slot_str(c->qe, f, "indicator");
    if (check_rule(c, rule) != 0)
      continue;
    qs_flag **list;
    size_t *n;
    if (strcmp(ind, "nil") == 0 || ind[0] == '\0') {
      list = &c->rep->flags;
      n = &c->rep->n_flags;
    } else {
      qs_result *res = result_for(c, ind, "flag", rule);
      if (!res)
        continue;
      list = &res->flags;
      n = &res->n_flags;
    }
    if (c->scores_only) {
      *list = qs_xrealloc(*list, (*n + 1) * sizeof **list);
      (*list)[(*n)++] = (qs_flag){
          .code = STR(f, "code"),
          .rule = qs_xstrdup(rule),
          .severity = parse_severity(qs_slot_str(c->qe, f, "severity")),
      };
      continue;
    }
    char **ev;
    size_t ne;
    long first;
    if (evidence_of(c, f, rule, &ev, &ne, &first) != 0)
      continue;
    qs_finding ff;
    char *ft, *fte;
    if (words_of(c, f, rule, &ff, &ft, &fte) != 0) {
      free(ev);
      continue;
    }
    *list = qs_xrealloc(*list, (*n + 1) * sizeof **list);
    (*list)[(*n)++] = (qs_flag){
        .code = STR(f, "code"),
        .rule = qs_xstrdup(rule),
        .text = ft,
        .text_en = fte,
        .finding = ff,
        .severity = parse_severity(qs_slot_str(c->qe, f, "severity")),
        .evidence = ev,
        .n_evidence = ne,
        .first_line = ne ? first : 0,
    };
  }
}

static void collect_gaps(collector *c) {
  void *t = template_or_fail(c, "gap");
  if (!t)
    return;
  for (void *f = qs_env_next_fact(c->qe, t, NULL); f; f = qs_env_next_fact(c->qe, t, f)) {
    qs_result *res = result_for(c, qs_slot_str(c->qe, f, "indicator"), "gap", "gap");
    if (!res)
      continue;
    const char *id = qs_slot_str(c->qe, f, "condition");
    int k = cond_index(res->def, id);
    if (k < 0) {
      qs_diag_add(c->d, NULL, 0, qs_msg_get(c->d->lang, QS_M_RULES_UNKNOWN_REF), "gap", "condition",
                  id);
      c->bad = 1;
      continue;
    }
    const qs_condition *cd = &res->def->conds[k];
    res->gaps = qs_xrealloc(res->gaps, (res->n_gaps + 1) * sizeof *res->gaps);
    /* The condition's own text; it names parameters as {name}: show their values of this run. */
    res->gaps[res->n_gaps++] = (qs_gap){(int)qs_slot_int(c->qe, f, "level"), qs_xstrdup(id),
                                        qs_rubric_expand(c->rep->rubric, cd->text),
                                        qs_rubric_expand(c->rep->rubric, cd->text_en)};
  }
}

/* The placement DECIDE made (placement, placed): the points inside the chosen band and which
 * factors of that band are present. The rules' arithmetic is checked here, so that a report
 * never shows points outside its band or a sum that does not add up. */
static void collect_placement(collector *c) {
  void *tp = template_or_fail(c, "placement"), *tf = template_or_fail(c, "placed");
  if (!tp || !tf)
    return;
  for (size_t i = 0; i < c->rep->n_results; i++) {
    qs_result *res = &c->rep->results[i];
    const qs_indicator_def *d = res->def;
    for (size_t k = 0; k < d->n_factors; k++)
      if (d->factors[k].level == res->level && res->level > 0) {
        res->placed = qs_xrealloc(res->placed, (res->n_placed + 1) * sizeof *res->placed);
        res->placed[res->n_placed++] = (qs_placed){&d->factors[k], 0};
      }
  }
  for (void *f = qs_env_next_fact(c->qe, tf, NULL); f; f = qs_env_next_fact(c->qe, tf, f)) {
    qs_result *res = result_for(c, qs_slot_str(c->qe, f, "indicator"), "placed", "place");
    if (!res)
      continue;
    const char *id = qs_slot_str(c->qe, f, "factor");
    size_t k = 0;
    while (k < res->n_placed && strcmp(res->placed[k].def->id, id) != 0)
      k++;
    if (k == res->n_placed) {
      qs_diag_add(c->d, NULL, 0, qs_msg_get(c->d->lang, QS_M_RULES_UNKNOWN_REF), "place",
                  "factor-def", id);
      c->bad = 1;
      continue;
    }
    res->placed[k].present = 1;
  }
  for (void *f = qs_env_next_fact(c->qe, tp, NULL); f; f = qs_env_next_fact(c->qe, tp, f)) {
    qs_result *res = result_for(c, qs_slot_str(c->qe, f, "indicator"), "placement", "place");
    if (!res)
      continue;
    res->has_placement++;
    res->base = (int)qs_slot_int(c->qe, f, "base");
    res->points = (int)qs_slot_int(c->qe, f, "points");
    res->capped = strcmp(qs_slot_str(c->qe, f, "capped"), "yes") == 0;
    if ((int)qs_slot_int(c->qe, f, "level") != res->level)
      res->has_placement = 99; /* placed in another band than the one chosen */
  }
  for (size_t i = 0; i < c->rep->n_results; i++) {
    qs_result *res = &c->rep->results[i];
    const qs_band *b = qs_indicator_band(res->def, res->level);
    int sum = b ? b->min : 0;
    for (size_t k = 0; k < res->n_placed; k++)
      sum += res->placed[k].present ? res->placed[k].def->points : 0;
    int ok = b ? res->has_placement == 1 && res->base == b->min &&
                     res->points == (sum < b->max ? sum : b->max) && res->capped == (sum > b->max)
               : res->has_placement == 0;
    if (!ok) {
      qs_buf why = {0};
      qs_buf_addf(&why, "band %d, base %d, points %d, capped %d, placements %d", res->level,
                  res->base, res->points, res->capped, res->has_placement);
      qs_diag_add(c->d, NULL, 0, qs_msg_get(c->d->lang, QS_M_RULES_PLACEMENT), res->def->id, why.s);
      qs_buf_free(&why);
      c->bad = 1;
    }
  }
}

/* Sorting makes the report independent of the order rules happened to fire in. */
static const qs_indicator_def *sort_def;

/* The comparisons read first_line, found once per element as it is collected (evidence_of): a
 * reason may cite every item of a list, and the sort compares each element log n times. */
static int cmp_reason(const void *a, const void *b) {
  const qs_reason *x = a, *y = b;
  if (x->sort_key != y->sort_key)
    return x->sort_key < y->sort_key ? -1 : 1;
  if (x->first_line != y->first_line)
    return x->first_line < y->first_line ? -1 : 1;
  int k = strcmp(x->text, y->text);
  return k ? k : strcmp(x->rule, y->rule);
}

static int cmp_excluded(const void *a, const void *b) {
  const qs_exclusion *x = a, *y = b;
  if (x->first_line != y->first_line)
    return x->first_line < y->first_line ? -1 : 1;
  int k = strcmp(x->evidence, y->evidence);
  if (k)
    return k;
  k = strcmp(x->text, y->text);
  return k ? k : strcmp(x->rule, y->rule);
}

static int cmp_flag(const void *a, const void *b) {
  const qs_flag *x = a, *y = b;
  if (x->severity != y->severity)
    return x->severity > y->severity ? -1 : 1;
  if (x->first_line != y->first_line)
    return x->first_line < y->first_line ? -1 : 1;
  int k = strcmp(x->code, y->code);
  return k ? k : strcmp(x->text, y->text);
}

static int cmp_gap(const void *a, const void *b) {
  const qs_gap *x = a, *y = b;
  int ix = cond_index(sort_def, x->condition), iy = cond_index(sort_def, y->condition);
  if (x->level != y->level)
    return x->level < y->level ? -1 : 1;
  return (ix > iy) - (ix < iy);
}

/* The applicant's own scores, shown next to the suggested ones. */
static void collect_self(collector *c) {
  void *t = qs_env_template(c->qe, "self-score");
  for (void *f = t ? qs_env_next_fact(c->qe, t, NULL) : NULL; f;
       f = qs_env_next_fact(c->qe, t, f)) {
    const char *id = qs_slot_str(c->qe, f, "indicator");
    for (size_t i = 0; i < c->rep->n_results; i++)
      if (strcmp(c->rep->results[i].def->id, id) == 0) {
        c->rep->results[i].has_self = 1;
        c->rep->results[i].self_points = qs_slot_num(c->qe, f, "points");
      }
  }
  t = qs_env_template(c->qe, "self-total");
  void *f = t ? qs_env_next_fact(c->qe, t, NULL) : NULL;
  if (f) {
    c->rep->has_self_total = 1;
    c->rep->self_total = qs_slot_num(c->qe, f, "points");
  }
}

int qs_report_collect_scores(qs_report *rep, qs_env *qe, const qs_rule_index *rules, qs_diag *d) {
  collector c = {rep, qe, rules, d, 0, 1};
  collect_choices(&c);
  collect_flags(&c);
  collect_placement(&c);
  return c.bad ? -1 : 0;
}

int qs_report_collect(qs_report *rep, qs_env *qe, const qs_rule_index *rules, qs_diag *d) {
  collector c = {rep, qe, rules, d, 0, 0};
  collect_self(&c);
  collect_choices(&c);
  collect_reasons(&c, "held", 0);
  collect_reasons(&c, "factor", 1);
  collect_excluded(&c);
  collect_flags(&c);
  collect_gaps(&c);
  collect_placement(&c);
  for (size_t i = 0; i < rep->n_results; i++) {
    qs_result *res = &rep->results[i];
    sort_def = res->def;
    qs_sort(res->reasons, res->n_reasons, sizeof *res->reasons, cmp_reason);
    qs_sort(res->held, res->n_held, sizeof *res->held, cmp_reason);
    qs_sort(res->excluded, res->n_excluded, sizeof *res->excluded, cmp_excluded);
    qs_sort(res->flags, res->n_flags, sizeof *res->flags, cmp_flag);
    qs_sort(res->gaps, res->n_gaps, sizeof *res->gaps, cmp_gap);
  }
  qs_sort(rep->flags, rep->n_flags, sizeof *rep->flags, cmp_flag);
  sort_def = NULL;
  return c.bad ? -1 : 0;
}

/* ------------------------------------------------------------------ finishing */

static void add_flag(qs_flag **list, size_t *n, const char *code, qs_severity sev, const char *text,
                     const char *text_en) {
  *list = qs_xrealloc(*list, (*n + 1) * sizeof **list);
  (*list)[(*n)++] = (qs_flag){
      .code = qs_xstrdup(code),
      .rule = qs_xstrdup("engine"),
      .text = qs_xstrdup(text),
      .text_en = qs_xstrdup(text_en),
      .severity = sev,
  };
}

static void add_flagf(qs_flag **list, size_t *n, const char *code, qs_severity sev, qs_msg msg,
                      int arg) {
  qs_buf zh = {0}, en = {0};
  qs_buf_addf(&zh, qs_msg_get(QS_LANG_ZH, msg), arg);
  qs_buf_addf(&en, qs_msg_get(QS_LANG_EN, msg), arg);
  add_flag(list, n, code, sev, zh.s, en.s);
  qs_buf_free(&zh);
  qs_buf_free(&en);
}

static double param(const qs_report *rep, const char *name) {
  const qs_param *p = qs_rubric_param(rep->rubric, name);
  return p ? p->value : 0;
}

/* Placement inside the chosen band, one method for every indicator: the band minimum plus
 * the points of each of that band's factor-defs that a factor fact shows, capped at the
 * band maximum. */
void qs_report_finish(qs_report *rep) {
  const qs_rubric *r = rep->rubric;
  int not_scored = 0, errors = 0;
  rep->total = 0;
  rep->max_total = r->max_total;
  for (size_t i = 0; i < r->n_sections; i++)
    rep->section_points[i] = 0;
  for (size_t i = 0; i < rep->n_results; i++) {
    qs_result *res = &rep->results[i];
    /* Placed by DECIDE and checked by the collector: the points lie inside the chosen band. */
    assert(res->level == 0 ? res->points == 0
                           : res->points >= qs_indicator_band(res->def, res->level)->min &&
                                 res->points <= qs_indicator_band(res->def, res->level)->max);
    if (!res->def->scored) {
      not_scored++;
      add_flag(&res->flags, &res->n_flags, "not-scored", QS_SEV_WARNING,
               qs_msg_get(QS_LANG_ZH, QS_M_NOT_SCORED), qs_msg_get(QS_LANG_EN, QS_M_NOT_SCORED));
    } else if (res->level == 0) {
      add_flag(&res->flags, &res->n_flags, "no-band", QS_SEV_WARNING,
               qs_msg_get(QS_LANG_ZH, QS_M_NO_BAND), qs_msg_get(QS_LANG_EN, QS_M_NO_BAND));
    }
    for (size_t k = 0; k < res->n_flags; k++)
      errors += res->flags[k].severity == QS_SEV_ERROR;
    rep->total += res->points;
    for (size_t s = 0; s < r->n_sections; s++)
      if (strcmp(r->sections[s].id, res->def->section) == 0)
        rep->section_points[s] += res->points;
  }
  for (size_t k = 0; k < rep->n_flags; k++)
    errors += rep->flags[k].severity == QS_SEV_ERROR;
  if (not_scored)
    add_flagf(&rep->flags, &rep->n_flags, "incomplete", QS_SEV_WARNING, QS_M_INCOMPLETE,
              not_scored);
  if (errors)
    add_flagf(&rep->flags, &rep->n_flags, "error-flags", QS_SEV_INFO, QS_M_ERROR_FLAGS, errors);
  /* An error flag or an unscored indicator forces a human look, whatever the total. */
  if (errors || not_scored)
    rep->triage = "review";
  else if (rep->total >= param(rep, "triage-recommend-min"))
    rep->triage = "recommend";
  else if (rep->total >= param(rep, "triage-review-min"))
    rep->triage = "review";
  else
    rep->triage = "reject";
    /* The totals add up: the sections are the indicators', the total theirs, inside the rubric. */
#ifndef NDEBUG
  int sections = 0;
  for (size_t s = 0; s < r->n_sections; s++)
    sections += rep->section_points[s];
  assert(sections == rep->total);
  assert(rep->total >= 0 && rep->total <= rep->max_total);
#endif
}
