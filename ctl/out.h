/*
 * out.h — how labctl prints results: aligned text tables for people, one JSON
 * object for scripts (--json), and the one-line error report.
 *
 * Text from the database may have been typed by a student (display names), so
 * table cells go through str_term_safe() and JSON strings are fully escaped.
 */
#ifndef LAB_CTL_OUT_H
#define LAB_CTL_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "common/err.h"
#include "db/pg.h"

/* Write @s as a JSON string literal, quotes included. */
void out_json_str(FILE *f, const char *s);

/*
 * Write the rows of @r as a JSON array of objects. @keys names each column,
 * @types has one letter per column: 's' string, 'n' number, 'b' boolean
 * (PostgreSQL's t/f, or yes/no). SQL NULL becomes null.
 */
void out_json_rows(FILE *f, const struct db_res *r, const char *const *keys, const char *types);

/*
 * Print a listing: with @json one object {"ok":true,"@name":[rows]} (see
 * out_json_rows for @keys and @types), else a text table under @heads.
 */
void out_listing(FILE *f, bool json, const char *name, const struct db_res *r,
                 const char *const *heads, const char *const *keys, const char *types);

/* Print @r as a text table with the headings @heads (one per column). */
void out_table(FILE *f, const struct db_res *r, const char *const *heads);

/* Stable lowercase name of an error code for --json ("conflict", "not_found", ...). */
const char *out_code_name(int code);

/* Report @err: "labctl: msg: detail; hint" on stderr, and with @json also the JSON error on @f. */
void out_error(FILE *f, bool json, const struct lab_err *err);

#endif
