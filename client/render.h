/*
 * render.h — what a student reads: aligned tables, Markdown shown plainly on
 * a terminal, and colour only when asked for (stdout is a terminal, NO_COLOR
 * unset, no --no-color). Every string that came from the network must have
 * passed str_term_safe() before it gets here, or go through render_safe().
 */
#ifndef LAB_CLIENT_RENDER_H
#define LAB_CLIENT_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum render_style { ST_NONE, ST_BOLD, ST_DIM, ST_GREEN, ST_RED, ST_YELLOW, ST_CYAN };

/* The escape sequence for @st, or "" without colour. ST_NONE resets. */
const char *render_sgr(bool color, enum render_style st);

/* True when the locale (LC_ALL, LC_CTYPE, LANG) says the terminal takes UTF-8. */
bool render_utf8_locale(void);

/* Display width of UTF-8 @s (code points; wide characters count as 2). */
size_t render_width(const char *s);

/*
 * A table: add rows of @ncols cells (copied), then print it with a bold
 * header and columns aligned; cells wider than @max_width are cut with "...".
 */
struct table {
    size_t ncols, nrows, cap;
    char **cells; /* nrows * ncols, row-major; row 0 is the header */
};

/* Print @s cut to @width display columns (ending in "..." when cut), padded with spaces when @pad.
 */
void render_cell(FILE *out, const char *s, size_t width, bool pad);

int table_init(struct table *t, size_t ncols, const char *const *header);
int table_add(struct table *t, const char *const *cells);
void table_print(const struct table *t, FILE *out, bool color, size_t max_width);
/* Like table_print, with data row @hl_row (1 = first row after the header) in bold green. */
void table_print_hl(const struct table *t, FILE *out, bool color, size_t max_width, size_t hl_row);
void table_release(struct table *t);

/*
 * Print Markdown for a terminal: headings bold (underlined with '=' or '-'
 * without colour), fenced code indented, list bullets, and the markers of
 * inline code and bold removed (styled with colour). @md is raw network bytes: made
 * terminal-safe here.
 */
void render_markdown(FILE *out, bool color, const char *md, size_t len);

/* Print network bytes safely, with @indent before every line. */
void render_safe_block(FILE *out, const char *s, size_t len, const char *indent);

#endif
