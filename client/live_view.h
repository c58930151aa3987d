/*
 * live_view.h — how a live exercise reads: the board as lines of text (for
 * the projector view and the plain fallback alike), the countdown, the
 * banner students see in the shell, and the --json forms.
 *
 * Pure functions over the generated protobuf types: the clock comes in as
 * `now` (unix seconds) and local times through localtime_r, so the unit tests
 * pin the text byte for byte. Every byte from the network passes
 * str_term_safe() here.
 */
#ifndef LAB_CLIENT_LIVE_VIEW_H
#define LAB_CLIENT_LIVE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "client/json.h"
#include "proto/wire.h"

#define LIVE_LINE_MAX 512
#define LIVE_NAME_MIN 12 /* the name column is never narrower */
#define LIVE_NAME_MAX 40 /* nor wider */

/* Style bits of a line; the views map them to colours or attributes. */
enum {
    LIVE_ST_TITLE = 1,   /* the lab's title line */
    LIVE_ST_HEADER = 2,  /* the table header */
    LIVE_ST_SOLVED = 4,  /* a row of someone who solved it */
    LIVE_ST_YOU = 8,     /* your own row (a student watching) */
    LIVE_ST_ENDED = 16,  /* the status line after the end */
    LIVE_ST_STATUS = 32, /* the status line (time left, solved n/N) */
    LIVE_ST_DIM = 64,    /* notes */
};

struct live_line {
    unsigned style;
    char text[LIVE_LINE_MAX];
};

struct live_lines {
    struct live_line *v;
    size_t n, cap;
};

void live_lines_release(struct live_lines *l);

/*
 * "mm:ss" of @secs (negative counts as 0); minutes are not capped at 59:
 * 3600 s is "60:00".
 */
void live_fmt_mmss(int64_t secs, char *out, size_t cap);

/*
 * The status line: "Time left 12:34  |  Solved 3/20", "Time is up  |  ...",
 * "Ended  |  ...", or without a timer "Running 05:10  |  ...".
 */
void live_status_text(const Lab__V1__LiveBoard *b, int64_t now, char *out, size_t cap);

/*
 * The board as lines for a screen @width columns wide (0: 80), showing at
 * most @max_rows student rows (0: all; the rest as "... and N more").
 * Returns 0 or LAB_E_NOMEM. Ownership: the caller releases @out.
 */
int live_board_lines(const Lab__V1__LiveBoard *b, int64_t now, size_t width, size_t max_rows,
                     struct live_lines *out);

/* The board as plain text on @out (SGR colours only when @color). */
void live_board_print(FILE *out, const Lab__V1__LiveBoard *b, int64_t now, bool color);

/*
 * The banner for a pushed notice, one or two lines ending in '\n':
 *   "LIVE from Ms Teach: Hello, world — type: start\n"
 *   "It ends at 10:45. The task: show hello-world\n"
 * or "The live exercise has ended: Hello, world.\n". @prog is "" in the
 * shell, "labclient " elsewhere; @utf8 chooses "—" over "-".
 */
void live_notice_text(const Lab__V1__LiveNotice *n, const char *prog, bool utf8, char *out,
                      size_t cap);

/* "10:45" (local time) of @t, "" for 0. */
void live_fmt_clock(int64_t t, char *out, size_t cap);

/* JSON forms (member @key, NULL inside arrays). */
void live_json_notice(struct json *j, const char *key, const Lab__V1__LiveNotice *n);
void live_json_board(struct json *j, const char *key, const Lab__V1__LiveBoard *b);

#endif
