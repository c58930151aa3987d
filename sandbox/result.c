/*
 * result.c — names, release and the two renderings of struct sandbox_result.
 *
 * The program's output is arbitrary bytes. JSON gets valid UTF-8 only:
 * control characters are \u-escaped, invalid sequences become U+FFFD and the
 * raw bytes are added in base64 so nothing is lost. The text rendering is
 * for a teacher's terminal: escape sequences and control characters are
 * neutralised so a program cannot repaint or type into that terminal.
 */
#include "sandbox/sandbox.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"

static const char *const verdict_names[] = {
    [SANDBOX_OK] = "ok",
    [SANDBOX_RUNTIME_ERROR] = "runtime_error",
    [SANDBOX_CPU_TIME_LIMIT] = "cpu_time_limit",
    [SANDBOX_WALL_TIME_LIMIT] = "wall_time_limit",
    [SANDBOX_MEMORY_LIMIT] = "memory_limit",
    [SANDBOX_OUTPUT_LIMIT] = "output_limit",
    [SANDBOX_PROCESS_LIMIT] = "process_limit",
    [SANDBOX_FORBIDDEN_SYSCALL] = "forbidden_syscall",
    [SANDBOX_INTERNAL_ERROR] = "internal_error",
};

const char *sandbox_verdict_name(enum sandbox_verdict v)
{
    if ((unsigned)v < ARRAY_SIZE(verdict_names) && verdict_names[v])
        return verdict_names[v];
    return "unknown";
}

const char *sandbox_mem_mechanism_name(enum sandbox_mem_mechanism m)
{
    switch (m) {
    case SANDBOX_MEM_CGROUP2:
        return "cgroup2";
    case SANDBOX_MEM_CGROUP1:
        return "cgroup1";
    case SANDBOX_MEM_RLIMIT_AS:
        return "rlimit_as";
    }
    return "unknown";
}

void sandbox_result_release(struct sandbox_result *res)
{
    if (!res)
        return;
    free(res->out.data);
    free(res->err.data);
    free(res->res.data);
    res->out = res->err = res->res = (struct sandbox_output){NULL, 0, 0};
}

/* Length of a well-formed UTF-8 sequence at @p (1..4), or 0 if invalid. Sets *@cp. */
static size_t utf8_next(const unsigned char *p, size_t n, uint32_t *cp)
{
    uint32_t c;
    size_t len, i;

    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if (p[0] >= 0xc2 && p[0] <= 0xdf) {
        len = 2;
        c = p[0] & 0x1f;
    } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
        len = 3;
        c = p[0] & 0x0f;
    } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
        len = 4;
        c = p[0] & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3f);
    }
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
        (c >= 0xd800 && c <= 0xdfff))
        return 0;
    *cp = c;
    return len;
}

/* Write @s as a JSON string; returns true when @s was valid UTF-8 without NUL. */
static bool json_string(FILE *f, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    bool valid = true;
    size_t i = 0;

    fputc('"', f);
    while (i < n) {
        uint32_t cp = 0;
        size_t len = utf8_next(p + i, n - i, &cp);

        if (len == 0) {
            fputs("\\ufffd", f);
            valid = false;
            i++;
            continue;
        }
        if (cp == '"' || cp == '\\') {
            fputc('\\', f);
            fputc((int)cp, f);
        } else if (cp == '\n') {
            fputs("\\n", f);
        } else if (cp == '\t') {
            fputs("\\t", f);
        } else if (cp == '\r') {
            fputs("\\r", f);
        } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 ||
                   cp == 0x2029) {
            fprintf(f, "\\u%04x", (unsigned)cp);
            if (cp == 0)
                valid = false;
        } else {
            fwrite(p + i, 1, len, f);
        }
        i += len;
    }
    fputc('"', f);
    return valid;
}

static void base64(FILE *f, const char *s, size_t n)
{
    static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *p = (const unsigned char *)s;
    size_t i;

    fputc('"', f);
    for (i = 0; i + 2 < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
        fputc(tab[v >> 18], f);
        fputc(tab[(v >> 12) & 63], f);
        fputc(tab[(v >> 6) & 63], f);
        fputc(tab[v & 63], f);
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)p[i] << 16;
        fprintf(f, "%c%c==", tab[v >> 18], tab[(v >> 12) & 63]);
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8;
        fprintf(f, "%c%c%c=", tab[v >> 18], tab[(v >> 12) & 63], tab[(v >> 6) & 63]);
    }
    fputc('"', f);
}

