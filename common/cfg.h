/*
 * cfg.h — table-driven INI configuration (inih underneath).
 *
 * Each program declares one table of keys ("section.name", type, default,
 * bounds, field offset) for its config struct. cfg_defaults() fills the
 * defaults, cfg_load_file() applies an INI file (unknown keys and bad values
 * are errors naming file, line and key), cfg_set() applies one command-line
 * override, cfg_print() writes the effective config as key=value lines.
 */
#ifndef LAB_COMMON_CFG_H
#define LAB_COMMON_CFG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/err.h"

enum cfg_type { CFG_T_STR, CFG_T_U32, CFG_T_BOOL, CFG_T_END };

struct cfg_key {
    const char *name; /* "section.key" */
    enum cfg_type type;
    size_t offset;
    const char *def_str; /* CFG_T_STR default (may be NULL) */
    uint32_t def_num, min, max;
    const char *help;
};

/* String fields are char * owned by the struct; release with cfg_release(). */
/* Unformatted: clang-format takes a macro's { } for a block and spreads each one over 4 lines. */
/* clang-format off */
#define CFG_STR(n, T, f, d, h) {n, CFG_T_STR, offsetof(T, f), d, 0, 0, 0, h}
#define CFG_U32(n, T, f, d, lo, hi, h) {n, CFG_T_U32, offsetof(T, f), NULL, d, lo, hi, h}
#define CFG_BOOL(n, T, f, d, h) {n, CFG_T_BOOL, offsetof(T, f), NULL, d, 0, 1, h}
#define CFG_END {NULL, CFG_T_END, 0, NULL, 0, 0, 0, NULL}
/* clang-format on */

/* Fill every field of @obj with its default. Returns 0 or LAB_E_NOMEM. */
int cfg_defaults(const struct cfg_key *keys, void *obj) LAB_MUST_USE;

/* Apply @path. Returns 0 or a negative code with @err filled. */
int cfg_load_file(const struct cfg_key *keys, void *obj, const char *path,
                  struct lab_err *err) LAB_MUST_USE;

/*
 * Like cfg_load_file(), but apply only the lines of the listed @sections
 * (NULL-terminated) and pass over every other section, so several programs
 * can share one file. Unknown keys inside a listed section are still errors.
 */
int cfg_load_file_sections(const struct cfg_key *keys, void *obj, const char *path,
                           const char *const *sections, struct lab_err *err) LAB_MUST_USE;

/* Apply "section.key=value" from the command line. */
int cfg_set_kv(const struct cfg_key *keys, void *obj, const char *kv,
               struct lab_err *err) LAB_MUST_USE;

/* Apply one key by name. */
int cfg_set(const struct cfg_key *keys, void *obj, const char *name, const char *value,
            struct lab_err *err) LAB_MUST_USE;

/* Print the effective configuration, one key=value per line. */
void cfg_print(const struct cfg_key *keys, const void *obj, FILE *out);

/* Print the keys with their defaults and help, for --help. */
void cfg_print_help(const struct cfg_key *keys, FILE *out);

/* Free the string fields. */
void cfg_release(const struct cfg_key *keys, void *obj);

#endif
