/*
 * fields.c — the field rules table (see fields.h).
 */
#include "common/fields.h"

#include <string.h>

#include "common/str.h"

enum shape {
    SHAPE_IDENT, /* first a-z 0-9, then a-z 0-9 _ . - */
    SHAPE_TEXT,  /* UTF-8 without control characters; bounds count characters */
    SHAPE_CODE,  /* A-Z 0-9 */
    SHAPE_HEX,   /* 0-9 a-f */
};

static const struct {
    struct field_rule rule;
    enum shape shape;
} rules[FIELD_COUNT] = {
    [FIELD_USERNAME] = {{"username", 2, USERNAME_MAX,
                         "2-32 characters of a-z 0-9 _ . -, starting with a-z or 0-9"},
                        SHAPE_IDENT},
    [FIELD_COHORT_NAME] = {{"cohort name", 2, COHORT_NAME_MAX,
                            "2-48 characters of a-z 0-9 _ . -, starting with a-z or 0-9"},
                           SHAPE_IDENT},
    [FIELD_LAB_ID] = {{"lab id", 1, LAB_ID_MAX,
                       "1-64 characters of a-z 0-9 _ . -, starting with a-z or 0-9"},
                      SHAPE_IDENT},
    [FIELD_DISPLAY_NAME] = {{"display name", 1, DISPLAY_NAME_MAX,
                             "1-64 characters without control characters"},
                            SHAPE_TEXT},
    [FIELD_JOIN_CODE] = {{"join code", JOIN_CODE_MIN, JOIN_CODE_MAX, "4-32 letters and digits"},
                         SHAPE_CODE},
    [FIELD_TOKEN] = {{"token", TOKEN_HEX_LEN, TOKEN_HEX_LEN, "64 lowercase hex digits"}, SHAPE_HEX},
};

const struct field_rule *field_rule(enum field f)
{
    return &rules[f].rule;
}

static bool lower_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool ident_ok(const char *s, size_t n)
{
    if (!lower_alnum(s[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!lower_alnum(s[i]) && s[i] != '_' && s[i] != '.' && s[i] != '-')
            return false;
    return true;
}

/* Returns the number of characters, or 0 when @s is not UTF-8 or holds a control character. */
static size_t text_chars(const char *s, size_t n)
{
    size_t chars = 0;

    if (!utf8_valid(s, n))
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f)
            return 0;
        /* C1 controls U+0080..U+009F are encoded C2 80..C2 9F: a terminal obeys them too. */
        if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] < 0xa0)
            return 0;
        if ((c & 0xc0) != 0x80)
            chars++;
    }
    return chars;
}

static bool all_of(const char *s, size_t n, bool (*in)(char))
{
    for (size_t i = 0; i < n; i++)
        if (!in(s[i]))
            return false;
    return true;
}

static bool upper_alnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool lower_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

bool field_ok(enum field f, const char *s)
{
    const struct field_rule *r = &rules[f].rule;
    size_t n = strlen(s), len = n;

    if (n == 0)
        return false;
    switch (rules[f].shape) {
    case SHAPE_IDENT:
        if (!ident_ok(s, n))
            return false;
        break;
    case SHAPE_TEXT:
        len = text_chars(s, n);
        if (len == 0)
            return false;
        break;
    case SHAPE_CODE:
        if (!all_of(s, n, upper_alnum))
            return false;
        break;
    case SHAPE_HEX:
        if (!all_of(s, n, lower_hex))
            return false;
        break;
    }
    return len >= r->min && len <= r->max;
}

bool field_join_code_normalize(const char *in, char out[JOIN_CODE_MAX + 1])
{
    size_t o = 0;

    while (*in == ' ')
        in++;
    for (; *in && *in != ' '; in++) {
        char c = *in;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (!upper_alnum(c) || o >= JOIN_CODE_MAX)
            return false;
        out[o++] = c;
    }
    while (*in == ' ')
        in++;
    out[o] = '\0';
    return *in == '\0' && field_ok(FIELD_JOIN_CODE, out);
}
