/*
 * cmd_labs.c — `labctl labs import|check|list|coverage`: the catalog.
 *
 * import stores each lab directory as a pending version (content-hashed, so
 * re-importing an unchanged lab is a no-op and old submissions keep pointing
 * at the version they were graded against) and waits while labworkers verify
 * them in the sandbox. check runs the same verification locally through
 * labsandbox, as a child process: labctl never links the sandbox. coverage
 * maps the catalog onto the numbered roadmap and needs no database.
 */
#include "ctl/ctl.h"

#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include "common/json.h"
#include "common/str.h"
#include "db/channels.h"
#include "db/labstore.h"
#include "ctl/out.h"
#include "grade/labdir.h"

static const char help[] =
    "usage: labctl labs COMMAND [OPTIONS]\n"
    "\n"
    "  import [--no-wait] [--wait SECONDS] DIR...\n"
    "        store each lab directory as a new version and wait (default 600 s) until a\n"
    "        labworker has verified it: its reference passes every check twice, its starter\n"
    "        fails one, within its limits. Unchanged labs are skipped. Exit 1 if any lab was\n"
    "        refused or is still waiting.\n"
    "  check DIR...\n"
    "        verify lab directories locally in the sandbox (runs labsandbox check; needs root)\n"
    "  list  the catalog: every lab, its live version and the state of its newest version\n"
    "  coverage [--roadmap FILE] [--require SECTIONS] [LABSDIR]\n"
    "        which roadmap items the labs under LABSDIR (default ./labs) teach; exit 1 if an\n"
    "        item of a required section (default: required_sections in LABSDIR/catalog.ini)\n"
    "        is not covered, or a lab names an item the roadmap does not have\n";

