/*
 * args.h — labctl's small command-line parser and argument validators.
 *
 * Table-driven like the config keys: each command lists its options, and
 * ctl_parse() fills the pointers they name. Options may come before, between
 * or after the positional words; "--name value", "--name=value" and "-x value"
 * are accepted; "--" ends the options. Nothing here prints or exits, so the
 * unit tests drive it directly.
 */
#ifndef LAB_CTL_ARGS_H
#define LAB_CTL_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"

#define CTL_E_USAGE (-1900) /* the command line is wrong: exit status 2 */

struct ctl_opt {
    const char *name;   /* "role" for --role */
    char short_name;    /* 'r' for -r, or 0 */
    const char **value; /* for options with a value: receives it */
    bool *flag;         /* for flags: set to true when present */
};

#define CTL_OPT_END                                                                                \
    {                                                                                              \
        NULL, 0, NULL, NULL                                                                        \
    }

struct ctl_args {
    const char *pos[1024]; /* positional words, borrowed from argv (lab directories can be many) */
    int n_pos;
    bool help; /* -h or --help was given */
};

/*
 * Parse @argv[1..@argc) against @opts (terminated by CTL_OPT_END). -h/--help is
 * always known. Returns 0 or CTL_E_USAGE with @err saying which word is wrong;
 * more than 1024 positionals is an error.
 */
int ctl_parse(int argc, char **argv, const struct ctl_opt *opts, struct ctl_args *out,
              struct lab_err *err) LAB_MUST_USE;

/* Usernames, cohort and display names: field_ok() of common/fields.h, as labserver checks them. */

/* "student", "instructor" or "admin". */
bool ctl_valid_role(const char *s);

#endif
