/*
 * upload.c — the five-file rule for uploaded labs (see upload.h).
 */
#include "server/upload.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "common/log.h"

const char *const upload_names[UPLOAD_N_FILES] = {"lab.ini", "README.md", "starter.py",
                                                  "solution.py", "checks.py"};

int upload_slot(const char *name)
{
    for (int k = 0; k < UPLOAD_N_FILES; k++)
        if (strcmp(name, upload_names[k]) == 0)
            return k;
    return -1;
}

enum upload_check upload_check(const struct upload_file *f, size_t n, size_t max_bytes,
                               size_t slot_of[UPLOAD_N_FILES], char *why, size_t cap)
{
    bool seen[UPLOAD_N_FILES] = {false};
    char q[LOG_VALUE_MAX + 16];
    size_t total = 0;

    why[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        int k = upload_slot(f[i].path);

        if (k < 0) {
            snprintf(why, cap,
                     "upload: file %s is not allowed; a lab is exactly lab.ini, README.md, "
                     "starter.py, solution.py and checks.py, with no folders",
                     log_q(q, sizeof q, f[i].path));
            return UPLOAD_BAD_NAME;
        }
        if (seen[k]) {
            snprintf(why, cap, "upload: file '%s' is given twice; send each file once",
                     upload_names[k]);
            return UPLOAD_DUPLICATE;
        }
        seen[k] = true;
        slot_of[k] = i;
        total += f[i].len;
    }
    for (int k = 0; k < UPLOAD_N_FILES; k++) {
        if (!seen[k]) {
            snprintf(why, cap,
                     "upload: file '%s' is missing; a lab is lab.ini, README.md, starter.py, "
                     "solution.py and checks.py",
                     upload_names[k]);
            return UPLOAD_MISSING;
        }
    }
    if (total > max_bytes) {
        snprintf(why, cap, "upload: the files are %zu KiB together; the limit is %zu KiB",
                 (total + 1023) / 1024, max_bytes / 1024);
        return UPLOAD_TOO_LARGE;
    }
    for (int k = 0; k < UPLOAD_N_FILES; k++) {
        const struct upload_file *u = &f[slot_of[k]];
        if (u->len && memchr(u->data, '\0', u->len)) {
            snprintf(why, cap, "upload: file '%s' contains a NUL byte; lab files are UTF-8 text",
                     upload_names[k]);
            return UPLOAD_NUL;
        }
    }
    return UPLOAD_OK;
}
