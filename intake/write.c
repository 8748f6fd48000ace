/* write.c -- the intake workbook through libxlsxwriter (opened with dlopen, base/qs_xlsxw.h):
 * the guide, one sheet per sheet of the layout, the hidden sheet of dropdown values.
 *
 * Every data sheet: row 1 the column names (bold; required ones on a darker fill; a note on
 * each saying what the column expects), row 2 the same in words (必填/可选, type, values),
 * row 3 a greyed example whose first cell begins with 示例, data from row 4. Rows 1-2 are
 * frozen; columns have widths; text columns are formatted as text (so a credit code or an id of
 * digits stays as typed), date columns as yyyy-mm-dd, and every enumerated column has a
 * dropdown (data validation, a list on the hidden sheet 选项) of the schema's Chinese labels.
 * Dates are written as Excel dates, numbers as numbers. The creation time is SOURCE_DATE_EPOCH
 * or the epoch, so the same input gives the same bytes. The workbook's words are Chinese
 * (the schema's labels are). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qs_intake.h"
#include "qs_util.h"
#include "qs_xlsxw.h"

#define ZH QS_LANG_ZH
#define LAST_ROW 1048575

typedef struct {
  lxw_workbook *wb;
  lxw_format *head, *head_req, *expect, *example, *example_date, *text, *date, *wrap, *title;
  /* the dropdown lists: one column of the sheet 选项 per distinct list */
  const qs_lattr *lists[256];
  int n_lists;
} book;

static int same_list(const qs_lattr *a, const qs_lattr *b) {
  if (a->n_enums != b->n_enums)
    return 0;
  for (size_t i = 0; i < a->n_enums; i++)
    if (strcmp(a->enums[i].code, b->enums[i].code) != 0 ||
        strcmp(a->enums[i].label, b->enums[i].label) != 0)
      return 0;
  return 1;
}

static int list_of(book *b, const qs_lattr *a) {
  for (int i = 0; i < b->n_lists; i++)
    if (same_list(b->lists[i], a))
      return i;
  if (b->n_lists == 256)
    return -1;
  b->lists[b->n_lists] = a;
  return b->n_lists++;
}

static const char *type_words(const qs_lattr *a, const qs_ilayout *l, qs_buf *out) {
  switch (a->type) {
  case QL_DATE:
    qs_buf_add(out, qs_msg_get(ZH, QS_M_INTAKE_T_DATE));
    break;
  case QL_INT:
    qs_buf_add(out, qs_msg_get(ZH, QS_M_INTAKE_T_INT));
    break;
  case QL_DEC:
    qs_buf_add(out, qs_msg_get(ZH, QS_M_INTAKE_T_DEC));
    break;
  case QL_ID:
    qs_buf_add(out, qs_msg_get(ZH, QS_M_INTAKE_T_ID));
    break;
  case QL_REF: {
    const char *sheet = a->refers;
    for (size_t i = 0; i < l->n; i++)
      if (strcmp(l->sheets[i].nodes[0]->path, a->refers) == 0)
        sheet = l->sheets[i].name;
    qs_buf_addf(out, qs_msg_get(ZH, QS_M_INTAKE_T_REF), sheet);
    break;
  }
  case QL_ENUM:
  case QL_BOOL: {
    qs_buf v = {0};
    qs_buf_add(&v, "");
    for (size_t i = 0; i < a->n_enums; i++)
      qs_buf_addf(&v, "%s%s", i ? "、" : "", a->enums[i].label);
    qs_buf_addf(out, qs_msg_get(ZH, QS_M_INTAKE_T_LIST), v.s);
    qs_buf_free(&v);
    break;
  }
  default:
    qs_buf_add(out, qs_msg_get(ZH, QS_M_INTAKE_T_TEXT));
    break;
  }
  if (a->deflt) {
    const char *shown = a->deflt;
    for (size_t i = 0; i < a->n_enums; i++)
      if (strcmp(a->enums[i].code, a->deflt) == 0)
        shown = a->enums[i].label;
    qs_buf_addf(out, qs_msg_get(ZH, QS_M_INTAKE_T_DEFAULT), shown);
  }
  return out->s;
}

