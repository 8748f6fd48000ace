/* qs_util.h -- small shared helpers: checked allocation, a growable string buffer,
 * bounded file reading, SHA-256 (through nettle) and calendar dates.
 *
 * Allocation failure is not recoverable in a command-line scorer: qs_xmalloc and friends
 * print a message and exit with QS_EXIT_INTERNAL. */
#ifndef QS_UTIL_H
#define QS_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "qs_status.h"

/* Exit codes, one table for the whole tool (README, --help and the man page say the same). */
enum {
  QS_EXIT_OK = 0,       /* everything scored */
  QS_EXIT_INPUT = 1,    /* some input invalid or unreadable; the rest still scored */
  QS_EXIT_WRITE = 1,    /* an output could not be written (the path and reason said) */
  QS_EXIT_USAGE = 2,    /* bad command line, or an --out folder qscore may not write into */
  QS_EXIT_RULES = 3,    /* rules or rubric error: nothing scored */
  QS_EXIT_INTERNAL = 4, /* internal error */
  QS_EXIT_SIGINT = 130, /* a batch interrupted by SIGINT (128 + 2): resumable */
  QS_EXIT_SIGTERM = 143 /* ... by SIGTERM (128 + 15) */
};

void *qs_xmalloc(size_t n);
/* A stream into memory (open_memstream): *buf holds what was written once it is closed. */
FILE *qs_xmemstream(char **buf, size_t *len);
void *qs_xcalloc(size_t n, size_t size);
void *qs_xrealloc(void *p, size_t n);
char *qs_xstrdup(const char *s);
char *qs_xstrndup(const char *s, size_t n);
/* Grow *items (of elem_size bytes each) so that it holds at least need items. */
void qs_grow(void *items_ptr, size_t *cap, size_t need, size_t elem_size);

/* qsort that accepts an empty (NULL) array: glibc declares the pointer non-null even when
 * n is 0, and UBSan holds it to that. */
void qs_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

typedef struct {
  char *s; /* always NUL-terminated once anything was added */
  size_t len, cap;
} qs_buf;

void qs_buf_add(qs_buf *b, const char *s);
void qs_buf_addn(qs_buf *b, const char *s, size_t n);
/* s (NULL: nothing) as HTML text or attribute value: & < > " ' as entities, the rest as it is. */
void qs_buf_add_html(qs_buf *b, const char *s);
void qs_buf_addf(qs_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void qs_buf_vaddf(qs_buf *b, const char *fmt, va_list ap);
void qs_buf_free(qs_buf *b);
/* Give the caller the string (never NULL) and leave the buffer empty. */
char *qs_buf_take(qs_buf *b);

/* The names in the folder dir that end in suffix and do not start with '.', in byte order
 * (free each and the array). -1 with errno set when the folder cannot be read. */
long qs_dir_names(const char *dir, const char *suffix, char ***names);

/* Read a whole file, or standard input when path is "-", refusing anything larger than
 * limit bytes. The data is NUL-terminated (not counted in *len). On failure the status says
 * why, with the system's error in *err_no for QS_E_SYSTEM. */
qs_status qs_read_file(const char *path, size_t limit, char **data, size_t *len, int *err_no);
/* A failed read as the system would say it (strerror): the error itself, EFBIG for a file
 * over the limit, EINVAL for one that is not a regular file. */
int qs_read_errno(qs_status st, int err_no);

enum {
  QS_READ_REGULAR_ONLY = 1, /* refuse anything but a regular file, before reading a byte */
  QS_READ_NOFOLLOW = 2,     /* refuse a symbolic link (ELOOP) */
};

/* Read the file name inside the folder dfd (AT_FDCWD: a path) as qs_read_file does, with the
 * type and the size checked before anything is read: a FIFO never blocks the caller, and a
 * file of gigabytes is refused by its size, not read up to the limit. */
qs_status qs_read_fileat(int dfd, const char *name, size_t limit, int flags, char **data,
                         size_t *len, int *err_no);

/* SHA-256 as 64 lowercase hex digits plus NUL. */
typedef struct qs_sha256 qs_sha256;
qs_sha256 *qs_sha256_new(void);
void qs_sha256_update(qs_sha256 *h, const void *data, size_t len);
void qs_sha256_final(qs_sha256 *h, char hex[65]); /* also frees h */
void qs_sha256_hex(const void *data, size_t len, char hex[65]);

/* Dates. A date is valid when it is a real calendar day between 1900 and 2999.
 * qs_date_int gives yyyymmdd, which orders like the date itself. */
int qs_date_parse(const char *s, int *y, int *m, int *d); /* "YYYY-MM-DD" -> 0, else -1 */
long qs_date_int(int y, int m, int d);
/* Add months to a date; a day that does not exist in the target month becomes its last day
 * (2023-08-31 + 6 months = 2024-02-29). */
void qs_date_add_months(int *y, int *m, int *d, int months);
void qs_date_format(char out[11], int y, int m, int d);
/* Today in China (UTC+8, no summer time) as yyyymmdd: the default scoring day (评审基准日).
 * SOURCE_DATE_EPOCH, when set, stands for the present moment (reproducible runs); --as-of
 * overrides both. A reviewer in China scoring at 07:00 scores on the Chinese date, not on
 * the UTC date, which is still yesterday then. */
long qs_today_china(void);
/* The scoring day of a yyyymmdd number as "YYYY-MM-DD". */
void qs_day_format(char out[11], long day);

#endif
