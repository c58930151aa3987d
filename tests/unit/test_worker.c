/*
 * test_worker.c — labworker's pure parts: its settings and overrides
 * (worker/config.c), the name a slot goes by in the queue, and how a sandbox
 * verdict becomes the grader's run end (job/gradejob.c). No database, no root.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"
#include "grade/grader.h"
#include "job/gradejob.h"
#include "sandbox/sandbox.h"
#include "worker/config.h"

struct cfgs {
    struct worker_cfg w;
    struct sandbox_settings sb;
};

static void defaults(struct cfgs *c)
{
    ck_assert_int_eq(cfg_defaults(worker_keys, &c->w), 0);
    ck_assert_int_eq(cfg_defaults(sandbox_cfg_keys, &c->sb), 0);
}

static void release(struct cfgs *c)
{
    cfg_release(worker_keys, &c->w);
    cfg_release(sandbox_cfg_keys, &c->sb);
}

START_TEST(defaults_are_documented_values)
{
    struct cfgs c;

    defaults(&c);
    ck_assert_uint_eq(c.w.slots, 0); /* one per core, decided at start */
    ck_assert_uint_eq(c.w.lease_s, 150);
    ck_assert_uint_eq(c.w.poll_ms, 2000);
    ck_assert_str_eq(c.w.lab_dir, "/var/tmp/labworker");
    ck_assert_str_eq(c.w.log_level, "info");
    ck_assert_str_eq(c.w.name, "");
    release(&c);
}
END_TEST

START_TEST(overrides_reach_worker_and_sandbox_keys)
{
    struct cfgs c;
    struct lab_err err = {0};

    defaults(&c);
    ck_assert_int_eq(worker_cfg_override(&c.w, &c.sb, "worker.slots=3", &err), 0);
    ck_assert_uint_eq(c.w.slots, 3);
    ck_assert_int_eq(worker_cfg_override(&c.w, &c.sb, "db.conninfo=dbname=lab", &err), 0);
    ck_assert_str_eq(c.w.conninfo, "dbname=lab");
    ck_assert_int_eq(worker_cfg_override(&c.w, &c.sb, "sandbox.memory_mb=128", &err), 0);
    ck_assert_uint_eq(c.sb.limits.memory_mb, 128);
    release(&c);
}
END_TEST

static const char *const bad_overrides[] = {
    "worker.slots=65",  /* above the 64 bound */
    "worker.lease_s=1", /* below 2 */
    "worker.slots=-1",  "worker.slots=2x", "worker.nosuch=1", "sandbox.memory_mb=4", /* below 8 */
    "no-equals-sign",
};

START_TEST(bad_overrides_are_refused)
{
    struct cfgs c;
    struct lab_err err = {0};

    defaults(&c);
    ck_assert_int_lt(worker_cfg_override(&c.w, &c.sb, bad_overrides[_i], &err), 0);
    ck_assert_msg(err.msg[0] != '\0', "no message for %s", bad_overrides[_i]);
    ck_assert_uint_eq(c.w.slots, 0);
    release(&c);
}
END_TEST

START_TEST(slot_names)
{
    struct cfgs c;
    struct lab_err err = {0};
    char name[160];

    defaults(&c);
    worker_slot_name(&c.w, "grader1", 4242, 3, name, sizeof name);
    ck_assert_str_eq(name, "grader1:4242/3");
    ck_assert_int_eq(worker_cfg_override(&c.w, &c.sb, "worker.name=rack-a", &err), 0);
    worker_slot_name(&c.w, "grader1", 4242, 0, name, sizeof name);
    ck_assert_str_eq(name, "rack-a/0");
    worker_slot_name(&c.w, "grader1", 4242, 12, name, 5); /* truncated, still terminated */
    ck_assert_str_eq(name, "rack");
    release(&c);
}
END_TEST

static const struct {
    enum sandbox_verdict v;
    enum grade_run_end end;
} run_ends[] = {
    {SANDBOX_OK, GRADE_RUN_OK},
    {SANDBOX_RUNTIME_ERROR, GRADE_RUN_CRASHED},
    {SANDBOX_CPU_TIME_LIMIT, GRADE_RUN_TIME},
    {SANDBOX_WALL_TIME_LIMIT, GRADE_RUN_TIME},
    {SANDBOX_MEMORY_LIMIT, GRADE_RUN_MEMORY},
    {SANDBOX_OUTPUT_LIMIT, GRADE_RUN_OUTPUT},
    {SANDBOX_PROCESS_LIMIT, GRADE_RUN_CRASHED},
    {SANDBOX_FORBIDDEN_SYSCALL, GRADE_RUN_FORBIDDEN},
    {SANDBOX_INTERNAL_ERROR, GRADE_RUN_INTERNAL},
};

START_TEST(run_end_mapping)
{
    ck_assert_int_eq(gradejob_run_end(run_ends[_i].v), run_ends[_i].end);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("worker");
    TCase *tc = tcase_create("config");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, defaults_are_documented_values);
    tcase_add_test(tc, overrides_reach_worker_and_sandbox_keys);
    tcase_add_loop_test(tc, bad_overrides_are_refused, 0, (int)ARRAY_SIZE(bad_overrides));
    tcase_add_test(tc, slot_names);
    suite_add_tcase(s, tc);
    tc = tcase_create("grading");
    tcase_add_loop_test(tc, run_end_mapping, 0, (int)ARRAY_SIZE(run_ends));
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
