/*
 * submit.h — the pure checks of h_submit.c that refuse a program before it
 * is queued: a file with nothing in it, and the lab's starter code handed
 * in unchanged. Neither would ever score, and a queued row for them would
 * cost a sandbox run, a slot in the per-minute cap and a line in the
 * student's results. Pure code (no database, no lws), unit-tested.
 *
 * "Unchanged" forgives what an editor changes on its own: CRLF or CR line
 * ends for LF, spaces and tabs at the end of lines, blank lines at the end of
 * the file, and a UTF-8 byte order mark. Any other edit, even a comment,
 * makes the file the student's own.
 */
#ifndef LAB_SERVER_SUBMIT_H
#define LAB_SERVER_SUBMIT_H

#include <stdbool.h>
#include <stddef.h>

/* What a student reads when the program is refused; %s is the lab id. */
#define SUBMIT_TEXT_BLANK                                                                          \
    "your file is empty: write your solution in it, save it, then submit again"
#define SUBMIT_TEXT_STARTER                                                                        \
    "your file is still the starter code of lab %s: write your solution in it first, save it, "    \
    "then submit again"

/* True when @code (@len bytes) is empty or holds only whitespace (space, tab, CR, LF, FF, VT). */
bool submit_code_blank(const char *code, size_t len);

/* True when @code (@len bytes) is @starter (@slen bytes) up to the differences above. */
bool submit_code_is_starter(const char *code, size_t len, const char *starter, size_t slen);

#endif
