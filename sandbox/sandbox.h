/*
 * sandbox.h — run untrusted Python (or any program) in a locked-down box.
 *
 * The public face of lab_sandbox, used by labworker and labsandbox. Nothing
 * else in sandbox/ is public; the other headers are internal.
 *
 * Shape. A *slot* is one lane of execution with its own unprivileged host uid
 * (uid_base + index), its own cgroups, and a long-lived helper process (the
 * "zygote") that already lives in the slot's user, network (loopback only),
 * UTS and cgroup namespaces and holds a pre-built read-only root (host /usr,
 * symlinks, a minimal /etc and /dev). Each run forks from the zygote into
 * fresh PID, mount and IPC namespaces, gets a fresh size-limited tmpfs for
 * /tmp, /work and /dev/shm, and is gone, with everything it started and every
 * file it wrote, when sandbox_slot_run() returns. This costs about the same as
 * starting the program bare; see tests/bench.
 *
 * Typical worker use, one slot per worker thread:
 *
 *     struct sandbox_config cfg;
 *     struct sandbox_limits lim;
 *     struct sandbox_slot *slot;
 *     struct lab_err err;
 *
 *     sandbox_config_default(&cfg);
 *     sandbox_limits_default(&lim);
 *     if (sandbox_slot_new(0, &cfg, &lim, &slot, &err) < 0)
 *         ... report err.msg / err.detail / err.hint, stop ...
 *
 *     static const char *const argv[] = {"/usr/bin/python3", "-I", "/harness/run.py", NULL};
 *     struct sandbox_file files[] = {
 *         {.path = "student.py", .data = code, .len = code_len},
 *         {.path = "checks.py", .data = checks, .len = checks_len},
 *     };
 *     struct sandbox_bind binds[] = {{.host_path = "/usr/share/labserver/harness",
 *                                     .box_path = "/harness"}};
 *     struct sandbox_job job = {
 *         .argv = argv,
 *         .files = files, .n_files = 2,
 *         .binds = binds, .n_binds = 1,
 *         .stdin_data = "", .stdin_len = 0,
 *         .result_fd = 3,          // the harness writes its result lines to fd 3
 *     };
 *     struct sandbox_result res;
 *     if (sandbox_slot_run(slot, &job, &res, &err) < 0)
 *         ... the box could not be started (err says why); res is empty ...
 *     else
 *         ... res.verdict, res.out / res.err / res.res (bytes + how many were cut) ...
 *     sandbox_result_release(&res);
 *     ...
 *     sandbox_slot_free(slot);
 *
 * What the program sees: cwd /work (the placed files, owned by it), uid 1000
 * "student", gid 1000, hostname "sandbox", PATH=/usr/local/bin:/usr/bin:/bin,
 * HOME=/work, LANG=C.UTF-8, PYTHONDONTWRITEBYTECODE=1, PYTHONIOENCODING=utf-8,
 * PYTHONUNBUFFERED=1, plus job->env. stdin is the given bytes (or /dev/null),
 * stdout and stderr are pipes to the caller, result_fd (if >= 3) is a third
 * pipe captured separately. No other fds, no capabilities, no_new_privs, a
 * seccomp filter, no controlling terminal, only loopback networking.
 *
 * Threads: different slots may be used from different threads at once; one
 * slot is used by one thread at a time. Create slots from a thread that lives
 * as long as the slots (the zygote dies with the thread that created it) and
 * before the process reads secrets (the zygote is a fork of the caller; it is
 * non-dumpable, runs as a uid the box cannot touch and is invisible from the
 * box, but it is still a copy of the caller's memory).
 *
 * Needs root (or CAP_SYS_ADMIN + CAP_SETUID/SETGID over the slot uids) for
 * the uid mapping and cgroups. Every failure to start is a struct lab_err with
 * a hint; every run that started gets a verdict.
 */
#ifndef LAB_SANDBOX_SANDBOX_H
#define LAB_SANDBOX_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/cfg.h"
#include "common/err.h"

/* Limits for one run. Zero never means "unlimited"; every field is enforced. */
struct sandbox_limits {
    uint32_t cpu_ms;    /* CPU time of everything the run starts, summed */
    uint32_t wall_ms;   /* wall-clock time from start to the last process exiting */
    uint32_t memory_mb; /* cgroup memory (RSS + tmpfs + kernel), or RLIMIT_AS as a fallback */
    uint32_t procs;     /* processes + threads alive at once */
    uint32_t files;     /* open files per process (RLIMIT_NOFILE) */
    uint32_t fsize_kb;  /* largest file a process may write (RLIMIT_FSIZE) */
    uint32_t disk_mb;   /* /tmp + /work + /dev/shm together (one tmpfs) */
    uint32_t inodes;    /* files + directories in that tmpfs */
    uint32_t output_kb; /* stdout and stderr are each kept up to this; more is cut */
    uint32_t result_kb; /* the result fd is kept up to this */
};

