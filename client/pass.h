/*
 * pass.h — reading a password: from the terminal without echo, or the first
 * line of stdin (--password-stdin). The terminal's settings are restored
 * even if the student presses Ctrl-C at the prompt.
 */
#ifndef LAB_CLIENT_PASS_H
#define LAB_CLIENT_PASS_H

#include <stdbool.h>
#include <stddef.h>

#include "client/fail.h"

#define PASS_MAX 1024

/* Ask once. 0 or -1 with @f filled (exit 2: no terminal, empty, too long). */
int pass_read(bool from_stdin, const char *prompt, char *out, size_t cap, struct fail *f);

/* For a new account: ask twice on a terminal (up to 3 tries) until both match. */
int pass_read_new(bool from_stdin, char *out, size_t cap, struct fail *f);

/* Overwrite a password buffer (not optimised away). */
void pass_wipe(char *p, size_t cap);

#endif
