/* qs_env.h -- one CLIPS environment: loading rule text, capturing CLIPS output, resetting,
 * running with a firing cap and a deadline, and reading slots back.
 *
 * CLIPS never prints: a router claims every logical name and keeps the text, so that a
 * rules error can be shown with its file and line and nothing reaches stdout raw. A run
 * counts each rule's firings and watches how long the current firing has run, so that the
 * engine can tell a loop in the rules from a file that needs more than a limit allows. */
#ifndef QS_ENV_H
#define QS_ENV_H

#include <stddef.h>

#include "qs_diag.h"
#include "qs_finding.h"
#include "qs_status.h"
#include "qs_util.h"

typedef struct qs_env qs_env;

qs_env *qs_env_new(void);
/* Define the rules' list functions (slot-values$, distinct$, sort-strings$, join$; see
 * qs_udf.c) in a CLIPS environment; qs_env_new does it for its own. */
void qs_udf_define(void *env);
void qs_env_free(qs_env *qe);
void *qs_env_clips(qs_env *qe); /* the CLIPS environment pointer */

/* Load constructs from text (NUL-terminated) named name; a syntax error is added to d with
 * name and the line CLIPS was reading. Returns 0 on success. */
int qs_env_load(qs_env *qe, const char *name, const char *text, qs_diag *d);
void qs_env_reset(qs_env *qe);
/* Keep the facts there are now (after a reset: the rubric, the parameters, the rules' own
 * deffacts) across submissions: qs_env_clear_submission then retracts only the facts asserted
 * since, instead of a reset that retracts and asserts the kept ones again every time. */
void qs_env_keep_facts(qs_env *qe);
/* Retract every fact asserted since qs_env_keep_facts and put the activations of the kept
 * facts alone back on the agenda (EnvRefresh of every rule), so that the next run starts as
 * after a reset. -1 when nothing is kept or a kept fact is gone (a rule retracted one): reset
 * then, and keep again. */
int qs_env_clear_submission(qs_env *qe);
/* Re-runs. Once tracking starts (after a submission's facts are asserted: those are given),
 * every fact asserted is tagged with the module whose rule asserted it and the lowest
 * salience that module had fired at in that run. qs_env_rerun_prepare then takes back what
 * some modules concluded from a point on and puts their activations back, so that running
 * them again (focused by the caller) gives what a run from the start would: for each
 * module, every fact it asserted at or after its first firing at or below salience (INT_MAX:
 * all it asserted) is retracted, its agenda emptied and the matches of its rules at or below
 * that salience put back (EnvRefresh). Valid when the earlier firings could not have read
 * what changed, and no rule of a module that runs again retracted a fact (see
 * qs_env_rules_retracted): the caller's to decide. -1 when not tracking or a module is
 * unknown. At most QS_TRACK_MODULES modules are told apart; with more, tracking stops. */
#define QS_TRACK_MODULES 64
typedef struct {
  const char *module;
  int salience;
} qs_rerun;
void qs_env_track(qs_env *qe);
void qs_env_untrack(qs_env *qe);
int qs_env_tracking(const qs_env *qe);
int qs_env_rerun_prepare(qs_env *qe, const qs_rerun *runs, size_t n);
/* Whether a rule of module retracted a fact, since tracking began, at a firing at or after
 * the module's first firing at or below salience (INT_MAX: at all). */
int qs_env_rules_retracted(qs_env *qe, const char *module, int salience);
/* Whether a rule of module, since tracking began, fired on a fact that a rule of another
 * module asserted, other than those of the modules in allowed. Only patterns are seen: a fact
 * query (find-all-facts) or a not CE that reads another module's facts is not. */
int qs_env_rules_read(qs_env *qe, const char *module, const char *const *allowed, size_t n_allowed);
/* The salience of MODULE::rule; INT_MAX when it is dynamic or there is no such rule. */
int qs_env_rule_salience(qs_env *qe, const char *module, const char *rule);
/* Load a binary image of constructs (EnvBsave's output, made at build time from the same
 * rules); 0 on success. On failure the environment is unusable: make a new one. */
int qs_env_bload(qs_env *qe, const void *image, size_t len);
/* Write the environment's constructs as a binary image. 0 on success. */
int qs_env_bsave(qs_env *qe, const char *path);
/* Run until the agenda is empty, at most max_firings firings and seconds of wall time.
 * *fired gets the number of firings. */
qs_status qs_env_run(qs_env *qe, long max_firings, double seconds, long *fired);
/* After a run stopped at the firing cap or the deadline, the rule whose firing was stopped or
 * that would have fired next (in a loop, one of the loop's rules); "" otherwise. */
const char *qs_env_stopped_rule(const qs_env *qe);
/* After a run stopped by an error, the rule whose actions were running when CLIPS reported it
 * (the firing the run hooks saw start); "" when the error came between firings. */
const char *qs_env_error_rule(const qs_env *qe);

/* What the last run did, counted as it ran (EnvAddBeforeRunFunction): the firings, the facts
 * there were when it began, the rule that fired most (ties: the first name in byte order; ""
 * when none fired) and how often, and how often one rule fired. */
long qs_env_firings(const qs_env *qe);
long qs_env_facts_at_start(const qs_env *qe);
const char *qs_env_busiest_rule(const qs_env *qe, long *fired);
long qs_env_rule_firings(const qs_env *qe, const char *rule);