/* Per-slot settings, fixed for the slot's life. Strings are borrowed. */
struct sandbox_config {
    uint32_t uid_base;          /* slot i runs as host uid/gid uid_base + i */
    uint32_t max_slots;         /* slot indexes are 0 .. max_slots-1 */
    const char *state_dir;      /* lock files; default /run/labsandbox */
    const char *cgroup_parent;  /* "" = below the caller's own cgroups */
    bool require_memory_cgroup; /* refuse to start without a memory cgroup */
    bool require_pids_cgroup;   /* refuse to start without a pids cgroup */
    bool require_cpu_cgroup;    /* refuse to start without cgroup CPU accounting */
};

void sandbox_limits_default(struct sandbox_limits *lim);
void sandbox_config_default(struct sandbox_config *cfg);

/*
 * The [sandbox] keys of an INI file, for programs that load one with
 * common/cfg.h. They fill a struct sandbox_settings.
 */
struct sandbox_settings {
    struct sandbox_limits limits;
    uint32_t uid_base, max_slots;
    char *state_dir, *cgroup_parent;
    bool require_memory_cgroup, require_pids_cgroup, require_cpu_cgroup;
};
extern const struct cfg_key sandbox_cfg_keys[];

/* Copy the settings into the two structs (strings stay owned by @s). */
void sandbox_settings_apply(const struct sandbox_settings *s, struct sandbox_config *cfg,
                            struct sandbox_limits *lim);

/* Check limits for sense (e.g. wall >= 1 ms). 0 or LAB_E_RANGE with @err filled. */
int sandbox_limits_check(const struct sandbox_limits *lim, struct lab_err *err) LAB_MUST_USE;

/*
 * A file placed in /work before the program starts. @path is relative to
 * /work ("a.py", "data/in.txt"; subdirectories are created; no "..", no
 * leading "/"). Content is @data/@len, or, when @data is NULL and @fd >= 0,
 * everything read from @fd (the caller keeps the fd). @mode 0 means 0644.
 * Placement is done inside the fresh box before any untrusted code runs.
 */
struct sandbox_file {
    const char *path;
    const void *data;
    size_t len;
    int fd;
    uint32_t mode;
};

/*
 * A host directory or file shown read-only (nosuid, nodev) at @box_path, an
 * absolute path outside /usr /proc /dev /etc /tmp /work /bin /lib /lib64
 * /sbin, e.g. "/lab" or "/harness". The mount point is created on first use.
 */
struct sandbox_bind {
    const char *host_path;
    const char *box_path;
};

struct sandbox_job {
    const char *const *argv; /* argv[0] is a path inside the box; NULL-terminated */
    const char *const *env;  /* extra "KEY=VALUE" entries, NULL-terminated; may be NULL */
    const void *stdin_data;  /* stdin bytes; NULL with stdin_fd < 0 means /dev/null */
    size_t stdin_len;
    int stdin_fd; /* or read stdin from this fd's current content (copied) */
    const struct sandbox_file *files;
    size_t n_files;
    const struct sandbox_bind *binds;
    size_t n_binds;
    int result_fd;                       /* box fd (>= 3) captured separately, or 0 for none */
    const struct sandbox_limits *limits; /* NULL = the slot's defaults */
};

enum sandbox_verdict {
    SANDBOX_OK = 0,        /* exited with status 0 */
    SANDBOX_RUNTIME_ERROR, /* non-zero exit (exit_code) or killed by a signal (term_signal) */
    SANDBOX_CPU_TIME_LIMIT,
    SANDBOX_WALL_TIME_LIMIT,
    SANDBOX_MEMORY_LIMIT,
    SANDBOX_OUTPUT_LIMIT,      /* stdout, stderr or the result fd went past its cap */
    SANDBOX_PROCESS_LIMIT,     /* the process/thread limit was hit and the run failed */
    SANDBOX_FORBIDDEN_SYSCALL, /* a process in the box tried a blocked system call */
    SANDBOX_INTERNAL_ERROR,    /* the sandbox failed; message says why. Not the student's fault */
};

