/*
 * ctl.h — what every labctl command shares: the parsed global options, the
 * lazily opened database connection, and the exit-code convention.
 *
 * Commands are `int cmd_<area>(struct ctl *, int argc, char **argv, struct lab_err *)`
 * with argv[0] the area word ("user"). They return 0, CTL_HELP_SHOWN after
 * printing help, CTL_E_USAGE for a bad command line, or another negative
 * LAB_E_* code; main.c turns that into exit status 0, 2 or 1 and prints @err.
 */
#ifndef LAB_CTL_CTL_H
#define LAB_CTL_CTL_H

#include <stdbool.h>
#include <stdio.h>

#include "common/err.h"
#include "ctl/args.h"
#include "db/pg.h"

#define CTL_HELP_SHOWN 1

struct ctl {
    const char *db_opt;     /* --db, or NULL */
    const char *config_opt; /* --config, or NULL */
    bool json;              /* --json */
    FILE *out;              /* where results go (stdout) */
    struct db *db;          /* opened by ctl_db() on first use */
    char *conninfo;         /* resolved conninfo; owned */
};

/* Options every command accepts after its own words too. */
#define CTL_COMMON_OPTS(c)                                                                         \
    {"json", 0, NULL, &(c)->json}, {"db", 0, &(c)->db_opt, NULL},                                  \
    {                                                                                              \
        "config", 0, &(c)->config_opt, NULL                                                        \
    }

/*
 * Connect on first use: --db, else [db] conninfo from --config or $LAB_CONFIG,
 * else libpq's PG* defaults. Returns 0 or a negative code with a message that
 * says where it tried and what to do.
 */
int ctl_db(struct ctl *c, struct db **out, struct lab_err *err) LAB_MUST_USE;

/* Close the connection and free what ctl_db() resolved. */
void ctl_release(struct ctl *c);

/* Fill @err as a usage error: CTL_E_USAGE with the hint "labctl AREA --help". */
int ctl_usage(struct lab_err *err, const char *area, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The commands, one file each. */
int cmd_migrate(struct ctl *c, int argc, char **argv, struct lab_err *err);
int cmd_user(struct ctl *c, int argc, char **argv, struct lab_err *err);
int cmd_cohort(struct ctl *c, int argc, char **argv, struct lab_err *err);
int cmd_audit(struct ctl *c, int argc, char **argv, struct lab_err *err);
int cmd_labs(struct ctl *c, int argc, char **argv, struct lab_err *err);

#endif
