/* test_xlsx_read.c -- the xlsx reader (intake/qs_xlsx_read.c): workbooks as libxlsxwriter
 * writes them, the same re-saved by LibreOffice, and small zips made here with libzip for what
 * neither writes (inline strings from another writer, cells without r, the strict namespace,
 * 1904 dates, escapes) and for every way a workbook can be broken or hostile. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zip.h>

#include "../base/qs_util.h"
#include "../base/qs_xlsxw.h"
#include "../intake/qs_xlsx_read.h"
#include "helpers.h"

/* ------------------------------------------------------------------ helpers */

/* A zip made in memory of names and texts (NULL-terminated pairs); *len its size. */
static char *make_zip(size_t *len, const char *const *parts) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  cr_assert(src);
  zip_source_keep(src);
  zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  cr_assert(za);
  for (size_t i = 0; parts[i]; i += 2) {
    zip_source_t *s = zip_source_buffer(za, parts[i + 1], strlen(parts[i + 1]), 0);
    cr_assert(s);
    cr_assert(zip_file_add(za, parts[i], s, ZIP_FL_ENC_UTF_8) >= 0);
  }
  cr_assert_eq(zip_close(za), 0);
  cr_assert_eq(zip_source_open(src), 0);
  zip_stat_t st;
  cr_assert_eq(zip_source_stat(src, &st), 0);
  char *buf = qs_xmalloc(st.size + 1);
  cr_assert_eq(zip_source_read(src, buf, st.size), (zip_int64_t)st.size);
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&ze);
  *len = st.size;
  return buf;
}

#define CT "[Content_Types].xml", "<Types/>"
#define ROOT_RELS                                                                                  \
  "_rels/.rels",                                                                                   \
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"     \
      "<Relationship Id=\"rId1\" "                                                                 \
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"                \
      "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define WB_RELS                                                                                    \
  "xl/_rels/workbook.xml.rels",                                                                    \
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"     \
      "<Relationship Id=\"rId1\" "                                                                 \
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "    \
      "Target=\"worksheets/sheet1.xml\"/>"                                                         \
      "<Relationship Id=\"rId2\" "                                                                 \
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "    \
      "Target=\"/xl/worksheets/sheet2.xml\"/>"                                                     \
      "<Relationship Id=\"rId3\" "                                                                 \
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"                \
      "sharedStrings\" Target=\"sharedStrings.xml\"/>"                                             \
      "<Relationship Id=\"rId4\" "                                                                 \
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "       \
      "Target=\"styles.xml\"/></Relationships>"
#define MAIN "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define RNS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define WORKBOOK(pr)                                                                               \
  "xl/workbook.xml", "<workbook " MAIN " " RNS ">" pr "<sheets>"                                   \
                     "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/>"                          \
                     "<sheet name=\"隐藏\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"       \
                     "</sheets></workbook>"
#define SHEET(n, rows)                                                                             \
  "xl/worksheets/sheet" #n ".xml", "<worksheet " MAIN "><sheetData>" rows "</sheetData></"         \
                                   "worksheet>"
#define SST(items) "xl/sharedStrings.xml", "<sst " MAIN ">" items "</sst>"
#define STYLES                                                                                        \
  "xl/styles.xml",                                                                                    \
      "<styleSheet " MAIN "><numFmts count=\"2\">"                                                    \
      "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>" \
      "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot; days&quot;\"/></numFmts>"                     \
      "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"          \
      "<xf numFmtId=\"165\"/><xf numFmtId=\"2\"/></cellXfs></styleSheet>"

/* Read a zip made of parts; the status, the book in *b, the reason in *err (English). */
static qs_status read_parts(qs_xbook *b, char **err, const char *const *parts) {
  size_t len;
  char *z = make_zip(&len, parts);
  qs_status st = qs_xlsx_read_buffer_lang(z, len, QS_LANG_EN, b, err);
  free(z);
  return st;
}
#define READ(b, err, ...) read_parts(b, err, (const char *const[]){__VA_ARGS__, NULL})

static const char *text_at(const qs_xsheet *s, unsigned row, unsigned col) {
  const qs_xcell *c = qs_xsheet_cell(s, row, col);
  return c ? c->text : NULL;
}

