/* mechanism.c -- 创新质量提升工作机制: alliances and their members, 产学研 agreements and joint
 * labs outside an alliance (collaboration) and theirs, the working mechanism, meetings and
 * activities, bottleneck analyses, improvement actions with their measured results, and
 * recognitions as a demonstrative case. */
#include "qs_family.h"

static void alliance_members(qs_import *im, xmlNode *el, const char *id) {
  qs_import_parties(im, el, id, "member", "member");
}

/* How many members an alliance or a collaboration names, and of which kinds
 * (mechanism-alliance, mechanism-collaboration). */
static void alliance_counts(qs_import *im, xmlNode *el, qs_fact *f) {
  qs_parties p;
  qs_parties_count(im, el, "member", &p);
  qs_fact_int(f, "members", p.named);
  qs_fact_syms(f, "member-kinds", p.kinds, p.n_kinds);
  qs_parties_free(&p);
}

static void action_children(qs_import *im, xmlNode *el, const char *id) {
  qs_import_parties(im, el, id, "participant", "participant");
  qs_import_results(im, el, id);
}

static const qs_attr alliance[] = {
    {"date", "date", QA_WDATE}, {"name", "name", QA_STR}, {NULL, NULL, 0}};
static const qs_attr collaboration[] = {{"date", "date", QA_WDATE},
                                        {"title", "title", QA_STR},
                                        {"kind", "kind", QA_SYM},
                                        {NULL, NULL, 0}};
static const qs_attr meeting[] = {{"date", "date", QA_WDATE},
                                  {"title", "title", QA_STR},
                                  {"kind", "kind", QA_SYM},
                                  {"participants", "participants", QA_INT},
                                  {NULL, NULL, 0}};
static const qs_attr bottleneck[] = {{"date", "date", QA_WDATE},
                                     {"title", "title", QA_STR},
                                     {"bottlenecks", "bottlenecks", QA_INT},
                                     {NULL, NULL, 0}};
static const qs_attr action[] = {{"date", "date", QA_WDATE},
                                 {"title", "title", QA_STR},
                                 {"end", "end", QA_DATE},
                                 {NULL, NULL, 0}};
static const qs_attr demonstration[] = {{"date", "date", QA_WDATE},
                                        {"title", "title", QA_STR},
                                        {"level", "level", QA_SYM},
                                        {"issuer", "issuer", QA_STR},
                                        {NULL, NULL, 0}};

static const qs_elem elems[] = {
    {"alliance", "alliance", alliance, alliance_counts, alliance_members},
    {"collaboration", "collaboration", collaboration, alliance_counts, alliance_members},
    {"working-mechanism", "working-mechanism", qs_attrs_dated_title, NULL, NULL},
    {"meeting", "meeting", meeting, NULL, NULL},
    {"bottleneck-analysis", "bottleneck-analysis", bottleneck, NULL, NULL},
    {"improvement-action", "improvement-action", action, NULL, action_children},
    {"demonstration", "demonstration", demonstration, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const qs_family qs_family_mechanism = {"mechanism", elems};
