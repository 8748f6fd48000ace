/* qs_xlsx_read.c -- the cells of an .xlsx workbook (see qs_xlsx_read.h).
 *
 * The zip is read with libzip; each part is inflated into memory with its size counted as it
 * inflates (the size a zip declares is checked first, but a zip bomb lies about it), then
 * parsed with libxml2 into a tree: no network, no DTD (a DOCTYPE stops the parse at once, so
 * no entity is ever declared, expanded or loaded), no XML_PARSE_HUGE. The parts are found as
 * the package says: _rels/.rels names the workbook part (officeDocument), the workbook's
 * relationships name its sheets, shared strings and styles; a target is relative to the part
 * that names it, or absolute from the package's root. Elements are matched by their local name
 * in SpreadsheetML's namespace, transitional or strict, whatever their prefix.
 *
 * A cell position given twice in a sheet is an error (Excel itself refuses such a sheet as
 * damaged): a workbook is read whole or not at all, never with one of two values guessed. */
#include "qs_xlsx_read.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "qs_i18n.h"
#include "qs_util.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_STRICT "http://purl.oclc.org/ooxml/spreadsheetml/main"

static const qs_xlsx_limits default_limits = {
    QS_XLSX_MAX_FILE_MB, QS_XLSX_MAX_ENTRIES, QS_XLSX_MAX_PART,  QS_XLSX_MAX_TOTAL,
    QS_XLSX_MAX_SHEETS,  QS_XLSX_MAX_ROWS,    QS_XLSX_MAX_CELLS, QS_XLSX_MAX_CELL_CHARS};
static qs_xlsx_limits limits = {QS_XLSX_MAX_FILE_MB, QS_XLSX_MAX_ENTRIES,   QS_XLSX_MAX_PART,
                                QS_XLSX_MAX_TOTAL,   QS_XLSX_MAX_SHEETS,    QS_XLSX_MAX_ROWS,
                                QS_XLSX_MAX_CELLS,   QS_XLSX_MAX_CELL_CHARS};

const qs_xlsx_limits *qs_xlsx_get_limits(void) { return &limits; }
void qs_xlsx_set_limits(const qs_xlsx_limits *lim) { limits = lim ? *lim : default_limits; }

/* ------------------------------------------------------------------ the reading's state */

typedef struct {
  char *id, *type, *target; /* target: the part's name in the zip, resolved */
} rel;

typedef struct {
  rel *v;
  size_t n, cap;
} rels;

typedef struct {
  qs_lang lang;
  zip_t *za;
  char *err; /* the first failure, in words */
  size_t total;
  size_t n_cells; /* cells of the workbook so far */
  char **sst;
  size_t n_sst, cap_sst;
  unsigned char *date_xf; /* per cellXfs index: a date format */
  size_t n_xf;
} reader;

/* A text from the input in a message: at most 64 bytes, cut at a character's start. */
static char *shorten(const char *s) {
  size_t n = strlen(s);
  if (n <= 64)
    return qs_xstrdup(s);
  n = 64;
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
    n--;
  char *r = qs_xmalloc(n + 4);
  memcpy(r, s, n);
  memcpy(r + n, "...", 4);
  return r;
}

/* Record the failure (the first one only): "PART: line N: reason". Returns -1. */
static int fail(reader *r, const char *part, long line, qs_msg msg, ...) {
  if (r->err)
    return -1;
  qs_buf why = {0}, b = {0};
  va_list ap;
  va_start(ap, msg);
  qs_buf_vaddf(&why, qs_msg_get(r->lang, msg), ap);
  va_end(ap);
  if (part && line > 0)
    qs_buf_addf(&b, qs_msg_get(r->lang, QS_M_XLSX_AT_LINE), part, line, why.s);
  else if (part)
    qs_buf_addf(&b, qs_msg_get(r->lang, QS_M_XLSX_AT_PART), part, why.s);
  else
    qs_buf_add(&b, why.s);
  qs_buf_free(&why);
  r->err = qs_buf_take(&b);
  return -1;
}

static long line_of(xmlNode *n) { return n ? xmlGetLineNo(n) : 0; }

/* ------------------------------------------------------------------ zip parts */

