/* batch_cache.c -- the result cache of `qscore batch` (see batch_cache.h): the key, looking an
 * entry up, storing, forgetting and pruning entries. Every entry is reached through the cache
 * folder's descriptor (qs_outdir.cache_fd, opened without following a link). */
#include "batch_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qs_builtin.h"
#include "qs_file.h"
#include "qs_util.h"

/* The name of key's entry ext inside the cache folder. */
static char *entry_name(const char *key, const char *ext) {
  qs_buf b = {0};
  qs_buf_addf(&b, "%s%s", key, ext);
  return qs_buf_take(&b);
}

/* ------------------------------------------------------------------ the key */

void qs_cache_context(const qs_engine *e, const char *params_signature, qs_lang lang,
                      char context[65]) {
  qs_sha256 *h = qs_sha256_new();
  char day[11];
  qs_day_format(day, qs_engine_as_of(e));
  const char *parts[] = {"qscore batch key 3", QSCORE_VERSION,     qs_engine_rules_sha256(e),
                         params_signature,     qs_lang_code(lang), day};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
    qs_sha256_update(h, parts[i], strlen(parts[i]) + 1);
  /* --attachments DIR changes the flags: its folder is part of the key (the files in it are
   * not: --resume does not notice an attachment added since, see docs/qscore.1). Without the
   * option the key is what it always was. */
  const char *attachments = qs_engine_attachments(e);
  if (attachments) {
    qs_sha256_update(h, "attachments", sizeof "attachments");
    qs_sha256_update(h, attachments, strlen(attachments) + 1);
  }
  for (const qs_builtin_file *f = qs_builtin_schemas; f->name; f++) {
    qs_sha256_update(h, f->name, strlen(f->name) + 1);
    qs_sha256_update(h, f->data, f->len);
  }
  for (const qs_builtin_file *f = qs_builtin_messages; f->name; f++) {
    qs_sha256_update(h, f->name, strlen(f->name) + 1);
    qs_sha256_update(h, f->data, f->len);
  }
  qs_sha256_final(h, context);
}

void qs_cache_key(const char *context, const char *path, size_t max_bytes, char key[65]) {
  char *data;
  size_t len;
  int err;
  char content[65] = "unreadable";
  if (qs_read_fileat(AT_FDCWD, path, max_bytes, QS_READ_REGULAR_ONLY, &data, &len, &err) == QS_OK) {
    qs_sha256_hex(data, len, content);
    free(data);
  }
  qs_sha256 *h = qs_sha256_new();
  const char *parts[] = {context, path, content};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
    qs_sha256_update(h, parts[i], strlen(parts[i]) + 1);
  qs_sha256_final(h, key);
}

/* ------------------------------------------------------------------ entries */

