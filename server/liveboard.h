/*
 * liveboard.h — ranking a live exercise's board and choosing the rows a
 * viewer sees. Pure code (no database, no lws), unit-tested.
 *
 * Every student of the cohort has a row, with 0 attempts until their first
 * result, so the projector shows the whole class. Order: best score
 * descending; then solved first, earlier solve first; then the earlier last
 * improvement; students without an attempt after everyone who tried at the
 * same score; user id last for a stable order. Rows equal in score, solve
 * time, improvement time and attempted-or-not share a rank and the next
 * rank skips (1, 2, 2, 4).
 *
 * Visibility follows cohorts.board_mode exactly as board.h: instructors and
 * admins see every row; students see every row ('full'), the first ten plus
 * their own ('top10'), or only their own ('hidden').
 */
#ifndef LAB_SERVER_LIVEBOARD_H
#define LAB_SERVER_LIVEBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "server/board.h"

struct live_entry {
    int64_t user_id;
    const char *display_name; /* borrowed */
    uint32_t attempts;
    uint32_t best_score;
    uint32_t max_score;
    int64_t solved_at;   /* unix seconds, 0: not solved */
    int64_t improved_at; /* unix seconds, 0: no attempt */
    uint32_t rank;       /* set by liveboard_rank(), from 1 */
};

/* Sort @e into board order and set every rank. */
void liveboard_rank(struct live_entry *e, size_t n);

/*
 * Choose the rows of a ranked board that @viewer may see: their indexes into
 * @out (room for @n), in board order; returns how many. *@your_rank is the
 * viewer's rank or 0 when they have no row.
 */
size_t liveboard_select(const struct live_entry *e, size_t n, enum board_mode mode, bool full_view,
                        int64_t viewer, size_t *out, uint32_t *your_rank);

#endif
