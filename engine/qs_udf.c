/* qs_udf.c -- list functions the rules call, written in C because CLIPS 6.30 has no linear
 * way to build a list in a loop: `(bind ?ids (create$ ?ids ?x))` copies the list at every
 * step, and `(str-cat ?s "、" ?x)` the string, so collecting n evidence ids costs n²/2 copies
 * (at 20,000 standards, seconds). Nor has it a way to look facts up by a slot: a rule that
 * loops over one kind of fact and, for each, searches another (`any-factp`, `find-all-facts`)
 * compares every pair, n·m tests. These take whole lists and return one in one pass.
 *
 *   (slot-values$ <facts> <slot>...)  the values of single-field slots of each fact, in order
 *                                  (with several slots, each fact's values one after another)
 *   (distinct$ <list>)             the list without repeats, first occurrences in order
 *   (difference$ <list> <other>)   the items of list that are not in other, in order
 *   (sort-strings$ <list>)         strings and symbols in byte order (str-compare's order)
 *   (join$ <separator> <list>)     one string: the items' text between separators
 *   (findings$ <facts>)            the finding (msg, args) of each fact, each as the nested
 *                                  argument < msg args... > (engine/qs_finding.h): a list of
 *                                  findings for a finding that lists them
 *   (facts-of$ <templates>)        every fact of the named templates, in the order they were
 *                                  asserted: each template's own facts, not the whole fact
 *                                  list (a rule that looked at every fact for a few kinds
 *                                  walked the conclusions too, three times the evidence)
 *
 * and, for looking facts up by a slot (one hash of the keys, one pass over the facts):
 *
 *   (count-by$ <facts> <slot> <keys>)  for each key, how many of the facts hold it in slot
 *   (first-by$ <facts> <slot> <keys>)  for each key, the first of the facts holding it, or FALSE
 *   (group-by$ <facts> <slot> <keys>)  the facts holding one of the keys, grouped in the order
 *                                      of the keys, each group in the facts' order
 *
 * Keys and slot values match when they are the same atom (type and value: the string "E1"
 * matches the string "E1", not the symbol E1). They read facts and values only; none can
 * assert, retract or evaluate anything. */
#include <clips/clips.h>
#include <libxml/hash.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qs_env.h"
#include "qs_util.h"

typedef struct {
  int type;
  void *value;
} item;

/* The argument at position pos as a list: items (allocated) and their number. */
static long list_arg(void *env, const char *fn, int pos, item **out) {
  DATA_OBJECT arg;
  *out = NULL;
  if (!EnvArgTypeCheck(env, fn, pos, MULTIFIELD, &arg))
    return -1;
  long begin = GetDOBegin(arg), n = GetDOLength(arg);
  void *mf = GetValue(arg);
  item *it = qs_xmalloc(sizeof *it * (size_t)(n > 0 ? n : 1));
  for (long i = 0; i < n; i++)
    it[i] = (item){GetMFType(mf, begin + i), GetMFValue(mf, begin + i)};
  *out = it;
  return n;
}

static void return_list(void *env, DATA_OBJECT_PTR ret, const item *it, long n) {
  void *mf = EnvCreateMultifield(env, n);
  for (long i = 0; i < n; i++) {
    SetMFType(mf, i + 1, it[i].type);
    SetMFValue(mf, i + 1, it[i].value);
  }
  SetpType(ret, MULTIFIELD);
  SetpValue(ret, mf);
  SetpDOBegin(ret, 1);
  SetpDOEnd(ret, n);
}

static int is_text(int type) { return type == STRING || type == SYMBOL || type == INSTANCE_NAME; }

/* An item's text: strings and symbols as they are, numbers as CLIPS prints them. */
static const char *text_of(const item *it, char *tmp, size_t size) {
  if (is_text(it->type))
    return ValueToString(it->value);
  if (it->type == INTEGER)
    snprintf(tmp, size, "%lld", ValueToLong(it->value));
  else if (it->type == FLOAT)
    snprintf(tmp, size, "%g", ValueToDouble(it->value));
  else
    snprintf(tmp, size, "?");
  return tmp;
}

