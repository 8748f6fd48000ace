/* mkimage.c -- build tool: load the built-in rules (base/qs_builtin.h) the way qscore does
 * and write them as a binary image (EnvBsave), with their index.
 *
 *   mkimage OUT.img OUT.idx
 *
 * The Makefile embeds both into qscore (build/gen/image.c), which loads the image with EnvBload
 * instead of parsing the rules text at every start, and takes the rules hash and the place of
 * each rule (for messages about rules) from the index (qs_engine_rules_index) instead of
 * hashing and reading the text. Linked without the image, so the engine's weak reference to it
 * is empty here and qs_engine_new loads the text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qs_builtin.h"
#include "qs_engine.h"
#include "qs_env.h"

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: mkimage OUT.img OUT.idx\n");
    return 2;
  }
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  /* The index from the engine as qscore makes it (hash and places from the text). */
  qs_engine *e = qs_engine_new(NULL, &d);
  int bad = e == NULL;
  if (e) {
    char *idx = qs_engine_rules_index(e);
    FILE *f = fopen(argv[2], "w");
    if (!f || fputs(idx, f) == EOF || fclose(f) != 0) {
      fprintf(stderr, "mkimage: cannot write %s\n", argv[2]);
      bad = 1;
    }
    free(idx);
    qs_engine_free(e);
  }
  qs_env *qe = bad ? NULL : qs_env_new();
  if (qe) {
    /* Without dynamic constraint checking CLIPS leaves slot constraints out of the image, and
     * with them the defaults they imply (an INTEGER slot's 0 would come back as nil). */
    qs_env_check_constraints(qe, 1);
    for (const qs_builtin_file *f = qs_builtin_rules; f->name && !bad; f++)
      bad = qs_env_load(qe, f->name, f->data, &d) != 0;
    if (!bad && qs_env_bsave(qe, argv[1]) != 0) {
      fprintf(stderr, "mkimage: cannot write %s\n", argv[1]);
      bad = 1;
    }
    qs_env_free(qe);
  }
  qs_diag_print(&d, stderr);
  qs_diag_free(&d);
  return bad;
}
