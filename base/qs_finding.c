/* qs_finding.c -- findings into words: the catalogs and the placeholder language (qs_finding.h). */
#include "qs_finding.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qs_builtin.h"

/* ------------------------------------------------------------------ findings */

void qs_finding_clear(qs_finding *m) {
  for (size_t i = 0; i < m->n; i++) {
    free(m->args[i].s);
    if (m->args[i].msg) {
      qs_finding_clear(m->args[i].msg);
      free(m->args[i].msg);
    }
  }
  free(m->args);
  free(m->id);
  for (size_t i = 0; i < m->n_params; i++)
    free(m->params[i]);
  free(m->params);
  *m = (qs_finding){0};
}

qs_finding qs_finding_copy(const qs_finding *m) {
  qs_finding c = {0};
  if (!m->id)
    return c;
  c.id = qs_xstrdup(m->id);
  c.params_only = m->params_only;
  c.n_params = m->n_params;
  c.params = m->n_params ? qs_xcalloc(m->n_params, sizeof *c.params) : NULL;
  for (size_t i = 0; i < m->n_params; i++)
    c.params[i] = qs_xstrdup(m->params[i]);
  c.n = m->n;
  c.args = m->n ? qs_xcalloc(m->n, sizeof *c.args) : NULL;
  for (size_t i = 0; i < m->n; i++) {
    c.args[i] = m->args[i];
    c.args[i].s = m->args[i].s ? qs_xstrdup(m->args[i].s) : NULL;
    if (m->args[i].msg) {
      c.args[i].msg = qs_xcalloc(1, sizeof *c.args[i].msg);
      *c.args[i].msg = qs_finding_copy(m->args[i].msg);
    }
  }
  return c;
}

static int is_mark(const qs_token *t, const char *mark) {
  return t->type == QS_ARG_SYM && strcmp(t->s, mark) == 0;
}

/* The arguments from t[*k] up to a > (nested) or the end (top level). */
static int build_args(qs_finding *m, const qs_token *t, size_t n, size_t *k, int nested,
                      char **err) {
  size_t cap = 0;
  while (*k < n) {
    if (is_mark(&t[*k], ">")) {
      if (!nested) {
        *err = qs_xstrdup("a > without its <");
        return -1;
      }
      (*k)++;
      return 0;
    }
    qs_grow(&m->args, &cap, m->n + 1, sizeof *m->args);
    qs_arg *a = &m->args[m->n++];
    *a = (qs_arg){0};
    if (is_mark(&t[*k], "<")) {
      (*k)++;
      if (*k >= n || t[*k].type != QS_ARG_SYM || is_mark(&t[*k], ">") || is_mark(&t[*k], "<")) {
        *err = qs_xstrdup("a < not followed by a message id");
        return -1;
      }
      a->type = QS_ARG_MSG;
      a->msg = qs_xcalloc(1, sizeof *a->msg);
      a->msg->id = qs_xstrdup(t[*k].s);
      (*k)++;
      if (build_args(a->msg, t, n, k, 1, err) != 0)
        return -1;
      continue;
    }
    a->type = t[*k].type;
    a->s = t[*k].s ? qs_xstrdup(t[*k].s) : NULL;
    a->i = t[*k].i;
    a->f = t[*k].f;
    (*k)++;
  }
  if (nested) {
    *err = qs_xstrdup("a < without its >");
    return -1;
  }
  return 0;
}

int qs_finding_build(qs_finding *out, const char *id, const qs_token *t, size_t n, char **err) {
  *out = (qs_finding){0};
  out->id = qs_xstrdup(id);
  size_t k = 0;
  *err = NULL;
  if (build_args(out, t, n, &k, 0, err) != 0) {
    qs_finding_clear(out);
    return -1;
  }
  assert(k == n); /* every token read: the marks paired up */
  return 0;
}

/* ------------------------------------------------------------------ catalogs */

typedef struct {
  const char *id, *text;
  size_t id_len, text_len;
  long line;
} entry;

typedef struct {
  int loaded;
  entry *e;     /* catalog order */
  entry **byid; /* sorted by id */
  size_t n;
  char *problems; /* what was wrong with the text, NULL when nothing */
} catalog;

