/* gensub.c -- deterministic generator of synthetic submissions, for the batch tests and the
 * benchmark.
 *
 *   gensub --out DIR --count N [--seed S] [--broken PCT] [--duplicates K]
 *          [--median ITEMS] [--items ITEMS] [--first I]
 *
 * Writes DIR/sub-000001.xml ... Each file's content depends only on the seed and its number:
 * the same command gives the same bytes. Sizes follow a log-normal spread around --median
 * evidence items (default 300), clipped to 20..20000; --items fixes the size. The strength of
 * each application is drawn so that every band of every indicator occurs across a few hundred
 * files. About PCT % of the files are broken or hostile, in turn: truncated, an external
 * entity, billion laughs, not XML, a schema error, a dangling enterprise reference, empty, a
 * wrong namespace. K files repeat the project id of another file. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  uint64_t s;
} rng;

static uint64_t next(rng *r) {
  /* xorshift64* */
  r->s ^= r->s >> 12;
  r->s ^= r->s << 25;
  r->s ^= r->s >> 27;
  return r->s * 2685821657736338717ULL;
}
static double unit(rng *r) { return (double)(next(r) >> 11) / 9007199254740992.0; }
static int range(rng *r, int lo, int hi) { return lo + (int)(unit(r) * (hi - lo + 1)); }
static int chance(rng *r, double p) { return unit(r) < p; }
static double normal(rng *r) {
  double u = unit(r) + 1e-12, v = unit(r);
  return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

typedef struct {
  char *s;
  size_t len, cap;
} buf;

static void add(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void add(buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (b->len + (size_t)n + 1 > b->cap) {
    while (b->len + (size_t)n + 1 > b->cap)
      b->cap = b->cap ? b->cap * 2 : 65536;
    b->s = realloc(b->s, b->cap);
    if (!b->s)
      exit(4);
  }
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
  va_end(ap);
}

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static void credit_code(rng *r, const char *region, char out[19]) {
  static const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  out[0] = '9';
  out[1] = '1';
  memcpy(out + 2, region, 6);
  for (int i = 8; i < 17; i++)
    out[i] = alphabet[range(r, 0, 30)];
  int sum = 0;
  for (int i = 0; i < 17; i++)
    sum += (int)(strchr(alphabet, out[i]) - alphabet) * w[i];
  out[17] = alphabet[(31 - sum % 31) % 31];
  out[18] = '\0';
}

static const struct {
  const char *code, *name;
} regions[] = {
    {"330200", "浙江省宁波市"}, {"320500", "江苏省苏州市"},         {"430100", "湖南省长沙市"},
    {"370200", "山东省青岛市"}, {"510100", "四川省成都市"},         {"340100", "安徽省合肥市"},
    {"350500", "福建省泉州市"}, {"450200", "广西壮族自治区柳州市"}, {"410100", "河南省郑州市"},
    {"420100", "湖北省武汉市"}, {"440300", "广东省深圳市"},         {"610100", "陕西省西安市"},
};
static const char *const chains[] = {"汽车零部件",   "集成电路",   "工程机械", "家用电器",
                                     "轨道交通装备", "新能源汽车", "纺织服装", "食品加工",
                                     "新材料",       "智能装备",   "医疗器械", "光伏"};

/* A date inside (or, with probability out, outside) the window 2023-03-01..2025-03-01. */
static void date(rng *r, double out, char d[11]) {
  int y, m;
  if (chance(r, out)) {
    y = chance(r, 0.5) ? 2022 : 2025;
    m = y == 2022 ? range(r, 1, 12) : range(r, 4, 12);
  } else {
    y = range(r, 2023, 2024);
    m = y == 2023 ? range(r, 3, 12) : range(r, 1, 12);
  }
  snprintf(d, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
           (unsigned)range(r, 1, 28) % 100u);
}

static void gen_valid(buf *b, rng *r, const char *pid, int items, double q) {
  int reg = range(r, 0, (int)(sizeof regions / sizeof regions[0]) - 1);
  const char *chain = chains[range(r, 0, (int)(sizeof chains / sizeof chains[0]) - 1)];
  int ne = items / 6 < 4 ? 4 : items / 6 > 2000 ? 2000 : items / 6;
  char d[11], cc[19], prov[7];
  snprintf(prov, sizeof prov, "%.2s0000", regions[reg].code);
  add(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<submission xmlns=\"urn:qscore:submission:2025\" edition=\"2025\">\n");
  add(b, "  <project id=\"%s\">\n    <title>%s%s产业链质量提升标志性项目</title>\n", pid,
      regions[reg].name, chain);
  add(b, "    <region province=\"%s\" city=\"%s\">%s</region>\n    <chain>%s</chain>\n", prov,
      regions[reg].code, regions[reg].name, chain);
  add(b, "    <work-start>2023-03-01</work-start>\n");
  if (chance(r, q))
    add(b, "    <chain-chief id=\"CH1\" name=\"链长\" position=\"副市长\"/>\n");
  add(b, "    <applicants><applicant kind=\"government\">市场监督管理局</applicant></applicants>\n"
         "  </project>\n  <enterprises>\n");
  for (int i = 1; i <= ne; i++) {
    credit_code(r, regions[reg].code, cc);
    const char *role = i == 1 ? "chain-leader" : i <= 3 ? "key-partner" : "sme";
    const char *srdi =
        i > 3 && chance(r, 0.3) ? (chance(r, 0.3) ? "little-giant" : "provincial") : "none";
    add(b,
        "    <enterprise id=\"E%d\" credit-code=\"%s\" role=\"%s\" size=\"%s\" srdi=\"%s\">"
        "<name>企业%d有限公司</name></enterprise>\n",
        i, cc, role,
        i == 1   ? "large"
        : i <= 3 ? "medium"
                 : "small",
        srdi, i);
  }
  add(b, "  </enterprises>\n");
  int left = items;
  int n;
  /* mechanism */
  add(b, "  <mechanism>\n");
  if (chance(r, 0.3 + q * 0.7)) {
    add(b, "    <alliance id=\"AL1\" name=\"产业链质量联盟\" date=\"2023-04-01\">\n");
    static const char *const kinds[] = {"government", "enterprise", "university", "research",
                                        "inspection"};
    int nk = 1 + (int)(q * 4.99);
    for (int k = 0; k < nk; k++)
      add(b, "      <member name=\"成员%d\" kind=\"%s\"/>\n", k, kinds[k]);
    add(b, "      <member ref=\"E1\" kind=\"enterprise\"/>\n    </alliance>\n");
  }
  if (chance(r, 0.2 + q * 0.8))
    add(b, "    <working-mechanism id=\"WM1\" date=\"2023-05-01\" title=\"工作机制\"/>\n");
  n = (int)(q * 12) + range(r, 0, 3);
  for (int i = 0; i < n && left > 0; i++, left--) {
    date(r, 0.1, d);
    add(b, "    <meeting id=\"MTG%d\" date=\"%s\" title=\"会议%d\" kind=\"meeting\"/>\n", i, d, i);
  }
  if (chance(r, q))
    add(b, "    <bottleneck-analysis id=\"BN1\" date=\"2023-06-01\" title=\"瓶颈分析\"/>\n");
  n = (int)(q * 5);
  for (int i = 0; i < n && left > 0; i++, left--)
    add(b,
        "    <improvement-action id=\"IA%d\" date=\"2023-07-01\" title=\"行动%d\">"
        "<result kind=\"first-pass-yield\" metric=\"一次合格率\" before=\"95.0\" after=\"%.1f\" "
        "unit=\"%%\"/></improvement-action>\n",
        i, i, 95.0 + q * 3);
  if (chance(r, q * 0.8))
    add(b,
        "    <demonstration id=\"DM1\" date=\"2024-06-01\" title=\"典型案例\" level=\"%s\" "
        "issuer=\"市场监管总局\"/>\n",
        q > 0.7 ? "national" : "provincial");
  add(b, "  </mechanism>\n  <survey>\n");
  if (chance(r, q))
    add(b, "    <quality-map id=\"QM1\" date=\"2023-09-01\" title=\"质量图谱\"/>\n");
  if (chance(r, q))
    add(b,
        "    <problem-list id=\"PL1\" date=\"2023-08-01\" title=\"问题清单\" problems=\"%d\"/>\n",
        range(r, 1, 12));
  if (chance(r, q))
    add(b, "    <target-plan id=\"TP1\" date=\"2023-08-01\" title=\"目标路径\"/>\n");
  if (chance(r, q))
    add(b,
        "    <indicator-system id=\"IS1\" date=\"2023-08-01\" title=\"指标体系\" "
        "indicators=\"%d\"/>\n",
        range(r, 5, 40));
  add(b, "  </survey>\n  <infrastructure>\n");
  if (chance(r, 0.3 + q * 0.7)) {
    add(b,
        "    <centre id=\"CT1\" kind=\"inspection-testing\" level=\"%s\" name=\"检验检测中心\" "
        "date=\"2023-05-01\">",
        q > 0.6   ? "national"
        : q > 0.3 ? "provincial"
                  : "city");
    for (int i = 1; i <= ne * q; i++)
      add(b, "<serves ref=\"E%d\"/>", i);
    add(b, "</centre>\n");
  }
  if (chance(r, q))
    add(b,
        "    <platform id=\"PF1\" kind=\"one-stop\" name=\"一站式平台\" date=\"2023-06-01\" "
        "online=\"true\" offline=\"true\" smes-served=\"%d\"/>\n",
        range(r, 10, 300));
  if (chance(r, q))
    add(b,
        "    <platform id=\"PF2\" kind=\"digital-qm\" name=\"数字化平台\" date=\"2023-06-01\"/>\n");
  add(b, "  </infrastructure>\n  <talent>\n");
  if (chance(r, q))
    add(b, "    <talent-mechanism id=\"TM1\" date=\"2023-05-01\" title=\"人才机制\"/>\n");
  for (int i = 1; i <= ne && left > 0; i++)
    if (chance(r, q)) {
      left--;
      add(b,
          "    <officer id=\"OF%d\" enterprise=\"E%d\" date=\"2023-05-01\" "
          "kind=\"chief-quality-officer\"/>\n",
          i, i);
    }
  n = (int)(q * 8) + range(r, 0, 2);
  for (int i = 0; i < n && left > 0; i++, left--) {
    date(r, 0.1, d);
    add(b, "    <training id=\"TR%d\" date=\"%s\" title=\"培训%d\" participants=\"%d\"/>\n", i, d,
        i, range(r, 20, 200));
  }
  if (chance(r, q))
    add(b, "    <competition id=\"CP1\" date=\"2023-10-01\" title=\"技能竞赛\"/>\n"
           "    <competition id=\"CP2\" date=\"2024-10-01\" title=\"技能竞赛\"/>\n");
  add(b, "  </talent>\n  <sme>\n");
  n = (int)(q * 6) + range(r, 0, 1);
  for (int i = 0; i < n && left > 0; i++, left--) {
    date(r, 0.1, d);
    add(b, "    <activity id=\"AC%d\" date=\"%s\" title=\"活动%d\" kind=\"mass-quality\">", i, d,
        i);
    for (int k = 1; k <= 2 + (int)(q * 3) && k <= ne; k++)
      add(b, "<participant ref=\"E%d\"/>", 1 + (k + i) % ne);
    add(b,
        "<result kind=\"pass-rate\" metric=\"合格率\" before=\"90\" after=\"%.1f\" unit=\"%%\"/>"
        "</activity>\n",
        90 + q * 6);
  }
  for (int i = 4; i <= ne && left > 0 && i < 4 + (int)(q * 4); i++, left--) {
    date(r, 0.1, d);
    add(b, "    <breakthrough id=\"BT%d\" enterprise=\"E%d\" date=\"%s\" title=\"攻关%d\"/>\n", i,
        i, d, i);
  }
  add(b, "  </sme>\n  <management>\n");
  for (int i = 1; i <= 3 && i <= ne; i++)
    if (chance(r, 0.3 + q * 0.7))
      add(b,
          "    <qms-certificate id=\"QC%d\" enterprise=\"E%d\" date=\"2022-05-01\" "
          "standard=\"ISO 9001:2015\" number=\"QMS-%d\" issuer=\"认证中心\"/>\n",
          i, i, i);
  static const char *const methods[] = {"lean",         "six-sigma",    "quality-risk",
                                        "mass-quality", "benchmarking", "quality-cost"};
  n = (int)(q * 6);
  for (int i = 0; i < n && left > 0; i++, left--) {
    date(r, 0.1, d);
    add(b, "    <method id=\"ME%d\" enterprise=\"E%d\" date=\"%s\" kind=\"%s\"/>\n", i, 1 + i % 3,
        d, methods[i % 6]);
  }
  if (chance(r, q))
    add(b, "    <digital id=\"DG1\" enterprise=\"E1\" date=\"2024-01-01\" kind=\"spc\" "
           "title=\"SPC\"/>\n");
  add(b, "  </management>\n  <metrics>\n");
  double g = 1 + q * 0.25 - 0.05;
  add(b,
      "    <metric id=\"MT1\" kind=\"output-value\" scope=\"chain\" unit=\"亿元\">"
      "<value year=\"2022\">100</value><value year=\"2023\">%.2f</value>"
      "<value year=\"2024\">%.2f</value></metric>\n",
      100 * g, 100 * g * g);
  for (int i = 1; i <= 3 && i <= ne; i++)
    add(b,
        "    <metric id=\"VA%d\" kind=\"value-added\" scope=\"enterprise\" enterprise=\"E%d\" "
        "unit=\"万元\"><value year=\"2022\">1000</value><value "
        "year=\"2024\">%.1f</value></metric>\n"
        "    <metric id=\"EM%d\" kind=\"employees\" scope=\"enterprise\" enterprise=\"E%d\" "
        "unit=\"人\"><value year=\"2022\">100</value><value year=\"2024\">100</value></metric>\n",
        i, i, 1000 * g * g, i, i);
  add(b,
      "    <metric id=\"FY\" kind=\"first-pass-yield\" scope=\"chain\" unit=\"%%\">"
      "<value year=\"2022\">95</value><value year=\"2024\">%.1f</value></metric>\n",
      95 + q * 4 - 0.5);
  add(b,
      "    <metric id=\"QL\" kind=\"quality-loss-rate\" scope=\"chain\" unit=\"%%\">"
      "<value year=\"2022\">2.0</value><value year=\"2024\">%.2f</value></metric>\n",
      2.0 - q);
  add(b,
      "    <metric id=\"EI\" kind=\"energy-intensity\" scope=\"chain\" unit=\"吨标准煤/万元\">"
      "<value year=\"2022\">0.5</value><value year=\"2024\">%.3f</value></metric>\n",
      0.5 - q * 0.1);
  add(b,
      "    <metric id=\"CE\" kind=\"carbon-emissions\" scope=\"chain\" unit=\"万吨\">"
      "<value year=\"2022\">100</value><value year=\"2024\">%.1f</value></metric>\n",
      100 - q * 10);
  add(b, "  </metrics>\n  <certifications>\n");
  if (chance(r, q))
    add(b, "    <certification id=\"GC1\" enterprise=\"E1\" date=\"2024-02-01\" "
           "kind=\"green-factory\" "
           "level=\"national\" name=\"绿色工厂\" issuer=\"工信部\"/>\n");
  add(b, "  </certifications>\n  <standards>\n");
  /* Most of the rest of the size is standards and self-declarations. */
  for (int i = 0; left > 0; i++, left--) {
    date(r, 0.2, d);
    int e = 1 + (chance(r, 0.7) ? range(r, 0, 2) : range(r, 0, ne - 1));
    if (i % 3 == 2) {
      add(b,
          "    <self-declaration id=\"SD%d\" enterprise=\"E%d\" date=\"%s\" code=\"Q/QY%d "
          "%d-2024\" title=\"企业标准%d\"/>\n",
          i, e, d, e, i, i);
      continue;
    }
    double p = unit(r);
    const char *code_fmt = p < q * 0.2   ? "GB/T %d-2024"
                           : p < q * 0.7 ? "T/CAS %d-2024"
                                         : "JB/T %d-2024";
    const char *type = p < q * 0.2 ? "national" : p < q * 0.7 ? "group" : "industry";
    char code[32];
    snprintf(code, sizeof code, code_fmt, 10000 + i);
    add(b,
        "    <standard id=\"ST%d\" enterprise=\"E%d\" date=\"%s\" code=\"%s\" type=\"%s\" "
        "role=\"%s\" title=\"标准%d\"><doc number=\"%s\"/></standard>\n",
        i, e, d, code, type, chance(r, 0.3) ? "lead" : "participant", i, code);
  }
  add(b, "  </standards>\n  <brand>\n");
  if (chance(r, q)) {
    const char *lv = q > 0.75 ? "national" : q > 0.4 ? "provincial" : "district";
    const char *nm = q > 0.75 ? "中国质量奖提名奖" : q > 0.4 ? "省长质量奖" : "区长质量奖";
    add(b,
        "    <award id=\"AW1\" enterprise=\"E1\" kind=\"government-quality-award\" level=\"%s\" "
        "name=\"%s\" issuer=\"人民政府\" date=\"2024-05-01\"/>\n",
        lv, nm);
  }
  add(b, "  </brand>\n  <capability>\n");
  if (chance(r, q)) {
    static const char *const levels[] = {"experience", "inspection", "assurance", "prevention",
                                         "excellence"};
    add(b,
        "    <assessment id=\"CA1\" enterprise=\"E1\" date=\"2024-08-01\" level=\"%s\" "
        "proof=\"third-party-report\"><doc file=\"report.pdf\"/></assessment>\n",
        levels[(int)(q * 4.99)]);
  }
  add(b, "  </capability>\n</submission>\n");
}

static void gen_broken(buf *b, rng *r, const char *pid, int kind) {
  switch (kind % 8) {
  case 0: { /* truncated */
    gen_valid(b, r, pid, 40, 0.5);
    b->len /= 2;
    b->s[b->len] = '\0';
    break;
  }
  case 1:
    add(b, "<?xml version=\"1.0\"?>\n<!DOCTYPE submission [<!ENTITY x SYSTEM "
           "\"file:///etc/passwd\">]>\n<submission xmlns=\"urn:qscore:submission:2025\" "
           "edition=\"2025\">&x;</submission>\n");
    break;
  case 2:
    add(b, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
           "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
           "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n"
           "<submission>&lol3;</submission>\n");
    break;
  case 3:
    add(b, "这不是 XML 文件\n");
    break;
  case 4: { /* schema error: a date that does not exist */
    gen_valid(b, r, pid, 40, 0.5);
    char *p = strstr(b->s, "<work-start>2023-03-01");
    if (p)
      memcpy(p + strlen("<work-start>"), "2023-02-30", 10);
    break;
  }
  case 5: { /* a dangling enterprise reference */
    gen_valid(b, r, pid, 40, 0.5);
    char *p = strstr(b->s, "<standards>\n");
    if (p) {
      size_t at = (size_t)(p - b->s) + strlen("<standards>\n");
      buf tail = {0};
      add(&tail, "%s", b->s + at);
      b->len = at;
      add(b,
          "    <standard id=\"DANGLING\" enterprise=\"E99999\" date=\"2024-01-01\" "
          "code=\"GB/T 1-2024\" type=\"national\" role=\"lead\" title=\"x\"/>\n%s",
          tail.s);
      free(tail.s);
    }
    break;
  }
  case 6:
    break; /* empty */
  case 7:
    add(b, "<?xml version=\"1.0\"?>\n<submission xmlns=\"urn:example:other\" edition=\"2025\"/>\n");
    break;
  }
}

int main(int argc, char **argv) {
  const char *out = NULL;
  long count = 0, first = 1, items = 0, median = 300, duplicates = 0;
  unsigned long long seed = 1;
  double broken = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "--out") == 0)
      out = argv[i + 1];
    else if (strcmp(argv[i], "--count") == 0)
      count = atol(argv[i + 1]);
    else if (strcmp(argv[i], "--seed") == 0)
      seed = strtoull(argv[i + 1], NULL, 10);
    else if (strcmp(argv[i], "--broken") == 0)
      broken = atof(argv[i + 1]);
    else if (strcmp(argv[i], "--duplicates") == 0)
      duplicates = atol(argv[i + 1]);
    else if (strcmp(argv[i], "--items") == 0)
      items = atol(argv[i + 1]);
    else if (strcmp(argv[i], "--median") == 0)
      median = atol(argv[i + 1]);
    else if (strcmp(argv[i], "--first") == 0)
      first = atol(argv[i + 1]);
    else {
      fprintf(stderr, "gensub: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  if (!out || count <= 0) {
    fputs("usage: gensub --out DIR --count N [--seed S] [--broken PCT] [--duplicates K] "
          "[--median ITEMS] [--items ITEMS] [--first I]\n",
          stderr);
    return 2;
  }
  long every = broken > 0 ? (long)(100.0 / broken + 0.5) : 0;
  long broken_kind = 0;
  for (long k = first; k < first + count; k++) {
    rng r = {seed * 0x9E3779B97F4A7C15ULL + (uint64_t)k * 0xBF58476D1CE4E5B9ULL + 1};
    for (int i = 0; i < 4; i++)
      next(&r);
    char pid[32];
    /* The last `duplicates` files repeat the id of the file before them. */
    long idn = k >= first + count - duplicates ? k - 1 : k;
    snprintf(pid, sizeof pid, "GEN-%06ld", idn);
    buf b = {0};
    add(&b, "%s", "");
    if (every && k % every == 0) {
      gen_broken(&b, &r, pid, (int)broken_kind++);
    } else {
      int n = items > 0 ? (int)items : (int)(median * exp(normal(&r) * 0.9));
      n = n < 20 ? 20 : n > 20000 ? 20000 : n;
      gen_valid(&b, &r, pid, n, unit(&r));
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/sub-%06ld.xml", out, k);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b.s, 1, b.len, f) != b.len || fclose(f) != 0) {
      perror(path);
      return 1;
    }
    free(b.s);
  }
  return 0;
}
