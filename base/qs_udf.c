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
 *                                  argument < msg args... > (base/qs_finding.h): a list of
 *                                  findings for a finding that lists them
 *   (templates-with$ <slots>)      the templates of module MAIN that have every one of the
 *                                  slots, in the order they were defined
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

/* A set of atoms, each with a number: open addressing on the type and the node (CLIPS keeps
 * one node per value and type, so the node is the value), at most half full. Made for each
 * call: most calls have a few keys, where libxml2's hash with printed keys cost more than the
 * work. */
typedef struct {
  size_t cap; /* a power of two */
  item *atom;
  long *num; /* 0: an empty slot; else the number given plus one */
} atom_set;

static void atoms_init(atom_set *t, long n) {
  t->cap = 16;
  while (t->cap < 2 * (size_t)(n > 0 ? n : 1))
    t->cap *= 2;
  t->atom = qs_xcalloc(t->cap, sizeof *t->atom);
  t->num = qs_xcalloc(t->cap, sizeof *t->num);
}

static void atoms_free(atom_set *t) {
  free(t->atom);
  free(t->num);
}

/* The slot of it: where it is, or the empty slot where it would go. */
static size_t atoms_slot(const atom_set *t, const item *it) {
  uint64_t h = ((uint64_t)(uintptr_t)it->value ^ (uint64_t)it->type) * 0x9E3779B97F4A7C15u;
  size_t mask = t->cap - 1, i = (size_t)(h >> 32) & mask;
  while (t->num[i] && (t->atom[i].value != it->value || t->atom[i].type != it->type))
    i = (i + 1) & mask;
  return i;
}

/* The number of it, or -1; with add, it gets num when it is not there (the table must have
 * room: atoms_init with the most atoms it will hold). */
static long atoms_get(atom_set *t, const item *it, int add, long num) {
  size_t i = atoms_slot(t, it);
  if (t->num[i])
    return t->num[i] - 1;
  if (add) {
    t->atom[i] = *it;
    t->num[i] = num + 1;
  }
  return -1;
}

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
  atom_set seen;
  atoms_init(&seen, n);
  long k = 0;
  for (long i = 0; i < n; i++)
    if (atoms_get(&seen, &it[i], 1, i) < 0)
      it[k++] = it[i];
  atoms_free(&seen);
  return_list(env, ret, it, k);
  free(it);
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
  atom_set drop;
  atoms_init(&drop, m);
  for (long i = 0; i < m; i++)
    atoms_get(&drop, &other[i], 1, i);
  long k = 0;
  for (long i = 0; i < n; i++)
    if (atoms_get(&drop, &it[i], 0, 0) < 0)
      it[k++] = it[i];
  atoms_free(&drop);
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
  atom_set pos;
  atoms_init(&pos, k);
  /* A repeated key keeps its first position (and the later copies get the same answer). */
  long *first_pos = qs_xcalloc((size_t)(k > 0 ? k : 1), sizeof *first_pos);
  for (long i = 0; i < k; i++) {
    long found = atoms_get(&pos, &keys[i], 1, i);
    first_pos[i] = found < 0 ? i : found;
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
    long p = atoms_get(&pos, &vi, 0, 0);
    if (p >= 0) {
      of[i] = p;
      count[p]++;
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
  atoms_free(&pos);
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

static void templates_with(void *env, DATA_OBJECT_PTR ret) {
  item *slots;
  long n;
  void *main_module = EnvFindDefmodule(env, "MAIN");
  if (EnvArgCountCheck(env, "templates-with$", EXACTLY, 1) == -1 ||
      (n = list_arg(env, "templates-with$", 1, &slots)) < 0 || !main_module) {
    EnvSetMultifieldErrorValue(env, ret);
    return;
  }
  item *out = NULL;
  size_t k = 0, cap = 0;
  void *current = EnvGetCurrentModule(env);
  EnvSetCurrentModule(env, main_module);
  for (void *t = EnvGetNextDeftemplate(env, NULL); t; t = EnvGetNextDeftemplate(env, t)) {
    int all = 1;
    for (long i = 0; i < n && all; i++)
      all =
          is_text(slots[i].type) && EnvDeftemplateSlotExistP(env, t, ValueToString(slots[i].value));
    if (all) {
      qs_grow(&out, &cap, k + 1, sizeof *out);
      out[k++] = (item){SYMBOL, EnvAddSymbol(env, EnvGetDeftemplateName(env, t))};
    }
  }
  EnvSetCurrentModule(env, current);
  return_list(env, ret, out, (long)k);
  free(out);
  free(slots);
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
  EnvDefineFunction2(env, "templates-with$", 'm', PTIEF templates_with, "templates_with", "11m");
  EnvDefineFunction2(env, "facts-of$", 'm', PTIEF facts_of, "facts_of", "11m");
}
