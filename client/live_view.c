/*
 * live_view.c — see live_view.h.
 *
 * The board is built as lines once and drawn by two views: live_board_print
 * (plain text, the fallback when stdout is not a terminal, and what the
 * golden tests pin) and live_tui.c (ncurses, for the projector). Keeping
 * the layout here means both always show the same columns.
 */
#include "client/live_view.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client/render.h"
#include "common/err.h"
#include "common/str.h"

#define SAFE_MAX 600
#define RANK_W 4
#define ATTEMPTS_W 8
#define SOLVED_W 6
#define GAP 2
#define LIVE_CELL_MAX (LIVE_NAME_MAX * 4 + 8) /* a name cell: 4 bytes a column at most */

static const char *safe(char *buf, size_t cap, const char *s)
{
    return str_term_safe(buf, cap, s ? s : "", s ? strlen(s) : 0);
}

void live_lines_release(struct live_lines *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

static struct live_line *add_line(struct live_lines *l, unsigned style)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        struct live_line *v = realloc(l->v, cap * sizeof *v);

        if (!v)
            return NULL;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n].style = style;
    l->v[l->n].text[0] = '\0';
    return &l->v[l->n++];
}

void live_fmt_mmss(int64_t secs, char *out, size_t cap)
{
    if (secs < 0)
        secs = 0;
    snprintf(out, cap, "%02" PRId64 ":%02" PRId64, secs / 60, secs % 60);
}

void live_fmt_clock(int64_t t, char *out, size_t cap)
{
    struct tm tm;
    time_t tt = (time_t)t;

    if (t <= 0 || !localtime_r(&tt, &tm) || !strftime(out, cap, "%H:%M", &tm))
        snprintf(out, cap, "%s", "");
}

void live_status_text(const Lab__V1__LiveBoard *b, int64_t now, char *out, size_t cap)
{
    char t[32], when[64];

    if (b->ended) {
        snprintf(when, sizeof when, "Ended");
    } else if (b->ends_at > 0 && now >= b->ends_at) {
        snprintf(when, sizeof when, "Time is up");
    } else if (b->ends_at > 0) {
        live_fmt_mmss(b->ends_at - now, t, sizeof t);
        snprintf(when, sizeof when, "Time left %s", t);
    } else {
        live_fmt_mmss(b->started_at > 0 ? now - b->started_at : 0, t, sizeof t);
        snprintf(when, sizeof when, "Running %s", t);
    }
    snprintf(out, cap, "%s  |  Solved %" PRIu32 "/%" PRIu32, when, b->n_solved, b->n_students);
}

/* @s cut to @width display columns and padded to it, into @out. */
static void cell(char *out, size_t cap, const char *s, size_t width)
{
    FILE *m = fmemopen(out, cap, "w");

    out[0] = '\0';
    if (!m)
        return;
    render_cell(m, s, width, true);
    fclose(m);
}

int live_board_lines(const Lab__V1__LiveBoard *b, int64_t now, size_t width, size_t max_rows,
                     struct live_lines *out)
{
    char title[SAFE_MAX], lab[SAFE_MAX], cohort[SAFE_MAX], best_hdr[16];
    size_t name_w = LIVE_NAME_MIN, best_w = 4, fixed, shown;
    struct live_line *ln;

    memset(out, 0, sizeof *out);
    if (!width)
        width = 80;
    safe(title, sizeof title, b->title);
    safe(lab, sizeof lab, b->lab_id);
    safe(cohort, sizeof cohort, b->cohort);
    if (!b->live_id) {
        if (!(ln = add_line(out, LIVE_ST_TITLE)))
            goto nomem;
        snprintf(ln->text, sizeof ln->text, "No live exercise in %.200s right now.", cohort);
        if (!(ln = add_line(out, LIVE_ST_DIM)))
            goto nomem;
        snprintf(ln->text, sizeof ln->text, "The board appears here when one starts.");
        return 0;
    }
    if (!(ln = add_line(out, LIVE_ST_TITLE)))
        goto nomem;
    snprintf(ln->text, sizeof ln->text, "%.200s  (%.120s, class %.120s)", title[0] ? title : lab,
             lab, cohort);
    if (!(ln = add_line(out, LIVE_ST_STATUS | (b->ended ? LIVE_ST_ENDED : 0u))))
        goto nomem;
    live_status_text(b, now, ln->text, sizeof ln->text);
    if (!add_line(out, 0))
        goto nomem;
    if (b->n_rows == 0) {
        if (!(ln = add_line(out, LIVE_ST_DIM)))
            goto nomem;
        snprintf(ln->text, sizeof ln->text, "Nobody has submitted yet.");
        return 0;
    }

