/* batch_table.h -- the rows of a batch: one per scored submission, ranked; the flags and the
 * errors; shared by the writers of triage.csv, triage.xlsx and index.html. */
#ifndef QS_BATCH_TABLE_H
#define QS_BATCH_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "qs_i18n.h"
#include "qs_rubric.h"
#include "qs_util.h"

typedef struct {
  size_t idx; /* input order */
  char *path, *id, *title, *region, *province, *province_name, *chain, *triage, *report;
  int total, sections[3], *points; /* points per indicator, rubric order */
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
  qs_row **ranked; /* ranking order */
  /* Every flag of every file, for the workbook's flags sheet: spooled to a temporary file as
   * they are read (qs_flag_spool_*), so that the parent's memory does not grow with the number
   * of files. */
  FILE *flag_spool;
  size_t n_flags;
  qs_error_row *errors;
  size_t n_errors, cap_errors;
  size_t n_inputs;
} qs_table;

/* Append a flag to t's spool; read the spooled flags back one at a time from the start
 * (qs_flag_spool_next returns 0 at the end; the strings of f are valid until the next call). */
void qs_flag_spool_add(qs_table *t, const qs_flag_row *f);
void qs_flag_spool_rewind(qs_table *t);
int qs_flag_spool_next(qs_table *t, qs_flag_row *f);

/* The province of a GB/T 2260 code ("330000" -> 浙江省); "" when unknown. */
const char *qs_province_name(const char *code);

int qs_write_csv(const qs_table *t, const char *path);
int qs_write_errors_csv(const qs_table *t, const char *path);
int qs_write_xlsx(qs_table *t, const char *path); /* reads the flag spool */
int qs_write_index_html(const qs_table *t, const char *path);

/* The title of a column of the batch tables ("rank" -> 排名 / rank). */
const char *qs_column_title(qs_lang lang, const char *key);

/* CSV field quoting (RFC 4180) with a leading ' before = + - @ so that a spreadsheet never
 * reads a submitted text as a formula. */
void qs_csv_field(qs_buf *b, const char *s, int text);

#endif
