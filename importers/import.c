/* import.c -- parsing a submission safely, validating it, and walking it into facts.
 *
 * Defenses, in the order they act:
 *  1. the caller has already refused files over the max-input-mb parameter;
 *  2. parser options: no network (XML_PARSE_NONET), no entity substitution, no DTD loading
 *     or validation, no XInclude processing, libxml2's default limits on text nodes and
 *     nesting (no XML_PARSE_HUGE);
 *  3. any DOCTYPE stops the parse at once (a SAX hook), before an entity can be declared:
 *     a submission has no use for one, and every entity attack needs one;
 *  4. an external entity loader that refuses everything, for anything that gets past 3
 *     (and for the schema compiler);
 *  5. validation against the built-in schema, which fixes every element, attribute, type
 *     and reference;
 *  6. values reach CLIPS only through the fact API. */
#include <errno.h>
#include <libxml/SAX2.h>
#include <libxml/encoding.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/qs_builtin.h"
#include "../base/qs_util.h"
#include "qs_codes.h"
#include "qs_family.h"

struct qs_schema {
  xmlSchemaPtr schema;
};

static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
  (void)url;
  (void)id;
  (void)ctxt;
  return NULL;
}

/* ------------------------------------------------------------------ error collection */

typedef struct {
  qs_diag *d;
  const char *name;
  qs_msg msg;
  int errors;
  xmlHashTablePtr dup_lines; /* lines of duplicate ids, already reported more clearly */
} err_sink;

/* Schema messages name elements as {urn:qscore:submission:2025}x; print them as x. */
static char *strip_ns(const char *s) {
  static const char ns[] = "{" QS_SUBMISSION_NS "}";
  qs_buf b = {0};
  for (const char *p = s; *p;) {
    if (strncmp(p, ns, sizeof ns - 1) == 0) {
      p += sizeof ns - 1;
      continue;
    }
    qs_buf_addn(&b, p, 1);
    p++;
  }
  return qs_buf_take(&b);
}

static void structured_error(void *ctx, xmlErrorPtr e) {
  err_sink *s = ctx;
  if (!e || e->level == XML_ERR_NONE)
    return;
  if (e->level == XML_ERR_WARNING)
    return;
  s->errors++;
  char *m = strip_ns(e->message ? e->message : "?");
  char line[32];
  snprintf(line, sizeof line, "%d", e->line);
  if (s->dup_lines && strstr(m, "type 'Id'") &&
      xmlHashLookup(s->dup_lines, (const xmlChar *)line)) {
    free(m);
    return;
  }
  /* libxml2 writes English: in Chinese its common messages are put into the catalog's words. */
  char *t = qs_xml_message(s->d->lang, m);
  qs_diag_add(s->d, s->name, e->line, qs_msg_get(s->d->lang, s->msg), t);
  free(t);
  free(m);
}

/* ------------------------------------------------------------------ schema */

qs_schema *qs_schema_new(qs_diag *d) {
  xmlSetExternalEntityLoader(deny_loader);
  const qs_builtin_file *f = qs_builtin_find(qs_builtin_schemas, "submission-2025.xsd");
  if (!f) {
    qs_diag_add(d, NULL, 0, "built-in schema submission-2025.xsd missing");
    return NULL;
  }
  err_sink sink = {d, "submission-2025.xsd", QS_M_SCHEMA, 0, NULL};
  xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(f->data, (int)f->len);
  xmlSchemaSetParserStructuredErrors(pc, structured_error, &sink);
  xmlSchemaPtr schema = xmlSchemaParse(pc);
  xmlSchemaFreeParserCtxt(pc);
  if (!schema)
    return NULL;
  qs_schema *s = qs_xmalloc(sizeof *s);
  s->schema = schema;
  return s;
}

void qs_schema_free(qs_schema *s) {
  if (!s)
    return;
  xmlSchemaFree(s->schema);
  free(s);
}

/* ------------------------------------------------------------------ parsing */

typedef enum {
  STOP_NONE,
  STOP_DOCTYPE,
  STOP_XINCLUDE,
  STOP_ELEMENTS,
  STOP_ITEMS,
  STOP_DEPTH
} stop_reason;

typedef struct {
  stop_reason stop;
  long line;
  const qs_parse_limits *lim;
  long elements, items;
  int depth;
} parse_guard;

static void stop(xmlParserCtxtPtr ctxt, parse_guard *g, stop_reason why) {
  if (g->stop == STOP_NONE) {
    g->stop = why;
    g->line = ctxt->input ? ctxt->input->line : 0;
  }
  xmlStopParser(ctxt);
}

static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys) {
  (void)name;
  (void)ext;
  (void)sys;
  xmlParserCtxtPtr ctxt = ctx;
  stop(ctxt, ctxt->_private, STOP_DOCTYPE);
}

/* Count elements, items with an id and depth as they are parsed, then build the tree as
 * libxml2 would. */
