/* qs_reads.h -- which rules may read which parameter, from the rules' own text.
 *
 * A rescore after a parameter changed runs again only the rules that could have read it
 * (qs_engine_rescore). A rule reads a parameter when its text names it (a pattern
 * (param (name standards-many) (value ?min)), an argument, anywhere outside strings and
 * comments), when it reaches the param facts in any other way (a pattern whose name is not a
 * constant, a fact query over param), or when it calls a deffunction or defmethod that does
 * either, directly or through others. Rules files that define a defglobal could pass a value
 * between rules any way they like, and a rule that moves the focus ((focus ...), (return)),
 * changes how the agenda runs or builds CLIPS text to run ((eval ...), (build ...)) breaks the
 * order a re-run relies on: then every rule reads every parameter. The text is the rules',
 * never an application's. */
#ifndef QS_READS_H
#define QS_READS_H

#include <stddef.h>

typedef struct qs_reads qs_reads;

qs_reads *qs_reads_new(void);
void qs_reads_free(qs_reads *r);
/* Read one rules file (NUL-terminated). */
void qs_reads_scan(qs_reads *r, const char *text);
/* Call fn for every rule (its name without the module) that may read param. */
void qs_reads_rules(qs_reads *r, const char *param, void (*fn)(void *ctx, const char *rule),
                    void *ctx);

#endif
