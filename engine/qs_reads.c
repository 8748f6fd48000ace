/* qs_reads.c -- which rules may read which parameter (see qs_reads.h). */
#include "qs_reads.h"

#include <libxml/hash.h>
#include <stdlib.h>
#include <string.h>

#include "qs_util.h"

typedef struct {
  char *name;           /* without its module */
  int is_rule;          /* else a deffunction, defmethod or defgeneric */
  int generic;          /* reaches the param facts other than by a constant name */
  xmlHashTablePtr toks; /* every token of its text: names, functions called */
  int mark;             /* a function: reads the parameter of the query in hand */
} construct;

struct qs_reads {
  construct *c;
  size_t n, cap;
  int globals; /* some file defines a defglobal or calls a function that steers the run */
};

qs_reads *qs_reads_new(void) { return qs_xcalloc(1, sizeof(qs_reads)); }

void qs_reads_free(qs_reads *r) {
  if (!r)
    return;
  for (size_t i = 0; i < r->n; i++) {
    free(r->c[i].name);
    xmlHashFree(r->c[i].toks, NULL);
  }
  free(r->c);
  free(r);
}

/* The tokens of CLIPS text outside comments and strings: "(", ")", the constraint connectives
 * "&", "|" and "~" each alone, and the runs of anything else between spaces. */
typedef struct {
  const char *p;
  char tok[256];
} lexer;

static int is_delim(char ch) {
  return ch == '\0' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '(' ||
         ch == ')' || ch == '&' || ch == '|' || ch == '~' || ch == '"' || ch == ';';
}

/* The next token into lx->tok; 0 at the end of the text. */
static int next_token(lexer *lx) {
  for (;;) {
    const char *p = lx->p;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
      p++;
    if (*p == ';') {
      while (*p && *p != '\n')
        p++;
      lx->p = p;
      continue;
    }
    if (*p == '"') {
      for (p++; *p && *p != '"'; p++)
        if (*p == '\\' && p[1])
          p++;
      lx->p = *p ? p + 1 : p;
      continue;
    }
    if (!*p) {
      lx->p = p;
      return 0;
    }
    size_t len = 1; /* a delimiter is a token of one character */
    if (!is_delim(*p))
      while (!is_delim(p[len]))
        len++;
    if (len >= sizeof lx->tok)
      len = sizeof lx->tok - 1;
    memcpy(lx->tok, p, len);
    lx->tok[len] = '\0';
    lx->p = p + len;
    return 1;
  }
}

/* The name without "MODULE::". */
static const char *bare(const char *name) {
  const char *c = strstr(name, "::");
  return c ? c + 2 : name;
}

static int plain_symbol(const char *t) {
  return t[0] && t[0] != '?' && t[0] != '$' && t[0] != '=' && t[0] != ':' &&
         !(strlen(t) == 1 && strchr("()&|~", t[0]));
}

static int steers(const char *t) {
  static const char *const fns[] = {"focus",
                                    "pop-focus",
                                    "clear-focus-stack",
                                    "halt",
                                    "run",
                                    "refresh",
                                    "refresh-agenda",
                                    "set-strategy",
                                    "reset",
                                    "clear",
                                    "set-salience-evaluation",
                                    "eval",
                                    "build",
                                    "load",
                                    "load*",
                                    "bload",
                                    "batch",
                                    "batch*",
                                    NULL};
  for (size_t i = 0; fns[i]; i++)
    if (strcmp(t, fns[i]) == 0)
      return 1;
  return 0;
}

