/*
 * main.c — labworker: claims queued submissions and pending lab versions from
 * PostgreSQL and grades them in sandbox slots, one thread per slot.
 *
 * Each thread owns one database connection (LISTENing on lab_queue, with a
 * poll as the fallback for missed notifications) and one sandbox slot created
 * from that thread. Nothing is shared between threads but the stop flag.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#include "common/cfg.h"
#include "common/log.h"
#include "common/str.h"
#include "db/pg.h"
#include "db/channels.h"
#include "grade/grader.h"
#include "job/gradejob.h"
#include "sandbox/sandbox.h"
#include "worker/config.h"
#include "worker/queue.h"

static atomic_bool stopping;

struct slot_thread {
    pthread_t tid;
    unsigned index;
    const struct worker_cfg *cfg;
    const struct sandbox_settings *sb;
    char worker_name[160];
    int failed; /* the slot could not start */
};

static void sleep_ms(unsigned ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};

    while (nanosleep(&ts, &ts) < 0 && errno == EINTR && !atomic_load(&stopping))
        ;
}

static int connect_db(struct slot_thread *t, struct db **db)
{
    struct lab_err err;
    unsigned backoff = 250;

    while (!atomic_load(&stopping)) {
        if (db_connect(t->cfg->conninfo, db, &err) == 0) {
            if (db_listen(*db, DB_CHAN_QUEUE, &err) == 0)
                return 0;
            db_free(*db);
            *db = NULL;
        }
        log_event(LOG_WARN, "db.connect_failed", "slot=%u err=\"%s\" detail=\"%s\" retry_ms=%u",
                  t->index, err.msg, err.detail, backoff);
        sleep_ms(backoff);
        backoff = backoff * 2 > 10000 ? 10000 : backoff * 2;
    }
    return LAB_E_UNAVAILABLE;
}

static void verify_lab(struct slot_thread *t, struct db *db, struct sandbox_slot *slot,
                       struct claimed_lab *cl)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    char *expected[GRADE_MAX_CHECKS] = {0};
    struct gradejob_lab gl;
    struct lab_err err, e2;
    size_t n = 0;
    int rc;

    rc = gradejob_lab_prepare(cl->lab, t->cfg->lab_dir, &gl, &err);
    if (rc == 0) {
        rc = gradejob_verify(slot, t->cfg->harness_dir, cl->lab, &gl, specs, &n, expected, &err);
        gradejob_lab_release(&gl);
    }
    if (rc == LAB_E_PARSE) {
        log_event(LOG_INFO, "lab.rejected", "lab=%s version=%.12s reason=\"%s\"", cl->lab_id,
                  cl->version, err.msg);
        if (queue_finish_lab(db, t->worker_name, cl, NULL, 0, NULL, err.msg, &e2) < 0)
            log_event(LOG_WARN, "lab.finish_failed", "lab=%s err=\"%s\"", cl->lab_id, e2.msg);
    } else if (rc < 0) {
        /* Our fault, not the lab's: leave it to the lease and another attempt. */
        log_event(LOG_ERROR, "lab.verify_failed", "lab=%s err=\"%s\" detail=\"%s\" hint=\"%s\"",
                  cl->lab_id, err.msg, err.detail, err.hint);
    } else {
        if (queue_finish_lab(db, t->worker_name, cl, specs, n, expected, NULL, &e2) < 0)
            log_event(LOG_WARN, "lab.finish_failed", "lab=%s err=\"%s\"", cl->lab_id, e2.msg);
        else
            log_event(LOG_INFO, "lab.verified", "lab=%s version=%.12s checks=%zu", cl->lab_id,
                      cl->version, n);
    }
    for (size_t i = 0; i < n; i++)
        free(expected[i]);
}

