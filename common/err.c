/*
 * err.c — filling struct lab_err and naming error codes.
 */
#include "common/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int lab_errf(struct lab_err *e, int code, const char *fmt, ...)
{
    va_list ap;

    if (!e)
        return code;
    memset(e, 0, sizeof *e);
    e->code = code;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    if (code < 0 && code > LAB_E_PARSE)
        snprintf(e->detail, sizeof e->detail, "%s", strerror(-code));
    return code;
}

void lab_err_hint(struct lab_err *e, const char *fmt, ...)
{
    va_list ap;

    if (!e)
        return;
    va_start(ap, fmt);
    vsnprintf(e->hint, sizeof e->hint, fmt, ap);
    va_end(ap);
}

const char *lab_strerror(int code)
{
    switch (code) {
    case 0:
        return "ok";
    case LAB_E_PARSE:
        return "parse error";
    case LAB_E_RANGE:
        return "out of range";
    case LAB_E_TOO_LARGE:
        return "too large";
    case LAB_E_CONFIG:
        return "configuration error";
    case LAB_E_NOMEM:
        return "out of memory";
    case LAB_E_DB:
        return "database error";
    case LAB_E_UNAVAILABLE:
        return "unavailable";
    case LAB_E_NOT_FOUND:
        return "not found";
    case LAB_E_EXISTS:
        return "already exists";
    case LAB_E_DENIED:
        return "permission denied";
    case LAB_E_BUSY:
        return "busy";
    case LAB_E_INTERNAL:
        return "internal error";
    default:
        if (code < 0 && code > LAB_E_PARSE)
            return strerror(-code);
        return "unknown error";
    }
}