/* The part's bytes (NUL-terminated) in *data. 0; 1 when it is absent and not required; -1. */
static int read_part(reader *r, const char *part, int required, char **data, size_t *len) {
  *data = NULL;
  *len = 0;
  zip_int64_t idx = zip_name_locate(r->za, part, ZIP_FL_NOCASE);
  if (idx < 0) {
    if (!required)
      return 1;
    return fail(r, part, 0, QS_M_XLSX_PART_MISSING);
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(r->za, (zip_uint64_t)idx, 0, &st) != 0)
    return fail(r, part, 0, QS_M_XLSX_PART_UNREADABLE, zip_error_code_zip(zip_get_error(r->za)));
  size_t cap = (size_t)limits.part;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > cap)
    return fail(r, part, 0, QS_M_XLSX_PART_TOO_LARGE, limits.part);
  zip_file_t *zf = zip_fopen_index(r->za, (zip_uint64_t)idx, 0);
  if (!zf)
    return fail(r, part, 0, QS_M_XLSX_PART_UNREADABLE, zip_error_code_zip(zip_get_error(r->za)));
  size_t declared = (st.valid & ZIP_STAT_SIZE) ? (size_t)st.size : 0;
  size_t alloc = declared < 65536 ? 65536 : declared + 1;
  char *buf = qs_xmalloc(alloc + 1);
  size_t n = 0;
  for (;;) {
    if (n == alloc) {
      /* Never more than one byte past the cap: that byte is the proof it is over. */
      size_t next = alloc * 2 > cap + 1 ? cap + 1 : alloc * 2;
      if (next <= alloc)
        next = alloc + 1;
      alloc = next;
      buf = qs_xrealloc(buf, alloc + 1);
    }
    zip_int64_t got = zip_fread(zf, buf + n, alloc - n);
    if (got < 0) {
      int code = zip_error_code_zip(zip_file_get_error(zf));
      zip_fclose(zf);
      free(buf);
      return fail(r, part, 0, QS_M_XLSX_PART_UNREADABLE, code);
    }
    if (got == 0)
      break;
    n += (size_t)got;
    if (n > cap) {
      zip_fclose(zf);
      free(buf);
      return fail(r, part, 0, QS_M_XLSX_PART_INFLATES, limits.part, (long)declared);
    }
    if (r->total + n > (size_t)limits.total) {
      zip_fclose(zf);
      free(buf);
      return fail(r, part, 0, QS_M_XLSX_TOTAL_TOO_LARGE, limits.total);
    }
  }
  zip_fclose(zf);
  r->total += n;
  buf[n] = '\0';
  *data = buf;
  *len = n;
  return 0;
}

/* ------------------------------------------------------------------ XML */

typedef struct {
  int doctype;
  long doctype_line;
  int have_error;
  long line;
  char msg[256];
} parse_state;

static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys) {
  (void)name;
  (void)ext;
  (void)sys;
  xmlParserCtxtPtr ctxt = ctx;
  parse_state *ps = ctxt->_private;
  if (!ps->doctype) {
    ps->doctype = 1;
    ps->doctype_line = ctxt->input ? ctxt->input->line : 0;
  }
  xmlStopParser(ctxt);
}

static void on_error(void *data, xmlErrorPtr e) {
  parse_state *ps = data;
  if (ps->have_error || !e || e->level < XML_ERR_ERROR)
    return;
  ps->have_error = 1;
  ps->line = e->line;
  snprintf(ps->msg, sizeof ps->msg, "%s", e->message ? e->message : "?");
  size_t n = strlen(ps->msg);
  while (n > 0 && (ps->msg[n - 1] == '\n' || ps->msg[n - 1] == ' '))
    ps->msg[--n] = '\0';
}

static xmlDocPtr parse_part(reader *r, const char *part, const char *data, size_t len) {
  if (len > INT_MAX) {
    fail(r, part, 0, QS_M_XLSX_PART_TOO_LARGE, limits.part);
    return NULL;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    fail(r, part, 0, QS_M_XLSX_XML, qs_strerror(r->lang, ENOMEM));
    return NULL;
  }
  parse_state ps = {0};
  ctxt->_private = &ps;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->externalSubset = refuse_doctype;
  xmlSetStructuredErrorFunc(&ps, on_error);
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, part, NULL,
                                    XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
  int well_formed = ctxt->wellFormed;
  xmlSetStructuredErrorFunc(NULL, NULL);
  xmlFreeParserCtxt(ctxt);
  if (ps.doctype) {
    xmlFreeDoc(doc);
    fail(r, part, ps.doctype_line, QS_M_XLSX_DOCTYPE);
    return NULL;
  }
  if (!doc || !well_formed) {
    xmlFreeDoc(doc);
    char *m = shorten(ps.have_error ? ps.msg : "?");
    fail(r, part, ps.have_error ? ps.line : 0, QS_M_XLSX_XML, m);
    free(m);
    return NULL;
  }
  return doc;
}

/* An element of SpreadsheetML (transitional or strict) named name. */
static int is_el(const xmlNode *n, const char *name) {
  if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
    return 0;
  if (!n->ns || !n->ns->href)
    return 1;
  const char *h = (const char *)n->ns->href;
  return strcmp(h, NS_MAIN) == 0 || strcmp(h, NS_STRICT) == 0;
}

static xmlNode *child(xmlNode *n, const char *name) {
  for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
    if (is_el(c, name))
      return c;
  return NULL;
}

/* An unqualified attribute's value (free it), or NULL. */
static char *attr(xmlNode *n, const char *name) {
  return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}

static int attr_is(xmlNode *n, const char *name, const char *v) {
  char *a = attr(n, name);
  int yes = a && strcmp(a, v) == 0;
  xmlFree(a);
  return yes;
}

/* The relationship id of an element (r:id, in the transitional or strict relationships
 * namespace), or NULL. */
static char *rel_id(xmlNode *n) {
  for (xmlAttr *a = n->properties; a; a = a->next) {
    if (strcmp((const char *)a->name, "id") != 0 || !a->ns || !a->ns->href)
      continue;
    const char *h = (const char *)a->ns->href;
    size_t hl = strlen(h);
    if (hl >= 13 && strcmp(h + hl - 13, "relationships") == 0)
      return (char *)xmlGetNsProp(n, a->name, a->ns->href);
  }
  return NULL;
}