static void count_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                        const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                        int nb_attributes, int nb_defaulted, const xmlChar **attributes) {
  xmlParserCtxtPtr ctxt = ctx;
  parse_guard *g = ctxt->_private;
  if (++g->elements > g->lim->max_elements) {
    stop(ctxt, g, STOP_ELEMENTS);
    return;
  }
  for (int i = 0; i < nb_attributes; i++)
    if (attributes[5 * i + 1] == NULL && strcmp((const char *)attributes[5 * i], "id") == 0 &&
        ++g->items > g->lim->max_items) {
      stop(ctxt, g, STOP_ITEMS);
      return;
    }
  if (++g->depth > QS_MAX_DEPTH) {
    stop(ctxt, g, STOP_DEPTH);
    return;
  }
  if (uri && (strcmp((const char *)uri, "http://www.w3.org/2001/XInclude") == 0 ||
              strcmp((const char *)uri, "http://www.w3.org/2003/XInclude") == 0)) {
    stop(ctxt, g, STOP_XINCLUDE);
    return;
  }
  xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                        nb_defaulted, attributes);
}

static void count_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                      const xmlChar *uri) {
  xmlParserCtxtPtr ctxt = ctx;
  parse_guard *g = ctxt->_private;
  g->depth--;
  xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

/* Report every id used twice, naming the line that used it first; returns the lines of the
 * repeats (so the schema's own, vaguer complaint about them can be left out), or NULL. */
static void dup_walk(xmlNode *n, xmlHashTablePtr first, xmlHashTablePtr *dups, const char *name,
                     qs_diag *d) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    xmlChar *id = xmlGetNoNsProp(n, (const xmlChar *)"id");
    if (id) {
      long line = xmlGetLineNo(n);
      void *seen = xmlHashLookup(first, id);
      if (seen) {
        qs_diag_add(d, name, line, qs_msg_get(d->lang, QS_M_DUPLICATE_ID), (const char *)id,
                    (long)(intptr_t)seen);
        if (!*dups)
          *dups = xmlHashCreate(16);
        char key[32];
        snprintf(key, sizeof key, "%ld", line);
        xmlHashAddEntry(*dups, (const xmlChar *)key, (void *)1);
      } else {
        xmlHashAddEntry(first, id, (void *)(intptr_t)line);
      }
      xmlFree(id);
    }
    dup_walk(n->children, first, dups, name, d);
  }
}

static xmlHashTablePtr find_duplicate_ids(xmlNode *root, const char *name, qs_diag *d) {
  xmlHashTablePtr first = xmlHashCreate(256), dups = NULL;
  dup_walk(root, first, &dups, name, d);
  xmlHashFree(first, NULL);
  return dups;
}

/* ------------------------------------------------------------------ attributes per start tag
 *
 * libxml2 (2.9.14) checks each attribute of a start tag against every earlier one (and each
 * namespace declaration against the earlier ones) before any SAX callback sees the tag, and
 * goes on parsing after an error: a root with 200,000 attributes parsed for minutes, and
 * counting them in count_start would come too late. So the text is scanned first, in one pass:
 * the attributes of every start tag are counted (namespace declarations too, being attributes
 * lexically), skipping comments, CDATA sections, processing instructions, the declarations,
 * end tags and quoted values, and a tag past max-attributes refuses the file with its line.
 *
 * For well-formed text the scan reads exactly what libxml2 reads. Past the first thing that is
 * not well-formed inside what it skips (a character XML forbids, "--" in a comment, a "<?"
 * without a target, "<" in a quoted value, an end tag not closed by ">", a "<!" that opens
 * neither a comment nor a CDATA section, a DOCTYPE included),
 * libxml2's recovery could read as markup what the scan skipped; from there on the scan only
 * counts the "=" between one "<" and the next, which bounds the attributes libxml2 can find in
 * a tag (each needs an "=", and a "<" ends any tag): such a file is not well-formed anyway.
 *
 * The text is read as libxml2 will decode it: UTF-16 and UCS-4 as code units (a byte-order
 * mark, or "<" as 3C 00 / 00 3C at the start), UTF-8 and single-byte encodings as bytes, and
 * any other declared encoding (GBK, Big5, ISO-2022, EBCDIC ...: where a byte of "]]>", a quote
 * or "<" can be part of another character) first converted to UTF-8 by libxml2's converter. */

typedef struct {
  const unsigned char *p;
  size_t n;  /* code units */
  int width; /* bytes per code unit: 1, 2 or 4 */
  int big;   /* big-endian */
} code_units;