static void slot_values(void *env, DATA_OBJECT_PTR ret) {
  item *facts;
  long n;
  int nargs = EnvArgCountCheck(env, "slot-values$", AT_LEAST, 2);
  if (nargs == -1 || (n = list_arg(env, "slot-values$", 1, &facts)) < 0) {
    EnvSetMultifieldErrorValue(env, ret);
    return;
  }
  int ns = nargs - 1;
  const char **names = qs_xcalloc((size_t)ns, sizeof *names);
  for (int s = 0; s < ns; s++) {
    DATA_OBJECT slot;
    if (!EnvArgTypeCheck(env, "slot-values$", s + 2, SYMBOL, &slot)) {
      free(names);
      free(facts);
      EnvSetMultifieldErrorValue(env, ret);
      return;
    }
    names[s] = DOToString(slot);
  }
  item *out = qs_xmalloc(sizeof *out * (size_t)(n > 0 ? n : 1) * (size_t)ns);
  long k = 0;
  for (long i = 0; i < n; i++)
    for (int s = 0; s < ns; s++) {
      DATA_OBJECT v;
      if (facts[i].type != FACT_ADDRESS || !EnvGetFactSlot(env, facts[i].value, names[s], &v) ||
          GetType(v) == MULTIFIELD)
        continue;
      out[k++] = (item){GetType(v), GetValue(v)};
    }
  return_list(env, ret, out, k);
  free(out);
  free(names);
  free(facts);
}

static void findings(void *env, DATA_OBJECT_PTR ret) {
  item *facts;
  long n;
  if (EnvArgCountCheck(env, "findings$", EXACTLY, 1) == -1 ||
      (n = list_arg(env, "findings$", 1, &facts)) < 0) {
    EnvSetMultifieldErrorValue(env, ret);
    return;
  }
  void *open = EnvAddSymbol(env, "<"), *close = EnvAddSymbol(env, ">");
  item *out = NULL;
  size_t k = 0, cap = 0;
  for (long i = 0; i < n; i++) {
    DATA_OBJECT msg, args;
    if (facts[i].type != FACT_ADDRESS || !EnvGetFactSlot(env, facts[i].value, "msg", &msg) ||
        GetType(msg) != SYMBOL || !EnvGetFactSlot(env, facts[i].value, "args", &args) ||
        GetType(args) != MULTIFIELD)
      continue;
    long b = GetDOBegin(args), len = GetDOLength(args);
    qs_grow(&out, &cap, k + (size_t)len + 3, sizeof *out);
    out[k++] = (item){SYMBOL, open};
    out[k++] = (item){SYMBOL, GetValue(msg)};
    for (long j = 0; j < len; j++)
      out[k++] = (item){GetMFType(GetValue(args), b + j), GetMFValue(GetValue(args), b + j)};
    out[k++] = (item){SYMBOL, close};
  }
  return_list(env, ret, out, (long)k);
  free(out);
  free(facts);
}

static void distinct(void *env, DATA_OBJECT_PTR ret) {
  item *it;
  long n;
  if (EnvArgCountCheck(env, "distinct$", EXACTLY, 1) == -1 ||
      (n = list_arg(env, "distinct$", 1, &it)) < 0) {
    EnvSetMultifieldErrorValue(env, ret);
    return;
  }
  /* Atoms are unique in CLIPS (one node per value and type), so a key is type and node. */
  xmlHashTablePtr seen = xmlHashCreate((int)(n > 16 ? n : 16));
  long k = 0;
  for (long i = 0; i < n; i++) {
    char key[64];
    snprintf(key, sizeof key, "%d:%p", it[i].type, it[i].value);
    if (xmlHashAddEntry(seen, (const xmlChar *)key, (void *)1) == 0)
      it[k++] = it[i];
  }
  xmlHashFree(seen, NULL);
  return_list(env, ret, it, k);
  free(it);
}

/* A hash key for an atom: CLIPS keeps one node per value and type. */
static void atom_key(const item *it, char key[64]) {
  snprintf(key, 64, "%d:%p", it->type, it->value);
}

static void difference(void *env, DATA_OBJECT_PTR ret) {
  item *it, *other;
  long n, m;
  if (EnvArgCountCheck(env, "difference$", EXACTLY, 2) == -1 ||
      (n = list_arg(env, "difference$", 1, &it)) < 0) {
    EnvSetMultifieldErrorValue(env, ret);
    return;
  }
  if ((m = list_arg(env, "difference$", 2, &other)) < 0) {
    free(it);
    EnvSetMultifieldErrorValue(env, ret);
    return;
  }
  xmlHashTablePtr drop = xmlHashCreate((int)(m > 16 ? m : 16));
  char key[64];
  for (long i = 0; i < m; i++) {
    atom_key(&other[i], key);
    xmlHashAddEntry(drop, (const xmlChar *)key, (void *)1);
  }
  long k = 0;
  for (long i = 0; i < n; i++) {
    atom_key(&it[i], key);
    if (!xmlHashLookup(drop, (const xmlChar *)key))
      it[k++] = it[i];
  }
  xmlHashFree(drop, NULL);
  return_list(env, ret, it, k);
  free(it);
  free(other);
}