/* Every directory below @root holding a lab.ini, sorted. Ownership: free each and the array. */
static int find_labs(const char *root, char ***out, size_t *n, int depth, struct lab_err *err)
{
    struct dirent **ents = NULL;
    char path[PATH_MAX];
    struct stat st;
    int count, rc = 0;

    snprintf(path, sizeof path, "%s/lab.ini", root);
    if (lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        char **grown = realloc(*out, (*n + 1) * sizeof **out);
        if (!grown)
            return lab_errf(err, LAB_E_NOMEM, "out of memory");
        *out = grown;
        if (!(grown[*n] = str_dup(root)))
            return lab_errf(err, LAB_E_NOMEM, "out of memory");
        (*n)++;
        return 0;
    }
    if (depth > 4)
        return 0;
    count = scandir(root, &ents, NULL, alphasort);
    if (count < 0)
        return depth == 0 ? lab_errf(err, -errno, "cannot read '%s'", root) : 0;
    for (int i = 0; i < count; i++) {
        if (rc == 0 && ents[i]->d_name[0] != '.') {
            snprintf(path, sizeof path, "%s/%s", root, ents[i]->d_name);
            if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
                rc = find_labs(path, out, n, depth + 1, err);
        }
        free(ents[i]);
    }
    free(ents);
    return rc;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* ---- import ---------------------------------------------------------------------------- */

static int store_version(struct db *db, const struct lab_def *lab, char *state, size_t cap,
                         struct lab_err *err)
{
    char reason[sizeof err->msg];
    int rc = db_lab_version_store(db, lab, 0, 0, state, cap, reason, sizeof reason, err);

    if (rc == LAB_E_NOT_FOUND) {
        str_copy(state, cap, "missing");
        return 0;
    }
    if (rc < 0)
        return rc;
    if (!strcmp(state, "rejected"))
        lab_errf(err, LAB_E_PARSE, "%s", reason);
    return 0;
}

struct pending {
    char id[LAB_ID_MAX + 1];
    char version[65];
    const char *dir;
    bool done;
};

static int import_labs(struct ctl *c, char **dirs, size_t n_dirs, bool wait, unsigned wait_s,
                       struct lab_err *err)
{
    struct pending *pend = calloc(n_dirs ? n_dirs : 1, sizeof *pend);
    size_t n_pend = 0, n_live = 0, n_bad = 0, n_same = 0;
    bool tty = isatty(STDERR_FILENO) && !c->json;
    struct db *db;
    time_t start;
    int rc;

    if (!pend)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    rc = ctl_db(c, &db, err);
    if (rc < 0)
        goto out;
    for (size_t i = 0; i < n_dirs; i++) {
        struct lab_def *lab = NULL;
        struct lab_err e;
        char state[16];

        memset(&e, 0, sizeof e);
        if (labdir_load(dirs[i], &lab, &e) < 0) {
            fprintf(c->out, "refused   %-28s %s\n", dirs[i], e.msg);
            n_bad++;
            continue;
        }
        rc = store_version(db, lab, state, sizeof state, &e);
        if (rc < 0) {
            *err = e;
            labdir_free(lab);
            goto out;
        }
        if (!strcmp(state, "live")) {
            fprintf(c->out, "unchanged %-28s version %.12s is live\n", lab->id, lab->version);
            n_same++;
        } else if (!strcmp(state, "rejected")) {
            fprintf(c->out, "refused   %-28s %s\n", lab->id, e.msg);
            n_bad++;
        } else {
            str_copy(pend[n_pend].id, sizeof pend[n_pend].id, lab->id);
            str_copy(pend[n_pend].version, sizeof pend[n_pend].version, lab->version);
            pend[n_pend].dir = dirs[i];
            n_pend++;
        }
        labdir_free(lab);
    }
    if (n_pend) {
        rc = db_exec(db, DB_NOTIFY_QUEUE_SQL, 0, NULL, NULL, err);
        if (rc < 0)
            goto out;
    }
    if (!wait) {
        fprintf(c->out, "%zu lab%s queued for verification by a labworker\n", n_pend,
                n_pend == 1 ? "" : "s");
        n_pend = 0;
    }
    start = time(NULL);
    while (n_pend > 0) {
        size_t open = 0;

        for (size_t i = 0; i < n_pend; i++) {
            const char *p[2] = {pend[i].id, pend[i].version};
            struct db_res *r = NULL;

            if (pend[i].done)
                continue;
            rc = db_exec(db,
                         "SELECT state, coalesce(reject_reason, '') FROM lab_versions"
                         " WHERE lab_id = $1 AND version = $2",
                         2, p, &r, err);
            if (rc < 0)
                goto out;
            if (db_res_rows(r) && !strcmp(db_res_get(r, 0, 0), "live")) {
                if (tty)
                    fputs("\r\033[K", stderr);
                fprintf(c->out, "live      %-28s version %.12s\n", pend[i].id, pend[i].version);
                pend[i].done = true;
                n_live++;
            } else if (db_res_rows(r) && !strcmp(db_res_get(r, 0, 0), "rejected")) {
                if (tty)
                    fputs("\r\033[K", stderr);
                fprintf(c->out, "refused   %-28s %s\n", pend[i].id, db_res_get(r, 0, 1));
                pend[i].done = true;
                n_bad++;
            } else {
                open++;
            }
            db_res_free(r);
        }
        fflush(c->out);
        if (!open)
            break;
        if ((unsigned)(time(NULL) - start) >= wait_s) {
            fprintf(c->out, "%zu lab%s still waiting for verification after %u s\n", open,
                    open == 1 ? " is" : "s are", wait_s);
            lab_errf(err, LAB_E_UNAVAILABLE, "no labworker finished verifying %zu lab%s", open,
                     open == 1 ? "" : "s");
            lab_err_hint(err, "is labworker running against this database? the labs stay "
                              "queued and go live once one runs");
            rc = err->code;
            goto out;
        }
        if (tty)
            fprintf(stderr, "\r\033[Kverifying: %zu live, %zu refused, %zu waiting (%lds)", n_live,
                    n_bad, open, (long)(time(NULL) - start));
        usleep(200 * 1000);
    }
    if (tty)
        fputs("\r\033[K", stderr);
    fprintf(c->out, "%zu live, %zu unchanged, %zu refused\n", n_live, n_same, n_bad);
    rc = 0;
    if (n_bad)
        rc = lab_errf(err, LAB_E_PARSE, "%zu lab%s refused; see the reasons above", n_bad,
                      n_bad == 1 ? " was" : "s were");
out:
    free(pend);
    return rc;
}

/* ---- check ----------------------------------------------------------------------------- */

/* labsandbox beside labctl (installed), in the build tree, or on PATH. */
static void find_labsandbox(char *out, size_t cap)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);

    if (n > 0) {
        self[n] = '\0';
        char *dir = dirname(self);
        snprintf(out, cap, "%s/labsandbox", dir);
        if (access(out, X_OK) == 0)
            return;
        snprintf(out, cap, "%s/../labsandbox/labsandbox", dir);
        if (access(out, X_OK) == 0)
            return;
    }
    snprintf(out, cap, "labsandbox");
}