/* ------------------------------------------------------------------ text */

static int hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The code unit of an escape "_xHHHH_" at s, or -1. */
static long escape_at(const char *s) {
  if (s[0] != '_' || s[1] != 'x')
    return -1;
  long v = 0;
  for (int i = 2; i < 6; i++) {
    int h = hexval(s[i]);
    if (h < 0)
      return -1;
    v = v * 16 + h;
  }
  return s[6] == '_' ? v : -1;
}

static void put_utf8(qs_buf *b, unsigned long c) {
  char u[4];
  size_t n;
  if (c < 0x80) {
    u[0] = (char)c;
    n = 1;
  } else if (c < 0x800) {
    u[0] = (char)(0xC0 | (c >> 6));
    u[1] = (char)(0x80 | (c & 0x3F));
    n = 2;
  } else if (c < 0x10000) {
    u[0] = (char)(0xE0 | (c >> 12));
    u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    u[2] = (char)(0x80 | (c & 0x3F));
    n = 3;
  } else {
    u[0] = (char)(0xF0 | (c >> 18));
    u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    u[3] = (char)(0x80 | (c & 0x3F));
    n = 4;
  }
  qs_buf_addn(b, u, n);
}

/* Excel's escapes of characters XML cannot hold ("_x000D_" for a carriage return, "_x005F_"
 * for an underscore that would otherwise start one), decoded: a pair of surrogates is one
 * character; a NUL or a lone surrogate is kept as written. */
static void add_unescaped(qs_buf *b, const char *s) {
  const char *run = s;
  while (*s) {
    long c = *s == '_' ? escape_at(s) : -1;
    if (c < 0) {
      s++;
      continue;
    }
    unsigned long cp = (unsigned long)c;
    size_t used = 7;
    if (c >= 0xD800 && c <= 0xDBFF) {
      long lo = escape_at(s + 7);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + (((unsigned long)c - 0xD800) << 10) + ((unsigned long)lo - 0xDC00);
        used = 14;
      } else {
        s++;
        continue;
      }
    } else if ((c >= 0xDC00 && c <= 0xDFFF) || c == 0) {
      s++;
      continue;
    }
    qs_buf_addn(b, run, (size_t)(s - run));
    put_utf8(b, cp);
    s += used;
    run = s;
  }
  qs_buf_add(b, run);
}

static void add_node_text(qs_buf *b, xmlNode *t) {
  xmlChar *c = xmlNodeGetContent(t);
  if (c)
    add_unescaped(b, (const char *)c);
  xmlFree(c);
}

/* The text of a rich or plain string (<si>, <is>): its <t>, or its runs' <t> joined; the
 * phonetic runs (<rPh>) are a reading aid, not the text. */
static char *string_item(xmlNode *si) {
  qs_buf b = {0};
  for (xmlNode *c = si->children; c; c = c->next) {
    if (is_el(c, "t"))
      add_node_text(&b, c);
    else if (is_el(c, "r"))
      for (xmlNode *t = c->children; t; t = t->next)
        if (is_el(t, "t"))
          add_node_text(&b, t);
  }
  return qs_buf_take(&b);
}

static size_t utf8_chars(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80)
      n++;
  return n;
}

/* ------------------------------------------------------------------ package relationships */

static void rels_free(rels *rs) {
  for (size_t i = 0; i < rs->n; i++) {
    free(rs->v[i].id);
    free(rs->v[i].type);
    free(rs->v[i].target);
  }
  free(rs->v);
  memset(rs, 0, sizeof *rs);
}

/* The folder of a part, with its slash ("xl/" for "xl/workbook.xml", "" at the root). */
static char *part_dir(const char *part) {
  const char *sl = strrchr(part, '/');
  return sl ? qs_xstrndup(part, (size_t)(sl - part + 1)) : qs_xstrdup("");
}

/* A target resolved against the folder of the part naming it: "/xl/x.xml" from the root,
 * "worksheets/s.xml" from dir; "." and ".." segments folded, %XX decoded. NULL when it climbs
 * above the root. */
static char *resolve(const char *dir, const char *target) {
  qs_buf raw = {0};
  if (target[0] != '/')
    qs_buf_add(&raw, dir);
  for (const char *p = target; *p; p++) {
    int h1, h2;
    if (*p == '%' && (h1 = hexval(p[1])) >= 0 && (h2 = hexval(p[2])) >= 0 && (h1 || h2)) {
      char c = (char)(h1 * 16 + h2);
      qs_buf_addn(&raw, &c, 1);
      p += 2;
    } else if (*p == '\\') {
      qs_buf_add(&raw, "/");
    } else {
      qs_buf_addn(&raw, p, 1);
    }
  }
  char *s = qs_buf_take(&raw);
  /* Fold the segments. */
  char **seg = qs_xmalloc((strlen(s) / 1 + 2) * sizeof *seg);
  size_t n = 0;
  int bad = 0;
  for (char *tok = strtok(s, "/"); tok; tok = strtok(NULL, "/")) {
    if (strcmp(tok, ".") == 0)
      continue;
    if (strcmp(tok, "..") == 0) {
      if (n == 0) {
        bad = 1;
        break;
      }
      n--;
      continue;
    }
    seg[n++] = tok;
  }
  char *out = NULL;
  if (!bad && n > 0) {
    qs_buf b = {0};
    for (size_t i = 0; i < n; i++) {
      if (i)
        qs_buf_add(&b, "/");
      qs_buf_add(&b, seg[i]);
    }
    out = qs_buf_take(&b);
  }
  free(seg);
  free(s);
  return out;
}

