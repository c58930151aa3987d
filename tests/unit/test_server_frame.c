/*
 * test_server_frame.c — the capped message assembler and the outbound queue.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "server/frame.h"
#include "server/outq.h"

START_TEST(assembles_chunks)
{
    struct frame_asm f;
    uint8_t chunk[4096];

    frame_asm_init(&f, 10000);
    ck_assert_ptr_null(f.buf); /* idle: nothing allocated */
    memset(chunk, 'a', sizeof chunk);
    ck_assert_int_eq(frame_asm_append(&f, chunk, 4096, 5000), 0);
    memset(chunk, 'b', sizeof chunk);
    ck_assert_int_eq(frame_asm_append(&f, chunk, 4096, 904), 0);
    ck_assert_int_eq(frame_asm_append(&f, chunk, 904, 0), 0);
    ck_assert_uint_eq(f.len, 9096);
    ck_assert_int_eq(f.buf[0], 'a');
    ck_assert_int_eq(f.buf[9095], 'b');
    frame_asm_release(&f);
    ck_assert_ptr_null(f.buf);
    ck_assert_uint_eq(f.len, 0);
}
END_TEST

START_TEST(rejects_oversize_at_first_chunk)
{
    struct frame_asm f;
    uint8_t chunk[100] = {0};

    frame_asm_init(&f, 1000);
    /* 100 bytes here plus 901 announced = 1001 > cap: refused before buffering it. */
    ck_assert_int_eq(frame_asm_append(&f, chunk, 100, 901), LAB_E_TOO_LARGE);
    ck_assert_ptr_null(f.buf);
    ck_assert_int_eq(frame_asm_append(&f, chunk, 100, 900), 0);
    frame_asm_release(&f);
}
END_TEST

START_TEST(rejects_oversize_across_fragments)
{
    struct frame_asm f;
    uint8_t chunk[300] = {0};

    frame_asm_init(&f, 1000);
    ck_assert_int_eq(frame_asm_append(&f, chunk, 300, 0), 0);
    ck_assert_int_eq(frame_asm_append(&f, chunk, 300, 0), 0);
    ck_assert_int_eq(frame_asm_append(&f, chunk, 300, 0), 0);
    ck_assert_int_eq(frame_asm_append(&f, chunk, 300, 0), LAB_E_TOO_LARGE);
    ck_assert_ptr_null(f.buf); /* a half message is never kept */
    ck_assert_uint_eq(f.len, 0);
}
END_TEST

START_TEST(exact_cap_accepted_and_huge_remaining_safe)
{
    struct frame_asm f;
    uint8_t *big = calloc(1, 1000);

    frame_asm_init(&f, 1000);
    ck_assert_int_eq(frame_asm_append(&f, big, 1000, 0), 0);
    ck_assert_uint_eq(f.len, 1000);
    frame_asm_release(&f);
    ck_assert_int_eq(frame_asm_append(&f, big, 1, SIZE_MAX), LAB_E_TOO_LARGE);
    ck_assert_int_eq(frame_asm_append(&f, big, SIZE_MAX, 0), LAB_E_TOO_LARGE);
    free(big);
}
END_TEST

START_TEST(outq_fifo_and_pressure)
{
    struct outq q;

    outq_init(&q);
    for (int i = 0; i < 3; i++) {
        uint8_t *b = malloc(16 + 100);
        b[16] = (uint8_t)i;
        ck_assert_int_eq(outq_push(&q, b, 16, 100), 0);
    }
    ck_assert_uint_eq(q.bytes, 300);
    ck_assert_int_eq(outq_pressure(&q, 250, 1000), OUTQ_SOFT);
    ck_assert_int_eq(outq_pressure(&q, 1000, 2000), OUTQ_OK);
    ck_assert_int_eq(outq_pressure(&q, 100, 200), OUTQ_HARD);
    ck_assert_int_eq(outq_peek(&q)->buf[16], 0);
    outq_pop(&q);
    ck_assert_int_eq(outq_peek(&q)->buf[16], 1);
    ck_assert_uint_eq(q.n, 2);
    outq_release(&q);
    ck_assert_ptr_null(outq_peek(&q));
    ck_assert_uint_eq(q.bytes, 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("server_frame");
    TCase *tc = tcase_create("frame");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, assembles_chunks);
    tcase_add_test(tc, rejects_oversize_at_first_chunk);
    tcase_add_test(tc, rejects_oversize_across_fragments);
    tcase_add_test(tc, exact_cap_accepted_and_huge_remaining_safe);
    tcase_add_test(tc, outq_fifo_and_pressure);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
