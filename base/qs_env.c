/* qs_env.c -- the CLIPS environment wrapper (see qs_env.h). */
#define _GNU_SOURCE /* memfd_create */
#include "qs_env.h"

#include <assert.h>
#include <clips/clips.h>
#include <libxml/hash.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

/* Freed memory is given back to the system at the start of a run when at least this much is
 * held (a DOM of about 10,000 evidence items); see give_back_freed. */
#define QS_GIVE_BACK_BYTES ((size_t)16 << 20)

/* CLIPS's own output is kept up to this size per run; a rule printing in a loop cannot
 * exhaust memory through it. */
#define QS_OUTPUT_LIMIT (64 * 1024)

/* jemalloc's control interface, when the program is linked with jemalloc (MALLOC_LIBS in the
 * Makefile); a weak reference, NULL in the builds with the C library's malloc. */
extern int mallctl(const char *name, void *old, size_t *old_len, void *new_value, size_t new_len)
    __attribute__((weak));

/* Give the pages of freed memory back to the system now. jemalloc keeps them for ten
 * seconds, for reuse, but reuses them only for allocations of the same size classes: the
 * input's DOM freed before the run, or the facts after it, stayed resident while the rules'
 * partial matches, the report and its JSON took new pages, and the peak was their sum. */
static void give_back_freed(size_t at_least) {
  if (!mallctl)
    return;
  if (at_least) {
    /* The freed pages jemalloc holds (its statistics, refreshed by "epoch"): a purge costs
     * the page faults of taking them again, worth it for a large submission only. */
    uint64_t epoch = 1;
    size_t len = sizeof epoch, pages = 0, plen = sizeof pages;
    if (mallctl("epoch", &epoch, &len, &epoch, len) == 0 &&
        mallctl("stats.arenas.4096.pdirty", &pages, &plen, NULL, 0) == 0 &&
        pages * (size_t)sysconf(_SC_PAGESIZE) < at_least)
      return;
  }
  mallctl("arena.4096.purge", NULL, NULL, NULL, 0); /* 4096: MALLCTL_ARENAS_ALL */
}

/* Firings of one rule in the current run, keyed by the rule's name as CLIPS stores it (one
 * string per rule, shared by the disjuncts of a rule with an or). */
typedef struct {
  const char *rule;
  long n;
} rule_firings;

struct qs_env {
  void *env;
  qs_buf out;
  size_t out_dropped;
  long werror_writes;
  long first_error_line; /* line count at the first werror write during a load, else 0 */
  int loading;
  int armed;
  unsigned ticks; /* calls of periodic() since the run started */
  int deadline_hit;
  struct timespec deadline;
  xmlHashTablePtr templates;
  char stopped_rule[128]; /* at the firing cap, the rule that would have fired next */
  /* Firings per rule in the current run: an open-addressing table (a power of two, at most
   * half full; the rules are a few hundred). */
  rule_firings *by_rule;
  size_t by_rule_cap, by_rule_n;
  long firings;          /* firings started in the current run */
  long facts_at_start;   /* facts when the run began */
  const char *executing; /* the rule whose actions are running, NULL between firings */
  long seen_firing;      /* the firing the clock last saw running (see periodic) */
  struct timespec seen_since;
  double seconds;       /* the run's deadline, in seconds from its start */
  char stuck_rule[128]; /* at the deadline, a rule stuck in one firing; "" otherwise */
  char error_rule[128]; /* the rule whose actions were running at the run's first error */
  double stuck_seconds; /* how long that firing had run */
  /* Facts kept across submissions (qs_env_keep_facts): the last of them and how many. */
  void *kept_last;
  long kept_count;
  int keeping;
  /* Tracking for re-runs (qs_env_track): for each fact asserted since, by fact index from
   * track_base, the module whose rule asserted it (its number + 1; 0: asserted from C, given)
   * and how far down that module's saliences its firings had gone in that run. */
  int tracking;
  long long track_base;
  unsigned char *owner;
  int *depth;
  size_t track_cap;
  const void *mods[QS_TRACK_MODULES]; /* the defmodules, by number, as the firings meet them */
  int n_mods;
  int cur_mod;                       /* the module of the firing running, -1 between firings */
  int lowest[QS_TRACK_MODULES];      /* the lowest salience each module fired at in this run */
  int retract_low[QS_TRACK_MODULES]; /* by module: the lowest salience it had fired at when
                                        one of its rules retracted a fact; INT_MAX: never */
  unsigned long long read_from[QS_TRACK_MODULES]; /* by module: whose facts its rules matched */
};

static size_t rule_slot(const qs_env *qe, const char *rule) {
  size_t mask = qe->by_rule_cap - 1, i = ((uintptr_t)rule >> 4) & mask;
  while (qe->by_rule[i].rule && qe->by_rule[i].rule != rule)
    i = (i + 1) & mask;
  return i;
}

