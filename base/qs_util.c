/* qs_util.c -- checked allocation, string buffer, file reading, SHA-256, dates. */
#include "qs_util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Nothing can be allocated, not even the message in the language of the run: both languages,
 * in qscore's one shape. */
static void oom(void) {
  fputs("qscore: 错误: 内存不足 (error: out of memory)\n", stderr);
  exit(QS_EXIT_INTERNAL);
}

FILE *qs_xmemstream(char **buf, size_t *len) {
  *buf = NULL;
  *len = 0;
  FILE *f = open_memstream(buf, len);
  if (!f)
    oom();
  return f;
}

void *qs_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    oom();
  return p;
}

void *qs_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    oom();
  return p;
}

void *qs_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    oom();
  return q;
}

char *qs_xstrdup(const char *s) { return qs_xstrndup(s ? s : "", strlen(s ? s : "")); }

char *qs_xstrndup(const char *s, size_t n) {
  char *p = qs_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void qs_grow(void *items_ptr, size_t *cap, size_t need, size_t elem_size) {
  void **items = items_ptr;
  if (need <= *cap)
    return;
  size_t c = *cap ? *cap : 8;
  while (c < need) {
    if (c > SIZE_MAX / 2 / elem_size)
      oom();
    c *= 2;
  }
  *items = qs_xrealloc(*items, c * elem_size);
  *cap = c;
}

void qs_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  if (n > 1)
    qsort(base, n, size, cmp);
}

void qs_buf_addn(qs_buf *b, const char *s, size_t n) {
  qs_grow(&b->s, &b->cap, b->len + n + 1, 1);
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

void qs_buf_add_html(qs_buf *b, const char *s) {
  for (const char *p = s ? s : ""; *p; p++) {
    switch (*p) {
    case '&':
      qs_buf_add(b, "&amp;");
      break;
    case '<':
      qs_buf_add(b, "&lt;");
      break;
    case '>':
      qs_buf_add(b, "&gt;");
      break;
    case '"':
      qs_buf_add(b, "&quot;");
      break;
    case '\'':
      qs_buf_add(b, "&#39;");
      break;
    default:
      qs_buf_addn(b, p, 1);
    }
  }
}

void qs_buf_add(qs_buf *b, const char *s) { qs_buf_addn(b, s, strlen(s)); }

void qs_buf_vaddf(qs_buf *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0)
    return;
  qs_grow(&b->s, &b->cap, b->len + (size_t)n + 1, 1);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
}

void qs_buf_addf(qs_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  qs_buf_vaddf(b, fmt, ap);
  va_end(ap);
}

void qs_buf_free(qs_buf *b) {
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}

char *qs_buf_take(qs_buf *b) {
  char *s = b->s ? b->s : qs_xstrdup("");
  b->s = NULL;
  b->len = b->cap = 0;
  return s;
}

/* Read from an open descriptor up to limit bytes (the caller closes fd). */
static qs_status read_fd(int fd, size_t limit, char **data, size_t *len, int *err_no) {
  size_t cap = 0, n = 0;
  char *buf = NULL;
  for (;;) {
    qs_grow(&buf, &cap, n + 65536 + 1, 1);
    ssize_t got = read(fd, buf + n, cap - n - 1);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0) {
      *err_no = errno;
      free(buf);
      return QS_E_SYSTEM;
    }
    n += (size_t)got;
    if (n > limit) {
      free(buf);
      return QS_E_TOO_LARGE;
    }
    if (got == 0)
      break;
  }
  buf[n] = '\0';
  *data = buf;
  *len = n;
  return QS_OK;
}

qs_status qs_read_fileat(int dfd, const char *name, size_t limit, int flags, char **data,
                         size_t *len, int *err_no) {
  *data = NULL;
  *len = 0;
  *err_no = 0;
  int stdin_ = strcmp(name, "-") == 0 && dfd == AT_FDCWD;
  /* O_NONBLOCK: opening a FIFO for reading must not wait for a writer before its type is
   * known; it is cleared again for the reading itself. */
  int fd = stdin_ ? 0
                  : openat(dfd, name,
                           O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK |
                               ((flags & QS_READ_NOFOLLOW) ? O_NOFOLLOW : 0));
  if (fd < 0) {
    *err_no = errno;
    return QS_E_SYSTEM;
  }
  qs_status rc = QS_OK;
  struct stat st;
  if (fstat(fd, &st) != 0) {
    *err_no = errno;
    rc = QS_E_SYSTEM;
  } else if (S_ISDIR(st.st_mode)) {
    *err_no = EISDIR;
    rc = QS_E_SYSTEM;
  } else if (!S_ISREG(st.st_mode) && !stdin_ && (flags & QS_READ_REGULAR_ONLY)) {
    rc = QS_E_NOT_REGULAR;
  } else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
    rc = QS_E_TOO_LARGE;
  }
  if (rc == QS_OK && !stdin_ && S_ISFIFO(st.st_mode)) {
    /* A FIFO opened without waiting reads as empty until its writer comes: open it again the
     * ordinary way, which waits for the writer as a shell's < would. */
    close(fd);
    fd = openat(dfd, name,
                O_RDONLY | O_CLOEXEC | O_NOCTTY | ((flags & QS_READ_NOFOLLOW) ? O_NOFOLLOW : 0));
    if (fd < 0) {
      *err_no = errno;
      return QS_E_SYSTEM;
    }
  } else if (rc == QS_OK && !stdin_) {
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
      fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  }
  if (rc == QS_OK)
    rc = read_fd(fd, limit, data, len, err_no);
  if (!stdin_)
    close(fd);
  return rc;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