static void grade_submission(struct slot_thread *t, struct db *db, struct sandbox_slot *slot,
                             struct claimed_submission *sub)
{
    struct check_spec specs[GRADE_MAX_CHECKS];
    struct observation obs[GRADE_MAX_CHECKS];
    char *expected[GRADE_MAX_CHECKS] = {0};
    struct lab_def *lab = NULL;
    struct gradejob_lab gl = {0};
    struct grade_report rep;
    enum grade_run_end end = GRADE_RUN_OK;
    struct lab_err err;
    char msg[256];
    bool syn = false;
    size_t n = 0;
    struct timespec t0, t1;
    int rc;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    memset(obs, 0, sizeof obs);
    queue_notify_progress(db, sub->id);
    rc = queue_load_lab(db, sub->lab_id, sub->lab_version, &lab, specs, &n, expected, &err);
    if (rc == 0)
        rc = gradejob_lab_prepare(lab, t->cfg->lab_dir, &gl, &err);
    if (rc == 0)
        rc = gradejob_observe(slot, t->cfg->harness_dir, &gl, sub->code, strlen(sub->code), specs,
                              n, obs, &syn, msg, sizeof msg, &end, &err);
    if (rc < 0) {
        log_event(LOG_ERROR, "grade.failed", "sub=%" PRId64 " err=\"%s\" detail=\"%s\"", sub->id,
                  err.msg, err.detail);
        goto out;
    }
    grade_compare(specs, n, obs, (const char *const *)expected, syn, msg, end, gl.points, &rep);
    rc = queue_finish_submission(db, t->worker_name, sub, &rep, &err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc < 0)
        log_event(LOG_ERROR, "grade.store_failed", "sub=%" PRId64 " err=\"%s\"", sub->id, err.msg);
    else if (rc == 1)
        log_event(LOG_INFO, "grade.done",
                  "sub=%" PRId64 " lab=%s verdict=%s score=%u/%u cases=%zu/%zu attempt=%d"
                  " ms=%ld",
                  sub->id, sub->lab_id, grade_verdict_name(rep.verdict), rep.score, rep.max_score,
                  rep.n_cases_passed, rep.n_cases, sub->attempt,
                  (long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000));
    grade_report_release(&rep);
out:
    grade_observations_release(obs, GRADE_MAX_CHECKS);
    gradejob_lab_release(&gl);
    for (size_t i = 0; i < n; i++)
        free(expected[i]);
    labdir_free(lab);
}

static void *slot_main(void *arg)
{
    struct slot_thread *t = arg;
    struct sandbox_config sc;
    struct sandbox_limits sl;
    struct sandbox_slot *slot = NULL;
    struct db *db = NULL;
    struct lab_err err;
    time_t last_sweep = 0;

    sandbox_config_default(&sc);
    sandbox_limits_default(&sl);
    sandbox_settings_apply(t->sb, &sc, &sl);
    /* Any free slot: several labworkers (and labsandbox) may share a host. */
    if (sandbox_slot_new_any(&sc, &sl, &slot, &err) < 0) {
        log_event(LOG_ERROR, "worker.slot_failed", "slot=%u err=\"%s\" detail=\"%s\" hint=\"%s\"",
                  t->index, err.msg, err.detail, err.hint);
        t->failed = 1;
        return NULL;
    }
    while (!atomic_load(&stopping)) {
        struct claimed_submission sub;
        struct claimed_lab cl;
        int rc;

        if (!db && connect_db(t, &db) < 0)
            break;
        if (t->index == 0 && time(NULL) - last_sweep >= 5) {
            last_sweep = time(NULL);
            rc = queue_sweep(db, &err);
            if (rc > 0)
                log_event(LOG_WARN, "queue.swept", "ended=%d", rc);
        }
        rc = queue_claim_lab(db, t->worker_name, t->cfg->lease_s, &cl, &err);
        if (rc == 1) {
            verify_lab(t, db, slot, &cl);
            labdir_free(cl.lab);
            continue;
        }
        if (rc == 0) {
            rc = queue_claim_submission(db, t->worker_name, t->cfg->lease_s, &sub, &err);
            if (rc == 1) {
                grade_submission(t, db, slot, &sub);
                free(sub.code);
                continue;
            }
        }
        if (rc < 0) {
            log_event(LOG_WARN, "db.disconnected", "slot=%u err=\"%s\"", t->index, err.msg);
            db_free(db);
            db = NULL;
            continue;
        }
        if (db_wait_notify(db, (int)t->cfg->poll_ms, &err) < 0) {
            log_event(LOG_WARN, "db.disconnected", "slot=%u err=\"%s\"", t->index, err.msg);
            db_free(db);
            db = NULL;
        }
    }
    db_free(db);
    sandbox_slot_free(slot);
    return NULL;
}

static void usage(FILE *out)
{
    fprintf(
        out,
        "usage: labworker [--config FILE] [--db CONNINFO] [--slots N] [--set "
        "section.key=value]...\n"
        "\n"
        "Grades queued submissions and verifies imported labs in sandbox slots, one thread\n"
        "per slot. Several labworkers on several hosts may share one database.\n"
        "\n"
        "  --config FILE     INI file; its [db], [worker], [log] and [sandbox] sections are read\n"
        "                    (default: $LAB_CONFIG when set)\n"
        "  --db CONNINFO     PostgreSQL connection string (db.conninfo)\n"
        "  --slots N         grading slots (worker.slots; 0 = one per CPU core)\n"
        "  --set KEY=VALUE   override one key\n"
        "  --check-config    print the effective configuration and exit\n"
        "  -h, --help        this text\n"
        "\n"
        "Keys:\n");
    cfg_print_help(worker_keys, out);
    cfg_print_help(sandbox_cfg_keys, out);
    fprintf(
        out,
        "\nExit status: 0 stopped by SIGTERM/SIGINT, 1 could not run, 2 usage or config error.\n");
}

static void on_signal(int sig)
{
    (void)sig;
    atomic_store(&stopping, true);
}

