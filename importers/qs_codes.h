/* qs_codes.h -- checks of codes that have a known shape (docs/POLICY.md, §2.10).
 *
 *  - 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character.
 *  - standard codes: which kind of standard a code's shape says it is.
 *  - award names: 中国质量奖 (the national government award) versus 全国质量奖 (an award of
 *    the China Association for Quality). */
#ifndef QS_CODES_H
#define QS_CODES_H

/* 1 when code is 18 characters of the code alphabet with a correct check character; 0
 * otherwise. When expected is not NULL it gets the check character the first 17 call for
 * (or '?' when they are not valid characters). */
int qs_credit_code_ok(const char *code, char *expected);

/* "international", "national", "national-guidance", "industry", "local", "group",
 * "enterprise", or "unknown" when the code has none of the known shapes. */
const char *qs_standard_code_type(const char *code);

/* Free the compiled patterns (for leak checkers; the module still works afterwards). */
void qs_codes_cleanup(void);

/* "china-quality-award", "caq-national-quality-award" or "other". */
const char *qs_award_name_class(const char *name);

#endif
