/* qs_file.c -- writing without losing what is there (see qs_file.h).
 *
 * Why not fopen(PATH ".tmp." PID) and rename, as qscore once did: the temporary name was
 * predictable and opened without O_EXCL, so another user's symbolic link at that name turned a
 * root-owned write into a write anywhere; and rename replaced whatever PATH was, so
 * `-o /dev/null` run as root replaced the machine's /dev/null with a regular file. */
#define _GNU_SOURCE /* O_PATH, copy_file_range */
#include "qs_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Twelve random letters and digits: 62^12 names, made afresh when one is taken. */
static void random_name(char out[13]) {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char r[12];
  if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
    /* No entropy yet (very early boot): the clock and the process. O_EXCL still holds. */
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    unsigned long long x = (unsigned long long)t.tv_nsec ^ ((unsigned long long)t.tv_sec << 20) ^
                           ((unsigned long long)getpid() << 40);
    for (size_t i = 0; i < sizeof r; i++) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      r[i] = (unsigned char)(x >> 56);
    }
  }
  for (size_t i = 0; i < sizeof r; i++)
    out[i] = alphabet[r[i] % (sizeof alphabet - 1)];
  out[12] = '\0';
}

static void fail(qs_file *f, qs_file_problem p, int err) {
  if (f->problem == QS_FILE_OK) {
    f->problem = p;
    f->err = err;
  }
}

