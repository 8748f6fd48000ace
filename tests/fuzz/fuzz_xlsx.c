/* fuzz_xlsx.c -- libFuzzer target: arbitrary bytes as an .xlsx workbook (qs_xlsx_read_buffer).
 *
 * Every input goes through the whole reader: the zip (libzip), every part it names, parsed
 * with libxml2, and the cells. A workbook that is read is then walked as the intake does: each
 * sheet found by its name, each cell found again by its position (the binary search must find
 * every listed cell), each date cell turned into a date, each column named; every byte of
 * every text touched, so that a text not terminated or freed early is found by ASan. The caps
 * are lowered (parts of 4 MiB, 200,000 cells) so that an input cannot spend the run's memory;
 * they are the same code as the defaults. Odd lengths read in Chinese, even in English.
 *
 * A zip's CRC makes almost every mutation of a part's bytes a damaged zip, so an input that
 * starts with "@@ " is the parts themselves as text ("@@ NAME" on a line, then the part's
 * bytes up to the next "\n@@ "), zipped here with libzip (stored) before it is read: the
 * fuzzer then mutates the XML of the parts (seeds: the .txt files of tests/fuzz/xlsx-seeds).
 * Built and run by `make fuzz`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

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

/* The parts of a "@@ " input zipped (stored) into *out; 0, or -1 when libzip refuses (a name
 * it cannot take). */
static int zip_parts(const uint8_t *data, size_t size, void **out, size_t *out_len) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  if (!src)
    return -1;
  zip_source_keep(src);
  zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  if (!za) {
    zip_source_free(src);
    zip_source_free(src);
    zip_error_fini(&ze);
    return -1;
  }
  const char *p = (const char *)data, *end = p + size;
  int bad = 0;
  while (p + 3 <= end && memcmp(p, "@@ ", 3) == 0 && !bad) {
    const char *name = p + 3;
    const char *nl = memchr(name, '\n', (size_t)(end - name));
    if (!nl)
      break;
    const char *body = nl + 1, *next = body;
    while (next + 4 <= end && memcmp(next, "\n@@ ", 4) != 0)
      next++;
    if (next + 4 > end)
      next = end;
    char *n = strndup(name, (size_t)(nl - name));
    zip_source_t *s = zip_source_buffer(za, body, (zip_uint64_t)(next - body), 0);
    zip_int64_t idx = s && n && !memchr(name, '\0', (size_t)(nl - name))
                          ? zip_file_add(za, n, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
                          : -1;
    if (idx < 0) {
      zip_source_free(s);
      bad = 1;
    } else {
      zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    }
    free(n);
    p = next < end ? next + 1 : end;
  }
  if (bad || zip_close(za) != 0) {
    zip_discard(za); /* a failed zip_close leaves it open */
    zip_source_free(src);
    zip_error_fini(&ze);
    return -1;
  }
  zip_stat_t st;
  int rc = -1;
  if (zip_source_open(src) == 0) {
    if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
      *out = malloc(st.size ? st.size : 1);
      if (*out && zip_source_read(src, *out, st.size) == (zip_int64_t)st.size) {
        *out_len = st.size;
        rc = 0;
      } else {
        free(*out);
      }
    }
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&ze);
  return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  void *zipped = NULL;
  if (size >= 3 && memcmp(data, "@@ ", 3) == 0) {
    size_t len;
    if (zip_parts(data, size, &zipped, &len) != 0)
      return 0;
    data = zipped;
    size = len;
  }
  qs_xbook b;
  char *err = NULL;
  qs_status st = qs_xlsx_read_buffer_lang(data, size, size % 2 ? QS_LANG_ZH : QS_LANG_EN, &b, &err);
  if (st != QS_OK) {
    if (!err || !*err || b.n_sheets != 0) {
      fprintf(stderr, "fuzz_xlsx: a refused workbook without a reason, or read in part\n");
      abort();
    }
    free(err);
    free(zipped);
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
  free(zipped);
  return 0;
}