typedef enum { BY_COUNT, BY_FIRST, BY_GROUP } by_what;

/* count-by$, first-by$ and group-by$: the keys hashed to their positions, then one pass over
 * the facts. */
static void by_key(void *env, DATA_OBJECT_PTR ret, const char *fn, by_what what) {
  DATA_OBJECT slot;
  item *facts = NULL, *keys = NULL;
  long n = -1, k = -1;
  if (EnvArgCountCheck(env, fn, EXACTLY, 3) == -1 || (n = list_arg(env, fn, 1, &facts)) < 0 ||
      !EnvArgTypeCheck(env, fn, 2, SYMBOL, &slot) || (k = list_arg(env, fn, 3, &keys)) < 0) {
    free(facts);
    free(keys);
    EnvSetMultifieldErrorValue(env, ret);
    return;
  }
  const char *name = DOToString(slot);
  xmlHashTablePtr pos = xmlHashCreate((int)(k > 16 ? k : 16));
  char key[64];
  /* Positions are stored plus one, so that no entry is NULL; a repeated key keeps its first
   * position (and the later copies get the same answer). */
  long *first_pos = qs_xcalloc((size_t)(k > 0 ? k : 1), sizeof *first_pos);
  for (long i = 0; i < k; i++) {
    atom_key(&keys[i], key);
    long found = (long)(intptr_t)xmlHashLookup(pos, (const xmlChar *)key);
    if (!found) {
      xmlHashAddEntry(pos, (const xmlChar *)key, (void *)(intptr_t)(i + 1));
      found = i + 1;
    }
    first_pos[i] = found - 1;
  }
  /* Which key each fact holds (-1: none), and how many facts each key has. */
  long *of = qs_xcalloc((size_t)(n > 0 ? n : 1), sizeof *of);
  long *count = qs_xcalloc((size_t)(k > 0 ? k : 1), sizeof *count);
  for (long i = 0; i < n; i++) {
    DATA_OBJECT v;
    of[i] = -1;
    if (facts[i].type != FACT_ADDRESS || !EnvGetFactSlot(env, facts[i].value, name, &v) ||
        GetType(v) == MULTIFIELD)
      continue;
    item vi = {GetType(v), GetValue(v)};
    atom_key(&vi, key);
    long p = (long)(intptr_t)xmlHashLookup(pos, (const xmlChar *)key);
    if (p) {
      of[i] = p - 1;
      count[p - 1]++;
    }
  }
  item *out;
  long n_out;
  if (what == BY_GROUP) {
    /* A counting sort: each key's group starts after the groups of the keys before it. */
    long *start = qs_xcalloc((size_t)(k > 0 ? k : 1), sizeof *start);
    long total = 0;
    for (long i = 0; i < k; i++)
      if (first_pos[i] == i) {
        start[i] = total;
        total += count[i];
      }
    out = qs_xmalloc(sizeof *out * (size_t)(total > 0 ? total : 1));
    for (long i = 0; i < n; i++)
      if (of[i] >= 0)
        out[start[of[i]]++] = facts[i];
    n_out = total;
    free(start);
  } else {
    out = qs_xmalloc(sizeof *out * (size_t)(k > 0 ? k : 1));
    void *none = EnvFalseSymbol(env);
    for (long i = 0; i < k; i++)
      out[i] = what == BY_COUNT ? (item){INTEGER, EnvAddLong(env, count[first_pos[i]])}
                                : (item){SYMBOL, none};
    if (what == BY_FIRST)
      for (long i = n; i-- > 0;) /* from the end, so that the first fact stays */
        if (of[i] >= 0)
          out[of[i]] = facts[i];
    for (long i = 0; i < k; i++)
      out[i] = out[first_pos[i]];
    n_out = k;
  }
  xmlHashFree(pos, NULL);
  return_list(env, ret, out, n_out);
  free(out);
  free(of);
  free(count);
  free(first_pos);
  free(facts);
  free(keys);
}

