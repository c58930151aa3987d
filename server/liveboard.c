/*
 * liveboard.c — live board order and visibility (see liveboard.h).
 */
#include "server/liveboard.h"

#include <stdlib.h>

/* Solve time as a sort key: unsolved after every solve. */
static int64_t solve_key(const struct live_entry *a)
{
    return a->solved_at ? a->solved_at : INT64_MAX;
}

static int64_t improve_key(const struct live_entry *a)
{
    return a->attempts ? a->improved_at : INT64_MAX;
}

/* Negative when @a ranks before @b; 0 when they tie (same rank). */
static int tie_cmp(const struct live_entry *a, const struct live_entry *b)
{
    if (a->best_score != b->best_score)
        return a->best_score > b->best_score ? -1 : 1;
    if (solve_key(a) != solve_key(b))
        return solve_key(a) < solve_key(b) ? -1 : 1;
    if (improve_key(a) != improve_key(b))
        return improve_key(a) < improve_key(b) ? -1 : 1;
    return 0;
}

static int cmp(const void *pa, const void *pb)
{
    const struct live_entry *a = pa, *b = pb;
    int c = tie_cmp(a, b);

    if (c)
        return c;
    return a->user_id < b->user_id ? -1 : a->user_id > b->user_id;
}

void liveboard_rank(struct live_entry *e, size_t n)
{
    if (n > 1)
        qsort(e, n, sizeof *e, cmp);
    for (size_t i = 0; i < n; i++)
        e[i].rank = (i > 0 && tie_cmp(&e[i - 1], &e[i]) == 0) ? e[i - 1].rank : (uint32_t)i + 1;
}

size_t liveboard_select(const struct live_entry *e, size_t n, enum board_mode mode, bool full_view,
                        int64_t viewer, size_t *out, uint32_t *your_rank)
{
    size_t k = 0;

    *your_rank = 0;
    for (size_t i = 0; i < n; i++)
        if (e[i].user_id == viewer)
            *your_rank = e[i].rank;
    if (full_view)
        mode = BOARD_FULL;
    for (size_t i = 0; i < n; i++) {
        bool mine = e[i].user_id == viewer;
        bool show = mode == BOARD_FULL || mine || (mode == BOARD_TOP10 && i < BOARD_TOP_N);
        if (show)
            out[k++] = i;
    }
    return k;
}
