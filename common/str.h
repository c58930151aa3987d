/*
 * str.h — the string helpers every module uses instead of the banned libc ones.
 */
#ifndef LAB_COMMON_STR_H
#define LAB_COMMON_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Copy @src into @dst (capacity @cap, NUL-terminated). Returns 0, or
 * LAB_E_TOO_LARGE when it did not fit (dst then holds a truncated copy). */
int str_copy(char *dst, size_t cap, const char *src);

/* Whole-string unsigned decimal parse with an upper bound. 0, LAB_E_PARSE or LAB_E_RANGE. */
int parse_u64(const char *s, uint64_t max, uint64_t *out);

/* Whole-string signed decimal parse within [@min, @max]. 0, LAB_E_PARSE or LAB_E_RANGE.
 * These, parse_u64_prefix and parse_double are the only callers of the strtol family
 * (banned elsewhere by common/banned.h). */
int parse_i64(const char *s, int64_t min, int64_t max, int64_t *out);

/* Leading unsigned decimal of @s, for text that goes on after the number ("12 kB", "1.2.3",
 * one number per line): @s must start with a digit; the digits are read up to the first
 * non-digit and must be <= @max. *@end (when not NULL) points past them.
 * 0, LAB_E_PARSE (no digit at @s) or LAB_E_RANGE. */
int parse_u64_prefix(const char *s, uint64_t max, uint64_t *out, const char **end);

/* Whole-string finite decimal number ("12", "-0.5", "1e3"; no blanks, hex, inf or nan).
 * 0, LAB_E_PARSE or LAB_E_RANGE (overflow, or underflow to a denormal/zero). */
int parse_double(const char *s, double *out);

/* True when @s[0..len) is well-formed UTF-8 with no NUL byte. */
bool utf8_valid(const char *s, size_t len);

/*
 * Make text from the network safe for a terminal: copy @s into @out
 * (capacity @cap), replacing control characters (C0 except \n and \t, DEL,
 * C1, and any ESC sequence) and invalid UTF-8 with U+FFFD or '?'.
 * Returns @out.
 */
char *str_term_safe(char *out, size_t cap, const char *s, size_t len);

/* True when @s is a valid identifier: 1..@max bytes of [a-z0-9_.-], not starting with '.' or '-'.
 */
bool str_is_ident(const char *s, size_t max);

/* strdup that returns NULL only on OOM; Ownership: the caller frees. */
char *str_dup(const char *s);

#endif
