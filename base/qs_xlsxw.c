/* qs_xlsxw.c -- libxlsxwriter through dlopen (see qs_xlsxw.h). */
#include "qs_xlsxw.h"

#include <dlfcn.h>
#include <stdio.h>

#include "qs_util.h"

#ifndef QS_XLSXWRITER_SONAME
#define QS_XLSXWRITER_SONAME "libxlsxwriter.so.4"
#endif

struct qs_xlsxw qs_xw;

int qs_xlsxw_open(qs_lang lang, const char *what) {
  static int state; /* 0 not tried, 1 loaded, -1 failed */
  static const char *missing;
  if (state == 0) {
    void *h = dlopen(QS_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
    missing = h ? NULL : dlerror();
    /* POSIX's way of storing a dlsym result in a function pointer. */
#define QS_XLSXW_LOAD(f)                                                                           \
  if (h && !missing && !(*(void **)&qs_xw.f = dlsym(h, #f)))                                       \
    missing = #f;
    QS_XLSXW_FUNCTIONS(QS_XLSXW_LOAD)
#undef QS_XLSXW_LOAD
    state = missing ? -1 : 1;
  }
  if (state < 0) {
    qs_buf b = {0};
    qs_buf_addf(&b, "qscore: %s: %s: ", qs_msg_get(lang, QS_M_ERROR), what);
    qs_buf_addf(&b, qs_msg_get(lang, QS_M_XLSX_CANNOT_LOAD), QS_XLSXWRITER_SONAME,
                missing ? missing : "?");
    fprintf(stderr, "%s\n", b.s);
    qs_buf_free(&b);
  }
  return state > 0 ? 0 : -1;
}
