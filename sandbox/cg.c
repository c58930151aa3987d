/*
 * cg.c — discovers the host's cgroup layout and owns the slot's cgroup dirs.
 *
 * Hosts differ: stock Debian 12 is pure cgroup v2; the build machine is a
 * hybrid with memory and pids in v1 and a controller-less v2 beside them.
 * We look at /proc/self/mountinfo and /proc/self/cgroup, nest everything
 * below the caller's own cgroup (so the caller's limits still apply), and
 * record per slot which mechanism limits memory and what is missing, so a
 * result can say so instead of pretending.
 */
#include "sandbox/cg.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/log.h"
#include "common/str.h"

struct hier {
    char mnt[PATH_MAX]; /* mount point, "" if not mounted */
    char own[PATH_MAX]; /* our cgroup path inside it */
};

static int write_str(const char *path, const char *s)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    int rc = 0;

    if (fd < 0)
        return -errno;
    if (write(fd, s, strlen(s)) < 0)
        rc = -errno;
    close(fd);
    return rc;
}

static ssize_t read_small(const char *path, char *buf, size_t cap)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n;

    if (fd < 0)
        return -errno;
    n = read(fd, buf, cap - 1);
    if (n < 0)
        n = -errno;
    else
        buf[n] = '\0';
    close(fd);
    return n;
}

/* The number that starts @s (a cgroup file's value, newline after it), or 0. */
static uint64_t leading_u64(const char *s)
{
    uint64_t v;

    return parse_u64_prefix(s, UINT64_MAX, &v, NULL) == 0 ? v : 0;
}

/* Value of "key N" in a flat-keyed cgroup file, or 0. */
static uint64_t read_keyed(const char *dir, const char *file, const char *key)
{
    char path[PATH_MAX + 64], buf[4096];
    size_t klen = strlen(key);
    char *p;

    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (read_small(path, buf, sizeof buf) <= 0)
        return 0;
    for (p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        if (!strncmp(p, key, klen) && p[klen] == ' ')
            return leading_u64(p + klen + 1);
    }
    return 0;
}

static uint64_t read_u64(const char *dir, const char *file)
{
    char path[PATH_MAX + 64], buf[64];

    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (read_small(path, buf, sizeof buf) <= 0)
        return 0;
    return leading_u64(buf);
}

static bool file_exists(const char *dir, const char *file)
{
    char path[PATH_MAX + 64];

    snprintf(path, sizeof path, "%s/%s", dir, file);
    return access(path, F_OK) == 0;
}

static bool has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    const char *p = list;

    while ((p = strstr(p, word))) {
        bool start = p == list || p[-1] == ',' || p[-1] == ' ';
        bool end = p[n] == '\0' || p[n] == ',' || p[n] == ' ' || p[n] == '\n';
        if (start && end)
            return true;
        p += n;
    }
    return false;
}

/* Fill @v2 and the three v1 hierarchies from mountinfo and /proc/self/cgroup. */
static void discover(struct hier *v2, struct hier *mem, struct hier *pids, struct hier *cpu)
{
    FILE *f = fopen("/proc/self/mountinfo", "re");
    char line[4096];

    if (f) {
        while (fgets(line, sizeof line, f)) {
            char mnt[PATH_MAX], fstype[64], super[1024];
            const char *dash = strstr(line, " - ");

            if (!dash || sscanf(line, "%*s %*s %*s %*s %4095s", mnt) != 1 ||
                sscanf(dash + 3, "%63s %*s %1023s", fstype, super) != 2)
                continue;
            if (!strcmp(fstype, "cgroup2") && !v2->mnt[0] &&
                str_copy(v2->mnt, sizeof v2->mnt, mnt) < 0)
                v2->mnt[0] = '\0';
            if (strcmp(fstype, "cgroup"))
                continue;
            if (has_word(super, "memory") && !mem->mnt[0] &&
                str_copy(mem->mnt, sizeof mem->mnt, mnt) < 0)
                mem->mnt[0] = '\0';
            if (has_word(super, "pids") && !pids->mnt[0] &&
                str_copy(pids->mnt, sizeof pids->mnt, mnt) < 0)
                pids->mnt[0] = '\0';
            if (has_word(super, "cpuacct") && !cpu->mnt[0] &&
                str_copy(cpu->mnt, sizeof cpu->mnt, mnt) < 0)
                cpu->mnt[0] = '\0';
        }
        fclose(f);
    }
    f = fopen("/proc/self/cgroup", "re");
    if (!f)
        return;
    while (fgets(line, sizeof line, f)) {
        char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        char *nl = strchr(line, '\n');

        if (!c2)
            continue;
        if (nl)
            *nl = '\0';
        *c2 = '\0';
        if (c1[1] == '\0' && !strcmp(line, "0")) {
            if (str_copy(v2->own, sizeof v2->own, c2 + 1) < 0)
                v2->own[0] = '\0';
            continue;
        }
        if (has_word(c1 + 1, "memory") && str_copy(mem->own, sizeof mem->own, c2 + 1) < 0)
            mem->own[0] = '\0';
        if (has_word(c1 + 1, "pids") && str_copy(pids->own, sizeof pids->own, c2 + 1) < 0)
            pids->own[0] = '\0';
        if (has_word(c1 + 1, "cpuacct") && str_copy(cpu->own, sizeof cpu->own, c2 + 1) < 0)
            cpu->own[0] = '\0';
    }
    fclose(f);
}