/* What a column expects, in words: "必填；日期 yyyy-mm-dd". */
static char *expects(const qs_ilayout *l, const qs_isheet *s, const qs_icol *c) {
  qs_buf b = {0};
  if (!c->attr) {
    qs_buf v = {0};
    qs_buf_add(&v, "");
    /* The parents' sheets: for each element of the sheet, the nearest row element above it
     * (or the project sheet, where an id-bearing element is flattened into it). */
    for (size_t i = 0; i < s->n_nodes; i++) {
      const char *p = s->nodes[i]->path;
      size_t n = strlen(p);
      const qs_isheet *hit = NULL;
      while (!hit && n > 0) {
        n--;
        while (n > 0 && p[n] != '/')
          n--;
        for (size_t k = 1; k < l->n && !hit; k++)
          for (size_t j = 0; j < l->sheets[k].n_nodes && !hit; j++) {
            const char *kp = l->sheets[k].nodes[j]->path;
            if (strlen(kp) == n && strncmp(kp, p, n) == 0)
              hit = &l->sheets[k];
          }
      }
      if (!hit)
        hit = &l->sheets[0];
      if (!strstr(v.s, hit->name))
        qs_buf_addf(&v, "%s「%s」", v.len ? "、" : "", hit->name);
    }
    qs_buf_addf(&b, "%s；", qs_msg_get(ZH, QS_M_INTAKE_REQ));
    qs_buf_addf(&b, qs_msg_get(ZH, QS_M_INTAKE_T_PARENT), v.s);
    qs_buf_free(&v);
    return qs_buf_take(&b);
  }
  int req = c->attr->required && !c->attr->deflt;
  /* Required only when its optional group is given: said so, unless the column is the whole
   * group (an item's 说明), which is then simply optional. */
  int others = 0;
  size_t gn = strlen(c->group);
  for (size_t i = 0; gn && i < s->n_cols; i++)
    others += &s->cols[i] != c && strncmp(s->cols[i].rel, c->group, gn) == 0 &&
              (s->cols[i].rel[gn] == '\0' || s->cols[i].rel[gn] == '/');
  if (req && c->group[0] && !others)
    req = 0;
  qs_buf_add(&b, qs_msg_get(ZH, req ? (c->group[0] ? QS_M_INTAKE_REQ_GROUP : QS_M_INTAKE_REQ)
                                    : QS_M_INTAKE_OPT));
  qs_buf_add(&b, "；");
  type_words(c->attr, l, &b);
  return qs_buf_take(&b);
}

static double width_of(const qs_icol *c) {
  if (!c->attr)
    return 14;
  switch (c->attr->type) {
  case QL_DATE:
    return 13;
  case QL_INT:
  case QL_DEC:
    return 12;
  case QL_ID:
  case QL_REF:
    return 12;
  case QL_ENUM:
  case QL_BOOL:
    return 18;
  default:
    return c->attr->base && strcmp(c->attr->base, "Text") == 0 ? 40 : 26;
  }
}

static const char *label_of(const qs_lattr *a, const char *code) {
  for (size_t i = 0; i < a->n_enums; i++)
    if (strcmp(a->enums[i].code, code) == 0)
      return a->enums[i].label;
  return code;
}

/* Significant digits of a decimal's text: a number cell keeps 15. */
static int digits(const char *v) {
  int n = 0, lead = 1;
  for (const char *p = v; *p; p++) {
    if (*p < '0' || *p > '9')
      continue;
    if (*p == '0' && lead)
      continue;
    lead = 0;
    n++;
  }
  return n;
}

static void put(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const qs_icol *col,
                const char *v, lxw_format *fmt, lxw_format *date_fmt) {
  if (!v)
    return;
  const qs_lattr *a = col->attr;
  if (a && (a->type == QL_ENUM || a->type == QL_BOOL)) {
    qs_xw.worksheet_write_string(ws, r, c, label_of(a, v), fmt);
    return;
  }
  if (a && a->type == QL_DATE && strlen(v) == 10) {
    lxw_datetime dt = {atoi(v), atoi(v + 5), atoi(v + 8), 0, 0, 0};
    qs_xw.worksheet_write_datetime(ws, r, c, &dt, date_fmt);
    return;
  }
  if (a && (a->type == QL_INT || a->type == QL_DEC) && digits(v) <= 15) {
    qs_xw.worksheet_write_number(ws, r, c, strtod(v, NULL), fmt);
    return;
  }
  qs_xw.worksheet_write_string(ws, r, c, v, fmt ? fmt : b->text);
}

