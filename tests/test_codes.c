/* test_codes.c -- codes with a known shape: credit-code check characters, standard codes,
 * award names (importers/qs_codes.c). */
#include <criterion/criterion.h>

#include "../importers/qs_codes.h"

Test(codes, credit_code_check_character) {
  char expected;
  /* The example of GB 32100-2015. */
  cr_assert(qs_credit_code_ok("91350100M000100Y43", &expected));
  cr_assert_eq(expected, '3');
  cr_assert_not(qs_credit_code_ok("91350100M000100Y44", &expected));
  cr_assert_eq(expected, '3', "the check character the first 17 call for");
}

Test(codes, credit_code_shape) {
  cr_assert_not(qs_credit_code_ok("91350100M000100Y4", NULL), "17 characters");
  cr_assert_not(qs_credit_code_ok("91350100M000100Y433", NULL), "19 characters");
  cr_assert_not(qs_credit_code_ok("91350100I000100Y43", NULL), "I is not in the alphabet");
  cr_assert_not(qs_credit_code_ok("", NULL));
  cr_assert_not(qs_credit_code_ok(NULL, NULL));
}

Test(codes, standard_code_types) {
  static const struct {
    const char *code, *type;
  } cases[] = {
      {"GB/T 19001-2016", "national"},
      {"GB 1234-2020", "national"},
      {"GB/T 1234.1-2020", "national"},
      {"GB/T 19001-2016/ISO 9001:2015", "national"},
      {"GB/T 19001—2016", "national"},
      {"GB/T 19001–2016", "national"},
      {"20230123-T-469", "national"},
      {"GB/Z 41305-2022", "national-guidance"},
      {"ISO 9001:2015", "international"},
      {"IEC 61508-1:2010", "international"},
      {"ISO/IEC 27001:2022", "international"},
      {"ISO/TS 16949:2009", "international"},
      {"JB/T 1234-2019", "industry"},
      {"QC/T 1234-2020", "industry"},
      {"JGJ 1-2014", "industry"},
      {"DB33/T 1234-2021", "local"},
      {"DB3302/T 1001-2023", "local"},
      {"T/CAQ 10201-2020", "group"},
      {"T/ZZB 2345-2023", "group"},
      {"Q/NBYT 012-2023", "enterprise"},
      {"IEEE 802.3", "unknown"},
      {"国家标准", "unknown"},
      {"", "unknown"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    cr_expect_str_eq(qs_standard_code_type(cases[i].code), cases[i].type, "%s", cases[i].code);
}

Test(codes, award_names) {
  cr_expect_str_eq(qs_award_name_class("第五届中国质量奖提名奖"), "china-quality-award");
  cr_expect_str_eq(qs_award_name_class("中国质量奖"), "china-quality-award");
  cr_expect_str_eq(qs_award_name_class("全国质量奖"), "caq-national-quality-award");
  cr_expect_str_eq(qs_award_name_class("浙江省人民政府质量奖"), "other");
  cr_expect_str_eq(qs_award_name_class(NULL), "other");
}
