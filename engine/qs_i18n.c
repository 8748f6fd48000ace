/* qs_i18n.c -- the message table (Chinese, English). */
#include "qs_i18n.h"

#include <errno.h>
#include <string.h>

static const char *const msgs[QS_M__COUNT][2] = {
    [QS_M_ERROR] = {"错误", "error"},
    [QS_M_WARNING] = {"警告", "warning"},
    [QS_M_CANNOT_READ] = {"无法读取：%s", "cannot read: %s"},
    [QS_M_TOO_LARGE] = {"文件超过 %ld MiB 上限（参数 max-input-mb），未评分",
                        "file larger than the %ld MiB limit (parameter max-input-mb); not scored"},
    [QS_M_EMPTY] = {"文件为空", "the file is empty"},
    [QS_M_DOCTYPE] = {"申报文件不得含有 DOCTYPE 声明（可能借实体读取文件或联网），已拒收",
                      "a DOCTYPE declaration is not allowed in a submission (entities could read "
                      "files or reach the network); refused"},
    [QS_M_TOO_MANY_ELEMENTS] = {"元素超过 %ld 个（参数 max-elements），已停止解析，未评分",
                                "more than %ld elements (parameter max-elements): parsing "
                                "stopped, not scored"},
    [QS_M_TOO_MANY_ITEMS] = {"带编号的条目超过 %ld 项（参数 max-evidence），已停止解析，未评分",
                             "more than %ld items with an id (parameter max-evidence): parsing "
                             "stopped, not scored"},
    [QS_M_TOO_MANY_ATTRIBUTES] = {"元素的属性超过 %ld 个（参数 max-attributes），未解析，未评分",
                                  "an element with more than %ld attributes (parameter "
                                  "max-attributes): not parsed, not scored"},
    [QS_M_TOO_DEEP] = {"元素嵌套超过 %d 层（申报格式最多只有几层），已停止解析，未评分",
                       "elements nested deeper than %d levels (the submission format has a "
                       "few): parsing stopped, not scored"},
    [QS_M_XINCLUDE] = {"申报文件不得使用 XInclude（可能借此读取文件），未作包含处理，已拒收",
                       "XInclude is not allowed in a submission (it could read files); nothing "
                       "was included, refused"},
    [QS_M_WRONG_EDITION] = {"申报文件版本为“%s”，本评分规则适用于 2025 年版，未评分",
                            "the submission is for edition \"%s\"; these rules score the 2025 "
                            "edition; not scored"},
    [QS_M_DUPLICATE_ID] = {"编号“%s”重复使用（第 %ld 行已用过），报告无法区分引用",
                           "the id \"%s\" is used twice (already on line %ld): reports could "
                           "not tell the items apart"},
    [QS_M_NOT_XML] = {"不是格式正确的 XML：%s", "not well-formed XML: %s"},
    [QS_M_WRONG_ROOT] =
        {"不是 2025 版申报文件：根元素为 {%s}%s，应为 {urn:qscore:submission:2025}submission",
         "not a 2025 submission: the root element is {%s}%s, expected "
         "{urn:qscore:submission:2025}submission"},
    [QS_M_SCHEMA] = {"不符合申报文件结构（schemas/submission-2025.xsd）：%s",
                     "does not match the submission schema (schemas/submission-2025.xsd): %s"},
    [QS_M_MORE_ERRORS] = {"另有 %zu 条错误未列出", "%zu more errors not shown"},
    [QS_M_RULES_LOAD] = {"规则文件有语法错误：%s", "syntax error in rules: %s"},
    [QS_M_RULES_DIR] = {"无法读取规则目录：%s", "cannot read the rules folder: %s"},
    [QS_M_RULES_NONE] = {"规则目录中没有 .clp 文件", "no .clp files in the rules folder"},
    [QS_M_RUBRIC] = {"评价要求数据有误：%s", "rubric data error: %s"},
    [QS_M_RULES_RUN] = {"规则运行出错：%s%s", "error while running the rules: %s%s"},
    [QS_M_RULES_CAP] =
        {"规则触发次数达到上限 %ld（参数 run-max-firings）；其中规则 %s 一条就触发了 %ld "
         "次，多于运行开始时的 %ld 个事实：规则在循环%s",
         "the rules fired %ld times, the limit (parameter run-max-firings); rule %s "
         "alone fired %ld times, more than the %ld facts the run began with: a loop "
         "in the rules%s"},
    [QS_M_RULES_DEADLINE] = {"规则运行超过 %ld 秒（参数 run-seconds），大半时间耗在规则 %s "
                             "的一次触发中：规则的动作在循环%s",
                             "the rules ran longer than %ld seconds (parameter run-seconds), most "
                             "of it in one firing of rule %s: a loop in its actions%s"},
    [QS_M_RULES_DEADLINE_LOOP] =
        {"规则运行超过 %ld 秒（参数 run-seconds）；其中规则 %s 一条就触发了 "
         "%ld 次，多于运行开始时的 %ld 个事实：规则在循环%s",
         "the rules ran longer than %ld seconds (parameter run-seconds); "
         "rule %s alone fired %ld times, more than the %ld facts the run "
         "began with: a loop in the rules%s"},
    [QS_M_LIMIT_FIRINGS] = {"规则触发 %ld 次（上限，参数 run-max-firings）仍未评完本文件，未评分；"
                            "没有哪条规则的触发次数多于运行开始时的 %ld 个事实，规则没有循环，"
                            "是文件超出了限制%s",
                            "the rules fired %ld times, the limit (parameter run-max-firings), "
                            "without finishing this file: not scored; no rule fired more times "
                            "than the %ld facts the run began with, so the rules did not loop: "
                            "the file is beyond the limit%s"},
    [QS_M_LIMIT_SECONDS] = {"规则运行 %ld 秒（上限，参数 run-seconds）仍未评完本文件，未评分；"
                            "时间分散在多次触发中，没有哪一次占去大半，规则没有卡住，"
                            "是文件超出了限制%s",
                            "the rules ran for %ld seconds, the limit (parameter run-seconds), "
                            "without finishing this file: not scored; the time went to many "
                            "firings, none of them most of it, so no rule was stuck: the file is "
                            "beyond the limit%s"},
    [QS_M_LIMIT_WHERE] = {"（停止时在模块 %s 的规则 %s，位于 %s）",
                          " (stopped in module %s at rule %s, %s)"},
    [QS_M_RULE_AT] = {"（规则 %s 位于 %s）", " (rule %s is at %s)"},
    [QS_M_RULES_CONFLICT] = {"指标 %s 被选定了多个档位：%s",
                             "indicator %s was given more than one band: %s"},
    [QS_M_RULES_UNKNOWN_REF] = {"规则 %s 引用了未定义的 %s：%s",
                                "rule %s refers to an undefined %s: %s"},
    [QS_M_RULES_TEMPLATE] = {"规则中的事实模板与导入程序不符：%s",
                             "the rules' fact templates do not match the importer: %s"},
    [QS_M_RULES_FINDING] = {"规则 %s 的结论无法写成文字：%s",
                            "rule %s states a finding that cannot be put into words: %s"},
    [QS_M_RULES_PLACEMENT] =
        {"规则为指标 %s 给出的档内分值与所选档位不符：%s",
         "the points the rules placed for indicator %s do not fit its band: %s"},
    [QS_M_PARAM_UNKNOWN] = {"未知参数：%s（qscore rubric 列出全部参数）",
                            "unknown parameter: %s (qscore rubric lists them all)"},
    [QS_M_PARAM_VALUE] = {"参数 %s 的值须为%s：%s", "parameter %s needs %s: %s"},
    [QS_M_PARAM_RANGE] = {"参数 %s 的值 %s 超出范围 [%s, %s]",
                          "parameter %s: %s is outside [%s, %s]"},
    [QS_M_PARAM_SYNTAX] = {"--param 须写成 名称=值：%s", "--param needs NAME=VALUE: %s"},
    [QS_M_NOT_SCORED] = {"本指标的规则尚未实现，暂不评分（0 分），须人工评审",
                         "this indicator has no rules yet and is not scored (0 points); a reviewer "
                         "must score it"},
    [QS_M_NO_BAND] = {"证据不足以达到最低档，建议 0 分，请评审人核实",
                      "the evidence does not reach the lowest band; 0 points suggested, for the "
                      "reviewer to check"},
    [QS_M_INCOMPLETE] = {"%d 项指标尚未自动评分，总分不完整，初筛建议为复核",
                         "%d indicators are not scored automatically; the total is incomplete and "
                         "triage is 'review'"},
    [QS_M_ERROR_FLAGS] = {"有 %d 项严重问题（error），初筛建议为复核",
                          "%d error flags; triage is 'review'"},
    [QS_M_PROJECT] = {"项目", "Project"},
    [QS_M_REGION] = {"地区", "Region"},
    [QS_M_CHAIN] = {"产业链", "Chain"},
    [QS_M_WORK_START] = {"开工日期", "Work start"},
    [QS_M_WINDOW] = {"成效评价期", "Results window"},
    [QS_M_TOTAL] = {"总分", "Total"},
    [QS_M_TRIAGE] = {"初筛建议", "Triage"},
    [QS_M_INDICATOR] = {"指标", "Indicator"},
    [QS_M_POINTS] = {"得分", "Points"},
    [QS_M_BAND] = {"档位", "Band"},
    [QS_M_REASONS] = {"依据", "Reasons"},
    [QS_M_PLACEMENT] = {"档内位置", "Placement in the band"},
    [QS_M_GAPS] = {"距上一档所缺", "Missing for the next band"},
    [QS_M_EXCLUDED] = {"未计入的证据", "Evidence not counted"},
    [QS_M_FLAGS] = {"提示", "Flags"},
    [QS_M_SECTION] = {"部分", "Section"},
    [QS_M_NOT_SCORED_SHORT] = {"未评分", "not scored"},
    [QS_M_NONE] = {"无", "none"},
    [QS_M_BASE] = {"档内起点", "band minimum"},
    [QS_M_CAPPED] = {"已封顶于本档上限", "capped at the band maximum"},
    [QS_M_NEXT_BAND] = {"上一档", "next band"},
    [QS_M_TRIAGE_RECOMMEND] = {"推荐", "recommend"},
    [QS_M_TRIAGE_REVIEW] = {"复核", "review"},
    [QS_M_TRIAGE_REJECT] = {"不推荐", "reject"},
    [QS_M_VALID] = {"有效", "valid"},
    [QS_M_INVALID] = {"无效", "invalid"},
    [QS_M_NOT_CHECKED] = {"未能查完（达到运行限制）",
                          "not checked to the end (a run limit was reached)"},
    [QS_M_SUBMISSION_FLAGS] = {"整体提示", "Submission flags"},
    [QS_M_SELF] = {"自评", "self"},
    [QS_M_VALID_WITH_ERRORS] = {"符合申报文件结构，但有 %d 项严重问题（error），不宜直接使用",
                                "matches the schema, but with %d error flags: not plainly valid"},
    [QS_M_AS_OF] = {"评审基准日", "scoring day"},
    [QS_M_CANNOT_WRITE] = {"无法写入 %s：%s", "cannot write %s: %s"},
    [QS_M_FILE_IS_LINK] =
        {"无法写入 %s：它是符号链接，qscore 不经符号链接写入（请直接给出目标文件）",
         "cannot write %s: it is a symbolic link, and qscore does not write "
         "through links (name the file itself)"},
    [QS_M_FILE_NOT_REGULAR] = {"无法写入 %s：它不是普通文件（设备、管道或套接字），qscore 不替换它",
                               "cannot write %s: it is not a regular file (a device, FIFO or "
                               "socket), and qscore does not replace it"},
    [QS_M_STDOUT] = {"无法写入标准输出：%s", "cannot write to standard output: %s"},
    [QS_M_OUT_FOREIGN] = {"%s 不是空目录，也不是 qscore 的输出目录（没有 .qscore-manifest）；"
                          "为免覆盖或删除别人的文件，请指定新的或空的目录",
                          "%s is not empty and is not a qscore output folder (it has no "
                          ".qscore-manifest); so as to overwrite or delete nothing of anyone "
                          "else's, give a new or empty folder"},
    [QS_M_OUT_BUSY] = {"输出目录 %s 正被另一个 qscore batch 使用（进程 %s）；请等它结束或另选目录",
                       "the output folder %s is in use by another qscore batch (process %s); "
                       "wait for it to finish or choose another folder"},
    [QS_M_OUT_LINK] = {"%s 不是 qscore 建立的目录（符号链接或其他文件）；qscore 不跟随输出目录中的"
                       "链接，请移走它或另选目录",
                       "%s is not the folder qscore made (a symbolic link or another kind of "
                       "file); qscore follows no link inside its output folder: move it away "
                       "or choose another folder"},
    [QS_M_OUT_NOT_OURS] = {"%s 已存在且不是 qscore 写的，未覆盖",
                           "%s exists and was not written by qscore; left as it is"},
    [QS_M_OUT_CANNOT_MAKE] = {"无法使用输出目录 %s：%s", "cannot use the output folder %s: %s"},
    [QS_M_SKIP_LINK] = {"符号链接，未跟随（要评分请直接给出它指向的文件）",
                        "a symbolic link, not followed (name the file it points to, to score it)"},
    [QS_M_SKIP_DEEP] = {"目录嵌套超过 %d 层，未再向下查找",
                        "more than %d folders deep, not searched"},
    [QS_M_SKIP_SPECIAL] = {"不是普通文件（设备、管道或套接字），未读取",
                           "not a regular file (a device, FIFO or socket), not read"},
    [QS_M_SKIP_OUT] = {"位于输出目录 %s 内，不作为申报文件评分",
                       "inside the output folder %s, not scored as a submission"},
    [QS_M_NOTHING_TO_SCORE] = {"没有可评分的文件，未写入任何输出",
                               "nothing to score; no output written"},
    [QS_M_INTERRUPTED] = {"已中断（%s）；加 --resume 再次运行即可接着完成",
                          "interrupted (%s); run again with --resume to finish"},
    [QS_M_WRITE_FAILED] = {"未能评分：写入结果失败：%s",
                           "not scored: writing the result failed: %s"},
    [QS_M_AS_OF_VALUE] = {"--as-of 须为 YYYY-MM-DD 格式的日期（1900-2999）：%s",
                          "--as-of needs a date YYYY-MM-DD (1900-2999): %s"},
};

