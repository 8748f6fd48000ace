/* mkimage.c -- build tool: load the built-in rules (engine/qs_builtin.h) into a CLIPS
 * environment the way qscore does, and write them as a binary image (EnvBsave).
 *
 *   mkimage OUT.img
 *
 * The Makefile embeds the image into qscore (build/gen/image.c), which loads it with EnvBload
 * instead of parsing the rules text at every start. Linked without the image, so the engine's
 * weak reference to it is empty here. */
#include <stdio.h>

#include "qs_builtin.h"
#include "qs_env.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: mkimage OUT.img\n");
    return 2;
  }
  qs_env *qe = qs_env_new();
  if (!qe)
    return 1;
  /* Without dynamic constraint checking CLIPS leaves slot constraints out of the image, and
   * with them the defaults they imply (an INTEGER slot's 0 would come back as nil). */
  qs_env_check_constraints(qe, 1);
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  int bad = 0;
  for (const qs_builtin_file *f = qs_builtin_rules; f->name && !bad; f++)
    bad = qs_env_load(qe, f->name, f->data, &d) != 0;
  if (!bad && qs_env_bsave(qe, argv[1]) != 0) {
    fprintf(stderr, "mkimage: cannot write %s\n", argv[1]);
    bad = 1;
  }
  qs_diag_print(&d, stderr);
  qs_diag_free(&d);
  qs_env_free(qe);
  return bad;
}
