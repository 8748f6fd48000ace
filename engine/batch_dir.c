/* batch_dir.c -- the output folder of `qscore batch`: what in it is qscore's, the lock, and
 * the folders inside it (see qs_batch.h, "The output folder").
 *
 * qscore once deleted DIR/reports/ wholesale and every *.tmp* file in DIR, and followed
 * DIR/reports or DIR/.qscore-cache when they were symbolic links: a reviewer's notes, an input
 * kept beside the reports, or the files of the folder a link pointed to were lost. Now:
 *  - a folder is qscore's when it holds .qscore-manifest (first line QS_MANIFEST_HEADER),
 *    or is empty; any other folder is refused before anything is written into it;
 *  - the manifest lists every output file qscore wrote there; qscore replaces or removes a
 *    file of the folder only when the manifest names it, and a cache entry only when its name
 *    is one qscore gives them (64 hex digits and .json, .html, .row or .err), and its own
 *    temporary files (QS_FILE_TMP_PREFIX); everything else is left as it is;
 *  - every file is reached through a descriptor of the folder holding it, opened with
 *    O_NOFOLLOW: a symbolic link in place of reports/ or .qscore-cache/ is refused, never
 *    followed out of the folder;
 *  - .qscore-lock is locked (flock) for the whole run and holds the process id: a second
 *    batch into the same folder stops at once, naming the first. The lock goes with the
 *    process, also when it is killed. */
#define _GNU_SOURCE /* O_PATH */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_cache.h"
#include "qs_batch.h"
#include "qs_file.h"

#define QS_MANIFEST ".qscore-manifest"
#define QS_MANIFEST_HEADER "qscore output folder 1"
#define QS_LOCK ".qscore-lock"
#define QS_CACHE ".qscore-cache"