static void expect_cell(const qs_xsheet *s, const char *ref, qs_xcell_kind kind, const char *text) {
  unsigned col = 0, row = 0;
  const char *p = ref;
  while (*p >= 'A' && *p <= 'Z')
    col = col * 26 + (unsigned)(*p++ - 'A' + 1);
  row = (unsigned)atoi(p);
  const qs_xcell *c = qs_xsheet_cell(s, row, col - 1);
  cr_assert(c, "no cell %s", ref);
  cr_expect_str_eq(c->text, text, "cell %s", ref);
  cr_expect_eq(c->kind, kind, "cell %s: kind %d, not %d", ref, c->kind, kind);
}

/* The error of a zip that must be refused, and that it says what. */
static void expect_refused(const char *err, const char *what) {
  cr_assert(err);
  cr_expect(strstr(err, what), "\"%s\" not in: %s", what, err);
}

/* ------------------------------------------------------------------ dates and columns */

Test(xlsx_read, dates_1900_and_1904) {
  int y, m, d;
  cr_assert_eq(qs_xlsx_date(1, 0, &y, &m, &d), 0);
  cr_expect(y == 1900 && m == 1 && d == 1);
  cr_assert_eq(qs_xlsx_date(59, 0, &y, &m, &d), 0);
  cr_expect(y == 1900 && m == 2 && d == 28);
  cr_expect_eq(qs_xlsx_date(60, 0, &y, &m, &d), -1, "1900-02-29 never was");
  cr_assert_eq(qs_xlsx_date(61, 0, &y, &m, &d), 0);
  cr_expect(y == 1900 && m == 3 && d == 1);
  cr_assert_eq(qs_xlsx_date(45292.75, 0, &y, &m, &d), 0);
  cr_expect(y == 2024 && m == 1 && d == 1, "%d-%d-%d", y, m, d);
  cr_assert_eq(qs_xlsx_date(2958465, 0, &y, &m, &d), 0);
  cr_expect(y == 9999 && m == 12 && d == 31);
  cr_expect_eq(qs_xlsx_date(2958466, 0, &y, &m, &d), -1);
  cr_expect_eq(qs_xlsx_date(-1, 0, &y, &m, &d), -1);
  cr_expect_eq(qs_xlsx_date(0, 0, &y, &m, &d), -1);
  cr_assert_eq(qs_xlsx_date(0, 1, &y, &m, &d), 0);
  cr_expect(y == 1904 && m == 1 && d == 1);
  cr_assert_eq(qs_xlsx_date(45292 - 1462, 1, &y, &m, &d), 0);
  cr_expect(y == 2024 && m == 1 && d == 1, "%d-%d-%d", y, m, d);
}

Test(xlsx_read, column_names) {
  char b[8];
  cr_expect_str_eq(qs_xlsx_col_name(0, b), "A");
  cr_expect_str_eq(qs_xlsx_col_name(25, b), "Z");
  cr_expect_str_eq(qs_xlsx_col_name(26, b), "AA");
  cr_expect_str_eq(qs_xlsx_col_name(701, b), "ZZ");
  cr_expect_str_eq(qs_xlsx_col_name(702, b), "AAA");
  cr_expect_str_eq(qs_xlsx_col_name(16383, b), "XFD");
}

/* ------------------------------------------------------------------ hand-made workbooks */