/* The number of a module among those tracked, -1 beyond QS_TRACK_MODULES. */
static int module_number(qs_env *qe, const void *module) {
  for (int i = 0; i < qe->n_mods; i++)
    if (qe->mods[i] == module)
      return i;
  if (qe->n_mods == QS_TRACK_MODULES)
    return -1;
  qe->mods[qe->n_mods] = module;
  qe->lowest[qe->n_mods] = INT_MAX;
  return qe->n_mods++;
}

static int owner_of(const qs_env *qe, void *fact);

/* The modules whose facts the firing's patterns matched (a fact query or a not CE is not
 * seen: see qs_env_rules_read). */
static void note_reads(qs_env *qe, int m, const struct activation *a) {
  const struct partialMatch *pm = a->basis;
  for (unsigned i = 0; pm && i < pm->bcount; i++) {
    const struct alphaMatch *am = pm->binds[i].gm.theMatch;
    const struct patternEntity *pe = am ? am->matchingItem : NULL;
    if (!pe || !pe->theInfo || pe->theInfo->base.type != FACT_ADDRESS)
      continue;
    int o = owner_of(qe, (void *)pe);
    if (o > 0)
      qe->read_from[m] |= 1ull << (o - 1);
  }
}

/* Called by CLIPS before each firing: count it for its rule. */
static void before_firing(void *env, void *activation) {
  qs_env *qe = GetEnvironmentContext(env);
  if (!qe || !qe->armed)
    return;
  if (qe->tracking) {
    const struct activation *a = activation;
    int m = module_number(qe, a->theRule->header.whichModule->theModule);
    if (m < 0) {
      qe->tracking = 0; /* more modules than tracked: every rescore runs everything */
    } else {
      qe->cur_mod = m;
      if (a->salience < qe->lowest[m])
        qe->lowest[m] = a->salience;
      note_reads(qe, m, a);
    }
  }
  const char *rule = EnvGetActivationName(env, activation);
  if (2 * (qe->by_rule_n + 1) > qe->by_rule_cap) {
    rule_firings *old = qe->by_rule;
    size_t old_cap = qe->by_rule_cap;
    qe->by_rule_cap = old_cap ? 2 * old_cap : 512;
    qe->by_rule = qs_xcalloc(qe->by_rule_cap, sizeof *qe->by_rule);
    for (size_t i = 0; i < old_cap; i++)
      if (old[i].rule)
        qe->by_rule[rule_slot(qe, old[i].rule)] = old[i];
    free(old);
  }
  size_t i = rule_slot(qe, rule);
  if (!qe->by_rule[i].rule) {
    qe->by_rule[i].rule = rule;
    qe->by_rule_n++;
  }
  qe->by_rule[i].n++;
  qe->firings++;
  qe->executing = rule;
}

/* Called by CLIPS after each firing. */
static void after_firing(void *env) {
  qs_env *qe = GetEnvironmentContext(env);
  if (qe) {
    qe->executing = NULL;
    qe->cur_mod = -1;
  }
}

/* Called by CLIPS for every fact asserted: which module's rule asserted it (none: C did). */
static void on_assert(void *env, void *fact) {
  qs_env *qe = GetEnvironmentContext(env);
  if (!qe || !qe->tracking)
    return;
  long long at = EnvFactIndex(env, fact) - qe->track_base;
  if (at < 0) {
    qe->tracking = 0;
    return;
  }
  if ((size_t)at >= qe->track_cap) {
    size_t cap = qe->track_cap ? qe->track_cap : 4096;
    while (cap <= (size_t)at)
      cap *= 2;
    qe->owner = qs_xrealloc(qe->owner, cap);
    qe->depth = qs_xrealloc(qe->depth, cap * sizeof *qe->depth);
    memset(qe->owner + qe->track_cap, 0, cap - qe->track_cap);
    qe->track_cap = cap;
  }
  int m = qe->armed ? qe->cur_mod : -1;
  qe->owner[at] = (unsigned char)(m + 1);
  qe->depth[at] = m >= 0 ? qe->lowest[m] : INT_MAX;
}

/* The module number + 1 of the rule that asserted fact (0: given). */
static int owner_of(const qs_env *qe, void *fact) {
  long long at = EnvFactIndex(qe->env, fact) - qe->track_base;
  return at >= 0 && (size_t)at < qe->track_cap ? qe->owner[at] : 0;
}

/* Called by CLIPS for every fact retracted: a rule that retracts is remembered. */
static void on_retract(void *env, void *fact) {
  (void)fact;
  qs_env *qe = GetEnvironmentContext(env);
  if (!qe || !qe->tracking || !qe->armed || qe->cur_mod < 0)
    return;
  int m = qe->cur_mod;
  if (qe->lowest[m] < qe->retract_low[m])
    qe->retract_low[m] = qe->lowest[m];
}

static const char *const captured[] = {"werror",  "wwarning", "stdout",  "wdisplay", "wtrace",
                                       "wdialog", "wclips",   "wprompt", "t",        NULL};

static int router_query(void *env, const char *name) {
  (void)env;
  for (int i = 0; captured[i]; i++)
    if (strcmp(name, captured[i]) == 0)
      return TRUE;
  return FALSE;
}