static catalog catalogs[2];

static int cmp_entry(const void *a, const void *b) {
  const entry *x = *(entry *const *)a, *y = *(entry *const *)b;
  size_t n = x->id_len < y->id_len ? x->id_len : y->id_len;
  int c = memcmp(x->id, y->id, n);
  return c ? c : (x->id_len > y->id_len) - (x->id_len < y->id_len);
}

static const char *catalog_name(qs_lang lang) { return lang == QS_LANG_EN ? "en.txt" : "zh.txt"; }

static catalog *load(qs_lang lang) {
  catalog *c = &catalogs[lang == QS_LANG_EN];
  if (c->loaded)
    return c;
  c->loaded = 1;
  const qs_builtin_file *f = qs_builtin_find(qs_builtin_messages, catalog_name(lang));
  qs_buf bad = {0};
  if (!f) {
    qs_buf_addf(&bad, "i18n/%s: not built in\n", catalog_name(lang));
    c->problems = qs_buf_take(&bad);
    return c;
  }
  size_t cap = 0;
  long line = 0;
  for (const char *p = f->data; *p;) {
    const char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    line++;
    if (len > 0 && p[0] != '#') {
      const char *eq = memchr(p, '=', len);
      const char *id_end = eq;
      while (id_end && id_end > p && id_end[-1] == ' ')
        id_end--;
      /* `id = text`, or `id =` alone for an empty text (an editor may drop a trailing space). */
      int bare = eq && (size_t)(eq - p) + 1 == len;
      if (!eq || id_end == p || (!bare && eq[1] != ' ')) {
        qs_buf_addf(&bad, "i18n/%s:%ld: not `id = text`\n", catalog_name(lang), line);
      } else {
        const char *text = bare ? eq + 1 : eq + 2;
        qs_grow(&c->e, &cap, c->n + 1, sizeof *c->e);
        c->e[c->n++] = (entry){p, text, (size_t)(id_end - p), len - (size_t)(text - p), line};
      }
    }
    p += len + (nl ? 1 : 0);
  }
  c->byid = c->n ? qs_xcalloc(c->n, sizeof *c->byid) : NULL;
  for (size_t i = 0; i < c->n; i++)
    c->byid[i] = &c->e[i];
  qs_sort(c->byid, c->n, sizeof *c->byid, cmp_entry);
  for (size_t i = 1; i < c->n; i++)
    if (cmp_entry(&c->byid[i - 1], &c->byid[i]) == 0)
      qs_buf_addf(&bad, "i18n/%s:%ld: %.*s is already at line %ld\n", catalog_name(lang),
                  c->byid[i]->line, (int)c->byid[i]->id_len, c->byid[i]->id, c->byid[i - 1]->line);
  c->problems = bad.s;
  return c;
}

/* An interface message (ui.*): a printf format for C, not a finding's text. */
static int is_ui(const char *id, size_t id_len) { return id_len > 3 && memcmp(id, "ui.", 3) == 0; }

static const entry *find(qs_lang lang, const char *id, size_t id_len) {
  catalog *c = load(lang);
  entry key = {id, NULL, id_len, 0, 0};
  const entry *kp = &key;
  entry **hit = bsearch(&kp, c->byid, c->n, sizeof *c->byid, cmp_entry);
  return hit ? *hit : NULL;
}

const char *qs_catalog_get(qs_lang lang, const char *id, size_t *len) {
  const entry *e = find(lang, id, strlen(id));
  if (!e)
    return NULL;
  if (len)
    *len = e->text_len;
  return e->text;
}

/* A text with its escapes (\n, \\) decoded; nothing else changes. */
static char *decode(const char *p, size_t len) {
  qs_buf b = {0};
  qs_buf_add(&b, "");
  for (const char *end = p + len; p < end; p++) {
    if (*p == '\\' && p + 1 < end && (p[1] == 'n' || p[1] == '\\')) {
      qs_buf_addn(&b, p[1] == 'n' ? "\n" : "\\", 1);
      p++;
    } else {
      qs_buf_addn(&b, p, 1);
    }
  }
  return qs_buf_take(&b);
}