static char *join(const char *dir, const char *name) {
  qs_buf b = {0};
  qs_buf_addf(&b, "%s%s%s", dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", name);
  return qs_buf_take(&b);
}

static void set_why(char **why, qs_lang lang, qs_msg m, const char *path, const char *reason) {
  qs_buf b = {0};
  char *shown = qs_display_name(path);
  if (reason)
    qs_buf_addf(&b, qs_msg_get(lang, m), shown, reason);
  else
    qs_buf_addf(&b, qs_msg_get(lang, m), shown);
  free(shown);
  *why = qs_buf_take(&b);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A name the manifest may hold: one of the tables, or reports/<name>; nothing that climbs
 * out of the folder. */
static int manifest_name_ok(const char *s) {
  if (!*s || s[0] == '/' || strstr(s, "..") || strchr(s, '\\'))
    return 0;
  const char *slash = strchr(s, '/');
  if (!slash)
    return 1;
  return strncmp(s, "reports/", 8) == 0 && s[8] && !strchr(s + 8, '/');
}

/* Parse a manifest: -1 when it is not one of qscore's. */
static int parse_manifest(qs_outdir *o, char *text) {
  char *save = NULL;
  char *line = strtok_r(text, "\n", &save);
  if (!line || strcmp(line, QS_MANIFEST_HEADER) != 0)
    return -1;
  size_t cap = 0;
  for (line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (line[0] == '#' || !manifest_name_ok(line))
      continue;
    qs_grow(&o->owned, &cap, o->n_owned + 1, sizeof *o->owned);
    o->owned[o->n_owned++] = qs_xstrdup(line);
  }
  qs_sort(o->owned, o->n_owned, sizeof *o->owned, cmp_str);
  return 0;
}

int qs_outdir_owns(const qs_outdir *o, const char *name) {
  return o->n_owned && bsearch(&name, o->owned, o->n_owned, sizeof *o->owned, cmp_str) != NULL;
}

/* Anything in the folder besides qscore's own lock file. */
static int has_entries(int fd) {
  int dup_fd = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *dp = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
  if (!dp) {
    if (dup_fd >= 0)
      close(dup_fd);
    return 1; /* unreadable: not known to be empty */
  }
  int any = 0;
  for (struct dirent *de; !any && (de = readdir(dp));) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
      continue;
    struct stat st;
    if (strcmp(de->d_name, QS_LOCK) == 0 &&
        fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
      continue;
    any = 1;
  }
  closedir(dp);
  return any;
}

/* Remove the regular files of folder fd whose names pass keep == 0 for match(). */
static void remove_matching(int fd, int (*match)(const char *)) {
  int dup_fd = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *dp = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
  if (!dp) {
    if (dup_fd >= 0)
      close(dup_fd);
    return;
  }
  for (struct dirent *de; (de = readdir(dp));) {
    struct stat st;
    if (match(de->d_name) && fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISREG(st.st_mode))
      unlinkat(fd, de->d_name, 0);
  }
  closedir(dp);
}

static int is_tmp_name(const char *name) {
  return strncmp(name, QS_FILE_TMP_PREFIX, strlen(QS_FILE_TMP_PREFIX)) == 0;
}

/* A folder inside DIR that qscore made: made if missing, opened without following a link.
 * Its descriptor, or -1 (it cannot be made or opened) or -2 (it is a link or not a folder). */
static int open_subdir(qs_outdir *o, const char *name, qs_lang lang, char **why) {
  if (mkdirat(o->fd, name, 0777) != 0 && errno != EEXIST) {
    char *p = join(o->path, name);
    set_why(why, lang, QS_M_OUT_CANNOT_MAKE, p, qs_strerror(lang, errno));
    free(p);
    return -1;
  }
  int fd = openat(o->fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    char *p = join(o->path, name);
    if (e == ELOOP || e == ENOTDIR)
      set_why(why, lang, QS_M_OUT_LINK, p, NULL);
    else
      set_why(why, lang, QS_M_OUT_CANNOT_MAKE, p, qs_strerror(lang, e));
    free(p);
    return e == ELOOP || e == ENOTDIR ? -2 : -1;
  }
  return fd;
}

/* Who holds the lock, as the lock file says ("?" when it says nothing readable). */
static char *lock_holder(int fd) {
  char buf[32] = {0};
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  qs_buf b = {0};
  long pid = n > 0 ? strtol(buf, NULL, 10) : 0;
  if (pid > 0)
    qs_buf_addf(&b, "%ld", pid);
  else
    qs_buf_add(&b, "?");
  return qs_buf_take(&b);
}

qs_outdir_status qs_outdir_open(qs_outdir *o, const char *path, int resume, qs_lang lang,
                                char **why) {
  *o = (qs_outdir){
      .path = qs_xstrdup(path), .fd = -1, .cache_fd = -1, .reports_fd = -1, .lock_fd = -1};
  *why = NULL;
  if (mkdir(path, 0777) != 0 && errno != EEXIST) {
    set_why(why, lang, QS_M_OUT_CANNOT_MAKE, path, qs_strerror(lang, errno));
    return QS_OUTDIR_FAILED;
  }
  /* The folder named by --out may itself be a link (the user's choice); nothing inside it is
   * followed. */
  o->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (o->fd < 0) {
    set_why(why, lang, QS_M_OUT_CANNOT_MAKE, path, qs_strerror(lang, errno));
    return QS_OUTDIR_FAILED;
  }
  /* Whose folder is it? Looked at before anything is made in it, so that a folder that is
   * not qscore's is left exactly as it was. */
  char *text;
  size_t len;
  int err;
  qs_status rs = qs_read_fileat(o->fd, QS_MANIFEST, (size_t)64 << 20,
                                QS_READ_REGULAR_ONLY | QS_READ_NOFOLLOW, &text, &len, &err);
  int fresh = 0;
  if (rs == QS_OK) {
    int bad = parse_manifest(o, text);
    free(text);
    if (bad) {
      set_why(why, lang, QS_M_OUT_FOREIGN, path, NULL);
      return QS_OUTDIR_REFUSED;
    }
  } else if (rs == QS_E_SYSTEM && err == ENOENT) {
    if (has_entries(o->fd)) {
      set_why(why, lang, QS_M_OUT_FOREIGN, path, NULL);
      return QS_OUTDIR_REFUSED;
    }
    fresh = 1;
  } else {
    set_why(why, lang, QS_M_OUT_FOREIGN, path, NULL);
    return QS_OUTDIR_REFUSED;
  }

  o->lock_fd = openat(o->fd, QS_LOCK, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (o->lock_fd < 0) {
    int e = errno;
    char *p = join(path, QS_LOCK);
    if (e == ELOOP)
      set_why(why, lang, QS_M_OUT_LINK, p, NULL);
    else
      set_why(why, lang, QS_M_OUT_CANNOT_MAKE, p, qs_strerror(lang, e));
    free(p);
    return e == ELOOP ? QS_OUTDIR_REFUSED : QS_OUTDIR_FAILED;
  }
  if (flock(o->lock_fd, LOCK_EX | LOCK_NB) != 0) {
    char *holder = lock_holder(o->lock_fd);
    set_why(why, lang, QS_M_OUT_BUSY, path, holder);
    free(holder);
    close(o->lock_fd);
    o->lock_fd = -1;
    return QS_OUTDIR_BUSY;
  }
  char pid[32];
  int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
  if (ftruncate(o->lock_fd, 0) != 0 || pwrite(o->lock_fd, pid, (size_t)n, 0) != n) {
    /* The lock holds without the number; only the message naming the holder loses it. */
  }
  /* From here on the folder is qscore's: say so at once, so that a run interrupted before
   * its first output can be resumed. */
  if (fresh && qs_outdir_write_manifest(o, NULL, 0, lang, why) != 0)
    return QS_OUTDIR_FAILED;
  o->cache_fd = open_subdir(o, QS_CACHE, lang, why);
  if (o->cache_fd < 0)
    return o->cache_fd == -2 ? QS_OUTDIR_REFUSED : QS_OUTDIR_FAILED;
  o->reports_fd = open_subdir(o, "reports", lang, why);
  if (o->reports_fd < 0)
    return o->reports_fd == -2 ? QS_OUTDIR_REFUSED : QS_OUTDIR_FAILED;
  /* Temporary files of a run that was killed are never picked up; the lock says no other run
   * is writing its own now. */
  remove_matching(o->fd, is_tmp_name);
  remove_matching(o->reports_fd, is_tmp_name);
  remove_matching(o->cache_fd, is_tmp_name);
  if (!resume) /* a fresh run forgets earlier results */
    remove_matching(o->cache_fd, qs_cache_name_ok);
  return QS_OUTDIR_OK;
}

int qs_outdir_write_manifest(qs_outdir *o, char *const *names, size_t n, qs_lang lang, char **why) {
  qs_buf b = {0};
  qs_buf_add(&b, QS_MANIFEST_HEADER "\n");
  qs_buf_add(&b, "# Written by qscore batch: the files of this folder that qscore wrote. qscore\n"
                 "# replaces or removes only these (and its own cache entries); do not edit.\n");
  for (size_t i = 0; i < n; i++)
    qs_buf_addf(&b, "%s\n", names[i]);
  char *shown = join(o->path, QS_MANIFEST);
  int rc = qs_file_save(o->fd, QS_MANIFEST, shown, b.s, b.len, 0, lang, why);
  free(shown);
  qs_buf_free(&b);
  return rc;
}

void qs_outdir_close(qs_outdir *o) {
  int fds[] = {o->cache_fd, o->reports_fd, o->fd};
  for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
    if (fds[i] >= 0)
      close(fds[i]);
  if (o->lock_fd >= 0)
    close(o->lock_fd); /* releases the lock */
  for (size_t i = 0; i < o->n_owned; i++)
    free(o->owned[i]);
  free(o->owned);
  free(o->path);
  *o = (qs_outdir){.fd = -1, .cache_fd = -1, .reports_fd = -1, .lock_fd = -1};
}

char *qs_outdir_shown(const qs_outdir *o, const char *name) { return join(o->path, name); }
