/*
 * validate.c — field rules (see validate.h).
 */
#include "server/validate.h"

#include <stdio.h>
#include <string.h>

#include "common/str.h"

static bool lower_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* ^[a-z0-9][a-z0-9_.-]{min_rest,max_rest}$ */
static bool ident(const char *s, size_t min_rest, size_t max_rest)
{
    size_t n = strlen(s);

    if (n < 1 + min_rest || n > 1 + max_rest || !lower_alnum(s[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!lower_alnum(s[i]) && s[i] != '_' && s[i] != '.' && s[i] != '-')
            return false;
    return true;
}

bool valid_username(const char *s)
{
    return ident(s, 1, USERNAME_MAX - 1);
}

bool valid_cohort_name(const char *s)
{
    return ident(s, 1, COHORT_NAME_MAX - 1);
}

bool valid_lab_id(const char *s)
{
    return ident(s, 0, LAB_ID_MAX - 1);
}

bool valid_display_name(const char *s)
{
    size_t n = strlen(s), chars = 0;

    if (n == 0 || !utf8_valid(s, n))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f)
            return false;
        /* C1 controls U+0080..U+009F are encoded C2 80..C2 9F. */
        if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] < 0xa0)
            return false;
        if ((c & 0xc0) != 0x80)
            chars++;
    }
    return chars <= DISPLAY_NAME_MAX;
}

bool valid_token(const char *s)
{
    size_t n = strlen(s);

    if (n != 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return true;
}

bool join_code_normalize(const char *in, char out[JOIN_CODE_MAX + 1])
{
    size_t o = 0;

    while (*in == ' ')
        in++;
    for (; *in && *in != ' '; in++) {
        char c = *in;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) || o >= JOIN_CODE_MAX)
            return false;
        out[o++] = c;
    }
    while (*in == ' ')
        in++;
    out[o] = '\0';
    return *in == '\0' && o >= 4;
}

enum code_check submit_code_check(const uint8_t *code, size_t len, uint32_t max_kib)
{
    if (len > (size_t)max_kib * 1024)
        return CODE_TOO_LARGE;
    if (len == 0)
        return CODE_EMPTY;
    if (!utf8_valid((const char *)code, len))
        return CODE_NOT_UTF8;
    return CODE_OK;
}

void submit_code_text(enum code_check why, size_t len, uint32_t max_kib, char *out, size_t cap)
{
    switch (why) {
    case CODE_TOO_LARGE:
        snprintf(out, cap, "your program is %zu KiB; the limit is %u KiB", (len + 1023) / 1024,
                 max_kib);
        return;
    case CODE_EMPTY:
        snprintf(out, cap, "your file is empty; save your program, then submit it again");
        return;
    case CODE_NOT_UTF8:
        snprintf(out, cap, "your file is not UTF-8 text; save it as UTF-8");
        return;
    case CODE_OK:
        break;
    }
    snprintf(out, cap, "%s", "");
}