static void count_by(void *env, DATA_OBJECT_PTR ret) { by_key(env, ret, "count-by$", BY_COUNT); }
static void first_by(void *env, DATA_OBJECT_PTR ret) { by_key(env, ret, "first-by$", BY_FIRST); }
static void group_by(void *env, DATA_OBJECT_PTR ret) { by_key(env, ret, "group-by$", BY_GROUP); }

static int by_bytes(const void *a, const void *b) {
  const item *x = a, *y = b;
  int c = strcmp(ValueToString(x->value), ValueToString(y->value));
  if (c != 0)
    return c;
  return (x->type > y->type) - (x->type < y->type);
}

static void sort_strings(void *env, DATA_OBJECT_PTR ret) {
  item *it;
  long n;
  if (EnvArgCountCheck(env, "sort-strings$", EXACTLY, 1) == -1 ||
      (n = list_arg(env, "sort-strings$", 1, &it)) < 0) {
    EnvSetMultifieldErrorValue(env, ret);
    return;
  }
  long k = 0;
  for (long i = 0; i < n; i++)
    if (is_text(it[i].type))
      it[k++] = it[i];
  qs_sort(it, (size_t)k, sizeof *it, by_bytes);
  return_list(env, ret, it, k);
  free(it);
}

static void *join(void *env) {
  DATA_OBJECT sep;
  item *it;
  long n;
  if (EnvArgCountCheck(env, "join$", EXACTLY, 2) == -1 ||
      !EnvArgTypeCheck(env, "join$", 1, STRING, &sep) || (n = list_arg(env, "join$", 2, &it)) < 0)
    return EnvAddSymbol(env, "");
  qs_buf b = {0};
  qs_buf_add(&b, "");
  for (long i = 0; i < n; i++) {
    char tmp[64];
    if (i > 0)
      qs_buf_add(&b, DOToString(sep));
    qs_buf_add(&b, text_of(&it[i], tmp, sizeof tmp));
  }
  void *s = EnvAddSymbol(env, b.s);
  qs_buf_free(&b);
  free(it);
  return s;
}

static int by_fact_index(const void *a, const void *b) {
  const item *x = a, *y = b;
  long long i = ((struct fact *)x->value)->factIndex, j = ((struct fact *)y->value)->factIndex;
  return (i > j) - (i < j);
}

static void facts_of(void *env, DATA_OBJECT_PTR ret) {
  item *names;
  long n;
  if (EnvArgCountCheck(env, "facts-of$", EXACTLY, 1) == -1 ||
      (n = list_arg(env, "facts-of$", 1, &names)) < 0) {
    EnvSetMultifieldErrorValue(env, ret);
    return;
  }
  item *out = NULL;
  size_t k = 0, cap = 0;
  int runs = 0; /* how many templates had facts: one run is in order already */
  for (long i = 0; i < n; i++) {
    void *t =
        is_text(names[i].type) ? EnvFindDeftemplate(env, ValueToString(names[i].value)) : NULL;
    if (!t)
      continue;
    size_t before = k;
    for (void *f = EnvGetNextFactInTemplate(env, t, NULL); f;
         f = EnvGetNextFactInTemplate(env, t, f)) {
      qs_grow(&out, &cap, k + 1, sizeof *out);
      out[k++] = (item){FACT_ADDRESS, f};
    }
    runs += k > before;
  }
  if (runs > 1)
    qs_sort(out, k, sizeof *out, by_fact_index);
  return_list(env, ret, out, (long)k);
  free(out);
  free(names);
}

void qs_udf_define(void *env) {
  EnvDefineFunction2(env, "slot-values$", 'm', PTIEF slot_values, "slot_values", "2*");
  EnvDefineFunction2(env, "distinct$", 'm', PTIEF distinct, "distinct", "11m");
  EnvDefineFunction2(env, "difference$", 'm', PTIEF difference, "difference", "22m");
  EnvDefineFunction2(env, "count-by$", 'm', PTIEF count_by, "count_by", "33");
  EnvDefineFunction2(env, "first-by$", 'm', PTIEF first_by, "first_by", "33");
  EnvDefineFunction2(env, "group-by$", 'm', PTIEF group_by, "group_by", "33");
  EnvDefineFunction2(env, "sort-strings$", 'm', PTIEF sort_strings, "sort_strings", "11m");
  EnvDefineFunction2(env, "join$", 's', PTIEF join, "join", "22");
  EnvDefineFunction2(env, "findings$", 'm', PTIEF findings, "findings", "11m");
  EnvDefineFunction2(env, "facts-of$", 'm', PTIEF facts_of, "facts_of", "11m");
}
