/*
 * main.c — labctl, the operator's tool: global options, dispatch to one
 * command file per area, and the only place that decides the exit status
 * (0 ok, 1 failed, 2 usage).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "ctl/args.h"
#include "ctl/ctl.h"
#include "ctl/out.h"

static const char usage_text[] =
    "usage: labctl [--db CONNINFO] [--config FILE] [--json] COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  migrate                      apply the schema migrations built into labctl\n"
    "  user add|list|passwd|disable manage accounts\n"
    "  cohort list|create|show      manage cohorts\n"
    "  audit [--limit N]            print the audit log\n"
    "  labs import|check|list|coverage  the lab catalog (labctl labs --help)\n"
    "\n"
    "options:\n"
    "  --db CONNINFO    libpq connection string (else [db] conninfo from the config,\n"
    "                   else the PG* environment)\n"
    "  --config FILE    labserver INI file to read [db] conninfo from (else $LAB_CONFIG)\n"
    "  --json           print one JSON object instead of text\n"
    "  -h, --help       this help; 'labctl COMMAND --help' for a command\n"
    "  --version        print the version\n";

static const struct {
    const char *name;
    int (*fn)(struct ctl *, int, char **, struct lab_err *);
} commands[] = {
    {"migrate", cmd_migrate}, {"user", cmd_user}, {"cohort", cmd_cohort},
    {"audit", cmd_audit},     {"labs", cmd_labs},
};

/* Global options end at the first word that is not one of them. */
static int parse_globals(struct ctl *c, int argc, char **argv, int *first, bool *help,
                         bool *version, struct lab_err *err)
{
    int i;

    for (i = 1; i < argc; i++) {
        const char *w = argv[i];

        if (!strcmp(w, "--json")) {
            c->json = true;
        } else if (!strcmp(w, "-h") || !strcmp(w, "--help")) {
            *help = true;
        } else if (!strcmp(w, "--version")) {
            *version = true;
        } else if (!strcmp(w, "--db") || !strcmp(w, "--config")) {
            if (i + 1 >= argc)
                return ctl_usage(err, "", "option '%s' needs a value", w);
            if (w[2] == 'd')
                c->db_opt = argv[++i];
            else
                c->config_opt = argv[++i];
        } else if (!strncmp(w, "--db=", 5)) {
            c->db_opt = w + 5;
        } else if (!strncmp(w, "--config=", 9)) {
            c->config_opt = w + 9;
        } else if (w[0] == '-') {
            return ctl_usage(err, "", "unknown option '%s'", w);
        } else {
            break;
        }
    }
    *first = i;
    return 0;
}

int main(int argc, char **argv)
{
    struct ctl c = {0};
    struct lab_err err = {0};
    bool help = false, version = false;
    int first = argc, rc;

    c.out = stdout;
    log_set_prog("labctl");
    /* Library notices are for debugging; an operator sees results and errors. */
    log_set_level(LOG_WARN);
    rc = parse_globals(&c, argc, argv, &first, &help, &version, &err);
    if (rc == 0 && version) {
        printf("labctl %s\n", LAB_VERSION);
        return 0;
    }
    if (rc == 0 && first >= argc) {
        fputs(usage_text, help ? stdout : stderr);
        return help ? 0 : 2;
    }
    if (rc == 0) {
        rc = ctl_usage(&err, "", "unknown command '%s'", argv[first]);
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
            if (!strcmp(commands[i].name, argv[first])) {
                memset(&err, 0, sizeof err);
                rc = commands[i].fn(&c, argc - first, argv + first, &err);
                break;
            }
        }
        if (rc == CTL_E_USAGE && !err.hint[0])
            lab_err_hint(&err, "see 'labctl --help'");
    }
    if (rc < 0) {
        out_error(c.out, c.json, &err);
    }
    fflush(c.out);
    ctl_release(&c);
    if (rc == CTL_E_USAGE)
        return 2;
    return rc < 0 ? 1 : 0;
}
