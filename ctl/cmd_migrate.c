/*
 * cmd_migrate.c — `labctl migrate`: apply the embedded schema migrations.
 */
#include "ctl/ctl.h"

#include <stdlib.h>

#include "ctl/out.h"
#include "db/migrate.h"

static const char help[] = "usage: labctl migrate [--json]\n"
                           "\n"
                           "Apply the schema migrations built into this labctl, in order, each\n"
                           "in its own transaction. Safe to run again: it applies only what is\n"
                           "missing, and refuses if an applied migration has since changed.\n";

struct progress {
    struct ctl *c;
    const char **applied; /* names, borrowed from the embedded list */
    size_t n_applied;
    bool in_progress; /* "applying X ... " printed without its ending */
};

static void on_progress(void *arg, const struct migration *m, enum migrate_step step, long ms)
{
    struct progress *p = arg;

    if (step == MIGRATE_DONE)
        p->applied[p->n_applied++] = m->name;
    p->in_progress = step == MIGRATE_STARTED;
    if (p->c->json)
        return;
    if (step == MIGRATE_STARTED)
        fprintf(p->c->out, "applying %s ... ", m->name);
    else
        fprintf(p->c->out, "ok (%ld ms)\n", ms);
    fflush(p->c->out);
}

static void print_json(struct ctl *c, const struct progress *p, int version, int rc,
                       const struct lab_err *err)
{
    fprintf(c->out, "{\"ok\":%s,\"version\":%d,\"applied\":[", rc < 0 ? "false" : "true", version);
    for (size_t i = 0; i < p->n_applied; i++) {
        fputs(i ? "," : "", c->out);
        out_json_str(c->out, p->applied[i]);
    }
    fputc(']', c->out);
    if (rc < 0) {
        fputs(",\"error\":{\"code\":", c->out);
        out_json_str(c->out, out_code_name(rc));
        fputs(",\"text\":", c->out);
        out_json_str(c->out, err->msg);
        fputc('}', c->out);
    }
    fputs("}\n", c->out);
}

int cmd_migrate(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    const struct ctl_opt opts[] = {CTL_COMMON_OPTS(c), CTL_OPT_END};
    struct progress p = {c, NULL, 0, false};
    struct migrate_result res = {0, 0};
    struct ctl_args a;
    struct db *db;
    int rc;

    rc = ctl_parse(argc, argv, opts, &a, err);
    if (rc < 0)
        return rc;
    if (a.help) {
        fputs(help, c->out);
        return CTL_HELP_SHOWN;
    }
    if (a.n_pos > 0)
        return ctl_usage(err, "migrate", "unexpected argument '%s'", a.pos[0]);
    rc = ctl_db(c, &db, err);
    if (rc < 0)
        return rc;
    p.applied = calloc(db_n_migrations, sizeof *p.applied);
    if (!p.applied)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    rc = migrate_run(db, db_migrations, db_n_migrations, on_progress, &p, &res, err);
    if (c->json) {
        print_json(c, &p, res.version, rc, err);
        c->json = false; /* the JSON answer is written; main adds only the text line */
    } else if (p.in_progress) {
        fputs("failed\n", c->out);
    } else if (rc == 0 && res.n_applied == 0) {
        fprintf(c->out, "database is up to date (version %d)\n", res.version);
    } else if (rc == 0) {
        fprintf(c->out, "database is now at version %d (%d applied)\n", res.version, res.n_applied);
    }
    free(p.applied);
    return rc;
}