static uint32_t unit_at(const code_units *u, size_t i) {
  const unsigned char *q = u->p + i * (size_t)u->width;
  if (u->width == 1)
    return q[0];
  if (u->width == 2)
    return u->big ? (uint32_t)q[0] << 8 | q[1] : (uint32_t)q[1] << 8 | q[0];
  return u->big ? (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 | (uint32_t)q[2] << 8 | q[3]
                : (uint32_t)q[3] << 24 | (uint32_t)q[2] << 16 | (uint32_t)q[1] << 8 | q[0];
}

static int units_match(const code_units *u, size_t i, const char *s) {
  for (; *s; s++, i++)
    if (i >= u->n || unit_at(u, i) != (unsigned char)*s)
      return 0;
  return 1;
}

static int xml_space(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* A code unit XML forbids (a control character, U+FFFE, U+FFFF), where libxml2 stops
 * whatever it is reading. */
static int forbidden(const code_units *u, size_t i) {
  uint32_t c = unit_at(u, i);
  if (c < 0x20)
    return !xml_space(c);
  if (u->width == 1)
    return c == 0xEF && i + 2 < u->n && unit_at(u, i + 1) == 0xBF &&
           (unit_at(u, i + 2) == 0xBE || unit_at(u, i + 2) == 0xBF);
  return c == 0xFFFE || c == 0xFFFF;
}

typedef struct {
  const code_units *u;
  size_t i;
  long line;
} scan;

static void step(scan *s) {
  if (unit_at(s->u, s->i) == '\n')
    s->line++;
  s->i++;
}

/* Past the next end (or to the end of the text, as libxml2 reads an unclosed comment, CDATA
 * section or processing instruction); 0 at a forbidden character or, in a comment, at "--"
 * before its end. */
static int skip_to(scan *s, const char *end, int comment) {
  while (s->i < s->u->n && !units_match(s->u, s->i, end)) {
    if (forbidden(s->u, s->i) || (comment && units_match(s->u, s->i, "--")))
      return 0;
    step(s);
  }
  s->i += strlen(end);
  return 1;
}

/* A unit that can continue a tag's or an attribute's name, as far as the scan is concerned. */
static int name_unit(const code_units *u, size_t i) {
  uint32_t c = unit_at(u, i);
  return !xml_space(c) && c != '=' && c != '>' && c != '/' && c != '<' && !forbidden(u, i);
}

static int name_start(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}

/* The line of the first start tag with more than max attributes, 0 when there is none. */
static long scan_start_tags(const code_units *u, long max) {
  scan s = {u, 0, 1};
  size_t n = u->n;
  int loose = 0;
  /* A byte-order mark, then an XML declaration, which libxml2 ends at its first ">". */
  if (u->width == 1 && units_match(u, 0, "\xEF\xBB\xBF"))
    s.i = 3;
  else if (n && unit_at(u, 0) == 0xFEFF)
    s.i = 1;
  if (units_match(u, s.i, "<?xml") && s.i + 5 < n && xml_space(unit_at(u, s.i + 5))) {
    s.i += 5;
    if (!skip_to(&s, ">", 0))
      loose = 1;
  }
  while (s.i < n) {
    if (loose) {
      /* Every "=" up to the next "<" may be an attribute of the tag this "<" begins. */
      if (unit_at(u, s.i) != '<') {
        step(&s);
        continue;
      }
      long tag_line = s.line, count = 0;
      step(&s);
      while (s.i < n && unit_at(u, s.i) != '<') {
        if (unit_at(u, s.i) == '=' && ++count > max)
          return tag_line;
        step(&s);
      }
      continue;
    }
    if (unit_at(u, s.i) != '<') {
      step(&s);
      continue;
    }
    if (units_match(u, s.i, "<!--")) {
      s.i += 4;
      loose = !skip_to(&s, "-->", 1);
    } else if (units_match(u, s.i, "<![CDATA[")) {
      s.i += 9;
      loose = !skip_to(&s, "]]>", 0);
    } else if (units_match(u, s.i, "<?")) {
      s.i += 2;
      loose = s.i >= n || !name_start(unit_at(u, s.i)) || !skip_to(&s, "?>", 0);
    } else if (units_match(u, s.i, "<!")) {
      /* A DOCTYPE is refused when parsed, but not once an error has turned libxml2's callbacks
       * off, nor where it is not allowed (libxml2 then reads on after its "<"); anything else
       * is not well-formed. */
      loose = 1;
    } else if (units_match(u, s.i, "</")) {
      s.i += 2;
      while (s.i < n && name_unit(u, s.i))
        s.i++;
      while (s.i < n && xml_space(unit_at(u, s.i)))
        step(&s);
      if (s.i < n && unit_at(u, s.i) == '>')
        s.i++;
      else
        loose = 1;
    } else {
      /* A start tag: its name, then name="value" up to ">" or "/>". Every name counts. */
      long tag_line = s.line, count = 0;
      s.i++;
      while (s.i < n && name_unit(u, s.i))
        s.i++;
      while (s.i < n && !loose) {
        uint32_t c = unit_at(u, s.i);
        if (forbidden(u, s.i)) {
          loose = 1;
          break;
        }
        if (xml_space(c) || c == '/') {
          step(&s);
          continue;
        }
        if (c == '>') {
          s.i++;
          break;
        }
        if (c == '<')
          break; /* not well-formed: a new tag begins */
        if (++count > max)
          return tag_line;
        s.i++; /* the name's first unit (an "=" without a name counts too) */
        while (s.i < n && name_unit(u, s.i))
          s.i++;
        while (s.i < n && xml_space(unit_at(u, s.i)))
          step(&s);
        if (s.i >= n || unit_at(u, s.i) != '=')
          continue;
        s.i++;
        while (s.i < n && xml_space(unit_at(u, s.i)))
          step(&s);
        if (s.i < n && (unit_at(u, s.i) == '"' || unit_at(u, s.i) == '\'')) {
          uint32_t quote = unit_at(u, s.i++);
          while (s.i < n && unit_at(u, s.i) != quote) {
            if (unit_at(u, s.i) == '<' || forbidden(u, s.i)) {
              loose = 1;
              break;
            }
            step(&s);
          }
          if (!loose)
            s.i++;
        } else {
          while (s.i < n && name_unit(u, s.i))
            s.i++;
        }
      }
    }
  }
  return 0;
}

/* The encoding named by an XML declaration at the start of ASCII-compatible bytes, into out
 * (empty when there is none). */
static void declared_encoding(const unsigned char *p, size_t n, char out[64]) {
  out[0] = '\0';
  if (n < 6 || memcmp(p, "<?xml", 5) != 0 || !xml_space(p[5]))
    return;
  size_t endpos = 5;
  while (endpos + 1 < n && endpos < 1024 && !(p[endpos] == '?' && p[endpos + 1] == '>'))
    endpos++;
  for (size_t i = 5; i + 8 < endpos; i++) {
    if (memcmp(p + i, "encoding", 8) != 0)
      continue;
    size_t k = i + 8;
    while (k < endpos && xml_space(p[k]))
      k++;
    if (k >= endpos || p[k] != '=')
      return;
    k++;
    while (k < endpos && xml_space(p[k]))
      k++;
    if (k >= endpos || (p[k] != '"' && p[k] != '\''))
      return;
    unsigned char quote = p[k++];
    size_t m = 0;
    while (k < endpos && p[k] != quote && m < 63)
      out[m++] = (char)p[k++];
    out[m] = '\0';
    return;
  }
}

/* Single-byte encodings and UTF-8: the bytes of markup are never part of another character. */
static int bytes_are_characters(const char *enc) {
  static const char *const safe[] = {"UTF-8", "UTF8", "US-ASCII", "ASCII", "UTF-16", "UTF16", NULL};
  if (!enc[0] || strncasecmp(enc, "ISO-8859-", 9) == 0 || strncasecmp(enc, "ISO8859", 7) == 0 ||
      strncasecmp(enc, "LATIN", 5) == 0 || strncasecmp(enc, "WINDOWS-125", 11) == 0)
    return 1;
  for (int i = 0; safe[i]; i++)
    if (strcasecmp(enc, safe[i]) == 0)
      return 1;
  return 0;
}

static void quiet_error(void *ctx, xmlErrorPtr e) {
  (void)ctx;
  (void)e;
}

/* data converted to UTF-8 by the handler, as far as it converts; NULL when nothing did. */
static xmlBufferPtr to_utf8(xmlCharEncodingHandlerPtr h, const char *data, size_t len) {
  xmlBufferPtr in = xmlBufferCreateSize(len + 1), out = xmlBufferCreateSize(2 * len + 64);
  if (!in || !out || xmlBufferAdd(in, (const xmlChar *)data, (int)len) != 0) {
    xmlBufferFree(in);
    xmlBufferFree(out);
    return NULL;
  }
  xmlSetStructuredErrorFunc(NULL, quiet_error);
  while (xmlBufferLength(in) > 0) {
    int before = xmlBufferLength(in);
    if (xmlCharEncInFunc(h, out, in) < 0 || xmlBufferLength(in) == before)
      break; /* libxml2 stops decoding there too */
  }
  xmlSetStructuredErrorFunc(NULL, NULL);
  xmlBufferFree(in);
  return out;
}

/* The line of the first start tag of data with more than max attributes, 0 when none. */
static long too_many_attributes(const char *data, size_t len, long max) {
  const unsigned char *p = (const unsigned char *)data;
  code_units u = {p, len, 1, 0};
  if (len >= 4 && ((p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == '<') ||
                   (p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF)))
    u = (code_units){p, len / 4, 4, 1};
  else if (len >= 4 && p[0] == '<' && p[1] == 0 && p[2] == 0 && p[3] == 0)
    u = (code_units){p, len / 4, 4, 0};
  else if (len >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0 && p[1] == '<')))
    u = (code_units){p, len / 2, 2, 1};
  else if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == '<' && p[1] == 0)))
    u = (code_units){p, len / 2, 2, 0};
  if (u.width > 1)
    return scan_start_tags(&u, max);
  /* Bytes: UTF-8 (with or without its byte-order mark), a declared encoding, or EBCDIC. */
  xmlCharEncodingHandlerPtr h = NULL;
  if (len >= 4 && p[0] == 0x4C && p[1] == 0x6F && p[2] == 0xA7 && p[3] == 0x94) {
    h = xmlGetCharEncodingHandler(XML_CHAR_ENCODING_EBCDIC);
  } else {
    size_t bom = len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0;
    char enc[64];
    declared_encoding(p + bom, len - bom, enc);
    if (!bytes_are_characters(enc))
      h = xmlFindCharEncodingHandler(enc);
  }
  if (!h)
    return scan_start_tags(&u, max);
  xmlBufferPtr utf8 = to_utf8(h, data, len);
  xmlCharEncCloseFunc(h);
  if (!utf8)
    return scan_start_tags(&u, max);
  code_units v = {xmlBufferContent(utf8), (size_t)xmlBufferLength(utf8), 1, 0};
  long line = scan_start_tags(&v, max);
  xmlBufferFree(utf8);
  return line;
}