Test(xlsx_read, shared_inline_rich_and_kinds) {
  qs_xbook b;
  char *err = NULL;
  qs_status st = READ(
      &b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""), STYLES,
      SST("<si><t>plain</t></si>"
          "<si><r><rPr><b/></rPr><t>rich </t></r><r><t xml:space=\"preserve\">runs </t></r>"
          "<rPh sb=\"0\" eb=\"1\"><t>ルビ</t></rPh><phoneticPr fontId=\"1\"/></si>"
          "<si><t>line_x000D_\nbreak _x005F_x0041_ _xD83D__xDE00_ _x0000_</t></si>"),
      SHEET(1,
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
            "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
            "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>inline</t></is></c>"
            "<c r=\"B3\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>runs</t></r></is></c>"
            "<c r=\"C3\" t=\"str\"><f>A1&amp;\"x\"</f><v>plainx</v></c>"
            "<c r=\"D3\" t=\"b\"><v>1</v></c><c r=\"E3\" t=\"b\"><v>0</v></c>"
            "<c r=\"F3\" t=\"e\"><v>#N/A</v></c><c r=\"G3\"><v>0.10</v></c>"
            "<c r=\"H3\" s=\"4\"><v>91430121183780452</v></c><c r=\"I3\" s=\"1\"><v>45292</v></c>"
            "<c r=\"J3\" s=\"2\"><v>45000</v></c><c r=\"K3\" s=\"3\"><v>2.5</v></c>"
            "<c r=\"L3\" s=\"1\"/><c r=\"M3\" t=\"s\"/>"
            "<c r=\"N3\"><is><t>no t</t></is></c></row>"),
      SHEET(2, "<row><c><v>7</v></c></row>"));
  cr_assert_eq(st, QS_OK, "%s", err ? err : "");
  cr_assert_eq(b.n_sheets, 2);
  cr_expect_str_eq(b.sheets[0].name, "Data");
  cr_expect_eq(b.sheets[0].hidden, 0);
  cr_expect_str_eq(b.sheets[1].name, "隐藏");
  cr_expect_eq(b.sheets[1].hidden, 1);
  cr_expect_eq(b.date1904, 0);
  const qs_xsheet *s = qs_xbook_sheet(&b, "Data");
  cr_assert_eq(s, &b.sheets[0]);
  expect_cell(s, "A1", QS_XC_STR, "plain");
  expect_cell(s, "B1", QS_XC_STR, "rich runs ");
  expect_cell(s, "C1", QS_XC_STR, "line\r\nbreak _x0041_ \xF0\x9F\x98\x80 _x0000_");
  expect_cell(s, "A3", QS_XC_STR, "inline");
  expect_cell(s, "B3", QS_XC_STR, "inruns");
  expect_cell(s, "C3", QS_XC_STR, "plainx");
  expect_cell(s, "D3", QS_XC_BOOL, "TRUE");
  expect_cell(s, "E3", QS_XC_BOOL, "FALSE");
  expect_cell(s, "F3", QS_XC_ERR, "#N/A");
  expect_cell(s, "G3", QS_XC_NUM, "0.10");
  expect_cell(s, "H3", QS_XC_NUM, "91430121183780452");
  expect_cell(s, "I3", QS_XC_DATE, "45292");
  expect_cell(s, "J3", QS_XC_DATE, "45000");
  expect_cell(s, "K3", QS_XC_NUM, "2.5");
  expect_cell(s, "N3", QS_XC_STR, "no t");
  cr_expect_null(qs_xsheet_cell(s, 3, 11), "an empty cell is not listed");
  cr_expect_null(qs_xsheet_cell(s, 2, 0));
  cr_expect_eq(s->n_cells, 15);
  cr_expect_eq(s->n_rows, 3);
  expect_cell(&b.sheets[1], "A1", QS_XC_NUM, "7");
  cr_expect_null(qs_xbook_sheet(&b, "data"));
  qs_xbook_free(&b);
  free(err);
}

Test(xlsx_read, cells_and_rows_without_r) {
  qs_xbook b;
  char *err = NULL;
  qs_status st =
      READ(&b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""),
           SHEET(1, "<row><c><v>1</v></c><c><v>2</v></c><c r=\"E1\"><v>5</v></c><c><v>6</v></c>"
                    "</row><row><c><v>21</v></c></row><row r=\"5\"><c><v>51</v></c></row>"
                    "<row><c r=\"C6\"><v>63</v></c></row>"),
           SHEET(2, ""));
  cr_assert_eq(st, QS_OK, "%s", err ? err : "");
  const qs_xsheet *s = &b.sheets[0];
  expect_cell(s, "A1", QS_XC_NUM, "1");
  expect_cell(s, "B1", QS_XC_NUM, "2");
  expect_cell(s, "E1", QS_XC_NUM, "5");
  expect_cell(s, "F1", QS_XC_NUM, "6");
  expect_cell(s, "A2", QS_XC_NUM, "21");
  expect_cell(s, "A5", QS_XC_NUM, "51");
  expect_cell(s, "C6", QS_XC_NUM, "63");
  cr_expect_eq(s->n_cells, 7);
  cr_expect_eq(s->n_rows, 6);
  /* Sorted: row, then column, whatever the order in the XML. */
  for (size_t i = 1; i < s->n_cells; i++)
    cr_expect(s->cells[i - 1].row < s->cells[i].row ||
              (s->cells[i - 1].row == s->cells[i].row && s->cells[i - 1].col < s->cells[i].col));
  cr_expect_eq(b.sheets[1].n_cells, 0);
  cr_expect_eq(b.sheets[1].n_rows, 0);
  qs_xbook_free(&b);
}