/* Kill whatever is in @dir (a previous owner crashed) and wait until it is empty. */
static void drain(const char *dir, pid_t except)
{
    char path[PATH_MAX + 32], buf[4096];
    int round;

    snprintf(path, sizeof path, "%s/cgroup.procs", dir);
    for (round = 0; round < 200; round++) {
        ssize_t n = read_small(path, buf, sizeof buf);
        int killed = 0;
        const char *p = buf;

        if (n <= 0)
            return;
        while (*p) {
            const char *end;
            uint64_t pid;
            if (parse_u64_prefix(p, INT32_MAX, &pid, &end) < 0)
                break;
            if (pid > 0 && (pid_t)pid != except) {
                kill((pid_t)pid, SIGKILL);
                killed++;
            }
            p = end;
            while (*p == '\n')
                p++;
        }
        if (!killed)
            return;
        if (round == 0)
            log_event(LOG_WARN, "sandbox.stale_killed", "cgroup=%s n=%d", dir, killed);
        nanosleep(&(struct timespec){0, 5 * 1000 * 1000}, NULL);
    }
}

/* mkdir -p for the two levels we own below @base; fills @out with the slot dir. */
static int make_slot_dir(const char *base, unsigned index, char *out, size_t cap)
{
    char top[PATH_MAX];

    if ((size_t)snprintf(top, sizeof top, "%s/labsandbox", base) >= sizeof top ||
        (size_t)snprintf(out, cap, "%s/slot%u", top, index) >= cap)
        return LAB_E_TOO_LARGE;
    if (mkdir(top, 0755) < 0 && errno != EEXIST)
        return -errno;
    if (mkdir(out, 0755) < 0 && errno != EEXIST)
        return -errno;
    return 0;
}

static int base_of(const struct hier *h, const char *parent, char *out, size_t cap)
{
    const char *rel = parent && parent[0] ? parent : h->own;

    if (!h->mnt[0])
        return LAB_E_NOT_FOUND;
    if ((size_t)snprintf(out, cap, "%s%s%s", h->mnt, rel[0] == '/' ? "" : "/", rel) >= cap)
        return LAB_E_TOO_LARGE;
    /* "/" as our own cgroup gives "<mnt>/"; drop the trailing slash. */
    if (strlen(out) > 1 && out[strlen(out) - 1] == '/')
        out[strlen(out) - 1] = '\0';
    return 0;
}

/*
 * cgroup v2: enable memory and pids for our subtree. A non-root cgroup that
 * holds processes cannot delegate controllers ("no internal processes"), which
 * is the usual state of a systemd service; then we move ourselves into a
 * "supervisor" leaf, as container runtimes do, and try again.
 */