static int blank(const char *data, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (data[i] != ' ' && data[i] != '\n' && data[i] != '\r' && data[i] != '\t')
      return 0;
  return 1;
}

xmlDocPtr qs_import_parse(qs_schema *s, const char *name, const char *data, size_t len,
                          const qs_parse_limits *lim, qs_diag *d) {
  if (len == 0 || blank(data, len)) {
    qs_diag_add(d, name, 0, "%s", qs_msg_get(d->lang, QS_M_EMPTY));
    return NULL;
  }
  if (len > (size_t)INT32_MAX) {
    qs_diag_add(d, name, 0, qs_msg_get(d->lang, QS_M_TOO_LARGE), (long)(INT32_MAX >> 20));
    return NULL;
  }
  long attr_line = too_many_attributes(data, len, lim->max_attributes);
  if (attr_line) {
    qs_diag_add(d, name, attr_line, qs_msg_get(d->lang, QS_M_TOO_MANY_ATTRIBUTES),
                lim->max_attributes);
    return NULL;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    qs_diag_add(d, name, 0, qs_msg_get(d->lang, QS_M_NOT_XML), qs_strerror(d->lang, ENOMEM));
    return NULL;
  }
  parse_guard guard = {.lim = lim};
  ctxt->_private = &guard;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->externalSubset = refuse_doctype;
  ctxt->sax->startElementNs = count_start;
  ctxt->sax->endElementNs = count_end;

  qs_diag tmp;
  qs_diag_init(&tmp, d->lang);
  err_sink sink = {&tmp, name, QS_M_NOT_XML, 0, NULL};
  xmlSetStructuredErrorFunc(&sink, structured_error);
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
                                    XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
  int well_formed = ctxt->wellFormed;
  xmlSetStructuredErrorFunc(NULL, NULL);
  xmlFreeParserCtxt(ctxt);

  if (guard.stop != STOP_NONE) {
    /* The parser's own complaint about being stopped says nothing useful. */
    if (guard.stop == STOP_DOCTYPE)
      qs_diag_add(d, name, guard.line, "%s", qs_msg_get(d->lang, QS_M_DOCTYPE));
    else if (guard.stop == STOP_XINCLUDE)
      qs_diag_add(d, name, guard.line, "%s", qs_msg_get(d->lang, QS_M_XINCLUDE));
    else if (guard.stop == STOP_ELEMENTS)
      qs_diag_add(d, name, guard.line, qs_msg_get(d->lang, QS_M_TOO_MANY_ELEMENTS),
                  lim->max_elements);
    else if (guard.stop == STOP_ITEMS)
      qs_diag_add(d, name, guard.line, qs_msg_get(d->lang, QS_M_TOO_MANY_ITEMS), lim->max_items);
    else
      qs_diag_add(d, name, guard.line, qs_msg_get(d->lang, QS_M_TOO_DEEP), QS_MAX_DEPTH);
    qs_diag_free(&tmp);
    xmlFreeDoc(doc);
    return NULL;
  }
  if (!doc || !well_formed) {
    if (tmp.n == 0)
      qs_diag_add(&tmp, name, 0, qs_msg_get(d->lang, QS_M_NOT_XML), "?");
    for (size_t i = 0; i < tmp.n; i++)
      qs_diag_add(d, tmp.items[i].file, tmp.items[i].line, "%s", tmp.items[i].text);
    d->dropped += tmp.dropped;
    qs_diag_free(&tmp);
    xmlFreeDoc(doc);
    return NULL;
  }
  qs_diag_free(&tmp);

  xmlNode *root = xmlDocGetRootElement(doc);
  const char *ns = root && root->ns && root->ns->href ? (const char *)root->ns->href : "";
  if (!root || strcmp(ns, QS_SUBMISSION_NS) != 0 ||
      strcmp((const char *)root->name, "submission") != 0) {
    qs_diag_add(d, name, root ? xmlGetLineNo(root) : 0, qs_msg_get(d->lang, QS_M_WRONG_ROOT), ns,
                root ? (const char *)root->name : "");
    xmlFreeDoc(doc);
    return NULL;
  }

  xmlChar *edition = xmlGetNoNsProp(root, (const xmlChar *)"edition");
  if (edition && strcmp((const char *)edition, "2025") != 0) {
    qs_diag_add(d, name, xmlGetLineNo(root), qs_msg_get(d->lang, QS_M_WRONG_EDITION),
                (const char *)edition);
    xmlFree(edition);
    xmlFreeDoc(doc);
    return NULL;
  }
  xmlFree(edition);

  err_sink vsink = {d, name, QS_M_SCHEMA, 0, find_duplicate_ids(root, name, d)};
  xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s->schema);
  xmlSchemaSetValidStructuredErrors(vc, structured_error, &vsink);
  int rc = xmlSchemaValidateDoc(vc, doc);
  xmlSchemaFreeValidCtxt(vc);
  int dups = vsink.dup_lines != NULL;
  xmlHashFree(vsink.dup_lines, NULL);
  if (rc != 0 || dups) {
    if (vsink.errors == 0)
      qs_diag_add(d, name, 0, qs_msg_get(d->lang, QS_M_SCHEMA), "?");
    xmlFreeDoc(doc);
    return NULL;
  }
  return doc;
}

