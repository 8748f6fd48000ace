/* bench_floor.c -- the floor of `make bench` (issue 7): what reading, parsing and validating
 * the submissions costs with libxml2 alone, in one process, so that qscore's own time can be
 * read as a multiple of it.
 *
 *   bench_floor [--schema XSD] PATH...
 *
 * PATH is a file or a folder (its *.xml files, sorted by name). The schema (default
 * schemas/submission-2025.xsd) is compiled once; then for every file, timed: read it, parse it
 * with xmlReadMemory (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA, the options
 * qscore uses), validate the tree against the schema, free everything. Nothing else: no fact,
 * no rule, no report. Prints one line of key=value pairs for scripts/bench.sh:
 *
 *   files=2000 invalid=0 items=912345 seconds=1.234567 files_per_s=1620.1
 *
 * (items: elements with an id attribute, counted outside the timed part, so that a caller can
 * give the floor's time per evidence item). Links libxml2 only. */
#define _POSIX_C_SOURCE 200809L
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#define BENCH_PROG "bench_floor"
#include "bench_common.h"

static int errors;
static void count_error(void *ctx, xmlErrorPtr e) {
  (void)ctx;
  if (e && e->level >= XML_ERR_ERROR)
    errors++;
}

/* Elements with an id attribute: the enterprises and evidence items (not timed). */
static long count_items(const char *data, size_t len) {
  long n = 0;
  for (const char *p = data, *end = data + len; p + 4 <= end;) {
    const char *q = memchr(p, ' ', (size_t)(end - p));
    if (!q || q + 4 > end)
      break;
    if (memcmp(q, " id=", 4) == 0)
      n++;
    p = q + 1;
  }
  return n;
}

int main(int argc, char **argv) {
  const char *xsd = "schemas/submission-2025.xsd";
  list files = {0};
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--schema") == 0 && i + 1 < argc)
      xsd = argv[++i];
    else if (argv[i][0] == '-' && argv[i][1])
      die("usage: bench_floor [--schema XSD] PATH...", NULL);
    else
      add_path(&files, argv[i]);
  }
  if (files.n == 0)
    die("usage: bench_floor [--schema XSD] PATH...", NULL);

  xmlInitParser();
  xmlSetStructuredErrorFunc(NULL, count_error);
  xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd);
  xmlSchemaPtr schema = pc ? xmlSchemaParse(pc) : NULL;
  xmlSchemaFreeParserCtxt(pc);
  if (!schema)
    die("cannot compile the schema", xsd);

  long items = 0;
  for (size_t i = 0; i < files.n; i++) {
    size_t len;
    char *data = read_all(files.v[i], &len);
    items += count_items(data, len);
    free(data);
  }

  long invalid = 0;
  double t0 = now();
  for (size_t i = 0; i < files.n; i++) {
    size_t len;
    char *data = read_all(files.v[i], &len);
    errors = 0;
    xmlDocPtr doc = xmlReadMemory(data, (int)len, files.v[i], NULL,
                                  XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
    int ok = doc != NULL;
    if (ok) {
      xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
      xmlSchemaSetValidStructuredErrors(vc, count_error, NULL);
      ok = xmlSchemaValidateDoc(vc, doc) == 0;
      xmlSchemaFreeValidCtxt(vc);
      xmlFreeDoc(doc);
    }
    invalid += !ok;
    free(data);
  }
  double secs = now() - t0;

  printf("files=%zu invalid=%ld items=%ld seconds=%.6f files_per_s=%.1f\n", files.n, invalid, items,
         secs, secs > 0 ? (double)files.n / secs : 0.0);
  xmlSchemaFree(schema);
  xmlCleanupParser();
  for (size_t i = 0; i < files.n; i++)
    free(files.v[i]);
  free(files.v);
  return invalid ? 1 : 0;
}
