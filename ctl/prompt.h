/*
 * prompt.h — reading a new password: from a pipe with --password-stdin, or
 * typed twice on the terminal without echo. Never from the command line,
 * where it would show in `ps` and the shell history.
 */
#ifndef LAB_CTL_PROMPT_H
#define LAB_CTL_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"

/*
 * Read a password for @who into @out (capacity @cap). With @from_stdin, the
 * first line of stdin (without its line ending); otherwise prompt twice on
 * the terminal, which must be stdin. Returns 0, CTL_E_USAGE when there is no
 * terminal and no --password-stdin, or LAB_E_PARSE (empty, too long, the two
 * entries differ) with @err saying what to do.
 */
int prompt_password(const char *who, bool from_stdin, char *out, size_t cap,
                    struct lab_err *err) LAB_MUST_USE;

#endif