char *qs_catalog_text(qs_lang lang, const char *id) {
  const entry *e = find(lang, id, strlen(id));
  if (!e)
    return NULL;
  if (is_ui(e->id, e->id_len))
    return decode(e->text, e->text_len);
  qs_finding m = {.id = (char *)id};
  char *err = NULL;
  char *t = qs_finding_text(lang, &m, &err);
  free(err);
  return t;
}

size_t qs_catalog_ids(qs_lang lang, const char ***ids, size_t **lens) {
  catalog *c = load(lang);
  *ids = c->n ? qs_xcalloc(c->n, sizeof **ids) : NULL;
  *lens = c->n ? qs_xcalloc(c->n, sizeof **lens) : NULL;
  for (size_t i = 0; i < c->n; i++) {
    (*ids)[i] = c->e[i].id;
    (*lens)[i] = c->e[i].id_len;
  }
  return c->n;
}

/* ------------------------------------------------------------------ formatting */

/* CLIPS's own printing of a float (str-cat): %.15g, with ".0" when that shows no point. */
static void clips_float(qs_buf *b, double f) {
  char s[64];
  snprintf(s, sizeof s, "%.15g", f);
  qs_buf_add(b, s);
  if (!strpbrk(s, ".en"))
    qs_buf_add(b, ".0");
}

/* num in 00-templates.clp: %.1f from 100, %.2f from 1, else %.4f; trailing zeros and a
 * trailing point dropped; "-0" is "0". */
