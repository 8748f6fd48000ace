/* qs_xlsxw.h -- libxlsxwriter, opened with dlopen the first time a workbook is written.
 *
 * libxlsxwriter is not linked: it brings libcrypto and minizip, and loading those cost every
 * qscore process about 5 ms at start (a fifth of the start-up of `qscore score`), though only
 * a batch (triage.xlsx) and the intake commands (template, export) write a workbook. Every
 * function qscore calls is listed once here and called as qs_xw.NAME, with the header's own
 * type. The SONAME (libxlsxwriter.so.4 on Debian 12) is read off the library at build time;
 * a Debian package must therefore depend on that package explicitly. */
#ifndef QS_XLSXW_H
#define QS_XLSXW_H

#include <xlsxwriter.h>

#include "qs_i18n.h"

#define QS_XLSXW_FUNCTIONS(X)                                                                      \
  X(workbook_new_opt)                                                                              \
  X(workbook_add_worksheet)                                                                        \
  X(workbook_add_format)                                                                           \
  X(workbook_set_properties)                                                                       \
  X(workbook_define_name)                                                                          \
  X(workbook_close)                                                                                \
  X(worksheet_write_string)                                                                        \
  X(worksheet_write_number)                                                                        \
  X(worksheet_write_datetime)                                                                      \
  X(worksheet_write_boolean)                                                                       \
  X(worksheet_write_blank)                                                                         \
  X(worksheet_write_formula_str)                                                                   \
  X(worksheet_write_rich_string)                                                                   \
  X(worksheet_write_url)                                                                           \
  X(worksheet_write_url_opt)                                                                       \
  X(worksheet_write_comment)                                                                       \
  X(worksheet_merge_range)                                                                         \
  X(worksheet_set_column)                                                                          \
  X(worksheet_set_column_opt)                                                                      \
  X(worksheet_set_row)                                                                             \
  X(worksheet_set_row_opt)                                                                         \
  X(worksheet_freeze_panes)                                                                        \
  X(worksheet_autofilter)                                                                          \
  X(worksheet_data_validation_cell)                                                                \
  X(worksheet_data_validation_range)                                                               \
  X(worksheet_protect)                                                                             \
  X(worksheet_hide)                                                                                \
  X(worksheet_activate)                                                                            \
  X(worksheet_set_tab_color)                                                                       \
  X(worksheet_set_landscape)                                                                       \
  X(worksheet_set_paper)                                                                           \
  X(worksheet_set_margins)                                                                         \
  X(worksheet_fit_to_pages)                                                                        \
  X(worksheet_repeat_rows)                                                                         \
  X(worksheet_print_area)                                                                          \
  X(worksheet_set_header)                                                                          \
  X(worksheet_set_footer)                                                                          \
  X(format_set_text_wrap)                                                                          \
  X(format_set_bold)                                                                               \
  X(format_set_italic)                                                                             \
  X(format_set_bg_color)                                                                           \
  X(format_set_font_color)                                                                         \
  X(format_set_font_size)                                                                          \
  X(format_set_num_format)                                                                         \
  X(format_set_unlocked)                                                                           \
  X(format_set_border)                                                                             \
  X(format_set_align)

struct qs_xlsxw {
#define QS_XLSXW_MEMBER(f) __typeof__(f) *f;
  QS_XLSXW_FUNCTIONS(QS_XLSXW_MEMBER)
#undef QS_XLSXW_MEMBER
};
extern struct qs_xlsxw qs_xw;

/* 0 once every function is found (the library stays loaded); -1 with a message on stderr
 * naming what (`what`: the workbook being written, "triage.xlsx") and why. */
int qs_xlsxw_open(qs_lang lang, const char *what);

#endif
