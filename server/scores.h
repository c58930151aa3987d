/*
 * scores.h — one rule for a student's points in a class, shared as SQL text
 * by the class board, the lab boards (h_board.c) and the gradebook
 * (h_teach.c), so the three cannot drift apart.
 *
 * The class's labs are the labs its students can see and submit: published
 * catalog labs (labs.cohort_id NULL) that no cohort_labs row closes for it,
 * and its own labs (pushed by its instructors). Labs of other classes and
 * labs closed for this one count nothing; their best scores are kept
 * (best_scores is per user and lab, not per class) and count again when a
 * lab is reopened.
 *
 * A student's points on a lab are their best graded score on it
 * (best_scores, kept by labworker with every result), in the lab's current
 * points. A score graded while the lab was worth a different number of
 * points is scaled to today's, rounded half up, so no lab counts for more
 * than it is worth and full marks stay full marks; when the points have not
 * changed it is the score the results show, unchanged. Solved means full
 * marks in that grading. A student's points in the class are the sum over
 * the class's labs.
 *
 * Every statement here takes the cohort id as $1.
 */
#ifndef LAB_SERVER_SCORES_H
#define LAB_SERVER_SCORES_H

/*
 * The class's labs: id, points, sort_key, and assigned (its own lab, or a
 * catalog lab an instructor opened for it explicitly).
 */
#define SCORES_LABS_SQL                                                                            \
    "SELECT l.id, l.points, l.sort_key, "                                                          \
    "(l.cohort_id IS NOT NULL OR coalesce(cl.open, false)) AS assigned "                           \
    "FROM labs l LEFT JOIN cohort_labs cl ON cl.cohort_id = $1 AND cl.lab_id = l.id "              \
    "WHERE l.published AND (l.cohort_id IS NULL OR l.cohort_id = $1) AND coalesce(cl.open, true)"

/* Points of best score b on lab cl (a row of SCORES_LABS_SQL), scaled as above. */
#define SCORES_POINTS_SQL                                                                          \
    "CASE WHEN b.max_score > 0 THEN LEAST(cl.points, (b.score::bigint * cl.points * 2 + "          \
    "b.max_score) / (2 * b.max_score)) ELSE 0 END"

/*
 * One row per student of the class and lab of the class with a graded
 * result: user_id, lab_id, points, solved, improved_at.
 */
#define SCORES_ROWS_SQL                                                                            \
    "SELECT b.user_id, b.lab_id, " SCORES_POINTS_SQL " AS points, "                                \
    "(b.max_score > 0 AND b.score >= b.max_score) AS solved, b.improved_at "                       \
    "FROM best_scores b JOIN (" SCORES_LABS_SQL ") cl ON cl.id = b.lab_id "                        \
    "JOIN memberships m ON m.user_id = b.user_id AND m.cohort_id = $1 AND m.role = 'student'"

/*
 * The gradebook's columns: the class's labs it works on (assigned, with a
 * result of one of its students, or run as a live exercise for it), in
 * catalog order: id, points. Every lab of SCORES_ROWS_SQL is among them, so
 * the gradebook's totals are the board's; labs nobody in the class has
 * touched stay out (the catalog is long).
 */
#define SCORES_GRADEBOOK_LABS_SQL                                                                  \
    "SELECT cl.id, cl.points FROM (" SCORES_LABS_SQL ") cl WHERE cl.assigned "                     \
    "OR EXISTS (SELECT 1 FROM best_scores b JOIN memberships m ON m.user_id = b.user_id "          \
    "AND m.cohort_id = $1 AND m.role = 'student' WHERE b.lab_id = cl.id) "                         \
    "OR EXISTS (SELECT 1 FROM live_sessions ls WHERE ls.cohort_id = $1 AND ls.lab_id = cl.id) "    \
    "ORDER BY cl.sort_key, cl.id"

#endif