Test(xlsx_read, cells_out_of_order_are_sorted) {
  qs_xbook b;
  char *err = NULL;
  qs_status st = READ(&b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""),
                      SHEET(1, "<row r=\"9\"><c r=\"C9\"><v>3</v></c><c r=\"A9\"><v>1</v></c></row>"
                               "<row r=\"2\"><c r=\"B2\"><v>2</v></c></row>"),
                      SHEET(2, ""));
  cr_assert_eq(st, QS_OK, "%s", err ? err : "");
  const qs_xsheet *s = &b.sheets[0];
  cr_assert_eq(s->n_cells, 3);
  cr_expect_str_eq(s->cells[0].text, "2");
  cr_expect_str_eq(s->cells[1].text, "1");
  cr_expect_str_eq(s->cells[2].text, "3");
  cr_expect_str_eq(text_at(s, 9, 2), "3");
  cr_expect_eq(s->n_rows, 9);
  qs_xbook_free(&b);
}

Test(xlsx_read, date1904_and_very_hidden) {
  qs_xbook b;
  char *err = NULL;
  qs_status st = READ(
      &b, &err, CT, ROOT_RELS, WB_RELS, "xl/workbook.xml",
      "<workbook " MAIN " " RNS "><workbookPr date1904=\"true\"/><sheets>"
      "<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\" state=\"visible\"/>"
      "<sheet name=\"B\" sheetId=\"2\" state=\"veryHidden\" r:id=\"rId2\"/></sheets></workbook>",
      STYLES, SHEET(1, "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43830</v></c></row>"), SHEET(2, ""));
  cr_assert_eq(st, QS_OK, "%s", err ? err : "");
  cr_expect_eq(b.date1904, 1);
  cr_expect_eq(b.sheets[0].hidden, 0);
  cr_expect_eq(b.sheets[1].hidden, 1);
  const qs_xcell *c = qs_xsheet_cell(&b.sheets[0], 1, 0);
  cr_assert(c);
  cr_expect_eq(c->kind, QS_XC_DATE);
  int y, m, d;
  cr_assert_eq(qs_xlsx_date(atof(c->text), b.date1904, &y, &m, &d), 0);
  cr_expect(y == 2024 && m == 1 && d == 1, "%d-%d-%d", y, m, d);
  qs_xbook_free(&b);
}

/* Strict OOXML (ISO 29500 strict namespaces), prefixed element names, the workbook part at a
 * place of its own named by _rels/.rels, a target with .. and an absolute one. */
Test(xlsx_read, strict_namespace_prefixes_and_paths) {
  qs_xbook b;
  char *err = NULL;
  qs_status st = READ(
      &b, &err, CT, "_rels/.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"R1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/"
      "officeDocument\" Target=\"/book/main.xml\"/></Relationships>",
      "book/_rels/main.xml.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"a\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/"
      "worksheet\" Target=\"../sheets/one.xml\"/>"
      "<Relationship Id=\"s\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/"
      "sharedStrings\" Target=\"/book/strings.xml\"/></Relationships>",
      "book/main.xml",
      "<x:workbook xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\" "
      "xmlns:rel=\"http://purl.oclc.org/ooxml/officeDocument/relationships\">"
      "<x:workbookPr date1904=\"1\"/><x:sheets><x:sheet name=\"严格\" sheetId=\"1\" rel:id=\"a\"/>"
      "</x:sheets></x:workbook>",
      "book/strings.xml",
      "<x:sst xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><x:si><x:t>共享</x:t>"
      "</x:si></x:sst>",
      "sheets/one.xml",
      "<x:worksheet xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><x:sheetData>"
      "<x:row x:r=\"1\" r=\"2\"><x:c r=\"B2\" t=\"s\"><x:v>0</x:v></x:c>"
      "<x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t>内联</x:t></x:is></x:c>"
      "<other:c xmlns:other=\"urn:other\" r=\"D2\"><other:v>9</other:v></other:c>"
      "</x:row></x:sheetData></x:worksheet>");
  cr_assert_eq(st, QS_OK, "%s", err ? err : "");
  cr_assert_eq(b.n_sheets, 1);
  cr_expect_str_eq(b.sheets[0].name, "严格");
  cr_expect_eq(b.date1904, 1);
  expect_cell(&b.sheets[0], "B2", QS_XC_STR, "共享");
  expect_cell(&b.sheets[0], "C2", QS_XC_STR, "内联");
  cr_expect_eq(b.sheets[0].n_cells, 2, "an element of another namespace is no cell");
  qs_xbook_free(&b);
}