int qs_file_open(qs_file *f, int dfd, const char *name, const char *shown, int flags) {
  *f = (qs_file){.fd = -1, .dfd = dfd, .name = qs_xstrdup(name), .shown = qs_xstrdup(shown)};
  struct stat st;
  int exists = fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0;
  if (!exists && errno != ENOENT) {
    fail(f, QS_FILE_ERRNO, errno);
    return -1;
  }
  if (exists && S_ISLNK(st.st_mode)) {
    fail(f, QS_FILE_IS_LINK, 0);
    return -1;
  }
  if (exists && S_ISDIR(st.st_mode)) {
    fail(f, QS_FILE_ERRNO, EISDIR);
    return -1;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    if (!(flags & QS_FILE_DIRECT_SPECIAL)) {
      fail(f, QS_FILE_NOT_REGULAR, 0);
      return -1;
    }
    /* A device, FIFO or socket the user named: write into it, as a shell's > would. */
    f->fd = openat(dfd, name, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    if (f->fd < 0) {
      fail(f, QS_FILE_ERRNO, errno);
      return -1;
    }
    return 0;
  }
  for (int attempt = 0; attempt < 100; attempt++) {
    char r[13];
    random_name(r);
    qs_buf t = {0};
    qs_buf_addf(&t, "%s%s", QS_FILE_TMP_PREFIX, r);
    int fd = openat(dfd, t.s, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0) {
      /* A file replaced keeps its permission bits (a report someone made private stays so). */
      if (exists)
        fchmod(fd, st.st_mode & 07777);
      f->fd = fd;
      f->tmp = qs_buf_take(&t);
      return 0;
    }
    qs_buf_free(&t);
    if (errno != EEXIST) {
      fail(f, QS_FILE_ERRNO, errno);
      return -1;
    }
  }
  fail(f, QS_FILE_ERRNO, EEXIST);
  return -1;
}

void qs_file_write(qs_file *f, const void *data, size_t len) {
  const char *p = data;
  while (len > 0 && f->fd >= 0 && f->problem == QS_FILE_OK) {
    ssize_t n = write(f->fd, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      fail(f, QS_FILE_ERRNO, n < 0 ? errno : EIO);
      return;
    }
    p += n;
    len -= (size_t)n;
  }
}

void qs_file_copy_from(qs_file *f, int in_fd) {
  int kernel = 1;
  while (f->fd >= 0 && f->problem == QS_FILE_OK) {
    if (kernel) {
      ssize_t n = copy_file_range(in_fd, NULL, f->fd, NULL, (size_t)1 << 30, 0);
      if (n > 0)
        continue;
      if (n == 0)
        return;
      if (errno == EINTR)
        continue;
      /* Not between these files (another file system, a device, an old kernel): by hand. The
       * offsets have not moved when the call failed. */
      if (errno == EXDEV || errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP ||
          errno == EBADF) {
        kernel = 0;
        continue;
      }
      fail(f, QS_FILE_ERRNO, errno);
      return;
    }
    char piece[1 << 16];
    ssize_t n = read(in_fd, piece, sizeof piece);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      fail(f, QS_FILE_ERRNO, errno);
    if (n <= 0)
      return;
    qs_file_write(f, piece, (size_t)n);
  }
}

static void drain(qs_file *f, qs_buf *b) {
  if (b->len)
    qs_file_write(f, b->s, b->len);
  b->len = 0;
  if (b->s)
    b->s[0] = '\0';
}

void qs_file_put(qs_file *f, qs_buf *b) {
  if (b->len >= (size_t)64 << 10)
    drain(f, b);
}

int qs_file_close(qs_file *f, qs_buf *b) {
  if (b)
    drain(f, b);
  if (f->fd >= 0) {
    if (close(f->fd) != 0)
      fail(f, QS_FILE_ERRNO, errno);
    f->fd = -1;
  }
  if (f->tmp && f->problem == QS_FILE_OK) {
    /* The target may have changed since it was opened: never rename over anything but a
     * regular file (or nothing). */
    struct stat st;
    if (fstatat(f->dfd, f->name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
      if (S_ISLNK(st.st_mode))
        fail(f, QS_FILE_IS_LINK, 0);
      else if (S_ISDIR(st.st_mode))
        fail(f, QS_FILE_ERRNO, EISDIR);
      else if (!S_ISREG(st.st_mode))
        fail(f, QS_FILE_NOT_REGULAR, 0);
    }
    if (f->problem == QS_FILE_OK && renameat(f->dfd, f->tmp, f->dfd, f->name) != 0)
      fail(f, QS_FILE_ERRNO, errno);
  }
  if (f->tmp && f->problem != QS_FILE_OK)
    unlinkat(f->dfd, f->tmp, 0);
  free(f->tmp);
  f->tmp = NULL;
  return f->problem == QS_FILE_OK ? 0 : -1;
}

char *qs_file_error(const qs_file *f, qs_lang lang) {
  qs_buf b = {0};
  switch (f->problem) {
  case QS_FILE_OK:
    qs_buf_add(&b, f->shown ? f->shown : "");
    break;
  case QS_FILE_IS_LINK:
    qs_buf_addf(&b, qs_msg_get(lang, QS_M_FILE_IS_LINK), f->shown);
    break;
  case QS_FILE_NOT_REGULAR:
    qs_buf_addf(&b, qs_msg_get(lang, QS_M_FILE_NOT_REGULAR), f->shown);
    break;
  case QS_FILE_ERRNO:
    qs_buf_addf(&b, qs_msg_get(lang, QS_M_CANNOT_WRITE), f->shown, qs_strerror(lang, f->err));
    break;
  }
  return qs_buf_take(&b);
}

void qs_file_release(qs_file *f) {
  if (f->fd >= 0)
    close(f->fd);
  if (f->tmp)
    unlinkat(f->dfd, f->tmp, 0);
  free(f->tmp);
  free(f->name);
  free(f->shown);
  *f = (qs_file){.fd = -1};
}

int qs_file_save(int dfd, const char *name, const char *shown, const void *data, size_t len,
                 int flags, qs_lang lang, char **why) {
  qs_file f;
  qs_file_open(&f, dfd, name, shown, flags);
  qs_file_write(&f, data, len);
  int rc = qs_file_close(&f, NULL);
  if (rc != 0 && why)
    *why = qs_file_error(&f, lang);
  qs_file_release(&f);
  return rc;
}

int qs_file_open_parent(const char *path, const char **base) {
  const char *slash = strrchr(path, '/');
  const char *b = slash ? slash + 1 : path;
  if (!*b || strcmp(b, ".") == 0 || strcmp(b, "..") == 0) {
    errno = EISDIR;
    return -1;
  }
  *base = b;
  if (!slash)
    return open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (slash == path)
    return open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  char *dir = qs_xstrndup(path, (size_t)(slash - path));
  int fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  int e = errno;
  free(dir);
  errno = e;
  return fd;
}
