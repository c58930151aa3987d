/*
 * labdir.h — one lab directory, read and checked: lab.ini and its four files.
 *
 * A lab directory is untrusted input (an instructor's upload, a catalog
 * checkout): every file is opened relative to the directory with O_NOFOLLOW,
 * must be a regular file under its size cap, and must be UTF-8 text. The
 * version is the SHA-256 of the five files, so an edited lab is a new version.
 */
#ifndef LAB_GRADE_LABDIR_H
#define LAB_GRADE_LABDIR_H

#include <stddef.h>
#include <stdint.h>

#include "common/err.h"
#include "common/fields.h" /* LAB_ID_MAX */

#define LAB_TITLE_MAX 100
#define LAB_MAX_ITEMS 32
#define LAB_MAX_MODULES 16
#define LAB_FILE_MAX (256 * 1024)

struct lab_limits {
    uint32_t cpu_ms, wall_ms, memory_mb, output_kb, processes;
};

/* [lab] checks: how checks.py is written (labs/README.md). */
enum lab_checks_mode {
    LAB_CHECKS_FUNCTIONS = 0, /* labcheck @check functions (the default) */
    LAB_CHECKS_UNITTEST,      /* unittest.TestCase classes; never placed in the box */
};

struct lab_def {
    char id[LAB_ID_MAX + 1];
    char title[LAB_TITLE_MAX + 1];
    char section[16];
    char items[LAB_MAX_ITEMS][16]; /* roadmap item IDs, "1.2.3" */
    size_t n_items;
    uint32_t points;
    struct lab_limits limits;
    char modules[LAB_MAX_MODULES][64];
    size_t n_modules;
    enum lab_checks_mode checks_mode;
    char student_module[64]; /* unittest mode: the name the tests import; "solution" by default */
    char version[65];        /* SHA-256 hex of the files */
    char *ini, *readme, *starter, *solution, *checks; /* file contents, NUL-terminated */
};

/*
 * Load and validate the lab in directory @dir, whose name must be the lab's
 * id (labs/README.md). Returns 0, or a negative code with @err naming the
 * file and the reason: "lab.ini line 7, key 'points': ...".
 * Ownership: on success the caller frees *@out with labdir_free().
 */
int labdir_load(const char *dir, struct lab_def **out, struct lab_err *err) LAB_MUST_USE;

/*
 * Build and validate a lab from the texts of its five files (an instructor's
 * upload): each must be UTF-8 under LAB_FILE_MAX bytes (lab.ini under 16 KiB);
 * the version is computed exactly as labdir_load() does for a directory.
 * Ownership: copies the texts; the caller frees *@out with labdir_free().
 */
int labdir_from_texts(const char *ini, const char *readme, const char *starter,
                      const char *solution, const char *checks, struct lab_def **out,
                      struct lab_err *err) LAB_MUST_USE;

/*
 * Parse lab.ini text alone into @lab (used by labdir_load and the tests).
 * Errors name the line, and the key when there is one; a line starting with
 * a space or tab is refused (inih would read it as a continuation line).
 */
int labdir_parse_ini(const char *text, struct lab_def *lab, struct lab_err *err) LAB_MUST_USE;

void labdir_free(struct lab_def *lab);

#endif