/* A writer that names the sheet from the package's root without the leading slash. */
Test(xlsx_read, target_from_the_root_without_slash) {
  qs_xbook b;
  char *err = NULL;
  qs_status st = READ(
      &b, &err, CT, ROOT_RELS, "xl/_rels/workbook.xml.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
      "Target=\"xl/worksheets/sheet1.xml\"/></Relationships>",
      "xl/workbook.xml",
      "<workbook " MAIN " " RNS "><sheets><sheet name=\"WPS\" r:id=\"rId1\"/></sheets></workbook>",
      SHEET(1, "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>ok</t></is></c></row>"));
  cr_assert_eq(st, QS_OK, "%s", err ? err : "");
  expect_cell(&b.sheets[0], "B2", QS_XC_STR, "ok");
  qs_xbook_free(&b);
}

/* ------------------------------------------------------------------ refused workbooks */

Test(xlsx_read, not_a_zip) {
  qs_xbook b;
  char *err = NULL;
  const char *text = "<submission/>";
  cr_expect_eq(qs_xlsx_read_buffer_lang(text, strlen(text), QS_LANG_EN, &b, &err), QS_E_INPUT);
  expect_refused(err, "not a zip archive");
  cr_expect_eq(b.n_sheets, 0);
  free(err);
  err = NULL;
  cr_expect_eq(qs_xlsx_read_buffer(text, strlen(text), &b, &err), QS_E_INPUT);
  expect_refused(err, "不是 zip 压缩包");
  free(err);
  err = NULL;
  cr_expect_eq(qs_xlsx_read_buffer("", 0, &b, &err), QS_E_INPUT);
  cr_expect(err && *err);
  free(err);
}

Test(xlsx_read, missing_workbook_part) {
  qs_xbook b;
  char *err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, SHEET(1, "")), QS_E_INPUT);
  expect_refused(err, "xl/workbook.xml: missing from the workbook");
  free(err);
  err = NULL;
  cr_expect_eq(READ(&b, &err, CT, "_rels/.rels",
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    "relationships\"></Relationships>",
                    WORKBOOK("")),
               QS_E_INPUT);
  expect_refused(err, "_rels/.rels: names no workbook part");
  free(err);
}

Test(xlsx_read, sheet_part_missing_or_unnamed) {
  qs_xbook b;
  char *err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""), SHEET(1, "")), QS_E_INPUT);
  expect_refused(err, "xl/worksheets/sheet2.xml: missing from the workbook");
  cr_expect_eq(b.n_sheets, 0, "read whole or not at all");
  free(err);
  err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, "xl/workbook.xml",
                    "<workbook " MAIN " " RNS "><sheets>\n<sheet name=\"X\" r:id=\"rId9\"/>"
                    "</sheets></workbook>"),
               QS_E_INPUT);
  expect_refused(err, "xl/workbook.xml: line 2: sheet \"X\" refers to relationship \"rId9\", "
                      "which xl/_rels/workbook.xml.rels does not list");
  free(err);
}

Test(xlsx_read, malformed_xml_names_part_and_line) {
  qs_xbook b;
  char *err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""), SHEET(1, ""),
                    "xl/worksheets/sheet2.xml",
                    "<worksheet " MAIN ">\n<sheetData>\n<row>\n<c><v>1</c>\n</row>\n"
                    "</sheetData></worksheet>"),
               QS_E_INPUT);
  expect_refused(err, "xl/worksheets/sheet2.xml: line 4: not well-formed XML");
  free(err);
  err = NULL;
  cr_expect_eq(qs_xlsx_read_buffer("PK", 2, &b, &err), QS_E_INPUT);
  cr_expect(err && *err);
  free(err);
}

Test(xlsx_read, doctype_refused) {
  qs_xbook b;
  char *err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""), SHEET(2, ""),
                    "xl/worksheets/sheet1.xml",
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE w [<!ENTITY x SYSTEM \"/etc/passwd\">]>\n"
                    "<worksheet " MAIN "><sheetData><row><c t=\"inlineStr\"><is><t>&x;</t></is>"
                    "</c></row></sheetData></worksheet>"),
               QS_E_INPUT);
  expect_refused(err, "xl/worksheets/sheet1.xml: line 2: a DOCTYPE declaration is not allowed");
  free(err);
}

