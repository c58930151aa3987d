/*
 * codefile.h — the student's program file: reading it for `submit` and
 * writing the starter for `start`.
 *
 * Every problem is found here, before anything is sent, and told in words
 * a beginner can act on (exit code 2, code "bad_file"): the file is
 * missing, is a folder, cannot be read, is empty, is larger than
 * CODEFILE_MAX, or is not UTF-8 text (with the line of the first bad byte).
 * The server checks the same things again; its own size cap may be smaller.
 */
#ifndef LAB_CLIENT_CODEFILE_H
#define LAB_CLIENT_CODEFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "client/fail.h"

#define CODEFILE_MAX (256u * 1024) /* the default frame cap: a larger file cannot be sent */

/*
 * Read @path (at most @cap bytes) and check it. @prog/@lab only shape the
 * hint ("labclient start LAB"). Returns 0 or -1 with @f filled.
 * Ownership: on success the caller frees *@data (NUL-terminated, @len bytes).
 */
int codefile_read(const char *path, size_t cap, const char *prog, const char *lab, char **data,
                  size_t *len, struct fail *f);

/*
 * 1-based line number of the first byte of @s[0..len) that is not valid
 * UTF-8 text (NUL counts as bad), or 0 when it is all valid.
 */
size_t codefile_bad_utf8_line(const char *s, size_t len);

/* True when @path exists (as anything, symbolic links included). */
bool codefile_exists(const char *path);

/*
 * Write @data to @path: a new file (mode 0644), refused when it exists
 * unless @force, which replaces it atomically. -1 with @f filled.
 */
int codefile_write(const char *path, const char *data, size_t len, bool force, struct fail *f);

#endif