/* The relationships of part (its _rels/NAME.rels, absent: none). 0 or -1. */
static int read_rels(reader *r, const char *part, rels *out) {
  memset(out, 0, sizeof *out);
  char *dir = part_dir(part);
  const char *base = part + strlen(dir);
  qs_buf name = {0};
  qs_buf_addf(&name, "%s_rels/%s.rels", dir, base);
  char *data;
  size_t len;
  int rc = read_part(r, name.s, 0, &data, &len);
  if (rc != 0) {
    qs_buf_free(&name);
    free(dir);
    return rc < 0 ? -1 : 0;
  }
  xmlDocPtr doc = parse_part(r, name.s, data, len);
  free(data);
  if (!doc) {
    qs_buf_free(&name);
    free(dir);
    return -1;
  }
  xmlNode *root = xmlDocGetRootElement(doc);
  for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "Relationship") != 0)
      continue;
    if (attr_is(c, "TargetMode", "External"))
      continue;
    char *id = attr(c, "Id"), *type = attr(c, "Type"), *target = attr(c, "Target");
    if (id && type && target) {
      char *resolved = resolve(dir, target);
      /* Some writers give a target from the package's root without its leading slash
       * ("xl/worksheets/sheet1.xml" in xl/_rels/workbook.xml.rels): when the part named
       * relative to its source is absent and the one from the root exists, that one. */
      if (resolved && *dir && zip_name_locate(r->za, resolved, ZIP_FL_NOCASE) < 0) {
        char *from_root = resolve("", target);
        if (from_root && zip_name_locate(r->za, from_root, ZIP_FL_NOCASE) >= 0) {
          free(resolved);
          resolved = from_root;
        } else {
          free(from_root);
        }
      }
      if (resolved) {
        qs_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v);
        out->v[out->n++] = (rel){qs_xstrdup(id), qs_xstrdup(type), resolved};
      }
    }
    xmlFree(id);
    xmlFree(type);
    xmlFree(target);
  }
  xmlFreeDoc(doc);
  qs_buf_free(&name);
  free(dir);
  return 0;
}

static int type_is(const char *type, const char *suffix) {
  size_t n = strlen(type), m = strlen(suffix);
  return n > m && type[n - m - 1] == '/' && strcmp(type + n - m, suffix) == 0;
}

static const rel *rel_of_type(const rels *rs, const char *suffix) {
  for (size_t i = 0; i < rs->n; i++)
    if (type_is(rs->v[i].type, suffix))
      return &rs->v[i];
  return NULL;
}

static const rel *rel_by_id(const rels *rs, const char *id) {
  for (size_t i = 0; i < rs->n; i++)
    if (strcmp(rs->v[i].id, id) == 0)
      return &rs->v[i];
  return NULL;
}

/* ------------------------------------------------------------------ shared strings, styles */

static int read_shared_strings(reader *r, const char *part) {
  char *data;
  size_t len;
  int rc = read_part(r, part, 0, &data, &len);
  if (rc != 0) /* named but absent: no shared strings (a cell that uses one says so) */
    return rc < 0 ? -1 : 0;
  xmlDocPtr doc = parse_part(r, part, data, len);
  free(data);
  if (!doc)
    return -1;
  xmlNode *root = xmlDocGetRootElement(doc);
  for (xmlNode *si = root ? root->children : NULL; si; si = si->next) {
    if (!is_el(si, "si"))
      continue;
    if (r->n_sst >= (size_t)limits.cells) {
      fail(r, part, line_of(si), QS_M_XLSX_TOO_MANY_STRINGS, limits.cells);
      xmlFreeDoc(doc);
      return -1;
    }
    qs_grow(&r->sst, &r->cap_sst, r->n_sst + 1, sizeof *r->sst);
    r->sst[r->n_sst++] = string_item(si);
  }
  xmlFreeDoc(doc);
  return 0;
}