Test(xlsx_read, bad_references) {
  qs_xbook b;
  char *err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""), SHEET(2, ""), SST(""),
                    SHEET(1, "<row>\n<c r=\"A1\" t=\"s\"><v>3</v></c></row>")),
               QS_E_INPUT);
  expect_refused(err, "xl/worksheets/sheet1.xml: line 2: cell A1 refers to shared string 3, "
                      "which does not exist (the workbook has 0)");
  free(err);
  err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""), SHEET(2, ""),
                    SHEET(1, "<row><c r=\"XFE1\"><v>3</v></c></row>")),
               QS_E_INPUT);
  expect_refused(err, "the cell reference \"XFE1\" is not a cell");
  free(err);
  err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""), SHEET(2, ""),
                    SHEET(1, "<row r=\"0\"><c><v>3</v></c></row>")),
               QS_E_INPUT);
  expect_refused(err, "the row number \"0\" is not a row");
  free(err);
}

Test(xlsx_read, duplicate_cell_is_an_error) {
  qs_xbook b;
  char *err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""), SHEET(2, ""),
                    SHEET(1, "<row r=\"1\"><c r=\"B1\"><v>1</v></c></row>\n"
                             "<row r=\"1\"><c><v>0</v></c><c><v>2</v></c></row>")),
               QS_E_INPUT);
  expect_refused(err, "xl/worksheets/sheet1.xml: line 2: cell B1 is given twice");
  free(err);
}

/* A zip whose sheet declares 1,000 bytes and inflates to 2 MB, past a cap of 1 MB. */
Test(xlsx_read, zip_bomb) {
  qs_xlsx_limits lim = *qs_xlsx_get_limits();
  lim.part = 1 << 20;
  qs_xlsx_set_limits(&lim);
  size_t big = 2 << 20;
  char *sheet = qs_xmalloc(big + 200);
  strcpy(sheet, "<worksheet " MAIN "><sheetData>");
  size_t n = strlen(sheet);
  memset(sheet + n, ' ', big);
  strcpy(sheet + n + big, "</sheetData></worksheet>");
  size_t len;
  char *z = make_zip(&len, (const char *const[]){CT, ROOT_RELS, WB_RELS, WORKBOOK(""), SHEET(2, ""),
                                                 "xl/worksheets/sheet1.xml", sheet, NULL});
  qs_xbook b;
  char *err = NULL;
  /* As it is: refused by the size it declares. */
  cr_expect_eq(qs_xlsx_read_buffer_lang(z, len, QS_LANG_EN, &b, &err), QS_E_INPUT);
  expect_refused(err, "xl/worksheets/sheet1.xml: larger than 1048576 bytes uncompressed");
  free(err);
  err = NULL;
  /* Lying: every header of the entry says 1,000 bytes. */
  const char *name = "xl/worksheets/sheet1.xml";
  size_t nl = strlen(name);
  int patched = 0;
  for (size_t i = 0; i + 46 + nl <= len; i++) {
    unsigned char *p = (unsigned char *)z + i;
    if (p[0] == 'P' && p[1] == 'K' && p[2] == 3 && p[3] == 4 && memcmp(p + 30, name, nl) == 0) {
      p[22] = 0xE8, p[23] = 0x03, p[24] = 0, p[25] = 0;
      patched++;
    }
    if (p[0] == 'P' && p[1] == 'K' && p[2] == 1 && p[3] == 2 && memcmp(p + 46, name, nl) == 0) {
      p[24] = 0xE8, p[25] = 0x03, p[26] = 0, p[27] = 0;
      patched++;
    }
  }
  cr_assert_eq(patched, 2);
  cr_expect_eq(qs_xlsx_read_buffer_lang(z, len, QS_LANG_EN, &b, &err), QS_E_INPUT);
  cr_assert(err);
  /* Counted while inflating, whatever the headers say. */
  expect_refused(err, "xl/worksheets/sheet1.xml: inflates to more than 1048576 bytes though the "
                      "archive declares 1000");
  cr_expect_eq(b.n_sheets, 0);
  free(err);
  free(z);
  free(sheet);
  qs_xlsx_set_limits(NULL);
}

