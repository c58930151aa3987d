/*
 * csv.h — building the gradebook CSV (RFC 4180) for a school's spreadsheet
 * or LMS, with a hard size cap.
 *
 * Fields holding a comma, a double quote, CR or LF are quoted, quotes
 * doubled; records end with CRLF. Text cells that a spreadsheet would run
 * as a formula (starting with '=', '+', '-', '@', tab or CR) get a leading
 * apostrophe first: a student named "=HYPERLINK(...)" must stay text on the
 * teacher's machine. Pure code, unit-tested.
 */
#ifndef LAB_SERVER_CSV_H
#define LAB_SERVER_CSV_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
