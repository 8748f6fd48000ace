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
#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what, const char *arg) {
  fprintf(stderr, "bench_floor: %s%s%s\n", what, arg ? ": " : "", arg ? arg : "");
  exit(1);
}

static int errors;
static void count_error(void *ctx, xmlErrorPtr e) {
  (void)ctx;
  if (e && e->level >= XML_ERR_ERROR)
    errors++;
}

typedef struct {
  char **v;
  size_t n, cap;
} list;

static void push(list *l, const char *s) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 1024;
    l->v = realloc(l->v, l->cap * sizeof *l->v);
    if (!l->v)
      die("out of memory", NULL);
  }
  l->v[l->n] = strdup(s);
  if (!l->v[l->n++])
    die("out of memory", NULL);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_path(list *l, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0)
    die("cannot stat", path);
  if (!S_ISDIR(st.st_mode)) {
    push(l, path);
    return;
  }
  DIR *dp = opendir(path);
  if (!dp)
    die("cannot open folder", path);
  size_t first = l->n;
  for (struct dirent *de; (de = readdir(dp));) {
    size_t len = strlen(de->d_name);
    if (len > 4 && strcmp(de->d_name + len - 4, ".xml") == 0 && de->d_name[0] != '.') {
      size_t need = strlen(path) + len + 2;
      char *p = malloc(need);
      if (!p)
        die("out of memory", NULL);
      snprintf(p, need, "%s/%s", path, de->d_name);
      push(l, p);
      free(p);
    }
  }
  closedir(dp);
  qsort(l->v + first, l->n - first, sizeof *l->v, cmp_str);
}

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    die("cannot read", path);
  size_t cap = 1 << 16, n = 0;
  char *data = malloc(cap);
  for (size_t got; data && (got = fread(data + n, 1, cap - n, f)) > 0;) {
    n += got;
    if (n == cap)
      data = realloc(data, cap *= 2);
  }
  if (!data || ferror(f))
    die("cannot read", path);
  fclose(f);
  *len = n;
  return data;
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
