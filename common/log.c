/*
 * log.c — the event logger. One fprintf per line so lines from different
 * threads never interleave mid-line (stdio locks the stream per call).
 */
#include "common/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "common/err.h"

static enum log_level min_level = LOG_INFO;
static const char *prog_name;

void log_set_level(enum log_level lvl)
{
    min_level = lvl;
}

void log_set_prog(const char *prog)
{
    prog_name = prog;
}

int log_level_parse(const char *s, enum log_level *out)
{
    static const char *names[] = {"debug", "info", "warn", "error"};

    for (int i = 0; i < 4; i++) {
        if (strcmp(s, names[i]) == 0) {
            *out = (enum log_level)i;
            return 0;
        }
    }
    return LAB_E_PARSE;
}

void log_event(enum log_level lvl, const char *ev, const char *fmt, ...)
{
    static const char *names[] = {"debug", "info", "warn", "error"};
    char ts[40], body[2048];
    struct timeval tv;
    struct tm tm;
    va_list ap;

    if (lvl < min_level)
        return;
    gettimeofday(&tv, NULL);
    gmtime_r(&tv.tv_sec, &tm);
    strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S", &tm);
    body[0] = '\0';
    if (fmt) {
        va_start(ap, fmt);
        vsnprintf(body, sizeof body, fmt, ap);
        va_end(ap);
    }
    fprintf(stderr, "ts=%s.%03ldZ lvl=%s%s%s ev=%s%s%s\n", ts, (long)(tv.tv_usec / 1000),
            names[lvl], prog_name ? " prog=" : "", prog_name ? prog_name : "", ev,
            body[0] ? " " : "", body);
}

const char *log_q(char *out, size_t cap, const char *s)
{
    size_t o = 0, i;

    if (cap < 3) {
        if (cap)
            out[0] = '\0';
        return out;
    }
    out[o++] = '"';
    for (i = 0; s && s[i] && i < LOG_VALUE_MAX; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[5];
        size_t n;

        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            n = 2;
        } else if (c < 0x20 || c == 0x7f) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            n = 4;
        } else {
            esc[0] = (char)c;
            n = 1;
        }
        if (o + n + 2 > cap)
            break;
        memcpy(out + o, esc, n);
        o += n;
    }
    if (s && s[i] && o + 5 <= cap) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o++] = '"';
    out[o] = '\0';
    return out;
}