static const char *example_of(const qs_icol *c) {
  if (!c->attr)
    return "AL01";
  switch (c->attr->type) {
  case QL_DATE:
    return "2024-03-15";
  case QL_INT:
    return c->attr->base && strcmp(c->attr->base, "Year") == 0 ? "2024" : "12";
  case QL_DEC:
    return "98.5";
  case QL_ID:
    return "X01";
  case QL_REF:
    return strstr(c->attr->refers, "metric") ? "M01" : "E01";
  case QL_ENUM:
  case QL_BOOL:
    return c->attr->enums[0].code;
  default:
    if (c->attr->base && strcmp(c->attr->base, "CreditCode") == 0)
      return "91330206144081537U";
    if (c->attr->base && strcmp(c->attr->base, "ProvinceCode") == 0)
      return "330000";
    if (c->attr->base && strcmp(c->attr->base, "CityCode") == 0)
      return "330200";
    if (c->attr->base && strcmp(c->attr->base, "HttpUrl") == 0)
      return "https://www.example.gov.cn/doc.html";
    if (c->attr->base && strcmp(c->attr->base, "Sha256") == 0)
      return "";
    if (c->attr->base && strcmp(c->attr->base, "ProjectId") == 0)
      return "ZJ-NB-2025-01";
    return c->label;
  }
}

static void data_sheet(book *b, const qs_ilayout *l, const qs_isheet *s, const qs_irows *rows) {
  lxw_worksheet *ws = qs_xw.workbook_add_worksheet(b->wb, s->name);
  for (size_t i = 0; i < s->n_cols; i++) {
    const qs_icol *c = &s->cols[i];
    lxw_col_t col = (lxw_col_t)i;
    lxw_format *f = c->attr && c->attr->type == QL_DATE                                ? b->date
                    : !c->attr || (c->attr->type != QL_INT && c->attr->type != QL_DEC) ? b->text
                                                                                       : NULL;
    qs_xw.worksheet_set_column(ws, col, col, width_of(c), f);
    int req = !c->attr || (c->attr->required && !c->attr->deflt && !c->group[0]);
    qs_xw.worksheet_write_string(ws, 0, col, c->label, req ? b->head_req : b->head);
    char *e = expects(l, s, c);
    qs_xw.worksheet_write_string(ws, 1, col, e, b->expect);
    qs_xw.worksheet_write_comment(ws, 0, col, e);
    free(e);
    const char *ex = example_of(c);
    if (i == 0) {
      qs_buf x = {0};
      const char *shown = c->attr && (c->attr->type == QL_ENUM || c->attr->type == QL_BOOL)
                              ? label_of(c->attr, ex)
                              : ex;
      qs_buf_addf(&x, "%s%s", qs_msg_get(ZH, QS_M_INTAKE_EXAMPLE), shown);
      qs_xw.worksheet_write_string(ws, 2, col, x.s, b->example);
      qs_buf_free(&x);
    } else if (ex[0]) {
      put(b, ws, 2, col, c, ex, b->example, b->example_date);
    }
    if (c->attr && (c->attr->type == QL_ENUM || c->attr->type == QL_BOOL)) {
      int li = list_of(b, c->attr);
      if (li >= 0) {
        char formula[128], colname[8];
        qs_xlsx_col_name((unsigned)li, colname);
        snprintf(formula, sizeof formula, "='%s'!$%s$2:$%s$%zu",
                 qs_msg_get(ZH, QS_M_INTAKE_LISTS_SHEET), colname, colname, c->attr->n_enums + 1);
        lxw_data_validation dv = {.validate = LXW_VALIDATION_TYPE_LIST_FORMULA,
                                  .value_formula = formula,
                                  .error_type = LXW_VALIDATION_ERROR_TYPE_STOP};
        qs_xw.worksheet_data_validation_range(ws, 3, col, LAST_ROW, col, &dv);
      }
    }
  }
  qs_xw.worksheet_set_row(ws, 1, 48, NULL);
  qs_xw.worksheet_freeze_panes(ws, 2, s->parent ? 1 : 0);
  if (!rows)
    return;
  for (size_t r = 0; r < rows->n_rows; r++)
    for (size_t i = 0; i < s->n_cols; i++)
      put(b, ws, (lxw_row_t)(r + 3), (lxw_col_t)i, &s->cols[i], rows->cells[r * s->n_cols + i],
          NULL, b->date);
}

static void lists_sheet(book *b) {
  lxw_worksheet *ws = qs_xw.workbook_add_worksheet(b->wb, qs_msg_get(ZH, QS_M_INTAKE_LISTS_SHEET));
  for (int i = 0; i < b->n_lists; i++) {
    const qs_lattr *a = b->lists[i];
    qs_xw.worksheet_write_string(ws, 0, (lxw_col_t)i, a->label, b->head);
    for (size_t k = 0; k < a->n_enums; k++)
      qs_xw.worksheet_write_string(ws, (lxw_row_t)(k + 1), (lxw_col_t)i, a->enums[k].label, NULL);
    qs_xw.worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, 22, NULL);
  }
  qs_xw.worksheet_hide(ws);
}

