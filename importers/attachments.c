/* attachments.c -- --attachments DIR: is each <doc file="..."> of a submission a regular file
 * of the attachments folder?
 *
 * A file name comes from the submission and is not trusted. It is looked up, never read,
 * component by component from a descriptor of the folder: an absolute name, an empty one or
 * one with a ".." component is refused before any lookup (bad-name); every folder on the way
 * is opened with O_NOFOLLOW|O_DIRECTORY, and the last component is examined with
 * AT_SYMLINK_NOFOLLOW, so a symbolic link (to outside the folder or not) is never followed: it
 * is no regular file of the folder (not-regular), as a folder or a device named like the file
 * is. A backslash separates components as a slash does (packages are often made on Windows).
 * Each <doc file> that is not a regular file of the folder becomes an (attachment) fact, built
 * through the fact API; the rule attachment-missing (05-checks.clp) states the flag. */
#include <errno.h>
#include <fcntl.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qs_family.h"
#include "qs_import.h"
#include "qs_util.h"

/* NULL when name is a regular file of the folder dfd, else why not: missing, not-regular or
 * bad-name. */
const char *qs_attachment_status(int dfd, const char *name) {
  char *copy = qs_xstrdup(name);
  for (char *p = copy; *p; p++)
    if (*p == '\\')
      *p = '/';
  const char *why = NULL;
  /* The components, checked all before any lookup. */
  size_t n = 0;
  char **comp = qs_xmalloc((strlen(copy) / 2 + 2) * sizeof *comp);
  if (copy[0] == '/')
    why = "bad-name";
  for (char *save = NULL, *t = strtok_r(copy, "/", &save); t && !why;
       t = strtok_r(NULL, "/", &save)) {
    if (strcmp(t, "..") == 0)
      why = "bad-name";
    else if (strcmp(t, ".") != 0)
      comp[n++] = t;
  }
  if (!why && n == 0)
    why = "bad-name";
  if (!why && dfd < 0)
    why = "missing";
  int cur = dfd;
  for (size_t i = 0; !why && i + 1 < n; i++) {
    int next = openat(cur, comp[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0)
      why = errno == ENOENT ? "missing" : "not-regular"; /* ELOOP: a link; ENOTDIR: a file */
    if (cur != dfd)
      close(cur);
    cur = next;
  }
  if (!why) {
    struct stat st;
    if (fstatat(cur, comp[n - 1], &st, AT_SYMLINK_NOFOLLOW) != 0)
      why = errno == ENOENT || errno == ENOTDIR ? "missing" : "not-regular";
    else if (!S_ISREG(st.st_mode))
      why = "not-regular";
  }
  if (cur >= 0 && cur != dfd)
    close(cur);
  free(comp);
  free(copy);
  return why;
}

static void walk(qs_import *im, int dfd, xmlNode *el) {
  for (xmlNode *c = el->children; c; c = c->next) {
    if (!qs_is_element(c, NULL))
      continue;
    if (!qs_is_element(c, "doc")) {
      walk(im, dfd, c);
      continue;
    }
    char *file = qs_attr_trim(c, "file");
    const char *why = file && *file ? qs_attachment_status(dfd, file) : NULL;
    if (why) {
      char *owner = qs_attr_trim(el, "id");
      qs_fact f;
      if (qs_fact_begin(&f, im, "attachment") == 0) {
        qs_fact_str(&f, "evidence", owner ? owner : "");
        qs_fact_str(&f, "file", file);
        qs_fact_sym(&f, "status", why);
        qs_fact_int(&f, "line", qs_line(c));
        qs_fact_assert(&f);
      }
      free(owner);
    }
    free(file);
  }
}

qs_status qs_import_attachments(qs_env *qe, xmlDocPtr doc, const char *name, int dfd, qs_diag *d) {
  qs_import im = {.qe = qe, .name = name, .d = d};
  qs_env_main_module(qe);
  xmlNode *root = xmlDocGetRootElement(doc);
  if (root)
    walk(&im, dfd, root);
  return im.rules_bad ? QS_E_RULES : QS_OK;
}
