/* qs_env.c -- the CLIPS environment wrapper (see qs_env.h). */
#define _GNU_SOURCE /* memfd_create */
#include "qs_env.h"

#include <clips/clips.h>
#include <libxml/hash.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

/* CLIPS's own output is kept up to this size per run; a rule printing in a loop cannot
 * exhaust memory through it. */
#define QS_OUTPUT_LIMIT (64 * 1024)

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
};

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

/* Called by CLIPS during a run, also inside loops of a single rule's actions: hundreds of
 * thousands of times for a large file, so the clock is read on every 64th call only (calls
 * come microseconds apart; reading it each time was 3 % of scoring). */
static void periodic(void *env) {
  qs_env *qe = GetEnvironmentContext(env);
  if (!qe || !qe->armed || (++qe->ticks & 63) != 1)
    return;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (now.tv_sec > qe->deadline.tv_sec ||
      (now.tv_sec == qe->deadline.tv_sec && now.tv_nsec >= qe->deadline.tv_nsec)) {
    qe->deadline_hit = 1;
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

void qs_env_reset(qs_env *qe) { EnvReset(qe->env); }

qs_run_status qs_env_run(qs_env *qe, long max_firings, double seconds, long *fired) {
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
  qe->ticks = 0;
  qe->armed = 1;
  long n = EnvRun(qe->env, max_firings);
  qe->armed = 0;
  if (fired)
    *fired = n;
  int halted = GetHaltExecution(qe->env);
  SetHaltExecution(qe->env, FALSE);
  EnvSetHaltRules(qe->env, FALSE);
  if (qe->deadline_hit)
    return QS_RUN_DEADLINE;
  if (qe->werror_writes != before || halted)
    return QS_RUN_ERROR;
  if (n >= max_firings) {
    /* The rule that would have fired next: in a loop, one of the loop's rules. */
    void *focus = EnvGetFocus(qe->env);
    if (focus) {
      void *current = EnvGetCurrentModule(qe->env);
      EnvSetCurrentModule(qe->env, focus);
      void *act = EnvGetNextActivation(qe->env, NULL);
      snprintf(qe->stopped_rule, sizeof qe->stopped_rule, "%s",
               act ? EnvGetActivationName(qe->env, act) : "");
      EnvSetCurrentModule(qe->env, current);
    }
    return QS_RUN_CAP;
  }
  return QS_RUN_OK;
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

const char *qs_env_stopped_rule(const qs_env *qe) { return qe->stopped_rule; }

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

size_t qs_slot_strs(qs_env *qe, void *fact, const char *slot, char ***out) {
  DATA_OBJECT v;
  *out = NULL;
  if (!get_slot(qe, fact, slot, &v) || GetType(v) != MULTIFIELD)
    return 0;
  void *mf = GetValue(v);
  long b = GetDOBegin(v), e = GetDOEnd(v);
  size_t n = e >= b ? (size_t)(e - b + 1) : 0;
  char **a = qs_xcalloc(n ? n : 1, sizeof *a);
  size_t k = 0;
  for (long i = b; i <= e; i++) {
    int t = GetMFType(mf, i);
    if (t == STRING || t == SYMBOL)
      a[k++] = qs_xstrdup(ValueToString(GetMFValue(mf, i)));
  }
  *out = a;
  return k;
}

void *qs_env_next_fact(qs_env *qe, void *tmpl, void *fact) {
  return EnvGetNextFactInTemplate(qe->env, tmpl, fact);
}
