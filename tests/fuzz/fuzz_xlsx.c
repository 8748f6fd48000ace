/* fuzz_xlsx.c -- libFuzzer target: arbitrary bytes as an .xlsx workbook (qs_xlsx_read_buffer).
 *
 * Every input goes through the whole reader: the zip (libzip), every part it names, parsed
 * with libxml2, and the cells. A workbook that is read is then walked as the intake does: each
 * sheet found by its name, each cell found again by its position (the binary search must find
 * every listed cell), each date cell turned into a date, each column named; every byte of
 * every text touched, so that a text not terminated or freed early is found by ASan. The caps
 * are lowered (parts of 4 MiB, 200,000 cells) so that an input cannot spend the run's memory;
 * they are the same code as the defaults. Odd lengths read in Chinese, even in English.
 * Built and run by `make fuzz`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qs_xlsx_read.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  qs_xlsx_limits lim = *qs_xlsx_get_limits();
  lim.part = 4L << 20;
  lim.total = 16L << 20;
  lim.cells = 200000;
  qs_xlsx_set_limits(&lim);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  qs_xbook b;
  char *err = NULL;
  qs_status st = qs_xlsx_read_buffer_lang(data, size, size % 2 ? QS_LANG_ZH : QS_LANG_EN, &b, &err);
  if (st != QS_OK) {
    if (!err || !*err || b.n_sheets != 0) {
      fprintf(stderr, "fuzz_xlsx: a refused workbook without a reason, or read in part\n");
      abort();
    }
    free(err);
    return 0;
  }
  if (err) {
    fprintf(stderr, "fuzz_xlsx: a reason for a workbook that was read\n");
    abort();
  }
  size_t sum = 0;
  for (size_t i = 0; i < b.n_sheets; i++) {
    const qs_xsheet *s = &b.sheets[i];
    if (!qs_xbook_sheet(&b, s->name))
      abort();
    for (size_t j = 0; j < s->n_cells; j++) {
      const qs_xcell *c = &s->cells[j];
      if (qs_xsheet_cell(s, c->row, c->col) != c || c->row > s->n_rows || !c->text[0])
        abort();
      if (j > 0 && !(s->cells[j - 1].row < c->row ||
                     (s->cells[j - 1].row == c->row && s->cells[j - 1].col < c->col)))
        abort();
      sum += strlen(c->text);
      char col[8];
      qs_xlsx_col_name(c->col, col);
      if (c->kind == QS_XC_DATE) {
        int y, m, d;
        if (qs_xlsx_date(strtod(c->text, NULL), b.date1904, &y, &m, &d) == 0 &&
            (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31))
          abort();
      }
    }
  }
  (void)sum;
  qs_xbook_free(&b);
  return 0;
}