static void json_stream(FILE *f, const char *name, const struct sandbox_output *o)
{
    fprintf(f, ",\"%s\":", name);
    if (!json_string(f, o->data ? o->data : "", o->len)) {
        fprintf(f, ",\"%s_base64\":", name);
        base64(f, o->data ? o->data : "", o->len);
    }
    fprintf(f, ",\"%s_cut_bytes\":%llu", name, (unsigned long long)o->cut);
}

int sandbox_result_write_json(const struct sandbox_result *r, FILE *f)
{
    fprintf(f, "{\"verdict\":\"%s\",\"exit_code\":%d,\"signal\":%d",
            sandbox_verdict_name(r->verdict), r->exit_code, r->term_signal);
    fprintf(f, ",\"cpu_ms\":%llu,\"wall_ms\":%llu,\"peak_memory_bytes\":%llu,\"peak_is_rss\":%s",
            (unsigned long long)r->cpu_ms, (unsigned long long)r->wall_ms,
            (unsigned long long)r->peak_memory_bytes, r->peak_is_rss ? "true" : "false");
    fprintf(f, ",\"memory_mechanism\":\"%s\",\"forbidden_syscalls\":%u",
            sandbox_mem_mechanism_name(r->memory_mechanism), r->forbidden_syscalls);
    fputs(",\"missing_protections\":[", f);
    {
        const char *sep = "";
        if (r->missing & SANDBOX_MISSING_MEMORY_CGROUP) {
            fprintf(f, "%s\"memory_cgroup\"", sep);
            sep = ",";
        }
        if (r->missing & SANDBOX_MISSING_PIDS_CGROUP) {
            fprintf(f, "%s\"pids_cgroup\"", sep);
            sep = ",";
        }
        if (r->missing & SANDBOX_MISSING_CPU_CGROUP)
            fprintf(f, "%s\"cpu_cgroup\"", sep);
    }
    fputs("],\"message\":", f);
    json_string(f, r->message, strlen(r->message));
    json_stream(f, "stdout", &r->out);
    json_stream(f, "stderr", &r->err);
    json_stream(f, "result", &r->res);
    fputs("}\n", f);
    return ferror(f) ? -EIO : 0;
}

static void text_stream(FILE *f, const char *title, const struct sandbox_output *o, bool colour)
{
    char *safe;
    size_t cap;

    if (!o->len && !o->cut)
        return;
    fprintf(f, "%s--- %s (%zu bytes%s) ---%s\n", colour ? "\033[2m" : "", title, o->len,
            o->cut ? ", cut" : "", colour ? "\033[0m" : "");
    cap = o->len * 3 + 8;
    safe = malloc(cap);
    if (!safe)
        return;
    str_term_safe(safe, cap, o->data ? o->data : "", o->len);
    fputs(safe, f);
    if (o->len && safe[0] && safe[strlen(safe) - 1] != '\n')
        fputc('\n', f);
    if (o->cut)
        fprintf(f, "%s[... %llu more bytes not kept]%s\n", colour ? "\033[33m" : "",
                (unsigned long long)o->cut, colour ? "\033[0m" : "");
    free(safe);
}

int sandbox_result_write_text(const struct sandbox_result *r, FILE *f, bool colour)
{
    const char *c_on = "", *c_off = colour ? "\033[0m" : "";

    if (colour)
        c_on = r->verdict == SANDBOX_OK               ? "\033[1;32m"
               : r->verdict == SANDBOX_INTERNAL_ERROR ? "\033[1;35m"
                                                      : "\033[1;31m";
    fprintf(f, "verdict: %s%s%s", c_on, sandbox_verdict_name(r->verdict), c_off);
    if (r->message[0])
        fprintf(f, " (%s)", r->message);
    fputc('\n', f);
    fprintf(f, "cpu: %llu ms   wall: %llu ms   peak memory: %.1f MB%s (%s)\n",
            (unsigned long long)r->cpu_ms, (unsigned long long)r->wall_ms,
            (double)r->peak_memory_bytes / (1024.0 * 1024.0), r->peak_is_rss ? " rss" : "",
            sandbox_mem_mechanism_name(r->memory_mechanism));
    if (r->missing)
        fprintf(f, "%swarning:%s this host lacks:%s%s%s (rlimits used instead)\n",
                colour ? "\033[33m" : "", c_off,
                r->missing & SANDBOX_MISSING_MEMORY_CGROUP ? " memory cgroup" : "",
                r->missing & SANDBOX_MISSING_PIDS_CGROUP ? " pids cgroup" : "",
                r->missing & SANDBOX_MISSING_CPU_CGROUP ? " cpu cgroup" : "");
    text_stream(f, "stdout", &r->out, colour);
    text_stream(f, "stderr", &r->err, colour);
    text_stream(f, "result fd", &r->res, colour);
    return ferror(f) ? -EIO : 0;
}