void qs_reads_scan(qs_reads *r, const char *text) {
  lexer lx = {text, {0}};
  int depth = 0;
  construct *cur = NULL;
  /* The last five tokens of the construct, to see "( param ( name SYMBOL )" whole. */
  char last[6][256] = {{0}};
  int want_head = 0, want_name = 0;
  while (next_token(&lx)) {
    const char *t = lx.tok;
    if (want_name) {
      want_name = 0;
      if (cur)
        cur->name = qs_xstrdup(bare(t));
    }
    if (want_head) {
      want_head = 0;
      int rule = strcmp(t, "defrule") == 0;
      int fn = strcmp(t, "deffunction") == 0 || strcmp(t, "defmethod") == 0 ||
               strcmp(t, "defgeneric") == 0;
      if (strcmp(t, "defglobal") == 0)
        r->globals = 1;
      if (rule || fn) {
        if (r->n == r->cap) {
          r->cap = r->cap ? 2 * r->cap : 64;
          r->c = qs_xrealloc(r->c, r->cap * sizeof *r->c);
        }
        cur = &r->c[r->n++];
        *cur = (construct){NULL, rule, 0, xmlHashCreate(64), 0};
        want_name = 1;
        memset(last, 0, sizeof last);
      }
    }
    if (strcmp(t, "(") == 0) {
      if (depth == 0)
        want_head = 1;
      depth++;
    } else if (strcmp(t, ")") == 0) {
      if (depth > 0)
        depth--;
      if (depth == 0)
        cur = NULL;
    }
    if (!cur)
      continue;
    /* A rule that moves the focus or changes how the agenda runs, or a function that builds
     * and runs CLIPS text, breaks the order a re-run relies on: every rule reads everything. */
    if (strcmp(last[5], "(") == 0 && (steers(t) || (cur->is_rule && strcmp(t, "return") == 0)))
      r->globals = 1;
    xmlHashAddEntry(cur->toks, (const xmlChar *)bare(t), cur);
    memmove(last[0], last[1], sizeof last - sizeof last[0]);
    snprintf(last[5], sizeof last[5], "%s", t);
    /* "param" is the template whenever it is not "( param ( name SYMBOL )": a pattern with
     * a variable or a connective for its name, a query ((?p param)), a slot in another order. */
    if (strcmp(last[1], "param") == 0 && strcmp(last[0], "(") == 0) {
      if (!(strcmp(last[2], "(") == 0 && strcmp(last[3], "name") == 0 && plain_symbol(last[4]) &&
            strcmp(last[5], ")") == 0))
        cur->generic = 1;
    } else if (strcmp(last[5], "param") == 0 && strcmp(last[4], "(") != 0) {
      cur->generic = 1; /* ((?p param)) and the like: the template named without a pattern */
    }
  }
  /* A construct still open at the end (a half-written file that loaded anyway) reads all. */
  if (cur)
    cur->generic = 1;
}

typedef struct {
  qs_reads *r;
  int yes;
} call_ctx;

/* Whether a token of a construct names a function already known to read the parameter. */
static void each_call(void *payload, void *data, const xmlChar *name) {
  (void)payload;
  call_ctx *cc = data;
  if (cc->yes)
    return;
  for (size_t i = 0; i < cc->r->n; i++) {
    const construct *f = &cc->r->c[i];
    if (!f->is_rule && f->mark && f->name && strcmp(f->name, (const char *)name) == 0) {
      cc->yes = 1;
      return;
    }
  }
}

static int direct(const qs_reads *r, const construct *c, const char *param) {
  return c->generic || r->globals || xmlHashLookup(c->toks, (const xmlChar *)param) != NULL;
}

static int calls_reader(qs_reads *r, construct *c) {
  call_ctx cc = {r, 0};
  xmlHashScan(c->toks, each_call, &cc);
  return cc.yes;
}

void qs_reads_rules(qs_reads *r, const char *param, void (*fn)(void *ctx, const char *rule),
                    void *ctx) {
  /* The functions that read it, to a fixed point (calls through other functions, cycles). */
  for (size_t i = 0; i < r->n; i++)
    r->c[i].mark = !r->c[i].is_rule && direct(r, &r->c[i], param);
  for (int changed = 1; changed;) {
    changed = 0;
    for (size_t i = 0; i < r->n; i++)
      if (!r->c[i].is_rule && !r->c[i].mark && calls_reader(r, &r->c[i]))
        r->c[i].mark = changed = 1;
  }
  for (size_t i = 0; i < r->n; i++) {
    construct *c = &r->c[i];
    if (c->is_rule && c->name && (direct(r, c, param) || calls_reader(r, c)))
      fn(ctx, c->name);
  }
}