static int check_labs(struct ctl *c, char **dirs, size_t n, struct lab_err *err)
{
    char exe[PATH_MAX];
    char **argv = calloc(n + 4, sizeof *argv);
    pid_t pid;
    int status, k = 0;

    if (!argv)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    find_labsandbox(exe, sizeof exe);
    argv[k++] = exe;
    argv[k++] = "check";
    if (c->json)
        argv[k++] = "--json";
    for (size_t i = 0; i < n; i++)
        argv[k++] = dirs[i];
    argv[k] = NULL;
    fflush(c->out);
    pid = fork();
    if (pid == 0) {
        execvp(exe, argv);
        fprintf(stderr, "labctl: cannot run '%s': %s\n", exe, strerror(errno));
        _exit(127);
    }
    free(argv);
    if (pid < 0)
        return lab_errf(err, -errno, "cannot start labsandbox");
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return lab_errf(err, -errno, "waiting for labsandbox failed");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 1)
        return lab_errf(err, LAB_E_PARSE, "some labs failed verification; see the lines above");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        lab_errf(err, LAB_E_NOT_FOUND, "labsandbox was not found");
        lab_err_hint(err, "install labsandbox next to labctl or on PATH");
        return LAB_E_NOT_FOUND;
    }
    lab_errf(err, LAB_E_INTERNAL, "labsandbox could not verify the labs (exit status %d)",
             WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    lab_err_hint(err, "labsandbox needs root; see its message above");
    return LAB_E_INTERNAL;
}

/* ---- list ------------------------------------------------------------------------------ */

static int list_labs(struct ctl *c, struct lab_err *err)
{
    static const char *const heads[] = {"ID", "TITLE", "SECTION", "POINTS", "LIVE", "NEWEST"};
    static const char *const keys[] = {"id",     "title",        "section",
                                       "points", "live_version", "newest_state"};
    struct db_res *r = NULL;
    struct db *db;
    int rc = ctl_db(c, &db, err);

    if (rc < 0)
        return rc;
    rc = db_exec(db,
                 "SELECT l.id, l.title, l.section, l.points, left(l.version, 12),"
                 "  coalesce((SELECT v.state FROM lab_versions v WHERE v.lab_id = l.id"
                 "            ORDER BY v.created_at DESC LIMIT 1), '')"
                 " FROM labs l ORDER BY l.sort_key, l.id",
                 0, NULL, &r, err);
    if (rc < 0)
        return rc;
    out_listing(c->out, c->json, "labs", r, heads, keys, "sssnss");
    db_res_free(r);
    return 0;
}

/* ---- coverage -------------------------------------------------------------------------- */

struct item {
    char id[16];
    char title[160];
    int section;
    char labs[512]; /* comma-separated lab ids */
};

/* The section number @s starts with (1 for "1.2.3"), or 0 when it starts with no number. */
static int section_of(const char *s)
{
    uint64_t v;

    return parse_u64_prefix(s, INT32_MAX, &v, NULL) == 0 ? (int)v : 0;
}