int main(int argc, char **argv)
{
    static const char *const worker_sections[] = {"db", "worker", "log", NULL};
    static const char *const sandbox_sections[] = {"sandbox", NULL};
    static const struct option opts[] = {{"config", required_argument, NULL, 'c'},
                                         {"db", required_argument, NULL, 'd'},
                                         {"slots", required_argument, NULL, 'n'},
                                         {"set", required_argument, NULL, 's'},
                                         {"check-config", no_argument, NULL, 'C'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    struct worker_cfg cfg;
    struct sandbox_settings sb;
    struct slot_thread *threads = NULL;
    const char *config = getenv("LAB_CONFIG");
    char *overrides[64];
    size_t n_over = 0;
    bool check_only = false;
    struct lab_err err;
    enum log_level lvl;
    int opt, rc = 2, n_ok = 0;

    log_set_prog("labworker");
    if (cfg_defaults(worker_keys, &cfg) < 0 || cfg_defaults(sandbox_cfg_keys, &sb) < 0) {
        fprintf(stderr, "labworker: out of memory\n");
        return 1;
    }
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        char kv[1024];
        switch (opt) {
        case 'c':
            config = optarg;
            break;
        case 'd':
        case 'n':
            snprintf(kv, sizeof kv, "%s=%s", opt == 'd' ? "db.conninfo" : "worker.slots", optarg);
            if (n_over < ARRAY_SIZE(overrides))
                overrides[n_over++] = str_dup(kv);
            break;
        case 's':
            if (n_over < ARRAY_SIZE(overrides))
                overrides[n_over++] = str_dup(optarg);
            break;
        case 'C':
            check_only = true;
            break;
        case 'h':
            usage(stdout);
            rc = 0;
            goto out;
        default:
            usage(stderr);
            goto out;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "labworker: unexpected argument '%s'; see labworker --help\n",
                argv[optind]);
        goto out;
    }
    if (config && config[0] &&
        (cfg_load_file_sections(worker_keys, &cfg, config, worker_sections, &err) < 0 ||
         cfg_load_file_sections(sandbox_cfg_keys, &sb, config, sandbox_sections, &err) < 0)) {
        fprintf(stderr, "labworker: %s\n  hint: %s\n", err.msg, err.hint);
        goto out;
    }
    for (size_t i = 0; i < n_over; i++) {
        if (!overrides[i] || worker_cfg_override(&cfg, &sb, overrides[i], &err) < 0) {
            fprintf(stderr, "labworker: %s\n", err.msg);
            goto out;
        }
    }
    if (log_level_parse(cfg.log_level, &lvl) < 0) {
        fprintf(stderr, "labworker: log.level must be debug, info, warn or error\n");
        goto out;
    }
    log_set_level(lvl);
    if (sandbox_limits_check(&sb.limits, &err) < 0) {
        fprintf(stderr, "labworker: %s\n", err.msg);
        goto out;
    }
    if (cfg.slots == 0)
        cfg.slots = (uint32_t)get_nprocs();
    if (check_only) {
        cfg_print(worker_keys, &cfg, stdout);
        cfg_print(sandbox_cfg_keys, &sb, stdout);
        rc = 0;
        goto out;
    }
    if (access(cfg.harness_dir, R_OK) < 0) {
        fprintf(stderr,
                "labworker: the grading harness is not at '%s'\n"
                "  hint: set worker.harness_dir to the folder holding harness.py\n",
                cfg.harness_dir);
        rc = 1;
        goto out;
    }

    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    signal(SIGPIPE, SIG_IGN);
    threads = calloc(cfg.slots, sizeof *threads);
    if (!threads) {
        rc = 1;
        goto out;
    }
    {
        char host[64] = "host";
        gethostname(host, sizeof host - 1);
        for (uint32_t i = 0; i < cfg.slots; i++) {
            threads[i].index = i;
            threads[i].cfg = &cfg;
            threads[i].sb = &sb;
            worker_slot_name(&cfg, host, (long)getpid(), i, threads[i].worker_name,
                             sizeof threads[i].worker_name);
            if (pthread_create(&threads[i].tid, NULL, slot_main, &threads[i]) != 0) {
                log_event(LOG_ERROR, "worker.thread_failed", "slot=%u", i);
                threads[i].failed = 1;
                threads[i].tid = 0;
            }
        }
    }
    log_event(LOG_INFO, "worker.started", "slots=%u harness=%s", cfg.slots, cfg.harness_dir);
    for (uint32_t i = 0; i < cfg.slots; i++) {
        if (threads[i].tid)
            pthread_join(threads[i].tid, NULL);
        if (!threads[i].failed)
            n_ok++;
    }
    log_event(LOG_INFO, "worker.stopped", "slots_ok=%d", n_ok);
    rc = n_ok > 0 ? 0 : 1;
out:
    free(threads);
    for (size_t i = 0; i < n_over; i++)
        free(overrides[i]);
    cfg_release(worker_keys, &cfg);
    cfg_release(sandbox_cfg_keys, &sb);
    return rc;
}