/* ------------------------------------------------------------------ fact building */

static void template_problem(qs_import *im, const char *what, const char *tmpl, const char *slot) {
  qs_buf b = {0};
  qs_buf_addf(&b, "%s %s%s%s", what, tmpl, slot ? " / " : "", slot ? slot : "");
  qs_diag_add(im->d, NULL, 0, qs_msg_get(im->d->lang, QS_M_RULES_TEMPLATE), b.s);
  qs_buf_free(&b);
  im->rules_bad = 1;
}

int qs_fact_begin(qs_fact *f, qs_import *im, const char *tmpl) {
  f->im = im;
  f->tmpl = tmpl;
  f->fact = qs_env_fact_new(im->qe, qs_env_template(im->qe, tmpl));
  if (!f->fact) {
    template_problem(im, "deftemplate", tmpl, NULL);
    return -1;
  }
  return 0;
}

/* A slot the template lacks (or of another type) is the rules' fault: they do not match the
 * importer. */
static void put(qs_fact *f, const char *slot, int rc) {
  if (f->fact && rc != 0)
    template_problem(f->im, "slot", f->tmpl, slot);
}

void qs_fact_str(qs_fact *f, const char *slot, const char *v) {
  put(f, slot, qs_env_put_str(f->im->qe, f->fact, slot, v));
}