enum sandbox_mem_mechanism {
    SANDBOX_MEM_CGROUP2 = 0, /* memory.max */
    SANDBOX_MEM_CGROUP1,     /* memory.limit_in_bytes */
    SANDBOX_MEM_RLIMIT_AS,   /* address space per process: coarse, counts reservations */
};

/* Protections this host could not give (bit set = missing). */
enum {
    SANDBOX_MISSING_MEMORY_CGROUP = 1u << 0,
    SANDBOX_MISSING_PIDS_CGROUP = 1u << 1,
    SANDBOX_MISSING_CPU_CGROUP = 1u << 2,
};

/* A captured stream. @data is NUL-terminated (not counted in @len) and may hold any bytes. */
struct sandbox_output {
    char *data;
    size_t len;
    uint64_t cut; /* bytes the program wrote beyond the cap (lost) */
};

struct sandbox_result {
    enum sandbox_verdict verdict;
    int exit_code;   /* valid when term_signal == 0 */
    int term_signal; /* signal that killed the main process, 0 if it exited */
    uint64_t cpu_ms;
    uint64_t wall_ms;
    uint64_t peak_memory_bytes;
    bool peak_is_rss; /* true: peak is the largest single-process RSS, not the cgroup peak */
    struct sandbox_output out, err, res;
    enum sandbox_mem_mechanism memory_mechanism;
    uint32_t missing;            /* SANDBOX_MISSING_* */
    uint32_t forbidden_syscalls; /* processes killed by the seccomp filter */
    char message[256];           /* one line: what happened, for a person ("" when ok) */
};

struct sandbox_slot;

/*
 * Create slot @index (0 .. cfg->max_slots-1): take its lock (one process per
 * slot on a host), prepare its cgroups (killing anything a crashed previous
 * owner left there), compile the seccomp filter and start its zygote.
 * @defaults are the limits used by jobs that give none (copied).
 *
 * Returns 0, LAB_E_BUSY if another process holds the slot, LAB_E_UNAVAILABLE
 * if the host lacks a required protection, or another negative code; @err
 * says what and what to do.
 *
 * Ownership: on success the caller owns *@out and frees it with sandbox_slot_free().
 */
int sandbox_slot_new(unsigned index, const struct sandbox_config *cfg,
                     const struct sandbox_limits *defaults, struct sandbox_slot **out,
                     struct lab_err *err) LAB_MUST_USE;

/* Try slots 0.. until one is free; like sandbox_slot_new(). */
int sandbox_slot_new_any(const struct sandbox_config *cfg, const struct sandbox_limits *defaults,
                         struct sandbox_slot **out, struct lab_err *err) LAB_MUST_USE;

/* The slot's host uid. */
uint32_t sandbox_slot_uid(const struct sandbox_slot *s);

/*
 * Run @job in the slot and wait for it. Returns 0 when the run happened
 * (whatever its verdict; @res is filled and must be released), or a negative
 * code when it could not start (bad job, host problem; @err says why and @res
 * is zeroed, release is still allowed). A slot whose zygote died is restarted
 * on the next call.
 *
 * Ownership: the caller releases @res with sandbox_result_release().
 */
int sandbox_slot_run(struct sandbox_slot *s, const struct sandbox_job *job,
                     struct sandbox_result *res, struct lab_err *err) LAB_MUST_USE;

/* Stop the zygote, remove the slot's cgroups, drop the lock. Accepts NULL. */
void sandbox_slot_free(struct sandbox_slot *s);

/* Free the captured streams; the struct may be reused. Accepts a zeroed result. */
void sandbox_result_release(struct sandbox_result *res);

/* "ok", "runtime_error", "cpu_time_limit", ... (stable: used in JSON and logs). */
const char *sandbox_verdict_name(enum sandbox_verdict v);
/* "cgroup2", "cgroup1", "rlimit_as". */
const char *sandbox_mem_mechanism_name(enum sandbox_mem_mechanism m);

/*
 * Write @res as one JSON object (and a newline). Strings are valid JSON
 * whatever the program printed: control characters are \u-escaped and
 * invalid UTF-8 is replaced by U+FFFD, in which case the raw bytes are also
 * given as "<stream>_base64". Returns 0 or -errno from the stream.
 */
int sandbox_result_write_json(const struct sandbox_result *res, FILE *out) LAB_MUST_USE;

/*
 * Write @res for a teacher: verdict, figures, then stdout/stderr with control
 * characters and escape sequences neutralised. @colour adds ANSI colour.
 */
int sandbox_result_write_text(const struct sandbox_result *res, FILE *out,
                              bool colour) LAB_MUST_USE;

#endif
