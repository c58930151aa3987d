/*
 * out.c — tables, JSON and error lines for labctl.
 */
#include "ctl/out.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "common/json.h"
#include "common/str.h"
#include "ctl/args.h"

void out_json_str(FILE *f, const char *s)
{
    struct json_out o;

    /* One escaper for the whole project: common/json also mends invalid UTF-8. */
    json_out_init(&o);
    json_out_str(&o, s, strlen(s));
    if (o.failed)
        fputs("null", f);
    else
        fwrite(o.buf, 1, o.len, f);
    json_out_release(&o);
}

void out_json_rows(FILE *f, const struct db_res *r, const char *const *keys, const char *types)
{
    int rows = db_res_rows(r), cols = db_res_cols(r);

    fputc('[', f);
    for (int i = 0; i < rows; i++) {
        fputs(i ? ",{" : "{", f);
        for (int j = 0; j < cols; j++) {
            const char *v = db_res_get(r, i, j);

            if (j)
                fputc(',', f);
            out_json_str(f, keys[j]);
            fputc(':', f);
            if (db_res_is_null(r, i, j))
                fputs("null", f);
            else if (types[j] == 'n')
                fputs(v, f);
            else if (types[j] == 'b')
                fputs(v[0] == 't' || v[0] == 'y' ? "true" : "false", f);
            else
                out_json_str(f, v);
        }
        fputc('}', f);
    }
    fputc(']', f);
}

/* Display width of UTF-8 text, counting each code point as one column. */
static size_t width(const char *s)
{
    size_t w = 0;

    for (; *s; s++)
        if (((unsigned char)*s & 0xc0) != 0x80)
            w++;
    return w;
}

void out_table(FILE *f, const struct db_res *r, const char *const *heads)
{
    int rows = db_res_rows(r), cols = db_res_cols(r);
    size_t *w = calloc((size_t)cols, sizeof *w);
    char cell[512];

    if (!w)
        return;
    for (int j = 0; j < cols; j++)
        w[j] = width(heads[j]);
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
            const char *v = db_res_get(r, i, j);
            size_t n = width(str_term_safe(cell, sizeof cell, v, strlen(v)));
            if (n > w[j])
                w[j] = n;
        }
    }
    for (int j = 0; j < cols; j++) {
        if (j + 1 < cols)
            fprintf(f, "%s%*s  ", heads[j], (int)(w[j] - width(heads[j])), "");
        else
            fprintf(f, "%s\n", heads[j]);
    }
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
            const char *v = db_res_get(r, i, j);
            str_term_safe(cell, sizeof cell, v, strlen(v));
            if (j + 1 < cols)
                fprintf(f, "%s%*s  ", cell, (int)(w[j] - width(cell)), "");
            else
                fprintf(f, "%s\n", cell);
        }
    }
    free(w);
}

const char *out_code_name(int code)
{
    switch (code) {
    case CTL_E_USAGE:
        return "usage";
    case LAB_E_EXISTS:
        return "conflict";
    case LAB_E_NOT_FOUND:
        return "not_found";
    case LAB_E_UNAVAILABLE:
        return "unavailable";
    case LAB_E_DENIED:
        return "forbidden";
    case LAB_E_PARSE:
    case LAB_E_RANGE:
    case LAB_E_TOO_LARGE:
        return "bad_request";
    case LAB_E_CONFIG:
        return "config";
    case LAB_E_DB:
        return "database";
    default:
        return "internal";
    }
}

/* lab_errf() fills the detail of every code with strerror(); ours have none worth showing. */
static bool has_detail(const struct lab_err *err)
{
    return err->detail[0] && strncmp(err->detail, "Unknown error", 13) != 0;
}

void out_error(FILE *f, bool json, const struct lab_err *err)
{
    fprintf(stderr, "labctl: %s%s%s%s%s\n", err->msg, has_detail(err) ? ": " : "",
            has_detail(err) ? err->detail : "", err->hint[0] ? "; " : "", err->hint);
    if (!json)
        return;
    fputs("{\"ok\":false,\"error\":{\"code\":", f);
    out_json_str(f, out_code_name(err->code));
    fputs(",\"text\":", f);
    out_json_str(f, err->msg);
    if (has_detail(err)) {
        fputs(",\"detail\":", f);
        out_json_str(f, err->detail);
    }
    if (err->hint[0]) {
        fputs(",\"hint\":", f);
        out_json_str(f, err->hint);
    }
    fputs("}}\n", f);
}

void out_listing(FILE *f, bool json, const char *name, const struct db_res *r,
                 const char *const *heads, const char *const *keys, const char *types)
{
    if (!json) {
        out_table(f, r, heads);
        return;
    }
    fputs("{\"ok\":true,", f);
    out_json_str(f, name);
    fputc(':', f);
    out_json_rows(f, r, keys, types);
    fputs("}\n", f);
}