void qs_fact_sym(qs_fact *f, const char *slot, const char *v) {
  put(f, slot, qs_env_put_sym(f->im->qe, f->fact, slot, v));
}

void qs_fact_int(qs_fact *f, const char *slot, long long v) {
  put(f, slot, qs_env_put_int(f->im->qe, f->fact, slot, v));
}

void qs_fact_float(qs_fact *f, const char *slot, double v) {
  put(f, slot, qs_env_put_float(f->im->qe, f->fact, slot, v));
}

void qs_fact_syms(qs_fact *f, const char *slot, char *const *v, size_t n) {
  put(f, slot, qs_env_put_syms(f->im->qe, f->fact, slot, v, n));
}

void qs_fact_assert(qs_fact *f) {
  if (!f->fact)
    return;
  if (qs_env_assert(f->im->qe, f->fact) != 0)
    template_problem(f->im, "slot defaults of", f->tmpl, NULL);
  f->fact = NULL;
}

/* ------------------------------------------------------------------ tree helpers */

const char *qs_attr_raw(xmlNode *n, const char *name) {
  xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);
  if (!a || a->type != XML_ATTRIBUTE_NODE)
    return NULL;
  if (!a->children)
    return "";
  if (a->children->type == XML_TEXT_NODE && !a->children->next && a->children->content)
    return (const char *)a->children->content;
  return NULL; /* not reachable without entities, which are refused */
}

static char *trim_copy(const char *s) {
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
    s++;
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
    n--;
  return qs_xstrndup(s, n);
}

char *qs_attr_trim(xmlNode *n, const char *name) {
  const char *v = qs_attr_raw(n, name);
  return v ? trim_copy(v) : NULL;
}

int qs_is_element(xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->ns->href, QS_SUBMISSION_NS) == 0 &&
         (!name || strcmp((const char *)n->name, name) == 0);
}

long qs_line(xmlNode *n) { return xmlGetLineNo(n); }

const char *qs_window_of(const qs_import *im, long day) {
  if (day <= 0 || im->win_start <= 0)
    return "undated";
  if (im->today > 0 && day > im->today)
    return "future";
  if (day < im->win_start)
    return "before";
  if (day > im->win_end)
    return "after";
  return "inside";
}

static long day_of(const char *s) {
  int y, m, d;
  return s && qs_date_parse(s, &y, &m, &d) == 0 ? qs_date_int(y, m, d) : 0;
}

/* ------------------------------------------------------------------ generic element */

const qs_xsd_attr *qs_xsd_attr_of(const qs_xsd_elem *e, const char *name) {
  for (size_t i = 0; i < e->n_attrs; i++)
    if (strcmp(e->attrs[i].name, name) == 0)
      return &e->attrs[i];
  return NULL;
}

const char *qs_elem_slot(const qs_elem *e, const qs_xsd_attr *a) {
  if (a->type == QA_ID)
    return NULL;
  for (const qs_attr *x = e->except; x && x->attr; x++)
    if (strcmp(x->attr, a->name) == 0)
      return x->slot;
  return a->name;
}

qs_atype qs_elem_atype(const qs_xsd_attr *a, const char *slot) {
  return a->type == QA_DATE && strcmp(slot, "date") == 0 ? QA_WDATE : a->type;
}

static const char *first_attr(xmlNode *el, const char *const *names) {
  for (int i = 0; names[i]; i++) {
    const char *v = qs_attr_raw(el, names[i]);
    if (v && *v)
      return v;
  }
  return "";
}

static int count_docs(xmlNode *el, const char **first_number) {
  int n = 0;
  *first_number = NULL;
  for (xmlNode *c = el->children; c; c = c->next)
    if (qs_is_element(c, "doc")) {
      n++;
      if (!*first_number)
        *first_number = qs_attr_raw(c, "number");
    }
  return n;
}

