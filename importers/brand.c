/* brand.c -- 品牌建设: awards and honours (with what the award's name says, next to the kind and
 * level the application declares), flagship brands, brand promotion, and recognised brands
 * (地理标志, 区域公用品牌, 老字号, 品字标). */
#include <string.h>

#include "qs_codes.h"
#include "qs_family.h"

/* The level of government a government quality award's name shows, from the last administrative
 * word before the award's own words (质量…): "宁波市市长质量奖" city, "柳州市鱼峰区区长质量奖"
 * district, "浙江省人民政府质量奖" provincial, "广西壮族自治区主席质量奖" provincial, "上海市质量
 * 金奖" provincial (a municipality directly under the central government), "晋江市政府质量奖" city
 * (a county-level city cannot be told from a prefecture city by its name; both sit in band 1-2).
 * "none" when the name shows no level ("天府质量奖", "国家质量金奖"). */
static const char *award_name_level(const char *name) {
  static const struct {
    const char *word, *level;
  } words[] = {
      {"特别行政区", "provincial"}, {"自治区", "provincial"}, {"省", "provincial"},
      {"自治州", "city"},           {"盟", "city"},           {"市", "city"},
      {"区", "district"},           {"县", "county"},         {"旗", "county"},
  };
  static const char *const municipalities[] = {"北京", "上海", "天津", "重庆"};
  if (!name)
    return "none";
  const char *stop = strstr(name, "质量");
  size_t head = stop ? (size_t)(stop - name) : strlen(name);
  const char *level = "none";
  size_t best_end = 0, best_len = 0, best_at = 0;
  for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
    size_t len = strlen(words[w].word);
    for (const char *p = strstr(name, words[w].word); p && (size_t)(p - name) + len <= head;
         p = strstr(p + len, words[w].word)) {
      size_t end = (size_t)(p - name) + len;
      if (end > best_end || (end == best_end && len > best_len)) {
        best_end = end;
        best_len = len;
        best_at = (size_t)(p - name);
        level = words[w].level;
      }
    }
  }
  /* A city word of a municipality's name (上海市质量金奖, 重庆市市长质量管理奖): provincial, since
   * no city lies under a municipality, only districts and counties, whose words come later. */
  if (strcmp(level, "city") == 0 && best_len == strlen("市"))
    for (size_t m = 0; m < sizeof municipalities / sizeof municipalities[0]; m++) {
      const char *p = strstr(name, municipalities[m]);
      if (p && (size_t)(p - name) < best_at)
        return "provincial";
    }
  return level;
}

static void name_class(qs_import *im, xmlNode *el, qs_fact *f) {
  (void)im;
  const char *name = qs_attr_raw(el, "name");
  qs_fact_sym(f, "name-class", qs_award_name_class(name));
  qs_fact_sym(f, "name-level", award_name_level(name));
}

static const qs_elem elems[] = {
    {&qs_xsd_brand_award, NULL, name_class, NULL},
    {&qs_xsd_brand_brand, NULL, NULL, NULL},
    {&qs_xsd_brand_brand_promotion, NULL, NULL, NULL},
    {&qs_xsd_brand_recognition, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const qs_family qs_family_brand = {"brand", elems, NULL, __FILE__};
