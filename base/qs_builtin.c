/* qs_builtin.c -- looking up a file compiled into the binary (see qs_builtin.h). */
#include "qs_builtin.h"

#include <string.h>

const qs_builtin_file *qs_builtin_find(const qs_builtin_file *list, const char *name) {
  for (const qs_builtin_file *f = list; f->name; f++)
    if (strcmp(f->name, name) == 0)
      return f;
  return NULL;
}
