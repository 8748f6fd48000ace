/* qs_finding.h -- findings and the words for them.
 *
 * A rule never writes a sentence. It states a finding: a message id and typed arguments
 * (a count, a measured value, a threshold, a parameter's name, an evidence id, another
 * finding), as the slots `msg` and `args` of its conclusion fact. C turns the finding into
 * words with one catalog per language, i18n/zh.txt and i18n/en.txt (compiled in), which a
 * translator edits without touching C or CLIPS.
 *
 * A catalog is UTF-8 text, one entry per line, `id = text` (`id =` alone: an empty text); lines
 * starting with # and blank lines are ignored. The text is everything after "= " to the end of
 * the line; as an entry is one line, a line break in it is written \n and a backslash \\ (in
 * every entry). In the text of a finding or a word:
 *
 *   {N}          argument N (from 1) as CLIPS's str-cat prints it
 *   {N:num}      a number with as many decimals as its size needs, trailing zeros dropped
 *                ("1680", "98.15", "0.031")
 *   {N:param}    a parameter's name (printed as it is; explain lists the parameters a
 *                finding names)
 *   {N:TABLE}    the catalog entry TABLE.VALUE, else TABLE.* (a word for a code)
 *   {N?A|B}      A when argument N is set (a non-empty string, a symbol other than nil, no
 *                and FALSE, a number other than 0, a finding), else B; "|B" may be left out;
 *                A and B may hold placeholders
 *   {*SEP}       every argument, joined by SEP (a list)
 *   {{ and }}    a brace
 *
 * An argument that is a finding is written in the rules as the symbol <, the id, its
 * arguments and the symbol >, and prints as its own text.
 *
 * The same catalogs hold the words C prints itself:
 *   ui.*         the interface's messages, one per qs_msg (qs_i18n.h: errors, headings,
 *                labels, help). Not findings: printf formats (or texts printed as they are),
 *                braces are plain braces. Both languages have the same conversions in the
 *                same order, and no other % (no %%: some are printed as they are).
 *   unit.*       a parameter's unit as the rules write it (qs_unit), a word
 *   errno.*      why a file operation failed (qs_strerror), a word; empty: libc's words
 *   column.*     the title of a column of the batch tables (qs_column_title), a word */
#ifndef QS_FINDING_H
#define QS_FINDING_H

#include <stddef.h>

#include "qs_i18n.h"
#include "qs_util.h"

typedef enum { QS_ARG_STR, QS_ARG_SYM, QS_ARG_INT, QS_ARG_FLOAT, QS_ARG_MSG } qs_arg_type;

typedef struct qs_finding qs_finding;

typedef struct {
  qs_arg_type type;
  char *s; /* STR, SYM */
  long long i;
  double f;
  qs_finding *msg; /* MSG */
} qs_arg;

struct qs_finding {
  char *id; /* NULL: no finding */
  qs_arg *args;
  size_t n;
  /* After qs_finding_words: the arguments are gone (n is 0) and these are the parameters its
   * words name, for qs_finding_params. */
  int params_only;
  char **params;
  size_t n_params;
};

/* A flat argument as the rules write it (a CLIPS multifield's value). */
typedef struct {
  qs_arg_type type; /* never QS_ARG_MSG: the symbols < and > mark a nested finding */
  const char *s;
  long long i;
  double f;
} qs_token;

/* Make a finding from its id and the flat arguments. -1 when the < and > do not pair up or a
 * nested finding has no id (the message in *err; free it). */
int qs_finding_build(qs_finding *out, const char *id, const qs_token *t, size_t n, char **err);
void qs_finding_clear(qs_finding *m);
qs_finding qs_finding_copy(const qs_finding *m);

/* The finding in words of lang, appended to out. -1 (and nothing usable in out) when the
 * catalog has no such id, a placeholder names an argument the finding does not have, or a
 * word table has no entry for the value; the reason in *err (free it). */
int qs_finding_format(qs_lang lang, const qs_finding *m, qs_buf *out, char **err);
/* The same, as a new string; NULL on failure. */
char *qs_finding_text(qs_lang lang, const qs_finding *m, char **err);

/* The parameters a finding's words name ({N:param} in the branches its arguments take, nested
 * findings included), in order, without repeats, appended to (*names)[*n..] (qs_grow; the
 * strings belong to m). */
void qs_finding_params(const qs_finding *m, const char ***names, size_t *n, size_t *cap);
/* The finding in words of both languages (new strings, one pass of each); then it keeps only
 * its id and the parameters its words name, and its arguments are freed (a report holds the
 * words, and explain asks a finding only for its parameters: qs_finding_params gives the same
 * list as before). -1 with *err set (free it) and the finding unchanged on failure. */
int qs_finding_words(qs_finding *m, char **zh, char **en, char **err);

/* A catalog entry, NULL when there is none (the text as written, until the end of the entry's
 * line: escapes not decoded). */
const char *qs_catalog_get(qs_lang lang, const char *id, size_t *len);
/* An entry ready to print, as a new string; NULL when there is none. A ui.* text with its
 * escapes decoded (still a printf format); any other, a word, formatted as a finding without
 * arguments (NULL if it names one). */
char *qs_catalog_text(qs_lang lang, const char *id);
/* Both catalogs: every line an entry or a comment, no id twice, the same ids in both, every
 * escape \n or \\; for a finding or a word every placeholder well formed and the same
 * argument numbers in both languages; for a ui.* text every % a printf conversion and the
 * same conversions, in the same order, in both. 0, or -1 with every problem in *err (free it). */
int qs_catalog_check(char **err);
/* The printf conversions of a ui text as the catalog writes it, "s,ld,d," (length and
 * conversion, "*" for a width or precision given as an argument), as qs_catalog_check compares
 * them; NULL with the reason in *err (free it) when a % is not a conversion or an escape is
 * bad. */
char *qs_ui_conversions(const char *text, char **err);
/* Every id of the catalog of lang, in catalog order (free the array, not the strings). */
size_t qs_catalog_ids(qs_lang lang, const char ***ids, size_t **lens);

#endif
