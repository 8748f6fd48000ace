/* qs_panel.h -- the review panel: the suggestions of a batch, the reviewers' scores beside them,
 * and the panel's result (issue 16).
 *
 *   qs_panel_batch b;   qs_panel_batch_load("out", rubric, &b, &d)    results.jsonl of a batch
 *   qs_panel_scores s;  qs_panel_scores_init(&s);
 *   qs_panel_sheet sh;  qs_panel_sheet_read(&b, NULL, "R1.xlsx", &sh, &d)   CSV or xlsx
 *                       qs_panel_scores_add(&s, &sh)       a later sheet of a reviewer replaces
 *   qs_panel_result res; qs_panel_compute(&b, rubric, &s, &res)
 *
 * The layer panel/ sits above the engine (it uses the rubric model, qs_rubric.h) and below
 * src/. Everything read from outside (results.jsonl, CSV, xlsx) is checked: every problem goes
 * to the qs_diag with its file and line (a CSV line, a sheet's row), the column in the text;
 * nothing is dropped silently. Numbers that do not exist (a mean over nothing) are NAN. */
#ifndef QS_PANEL_H
#define QS_PANEL_H

#include <stddef.h>

#include "qs_diag.h"
#include "qs_i18n.h"
#include "qs_rubric.h"

/* ---- the batch's suggestions (results.jsonl, docs/REPORT-JSON.md) ---- */

/* One entry of an indicator's "reasons" as the JSON report gives it ("" where absent). */
typedef struct {
  char *rule, *condition, *factor, *text;
  int points; /* a placement factor's points, 0 for a condition */
  int level;  /* the band level of its condition in the rubric, 0 when none or unknown */
} qs_panel_reason;

typedef struct {
  const qs_indicator_def *def; /* in the rubric given to the loader */
  const char *id;              /* def->id */
  int max;                     /* the report's max (== def->max) */
  int scored;                  /* the report's "scored" */
  int band;                    /* the suggested band's level, 0 when band is null */
  int band_min, band_max;      /* its range (0, 0 when none) */
  int points;                  /* the suggested points */
  qs_panel_reason *reasons;
  size_t n_reasons;
  /* The reason that decided the band: the first whose condition is of the band's level (else
   * the first reason with a condition, else the first); -1 when there is none. */
  int decisive;
  const char *reason; /* its text, one line ("" when none): the sheet's "reason" cell */
  /* The parameters the reasons cite (names of the rubric's parameters found in their texts,
   * "参数 NAME" / "parameter NAME"), sorted, each once. */
  char **params;
  size_t n_params;
  /* The same for the decisive reason alone. */
  char **decisive_params;
  size_t n_decisive_params;
} qs_panel_suggestion;

typedef struct {
  char *id;     /* submission.id */
  char *file;   /* input.path as the report shows it */
  char *title;  /* submission.title */
  char *triage; /* "recommend", "review" or "reject" */
  int total, max_total;
  long line;                 /* its line in results.jsonl */
  qs_panel_suggestion *inds; /* one per indicator of the rubric, in rubric order */
  size_t n_inds;
} qs_panel_submission;

typedef struct {
  char *dir;          /* the batch folder as given */
  char *lang;         /* the reports' language ("zh" or "en") */
  char *rules_sha256; /* of the first report */
  const qs_rubric *rubric;
  qs_panel_submission *subs; /* in results.jsonl's order (the batch's: sorted by file) */
  size_t n_subs;
} qs_panel_batch;

/* Read DIR/results.jsonl. Every report must carry the rubric's indicators; a line that is not a
 * report, an indicator the rubric does not have, or a submission id given twice is a problem
 * in d (file results.jsonl, its line). 0, or -1 with the problems in d (b is then empty). */
int qs_panel_batch_load(const char *dir, const qs_rubric *r, qs_panel_batch *b, qs_diag *d);
void qs_panel_batch_free(qs_panel_batch *b);
/* The submission with this id, or NULL. */
const qs_panel_submission *qs_panel_batch_find(const qs_panel_batch *b, const char *id);
/* The index of an indicator in every submission's inds (rubric order), or -1. */
int qs_panel_indicator_index(const qs_panel_batch *b, const char *id);
/* The band level a number of points falls into: the highest band whose min is at most points
 * (a panel's 9.5 between 4-9 and 10-14 is in the lower one); 0 below the lowest band. */
int qs_panel_band_of(const qs_indicator_def *def, double points);

/* ---- the reviewers (reviewers.csv: reviewer,name,submission; "*" for all) ---- */

typedef struct {
  char *id, *name;
  char **subs; /* submission ids assigned, in the file's order; empty with all set */
  size_t n_subs;
  int all; /* "*": every submission */
} qs_panel_reviewer;

