/* qs_status.h -- one status for everything in qscore that can fail.
 *
 * Reading a file, importing a submission, running the rules and scoring it used to report in
 * four enums of their own (and a string), each a subset of the same few outcomes. They share
 * this one: a function returns QS_OK or the outcome that stopped it, with the details (the
 * file, the line, the reason in the user's language) in a qs_diag where it has one, and the
 * system's errno beside where it is a system failure. What a caller does with an outcome (an
 * exit code, a kind in errors.csv) is decided where it is shown, not here. */
#ifndef QS_STATUS_H
#define QS_STATUS_H

typedef enum {
  QS_OK = 0,
  /* A submission's outcomes (qs_engine_score): */
  QS_E_INPUT, /* not a valid submission: unreadable, not XML, not the schema, too large */
  QS_E_RULES, /* the rules failed on it: a runtime error, a loop, the contract between rules
               * and engine (templates, findings, placement, one band per indicator) */
  QS_E_LIMIT, /* it needed more than a run limit allows, and the rules did not loop: the
               * file's error, like QS_E_INPUT */
  /* Reading a file (qs_read_fileat): */
  QS_E_SYSTEM,      /* a system call failed: the errno is returned beside */
  QS_E_TOO_LARGE,   /* larger than the limit (known from its size before reading) */
  QS_E_NOT_REGULAR, /* a device, FIFO or socket where only a regular file is read */
  /* A run of the rules (qs_env_run) stopped before its agenda was empty: */
  QS_E_CAP,      /* at the firing cap */
  QS_E_DEADLINE, /* at the deadline */
} qs_status;

#endif
