/*
 * test_client_json.c — JSON escaping for any bytes, and the writer's commas.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "client/json.h"
#include "common/str.h"

static const struct {
    const char *in;
    size_t len;
    const char *out;
} esc_cases[] = {
    {"plain", 5, "\"plain\""},
    {"a\"b\\c", 5, "\"a\\\"b\\\\c\""},
    {"l1\nl2\tx\r", 8, "\"l1\\nl2\\tx\\r\""},
    {"\x1b[31mred", 8, "\"\\u001b[31mred\""},
    {"nul\0x", 5, "\"nul\\u0000x\""},
    {"del\x7f", 4, "\"del\\u007f\""},
    {"caf\xc3\xa9", 5, "\"caf\xc3\xa9\""},            /* valid UTF-8 kept */
    {"\xf0\x9f\x98\x80", 4, "\"\xf0\x9f\x98\x80\""},  /* emoji kept */
    {"bad\xff", 4, "\"bad\\ufffd\""},                 /* invalid byte */
    {"\xc3", 1, "\"\\ufffd\""},                       /* truncated sequence */
    {"\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\""}, /* UTF-16 surrogate */
    {"\xc0\xaf", 2, "\"\\ufffd\\ufffd\""},            /* overlong '/' */
    {"c1\xc2\x9b", 4, "\"c1\\u009b\""},               /* C1 CSI escaped */
    {"", 0, "\"\""},
};

START_TEST(escapes_any_bytes)
{
    struct json j;

    json_init(&j);
    json_escape(&j, esc_cases[_i].in, esc_cases[_i].len);
    ck_assert_str_eq(json_peek(&j), esc_cases[_i].out);
    json_release(&j);
}
END_TEST

START_TEST(writes_nested_objects_with_commas)
{
    struct json j;

    json_init(&j);
    json_obj_open(&j, NULL);
    json_bool(&j, "ok", true);
    json_arr_open(&j, "labs");
    json_obj_open(&j, NULL);
    json_str(&j, "id", "py-001");
    json_u64(&j, "points", 10);
    json_arr_open(&j, "roadmap_items");
    json_str(&j, NULL, "R1");
    json_str(&j, NULL, "R2");
    json_arr_close(&j);
    json_obj_close(&j);
    json_obj_open(&j, NULL);
    json_i64(&j, "n", -5);
    json_obj_close(&j);
    json_arr_close(&j);
    json_str(&j, "x", NULL);
    json_obj_close(&j);
    ck_assert_str_eq(json_peek(&j), "{\"ok\":true,\"labs\":[{\"id\":\"py-001\",\"points\":10,"
                                    "\"roadmap_items\":[\"R1\",\"R2\"]},{\"n\":-5}],\"x\":\"\"}");
    json_release(&j);
}
END_TEST

START_TEST(escaped_output_is_always_valid_utf8)
{
    unsigned char buf[256];
    struct json j;

    for (int i = 0; i < 256; i++)
        buf[i] = (unsigned char)(255 - i);
    json_init(&j);
    json_escape(&j, (const char *)buf, sizeof buf);
    ck_assert(utf8_valid(json_peek(&j), strlen(json_peek(&j))));
    for (const char *p = json_peek(&j); *p; p++)
        ck_assert_int_ge((unsigned char)*p, 0x20);
    json_release(&j);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("client_json");
    TCase *tc = tcase_create("escape");
    SRunner *sr;
    int failed;

    tcase_add_loop_test(tc, escapes_any_bytes, 0, (int)ARRAY_SIZE(esc_cases));
    tcase_add_test(tc, writes_nested_objects_with_commas);
    tcase_add_test(tc, escaped_output_is_always_valid_utf8);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
