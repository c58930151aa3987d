/*
 * live_tui.c — see live_tui.h.
 *
 * ncurses in its plainest use: one stdscr, erase and redraw everything on
 * every change (a board is a few dozen lines; the terminal only gets the
 * difference anyway), getch() in no-delay mode polled from the service loop,
 * and KEY_RESIZE (ncurses' own SIGWINCH handling) for a new size.
 */
#include "client/live_tui.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "client/live_view.h"
#include "client/render.h"

enum { PAIR_TITLE = 1, PAIR_SOLVED, PAIR_ENDED, PAIR_DIM };

struct live_tui {
    bool color;
};

struct live_tui *live_tui_open(bool color, struct fail *f)
{
    struct live_tui *t = calloc(1, sizeof *t);

    if (!t) {
        fail_set(f, EXIT_REFUSED, "internal", "out of memory");
        return NULL;
    }
    /* ncursesw needs the locale to show names in UTF-8. */
    setlocale(LC_CTYPE, "");
    if (!initscr()) {
        free(t);
        fail_set(f, EXIT_USAGE, "usage", "Cannot use this terminal for the full-screen board.");
        fail_hint(f, "Try another terminal, or pipe the output: live watch COHORT | cat");
        return NULL;
    }
    cbreak();
    noecho();
    nodelay(stdscr, TRUE);
    keypad(stdscr, TRUE);
    curs_set(0);
    t->color = color && has_colors();
    if (t->color) {
        start_color();
        use_default_colors();
        init_pair(PAIR_TITLE, COLOR_CYAN, -1);
        init_pair(PAIR_SOLVED, COLOR_GREEN, -1);
        init_pair(PAIR_ENDED, COLOR_YELLOW, -1);
        init_pair(PAIR_DIM, COLOR_WHITE, -1);
    }
    return t;
}

static attr_t attr_of(const struct live_tui *t, unsigned st)
{
    attr_t a = A_NORMAL;

    if (st & (LIVE_ST_TITLE | LIVE_ST_HEADER | LIVE_ST_STATUS))
        a |= A_BOLD;
    if (st & LIVE_ST_YOU)
        a |= A_REVERSE;
    if (st & LIVE_ST_DIM)
        a |= A_DIM;
    if (!t->color) {
        if (st & LIVE_ST_SOLVED)
            a |= A_BOLD; /* highlighted without colour */
        return a;
    }
    if (st & LIVE_ST_TITLE)
        a |= (attr_t)COLOR_PAIR(PAIR_TITLE);
    else if (st & LIVE_ST_ENDED)
        a |= (attr_t)COLOR_PAIR(PAIR_ENDED);
    else if (st & LIVE_ST_SOLVED)
        a |= (attr_t)COLOR_PAIR(PAIR_SOLVED) | A_BOLD;
    return a;
}

/* @s on row @y, cut to the screen width (the text is already terminal-safe). */
static void put_line(int y, const char *s, attr_t a)
{
    char buf[LIVE_LINE_MAX * 2];
    FILE *m;

    if (y < 0 || y >= LINES || COLS < 2)
        return;
    buf[0] = '\0';
    m = fmemopen(buf, sizeof buf, "w");
    if (m) {
        render_cell(m, s, (size_t)COLS - 1, false);
        fclose(m);
    }
    attrset(a);
    mvaddstr(y, 0, buf);
    attrset(A_NORMAL);
}

void live_tui_draw(struct live_tui *t, const Lab__V1__LiveBoard *b, int64_t now, const char *note)
{
    struct live_lines l;
    char foot[160], clock[32];
    size_t room;

    erase();
    /* Two lines stay free at the bottom: a gap and the key help. */
    room = LINES > 6 ? (size_t)LINES - 6 : 1;
    if (b && live_board_lines(b, now, (size_t)(COLS > 1 ? COLS - 1 : 1), room, &l) == 0) {
        for (size_t i = 0; i < l.n && (int)i < LINES - 2; i++)
            put_line((int)i, l.v[i].text, attr_of(t, l.v[i].style));
        live_lines_release(&l);
    }
    live_fmt_clock(now, clock, sizeof clock);
    if (note && note[0])
        snprintf(foot, sizeof foot, "%s", note);
    else if (b && b->ended)
        snprintf(foot, sizeof foot, "Ended. This is the final board.  q quits");
    else
        snprintf(foot, sizeof foot, "Updates by itself.  q quits  (%s)", clock);
    put_line(LINES - 1, foot, attr_of(t, LIVE_ST_DIM));
    refresh();
}

void live_tui_repaint(struct live_tui *t)
{
    (void)t;
    clearok(curscr, TRUE);
}

enum live_key live_tui_key(struct live_tui *t)
{
    enum live_key k = LIVE_KEY_NONE;
    int ch;

    (void)t;
    while ((ch = getch()) != ERR) {
        if (ch == 'q' || ch == 'Q' || ch == 27)
            return LIVE_KEY_QUIT;
        if (ch == KEY_RESIZE)
            k = LIVE_KEY_RESIZE;
    }
    return k;
}

void live_tui_close(struct live_tui *t)
{
    if (!t)
        return;
    endwin();
    free(t);
}