static int builtin_date(long id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

/* A number format code that shows a date or a time: a y, m, d, h or s outside quoted text,
 * brackets ("[$-F800]", "[Red]"), escaped characters (\x) and the fill and space marks (*x,
 * _x). "[h]:mm" has its m outside; an elapsed time is a time too. */
static int code_is_date(const char *code) {
  for (const char *p = code; *p; p++) {
    switch (*p) {
    case '"':
      p++;
      while (*p && *p != '"')
        p++;
      if (!*p)
        return 0;
      break;
    case '[':
      while (*p && *p != ']')
        p++;
      if (!*p)
        return 0;
      break;
    case '\\':
    case '*':
    case '_':
      if (!p[1])
        return 0;
      p++;
      break;
    default:
      if (strchr("ymdhsYMDHS", *p))
        return 1;
    }
  }
  return 0;
}

static int read_styles(reader *r, const char *part) {
  char *data;
  size_t len;
  int rc = read_part(r, part, 0, &data, &len);
  if (rc != 0)
    return rc < 0 ? -1 : 0;
  xmlDocPtr doc = parse_part(r, part, data, len);
  free(data);
  if (!doc)
    return -1;
  xmlNode *root = xmlDocGetRootElement(doc);
  /* The custom formats that are dates, by id. */
  size_t n_fmt = 0, cap_fmt = 0;
  long *date_fmt = NULL;
  for (xmlNode *f = child(child(root, "numFmts"), "numFmt"); f; f = f->next) {
    if (!is_el(f, "numFmt"))
      continue;
    char *id = attr(f, "numFmtId"), *code = attr(f, "formatCode");
    if (id && code && code_is_date(code)) {
      qs_grow(&date_fmt, &cap_fmt, n_fmt + 1, sizeof *date_fmt);
      date_fmt[n_fmt++] = strtol(id, NULL, 10);
    }
    xmlFree(id);
    xmlFree(code);
  }
  size_t cap_xf = 0;
  for (xmlNode *x = child(root, "cellXfs") ? child(root, "cellXfs")->children : NULL; x;
       x = x->next) {
    if (!is_el(x, "xf"))
      continue;
    if (r->n_xf >= 65536) /* Excel's own limit is 64,000 formats; the rest are no dates */
      break;
    char *id = attr(x, "numFmtId");
    long v = id ? strtol(id, NULL, 10) : 0;
    xmlFree(id);
    int date = builtin_date(v);
    for (size_t i = 0; !date && i < n_fmt; i++)
      date = date_fmt[i] == v;
    qs_grow(&r->date_xf, &cap_xf, r->n_xf + 1, 1);
    r->date_xf[r->n_xf++] = (unsigned char)date;
  }
  free(date_fmt);
  xmlFreeDoc(doc);
  return 0;
}

/* ------------------------------------------------------------------ sheets */

/* "AB12" -> col 27, row 12. 0, or -1 when it is no cell of a sheet. */
static int parse_ref(const char *s, unsigned *col, unsigned *row) {
  unsigned long c = 0, rw = 0;
  const char *p = s;
  while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
    c = c * 26 + (unsigned long)((*p | 0x20) - 'a' + 1);
    if (c > 16384)
      return -1;
    p++;
  }
  if (p == s || !(*p >= '1' && *p <= '9'))
    return -1;
  while (*p >= '0' && *p <= '9') {
    rw = rw * 10 + (unsigned long)(*p - '0');
    if (rw > 1048576)
      return -1;
    p++;
  }
  if (*p)
    return -1;
  *col = (unsigned)(c - 1);
  *row = (unsigned)rw;
  return 0;
}

static int parse_uint(const char *s, unsigned long max, unsigned long *out) {
  unsigned long v = 0;
  if (!s || !*s)
    return -1;
  for (const char *p = s; *p; p++) {
    if (*p < '0' || *p > '9')
      return -1;
    v = v * 10 + (unsigned long)(*p - '0');
    if (v > max)
      return -1;
  }
  *out = v;
  return 0;
}

typedef struct {
  qs_xcell cell;
  long line;
} pending;

static int cmp_pending(const void *a, const void *b) {
  const qs_xcell *x = &((const pending *)a)->cell, *y = &((const pending *)b)->cell;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  /* The same position: the earlier line first, so the message names the second. */
  long la = ((const pending *)a)->line, lb = ((const pending *)b)->line;
  return (la > lb) - (la < lb);
}

static char *cell_name(unsigned col, unsigned row) {
  char c[8];
  qs_buf b = {0};
  qs_buf_addf(&b, "%s%u", qs_xlsx_col_name(col, c), row);
  return qs_buf_take(&b);
}