typedef struct {
  qs_panel_reviewer *reviewers; /* in the file's order of first appearance */
  size_t n;
} qs_panel_roster;

/* Read reviewers.csv (UTF-8, BOM allowed, RFC 4180). A submission the batch does not have, a
 * reviewer id that is empty or not [A-Za-z0-9_.-]+, a row given twice: problems in d. 0 or -1. */
int qs_panel_roster_read(const char *path, const qs_panel_batch *b, qs_panel_roster *r, qs_diag *d);
void qs_panel_roster_free(qs_panel_roster *r);
const qs_panel_reviewer *qs_panel_roster_find(const qs_panel_roster *r, const char *id);
/* Whether the reviewer is assigned the submission. */
int qs_panel_assigned(const qs_panel_reviewer *rv, const char *submission);

/* ---- the reviewers' scores ---- */

typedef struct {
  char *reviewer, *submission, *indicator;
  int points;
  char *comment; /* "" when none */
  long row;      /* the CSV line or the sheet's row it came from */
} qs_panel_score;

/* One file of scores as read: a CSV (reviewer,submission,indicator,points,comment) or a score
 * sheet written by `qscore panel sheets` (a workbook: by its "PK" signature, not its name). */
typedef struct {
  char *file;       /* as given */
  char sha256[65];  /* of its bytes */
  int is_xlsx;      /* a workbook */
  char **reviewers; /* the reviewers whose scores it holds, sorted */
  size_t n_reviewers;
  qs_panel_score *scores; /* in the file's order; only rows without a problem */
  size_t n_scores;
  size_t n_problems; /* problems found (each in d) */
} qs_panel_sheet;

/* Read one file of scores against the batch (and the roster when not NULL: then a reviewer not
 * in it or a submission not assigned is a problem too). Every problem (unknown submission,
 * indicator or reviewer, points not a whole number or outside 0..max, a duplicate row, a
 * sheet's suggestion cell edited, a bad header) is added to d with the file and row, the
 * column in the text. 0 when there was none, -1 otherwise (sh still holds the good rows). */
int qs_panel_sheet_read(const qs_panel_batch *b, const qs_panel_roster *roster, const char *path,
                        qs_panel_sheet *sh, qs_diag *d);
/* The same from bytes in memory (name: the file as shown). */
int qs_panel_sheet_read_buffer(const qs_panel_batch *b, const qs_panel_roster *roster,
                               const char *name, const void *data, size_t len, qs_panel_sheet *sh,
                               qs_diag *d);
void qs_panel_sheet_free(qs_panel_sheet *sh);

/* The scores the panel's result is computed from: per reviewer, the latest version. */
typedef struct {
  qs_panel_score *scores;
  size_t n, cap;
} qs_panel_scores;

void qs_panel_scores_init(qs_panel_scores *s);
/* Add a sheet's scores. Each reviewer in the sheet is a new version of that reviewer: the
 * reviewer's earlier scores (from earlier sheets) are replaced. */
void qs_panel_scores_add(qs_panel_scores *s, const qs_panel_sheet *sh);
/* Add one score (copied), replacing nothing. */
void qs_panel_scores_push(qs_panel_scores *s, const qs_panel_score *sc);
void qs_panel_scores_free(qs_panel_scores *s);

/* ---- the panel's result ---- */

enum {
  QS_PANEL_FLAG_REVIEWER_FAR = 1,   /* a reviewer more than one band from the panel */
  QS_PANEL_FLAG_SUGGESTION_FAR = 2, /* the panel more than one band from the suggestion */
};

typedef struct {
  double *points;  /* per reviewer of the result (res->reviewers order), NAN: not scored */
  char **comments; /* per reviewer, NULL where none */
  int n;           /* reviewers who scored it */
  double panel;    /* the panel score: trimmed mean or mean; NAN when nobody scored */
  int trimmed;     /* the trimmed mean was used */
  double spread;   /* highest - lowest reviewer's points (0 for one, NAN for none) */
  int panel_band;  /* qs_panel_band_of(panel), 0 when no panel score */
  int suggested;   /* the suggested points */
  int suggested_band;
  unsigned flags; /* QS_PANEL_FLAG_* */
  int *far;       /* per reviewer: 1 when more than one band from the panel */
} qs_panel_cell;

typedef struct {
  const qs_panel_submission *sub;
  qs_panel_cell *cells; /* per indicator, rubric order */
  double total;         /* the panel's total: panel scores, the suggestion where none */
  int complete;         /* every indicator has a panel score */
  int suggested;        /* the suggested total */
  int rank;             /* 1 = highest panel total; ties share a rank */
  const char *triage;   /* by the panel total against triage-recommend-min / -review-min */
  int disagreements;    /* cells with a flag */
} qs_panel_sub_result;

