/*
 * upload.h — checking the files of a lab an instructor uploads with
 * LiveStartRequest, before anything is parsed or stored.
 *
 * An upload is exactly the five files of a lab directory, each named once
 * and nothing else: no folders, no dot names, no path tricks. The names are
 * compared byte for byte with the fixed list, so '../lab.ini', '/etc/passwd',
 * 'a/b', '.', '' and 'LAB.INI' are all refused by the same rule. Pure code,
 * unit-tested.
 */
#ifndef LAB_SERVER_UPLOAD_H
#define LAB_SERVER_UPLOAD_H

#include <stddef.h>
#include <stdint.h>

#define UPLOAD_N_FILES 5

/* lab.ini, README.md, starter.py, solution.py, checks.py (labdir_from_texts order). */
extern const char *const upload_names[UPLOAD_N_FILES];

struct upload_file {
    const char *path;
    const uint8_t *data;
    size_t len;
};

enum upload_check {
    UPLOAD_OK,
    UPLOAD_BAD_NAME,  /* not one of the five names */
    UPLOAD_DUPLICATE, /* a name given twice */
    UPLOAD_MISSING,   /* one of the five is absent */
    UPLOAD_NUL,       /* a file holds a NUL byte (lab files are text) */
    UPLOAD_TOO_LARGE, /* the files together exceed the cap */
};

/* The slot (0..4) of file name @name, or -1 when it is not one of the five. */
int upload_slot(const char *name);

/*
 * Check @n files against the rules and a total of @max_bytes. On UPLOAD_OK,
 * @slot_of[k] is the index in @f of upload_names[k]. Otherwise @why (capacity
 * @cap) gets a sentence naming the file, for the instructor.
 */
enum upload_check upload_check(const struct upload_file *f, size_t n, size_t max_bytes,
                               size_t slot_of[UPLOAD_N_FILES], char *why, size_t cap);

#endif