static void v2_enable(const char *base, struct cg_slot *cg)
{
    char path[PATH_MAX + 64], ctrl[512], top[PATH_MAX + 16];
    const char *want = NULL;
    int rc;

    snprintf(path, sizeof path, "%s/cgroup.controllers", base);
    if (read_small(path, ctrl, sizeof ctrl) <= 0)
        return;
    bool mem = has_word(ctrl, "memory"), pids = has_word(ctrl, "pids");
    if (mem && pids)
        want = "+memory +pids";
    else if (mem)
        want = "+memory";
    else if (pids)
        want = "+pids";
    if (!want)
        return;
    snprintf(path, sizeof path, "%s/cgroup.subtree_control", base);
    rc = write_str(path, want);
    if (rc == -EBUSY) {
        char leaf[PATH_MAX + 32];
        snprintf(leaf, sizeof leaf, "%s/supervisor", base);
        if (mkdir(leaf, 0755) == 0 || errno == EEXIST) {
            char procs[PATH_MAX + 48];
            snprintf(procs, sizeof procs, "%s/cgroup.procs", leaf);
            if (write_str(procs, "0") == 0) {
                log_event(LOG_INFO, "sandbox.cgroup_moved_self", "to=%s", leaf);
                rc = write_str(path, want);
            }
        }
    }
    if (rc < 0) {
        log_event(LOG_WARN, "sandbox.cgroup_delegation_failed", "cgroup=%s err=\"%s\"", base,
                  strerror(-rc));
        return;
    }
    snprintf(top, sizeof top, "%s/labsandbox", base);
    snprintf(path, sizeof path, "%s/cgroup.subtree_control", top);
    if (write_str(path, want) < 0)
        return;
    cg->v2_memory = mem;
    cg->v2_pids = pids;
}

int cg_slot_open(struct cg_slot *cg, const struct sandbox_config *cfg, unsigned index,
                 struct lab_err *err)
{
    struct hier v2 = {{0}, {0}}, mem = {{0}, {0}}, pids = {{0}, {0}}, cpu = {{0}, {0}};
    char base[PATH_MAX];
    int rc;

    memset(cg, 0, sizeof *cg);
    discover(&v2, &mem, &pids, &cpu);

    if (base_of(&v2, cfg->cgroup_parent, base, sizeof base) == 0) {
        rc = make_slot_dir(base, index, cg->v2, sizeof cg->v2);
        if (rc < 0) {
            log_event(LOG_WARN, "sandbox.cgroup_unusable", "hier=v2 dir=%s err=\"%s\"", base,
                      lab_strerror(rc));
            cg->v2[0] = '\0';
        } else {
            v2_enable(base, cg);
            drain(cg->v2, 0);
        }
    }
    if (!cg->v2_memory && base_of(&mem, cfg->cgroup_parent, base, sizeof base) == 0) {
        if (make_slot_dir(base, index, cg->mem1, sizeof cg->mem1) < 0)
            cg->mem1[0] = '\0';
        else
            drain(cg->mem1, 0);
    }
    if (!cg->v2_pids && base_of(&pids, cfg->cgroup_parent, base, sizeof base) == 0) {
        if (make_slot_dir(base, index, cg->pids1, sizeof cg->pids1) < 0)
            cg->pids1[0] = '\0';
        else
            drain(cg->pids1, 0);
    }
    if (!(cg->v2[0] && file_exists(cg->v2, "cpu.stat")) &&
        base_of(&cpu, cfg->cgroup_parent, base, sizeof base) == 0) {
        if (make_slot_dir(base, index, cg->cpu1, sizeof cg->cpu1) < 0)
            cg->cpu1[0] = '\0';
        else
            drain(cg->cpu1, 0);
    }

    cg->mem = cg->v2_memory ? SANDBOX_MEM_CGROUP2
              : cg->mem1[0] ? SANDBOX_MEM_CGROUP1
                            : SANDBOX_MEM_RLIMIT_AS;
    if (cg->mem == SANDBOX_MEM_RLIMIT_AS)
        cg->missing |= SANDBOX_MISSING_MEMORY_CGROUP;
    if (!cg->v2_pids && !cg->pids1[0])
        cg->missing |= SANDBOX_MISSING_PIDS_CGROUP;
    if (!(cg->v2[0] && file_exists(cg->v2, "cpu.stat")) && !cg->cpu1[0])
        cg->missing |= SANDBOX_MISSING_CPU_CGROUP;