void qs_import_elem(qs_import *im, const qs_elem *e, xmlNode *el) {
  char *id = qs_attr_trim(el, "id");
  qs_fact f;
  if (qs_fact_begin(&f, im, e->xsd->name) != 0) {
    free(id);
    return;
  }
  qs_fact_str(&f, "id", id);
  qs_fact_int(&f, "line", qs_line(el));
  const char *doc_number;
  qs_fact_int(&f, "docs", count_docs(el, &doc_number));
  const char *date = NULL;
  for (size_t i = 0; i < e->xsd->n_attrs; i++) {
    const qs_xsd_attr *a = &e->xsd->attrs[i];
    const char *slot = qs_elem_slot(e, a);
    if (!slot)
      continue;
    qs_atype type = qs_elem_atype(a, slot);
    const char *raw = qs_attr_raw(el, a->name);
    if (type == QA_WDATE) {
      char *v = raw ? trim_copy(raw) : NULL;
      long day = day_of(v);
      if (v) {
        qs_fact_str(&f, "date", v);
        qs_fact_int(&f, "day", day);
        date = raw;
      }
      qs_fact_sym(&f, "window", qs_window_of(im, day));
      free(v);
      continue;
    }
    if (!raw)
      continue; /* the template's default stands */
    char *v = trim_copy(raw);
    switch (type) {
    case QA_STR:
      qs_fact_str(&f, slot, raw);
      break;
    case QA_REF:
      qs_fact_str(&f, slot, v);
      break;
    case QA_SYM:
      qs_fact_sym(&f, slot, v);
      break;
    case QA_INT:
      qs_fact_int(&f, slot, strtoll(v, NULL, 10));
      break;
    case QA_FLOAT:
      qs_fact_float(&f, slot, strtod(v, NULL));
      break;
    case QA_BOOL:
      qs_fact_sym(&f, slot, strcmp(v, "true") == 0 || strcmp(v, "1") == 0 ? "yes" : "no");
      break;
    case QA_DATE: {
      qs_fact_str(&f, slot, v);
      qs_buf s = {0};
      qs_buf_addf(&s, "%s-day", slot);
      qs_fact_int(&f, s.s, day_of(v));
      qs_buf_free(&s);
      break;
    }
    case QA_ID:
    case QA_WDATE:
      break;
    }
    free(v);
  }
  if (e->extra)
    e->extra(im, el, &f);
  qs_fact_assert(&f);

  static const char *const kind_attrs[] = {"kind", "type", "level", NULL};
  static const char *const label_attrs[] = {"code", "name", "title", "standard", "product", NULL};
  const char *number = qs_attr_raw(el, "number");
  char *enterprise = qs_attr_trim(el, "enterprise");
  char *kind = trim_copy(first_attr(el, kind_attrs));
  qs_submission_add_evidence(im->sub, id, (const char *)el->name, kind, first_attr(el, label_attrs),
                             number       ? number
                             : doc_number ? doc_number
                                          : "",
                             date ? date : "", enterprise ? enterprise : "", qs_line(el));
  free(kind);
  free(enterprise);
  if (e->after)
    e->after(im, el, id);
  free(id);
}

/* One party (member, participant, party served) as the party fact holds it: its ref, its name
 * and its kind ("enterprise" when none is given). The importer and the counts read it the same
 * way through here. */
typedef struct {
  char *ref_owned, *kind_owned;
  const char *ref, *name, *kind;
} party_values;

static void party_read(xmlNode *c, party_values *v) {
  v->ref_owned = qs_attr_trim(c, "ref");
  v->kind_owned = qs_attr_trim(c, "kind");
  const char *name = qs_attr_raw(c, "name");
  v->ref = v->ref_owned ? v->ref_owned : "";
  v->name = name ? name : "";
  v->kind = v->kind_owned && *v->kind_owned ? v->kind_owned : "enterprise";
}

static void party_free(party_values *v) {
  free(v->ref_owned);
  free(v->kind_owned);
}

void qs_import_parties(qs_import *im, xmlNode *el, const char *id, const char *child,
                       const char *relation) {
  for (xmlNode *c = el->children; c; c = c->next) {
    if (!qs_is_element(c, child))
      continue;
    party_values v;
    party_read(c, &v);
    qs_fact f;
    if (qs_fact_begin(&f, im, "party") == 0) {
      qs_fact_str(&f, "of", id);
      qs_fact_sym(&f, "relation", relation);
      qs_fact_str(&f, "ref", v.ref);
      qs_fact_str(&f, "name", v.name);
      qs_fact_sym(&f, "kind", v.kind);
      qs_fact_assert(&f);
    }
    party_free(&v);
  }
}