static int router_print(void *env, const char *name, const char *str) {
  qs_env *qe = GetEnvironmentRouterContext(env);
  if (strcmp(name, "werror") == 0) {
    if (qe->loading && qe->first_error_line == 0)
      qe->first_error_line = GetLineCount(env);
    /* An error while a rule's actions run is that rule's. */
    if (qe->armed && qe->executing && !qe->error_rule[0])
      snprintf(qe->error_rule, sizeof qe->error_rule, "%s", qe->executing);
    qe->werror_writes++;
  }
  size_t n = strlen(str);
  if (qe->out.len + n <= QS_OUTPUT_LIMIT)
    qs_buf_addn(&qe->out, str, n);
  else
    qe->out_dropped += n;
  return TRUE;
}

static int router_exit(void *env, int code) {
  (void)env;
  (void)code;
  return TRUE;
}

static double seconds_between(const struct timespec *a, const struct timespec *b) {
  return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* Called by CLIPS during a run, also inside loops of a single rule's actions: hundreds of
 * thousands of times for a large file, so the clock is read on every 64th call only (calls
 * come microseconds apart; reading it each time was 3 % of scoring). Each reading also notes
 * when it first saw the current firing, so that at the deadline it can tell one firing that
 * ran for most of the time (a rule stuck in its actions) from many short ones. */
static void periodic(void *env) {
  qs_env *qe = GetEnvironmentContext(env);
  if (!qe || !qe->armed || (++qe->ticks & 63) != 1)
    return;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (qe->executing && qe->seen_firing != qe->firings) {
    qe->seen_firing = qe->firings;
    qe->seen_since = now;
  }
  if (now.tv_sec > qe->deadline.tv_sec ||
      (now.tv_sec == qe->deadline.tv_sec && now.tv_nsec >= qe->deadline.tv_nsec)) {
    qe->deadline_hit = 1;
    if (qe->executing && qe->seen_firing == qe->firings) {
      double ran = seconds_between(&qe->seen_since, &now);
      if (ran >= QS_STUCK_SHARE * qe->seconds) {
        snprintf(qe->stuck_rule, sizeof qe->stuck_rule, "%s", qe->executing);
        qe->stuck_seconds = ran;
      }
    }
    if (qe->executing)
      snprintf(qe->stopped_rule, sizeof qe->stopped_rule, "%s", qe->executing);
    SetHaltExecution(env, TRUE);
    EnvSetHaltRules(env, TRUE);
  }
}

qs_env *qs_env_new(void) {
  qs_env *qe = qs_xcalloc(1, sizeof *qe);
  qe->env = CreateEnvironment();
  if (!qe->env) {
    free(qe);
    return NULL;
  }
  SetEnvironmentContext(qe->env, qe);
  EnvAddRouterWithContext(qe->env, "qscore-capture", 40, router_query, router_print, NULL, NULL,
                          router_exit, qe);
  EnvAddPeriodicFunction(qe->env, "qscore-deadline", periodic, 0);
  EnvAddBeforeRunFunction(qe->env, "qscore-count", before_firing, 0);
  EnvAddRunFunction(qe->env, "qscore-count", after_firing, 0);
  EnvAddAssertFunction(qe->env, "qscore-track", on_assert, 0);
  EnvAddRetractFunction(qe->env, "qscore-track", on_retract, 0);
  qe->cur_mod = -1;
  qs_udf_define(qe->env);
  qe->templates = xmlHashCreate(64);
  return qe;
}

void qs_env_free(qs_env *qe) {
  if (!qe)
    return;
  DestroyEnvironment(qe->env);
  xmlHashFree(qe->templates, NULL);
  qs_buf_free(&qe->out);
  free(qe->by_rule);
  free(qe->owner);
  free(qe->depth);
  free(qe);
}

void *qs_env_clips(qs_env *qe) { return qe->env; }

int qs_env_load(qs_env *qe, const char *name, const char *text, qs_diag *d) {
  long before = qe->werror_writes;
  qe->loading = 1;
  qe->first_error_line = 0;
  EnvSetParsingFileName(qe->env, name);
  OpenStringSource(qe->env, "qscore-rules", text, 0);
  int ok = LoadConstructsFromLogicalName(qe->env, "qscore-rules");
  CloseStringSource(qe->env, "qscore-rules");
  EnvSetParsingFileName(qe->env, NULL);
  qe->loading = 0;
  if (ok == 1 && qe->werror_writes == before) {
    /* Keep warnings (a redefinition, say) out of the next error message. */
    qs_buf_free(&qe->out);
    return 0;
  }
  char *msg = qs_env_take_message(qe);
  qs_diag_add(d, name, qe->first_error_line, qs_msg_get(d->lang, QS_M_RULES_LOAD),
              msg[0] ? msg : "?");
  free(msg);
  return -1;
}

/* EnvBload reads only from a named file: the image goes into an anonymous memory file and
 * is read back through /proc/self/fd. Nothing is written to disk. */
int qs_env_bload(qs_env *qe, const void *image, size_t len) {
  int fd = memfd_create("qscore-rules", MFD_CLOEXEC);
  if (fd < 0)
    return -1;
  const char *p = image;
  for (size_t done = 0; done < len;) {
    ssize_t n = write(fd, p + done, len - done);
    if (n <= 0) {
      close(fd);
      return -1;
    }
    done += (size_t)n;
  }
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  long before = qe->werror_writes;
  int ok = access(path, R_OK) == 0 && EnvBload(qe->env, path) && qe->werror_writes == before;
  close(fd);
  qs_buf_free(&qe->out);
  return ok ? 0 : -1;
}

int qs_env_bsave(qs_env *qe, const char *path) { return EnvBsave(qe->env, path) ? 0 : -1; }

void qs_env_reset(qs_env *qe) {
  qe->tracking = 0; /* the facts and their indices start again */
  EnvReset(qe->env);
  qe->keeping = 0;
}

void qs_env_keep_facts(qs_env *qe) {
  qe->kept_last = NULL;
  qe->kept_count = 0;
  for (void *f = EnvGetNextFact(qe->env, NULL); f; f = EnvGetNextFact(qe->env, f)) {
    qe->kept_last = f;
    qe->kept_count++;
  }
  qe->keeping = 1;
}

/* Every rule of every module: refresh it (EnvRefresh) so that the matches of kept facts alone,
 * which fired in the last run, are on the agenda again as after a reset. */
static void refresh_rules(qs_env *qe) {
  void *current = EnvGetCurrentModule(qe->env);
  for (void *m = EnvGetNextDefmodule(qe->env, NULL); m; m = EnvGetNextDefmodule(qe->env, m)) {
    EnvSetCurrentModule(qe->env, m);
    for (void *r = EnvGetNextDefrule(qe->env, NULL); r; r = EnvGetNextDefrule(qe->env, r))
      EnvRefresh(qe->env, r);
  }
  EnvSetCurrentModule(qe->env, current);
}

int qs_env_clear_submission(qs_env *qe) {
  if (!qe->keeping)
    return -1;
  /* The kept facts come first in the fact list (it is in the order of assertion): every fact
   * after the last kept one is the submission's or a conclusion. */
  long kept = 0;
  void *f = EnvGetNextFact(qe->env, NULL);
  for (; f; f = EnvGetNextFact(qe->env, f)) {
    kept++;
    if (f == qe->kept_last)
      break;
  }
  if (!f || kept != qe->kept_count) {
    qe->keeping = 0; /* a rule retracted a kept fact: only a reset brings it back */
    return -1;
  }
  for (void *next = EnvGetNextFact(qe->env, f); next;) {
    void *after = EnvGetNextFact(qe->env, next);
    EnvRetract(qe->env, next);
    next = after;
  }
  assert((long)GetNumberOfFacts(qe->env) == qe->kept_count); /* only the kept facts are left */
  EnvClearFocusStack(qe->env);
  EnvSetCurrentModule(qe->env, EnvFindDefmodule(qe->env, "MAIN"));
  refresh_rules(qe);
  return 0;
}

/* ------------------------------------------------------------------ re-runs */

void qs_env_track(qs_env *qe) {
  qe->tracking = 1;
  qe->track_base = 0;
  void *last = NULL;
  for (void *f = EnvGetNextFact(qe->env, NULL); f; f = EnvGetNextFact(qe->env, f))
    last = f;
  /* Every fact there is now is given; the next one asserted is the first tracked. */
  qe->track_base = last ? EnvFactIndex(qe->env, last) + 1 : 0;
  if (qe->track_cap)
    memset(qe->owner, 0, qe->track_cap);
  for (int i = 0; i < QS_TRACK_MODULES; i++)
    qe->retract_low[i] = INT_MAX;
  memset(qe->read_from, 0, sizeof qe->read_from);
}

void qs_env_untrack(qs_env *qe) { qe->tracking = 0; }

int qs_env_tracking(const qs_env *qe) { return qe->tracking; }

static int tracked_number(qs_env *qe, const char *module) {
  void *m = EnvFindDefmodule(qe->env, module);
  for (int i = 0; m && i < qe->n_mods; i++)
    if (qe->mods[i] == m)
      return i;
  return -1;
}

int qs_env_rules_retracted(qs_env *qe, const char *module, int salience) {
  int m = tracked_number(qe, module);
  if (m < 0 || qe->retract_low[m] == INT_MAX)
    return 0;
  return salience == INT_MAX || qe->retract_low[m] <= salience;
}

int qs_env_rules_read(qs_env *qe, const char *module, const char *const *allowed,
                      size_t n_allowed) {
  int m = tracked_number(qe, module);
  if (m < 0)
    return 0; /* none of its rules fired */
  unsigned long long others = qe->read_from[m] & ~(1ull << m);
  for (size_t i = 0; i < n_allowed; i++) {
    int k = tracked_number(qe, allowed[i]);
    if (k >= 0)
      others &= ~(1ull << k);
  }
  return others != 0;
}

/* The rules of the current module at or below salience (dynamic salience: every rule). */
static void refresh_module(qs_env *qe, void *module, int below) {
  void *current = EnvGetCurrentModule(qe->env);
  EnvSetCurrentModule(qe->env, module);
  /* Activations left on the module's agenda by facts since gone or by later modules' facts
   * a run of its own never sees; a refresh puts back those that belong. */
  EnvDeleteActivation(qe->env, NULL);
  for (void *r = EnvGetNextDefrule(qe->env, NULL); r; r = EnvGetNextDefrule(qe->env, r)) {
    const struct defrule *d = r;
    if (below == INT_MAX || d->dynamicSalience || d->salience <= below)
      EnvRefresh(qe->env, r);
  }
  EnvSetCurrentModule(qe->env, current);
}

int qs_env_rerun_prepare(qs_env *qe, const qs_rerun *runs, size_t n) {
  if (!qe->tracking)
    return -1;
  /* For each tracked module, the salience from which it runs again (INT_MIN: it does not). */
  int from[QS_TRACK_MODULES];
  for (int i = 0; i < QS_TRACK_MODULES; i++)
    from[i] = INT_MIN;
  for (size_t k = 0; k < n; k++) {
    if (!EnvFindDefmodule(qe->env, runs[k].module))
      return -1;
    int m = tracked_number(qe, runs[k].module);
    if (m >= 0 && runs[k].salience > from[m])
      from[m] = runs[k].salience;
  }
  for (void *f = EnvGetNextFact(qe->env, NULL); f;) {
    void *next = EnvGetNextFact(qe->env, f);
    long long at = EnvFactIndex(qe->env, f) - qe->track_base;
    if (at >= 0 && (size_t)at < qe->track_cap && qe->owner[at] > 0) {
      int m = qe->owner[at] - 1;
      /* Asserted at or after the module's first firing at or below the salience. */
      if (from[m] != INT_MIN && (from[m] == INT_MAX || qe->depth[at] <= from[m]))
        EnvRetract(qe->env, f);
    }
    f = next;
  }
  EnvClearFocusStack(qe->env);
  for (size_t k = 0; k < n; k++)
    refresh_module(qe, EnvFindDefmodule(qe->env, runs[k].module), runs[k].salience);
  EnvSetCurrentModule(qe->env, EnvFindDefmodule(qe->env, "MAIN"));
  return 0;
}

int qs_env_rule_salience(qs_env *qe, const char *module, const char *rule) {
  char name[256];
  snprintf(name, sizeof name, "%s::%s", module, rule);
  const struct defrule *d = EnvFindDefrule(qe->env, name);
  if (!d)
    return INT_MAX;
  return d->dynamicSalience ? INT_MAX : d->salience;
}

/* The rule that would have fired next, into stopped_rule (in a loop, one of the loop's rules):
 * the first activation of the modules on the focus stack, from the top. 0 when there is none,
 * that is when the run had finished. */
static int next_rule(qs_env *qe) {
  void *current = EnvGetCurrentModule(qe->env);
  void *act = NULL;
  for (struct focus *f = EnvGetNextFocus(qe->env, NULL); f && !act;
       f = EnvGetNextFocus(qe->env, f)) {
    EnvSetCurrentModule(qe->env, f->theModule);
    act = EnvGetNextActivation(qe->env, NULL);
  }
  EnvSetCurrentModule(qe->env, current);
  snprintf(qe->stopped_rule, sizeof qe->stopped_rule, "%s",
           act ? EnvGetActivationName(qe->env, act) : "");
  return act != NULL;
}

qs_status qs_env_run(qs_env *qe, long max_firings, double seconds, long *fired) {
  long before = qe->werror_writes;
  clock_gettime(CLOCK_MONOTONIC, &qe->deadline);
  long whole = (long)seconds;
  qe->deadline.tv_sec += whole;
  qe->deadline.tv_nsec += (long)((seconds - (double)whole) * 1e9);
  if (qe->deadline.tv_nsec >= 1000000000L) {
    qe->deadline.tv_sec++;
    qe->deadline.tv_nsec -= 1000000000L;
  }
  qe->deadline_hit = 0;
  qe->stopped_rule[0] = '\0';
  qe->error_rule[0] = '\0';
  qe->stuck_rule[0] = '\0';
  qe->stuck_seconds = 0;
  qe->seconds = seconds;
  qe->ticks = 0;
  if (qe->by_rule_cap)
    memset(qe->by_rule, 0, qe->by_rule_cap * sizeof *qe->by_rule);
  qe->by_rule_n = 0;
  qe->firings = 0;
  qe->seen_firing = 0;
  qe->executing = NULL;
  qe->facts_at_start = (long)GetNumberOfFacts(qe->env);
  for (int i = 0; i < qe->n_mods; i++)
    qe->lowest[i] = INT_MAX;
  qe->cur_mod = -1;
  /* The input's DOM has just been freed: its pages go back before the rules take more. */
  give_back_freed(QS_GIVE_BACK_BYTES);
  qe->armed = 1;
  long n = EnvRun(qe->env, max_firings);
  qe->armed = 0;
  if (fired)
    *fired = n;
  int halted = GetHaltExecution(qe->env);
  SetHaltExecution(qe->env, FALSE);
  EnvSetHaltRules(qe->env, FALSE);
  if (qe->deadline_hit) {
    if (!qe->stopped_rule[0])
      next_rule(qe);
    return QS_E_DEADLINE;
  }
  if (qe->werror_writes != before || halted)
    return QS_E_RULES;
  /* At the cap with nothing left to fire, the run had finished with its last firing. */
  if (n >= max_firings && next_rule(qe))
    return QS_E_CAP;
  qe->stopped_rule[0] = '\0';
  return QS_OK;
}

char *qs_env_take_output(qs_env *qe) {
  if (qe->out_dropped)
    qs_buf_addf(&qe->out, " [... %zu bytes more]", qe->out_dropped);
  qe->out_dropped = 0;
  return qs_buf_take(&qe->out);
}

char *qs_env_take_message(qs_env *qe) {
  /* CLIPS lays its messages out over several indented lines; a diagnostic is one line. */
  char *s = qs_env_take_output(qe), *w = s;
  for (const char *r = s; *r; r++) {
    int space = *r == ' ' || *r == '\n' || *r == '\t' || *r == '\r';
    if (!space)
      *w++ = *r;
    else if (w > s && w[-1] != ' ')
      *w++ = ' ';
  }
  while (w > s && w[-1] == ' ')
    w--;
  *w = '\0';
  return s;
}

long qs_env_error_writes(const qs_env *qe) { return qe->werror_writes; }

long qs_env_firings(const qs_env *qe) { return qe->firings; }

long qs_env_facts_at_start(const qs_env *qe) { return qe->facts_at_start; }

const char *qs_env_busiest_rule(const qs_env *qe, long *fired) {
  const char *best = NULL;
  long n = 0;
  for (size_t i = 0; i < qe->by_rule_cap; i++) {
    const rule_firings *r = &qe->by_rule[i];
    if (r->rule && (r->n > n || (r->n == n && best && strcmp(r->rule, best) < 0))) {
      best = r->rule;
      n = r->n;
    }
  }
  if (fired)
    *fired = n;
  return best ? best : "";
}

long qs_env_rule_firings(const qs_env *qe, const char *rule) {
  for (size_t i = 0; i < qe->by_rule_cap; i++)
    if (qe->by_rule[i].rule && strcmp(qe->by_rule[i].rule, rule) == 0)
      return qe->by_rule[i].n;
  return 0;
}

const char *qs_env_stuck_rule(const qs_env *qe, double *seconds) {
  if (seconds)
    *seconds = qe->stuck_seconds;
  return qe->stuck_rule;
}

const char *qs_env_stopped_rule(const qs_env *qe) { return qe->stopped_rule; }

const char *qs_env_error_rule(const qs_env *qe) { return qe->error_rule; }

void qs_env_main_module(qs_env *qe) {
  void *m = EnvFindDefmodule(qe->env, "MAIN");
  if (m)
    EnvSetCurrentModule(qe->env, m);
}

void *qs_env_template(qs_env *qe, const char *name) {
  void *t = xmlHashLookup(qe->templates, (const xmlChar *)name);
  if (t)
    return t;
  t = EnvFindDeftemplate(qe->env, name);
  if (t)
    xmlHashAddEntry(qe->templates, (const xmlChar *)name, t);
  return t;
}

unsigned qs_env_slot_types(qs_env *qe, void *tmpl, const char *slot) {
  if (!tmpl || !EnvDeftemplateSlotExistP(qe->env, tmpl, slot))
    return 0;
  unsigned bits = QS_SLOT_EXISTS;
  if (EnvDeftemplateSlotMultiP(qe->env, tmpl, slot))
    bits |= QS_SLOT_MULTI;
  DATA_OBJECT v;
  EnvDeftemplateSlotTypes(qe->env, tmpl, slot, &v);
  if (GetType(v) != MULTIFIELD)
    return bits;
  void *mf = GetValue(v);
  for (long i = GetDOBegin(v); i <= GetDOEnd(v); i++) {
    const char *t = ValueToString(GetMFValue(mf, i));
    bits |= strcmp(t, "SYMBOL") == 0    ? QS_SLOT_SYMBOL
            : strcmp(t, "STRING") == 0  ? QS_SLOT_STRING
            : strcmp(t, "INTEGER") == 0 ? QS_SLOT_INTEGER
            : strcmp(t, "FLOAT") == 0   ? QS_SLOT_FLOAT
                                        : QS_SLOT_OTHER;
  }
  return bits;
}

static int get_slot(qs_env *qe, void *fact, const char *slot, DATA_OBJECT *v) {
  return EnvGetFactSlot(qe->env, fact, slot, v) ? 1 : 0;
}

const char *qs_slot_str(qs_env *qe, void *fact, const char *slot) {
  DATA_OBJECT v;
  if (!get_slot(qe, fact, slot, &v))
    return "";
  if (GetType(v) == STRING || GetType(v) == SYMBOL || GetType(v) == INSTANCE_NAME)
    return DOToString(v);
  return "";
}

long long qs_slot_int(qs_env *qe, void *fact, const char *slot) {
  DATA_OBJECT v;
  if (!get_slot(qe, fact, slot, &v))
    return 0;
  if (GetType(v) == INTEGER)
    return DOToLong(v);
  if (GetType(v) == FLOAT)
    return (long long)DOToDouble(v);
  return 0;
}

double qs_slot_num(qs_env *qe, void *fact, const char *slot) {
  DATA_OBJECT v;
  if (!get_slot(qe, fact, slot, &v))
    return 0;
  if (GetType(v) == INTEGER)
    return (double)DOToLong(v);
  if (GetType(v) == FLOAT)
    return DOToDouble(v);
  return 0;
}

int qs_slot_is_int(qs_env *qe, void *fact, const char *slot) {
  DATA_OBJECT v;
  return get_slot(qe, fact, slot, &v) && GetType(v) == INTEGER;
}

size_t qs_slot_strs_view(qs_env *qe, void *fact, const char *slot, const char ***out) {
  DATA_OBJECT v;
  *out = NULL;
  if (!get_slot(qe, fact, slot, &v) || GetType(v) != MULTIFIELD)
    return 0;
  void *mf = GetValue(v);
  long b = GetDOBegin(v), e = GetDOEnd(v);
  size_t n = e >= b ? (size_t)(e - b + 1) : 0;
  const char **a = qs_xcalloc(n ? n : 1, sizeof *a);
  size_t k = 0;
  for (long i = b; i <= e; i++) {
    int t = GetMFType(mf, i);
    if (t == STRING || t == SYMBOL)
      a[k++] = ValueToString(GetMFValue(mf, i));
  }
  *out = a;
  return k;
}

size_t qs_slot_strs(qs_env *qe, void *fact, const char *slot, char ***out) {
  const char **view;
  size_t n = qs_slot_strs_view(qe, fact, slot, &view);
  char **a = (char **)view; /* the same array, each string replaced by its copy */
  for (size_t i = 0; i < n; i++)
    a[i] = qs_xstrdup(view[i]);
  *out = a;
  return n;
}

int qs_slot_msg(qs_env *qe, void *fact, const char *msg_slot, const char *args_slot,
                qs_finding *out, char **err) {
  DATA_OBJECT v;
  *out = (qs_finding){0};
  *err = NULL;
  if (!get_slot(qe, fact, msg_slot, &v) || GetType(v) != SYMBOL ||
      strcmp(ValueToString(GetValue(v)), "nil") == 0)
    return 0;
  const char *id = ValueToString(GetValue(v));
  if (!get_slot(qe, fact, args_slot, &v) || GetType(v) != MULTIFIELD)
    return qs_finding_build(out, id, NULL, 0, err);
  void *mf = GetValue(v);
  long b = GetDOBegin(v), e = GetDOEnd(v);
  size_t n = e >= b ? (size_t)(e - b + 1) : 0;
  qs_token *t = qs_xcalloc(n ? n : 1, sizeof *t);
  for (long i = b; i <= e; i++) {
    qs_token *k = &t[i - b];
    void *val = GetMFValue(mf, i);
    switch (GetMFType(mf, i)) {
    case STRING:
      *k = (qs_token){.type = QS_ARG_STR, .s = ValueToString(val)};
      break;
    case INTEGER:
      *k = (qs_token){.type = QS_ARG_INT, .i = ValueToLong(val)};
      break;
    case FLOAT:
      *k = (qs_token){.type = QS_ARG_FLOAT, .f = ValueToDouble(val)};
      break;
    case SYMBOL:
      *k = (qs_token){.type = QS_ARG_SYM, .s = ValueToString(val)};
      break;
    default:
      *k = (qs_token){.type = QS_ARG_SYM, .s = "?"};
      break;
    }
  }
  int rc = qs_finding_build(out, id, t, n, err);
  free(t);
  return rc;
}

void *qs_env_next_fact(qs_env *qe, void *tmpl, void *fact) {
  return EnvGetNextFactInTemplate(qe->env, tmpl, fact);
}

/* ------------------------------------------------------------------ building facts */

void *qs_env_fact_new(qs_env *qe, void *tmpl) { return tmpl ? EnvCreateFact(qe->env, tmpl) : NULL; }

static int put(qs_env *qe, void *fact, const char *slot, DATA_OBJECT *v) {
  return fact && EnvPutFactSlot(qe->env, fact, slot, v) ? 0 : -1;
}

int qs_env_put_str(qs_env *qe, void *fact, const char *slot, const char *v) {
  DATA_OBJECT o;
  SetType(o, STRING);
  SetValue(o, EnvAddSymbol(qe->env, v ? v : ""));
  return put(qe, fact, slot, &o);
}

int qs_env_put_sym(qs_env *qe, void *fact, const char *slot, const char *v) {
  DATA_OBJECT o;
  SetType(o, SYMBOL);
  SetValue(o, EnvAddSymbol(qe->env, v && *v ? v : "nil"));
  return put(qe, fact, slot, &o);
}

int qs_env_put_int(qs_env *qe, void *fact, const char *slot, long long v) {
  DATA_OBJECT o;
  SetType(o, INTEGER);
  SetValue(o, EnvAddLong(qe->env, v));
  return put(qe, fact, slot, &o);
}

int qs_env_put_float(qs_env *qe, void *fact, const char *slot, double v) {
  DATA_OBJECT o;
  SetType(o, FLOAT);
  SetValue(o, EnvAddDouble(qe->env, v));
  return put(qe, fact, slot, &o);
}

int qs_env_put_syms(qs_env *qe, void *fact, const char *slot, char *const *v, size_t n) {
  void *mf = EnvCreateMultifield(qe->env, (long)n);
  for (size_t i = 0; i < n; i++) {
    SetMFType(mf, (long)i + 1, SYMBOL);
    SetMFValue(mf, (long)i + 1, EnvAddSymbol(qe->env, v[i]));
  }
  DATA_OBJECT o;
  SetType(o, MULTIFIELD);
  SetValue(o, mf);
  SetDOBegin(o, 1);
  SetDOEnd(o, (long)n);
  return put(qe, fact, slot, &o);
}

int qs_env_assert(qs_env *qe, void *fact) {
  if (!fact || !EnvAssignFactSlotDefaults(qe->env, fact))
    return -1;
  EnvAssert(qe->env, fact);
  return 0;
}

void *qs_env_modify_number(qs_env *qe, void *fact, const char *slot, int is_int, double v) {
  void *env = qe->env;
  struct deftemplate *t = ((struct fact *)fact)->whichDeftemplate;
  /* A new number is not referenced by any fact until the new fact is asserted, and CLIPS
   * collects unreferenced values during EnvRetract: without the lock a changed value that no
   * rule mentions came out as some other value. */
  EnvIncrementGCLocks(env);
  void *nf = EnvCreateFact(env, t);
  for (struct templateSlot *s = t->slotList; s; s = s->next) {
    DATA_OBJECT o;
    EnvGetFactSlot(env, fact, ValueToString(s->slotName), &o);
    EnvPutFactSlot(env, nf, ValueToString(s->slotName), &o);
  }
  DATA_OBJECT o;
  if (is_int) {
    SetType(o, INTEGER);
    SetValue(o, EnvAddLong(env, (long long)v));
  } else {
    SetType(o, FLOAT);
    SetValue(o, EnvAddDouble(env, v));
  }
  EnvPutFactSlot(env, nf, slot, &o);
  EnvRetract(env, fact);
  void *asserted = EnvAssert(env, nf);
  EnvDecrementGCLocks(env);
  return asserted;
}

/* ------------------------------------------------------------------ modules and rules */

int qs_env_has_module(qs_env *qe, const char *name) {
  return EnvFindDefmodule(qe->env, name) != NULL;
}

size_t qs_env_modules(qs_env *qe, const char ***names) {
  size_t n = 0, cap = 0;
  *names = NULL;
  for (void *m = EnvGetNextDefmodule(qe->env, NULL); m; m = EnvGetNextDefmodule(qe->env, m)) {
    qs_grow(names, &cap, n + 1, sizeof **names);
    (*names)[n++] = EnvGetDefmoduleName(qe->env, m);
  }
  return n;
}

void qs_env_each_rule(qs_env *qe, void (*fn)(void *ctx, const char *rule, const char *module),
                      void *ctx) {
  void *current = EnvGetCurrentModule(qe->env);
  for (void *m = EnvGetNextDefmodule(qe->env, NULL); m; m = EnvGetNextDefmodule(qe->env, m)) {
    EnvSetCurrentModule(qe->env, m);
    for (void *r = EnvGetNextDefrule(qe->env, NULL); r; r = EnvGetNextDefrule(qe->env, r))
      fn(ctx, EnvGetDefruleName(qe->env, r), EnvGetDefmoduleName(qe->env, m));
  }
  EnvSetCurrentModule(qe->env, current);
}

void qs_env_focus(qs_env *qe, const char *module) {
  void *m = EnvFindDefmodule(qe->env, module);
  if (m)
    EnvFocus(qe->env, m);
}

void qs_env_check_constraints(qs_env *qe, int on) {
  EnvSetDynamicConstraintChecking(qe->env, on ? TRUE : FALSE);
}

long qs_env_fact_count(qs_env *qe) { return (long)GetNumberOfFacts(qe->env); }

size_t qs_env_memory(qs_env *qe) {
  long n = EnvMemUsed(qe->env);
  return n > 0 ? (size_t)n : 0;
}

void qs_env_release_memory(qs_env *qe) {
  EnvReleaseMem(qe->env, -1);
  give_back_freed(0);
}
