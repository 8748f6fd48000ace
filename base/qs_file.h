/* qs_file.h -- writing a file without losing what is there: every output of qscore (a report
 * given with -o, each file of a batch folder, each entry of a batch's cache) goes through it.
 *
 *   qs_file f;
 *   qs_file_open(&f, dfd, "triage.csv", "out/triage.csv", 0);   the folder as a descriptor
 *   qs_file_put(&f, &buf);   ...                              written in 64 KiB pieces
 *   if (qs_file_close(&f, &buf) != 0) report qs_file_error(&f)  path and the system's reason
 *
 * How the target is treated:
 *  - absent or a regular file: the bytes go to a new temporary file in the same folder, made
 *    with O_CREAT|O_EXCL|O_NOFOLLOW under an unpredictable name (".qscore-tmp-" and random
 *    letters), then renamed over the target, which is first checked again to still be a
 *    regular file. A reader never sees half a file; a symbolic link planted at a guessable
 *    temporary name cannot redirect the write. A replaced file keeps its permission bits.
 *  - a symbolic link: refused (qscore does not write through links: a link in a shared folder
 *    could send a write by root anywhere).
 *  - a device, FIFO or socket: written to directly when the caller allows it (`-o /dev/null`,
 *    `-o some.fifo`), refused otherwise (in a batch folder qscore replaces only what it wrote);
 *    never renamed over, so /dev/null stays a device.
 *  - a folder: refused.
 * Every failure keeps the first system error and the step that failed, so the message names
 * the path and the reason ("out/triage.csv: No space left on device"). */
#ifndef QS_FILE_H
#define QS_FILE_H

#include <stddef.h>

#include "qs_i18n.h"
#include "qs_util.h"

/* Temporary files qscore makes start with this; a batch clears its own leftovers by it. */
#define QS_FILE_TMP_PREFIX ".qscore-tmp-"

enum {
  QS_FILE_DIRECT_SPECIAL = 1, /* write into an existing device or FIFO instead of refusing */
};

typedef enum {
  QS_FILE_OK = 0,
  QS_FILE_ERRNO,       /* err holds the system's error */
  QS_FILE_IS_LINK,     /* the target is a symbolic link */
  QS_FILE_NOT_REGULAR, /* the target is a device, FIFO or socket and may not be written */
} qs_file_problem;

typedef struct {
  int fd;      /* the file being written, -1 when none */
  int dfd;     /* the folder of the target */
  char *name;  /* the target's name inside dfd */
  char *shown; /* the target as the user knows it, for messages */
  char *tmp;   /* the temporary file's name inside dfd; NULL when writing in place */
  qs_file_problem problem;
  int err; /* errno of the first failure */
} qs_file;

/* Open the target name inside the folder dfd (AT_FDCWD: the working directory; name may then
 * be a path). Returns 0, or -1 with the problem recorded (qs_file_close then fails too and
 * qs_file_error says why). */
int qs_file_open(qs_file *f, int dfd, const char *name, const char *shown, int flags);
/* Append bytes; a failure is recorded and later writes do nothing. */
void qs_file_write(qs_file *f, const void *data, size_t len);
/* Append the whole of the open file in_fd from its current offset: copy_file_range (the copy
 * stays in the kernel, or is a reflink where the file system can), else read and write. */
void qs_file_copy_from(qs_file *f, int in_fd);
/* Write out b and empty it once it holds 64 KiB (callers keep appending to b). */
void qs_file_put(qs_file *f, qs_buf *b);
/* Write the rest of b (may be NULL), close, rename into place. 0, or -1 with nothing left
 * behind (the temporary file removed, the target untouched). The strings stay for
 * qs_file_error until qs_file_release. */
int qs_file_close(qs_file *f, qs_buf *b);
/* The problem as one line, "path: reason" (free it). */
char *qs_file_error(const qs_file *f, qs_lang lang);
void qs_file_release(qs_file *f);

/* The whole file in one call: open, write, close; on failure the message goes to *why
 * (free it) when why is not NULL. */
int qs_file_save(int dfd, const char *name, const char *shown, const void *data, size_t len,
                 int flags, qs_lang lang, char **why);

/* Open the folder holding path (for qs_file_open on its last component): *base gets a
 * pointer into path. -1 with errno set when the folder cannot be opened or path names no
 * file (ends in '/', is "." or ""). */
int qs_file_open_parent(const char *path, const char **base);

#endif
