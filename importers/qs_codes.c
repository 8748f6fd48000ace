/* qs_codes.c -- credit codes, standard codes and award names (see qs_codes.h). */
#include "qs_codes.h"

#include <regex.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../base/qs_util.h"

static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

int qs_credit_code_ok(const char *code, char *expected) {
  /* Weights are 3^(i-1) mod 31 for positions 1..17. */
  static const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  if (expected)
    *expected = '?';
  if (!code || strlen(code) != 18)
    return 0;
  int sum = 0;
  for (int i = 0; i < 17; i++) {
    const char *p = code[i] ? strchr(credit_alphabet, code[i]) : NULL;
    if (!p)
      return 0;
    sum += (int)(p - credit_alphabet) * w[i];
  }
  int c = (31 - sum % 31) % 31;
  if (expected)
    *expected = credit_alphabet[c];
  return code[17] == credit_alphabet[c];
}

/* Normalise what applicants type: full-width slash and colon, the dashes —, – and －, and
 * runs of spaces (including the ideographic space) become their plain ASCII forms. */
static char *normalise(const char *in) {
  qs_buf b = {0};
  static const struct {
    const char *from, *to;
  } map[] = {{"\xe2\x80\x94", "-"},
             {"\xe2\x80\x93", "-"},
             {"\xef\xbc\x8d", "-"},
             {"\xef\xbc\x8f", "/"},
             {"\xef\xbc\x9a", ":"},
             {"\xe3\x80\x80", " "},
             {"\t", " "}};
  int space = 0;
  for (const char *p = in; *p;) {
    const char *rep = NULL;
    size_t adv = 1;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
      size_t n = strlen(map[i].from);
      if (strncmp(p, map[i].from, n) == 0) {
        rep = map[i].to;
        adv = n;
        break;
      }
    }
    char c = rep ? rep[0] : *p;
    p += adv;
    if (c == ' ') {
      space = 1;
      continue;
    }
    if (space && b.len)
      qs_buf_add(&b, " ");
    space = 0;
    qs_buf_addn(&b, &c, 1);
  }
  return qs_buf_take(&b);
}

/* Order matters: the first pattern that matches decides. Numbers are digits with optional
 * dotted parts; Chinese codes end in -YYYY, international ones in :YYYY. A Chinese code that
 * adopts an international one (GB/T 19001-2016/ISO 9001:2015) is a Chinese standard. */
/* first: the characters a code of the shape can start with, so that a code is matched only
 * against the patterns it could match (a submission has thousands of codes). */
#define QS_DIGITS "0123456789"
#define QS_UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
static const struct {
  const char *type, *first, *re;
} shapes[] = {
    {"national-guidance", "G", "^GB/Z ?[0-9]+(\\.[0-9]+)*(-[0-9]{4})?(/.*)?$"},
    {"national", "G", "^GB(/T)? ?[0-9]+(\\.[0-9]+)*(-[0-9]{4})?(/.*)?$"},
    /* 国家标准计划号 of a national standard still being drafted: 20230123-T-469 */
    {"national", QS_DIGITS, "^[0-9]{8}-[TQZ]-[0-9]{3}$"},
    {"local", "D", "^DB ?[0-9]{2}([0-9]{2})?(/T)? ?[0-9]+(\\.[0-9]+)*(-[0-9]{4})?$"},
    {"group", "T", "^T/[A-Z][A-Z0-9]{1,15} ?[0-9]+(\\.[0-9]+)*(-[0-9]{4})?$"},
    {"enterprise", "Q", "^Q/[A-Za-z0-9]+.*[0-9]"},
    {"international", "I",
     "^(ISO|IEC|ISO/IEC|ITU-T|ITU-R)(/(TS|TR|PAS|IS|DIS))? ?[A-Z]?[0-9]+(\\.[0-9]+)*(-[0-9]+)*"
     "(:[0-9]{4})?$"},
    {"industry", QS_UPPER, "^[A-Z]{2,3}(/[TZ])? ?[0-9]+(\\.[0-9]+)*(-[0-9]{4})?$"},
};

#define N_SHAPES (sizeof shapes / sizeof shapes[0])

/* Compiled once per process (each batch worker is its own process). */
static regex_t compiled[N_SHAPES];
static int compiled_ok[N_SHAPES];
static int compiled_done;

const char *qs_standard_code_type(const char *code) {
  if (!compiled_done) {
    for (size_t i = 0; i < N_SHAPES; i++)
      compiled_ok[i] = regcomp(&compiled[i], shapes[i].re, REG_EXTENDED | REG_NOSUB) == 0;
    compiled_done = 1;
  }
  char *norm = normalise(code ? code : "");
  const char *type = "unknown";
  for (size_t i = 0; i < N_SHAPES; i++)
    if (norm[0] && strchr(shapes[i].first, norm[0]) && compiled_ok[i] &&
        regexec(&compiled[i], norm, 0, NULL, 0) == 0) {
      type = shapes[i].type;
      break;
    }
  free(norm);
  return type;
}

void qs_codes_cleanup(void) {
  if (!compiled_done)
    return;
  for (size_t i = 0; i < N_SHAPES; i++)
    if (compiled_ok[i])
      regfree(&compiled[i]);
  compiled_done = 0;
}

const char *qs_award_name_class(const char *name) {
  if (!name)
    return "other";
  if (strstr(name, "中国质量奖") || strstr(name, "China Quality Award"))
    return "china-quality-award";
  if (strstr(name, "全国质量奖"))
    return "caq-national-quality-award";
  return "other";
}
