/* qs_xlsx_read.h -- the cells of an .xlsx workbook, as Excel, WPS and LibreOffice write it.
 *
 * The workbook is a zip (read with libzip, never by hand) of XML parts (read with libxml2,
 * no network, no DTD, no entities): xl/workbook.xml and its relationships give the sheets in
 * order with their names and visibility, xl/sharedStrings.xml the shared strings (rich text
 * runs joined), xl/styles.xml which number formats are dates, and each sheet's XML its cells.
 * Cells are given as text, whatever way they were stored: a shared string, an inline string,
 * a formula's cached value, a number as written (never reformatted through a double, so
 * "91430121183780452X" or "0.10" stay as they were), a boolean as "TRUE"/"FALSE". A number
 * whose style is a date format is marked QS_XC_DATE; qs_xlsx_date turns its serial into a
 * date (1900 and 1904 systems, Excel's 1900-02-29 counted).
 *
 * A workbook comes from outside: every size is capped (the zip's entries, each part's
 * uncompressed size, the number of sheets, rows and cells, a cell's length) and a workbook
 * over a cap is refused with the reason, never read in part. */
#ifndef QS_XLSX_READ_H
#define QS_XLSX_READ_H

#include <stddef.h>

#include "qs_status.h"

typedef enum {
  QS_XC_STR,  /* a string: shared, inline, or a formula's string result */
  QS_XC_NUM,  /* a number, as written in the sheet's XML */
  QS_XC_DATE, /* a number whose cell style is a date or time format: a serial day */
  QS_XC_BOOL, /* "TRUE" or "FALSE" */
  QS_XC_ERR,  /* an error value as written ("#N/A", "#REF!") */
} qs_xcell_kind;

typedef struct {
  unsigned row; /* 1-based, as Excel numbers rows */
  unsigned col; /* 0-based: column A is 0 */
  qs_xcell_kind kind;
  char *text; /* UTF-8, never NULL; empty cells are not listed */
} qs_xcell;

typedef struct {
  char *name;      /* the sheet's name as shown on its tab */
  int hidden;      /* state="hidden" or "veryHidden" */
  qs_xcell *cells; /* in row order, then column order */
  size_t n_cells;
  unsigned n_rows; /* the last row that has a cell (0: no cell) */
} qs_xsheet;

typedef struct {
  qs_xsheet *sheets; /* in the workbook's order */
  size_t n_sheets;
  int date1904; /* the workbook uses the 1904 date system */
} qs_xbook;

/* Reads the workbook at path into *out. QS_OK, or another status with the reason in *err
 * (free it), naming the part and, where there is one, the line: "xl/worksheets/sheet2.xml:
 * line 14: ...". The workbook is read whole or not at all. */
qs_status qs_xlsx_read(const char *path, qs_xbook *out, char **err);
/* The same from a buffer (the fuzz target, the tests). */
qs_status qs_xlsx_read_buffer(const void *data, size_t len, qs_xbook *out, char **err);
void qs_xbook_free(qs_xbook *b);

/* The sheet named name, or NULL. */
const qs_xsheet *qs_xbook_sheet(const qs_xbook *b, const char *name);
/* The cell at row, col, or NULL when it is empty (a binary search: cells are sorted). */
const qs_xcell *qs_xsheet_cell(const qs_xsheet *s, unsigned row, unsigned col);

/* A serial day as a date: 0 with *y, *m, *d set, or -1 when the serial is no date a submission
 * can hold (negative, fractional days are cut, beyond 9999-12-31). date1904 as the book's. */
int qs_xlsx_date(double serial, int date1904, int *y, int *m, int *d);
/* A column's letters ("A", "AB") for 0-based col, into buf (at least 4 bytes); buf returned. */
char *qs_xlsx_col_name(unsigned col, char *buf);

/* ---- additions to the interface (the declarations above are the contract) ---- */

#include "qs_i18n.h"

/* The caps on a workbook (docs/SECURITY.md). A workbook over one is refused with the reason. */
#define QS_XLSX_MAX_FILE_MB 64         /* the .xlsx file itself */
#define QS_XLSX_MAX_ENTRIES 4096       /* entries of the zip */
#define QS_XLSX_MAX_PART (32L << 20)   /* bytes of one part once inflated */
#define QS_XLSX_MAX_TOTAL (128L << 20) /* bytes of every part read, inflated */
#define QS_XLSX_MAX_SHEETS 256         /* sheets of the workbook */
#define QS_XLSX_MAX_ROWS 100000        /* the last row a cell may be in */
#define QS_XLSX_MAX_CELLS 1000000      /* cells with a value, the whole workbook */
#define QS_XLSX_MAX_CELL_CHARS 32767   /* characters of one cell (Excel's own limit) */

typedef struct {
  long file_mb, entries, part, total, sheets, rows, cells, cell_chars;
} qs_xlsx_limits;

/* The caps in force: the constants above unless a test lowered them. */
const qs_xlsx_limits *qs_xlsx_get_limits(void);
/* Lower (or restore, with NULL) the caps for the rest of the process: for the tests, so that
 * a cap is reached with a small workbook. */
void qs_xlsx_set_limits(const qs_xlsx_limits *lim);

/* qs_xlsx_read and qs_xlsx_read_buffer with the reason in lang (they give it in Chinese). */
qs_status qs_xlsx_read_lang(const char *path, qs_lang lang, qs_xbook *out, char **err);
qs_status qs_xlsx_read_buffer_lang(const void *data, size_t len, qs_lang lang, qs_xbook *out,
                                   char **err);

#endif
