/*
 * csv.h — building the gradebook CSV (RFC 4180) for a school's spreadsheet
 * or LMS, with a hard size cap.
 *
 * Fields holding a comma, a double quote, CR or LF are quoted, quotes
 * doubled; records end with CRLF. Text cells that a spreadsheet would run
 * as a formula (starting with '=', '+', '-', '@', tab or CR) get a leading
 * apostrophe first: a student named "=HYPERLINK(...)" must stay text on the
 * teacher's machine. Pure code, unit-tested.
 *
 * csv_gradebook() lays out the gradebook from rows the caller loaded by
 * scores.h's rule, the boards' rule, so its totals are the board's points.
 */
#ifndef LAB_SERVER_CSV_H
#define LAB_SERVER_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

struct csv {
    char *buf;
    size_t len, cap, max;
    bool too_big; /* an append went past max: the buffer was freed */
    bool at_line_start;
};

/* An empty CSV of at most @max bytes (nothing allocated yet). */
void csv_init(struct csv *c, size_t max);

/* Free the buffer. */
void csv_release(struct csv *c);

/*
 * Append one field (a separator first unless it starts the record). @defuse
 * adds the apostrophe to formula-looking text. Returns 0, LAB_E_TOO_LARGE
 * (the CSV is released) or LAB_E_NOMEM.
 */
int csv_field(struct csv *c, const char *text, bool defuse) LAB_MUST_USE;

/* End the record (CRLF). Same returns as csv_field. */
int csv_end_record(struct csv *c) LAB_MUST_USE;

/*
 * Write the cell for @text into @out (capacity @cap, NUL-terminated): quoted
 * and defused as csv_field would. Returns 0 or LAB_E_TOO_LARGE. For tests.
 */
int csv_cell(const char *text, bool defuse, char *out, size_t cap) LAB_MUST_USE;

/* ---- the gradebook ---- */

/* The first cell of the row under the header that gives each lab's points. */
#define CSV_MAX_ROW_LABEL "max points"

struct gradebook_lab {
    const char *id; /* borrowed */
    uint32_t points;
};

struct gradebook_student {
    int64_t user_id;
    const char *username;     /* borrowed */
    const char *display_name; /* borrowed */
};

struct gradebook_score {
    int64_t user_id;
    const char *lab_id; /* borrowed */
    uint32_t points;
};

/*
 * Write the gradebook into @c, which must be empty: a header (username,
 * display_name, one column per lab of @labs in that order, total); then
 * the max row (CSV_MAX_ROW_LABEL, empty, each lab's points, their sum);
 * then one row per student of @st in that order, each lab's cell holding
 * the student's points from @sc, or empty when @sc has none for it, and
 * the total of the row. Scores of students or labs not listed are ignored
 * (the caller lists every lab its scores name). Same returns as csv_field.
 */
int csv_gradebook(struct csv *c, const struct gradebook_lab *labs, size_t nl,
                  const struct gradebook_student *st, size_t ns, const struct gradebook_score *sc,
                  size_t nsc) LAB_MUST_USE;

#endif
