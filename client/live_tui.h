/*
 * live_tui.h — the full-screen live board for the projector (`live watch`
 * on a terminal). The only module that includes curses.h.
 *
 * It draws what live_view.c lays out, so the screen and the plain text
 * fallback never disagree; it never reads the network itself: cmd_live.c
 * services the connection and calls live_tui_draw() after each pushed
 * board and once a second for the countdown.
 */
#ifndef LAB_CLIENT_LIVE_TUI_H
#define LAB_CLIENT_LIVE_TUI_H

#include <stdbool.h>
#include <stdint.h>

#include "client/fail.h"
#include "proto/wire.h"

struct live_tui;

enum live_key {
    LIVE_KEY_NONE = 0,
    LIVE_KEY_QUIT,   /* q, Q or Escape */
    LIVE_KEY_RESIZE, /* the terminal changed size: draw again */
};

/*
 * Take over the terminal (stdin and stdout must be terminals). @color: use
 * colours if the terminal has them; otherwise bold and reverse only.
 * NULL with @f filled when the terminal cannot be used.
 * Ownership: the caller ends it with live_tui_close().
 */
struct live_tui *live_tui_open(bool color, struct fail *f);

/*
 * Draw the whole screen: @b (NULL: only @note), the countdown from @now,
 * and a bottom line with @note (e.g. "Reconnecting...") or the key help.
 */
void live_tui_draw(struct live_tui *t, const Lab__V1__LiveBoard *b, int64_t now, const char *note);

/* The next draw repaints every cell (something else wrote on the terminal). */
void live_tui_repaint(struct live_tui *t);

/* Read the keys typed since the last call (never blocks). */
enum live_key live_tui_key(struct live_tui *t);

/* Give the terminal back as it was. Accepts NULL. */
void live_tui_close(struct live_tui *t);

#endif