void qs_parties_count(qs_import *im, xmlNode *el, const char *child, qs_parties *out) {
  memset(out, 0, sizeof *out);
  xmlHashTablePtr seen = xmlHashCreate(16), refs = xmlHashCreate(16);
  for (xmlNode *c = el->children; c; c = c->next) {
    if (!qs_is_element(c, child))
      continue;
    party_values v;
    party_read(c, &v);
    const char *r = v.ref, *k = v.kind, *nm = v.name;
    if (xmlHashAddEntry3(seen, (const xmlChar *)r, (const xmlChar *)nm, (const xmlChar *)k,
                         (void *)1) == 0 &&
        (*r || *nm)) {
      out->named++;
      size_t i = 0;
      while (i < out->n_kinds && strcmp(out->kinds[i], k) != 0)
        i++;
      if (i == out->n_kinds) {
        qs_grow(&out->kinds, &out->cap_kinds, out->n_kinds + 1, sizeof *out->kinds);
        out->kinds[out->n_kinds++] = qs_xstrdup(k);
      }
    }
    if (*r && xmlHashAddEntry(refs, (const xmlChar *)r, (void *)1) == 0) {
      out->refs++;
      const qs_evidence *e = qs_submission_evidence(im->sub, r);
      if (e && strcmp(e->element, "enterprise") == 0 && strcmp(e->kind, "sme") == 0)
        out->sme_refs++;
    }
    party_free(&v);
  }
  xmlHashFree(seen, NULL);
  xmlHashFree(refs, NULL);
}

void qs_parties_free(qs_parties *p) {
  for (size_t i = 0; i < p->n_kinds; i++)
    free(p->kinds[i]);
  free(p->kinds);
  memset(p, 0, sizeof *p);
}

void qs_import_results(qs_import *im, xmlNode *el, const char *id) {
  for (xmlNode *c = el->children; c; c = c->next) {
    if (!qs_is_element(c, "result"))
      continue;
    char *kind = qs_attr_trim(c, "kind");
    char *before = qs_attr_trim(c, "before");
    char *after = qs_attr_trim(c, "after");
    qs_fact f;
    if (qs_fact_begin(&f, im, "result") == 0) {
      qs_fact_str(&f, "of", id);
      qs_fact_sym(&f, "kind", kind);
      qs_fact_str(&f, "metric", qs_attr_raw(c, "metric"));
      qs_fact_float(&f, "before", before ? strtod(before, NULL) : 0);
      qs_fact_float(&f, "after", after ? strtod(after, NULL) : 0);
      qs_fact_str(&f, "unit", qs_attr_raw(c, "unit"));
      qs_fact_assert(&f);
    }
    free(kind);
    free(before);
    free(after);
  }
}

/* ------------------------------------------------------------------ the walk */

const qs_family *const qs_families[] = {&qs_family_project,
                                        &qs_family_enterprises,
                                        &qs_family_mechanism,
                                        &qs_family_survey,
                                        &qs_family_infrastructure,
                                        &qs_family_talent,
                                        &qs_family_sme,
                                        &qs_family_management,
                                        &qs_family_metrics,
                                        &qs_family_certifications,
                                        &qs_family_standards,
                                        &qs_family_brand,
                                        &qs_family_capability,
                                        &qs_family_self_assessment,
                                        NULL};

static void import_section(qs_import *im, const qs_family *fam, xmlNode *sec) {
  for (xmlNode *c = sec->children; c; c = c->next) {
    if (!qs_is_element(c, NULL))
      continue;
    const qs_elem *e = fam->elems;
    while (e->xsd && strcmp(e->xsd->name, (const char *)c->name) != 0)
      e++;
    if (e->xsd)
      qs_import_elem(im, e, c);
    /* Anything else was refused by the schema already. */
  }
}

qs_status qs_import_facts(qs_env *qe, xmlDocPtr doc, const char *name, const qs_window_params *w,
                          long as_of, qs_submission *sub, qs_diag *d) {
  qs_submission_init(sub);
  qs_import im = {.qe = qe,
                  .name = name,
                  .sub = sub,
                  .d = d,
                  .window_months = w->months,
                  .split_months = w->split_months,
                  .rate_months_min = w->rate_months_min};
  qs_env_main_module(qe);
  im.today = as_of;
  im.done_year = (int)(im.today / 10000) - 1;
  char today[11];
  qs_day_format(today, im.today);
  sub->as_of = qs_xstrdup(today);
  qs_fact tf;
  if (qs_fact_begin(&tf, &im, "today") == 0) {
    qs_fact_str(&tf, "date", today);
    qs_fact_int(&tf, "day", im.today);
    qs_fact_int(&tf, "year", im.today / 10000);
    qs_fact_assert(&tf);
  }
  xmlNode *root = xmlDocGetRootElement(doc);
  for (xmlNode *c = root->children; c; c = c->next) {
    if (!qs_is_element(c, NULL))
      continue;
    if (qs_is_element(c, "project")) {
      qs_import_project(&im, c);
    } else if (qs_is_element(c, "enterprises")) {
      for (xmlNode *e = c->children; e; e = e->next)
        if (qs_is_element(e, "enterprise"))
          qs_import_enterprise(&im, e);
    } else if (qs_is_element(c, "self-assessment")) {
      qs_import_self_assessment(&im, c);
    } else {
      for (int i = 0; qs_families[i]; i++)
        if (strcmp(qs_families[i]->section, (const char *)c->name) == 0)
          import_section(&im, qs_families[i], c);
    }
  }
  return im.rules_bad ? QS_E_RULES : QS_OK;
}