static int read_roadmap(const char *path, struct item **out, size_t *n, struct lab_err *err)
{
    FILE *f = fopen(path, "re");
    char line[512];
    size_t cap = 0;

    *out = NULL;
    *n = 0;
    if (!f)
        return lab_errf(err, -errno, "cannot open the roadmap '%s'", path);
    while (fgets(line, sizeof line, f)) {
        char *tick, *end;
        struct item *it;

        /* Items are lines like "- `1.2.3` Title". */
        if (strncmp(line, "- `", 3) != 0)
            continue;
        tick = line + 3;
        end = strchr(tick, '`');
        if (!end || end - tick >= 16)
            continue;
        if (*n == cap) {
            struct item *g = realloc(*out, (cap = cap ? cap * 2 : 256) * sizeof *g);
            if (!g) {
                fclose(f);
                return lab_errf(err, LAB_E_NOMEM, "out of memory");
            }
            *out = g;
        }
        it = &(*out)[(*n)++];
        memset(it, 0, sizeof *it);
        memcpy(it->id, tick, (size_t)(end - tick));
        it->section = section_of(it->id);
        snprintf(it->title, sizeof it->title, "%s", end + 1 + (end[1] == ' '));
        it->title[strcspn(it->title, "\r\n")] = '\0';
    }
    fclose(f);
    if (*n == 0)
        return lab_errf(err, LAB_E_PARSE, "'%s' lists no roadmap items like - `1.1.1` Title", path);
    return 0;
}

static int catalog_ini(void *user, const char *section, const char *name, const char *value)
{
    char *out = user;

    if (!strcmp(section, "catalog") && !strcmp(name, "required_sections"))
        snprintf(out, 64, "%s", value);
    return 1;
}

static bool section_required(const char *list, int section)
{
    const char *p = list;

    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (*p && section_of(p) == section)
            return true;
        while (*p && *p != ',')
            p++;
    }
    return false;
}

static int coverage(struct ctl *c, const char *root, const char *roadmap, const char *require,
                    struct lab_err *err)
{
    struct item *items = NULL;
    char **dirs = NULL, path[PATH_MAX], required[64] = "";
    size_t n_items = 0, n_dirs = 0, n_missing_required = 0, n_unknown = 0, n_bad = 0;
    int rc;

    if (!roadmap) {
        snprintf(path, sizeof path, "%s/roadmap.md", root);
        roadmap = path;
    }
    rc = read_roadmap(roadmap, &items, &n_items, err);
    if (rc < 0)
        goto out;
    if (require) {
        snprintf(required, sizeof required, "%s", require);
    } else {
        char ini[PATH_MAX];
        snprintf(ini, sizeof ini, "%s/catalog.ini", root);
        if (access(ini, R_OK) == 0)
            ini_parse(ini, catalog_ini, required);
    }
    rc = find_labs(root, &dirs, &n_dirs, 0, err);
    if (rc < 0)
        goto out;
    for (size_t d = 0; d < n_dirs; d++) {
        struct lab_def *lab = NULL;
        struct lab_err e;

        if (labdir_load(dirs[d], &lab, &e) < 0) {
            fprintf(stderr, "labctl: %s: %s\n", dirs[d], e.msg);
            n_bad++;
            continue;
        }
        for (size_t k = 0; k < lab->n_items; k++) {
            size_t i;
            for (i = 0; i < n_items; i++) {
                if (!strcmp(items[i].id, lab->items[k])) {
                    size_t len = strlen(items[i].labs);
                    snprintf(items[i].labs + len, sizeof items[i].labs - len, "%s%s",
                             len ? ", " : "", lab->id);
                    break;
                }
            }
            if (i == n_items) {
                fprintf(stderr,
                        "labctl: %s lists roadmap item %s, which the roadmap does not have\n",
                        lab->id, lab->items[k]);
                n_unknown++;
            }
        }
        labdir_free(lab);
    }
    if (c->json) {
        fprintf(c->out, "{\"ok\":%s,\"labs\":%zu,\"items\":[", "true", n_dirs - n_bad);
        for (size_t i = 0; i < n_items; i++) {
            fprintf(c->out, "%s{\"id\":", i ? "," : "");
            out_json_str(c->out, items[i].id);
            fputs(",\"title\":", c->out);
            out_json_str(c->out, items[i].title);
            fprintf(c->out, ",\"covered\":%s,\"required\":%s,\"labs\":",
                    items[i].labs[0] ? "true" : "false",
                    section_required(required, items[i].section) ? "true" : "false");
            out_json_str(c->out, items[i].labs);
            fputc('}', c->out);
        }
        fputs("]", c->out);
    } else {
        for (size_t i = 0; i < n_items; i++)
            fprintf(c->out, "%-8s %-3s %-50.50s %s\n", items[i].id, items[i].labs[0] ? "yes" : "NO",
                    items[i].title, items[i].labs);
    }
    {
        int last = -1;
        size_t tot = 0, cov = 0;
        if (!c->json)
            fputc('\n', c->out);
        for (size_t i = 0; i <= n_items; i++) {
            if (i == n_items || items[i].section != last) {
                if (last >= 0 && !c->json)
                    fprintf(c->out, "section %d: %zu of %zu items covered%s\n", last, cov, tot,
                            section_required(required, last) ? " (required)" : "");
                if (i == n_items)
                    break;
                last = items[i].section;
                tot = cov = 0;
            }
            tot++;
            if (items[i].labs[0])
                cov++;
            else if (section_required(required, items[i].section))
                n_missing_required++;
        }
    }
    if (!c->json) {
        fprintf(c->out, "\nUncovered items in required sections:%s\n",
                n_missing_required ? "" : " none");
        for (size_t i = 0; i < n_items; i++)
            if (!items[i].labs[0] && section_required(required, items[i].section))
                fprintf(c->out, "  %s %s\n", items[i].id, items[i].title);
    } else {
        fprintf(c->out, ",\"missing_required\":%zu}\n", n_missing_required);
    }
    rc = 0;
    if (n_missing_required || n_unknown || n_bad)
        rc = lab_errf(err, LAB_E_PARSE,
                      "coverage incomplete: %zu required item%s uncovered, %zu unknown item "
                      "reference%s, %zu invalid lab%s",
                      n_missing_required, n_missing_required == 1 ? "" : "s", n_unknown,
                      n_unknown == 1 ? "" : "s", n_bad, n_bad == 1 ? "" : "s");
out:
    free(items);
    free_list(dirs, n_dirs);
    return rc;
}

