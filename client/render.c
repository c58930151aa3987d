/*
 * render.c — see render.h.
 */
#include "client/render.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "common/err.h"
#include "common/str.h"

const char *render_sgr(bool color, enum render_style st)
{
    if (!color)
        return "";
    switch (st) {
    case ST_BOLD:
        return "\033[1m";
    case ST_DIM:
        return "\033[2m";
    case ST_GREEN:
        return "\033[32m";
    case ST_RED:
        return "\033[1;31m";
    case ST_YELLOW:
        return "\033[33m";
    case ST_CYAN:
        return "\033[36m";
    default:
        return "\033[0m";
    }
}

/* Decode one UTF-8 code point (input assumed valid, as after str_term_safe). */
static size_t next_cp(const unsigned char *p, uint32_t *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if ((p[0] & 0xe0) == 0xc0 && p[1]) {
        *cp = ((uint32_t)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
        return 2;
    }
    if ((p[0] & 0xf0) == 0xe0 && p[1] && p[2]) {
        *cp = ((uint32_t)(p[0] & 0x0f) << 12) | ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
        return 3;
    }
    if ((p[0] & 0xf8) == 0xf0 && p[1] && p[2] && p[3]) {
        *cp = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3f) << 12) |
              ((uint32_t)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
        return 4;
    }
    *cp = '?';
    return 1;
}

/* Rough East Asian wide / emoji ranges: enough to keep tables straight. */
static size_t cp_width(uint32_t cp)
{
    if (cp < 0x1100)
        return 1;
    if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
        (cp >= 0x20000 && cp <= 0x3fffd))
        return 2;
    if ((cp >= 0x300 && cp <= 0x36f) || cp == 0x200b || (cp >= 0xfe00 && cp <= 0xfe0f))
        return 0;
    return 1;
}

bool render_utf8_locale(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};

    /* The first one that is set decides, as setlocale() would. */
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);

        if (v && v[0])
            return strcasestr(v, "utf-8") || strcasestr(v, "utf8");
    }
    return false;
}

size_t render_width(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t w = 0;

    while (*p) {
        uint32_t cp;

        p += next_cp(p, &cp);
        w += cp_width(cp);
    }
    return w;
}

int table_init(struct table *t, size_t ncols, const char *const *header)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    return table_add(t, header);
}

int table_add(struct table *t, const char *const *cells)
{
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **c = realloc(t->cells, cap * t->ncols * sizeof *c);

        if (!c)
            return LAB_E_NOMEM;
        t->cells = c;
        t->cap = cap;
    }
    for (size_t i = 0; i < t->ncols; i++) {
        char *d = str_dup(cells[i] ? cells[i] : "");

        if (!d) {
            for (size_t k = 0; k < i; k++)
                free(t->cells[t->nrows * t->ncols + k]);
            return LAB_E_NOMEM;
        }
        t->cells[t->nrows * t->ncols + i] = d;
    }
    t->nrows++;
    return 0;
}

void table_release(struct table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

/* Print @s cut to @width display columns (with "..." when cut), padded when @pad. */
void render_cell(FILE *out, const char *s, size_t width, bool pad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t w = render_width(s), used = 0;

    if (w <= width) {
        fputs(s, out);
        used = w;
    } else {
        while (*p) {
            uint32_t cp;
            size_t n = next_cp(p, &cp), cw = cp_width(cp);

            if (used + cw + 3 > width)
                break;
            fwrite(p, 1, n, out);
            used += cw;
            p += n;
        }
        fputs("...", out);
        used += 3;
    }
    while (pad && used++ < width)
        fputc(' ', out);
}

void table_print(const struct table *t, FILE *out, bool color, size_t max_width)
{
    table_print_hl(t, out, color, max_width, 0);
}

void table_print_hl(const struct table *t, FILE *out, bool color, size_t max_width, size_t hl_row)
{
    size_t *w = calloc(t->ncols, sizeof *w);

    if (!w)
        return;
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            size_t cw = render_width(t->cells[r * t->ncols + c]);

            if (cw > w[c])
                w[c] = cw < max_width ? cw : max_width;
        }
    for (size_t r = 0; r < t->nrows; r++) {
        if (r == 0)
            fputs(render_sgr(color, ST_BOLD), out);
        else if (hl_row && r == hl_row)
            fprintf(out, "%s%s", render_sgr(color, ST_BOLD), render_sgr(color, ST_GREEN));
        for (size_t c = 0; c < t->ncols; c++) {
            bool last = c + 1 == t->ncols;

            render_cell(out, t->cells[r * t->ncols + c], w[c], !last);
            if (!last)
                fputs("  ", out);
        }
        if (r == 0 || (hl_row && r == hl_row))
            fputs(render_sgr(color, ST_NONE), out);
        fputc('\n', out);
    }
    free(w);
}

