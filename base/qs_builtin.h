/* qs_builtin.h -- files compiled into the binary: the rules of the current edition and the
 * schemas, so that `qscore` works from any folder. The table is generated at build time by
 * tools/embed.c from the .clp files of rules/2025 and the .xsd files of schemas
 * (build/gen/builtin.c). */
#ifndef QS_BUILTIN_H
#define QS_BUILTIN_H

#include <stddef.h>

typedef struct {
  const char *name; /* base name, e.g. "standards.clp" */
  const char *data; /* NUL-terminated */
  size_t len;       /* without the NUL */
} qs_builtin_file;

extern const qs_builtin_file qs_builtin_rules[];    /* sorted by name, ends with {NULL} */
extern const qs_builtin_file qs_builtin_schemas[];  /* ends with {NULL} */
extern const qs_builtin_file qs_builtin_messages[]; /* zh.txt, en.txt (i18n/), ends with {NULL} */

/* The built-in rules as a CLIPS binary image (tools/mkimage.c, build/gen/image.c): loading
 * it is ten times faster than parsing the text; "rules.img", and "rules.idx" the rules hash
 * and where each rule starts (qs_engine_rules_index). Weak: the build tool that makes the image
 * links without it, and then the rules are parsed from the text. */
extern const qs_builtin_file qs_builtin_image[] __attribute__((weak));

const qs_builtin_file *qs_builtin_find(const qs_builtin_file *list, const char *name);

#endif
