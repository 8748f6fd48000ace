/* batch_table.h -- the table of a batch: one row per scored submission, ranked; the flags and
 * the errors. Made from the cache by batch_table.c, read by the writers of triage.csv,
 * triage.xlsx, index.html and errors.csv (render_csv.c, render_xlsx.c, render_index.c). */
#ifndef QS_BATCH_TABLE_H
#define QS_BATCH_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "qs_batch.h"
#include "qs_file.h"
#include "qs_i18n.h"
#include "qs_report.h"
#include "qs_rubric.h"
#include "qs_util.h"

typedef struct {
  size_t idx; /* input order */
  char *path; /* as shown (qs_display_name) */
  char *id, *title, *region, *province, *province_name, *chain, *triage;
  char *report; /* "reports/<name>" without extension; NULL when it could not be written */
  int total;
  int *sections; /* points per section, rubric order (rubric->n_sections) */
  int *points;   /* points per indicator, rubric order (rubric->n_inds) */
  int n_flags, n_error_flags;
  int duplicate_id; /* another file has the same submission id */
  size_t rank, region_rank;
} qs_row;

typedef struct {
  char *path, *id, *indicator, *severity, *code, *text, *evidence;
} qs_flag_row;

typedef struct {
  char *path, *kind, *message;
  long line;
} qs_error_row;

typedef struct {
  const qs_rubric *rubric;
  qs_lang lang;
  qs_row *rows; /* input order */
  size_t n_rows;
  qs_row **ranked; /* ranking order (qs_rank_rows) */
  /* Every flag of every file, for the workbook's flags sheet: spooled to a temporary file as
   * they are read (qs_flag_spool_*), so that the parent's memory does not grow with the number
   * of files. */
  FILE *flag_spool;
  size_t n_flags;
  qs_error_row *errors;
  size_t n_errors, cap_errors;
  size_t n_inputs;
  char as_of[11];           /* the scoring day, YYYY-MM-DD */
  const char *rules_sha256; /* the rules' hash (the engine's; set by the caller of qs_table_load) */
} qs_table;

/* The table of a batch after its run: a row for every scored item (from its .row in the
 * cache), an error for every other (what the parent knows of it, its .err, or "cache" when a
 * row cannot be read, "missing" when the run was interrupted before it), in input order.
 * Free it with qs_table_free. */
void qs_table_load(qs_table *t, const qs_engine *e, const qs_batch_inputs *in, const qs_outdir *out,
                   qs_lang lang);
/* Give each row its report name, "reports/<id>" or "reports/<id>-N", unique without regard to
 * case, and mark the rows whose id another row has (duplicate_id). */
void qs_table_name_reports(qs_table *t);
/* t->ranked, and each row's rank and rank in its province (the order: batch_table.c). */
void qs_table_rank(qs_table *t);
void qs_table_free(qs_table *t);

/* Append a flag to t's spool; read the spooled flags back one at a time from the start
 * (qs_flag_spool_next returns 0 at the end; the strings of f are valid until the next call). */
void qs_flag_spool_add(qs_table *t, const qs_flag_row *f);
void qs_flag_spool_rewind(qs_table *t);
int qs_flag_spool_next(qs_table *t, qs_flag_row *f);

/* ------------------------------------------------------------------ the row format
 *
 * The row of one scored submission (<key>.row in the cache) is what the tables need of its
 * report: the worker writes it beside the report, the parent reads it back without parsing
 * the report. Text, in this order:
 *   qscore row 1\n
 *   <total> <S> <section points x S> <I> <indicator points x I> <F>\n
 *   6 strings: id, title, region, province, chain, triage
 *   F flags, 5 strings each: indicator (empty for the submission's own flags), severity, code,
 *     text (in the batch's language), evidence (the ids, separated by spaces)
 * S and I are the rubric's sections and indicators, in rubric order; the flags are every
 * indicator's in rubric order (without the not-scored flag of an indicator without rules),
 * then the submission's own, as the JSON report lists them. A string is its length in bytes,
 * a colon, the bytes and a newline ("5:hello\n"), so a text may hold any byte but NUL, a
 * newline included. Numbers are decimal. A row that does not match the rubric, ends early or
 * has bytes after it is refused. */

/* The row of a scored report (free it; *len its length). */
char *qs_row_encode(const qs_report *rep, qs_lang lang, size_t *len);
/* Read a row into r (whose path is already set): its fields allocated, its flags counted and
 * appended to t's spool. data (len bytes) is changed in place. 0, or -1 when it is not a row
 * of t's rubric (then no flag was spooled; free r with qs_row_free either way). */
int qs_row_decode(qs_table *t, qs_row *r, char *data, size_t len);
void qs_row_free(qs_row *r);

/* The province of a GB/T 2260 code ("330000" -> 浙江省); "" when unknown. */
const char *qs_province_name(const char *code);

/* The table writers write into a file opened by the caller (qs_file_open), who closes it and
 * reports a failure; the workbook writer returns -1 when libxlsxwriter could not be loaded or
 * could not make the workbook (said on stderr). */
void qs_write_csv(const qs_table *t, qs_file *f);
void qs_write_errors_csv(const qs_table *t, qs_file *f);
int qs_write_xlsx(qs_table *t, qs_file *f); /* reads the flag spool */
void qs_write_index_html(const qs_table *t, qs_file *f);

/* Excel holds at most this many characters (UTF-16 units) in a cell. */
#define QS_XLSX_CELL_MAX 32767
/* s cut to fit one workbook cell, with a visible mark saying it was cut and where to read the
 * whole; s itself when it fits (then *cut is NULL), else a new string in *cut (free it). */
const char *qs_xlsx_fit(const char *s, qs_lang lang, char **cut);

/* The keys of the batch tables' columns ("rank", "region-rank", ...), NULL at the end. */
extern const char *const qs_column_keys[];
/* The title of a column of the batch tables, the catalogs' column.KEY ("rank" -> 排名 / rank);
 * the key itself when it is none of qs_column_keys. */
const char *qs_column_title(qs_lang lang, const char *key);
/* The title of a section's or an indicator's column: its name, in English its id. */
const char *qs_section_title(qs_lang lang, const qs_section_def *s);
const char *qs_indicator_title(qs_lang lang, const qs_indicator_def *d);

/* CSV field quoting (RFC 4180) with a leading ' before = + - @ so that a spreadsheet never
 * reads a submitted text as a formula. */
void qs_csv_field(qs_buf *b, const char *s, int text);

#endif