/* A rule is stuck in its actions when, at the deadline, one firing of it had run for at least
 * this share of the run's seconds (a loop inside the actions, not many short firings). */
#define QS_STUCK_SHARE 0.5
/* After a run stopped at the deadline, the rule stuck in one firing and how long that firing
 * had run; "" when the time went to many firings. */
const char *qs_env_stuck_rule(const qs_env *qe, double *seconds);
/* Text CLIPS wrote since the last call (error messages); the buffer is reset. */
char *qs_env_take_output(qs_env *qe);
/* The same as one line: runs of spaces and newlines become one space, none at the ends. */
char *qs_env_take_message(qs_env *qe);
/* Number of writes to werror since creation (a rise means CLIPS reported an error). */
long qs_env_error_writes(const qs_env *qe);

/* Make MAIN the current module (templates are looked up and facts asserted there). */
void qs_env_main_module(qs_env *qe);
/* A deftemplate by name, cached; NULL if there is none. */
void *qs_env_template(qs_env *qe, const char *name);

/* What a deftemplate's slot is, as its definition says: QS_SLOT_EXISTS, QS_SLOT_MULTI for a
 * multislot, and one bit for each type its constraints allow (a slot without a type allows all
 * of them, QS_SLOT_OTHER for the addresses and instance names); 0 for no such slot. For the
 * build-time check of the importer against the templates (tools/checkmodel.c). */
enum {
  QS_SLOT_EXISTS = 1 << 0,
  QS_SLOT_MULTI = 1 << 1,
  QS_SLOT_SYMBOL = 1 << 2,
  QS_SLOT_STRING = 1 << 3,
  QS_SLOT_INTEGER = 1 << 4,
  QS_SLOT_FLOAT = 1 << 5,
  QS_SLOT_OTHER = 1 << 6,
};
unsigned qs_env_slot_types(qs_env *qe, void *tmpl, const char *slot);

/* Slot readers. Strings point into CLIPS memory and stay valid only until the next reset:
 * copy them at once (a reset frees the symbols of the facts it retracts). A missing or
 * mistyped slot reads as "" / 0. */
const char *qs_slot_str(qs_env *qe, void *fact, const char *slot);
long long qs_slot_int(qs_env *qe, void *fact, const char *slot);
double qs_slot_num(qs_env *qe, void *fact, const char *slot);
int qs_slot_is_int(qs_env *qe, void *fact, const char *slot);
/* A multislot of strings or symbols, copied: *out gets n fresh strings (free each and the array).
 */
size_t qs_slot_strs(qs_env *qe, void *fact, const char *slot, char ***out);
/* The same without copies: the strings are CLIPS's, valid while the fact is (free the array
 * only). */
size_t qs_slot_strs_view(qs_env *qe, void *fact, const char *slot, const char ***out);

/* A finding (qs_finding.h): the symbol in msg_slot (nil or missing: none, out->id NULL) and the
 * values of args_slot, copied. 0, or -1 when the arguments do not parse (reason in *err). */
int qs_slot_msg(qs_env *qe, void *fact, const char *msg_slot, const char *args_slot,
                qs_finding *out, char **err);

/* Building a fact (the importer; never from text): a new fact of a template, its slots, then
 * qs_env_assert. A put returns -1 when the template has no such slot or the value is not of
 * the slot's type; qs_env_assert -1 when the slots without a value have no valid default. A
 * duplicate (same template, same slots) is not asserted, which is harmless. */
void *qs_env_fact_new(qs_env *qe, void *tmpl);
int qs_env_put_str(qs_env *qe, void *fact, const char *slot, const char *v);
int qs_env_put_sym(qs_env *qe, void *fact, const char *slot, const char *v); /* "" is nil */
int qs_env_put_int(qs_env *qe, void *fact, const char *slot, long long v);
int qs_env_put_float(qs_env *qe, void *fact, const char *slot, double v);
int qs_env_put_syms(qs_env *qe, void *fact, const char *slot, char *const *v, size_t n);
int qs_env_assert(qs_env *qe, void *fact);
/* Replace a fact by a copy with one numeric slot changed (integer when is_int): the parameter
 * overrides. Returns the new fact. */
void *qs_env_modify_number(qs_env *qe, void *fact, const char *slot, int is_int, double v);

/* Modules and rules. */
int qs_env_has_module(qs_env *qe, const char *name);
/* Every module's name, in the order of definition (free the array, not the strings, which are
 * CLIPS's and live as long as the rules). */
size_t qs_env_modules(qs_env *qe, const char ***names);
/* Call fn for every defrule with its name and its module's name. */
void qs_env_each_rule(qs_env *qe, void (*fn)(void *ctx, const char *rule, const char *module),
                      void *ctx);
/* Push a module on the focus stack (the top runs first). */
void qs_env_focus(qs_env *qe, const char *module);
/* Check slot values against the templates' constraints as facts are asserted (mkimage: the
 * rules are checked once at build time). */
void qs_env_check_constraints(qs_env *qe, int on);
long qs_env_fact_count(qs_env *qe);
/* Bytes CLIPS holds, and giving its free lists back to malloc. */
size_t qs_env_memory(qs_env *qe);
void qs_env_release_memory(qs_env *qe);

/* Iterate the facts of a template: fact = qs_env_next_fact(qe, tmpl, fact) from NULL. */
void *qs_env_next_fact(qs_env *qe, void *tmpl, void *fact);

#endif
