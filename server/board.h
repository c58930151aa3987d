/*
 * board.h — ranking a cohort's or a lab's board and deciding which rows a
 * viewer may see. Pure code (no database, no lws), unit-tested.
 *
 * Ranking: points descending, then the earlier last improvement first (who
 * got there first stays ahead), then user id for a stable order. Rows equal
 * in both points and last_improved_at (to the second) share a rank, and the
 * next rank skips ("1, 2, 2, 4": standard competition ranking).
 *
 * Visibility (cohorts.board_mode): 'full' shows every row; 'top10' shows the
 * first 10 rows plus the viewer's own row when it is not among them;
 * 'hidden' shows a student only their own row. The cohort's instructors and
 * admins always see every row.
 */
#ifndef LAB_SERVER_BOARD_H
#define LAB_SERVER_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BOARD_TOP_N 10
#define BOARD_MAX_ROWS 5000 /* students per board; more are not loaded */

enum board_mode { BOARD_FULL, BOARD_TOP10, BOARD_HIDDEN };

struct board_entry {
    int64_t user_id;
    const char *display_name; /* borrowed */
    uint32_t points;          /* by scores.h's rule, the gradebook's */
    uint32_t labs_solved;
    int64_t last_improved_at; /* unix seconds */
    uint32_t rank;            /* set by board_rank(), from 1 */
};

/* "full", "top10", "hidden"; anything else is treated as "hidden" (the safe reading). */
enum board_mode board_mode_from_text(const char *s);

/* Sort @e into board order and set every rank. */
void board_rank(struct board_entry *e, size_t n);

/*
 * Choose the rows of a ranked board that @viewer may see: writes their
 * indexes into @out (room for @n) in board order and returns how many.
 * @full_view is true for the cohort's instructors and admins. *@your_rank
 * is @viewer's rank, or 0 when @viewer has no row.
 */
size_t board_select(const struct board_entry *e, size_t n, enum board_mode mode, bool full_view,
                    int64_t viewer, size_t *out, uint32_t *your_rank);

#endif
