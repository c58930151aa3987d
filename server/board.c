/*
 * board.c — ranking and row visibility (see board.h).
 */
#include "server/board.h"

#include <stdlib.h>
#include <string.h>

enum board_mode board_mode_from_text(const char *s)
{
    if (s && strcmp(s, "full") == 0)
        return BOARD_FULL;
    if (s && strcmp(s, "top10") == 0)
        return BOARD_TOP10;
    return BOARD_HIDDEN;
}

static bool same_place(const struct board_entry *a, const struct board_entry *b)
{
    return a->points == b->points && a->last_improved_at == b->last_improved_at;
}

static int cmp_entry(const void *pa, const void *pb)
{
    const struct board_entry *a = pa, *b = pb;

    if (a->points != b->points)
        return a->points > b->points ? -1 : 1;
    if (a->last_improved_at != b->last_improved_at)
        return a->last_improved_at < b->last_improved_at ? -1 : 1;
    if (a->user_id != b->user_id)
        return a->user_id < b->user_id ? -1 : 1;
    return 0;
}

void board_rank(struct board_entry *e, size_t n)
{
    if (n == 0)
        return;
    qsort(e, n, sizeof *e, cmp_entry);
    e[0].rank = 1;
    for (size_t i = 1; i < n; i++)
        e[i].rank = same_place(&e[i], &e[i - 1]) ? e[i - 1].rank : (uint32_t)(i + 1);
}

size_t board_select(const struct board_entry *e, size_t n, enum board_mode mode, bool full_view,
                    int64_t viewer, size_t *out, uint32_t *your_rank)
{
    size_t k = 0, mine = n;

    *your_rank = 0;
    for (size_t i = 0; i < n; i++) {
        if (e[i].user_id == viewer) {
            mine = i;
            *your_rank = e[i].rank;
            break;
        }
    }
    if (full_view)
        mode = BOARD_FULL;
    switch (mode) {
    case BOARD_FULL:
        for (size_t i = 0; i < n; i++)
            out[k++] = i;
        break;
    case BOARD_TOP10:
        for (size_t i = 0; i < n && i < BOARD_TOP_N; i++)
            out[k++] = i;
        if (mine < n && mine >= BOARD_TOP_N)
            out[k++] = mine;
        break;
    case BOARD_HIDDEN:
        if (mine < n)
            out[k++] = mine;
        break;
    }
    return k;
}