static void guide_sheet(book *b, const qs_ilayout *l, qs_lang lang) {
  lxw_worksheet *ws = qs_xw.workbook_add_worksheet(b->wb, qs_msg_get(ZH, QS_M_INTAKE_GUIDE_SHEET));
  qs_xw.worksheet_set_column(ws, 0, 0, 110, b->wrap);
  char *g = qs_intake_guide(l, lang);
  lxw_row_t r = 0;
  for (char *line = g, *next; line; line = next) {
    next = strchr(line, '\n');
    if (next)
      *next++ = '\0';
    qs_xw.worksheet_write_string(ws, r, 0, line, r == 0 ? b->title : b->wrap);
    r++;
  }
  free(g);
  qs_xw.worksheet_activate(ws);
}

int qs_intake_write(const qs_ilayout *l, const qs_irows *rows, int fd, const char *what,
                    qs_lang lang) {
  if (qs_xlsxw_open(lang, what) != 0)
    return -1;
  char target[64];
  snprintf(target, sizeof target, "/proc/self/fd/%d", fd);
  lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
  lxw_workbook *wb = qs_xw.workbook_new_opt(target, &opt);
  if (!wb)
    return -1;
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  lxw_doc_properties props = {
      .title = (char *)qs_msg_get(ZH, QS_M_INTAKE_TITLE),
      .created = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : (time_t)1,
  };
  qs_xw.workbook_set_properties(wb, &props);
  book b = {.wb = wb};
  b.head = qs_xw.workbook_add_format(wb);
  qs_xw.format_set_bold(b.head);
  qs_xw.format_set_bg_color(b.head, 0xDDEBF7);
  qs_xw.format_set_border(b.head, LXW_BORDER_THIN);
  b.head_req = qs_xw.workbook_add_format(wb);
  qs_xw.format_set_bold(b.head_req);
  qs_xw.format_set_bg_color(b.head_req, 0xF8CBAD);
  qs_xw.format_set_border(b.head_req, LXW_BORDER_THIN);
  b.expect = qs_xw.workbook_add_format(wb);
  qs_xw.format_set_italic(b.expect);
  qs_xw.format_set_font_color(b.expect, 0x595959);
  qs_xw.format_set_font_size(b.expect, 9);
  qs_xw.format_set_text_wrap(b.expect);
  qs_xw.format_set_bg_color(b.expect, 0xF2F2F2);
  b.example = qs_xw.workbook_add_format(wb);
  qs_xw.format_set_font_color(b.example, 0x808080);
  qs_xw.format_set_italic(b.example);
  qs_xw.format_set_bg_color(b.example, 0xEDEDED);
  b.example_date = qs_xw.workbook_add_format(wb);
  qs_xw.format_set_font_color(b.example_date, 0x808080);
  qs_xw.format_set_italic(b.example_date);
  qs_xw.format_set_bg_color(b.example_date, 0xEDEDED);
  qs_xw.format_set_num_format(b.example_date, "yyyy-mm-dd");
  b.text = qs_xw.workbook_add_format(wb);
  qs_xw.format_set_num_format(b.text, "@");
  b.date = qs_xw.workbook_add_format(wb);
  qs_xw.format_set_num_format(b.date, "yyyy-mm-dd");
  b.wrap = qs_xw.workbook_add_format(wb);
  qs_xw.format_set_text_wrap(b.wrap);
  b.title = qs_xw.workbook_add_format(wb);
  qs_xw.format_set_bold(b.title);
  qs_xw.format_set_font_size(b.title, 14);
  guide_sheet(&b, l, lang);
  for (size_t i = 0; i < l->n; i++)
    data_sheet(&b, l, &l->sheets[i], rows ? &rows[i] : NULL);
  lists_sheet(&b);
  return qs_xw.workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

char *qs_intake_guide(const qs_ilayout *l, qs_lang lang) {
  qs_buf b = {0};
  qs_buf_add(&b, qs_msg_get(lang, QS_M_INTAKE_GUIDE));
  for (size_t i = 0; i < l->n; i++) {
    const qs_isheet *s = &l->sheets[i];
    qs_buf cols = {0};
    qs_buf_add(&cols, "");
    for (size_t k = 0; k < s->n_cols; k++) {
      const qs_icol *c = &s->cols[k];
      int req = !c->attr || (c->attr->required && !c->attr->deflt && !c->group[0]);
      qs_buf_addf(&cols, "%s%s%s", k ? "、" : "", c->label, req ? "*" : "");
    }
    qs_buf_add(&b, "\n");
    qs_buf_addf(&b, qs_msg_get(lang, s->parent ? QS_M_INTAKE_GUIDE_CHILD : QS_M_INTAKE_GUIDE_ROW),
                s->name, cols.s);
    qs_buf_free(&cols);
  }
  return qs_buf_take(&b);
}