/* The value of one cell as text and kind; NULL for an empty cell; -1 in *bad on an error. */
static char *cell_value(reader *r, const char *part, xmlNode *c, unsigned col, unsigned row,
                        qs_xcell_kind *kind, int *bad) {
  char *t = attr(c, "t");
  xmlNode *v = child(c, "v");
  char *text = NULL;
  *kind = QS_XC_STR;
  xmlNode *is = child(c, "is");
  /* An inline string; some writers leave out its t="inlineStr". */
  if ((t && strcmp(t, "inlineStr") == 0) || (!t && !v && is)) {
    if (is)
      text = string_item(is);
    else if (v) {
      qs_buf b = {0};
      add_node_text(&b, v);
      text = qs_buf_take(&b);
    }
  } else if (v) {
    xmlChar *raw = xmlNodeGetContent(v);
    const char *vs = raw ? (const char *)raw : "";
    if (t && strcmp(t, "s") == 0) {
      unsigned long i;
      if (parse_uint(vs, ULONG_MAX / 10, &i) != 0 || i >= r->n_sst) {
        char *name = cell_name(col, row), *q = shorten(vs);
        fail(r, part, line_of(c), QS_M_XLSX_BAD_STRING, name, q, r->n_sst);
        free(name);
        free(q);
        *bad = 1;
      } else {
        text = qs_xstrdup(r->sst[i]);
      }
    } else if (t && (strcmp(t, "str") == 0 || strcmp(t, "d") == 0)) {
      qs_buf b = {0};
      add_unescaped(&b, vs);
      text = qs_buf_take(&b);
    } else if (t && strcmp(t, "b") == 0) {
      *kind = QS_XC_BOOL;
      text = qs_xstrdup(strcmp(vs, "1") == 0 || strcmp(vs, "true") == 0 ? "TRUE" : "FALSE");
    } else if (t && strcmp(t, "e") == 0) {
      *kind = QS_XC_ERR;
      text = qs_xstrdup(vs);
    } else {
      char *s = attr(c, "s");
      unsigned long xf = 0;
      *kind = s && parse_uint(s, 1UL << 30, &xf) == 0 && xf < r->n_xf && r->date_xf[xf] ? QS_XC_DATE
                                                                                        : QS_XC_NUM;
      xmlFree(s);
      text = qs_xstrdup(vs);
    }
    xmlFree(raw);
  }
  xmlFree(t);
  if (text && !*text) {
    free(text);
    text = NULL;
  }
  if (text && utf8_chars(text) > (size_t)limits.cell_chars) {
    char *name = cell_name(col, row);
    fail(r, part, line_of(c), QS_M_XLSX_CELL_TOO_LONG, name, limits.cell_chars);
    free(name);
    free(text);
    *bad = 1;
    return NULL;
  }
  return text;
}

static int read_sheet(reader *r, const char *part, qs_xsheet *sh) {
  char *data;
  size_t len;
  if (read_part(r, part, 1, &data, &len) != 0)
    return -1;
  xmlDocPtr doc = parse_part(r, part, data, len);
  free(data);
  if (!doc)
    return -1;
  pending *cells = NULL;
  size_t n = 0, cap = 0;
  int rc = 0;
  unsigned long cur_row = 0;
  xmlNode *sheet_data = child(xmlDocGetRootElement(doc), "sheetData");
  for (xmlNode *rw = sheet_data ? sheet_data->children : NULL; rw && rc == 0; rw = rw->next) {
    if (!is_el(rw, "row"))
      continue;
    char *rs = attr(rw, "r");
    if (rs) {
      if (parse_uint(rs, 1048576, &cur_row) != 0 || cur_row == 0) {
        char *q = shorten(rs);
        rc = fail(r, part, line_of(rw), QS_M_XLSX_BAD_ROW, q);
        free(q);
      }
      xmlFree(rs);
    } else {
      cur_row++;
    }
    long prev_col = -1;
    for (xmlNode *c = rw->children; c && rc == 0; c = c->next) {
      if (!is_el(c, "c"))
        continue;
      unsigned col = 0, row = (unsigned)cur_row;
      char *ref = attr(c, "r");
      if (ref) {
        if (parse_ref(ref, &col, &row) != 0) {
          char *q = shorten(ref);
          rc = fail(r, part, line_of(c), QS_M_XLSX_BAD_REF, q);
          free(q);
        }
        xmlFree(ref);
        if (rc)
          break;
      } else {
        if (prev_col + 1 >= 16384) {
          rc = fail(r, part, line_of(c), QS_M_XLSX_BAD_REF, "XFE");
          break;
        }
        col = (unsigned)(prev_col + 1);
      }
      prev_col = col;
      if (row > (unsigned long)limits.rows) {
        rc = fail(r, part, line_of(c), QS_M_XLSX_TOO_MANY_ROWS, (unsigned long)row, limits.rows);
        break;
      }
      qs_xcell_kind kind;
      int bad = 0;
      char *text = cell_value(r, part, c, col, row, &kind, &bad);
      if (bad) {
        rc = -1;
        break;
      }
      if (!text)
        continue;
      if (r->n_cells >= (size_t)limits.cells) {
        free(text);
        rc = fail(r, part, line_of(c), QS_M_XLSX_TOO_MANY_CELLS, limits.cells);
        break;
      }
      r->n_cells++;
      qs_grow(&cells, &cap, n + 1, sizeof *cells);
      cells[n++] = (pending){{row, col, kind, text}, line_of(c)};
    }
  }
  xmlFreeDoc(doc);
  if (rc == 0) {
    qs_sort(cells, n, sizeof *cells, cmp_pending);
    for (size_t i = 1; i < n; i++)
      if (cells[i].cell.row == cells[i - 1].cell.row &&
          cells[i].cell.col == cells[i - 1].cell.col) {
        char *name = cell_name(cells[i].cell.col, cells[i].cell.row);
        rc = fail(r, part, cells[i].line, QS_M_XLSX_DUPLICATE_CELL, name);
        free(name);
        break;
      }
  }
  if (rc != 0) {
    for (size_t i = 0; i < n; i++)
      free(cells[i].cell.text);
    free(cells);
    return -1;
  }
  sh->cells = n ? qs_xmalloc(n * sizeof *sh->cells) : NULL;
  for (size_t i = 0; i < n; i++)
    sh->cells[i] = cells[i].cell;
  sh->n_cells = n;
  sh->n_rows = n ? sh->cells[n - 1].row : 0;
  free(cells);
  return 0;
}