    if ((cfg->require_memory_cgroup && (cg->missing & SANDBOX_MISSING_MEMORY_CGROUP)) ||
        (cfg->require_pids_cgroup && (cg->missing & SANDBOX_MISSING_PIDS_CGROUP)) ||
        (cfg->require_cpu_cgroup && (cg->missing & SANDBOX_MISSING_CPU_CGROUP))) {
        lab_errf(
            err, LAB_E_UNAVAILABLE,
            "this host gives no usable %s cgroup, and the configuration requires one",
            (cfg->require_memory_cgroup && (cg->missing & SANDBOX_MISSING_MEMORY_CGROUP)) ? "memory"
            : (cfg->require_pids_cgroup && (cg->missing & SANDBOX_MISSING_PIDS_CGROUP))   ? "pids"
                                                                                          : "cpu");
        lab_err_hint(err, "run as root on a host with cgroup v2 (or v1 memory/pids) mounted, "
                          "set sandbox.cgroup_parent to a delegated cgroup, or turn off "
                          "sandbox.require_*_cgroup");
        cg_slot_close(cg);
        return LAB_E_UNAVAILABLE;
    }
    log_event(LOG_DEBUG, "sandbox.cgroup_ready", "slot=%u v2=%s mem1=%s pids1=%s memory=%s", index,
              cg->v2[0] ? cg->v2 : "-", cg->mem1[0] ? cg->mem1 : "-",
              cg->pids1[0] ? cg->pids1 : "-", sandbox_mem_mechanism_name(cg->mem));
    return 0;
}

static int attach_one(const char *dir, pid_t pid, struct lab_err *err)
{
    char path[PATH_MAX + 32], num[32];
    int rc;

    if (!dir[0])
        return 0;
    snprintf(path, sizeof path, "%s/cgroup.procs", dir);
    snprintf(num, sizeof num, "%d", (int)pid);
    rc = write_str(path, num);
    if (rc < 0) {
        lab_errf(err, rc, "cannot move the sandbox helper into cgroup '%s'", dir);
        lab_err_hint(err, "run as root; check that the cgroup filesystem is mounted read-write");
    }
    return rc;
}

int cg_attach(const struct cg_slot *cg, pid_t pid, struct lab_err *err)
{
    int rc;

    if ((rc = attach_one(cg->v2, pid, err)) < 0 || (rc = attach_one(cg->mem1, pid, err)) < 0 ||
        (rc = attach_one(cg->pids1, pid, err)) < 0 || (rc = attach_one(cg->cpu1, pid, err)) < 0)
        return rc;
    return 0;
}

static int write_u64(const char *dir, const char *file, uint64_t v)
{
    char path[PATH_MAX + 64], num[32];

    snprintf(path, sizeof path, "%s/%s", dir, file);
    snprintf(num, sizeof num, "%" PRIu64, v);
    return write_str(path, num);
}

static int set_v1_memory(const char *dir, uint64_t bytes, uint64_t old)
{
    bool memsw = file_exists(dir, "memory.memsw.limit_in_bytes");
    int rc;

    /* memsw must stay >= limit, so the order depends on the direction. */
    if (memsw && bytes > old && (rc = write_u64(dir, "memory.memsw.limit_in_bytes", bytes)) < 0)
        return rc;
    if ((rc = write_u64(dir, "memory.limit_in_bytes", bytes)) < 0)
        return rc;
    if (memsw && bytes <= old && (rc = write_u64(dir, "memory.memsw.limit_in_bytes", bytes)) < 0)
        return rc;
    return 0;
}

int cg_set_limits(struct cg_slot *cg, uint64_t mem_bytes, uint64_t pids, struct lab_err *err)
{
    int rc = 0;

    if (mem_bytes != cg->mem_limit) {
        if (cg->mem == SANDBOX_MEM_CGROUP2) {
            rc = write_u64(cg->v2, "memory.max", mem_bytes);
            if (rc == 0 && file_exists(cg->v2, "memory.swap.max"))
                rc = write_u64(cg->v2, "memory.swap.max", 0);
        } else if (cg->mem == SANDBOX_MEM_CGROUP1) {
            rc = set_v1_memory(cg->mem1, mem_bytes, cg->mem_limit ? cg->mem_limit : UINT64_MAX);
        }
        if (rc < 0)
            return lab_errf(err, rc, "cannot set the memory limit of the sandbox cgroup");
        cg->mem_limit = mem_bytes;
    }
    if (pids != cg->pids_limit) {
        if (cg->v2_pids)
            rc = write_u64(cg->v2, "pids.max", pids);
        else if (cg->pids1[0])
            rc = write_u64(cg->pids1, "pids.max", pids);
        if (rc < 0)
            return lab_errf(err, rc, "cannot set the process limit of the sandbox cgroup");
        cg->pids_limit = pids;
    }
    return 0;
}