void render_safe_block(FILE *out, const char *s, size_t len, const char *indent)
{
    size_t cap = len * 3 + 8; /* U+FFFD can replace one byte by three */
    char *safe = malloc(cap);
    const char *p;

    if (!safe)
        return;
    str_term_safe(safe, cap, s, len);
    p = safe;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);

        fputs(indent, out);
        fwrite(p, 1, n, out);
        fputc('\n', out);
        p += n + (nl ? 1 : 0);
    }
    free(safe);
}

/* Inline Markdown: `code`, **bold**, __bold__, *em*, [text](url). */
static void inline_md(FILE *out, bool color, const char *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        if (s[i] == '`') {
            const char *e = memchr(s + i + 1, '`', n - i - 1);

            if (e) {
                fputs(render_sgr(color, ST_CYAN), out);
                fwrite(s + i + 1, 1, (size_t)(e - s - i - 1), out);
                fputs(render_sgr(color, ST_NONE), out);
                i = (size_t)(e - s) + 1;
                continue;
            }
        }
        if (i + 1 < n && ((s[i] == '*' && s[i + 1] == '*') || (s[i] == '_' && s[i + 1] == '_'))) {
            fputs(render_sgr(color, ST_BOLD), out); /* toggling markers: keep it simple */
            i += 2;
            {
                const char *e = NULL;

                for (size_t k = i; k + 1 < n; k++)
                    if (s[k] == s[i - 1] && s[k + 1] == s[i - 1]) {
                        e = s + k;
                        break;
                    }
                if (e) {
                    inline_md(out, false, s + i, (size_t)(e - s) - i);
                    fputs(render_sgr(color, ST_NONE), out);
                    i = (size_t)(e - s) + 2;
                } else {
                    fputs(render_sgr(color, ST_NONE), out);
                    fwrite(s + i - 2, 1, 2, out);
                }
            }
            continue;
        }
        if (s[i] == '[') {
            const char *close = memchr(s + i, ']', n - i);
            const char *open2 = memchr(s + i + 1, '[', n - i - 1);

            if (open2 && close && open2 < close)
                close = NULL; /* "[a [b](c)": only the inner one is a link */
            if (close && (size_t)(close - s) + 1 < n && close[1] == '(') {
                const char *paren = memchr(close, ')', n - (size_t)(close - s));

                if (paren) {
                    inline_md(out, color, s + i + 1, (size_t)(close - s) - i - 1);
                    fputs(" (", out);
                    fwrite(close + 2, 1, (size_t)(paren - close - 2), out);
                    fputc(')', out);
                    i = (size_t)(paren - s) + 1;
                    continue;
                }
            }
        }
        fputc(s[i], out);
        i++;
    }
}

void render_markdown(FILE *out, bool color, const char *md, size_t len)
{
    size_t cap = len * 3 + 8;
    char *safe = malloc(cap);
    const char *p;
    bool in_code = false;

    if (!safe)
        return;
    str_term_safe(safe, cap, md, len);
    p = safe;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        const char *line = p;
        size_t lead = 0;

        p += n + (nl ? 1 : 0);
        if (n >= 3 && (strncmp(line, "```", 3) == 0 || strncmp(line, "~~~", 3) == 0)) {
            in_code = !in_code;
            continue;
        }
        if (in_code) {
            fputs("    ", out);
            fputs(render_sgr(color, ST_CYAN), out);
            fwrite(line, 1, n, out);
            fputs(render_sgr(color, ST_NONE), out);
            fputc('\n', out);
            continue;
        }
        while (lead < n && line[lead] == '#')
            lead++;
        if (lead > 0 && lead <= 6 && lead < n && line[lead] == ' ') {
            const char *h = line + lead + 1;
            size_t hn = n - lead - 1;

            fputs(render_sgr(color, ST_BOLD), out);
            inline_md(out, false, h, hn);
            fputs(render_sgr(color, ST_NONE), out);
            fputc('\n', out);
            if (!color && lead <= 2) {
                for (size_t k = 0; k < hn && k < 78; k++)
                    fputc(lead == 1 ? '=' : '-', out);
                fputc('\n', out);
            }
            continue;
        }
        lead = 0;
        while (lead < n && line[lead] == ' ')
            lead++;
        if (lead + 1 < n && (line[lead] == '-' || line[lead] == '*' || line[lead] == '+') &&
            line[lead + 1] == ' ') {
            for (size_t k = 0; k < lead; k++)
                fputc(' ', out);
            fputs("  * ", out);
            inline_md(out, color, line + lead + 2, n - lead - 2);
            fputc('\n', out);
            continue;
        }
        inline_md(out, color, line, n);
        fputc('\n', out);
    }
    free(safe);
}
