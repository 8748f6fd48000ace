/* qs_udf.c -- four list functions the rules call, written in C because CLIPS 6.30 has no
 * linear way to build a list in a loop: `(bind ?ids (create$ ?ids ?x))` copies the list at
 * every step, and `(str-cat ?s "、" ?x)` the string, so collecting n evidence ids costs n²/2
 * copies (at 20,000 standards, seconds). These take a whole list and return one in one pass.
 *
 *   (slot-values$ <facts> <slot>)  the values of a single-field slot of each fact, in order
 *   (distinct$ <list>)             the list without repeats, first occurrences in order
 *   (sort-strings$ <list>)         strings and symbols in byte order (str-compare's order)
 *   (join$ <separator> <list>)     one string: the items' text between separators
 *
 * They read facts and values only; none can assert, retract or evaluate anything. */
#include <clips/clips.h>
#include <libxml/hash.h>
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
  DATA_OBJECT slot;
  item *facts;
  long n;
  if (EnvArgCountCheck(env, "slot-values$", EXACTLY, 2) == -1 ||
      (n = list_arg(env, "slot-values$", 1, &facts)) < 0 ||
      !EnvArgTypeCheck(env, "slot-values$", 2, SYMBOL, &slot)) {
    EnvSetMultifieldErrorValue(env, ret);
    return;
  }
  const char *name = DOToString(slot);
  long k = 0;
  for (long i = 0; i < n; i++) {
    DATA_OBJECT v;
    if (facts[i].type != FACT_ADDRESS || !EnvGetFactSlot(env, facts[i].value, name, &v) ||
        GetType(v) == MULTIFIELD)
      continue;
    facts[k++] = (item){GetType(v), GetValue(v)};
  }
  return_list(env, ret, facts, k);
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

void qs_udf_define(void *env) {
  EnvDefineFunction2(env, "slot-values$", 'm', PTIEF slot_values, "slot_values", "22");
  EnvDefineFunction2(env, "distinct$", 'm', PTIEF distinct, "distinct", "11m");
  EnvDefineFunction2(env, "sort-strings$", 'm', PTIEF sort_strings, "sort_strings", "11m");
  EnvDefineFunction2(env, "join$", 's', PTIEF join, "join", "22");
}