bool cg_cpu_usec(const struct cg_slot *cg, uint64_t *usec)
{
    if (cg->cpu1[0]) {
        *usec = read_u64(cg->cpu1, "cpuacct.usage") / 1000;
        return true;
    }
    if (cg->v2[0] && !(cg->missing & SANDBOX_MISSING_CPU_CGROUP)) {
        *usec = read_keyed(cg->v2, "cpu.stat", "usage_usec");
        return true;
    }
    return false;
}

void cg_read_counters(const struct cg_slot *cg, struct cg_counters *c)
{
    memset(c, 0, sizeof *c);
    if (cg->mem == SANDBOX_MEM_CGROUP2) {
        c->oom_kills = read_keyed(cg->v2, "memory.events", "oom_kill");
        c->mem_max_hits = read_keyed(cg->v2, "memory.events", "max");
    } else if (cg->mem == SANDBOX_MEM_CGROUP1) {
        c->oom_kills = read_keyed(cg->mem1, "memory.oom_control", "oom_kill");
        c->mem_max_hits = read_u64(cg->mem1, "memory.failcnt");
    }
    if (cg->v2_pids)
        c->pids_max_hits = read_keyed(cg->v2, "pids.events", "max");
    else if (cg->pids1[0])
        c->pids_max_hits = read_keyed(cg->pids1, "pids.events", "max");
    c->has_cpu = cg_cpu_usec(cg, &c->cpu_usec);
}

int cg_peak_begin(const struct cg_slot *cg)
{
    char path[PATH_MAX + 32];
    int fd;

    if (cg->mem == SANDBOX_MEM_CGROUP1) {
        /* Writing 0 resets the high-water mark to the current usage. */
        snprintf(path, sizeof path, "%s/memory.max_usage_in_bytes", cg->mem1);
        write_str(path, "0");
        return -1;
    }
    if (cg->mem != SANDBOX_MEM_CGROUP2)
        return -1;
    /* Linux 6.12+: a write resets the peak as seen through this fd. */
    snprintf(path, sizeof path, "%s/memory.peak", cg->v2);
    fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd >= 0 && write(fd, "reset\n", 6) < 0) {
        close(fd);
        fd = -1;
    }
    return fd;
}

uint64_t cg_peak_end(const struct cg_slot *cg, int fd)
{
    char buf[64];
    ssize_t n;

    if (cg->mem == SANDBOX_MEM_CGROUP1)
        return read_u64(cg->mem1, "memory.max_usage_in_bytes");
    if (cg->mem != SANDBOX_MEM_CGROUP2)
        return 0;
    if (fd < 0)
        return read_u64(cg->v2, "memory.peak");
    n = pread(fd, buf, sizeof buf - 1, 0);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    return leading_u64(buf);
}

int cg_count_tasks(const struct cg_slot *cg)
{
    if (cg->v2_pids)
        return (int)read_u64(cg->v2, "pids.current");
    if (cg->pids1[0])
        return (int)read_u64(cg->pids1, "pids.current");
    return -1;
}

int cg_kill_all(const struct cg_slot *cg, pid_t except)
{
    const char *dirs[] = {cg->v2, cg->mem1, cg->pids1, cg->cpu1};
    size_t i;

    for (i = 0; i < ARRAY_SIZE(dirs); i++)
        if (dirs[i][0])
            drain(dirs[i], except);
    return 0;
}

void cg_slot_close(struct cg_slot *cg)
{
    char *dirs[] = {cg->v2, cg->mem1, cg->pids1, cg->cpu1};
    size_t i;

    for (i = 0; i < ARRAY_SIZE(dirs); i++) {
        if (!dirs[i][0])
            continue;
        /* A just-reaped process can keep the group busy for a moment. */
        for (int tries = 0; tries < 50 && rmdir(dirs[i]) < 0 && errno == EBUSY; tries++)
            nanosleep(&(struct timespec){0, 2 * 1000 * 1000}, NULL);
        dirs[i][0] = '\0';
    }
}
