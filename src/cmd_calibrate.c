/* cmd_calibrate.c -- `qscore panel calibrate BATCH_DIR SCORES...` (see panel/calibrate.c). */
#include "cli.h"