static int entry_exists(const qs_outdir *out, const char *key, const char *ext) {
  char *name = entry_name(key, ext);
  struct stat st;
  int ok = fstatat(out->cache_fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
  free(name);
  return ok;
}

static void remove_entry(const qs_outdir *out, const char *key, const char *ext) {
  char *name = entry_name(key, ext);
  unlinkat(out->cache_fd, name, 0);
  free(name);
}

/* Save one entry; 0, or -1 with "path: reason" in *why. */
static int save_entry(const qs_outdir *out, const char *key, const char *ext, const char *data,
                      size_t len, qs_lang lang, char **why) {
  char *name = entry_name(key, ext);
  qs_buf shown = {0};
  qs_buf_addf(&shown, "%s/.qscore-cache/%s", out->path, name);
  int rc = qs_file_save(out->cache_fd, name, shown.s, data, len, 0, lang, why);
  qs_buf_free(&shown);
  free(name);
  return rc;
}

/* The kinds of .err that depend on the file, not on the machine: a resumed run keeps them
 * (a limit is tried again: it may be the run-seconds deadline, which a busy machine meets
 * sooner; at the firing cap it comes out the same). */
static int err_is_final(const qs_outdir *out, const char *key) {
  char *data;
  size_t len;
  int keep = 0;
  if (qs_cache_read(out, key, QS_CACHE_ERR, 1 << 20, &data, &len) == QS_OK) {
    keep = strncmp(data, "invalid\n", 8) == 0 || strncmp(data, "rules\n", 6) == 0;
    free(data);
  }
  return keep;
}

qs_cache_hit qs_cache_lookup(const qs_outdir *out, const char *key) {
  if (entry_exists(out, key, QS_CACHE_JSON) && entry_exists(out, key, QS_CACHE_ROW) &&
      entry_exists(out, key, QS_CACHE_HTML))
    return QS_CACHE_SCORED;
  return err_is_final(out, key) ? QS_CACHE_FAILED : QS_CACHE_MISS;
}

int qs_cache_store_scored(const qs_outdir *out, const char *key, const char *html, const char *row,
                          size_t row_len, const char *json, qs_lang lang, char **why) {
  /* The HTML and the row first: the JSON's presence is what marks the file done, and a
   * resumed run also checks the other two. */
  if (save_entry(out, key, QS_CACHE_HTML, html, strlen(html), lang, why) == 0 &&
      save_entry(out, key, QS_CACHE_ROW, row, row_len, lang, why) == 0 &&
      save_entry(out, key, QS_CACHE_JSON, json, strlen(json), lang, why) == 0)
    return 0;
  static const char *const exts[] = {QS_CACHE_JSON, QS_CACHE_ROW, QS_CACHE_HTML};
  for (int k = 0; k < 3; k++)
    remove_entry(out, key, exts[k]);
  return -1;
}

int qs_cache_store_failed(const qs_outdir *out, const char *key, const char *kind, const qs_diag *d,
                          qs_lang lang, char **why) {
  qs_buf b = {0};
  qs_buf_addf(&b, "%s\n", kind);
  for (size_t i = 0; d && i < d->n; i++)
    qs_buf_addf(&b, "%ld\t%s\n", d->items[i].line, d->items[i].text);
  if (d && d->dropped) {
    qs_buf_add(&b, "0\t");
    qs_buf_addf(&b, qs_msg_get(lang, QS_M_MORE_ERRORS), d->dropped);
    qs_buf_add(&b, "\n");
  }
  int rc = save_entry(out, key, QS_CACHE_ERR, b.s, b.len, lang, why);
  qs_buf_free(&b);
  return rc;
}

void qs_cache_forget(const qs_outdir *out, const char *key) {
  static const char *const exts[] = {QS_CACHE_JSON, QS_CACHE_ROW, QS_CACHE_HTML, QS_CACHE_ERR};
  for (int k = 0; k < 4; k++)
    remove_entry(out, key, exts[k]);
}

int qs_cache_open(const qs_outdir *out, const char *key, const char *ext) {
  char *name = entry_name(key, ext);
  int fd = openat(out->cache_fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  free(name);
  return fd;
}

qs_status qs_cache_read(const qs_outdir *out, const char *key, const char *ext, size_t limit,
                        char **data, size_t *len) {
  char *name = entry_name(key, ext);
  int err;
  qs_status rs = qs_read_fileat(out->cache_fd, name, limit, QS_READ_REGULAR_ONLY | QS_READ_NOFOLLOW,
                                data, len, &err);
  free(name);
  return rs;
}

/* ------------------------------------------------------------------ pruning */

int qs_cache_name_ok(const char *name) {
  size_t i = 0;
  while (i < 64 && ((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
    i++;
  if (i != 64)
    return 0;
  const char *ext = name + 64;
  return strcmp(ext, QS_CACHE_JSON) == 0 || strcmp(ext, QS_CACHE_HTML) == 0 ||
         strcmp(ext, QS_CACHE_ROW) == 0 || strcmp(ext, QS_CACHE_ERR) == 0;
}

static int cmp_key(const void *a, const void *b) { return strncmp(a, b, 64); }

void qs_cache_prune(const qs_outdir *out, const char (*keys)[65], size_t n) {
  char(*sorted)[65] = qs_xcalloc(n ? n : 1, sizeof *sorted);
  memcpy(sorted, keys, n * sizeof *sorted);
  qs_sort(sorted, n, sizeof *sorted, cmp_key);
  int dup_fd = openat(out->cache_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *dp = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
  if (!dp && dup_fd >= 0)
    close(dup_fd);
  for (struct dirent *de; dp && (de = readdir(dp));) {
    struct stat st;
    if (qs_cache_name_ok(de->d_name) &&
        !(n && bsearch(de->d_name, sorted, n, sizeof *sorted, cmp_key)) &&
        fstatat(out->cache_fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
      unlinkat(out->cache_fd, de->d_name, 0);
  }
  if (dp)
    closedir(dp);
  free(sorted);
}