static void num(qs_buf *b, double x) {
  double a = x < 0 ? -x : x;
  char s[64];
  snprintf(s, sizeof s, a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.4f", x);
  size_t n = strlen(s);
  if (strchr(s, '.')) {
    while (n > 0 && s[n - 1] == '0')
      s[--n] = 0;
    if (n > 0 && s[n - 1] == '.')
      s[--n] = 0;
  }
  qs_buf_add(b, strcmp(s, "-0") == 0 ? "0" : s);
}

static void raw(qs_buf *b, const qs_arg *a) {
  switch (a->type) {
  case QS_ARG_STR:
  case QS_ARG_SYM:
    qs_buf_add(b, a->s);
    break;
  case QS_ARG_INT:
    qs_buf_addf(b, "%lld", a->i);
    break;
  case QS_ARG_FLOAT:
    clips_float(b, a->f);
    break;
  case QS_ARG_MSG:
    break;
  }
}

static int truthy(const qs_arg *a) {
  switch (a->type) {
  case QS_ARG_STR:
    return a->s[0] != 0;
  case QS_ARG_SYM:
    return a->s[0] && strcmp(a->s, "nil") != 0 && strcmp(a->s, "no") != 0 &&
           strcmp(a->s, "FALSE") != 0;
  case QS_ARG_INT:
    return a->i != 0;
  case QS_ARG_FLOAT:
    return a->f != 0;
  case QS_ARG_MSG:
    return 1;
  }
  return 0;
}

typedef struct {
  qs_lang lang;
  const qs_finding *m;
  qs_buf *out;
  qs_buf err;
  int depth;
  /* When set, the parameters the words name ({N:param} in the branches taken) are added. */
  const char ***names;
  size_t *n_names, *cap_names;
} fmt;

static void note_param(fmt *f, const qs_arg *a) {
  if (!f->names || a->type == QS_ARG_MSG || !a->s)
    return;
  for (size_t i = 0; i < *f->n_names; i++)
    if (strcmp((*f->names)[i], a->s) == 0)
      return;
  qs_grow(f->names, f->cap_names, *f->n_names + 1, sizeof **f->names);
  (*f->names)[(*f->n_names)++] = a->s;
}

static int format_text(fmt *f, const char *p, const char *end);

/* The end of a placeholder's part starting at p: the } or (with bar) the | at depth 0. */
static const char *part_end(const char *p, const char *end, int bar) {
  int depth = 0;
  for (; p < end; p++) {
    if (*p == '\\' && p + 1 < end) {
      p++;
    } else if (*p == '{' && p + 1 < end && p[1] == '{') {
      p++;
    } else if (*p == '{') {
      depth++;
    } else if (*p == '}' && depth == 0) {
      return p;
    } else if (*p == '}') {
      depth--;
    } else if (*p == '|' && depth == 0 && bar) {
      return p;
    }
  }
  return NULL;
}

static int word(fmt *f, const char *table, size_t tlen, const qs_arg *a) {
  qs_buf key = {0}, any = {0};
  qs_buf_addf(&key, "%.*s.", (int)tlen, table);
  raw(&key, a);
  qs_buf_addf(&any, "%.*s.*", (int)tlen, table);
  const entry *e = find(f->lang, key.s, key.len);
  if (!e)
    e = find(f->lang, any.s, any.len);
  if (!e)
    qs_buf_addf(&f->err, "%s: no word %s (nor %s) in i18n/%s", f->m->id, key.s, any.s,
                catalog_name(f->lang));
  qs_buf_free(&key);
  qs_buf_free(&any);
  return e ? format_text(f, e->text, e->text + e->text_len) : -1;
}

static int arg_out(fmt *f, const qs_arg *a) {
  if (a->type != QS_ARG_MSG) {
    raw(f->out, a);
    return 0;
  }
  if (f->depth > 16) {
    qs_buf_addf(&f->err, "%s: findings nested too deep", f->m->id);
    return -1;
  }
  const entry *e = find(f->lang, a->msg->id, strlen(a->msg->id));
  if (!e) {
    qs_buf_addf(&f->err, "no message %s in i18n/%s", a->msg->id, catalog_name(f->lang));
    return -1;
  }
  fmt sub = {f->lang, a->msg, f->out, {0}, f->depth + 1, f->names, f->n_names, f->cap_names};
  int rc = format_text(&sub, e->text, e->text + e->text_len);
  if (rc != 0)
    qs_buf_add(&f->err, sub.err.s ? sub.err.s : "");
  qs_buf_free(&sub.err);
  return rc;
}

/* One placeholder: p after the {, end at its }. */
static int placeholder(fmt *f, const char *p, const char *end) {
  if (*p == '*') {
    const char *sep = p + 1;
    for (size_t i = 0; i < f->m->n; i++) {
      if (i > 0)
        qs_buf_addn(f->out, sep, (size_t)(end - sep));
      if (arg_out(f, &f->m->args[i]) != 0)
        return -1;
    }
    return 0;
  }
  long n = 0;
  const char *q = p;
  while (q < end && *q >= '0' && *q <= '9')
    n = n * 10 + (*q++ - '0');
  if (q == p || n < 1) {
    qs_buf_addf(&f->err, "%s: a placeholder {%.*s} without an argument number", f->m->id,
                (int)(end - p), p);
    return -1;
  }
  if ((size_t)n > f->m->n) {
    qs_buf_addf(&f->err, "%s: {%ld} but the finding has %zu arguments", f->m->id, n, f->m->n);
    return -1;
  }
  const qs_arg *a = &f->m->args[n - 1];
  if (q == end)
    return arg_out(f, a);
  if (*q == ':') {
    q++;
    size_t len = (size_t)(end - q);
    if (len == 3 && memcmp(q, "num", 3) == 0) {
      if (a->type != QS_ARG_INT && a->type != QS_ARG_FLOAT) {
        qs_buf_addf(&f->err, "%s: {%ld:num} is not a number", f->m->id, n);
        return -1;
      }
      num(f->out, a->type == QS_ARG_INT ? (double)a->i : a->f);
      return 0;
    }
    if (len == 5 && memcmp(q, "param", 5) == 0) {
      note_param(f, a);
      return arg_out(f, a);
    }
    return word(f, q, len, a);
  }
  if (*q == '?') {
    const char *then = q + 1, *bar = part_end(then, end, 1);
    const char *then_end = bar ? bar : end;
    if (truthy(a))
      return format_text(f, then, then_end);
    return bar ? format_text(f, bar + 1, end) : 0;
  }
  qs_buf_addf(&f->err, "%s: a placeholder {%.*s} of no known form", f->m->id, (int)(end - p), p);
  return -1;
}

static int format_text(fmt *f, const char *p, const char *end) {
  while (p < end) {
    const char *brace = p;
    while (brace < end && *brace != '{' && *brace != '}' && *brace != '\\')
      brace++;
    qs_buf_addn(f->out, p, (size_t)(brace - p));
    if (brace == end)
      return 0;
    if (*brace == '\\') {
      char c = brace + 1 < end ? brace[1] : 0;
      if (c != 'n' && c != '\\') {
        qs_buf_addf(&f->err, "%s: a \\ that is neither \\n nor \\\\", f->m->id);
        return -1;
      }
      qs_buf_addn(f->out, c == 'n' ? "\n" : "\\", 1);
      p = brace + 2;
      continue;
    }
    if (brace + 1 < end && brace[1] == *brace) {
      qs_buf_addn(f->out, brace, 1);
      p = brace + 2;
      continue;
    }
    if (*brace == '}') {
      qs_buf_addf(&f->err, "%s: a } without its {", f->m->id);
      return -1;
    }
    const char *close = part_end(brace + 1, end, 0);
    if (!close) {
      qs_buf_addf(&f->err, "%s: a { without its }", f->m->id);
      return -1;
    }
    if (placeholder(f, brace + 1, close) != 0)
      return -1;
    p = close + 1;
  }
  return 0;
}

/* qs_finding_format, adding the parameters the words name to names when it is not NULL. */
static int format_names(qs_lang lang, const qs_finding *m, qs_buf *out, char **err,
                        const char ***names, size_t *n, size_t *cap) {
  *err = NULL;
  const entry *e = m->id ? find(lang, m->id, strlen(m->id)) : NULL;
  if (!e) {
    qs_buf b = {0};
    qs_buf_addf(&b, "no message %s in i18n/%s", m->id ? m->id : "(none)", catalog_name(lang));
    *err = qs_buf_take(&b);
    return -1;
  }
  fmt f = {lang, m, out, {0}, 0, names, n, cap};
  qs_buf_add(out, "");
  int rc = format_text(&f, e->text, e->text + e->text_len);
  if (rc != 0)
    *err = qs_buf_take(&f.err);
  qs_buf_free(&f.err);
  return rc;
}

int qs_finding_format(qs_lang lang, const qs_finding *m, qs_buf *out, char **err) {
  return format_names(lang, m, out, err, NULL, NULL, NULL);
}

char *qs_finding_text(qs_lang lang, const qs_finding *m, char **err) {
  qs_buf b = {0};
  if (qs_finding_format(lang, m, &b, err) != 0) {
    qs_buf_free(&b);
    return NULL;
  }
  return qs_buf_take(&b);
}

void qs_finding_params(const qs_finding *m, const char ***names, size_t *n, size_t *cap) {
  if (m->params_only) {
    /* Kept in the order the words name them: added as the words would add them. */
    for (size_t i = 0; i < m->n_params; i++) {
      size_t k = 0;
      while (k < *n && strcmp((*names)[k], m->params[i]) != 0)
        k++;
      if (k == *n) {
        qs_grow(names, cap, *n + 1, sizeof **names);
        (*names)[(*n)++] = m->params[i];
      }
    }
    return;
  }
  /* The English words, formatted for their parameters only: the branches a finding takes are
   * the same in both languages, so both name the same parameters. */
  const entry *e = m->id ? find(QS_LANG_EN, m->id, strlen(m->id)) : NULL;
  if (!e)
    return;
  qs_buf scratch = {0};
  fmt f = {QS_LANG_EN, m, &scratch, {0}, 0, names, n, cap};
  format_text(&f, e->text, e->text + e->text_len);
  qs_buf_free(&f.err);
  qs_buf_free(&scratch);
}

/* The finding keeps its id and names (strings of its arguments), which are copied. */
static void keep_names(qs_finding *m, const char **names, size_t n) {
  char **params = n ? qs_xcalloc(n, sizeof *params) : NULL;
  for (size_t i = 0; i < n; i++)
    params[i] = qs_xstrdup(names[i]);
  char *id = m->id;
  m->id = NULL; /* kept */
  qs_finding_clear(m);
  *m = (qs_finding){.id = id, .params_only = 1, .params = params, .n_params = n};
}

int qs_finding_words(qs_finding *m, char **zh, char **en, char **err) {
  *zh = *en = NULL;
  if (m->params_only) {
    *err = qs_xstrdup("the finding's arguments were already freed");
    return -1;
  }
  qs_buf a = {0}, b = {0};
  const char **names = NULL;
  size_t n = 0, cap = 0;
  /* The parameters from the English words, as qs_finding_params finds them. */
  if (format_names(QS_LANG_ZH, m, &a, err, NULL, NULL, NULL) != 0 ||
      format_names(QS_LANG_EN, m, &b, err, &names, &n, &cap) != 0) {
    qs_buf_free(&a);
    qs_buf_free(&b);
    free(names);
    return -1;
  }
  *zh = qs_buf_take(&a);
  *en = qs_buf_take(&b);
  keep_names(m, names, n);
  free(names);
  return 0;
}

/* ------------------------------------------------------------------ checks */

/* The argument numbers a text uses, as a sorted string of "N," (for comparing languages),
 * and its syntax problems. */
static void shape(const char *p, const char *end, qs_buf *nums, qs_buf *bad) {
  while (p < end) {
    if (*p == '\\') {
      if (p + 1 >= end || (p[1] != 'n' && p[1] != '\\'))
        qs_buf_add(bad, "a \\ that is neither \\n nor \\\\; ");
      p += p + 1 < end ? 2 : 1;
      continue;
    }
    if (*p == '{' && p + 1 < end && p[1] == '{') {
      p += 2;
      continue;
    }
    if (*p == '}' && p + 1 < end && p[1] == '}') {
      p += 2;
      continue;
    }
    if (*p == '}') {
      qs_buf_add(bad, "a } without its {; ");
      return;
    }
    if (*p != '{') {
      p++;
      continue;
    }
    const char *close = part_end(p + 1, end, 0);
    if (!close) {
      qs_buf_add(bad, "a { without its }; ");
      return;
    }
    const char *q = p + 1;
    if (*q == '*') {
      qs_buf_add(nums, "*,");
    } else {
      long n = 0;
      while (q < close && *q >= '0' && *q <= '9')
        n = n * 10 + (*q++ - '0');
      if (n < 1) {
        qs_buf_addf(bad, "{%.*s} has no argument number; ", (int)(close - p - 1), p + 1);
      } else {
        qs_buf_addf(nums, "%ld,", n);
        if (q < close && *q == '?') {
          const char *bar = part_end(q + 1, close, 1);
          shape(q + 1, bar ? bar : close, nums, bad);
          if (bar)
            shape(bar + 1, close, nums, bad);
        } else if (q < close && *q != ':') {
          qs_buf_addf(bad, "{%.*s} is of no known form; ", (int)(close - p - 1), p + 1);
        }
      }
    }
    p = close + 1;
  }
}

/* The printf conversions of a ui text as "s,ld,d," (only what decides the arguments: the
 * length and the conversion, and a * for each width or precision taken from an argument;
 * flags, widths and precisions may differ between languages), and its problems: a % that is
 * not a conversion, a bad escape. */
static void conversions(const char *p, const char *end, qs_buf *out, qs_buf *bad) {
  for (; p < end; p++) {
    if (*p == '\\') {
      if (p + 1 >= end || (p[1] != 'n' && p[1] != '\\'))
        qs_buf_add(bad, "a \\ that is neither \\n nor \\\\; ");
      p++;
      continue;
    }
    if (*p != '%')
      continue;
    const char *q = p + 1;
    while (q < end && strchr("-+ #0", *q))
      q++;
    for (int part = 0; part < 2; part++) { /* the width, then the precision */
      if (part == 1) {
        if (q >= end || *q != '.')
          break;
        q++;
      }
      if (q < end && *q == '*') {
        qs_buf_add(out, "*,");
        q++;
      }
      while (q < end && *q >= '0' && *q <= '9')
        q++;
    }
    const char *len = q;
    static const char *const lengths[] = {"hh", "ll", "h", "l", "z", "j", "t", "L"};
    for (size_t i = 0; i < sizeof lengths / sizeof *lengths; i++) {
      size_t n = strlen(lengths[i]);
      if ((size_t)(end - q) >= n && memcmp(q, lengths[i], n) == 0) {
        q += n;
        break;
      }
    }
    if (q >= end || !strchr("diouxXeEfFgGaAcsp", *q)) {
      qs_buf_addf(bad, "a %% that is not a printf conversion (%.*s); ",
                  (int)(q < end ? q + 1 - p : q - p), p);
      p = q < end ? q : end - 1;
      continue;
    }
    qs_buf_addf(out, "%.*s,", (int)(q + 1 - len), len);
    p = q;
  }
}

char *qs_ui_conversions(const char *text, char **err) {
  qs_buf out = {0}, bad = {0};
  qs_buf_add(&out, "");
  conversions(text, text + strlen(text), &out, &bad);
  *err = bad.s;
  if (bad.s) {
    qs_buf_free(&out);
    return NULL;
  }
  return qs_buf_take(&out);
}

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "1,2,3": the distinct argument numbers of a shape. */
static char *distinct(const char *nums) {
  char **items = NULL;
  size_t n = 0, cap = 0;
  for (const char *p = nums; *p;) {
    const char *c = strchr(p, ',');
    qs_grow(&items, &cap, n + 1, sizeof *items);
    items[n++] = qs_xstrndup(p, (size_t)(c - p));
    p = c + 1;
  }
  qs_sort(items, n, sizeof *items, cmp_cstr);
  qs_buf b = {0};
  qs_buf_add(&b, "");
  for (size_t i = 0; i < n; i++)
    if (i == 0 || strcmp(items[i], items[i - 1]) != 0)
      qs_buf_addf(&b, "%s,", items[i]);
  for (size_t i = 0; i < n; i++)
    free(items[i]); /* after the loop: it compares each item with the one before */
  free(items);
  return qs_buf_take(&b);
}

int qs_catalog_check(char **err) {
  qs_buf bad = {0};
  catalog *c[2] = {load(QS_LANG_ZH), load(QS_LANG_EN)};
  for (int l = 0; l < 2; l++)
    if (c[l]->problems)
      qs_buf_add(&bad, c[l]->problems);
  for (int l = 0; l < 2; l++) {
    qs_lang lang = l ? QS_LANG_EN : QS_LANG_ZH;
    for (size_t i = 0; i < c[l]->n; i++) {
      const entry *e = &c[l]->e[i];
      int ui = is_ui(e->id, e->id_len);
      qs_buf nums = {0}, prob = {0};
      qs_buf_add(&nums, "");
      (ui ? conversions : shape)(e->text, e->text + e->text_len, &nums, &prob);
      if (prob.s)
        qs_buf_addf(&bad, "i18n/%s:%ld: %.*s: %s\n", catalog_name(lang), e->line, (int)e->id_len,
                    e->id, prob.s);
      const entry *other = find(l ? QS_LANG_ZH : QS_LANG_EN, e->id, e->id_len);
      if (!other) {
        qs_buf_addf(&bad, "i18n/%s:%ld: %.*s is not in i18n/%s\n", catalog_name(lang), e->line,
                    (int)e->id_len, e->id, catalog_name(l ? QS_LANG_ZH : QS_LANG_EN));
      } else if (l == 0) {
        /* A finding: the same arguments, in any order. A ui text: the same conversions in
         * the same order, since C passes the arguments in one order for both. */
        qs_buf onums = {0}, oprob = {0};
        qs_buf_add(&onums, "");
        (ui ? conversions : shape)(other->text, other->text + other->text_len, &onums, &oprob);
        char *a = ui ? qs_xstrdup(nums.s) : distinct(nums.s);
        char *b = ui ? qs_xstrdup(onums.s) : distinct(onums.s);
        if (strcmp(a, b) != 0)
          qs_buf_addf(&bad, "i18n/zh.txt:%ld: %.*s uses %s [%s], i18n/en.txt:%ld [%s]\n", e->line,
                      (int)e->id_len, e->id, ui ? "conversions" : "arguments", a, other->line, b);
        free(a);
        free(b);
        qs_buf_free(&onums);
        qs_buf_free(&oprob);
      }
      qs_buf_free(&nums);
      qs_buf_free(&prob);
    }
  }
  *err = bad.s;
  return bad.s ? -1 : 0;
}
