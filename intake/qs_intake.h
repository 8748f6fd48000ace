/* qs_intake.h -- the Excel intake workbook: its sheets and columns, writing it (template and
 * export), and turning a filled one back into a submission (import).
 *
 * The layout comes from the schema (qs_layout.h, generated at build time): the first sheet is
 * 填报说明 (the guide), then the project sheet (the root's row: the project's fields, the chain's
 * size, the self-assessed total), then one sheet per repeated element in the schema's order
 * (企业, 链长, 申报单位, 联盟, ... , 证明材料, 成员单位, ...), and a hidden sheet 选项 with the
 * dropdowns' values. On every data sheet row 1 holds the column names (the schema's labels),
 * row 2 what each column expects (必填/可选, type, values) and row 3 a greyed example whose
 * first cell begins with 示例; data starts on row 4 (an import skips rows 2 and 3 by their
 * markers, so a workbook whose example row was deleted still reads). A sheet of a nested
 * element (证明材料, 成员单位, 参与企业, 服务企业, 成效指标, 年度数值) has a first column
 * 所属编号: the id of the item it belongs to. */
#ifndef QS_INTAKE_H
#define QS_INTAKE_H

#include <libxml/tree.h>
#include <stddef.h>

#include "qs_diag.h"
#include "qs_layout.h"
#include "qs_xlsx_read.h"

typedef struct {
  char *label;          /* the column's name in row 1 */
  const qs_lattr *attr; /* NULL for the parent column */
  const char *rel;      /* the flattened elements from the row's element: "", "project/region" */
  const char *group;    /* the innermost optional flattened element on the way ("" for none):
                         * its required columns are required only when it is given */
} qs_icol;

typedef struct {
  const char *name;       /* the tab's name (the element's label) */
  const qs_lnode **nodes; /* the elements whose rows it holds (shared: doc under each) */
  size_t n_nodes;
  qs_icol *cols;
  size_t n_cols;
  int parent; /* column 0 is 所属编号 */
} qs_isheet;

typedef struct {
  qs_isheet *sheets; /* sheets[0] is the project sheet (the root) */
  size_t n;
} qs_ilayout;

/* Built once from qs_layout_root; lives until exit. */
const qs_ilayout *qs_intake_layout(void);
/* The sheet holding rows of node, or NULL. */
const qs_isheet *qs_intake_sheet_of(const qs_ilayout *l, const qs_lnode *node);

/* Data of a workbook being written: per sheet of the layout, rows of n_cols texts (NULL:
 * empty), the value as the XML writes it (codes, YYYY-MM-DD, decimals). */
typedef struct {
  char **cells;
  size_t n_rows, cap;
} qs_irows;

/* The rows of every sheet from a valid submission tree (qs_import_parse's). Free with
 * qs_intake_rows_free(rows, l->n). */
qs_irows *qs_intake_export(const qs_ilayout *l, xmlDocPtr doc);
void qs_intake_rows_free(qs_irows *rows, size_t n);

/* Writes the workbook (rows NULL: the empty template) into the open file fd, reached through
 * /proc/self/fd (libxlsxwriter takes a name); what names it in messages. 0, or -1 (said why
 * on stderr). */
int qs_intake_write(const qs_ilayout *l, const qs_irows *rows, int fd, const char *what,
                    qs_lang lang);

/* The guide (填报说明) as lines of text: the sheet's paragraphs (free it). */
char *qs_intake_guide(const qs_ilayout *l, qs_lang lang);

/* The workbook's cells as a submission: 0 with the XML (UTF-8, valid against the built-in
 * schema) in *xml, or -1 with every problem in d, each naming sheet, row and column. name is
 * the workbook's name for messages. */
int qs_intake_import(const qs_ilayout *l, const qs_xbook *b, const char *name, char **xml,
                     size_t *len, qs_diag *d);

/* Value conversions of an import, exposed for the tests: a date cell's text or serial as
 * YYYY-MM-DD (0) or -1; a number's text as a plain decimal (free it) or NULL. */
int qs_intake_date(const char *text, int serial, int date1904, char out[11]);
char *qs_intake_decimal(const char *text);

#endif