long qs_dir_names(const char *dir, const char *suffix, char ***names) {
  *names = NULL;
  DIR *dp = opendir(dir);
  if (!dp)
    return -1;
  size_t n = 0, cap = 0, sl = strlen(suffix);
  for (struct dirent *de; (de = readdir(dp));) {
    size_t len = strlen(de->d_name);
    if (len > sl && strcmp(de->d_name + len - sl, suffix) == 0 && de->d_name[0] != '.') {
      qs_grow(names, &cap, n + 1, sizeof **names);
      (*names)[n++] = qs_xstrdup(de->d_name);
    }
  }
  closedir(dp);
  qs_sort(*names, n, sizeof **names, cmp_names);
  return (long)n;
}

qs_status qs_read_file(const char *path, size_t limit, char **data, size_t *len, int *err_no) {
  *err_no = 0;
  return qs_read_fileat(AT_FDCWD, path, limit, 0, data, len, err_no);
}

int qs_read_errno(qs_status st, int err_no) {
  switch (st) {
  case QS_OK:
    return 0;
  case QS_E_TOO_LARGE:
    return EFBIG;
  case QS_E_NOT_REGULAR:
    return EINVAL;
  default: /* QS_E_SYSTEM */
    return err_no ? err_no : EIO;
  }
}

struct qs_sha256 {
  struct sha256_ctx ctx;
};

qs_sha256 *qs_sha256_new(void) {
  qs_sha256 *h = qs_xmalloc(sizeof *h);
  sha256_init(&h->ctx);
  return h;
}

void qs_sha256_update(qs_sha256 *h, const void *data, size_t len) {
  sha256_update(&h->ctx, len, data);
}

void qs_sha256_final(qs_sha256 *h, char hex[65]) {
  uint8_t d[SHA256_DIGEST_SIZE];
  sha256_digest(&h->ctx, sizeof d, d);
  for (size_t i = 0; i < sizeof d; i++)
    snprintf(hex + 2 * i, 3, "%02x", d[i]);
  free(h);
}

void qs_sha256_hex(const void *data, size_t len, char hex[65]) {
  qs_sha256 *h = qs_sha256_new();
  qs_sha256_update(h, data, len);
  qs_sha256_final(h, hex);
}

static int days_in_month(int y, int m) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return dm[m - 1];
}

int qs_date_parse(const char *s, int *y, int *m, int *d) {
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
    return -1;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
      return -1;
  int yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int mm = (s[5] - '0') * 10 + (s[6] - '0');
  int dd = (s[8] - '0') * 10 + (s[9] - '0');
  if (yy < 1900 || yy > 2999 || mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(yy, mm))
    return -1;
  *y = yy;
  *m = mm;
  *d = dd;
  return 0;
}

long qs_date_int(int y, int m, int d) { return (long)y * 10000 + m * 100 + d; }

void qs_date_add_months(int *y, int *m, int *d, int months) {
  int t = *y * 12 + (*m - 1) + months;
  *y = t / 12;
  *m = t % 12 + 1;
  int last = days_in_month(*y, *m);
  if (*d > last)
    *d = last;
}

void qs_date_format(char out[11], int y, int m, int d) {
  snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

long qs_today_china(void) {
  time_t t = time(NULL);
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  if (sde && *sde) {
    char *end;
    long long v = strtoll(sde, &end, 10);
    if (*end == '\0' && v >= 0)
      t = (time_t)v;
  }
  t += 8 * 3600; /* China Standard Time, UTC+8 all year */
  struct tm tm;
  gmtime_r(&t, &tm);
  return qs_date_int(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void qs_day_format(char out[11], long day) {
  qs_date_format(out, (int)(day / 10000), (int)(day / 100 % 100), (int)(day % 100));
}