const char *qs_msg_get(qs_lang lang, qs_msg id) {
  if ((int)id < 0 || id >= QS_M__COUNT)
    return "?";
  const char *s = msgs[id][lang == QS_LANG_EN ? 1 : 0];
  return s ? s : msgs[id][0];
}

/* What a user of the Chinese interface reads instead of libc's English (the C locale qscore
 * runs in); the reasons a file operation of qscore's meets in practice. */
const char *qs_strerror(qs_lang lang, int err) {
  static const struct {
    int err;
    const char *zh;
  } zh[] = {
      {ENOENT, "没有该文件或目录"},
      {EACCES, "权限不足"},
      {EPERM, "不允许的操作"},
      {ENOSPC, "磁盘空间不足"},
      {EDQUOT, "超出磁盘配额"},
      {EFBIG, "文件过大（超出文件大小限制）"},
      {EROFS, "只读文件系统"},
      {EISDIR, "是一个目录"},
      {ENOTDIR, "不是目录"},
      {EEXIST, "文件已存在"},
      {ELOOP, "符号链接层数过多或不跟随符号链接"},
      {ENXIO, "没有读取方（设备或地址不存在）"},
      {EIO, "输入/输出错误"},
      {ENAMETOOLONG, "文件名过长"},
      {EMFILE, "打开的文件过多"},
      {ENFILE, "系统打开的文件过多"},
      {ENOTEMPTY, "目录非空"},
      {EBUSY, "设备或资源忙"},
      {EXDEV, "跨设备链接"},
      {EINVAL, "无效参数"},
      {EPIPE, "管道已断开"},
      {ENOMEM, "内存不足"},
  };
  if (lang != QS_LANG_EN)
    for (size_t i = 0; i < sizeof zh / sizeof zh[0]; i++)
      if (zh[i].err == err)
        return zh[i].zh;
  return strerror(err);
}

int qs_lang_parse(const char *s, qs_lang *out) {
  if (strcmp(s, "zh") == 0)
    *out = QS_LANG_ZH;
  else if (strcmp(s, "en") == 0)
    *out = QS_LANG_EN;
  else
    return -1;
  return 0;
}

/* The rules write units in Chinese (they are part of the policy text); the English interface
 * shows them in English. An unknown unit is shown as the rules wrote it. */
const char *qs_unit(qs_lang lang, const char *unit) {
  static const char *const units[][2] = {
      {"月", " months"},    {"百分点", " pp"},         {"倍", "×"},        {"个", ""},
      {"个年度", " years"}, {"人次", " person-times"}, {"分", " points"},  {"家", " enterprises"},
      {"开关", " (0/1)"},   {"次", " times"},          {"次/年", "/year"}, {"秒", " s"},
      {"类", " kinds"},     {"项", " items"},          {"%/年", "%/year"},
  };
  if (!unit || lang != QS_LANG_EN)
    return unit ? unit : "";
  for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
    if (strcmp(unit, units[i][0]) == 0)
      return units[i][1];
  return unit;
}