/* ------------------------------------------------------------------ the workbook */

static int read_book(reader *r, qs_xbook *out) {
  zip_int64_t entries = zip_get_num_entries(r->za, 0);
  if (entries > limits.entries)
    return fail(r, NULL, 0, QS_M_XLSX_TOO_MANY_ENTRIES, (long)entries, limits.entries);

  /* The workbook part: _rels/.rels says which (xl/workbook.xml when there is no _rels/.rels). */
  rels root_rels;
  if (read_rels(r, "", &root_rels) != 0)
    return -1;
  char *wb_part = NULL;
  const rel *od = rel_of_type(&root_rels, "officeDocument");
  if (od)
    wb_part = qs_xstrdup(od->target);
  else if (root_rels.n == 0 && zip_name_locate(r->za, "_rels/.rels", ZIP_FL_NOCASE) < 0)
    wb_part = qs_xstrdup("xl/workbook.xml");
  rels_free(&root_rels);
  if (!wb_part)
    return fail(r, "_rels/.rels", 0, QS_M_XLSX_NO_WORKBOOK);

  int rc = -1;
  rels wr = {0};
  xmlDocPtr doc = NULL;
  char *data = NULL;
  size_t len;
  if (read_part(r, wb_part, 1, &data, &len) != 0)
    goto done;
  doc = parse_part(r, wb_part, data, len);
  free(data);
  if (!doc)
    goto done;
  if (read_rels(r, wb_part, &wr) != 0)
    goto done;
  xmlNode *root = xmlDocGetRootElement(doc);
  xmlNode *pr = child(root, "workbookPr");
  if (pr) {
    char *v = attr(pr, "date1904");
    out->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
    xmlFree(v);
  }
  const rel *sst = rel_of_type(&wr, "sharedStrings");
  if (sst && read_shared_strings(r, sst->target) != 0)
    goto done;
  const rel *styles = rel_of_type(&wr, "styles");
  if (styles && read_styles(r, styles->target) != 0)
    goto done;

  size_t cap = 0;
  xmlNode *sheets = child(root, "sheets");
  for (xmlNode *s = sheets ? sheets->children : NULL; s; s = s->next) {
    if (!is_el(s, "sheet"))
      continue;
    if (out->n_sheets >= (size_t)limits.sheets) {
      fail(r, wb_part, line_of(s), QS_M_XLSX_TOO_MANY_SHEETS, limits.sheets);
      goto done;
    }
    qs_grow(&out->sheets, &cap, out->n_sheets + 1, sizeof *out->sheets);
    qs_xsheet *sh = &out->sheets[out->n_sheets++];
    memset(sh, 0, sizeof *sh);
    char *name = attr(s, "name"), *state = attr(s, "state"), *id = rel_id(s);
    sh->name = qs_xstrdup(name ? name : "");
    sh->hidden = state && (strcmp(state, "hidden") == 0 || strcmp(state, "veryHidden") == 0);
    const rel *sr = id ? rel_by_id(&wr, id) : NULL;
    if (!sr) {
      char *qn = shorten(sh->name), *qi = shorten(id ? id : "");
      qs_buf rn = {0};
      char *dir = part_dir(wb_part);
      qs_buf_addf(&rn, "%s_rels/%s.rels", dir, wb_part + strlen(dir));
      fail(r, wb_part, line_of(s), QS_M_XLSX_SHEET_REL, qn, qi, rn.s);
      qs_buf_free(&rn);
      free(dir);
      free(qn);
      free(qi);
    }
    xmlFree(name);
    xmlFree(state);
    xmlFree(id);
    if (!sr)
      goto done;
    /* A chart sheet or a dialog sheet holds no cells: listed, empty. */
    if (type_is(sr->type, "worksheet") && read_sheet(r, sr->target, sh) != 0)
      goto done;
  }
  rc = 0;
done:
  xmlFreeDoc(doc);
  rels_free(&wr);
  free(wb_part);
  return rc;
}

static qs_status read_zip(zip_t *za, qs_lang lang, qs_xbook *out, char **err) {
  reader r = {.lang = lang, .za = za};
  int rc = read_book(&r, out);
  for (size_t i = 0; i < r.n_sst; i++)
    free(r.sst[i]);
  free(r.sst);
  free(r.date_xf);
  if (rc != 0) {
    qs_xbook_free(out);
    if (err)
      *err = r.err ? r.err : qs_xstrdup("?");
    else
      free(r.err);
    return QS_E_INPUT;
  }
  return QS_OK;
}

static qs_status zip_failed(qs_lang lang, int code, char **err) {
  qs_buf b = {0};
  if (code == ZIP_ER_NOZIP)
    qs_buf_add(&b, qs_msg_get(lang, QS_M_XLSX_NOT_ZIP));
  else
    qs_buf_addf(&b, qs_msg_get(lang, QS_M_XLSX_ZIP_DAMAGED), code);
  if (err)
    *err = qs_buf_take(&b);
  else
    qs_buf_free(&b);
  return QS_E_INPUT;
}