typedef struct {
  char *id, *name; /* name "" when no roster names it */
  int scored;      /* cells scored */
  double bias;     /* mean(reviewer - panel) over what the reviewer scored */
  double mad;      /* mean |reviewer - panel| */
  int far;         /* cells where the reviewer is more than one band from the panel */
} qs_panel_reviewer_result;

typedef struct {
  const qs_indicator_def *def;
  int n;          /* submissions with a panel score */
  double mad;     /* mean |panel - suggested| */
  double bias;    /* mean (panel - suggested) */
  double kappa;   /* linearly weighted kappa, suggested band vs panel band */
  double icc;     /* ICC(2,1) of the reviewers' points over the complete submissions */
  int icc_n;      /* submissions used for the ICC (scored by every reviewer of it) */
  int icc_k;      /* reviewers used for the ICC */
  int overridden; /* submissions where the panel's band differs from the suggestion's */
} qs_panel_ind_result;

typedef struct {
  const qs_panel_batch *batch;
  int trim_min;                        /* panel-trim-min */
  qs_panel_reviewer_result *reviewers; /* sorted by id */
  size_t n_reviewers;
  qs_panel_sub_result *subs; /* batch order */
  size_t n_subs;
  size_t *order;             /* indexes of subs: most disagreements first, then rank, then id */
  qs_panel_ind_result *inds; /* rubric order */
  size_t n_inds;
  size_t n_scores;
} qs_panel_result;

/* panel-trim-min of the rubric (its current value: --param applies), 5 when absent. */
int qs_panel_trim_min(const qs_rubric *r);
/* Compute the result of the scores s on batch b; roster may be NULL (it names reviewers). */
void qs_panel_compute(const qs_panel_batch *b, const qs_panel_roster *roster,
                      const qs_panel_scores *s, int trim_min, qs_panel_result *res);
void qs_panel_result_free(qs_panel_result *res);
/* The cell of a submission id and indicator id, or NULL. */
const qs_panel_cell *qs_panel_result_cell(const qs_panel_result *res, const char *sub,
                                          const char *ind);

/* ---- statistics (panel/stats.c) ---- */

double qs_panel_mean(const double *x, size_t n);
/* The mean without one highest and one lowest when n >= trim_min (and n >= 3), else the mean. */
double qs_panel_trimmed_mean(const double *x, size_t n, int trim_min);
/* Cohen's kappa with linear weights (1 - |i-j|/(k-1)) between ratings a and b (categories
 * 0..k-1) of n subjects. NAN when n == 0 or k < 2; 1 when the expected agreement is total and
 * the ratings agree. */
double qs_panel_kappa_linear(const int *a, const int *b, size_t n, int k);
/* ICC(2,1) (Shrout & Fleiss 1979: two-way random, absolute agreement, single rater) of n
 * subjects by k raters, x[i*k + j]. NAN when n < 2 or k < 2 or the denominator is 0. */
double qs_panel_icc21(const double *x, size_t n, size_t k);

/* ---- outputs ---- */

/* The result as text, json, csv or html, in lang (free it); NULL for an unknown format. */
char *qs_panel_render(const qs_panel_result *res, const char *format, qs_lang lang);
/* The result as a workbook at path (through qs_file); 0, or -1 with the reason in *why. */
int qs_panel_render_xlsx(const qs_panel_result *res, qs_lang lang, int dfd, const char *name,
                         const char *shown, char **why);
/* Write one score sheet per reviewer of the roster into the folder dfd (shown: its name for
 * messages), "<reviewer>.xlsx"; 0, or -1 with the reason in d. */
int qs_panel_write_sheets(const qs_panel_batch *b, const qs_panel_roster *roster, qs_lang lang,
                          int dfd, const char *shown, qs_diag *d);

/* ---- the audit trail (panel.sqlite) ---- */

typedef struct qs_panel_db qs_panel_db;
/* Open (create) the database at path. NULL with the reason in d. */
qs_panel_db *qs_panel_db_open(const char *path, qs_diag *d);
void qs_panel_db_close(qs_panel_db *db);
/* Record a sheet, in one transaction: 1 recorded (a new version of each of its reviewers), 0
 * already there (the same SHA-256 and reviewer: nothing changes), -1 error in d. */
int qs_panel_db_import(qs_panel_db *db, const qs_panel_sheet *sh, qs_diag *d);
/* The latest version of every reviewer's scores, added to s. 0 or -1. */
int qs_panel_db_latest(qs_panel_db *db, qs_panel_scores *s, qs_diag *d);

#endif
