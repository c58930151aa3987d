/*
 * conn.c — where labctl finds its database, and the connection it keeps.
 *
 * The conninfo comes from --db, else from the [db] conninfo line of the INI
 * file named by --config or $LAB_CONFIG, else libpq's PG* environment. The INI
 * file is labserver's own config, so every other section and key is ignored
 * here (common/cfg.c would reject them; that is right for labserver, wrong
 * for a tool that only needs one line of it), which is why this file reads
 * it with inih directly.
 */
#include "ctl/ctl.h"

#include <ini.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"

struct ini_ctx {
    char *conninfo;
    bool oom;
};

static int on_ini(void *user, const char *section, const char *name, const char *value)
{
    struct ini_ctx *c = user;

    if (strcmp(section, "db") != 0 || strcmp(name, "conninfo") != 0)
        return 1;
    free(c->conninfo);
    c->conninfo = str_dup(value);
    if (!c->conninfo)
        c->oom = true;
    return 1;
}

/* Resolve the conninfo into c->conninfo ("" means libpq's defaults). */
static int resolve(struct ctl *c, struct lab_err *err)
{
    const char *path = c->config_opt ? c->config_opt : getenv("LAB_CONFIG");
    struct ini_ctx ic = {NULL, false};
    int rc;

    if (c->db_opt) {
        c->conninfo = str_dup(c->db_opt);
        return c->conninfo ? 0 : lab_errf(err, LAB_E_NOMEM, "out of memory");
    }
    if (path && *path) {
        rc = ini_parse(path, on_ini, &ic);
        if (rc == -1) {
            lab_errf(err, LAB_E_CONFIG, "cannot open config file '%s'", path);
            lab_err_hint(err, "check the path given by %s, or pass --db CONNINFO",
                         c->config_opt ? "--config" : "$LAB_CONFIG");
            return LAB_E_CONFIG;
        }
        if (rc != 0 && !ic.oom) {
            free(ic.conninfo);
            lab_errf(err, LAB_E_CONFIG, "%s:%d: not a valid INI line", path, rc);
            lab_err_hint(err, "lines are '[section]', 'key = value' or comments");
            return LAB_E_CONFIG;
        }
        if (ic.oom)
            return lab_errf(err, LAB_E_NOMEM, "out of memory");
    }
    c->conninfo = ic.conninfo ? ic.conninfo : str_dup("");
    return c->conninfo ? 0 : lab_errf(err, LAB_E_NOMEM, "out of memory");
}

int ctl_db(struct ctl *c, struct db **out, struct lab_err *err)
{
    int rc;

    if (!c->db) {
        if (!c->conninfo) {
            rc = resolve(c, err);
            if (rc < 0)
                return rc;
        }
        rc = db_connect(c->conninfo, &c->db, err);
        if (rc == LAB_E_UNAVAILABLE)
            lab_err_hint(err, "is it running? (ops/pg.sh start DIR PORT; or pass --db CONNINFO)");
        if (rc < 0)
            return rc;
    }
    *out = c->db;
    return 0;
}

void ctl_release(struct ctl *c)
{
    db_free(c->db);
    c->db = NULL;
    free(c->conninfo);
    c->conninfo = NULL;
}

int ctl_usage(struct lab_err *err, const char *area, const char *fmt, ...)
{
    va_list ap;

    lab_errf(err, CTL_E_USAGE, "%s", "");
    if (err) {
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        lab_err_hint(err, "see 'labctl %s%s--help'", area, *area ? " " : "");
    }
    return CTL_E_USAGE;
}
