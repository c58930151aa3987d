/*
 * labstore.c — lab_versions statements shared by labctl and labserver (see labstore.h).
 */
#include "db/labstore.h"

#include <stdio.h>

#include "common/str.h"
#include "db/pg.h"
#include "grade/labdir.h"

/* "{a,b,c}": a text[] literal of names that need no quoting (roadmap items, module names). */
/* @names is an array of @n fixed-size strings, @stride bytes apart (as in struct lab_def). */
static void text_array(char *out, size_t cap, const char *names, size_t stride, size_t n)
{
    size_t off = (size_t)snprintf(out, cap, "{");

    for (size_t i = 0; i < n && off < cap; i++)
        off += (size_t)snprintf(out + off, cap - off, "%s%s", i ? "," : "", names + i * stride);
    if (off < cap)
        snprintf(out + off, cap - off, "}");
}

int db_lab_version_store(struct db *db, const struct lab_def *lab, int64_t cohort_id,
                         int64_t created_by, char *state, size_t state_cap, char *reason,
                         size_t reason_cap, struct lab_err *err)
{
    char items[LAB_MAX_ITEMS * 18 + 4], mods[LAB_MAX_MODULES * 66 + 4];
    char pts[DB_NUM_MAX], cpu[DB_NUM_MAX], wall[DB_NUM_MAX], mem[DB_NUM_MAX], outk[DB_NUM_MAX],
        procs[DB_NUM_MAX], cid[DB_NUM_MAX], uid[DB_NUM_MAX];
    struct db_res *r = NULL;
    int rc;

    text_array(items, sizeof items, lab->items[0], sizeof lab->items[0], lab->n_items);
    text_array(mods, sizeof mods, lab->modules[0], sizeof lab->modules[0], lab->n_modules);
    {
        const char *p[19] = {lab->id,
                             lab->version,
                             lab->title,
                             lab->section,
                             items,
                             db_param_u64(pts, lab->points),
                             db_param_u64(cpu, lab->limits.cpu_ms),
                             db_param_u64(wall, lab->limits.wall_ms),
                             db_param_u64(mem, lab->limits.memory_mb),
                             db_param_u64(outk, lab->limits.output_kb),
                             db_param_u64(procs, lab->limits.processes),
                             mods,
                             lab->ini,
                             lab->readme,
                             lab->starter,
                             lab->solution,
                             lab->checks,
                             cohort_id ? db_param_i64(cid, cohort_id) : NULL,
                             created_by ? db_param_i64(uid, created_by) : NULL};

        rc = db_exec(db,
                     "INSERT INTO lab_versions (lab_id, version, title, section, roadmap_items,"
                     " points, cpu_ms, wall_ms, memory_mb, output_kb, processes, modules, lab_ini,"
                     " statement_md, starter, solution, checks_py, cohort_id, created_by)"
                     " VALUES ($1, $2, $3, $4, $5::text[], $6::int, $7::int, $8::int, $9::int,"
                     " $10::int, $11::int, $12::text[], $13, $14, $15, $16, $17, $18, $19)"
                     " ON CONFLICT (lab_id, version) DO NOTHING",
                     19, p, NULL, err);
        if (rc < 0)
            return rc;
    }
    {
        const char *p[2] = {lab->id, lab->version};

        rc = db_exec(db,
                     "SELECT state, coalesce(reject_reason, '') FROM lab_versions"
                     " WHERE lab_id = $1 AND version = $2",
                     2, p, &r, err);
        if (rc < 0)
            return rc;
    }
    if (db_res_rows(r) != 1) {
        db_res_free(r);
        return LAB_E_NOT_FOUND;
    }
    (void)str_copy(state, state_cap, db_res_get(r, 0, 0));
    (void)str_copy(reason, reason_cap, db_res_get(r, 0, 1));
    db_res_free(r);
    return 0;
}