Test(xlsx_read, too_many_cells_rows_sheets_and_long_text) {
  qs_xlsx_limits lim = *qs_xlsx_get_limits();
  lim.cells = 3;
  lim.rows = 5;
  lim.sheets = 1;
  lim.cell_chars = 4;
  qs_xlsx_set_limits(&lim);
  qs_xbook b;
  char *err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, "xl/workbook.xml",
                    "<workbook " MAIN " " RNS "><sheets><sheet name=\"A\" r:id=\"rId1\"/>"
                    "</sheets></workbook>",
                    SHEET(1, "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c>\n"
                             "<c><v>4</v></c></row>")),
               QS_E_INPUT);
  expect_refused(err, "xl/worksheets/sheet1.xml: line 2: more than 3 cells with a value");
  free(err);
  err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""), SHEET(1, ""), SHEET(2, "")),
               QS_E_INPUT);
  expect_refused(err, "xl/workbook.xml: line 1: more than 1 sheets");
  free(err);
  err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, "xl/workbook.xml",
                    "<workbook " MAIN " " RNS "><sheets><sheet name=\"A\" r:id=\"rId1\"/>"
                    "</sheets></workbook>",
                    SHEET(1, "<row r=\"6\"><c><v>1</v></c></row>")),
               QS_E_INPUT);
  expect_refused(err, "row 6 is past the limit of 5 rows");
  free(err);
  err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, "xl/workbook.xml",
                    "<workbook " MAIN " " RNS "><sheets><sheet name=\"A\" r:id=\"rId1\"/>"
                    "</sheets></workbook>",
                    SHEET(1, "<row><c t=\"inlineStr\"><is><t>四个字符</t></is></c>"
                             "<c t=\"inlineStr\"><is><t>五个字符!</t></is></c></row>")),
               QS_E_INPUT);
  expect_refused(err, "cell B1 holds more than 4 characters");
  free(err);
  qs_xlsx_set_limits(NULL);
}

Test(xlsx_read, too_many_entries) {
  qs_xlsx_limits lim = *qs_xlsx_get_limits();
  lim.entries = 5;
  qs_xlsx_set_limits(&lim);
  qs_xbook b;
  char *err = NULL;
  cr_expect_eq(READ(&b, &err, CT, ROOT_RELS, WB_RELS, WORKBOOK(""), SHEET(1, ""), SHEET(2, "")),
               QS_E_INPUT);
  expect_refused(err, "the zip archive has 6 entries, more than the 5 allowed");
  free(err);
  qs_xlsx_set_limits(NULL);
}

Test(xlsx_read, file_errors) {
  qs_xbook b;
  char *err = NULL;
  cr_expect_eq(qs_xlsx_read_lang("/nonexistent/x.xlsx", QS_LANG_EN, &b, &err), QS_E_SYSTEM);
  expect_refused(err, "cannot read");
  free(err);
  err = NULL;
  cr_expect_neq(qs_xlsx_read_lang("/tmp", QS_LANG_EN, &b, &err), QS_OK);
  cr_expect(err && *err);
  free(err);
}

/* ------------------------------------------------------------------ libxlsxwriter, LibreOffice */

/* A workbook as qscore's own writer makes them: shared strings (or inline strings with
 * constant_memory), numbers, a date, booleans, a formula's string result, a rich string, a
 * control character, a hidden sheet. */
static void write_book(const char *path, int constant_memory) {
  cr_assert_eq(qs_xlsxw_open(QS_LANG_EN, "test.xlsx"), 0);
  lxw_workbook_options opt = {.constant_memory = (uint8_t)constant_memory};
  lxw_workbook *wb = qs_xw.workbook_new_opt(path, &opt);
  cr_assert(wb);
  lxw_worksheet *ws = qs_xw.workbook_add_worksheet(wb, "申报");
  lxw_worksheet *hid = qs_xw.workbook_add_worksheet(wb, "lists");
  lxw_format *date = qs_xw.workbook_add_format(wb);
  qs_xw.format_set_num_format(date, "yyyy-mm-dd");
  lxw_format *bold = qs_xw.workbook_add_format(wb);
  qs_xw.format_set_bold(bold);
  qs_xw.worksheet_write_string(ws, 0, 0, "项目名称", NULL);
  qs_xw.worksheet_write_string(ws, 0, 1, "91430121183780452X", NULL);
  qs_xw.worksheet_write_string(ws, 0, 2, "a\rb", NULL);
  qs_xw.worksheet_write_number(ws, 1, 0, 0.25, NULL);
  qs_xw.worksheet_write_number(ws, 1, 1, 1234567, NULL);
  lxw_datetime dt = {2024, 3, 15, 0, 0, 0};
  qs_xw.worksheet_write_datetime(ws, 1, 2, &dt, date);
  qs_xw.worksheet_write_boolean(ws, 2, 0, 1, NULL);
  qs_xw.worksheet_write_formula_str(ws, 2, 1, "=A1&\"!\"", NULL, "项目名称!");
  lxw_rich_string_tuple f1 = {.format = bold, .string = "粗体"};
  lxw_rich_string_tuple f2 = {.format = NULL, .string = "与常规"};
  lxw_rich_string_tuple *rich[] = {&f1, &f2, NULL};
  qs_xw.worksheet_write_rich_string(ws, 2, 2, rich, NULL);
  qs_xw.worksheet_write_string(ws, 4, 27, "far", NULL);
  qs_xw.worksheet_write_string(hid, 0, 0, "hidden list", NULL);
  qs_xw.worksheet_hide(hid);
  cr_assert_eq(qs_xw.workbook_close(wb), LXW_NO_ERROR);
}