int cmd_labs(struct ctl *c, int argc, char **argv, struct lab_err *err)
{
    const char *wait_s = "600", *roadmap = NULL, *require = NULL;
    bool no_wait = false;
    const struct ctl_opt opts[] = {{"wait", 0, &wait_s, NULL},
                                   {"no-wait", 0, NULL, &no_wait},
                                   {"roadmap", 0, &roadmap, NULL},
                                   {"require", 0, &require, NULL},
                                   CTL_COMMON_OPTS(c),
                                   CTL_OPT_END};
    struct ctl_args a;
    uint64_t w;
    int rc;

    rc = ctl_parse(argc, argv, opts, &a, err);
    if (rc < 0 || a.help || a.n_pos == 0)
        return rc < 0   ? rc
               : a.help ? (fputs(help, c->out), CTL_HELP_SHOWN)
                        : ctl_usage(err, "labs",
                                    "name a command: import, check, "
                                    "list or coverage");
    if (!strcmp(a.pos[0], "coverage")) {
        if (a.n_pos > 2)
            return ctl_usage(err, "labs", "coverage takes one labs directory");
        return coverage(c, a.n_pos == 2 ? a.pos[1] : "labs", roadmap, require, err);
    }
    if (!strcmp(a.pos[0], "list"))
        return a.n_pos == 1 ? list_labs(c, err) : ctl_usage(err, "labs", "list takes no arguments");
    if (strcmp(a.pos[0], "import") && strcmp(a.pos[0], "check"))
        return ctl_usage(err, "labs", "unknown labs command '%s'", a.pos[0]);
    if (a.n_pos < 2)
        return ctl_usage(err, "labs", "name at least one lab directory");
    if (parse_u64(wait_s, 86400, &w) < 0)
        return ctl_usage(err, "labs", "--wait takes seconds, 0 to 86400");
    if (!strcmp(a.pos[0], "check"))
        return check_labs(c, (char **)(uintptr_t)(a.pos + 1), (size_t)a.n_pos - 1, err);
    return import_labs(c, (char **)(uintptr_t)(a.pos + 1), (size_t)a.n_pos - 1, !no_wait,
                       (unsigned)w, err);
}