    for (size_t i = 0; i < b->n_rows; i++) {
        char name[SAFE_MAX], best[32];
        size_t w;

        w = render_width(safe(name, sizeof name, b->rows[i]->display_name));
        if (w > name_w)
            name_w = w;
        snprintf(best, sizeof best, "%" PRIu32 "/%" PRIu32, b->rows[i]->best_score,
                 b->rows[i]->max_score);
        if (strlen(best) > best_w)
            best_w = strlen(best);
    }
    if (name_w > LIVE_NAME_MAX)
        name_w = LIVE_NAME_MAX;
    fixed = RANK_W + GAP + GAP + ATTEMPTS_W + GAP + best_w + GAP + SOLVED_W;
    if (fixed + name_w > width)
        name_w = width > fixed + 6 ? width - fixed : 6;

    if (!(ln = add_line(out, LIVE_ST_HEADER)))
        goto nomem;
    {
        char name[LIVE_CELL_MAX];

        cell(name, sizeof name, "NAME", name_w);
        snprintf(best_hdr, sizeof best_hdr, "%-*s", (int)best_w, "BEST");
        snprintf(ln->text, sizeof ln->text, "%*s  %s  %*s  %s  %*s", RANK_W, "RANK", name,
                 ATTEMPTS_W, "ATTEMPTS", best_hdr, SOLVED_W, "SOLVED");
    }
    shown = b->n_rows;
    if (max_rows && shown > max_rows)
        shown = max_rows > 1 ? max_rows - 1 : 1; /* one line says how many more */
    for (size_t i = 0; i < shown; i++) {
        const Lab__V1__LiveBoardRow *r = b->rows[i];
        char raw[SAFE_MAX], name[LIVE_CELL_MAX], best[32], solved[32];
        unsigned style = (r->solved_at > 0 ? LIVE_ST_SOLVED : 0u) | (r->is_you ? LIVE_ST_YOU : 0u);

        if (!(ln = add_line(out, style)))
            goto nomem;
        cell(name, sizeof name, safe(raw, sizeof raw, r->display_name), name_w);
        snprintf(best, sizeof best, "%" PRIu32 "/%" PRIu32, r->best_score, r->max_score);
        if (r->solved_at > 0)
            live_fmt_mmss(r->solved_at - b->started_at, solved, sizeof solved);
        else
            snprintf(solved, sizeof solved, "-");
        snprintf(ln->text, sizeof ln->text, "%*" PRIu32 "  %s  %*" PRIu32 "  %-*s  %*s%s", RANK_W,
                 r->rank, name, ATTEMPTS_W, r->attempts, (int)best_w, best, SOLVED_W, solved,
                 r->is_you ? "  (you)" : "");
    }
    if (shown < b->n_rows) {
        if (!(ln = add_line(out, LIVE_ST_DIM)))
            goto nomem;
        snprintf(ln->text, sizeof ln->text, "... and %zu more", b->n_rows - shown);
    }
    return 0;
nomem:
    live_lines_release(out);
    return LAB_E_NOMEM;
}