static void expect_book(const qs_xbook *b) {
  cr_assert_eq(b->n_sheets, 2);
  cr_expect_str_eq(b->sheets[0].name, "申报");
  cr_expect_eq(b->sheets[0].hidden, 0);
  cr_expect_str_eq(b->sheets[1].name, "lists");
  cr_expect_eq(b->sheets[1].hidden, 1);
  cr_expect_eq(b->date1904, 0);
  const qs_xsheet *s = &b->sheets[0];
  expect_cell(s, "A1", QS_XC_STR, "项目名称");
  expect_cell(s, "B1", QS_XC_STR, "91430121183780452X");
  expect_cell(s, "C1", QS_XC_STR, "a\rb");
  expect_cell(s, "A2", QS_XC_NUM, "0.25");
  expect_cell(s, "B2", QS_XC_NUM, "1234567");
  expect_cell(s, "C2", QS_XC_DATE, "45366");
  expect_cell(s, "A3", QS_XC_BOOL, "TRUE");
  expect_cell(s, "B3", QS_XC_STR, "项目名称!");
  expect_cell(s, "C3", QS_XC_STR, "粗体与常规");
  expect_cell(s, "AB5", QS_XC_STR, "far");
  cr_expect_eq(s->n_rows, 5);
  cr_expect_eq(s->n_cells, 10);
  expect_cell(&b->sheets[1], "A1", QS_XC_STR, "hidden list");
  const qs_xcell *c = qs_xsheet_cell(s, 2, 2);
  int y, m, d;
  cr_assert_eq(qs_xlsx_date(atof(c->text), b->date1904, &y, &m, &d), 0);
  cr_expect(y == 2024 && m == 3 && d == 15);
}

Test(xlsx_read, libxlsxwriter_workbooks) {
  char *dir = qs_test_tmpdir();
  for (int cm = 0; cm < 2; cm++) {
    char *path = qs_test_join(dir, cm ? "constant.xlsx" : "book.xlsx");
    write_book(path, cm);
    qs_xbook b;
    char *err = NULL;
    qs_status st = qs_xlsx_read_lang(path, QS_LANG_EN, &b, &err);
    cr_assert_eq(st, QS_OK, "%s: %s", path, err ? err : "");
    expect_book(&b);
    qs_xbook_free(&b);
    free(path);
  }
  qs_test_rmtree(dir);
}

Test(xlsx_read, libreoffice_resaved, .timeout = 180) {
  char *dir = qs_test_tmpdir();
  char *in = qs_test_join(dir, "in.xlsx");
  char *outdir = qs_test_join(dir, "lo");
  char *profile = qs_test_join(dir, "profile");
  write_book(in, 0);
  mkdir(outdir, 0755);
  qs_buf env = {0};
  qs_buf_addf(&env, "-env:UserInstallation=file://%s", profile);
  const char *argv[] = {"libreoffice", env.s, "--headless", "--convert-to", "xlsx", "--outdir",
                        outdir,        in,    NULL};
  char *log = qs_test_join(dir, "lo.log");
  int rc = qs_test_exec(argv, log, log, dir);
  cr_assert_eq(rc, 0, "libreoffice exited %d", rc);
  char *path = qs_test_join(outdir, "in.xlsx");
  qs_xbook b;
  char *err = NULL;
  qs_status st = qs_xlsx_read_lang(path, QS_LANG_EN, &b, &err);
  cr_assert_eq(st, QS_OK, "%s: %s", path, err ? err : "");
  expect_book(&b);
  qs_xbook_free(&b);
  qs_buf_free(&env);
  free(path);
  free(log);
  free(in);
  free(outdir);
  free(profile);
  qs_test_rmtree(dir);
}
