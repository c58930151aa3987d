/*
 * validate.c — the submit checks of a program (see validate.h).
 */
#include "server/validate.h"

#include <stdio.h>
#include <string.h>

#include "common/str.h"

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
