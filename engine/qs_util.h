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

/* Exit codes, one table for the whole tool (README, --help and the man page say the same). */
enum {
  QS_EXIT_OK = 0,       /* everything scored */
  QS_EXIT_INPUT = 1,    /* some input invalid or unreadable; the rest still scored */
  QS_EXIT_USAGE = 2,    /* bad command line */
  QS_EXIT_RULES = 3,    /* rules or rubric error: nothing scored */
  QS_EXIT_INTERNAL = 4, /* internal error */
};

void *qs_xmalloc(size_t n);
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
void qs_buf_addf(qs_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void qs_buf_vaddf(qs_buf *b, const char *fmt, va_list ap);
void qs_buf_free(qs_buf *b);
/* Give the caller the string (never NULL) and leave the buffer empty. */
char *qs_buf_take(qs_buf *b);

/* Read a whole file, or standard input when path is "-", refusing anything larger than
 * limit bytes. The data is NUL-terminated (not counted in *len). On failure returns -1 and
 * sets *err to a static reason: "too-large" or strerror text. */
int qs_read_file(const char *path, size_t limit, char **data, size_t *len, const char **err);

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
/* Today in UTC as yyyymmdd, or the day of SOURCE_DATE_EPOCH when that is set (so that
 * reproducible runs give reproducible "in the future" checks). */
long qs_today_int(void);

#endif