static const char *style_sgr(bool color, unsigned st)
{
    if (st & (LIVE_ST_TITLE | LIVE_ST_HEADER | LIVE_ST_YOU))
        return render_sgr(color, ST_BOLD);
    if (st & LIVE_ST_ENDED)
        return render_sgr(color, ST_YELLOW);
    if (st & LIVE_ST_SOLVED)
        return render_sgr(color, ST_GREEN);
    if (st & LIVE_ST_DIM)
        return render_sgr(color, ST_DIM);
    return "";
}

void live_board_print(FILE *out, const Lab__V1__LiveBoard *b, int64_t now, bool color)
{
    struct live_lines l;

    if (live_board_lines(b, now, 80, 0, &l) < 0) {
        fprintf(out, "(out of memory)\n");
        return;
    }
    for (size_t i = 0; i < l.n; i++) {
        const char *on = style_sgr(color, l.v[i].style);

        fprintf(out, "%s%s%s\n", on, l.v[i].text, on[0] ? render_sgr(color, ST_NONE) : "");
    }
    live_lines_release(&l);
}

void live_notice_text(const Lab__V1__LiveNotice *n, const char *prog, bool utf8, char *out,
                      size_t cap)
{
    char title[SAFE_MAX], by[SAFE_MAX], lab[SAFE_MAX], at[32];
    size_t o;

    safe(title, sizeof title, n->title);
    safe(by, sizeof by, n->started_by);
    safe(lab, sizeof lab, n->lab_id);
    if (!title[0])
        snprintf(title, sizeof title, "%s", lab);
    if (n->ended) {
        snprintf(out, cap, "The live exercise has ended%s%s.\n", title[0] ? ": " : "", title);
        return;
    }
    snprintf(out, cap, "LIVE%s%s: %s %s type: %sstart\n", by[0] ? " from " : "", by, title,
             utf8 ? "\xe2\x80\x94" : "-", prog);
    o = strlen(out);
    live_fmt_clock(n->ends_at, at, sizeof at);
    if (at[0] && o < cap)
        snprintf(out + o, cap - o, "It ends at %s. Hand it in with: %ssubmit\n", at, prog);
    else if (o < cap)
        snprintf(out + o, cap - o, "Hand it in with: %ssubmit\n", prog);
}

void live_json_notice(struct json *j, const char *key, const Lab__V1__LiveNotice *n)
{
    json_obj_open(j, key);
    json_i64(j, "live_id", n->live_id);
    json_str(j, "cohort", n->cohort);
    json_str(j, "lab_id", n->lab_id);
    json_str(j, "title", n->title);
    json_i64(j, "started_at", n->started_at);
    json_i64(j, "ends_at", n->ends_at);
    json_bool(j, "ended", n->ended);
    json_str(j, "started_by", n->started_by);
    json_strn(j, "statement_md", (const char *)n->statement_md.data, n->statement_md.len);
    json_obj_close(j);
}

void live_json_board(struct json *j, const char *key, const Lab__V1__LiveBoard *b)
{
    json_obj_open(j, key);
    json_i64(j, "live_id", b->live_id);
    json_str(j, "cohort", b->cohort);
    json_str(j, "lab_id", b->lab_id);
    json_str(j, "title", b->title);
    json_i64(j, "started_at", b->started_at);
    json_i64(j, "ends_at", b->ends_at);
    json_bool(j, "ended", b->ended);
    json_u64(j, "n_students", b->n_students);
    json_u64(j, "n_solved", b->n_solved);
    json_u64(j, "your_rank", b->your_rank);
    json_arr_open(j, "rows");
    for (size_t i = 0; i < b->n_rows; i++) {
        const Lab__V1__LiveBoardRow *r = b->rows[i];

        json_obj_open(j, NULL);
        json_u64(j, "rank", r->rank);
        json_str(j, "display_name", r->display_name);
        json_u64(j, "attempts", r->attempts);
        json_u64(j, "best_score", r->best_score);
        json_u64(j, "max_score", r->max_score);
        json_i64(j, "solved_at", r->solved_at);
        json_bool(j, "is_you", r->is_you);
        json_obj_close(j);
    }
    json_arr_close(j);
    json_obj_close(j);
}