qs_status qs_xlsx_read_buffer_lang(const void *data, size_t len, qs_lang lang, qs_xbook *out,
                                   char **err) {
  memset(out, 0, sizeof *out);
  if (err)
    *err = NULL;
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(len ? data : "", len, 0, &ze);
  if (!src) {
    int code = zip_error_code_zip(&ze);
    zip_error_fini(&ze);
    return zip_failed(lang, code, err);
  }
  zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
  if (!za) {
    int code = zip_error_code_zip(&ze);
    zip_source_free(src);
    zip_error_fini(&ze);
    return zip_failed(lang, code, err);
  }
  zip_error_fini(&ze);
  qs_status st = read_zip(za, lang, out, err);
  zip_discard(za);
  return st;
}

qs_status qs_xlsx_read_buffer(const void *data, size_t len, qs_xbook *out, char **err) {
  return qs_xlsx_read_buffer_lang(data, len, QS_LANG_ZH, out, err);
}

qs_status qs_xlsx_read_lang(const char *path, qs_lang lang, qs_xbook *out, char **err) {
  memset(out, 0, sizeof *out);
  if (err)
    *err = NULL;
  char *data = NULL;
  size_t len = 0;
  int err_no = 0;
  qs_status st = qs_read_fileat(AT_FDCWD, path, (size_t)limits.file_mb << 20, QS_READ_REGULAR_ONLY,
                                &data, &len, &err_no);
  if (st != QS_OK) {
    qs_buf b = {0};
    if (st == QS_E_TOO_LARGE)
      qs_buf_addf(&b, qs_msg_get(lang, QS_M_XLSX_FILE_TOO_LARGE), limits.file_mb);
    else
      qs_buf_addf(&b, qs_msg_get(lang, QS_M_CANNOT_READ),
                  qs_strerror(lang, qs_read_errno(st, err_no)));
    if (err)
      *err = qs_buf_take(&b);
    else
      qs_buf_free(&b);
    return st;
  }
  st = qs_xlsx_read_buffer_lang(data, len, lang, out, err);
  free(data);
  return st;
}

qs_status qs_xlsx_read(const char *path, qs_xbook *out, char **err) {
  return qs_xlsx_read_lang(path, QS_LANG_ZH, out, err);
}

void qs_xbook_free(qs_xbook *b) {
  if (!b)
    return;
  for (size_t i = 0; i < b->n_sheets; i++) {
    for (size_t j = 0; j < b->sheets[i].n_cells; j++)
      free(b->sheets[i].cells[j].text);
    free(b->sheets[i].cells);
    free(b->sheets[i].name);
  }
  free(b->sheets);
  memset(b, 0, sizeof *b);
}

const qs_xsheet *qs_xbook_sheet(const qs_xbook *b, const char *name) {
  for (size_t i = 0; b && name && i < b->n_sheets; i++)
    if (strcmp(b->sheets[i].name, name) == 0)
      return &b->sheets[i];
  return NULL;
}

const qs_xcell *qs_xsheet_cell(const qs_xsheet *s, unsigned row, unsigned col) {
  if (!s)
    return NULL;
  size_t lo = 0, hi = s->n_cells;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const qs_xcell *c = &s->cells[mid];
    if (c->row == row && c->col == col)
      return c;
    if (c->row < row || (c->row == row && c->col < col))
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's days_from_civil). */
static long days_from_civil(long y, long m, long d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long yy = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long dd = doy - (153 * mp + 2) / 5 + 1;
  long mm = mp + (mp < 10 ? 3 : -9);
  *y = (int)(yy + (mm <= 2));
  *m = (int)mm;
  *d = (int)dd;
}

int qs_xlsx_date(double serial, int date1904, int *y, int *m, int *d) {
  if (!(serial >= 0) || serial > 3e6) /* NaN too */
    return -1;
  long day = (long)floor(serial);
  long epoch; /* days from 1970-01-01 of serial 0 */
  if (date1904) {
    epoch = days_from_civil(1904, 1, 1);
  } else {
    /* 1900 system: serial 1 is 1900-01-01, and Excel counts a 1900-02-29 that never was
     * (serial 60, no date); from 61 (1900-03-01) on, serial 0 is 1899-12-30. */
    if (day < 1 || day == 60)
      return -1;
    epoch = day < 60 ? days_from_civil(1899, 12, 31) : days_from_civil(1899, 12, 30);
  }
  long z = epoch + day;
  if (z > days_from_civil(9999, 12, 31))
    return -1;
  civil_from_days(z, y, m, d);
  return 0;
}

char *qs_xlsx_col_name(unsigned col, char *buf) {
  char tmp[8];
  size_t n = 0;
  unsigned long c = (unsigned long)col + 1;
  if (col > 18277) { /* past ZZZ: not a column Excel has */
    strcpy(buf, "?");
    return buf;
  }
  while (c > 0) {
    c--;
    tmp[n++] = (char)('A' + c % 26);
    c /= 26;
  }
  for (size_t i = 0; i < n; i++)
    buf[i] = tmp[n - 1 - i];
  buf[n] = '\0';
  return buf;
}
