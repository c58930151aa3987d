/*
 * cmd_teach.c — see cmd_teach.h. One function per command, each a single
 * request and reply; the only local work is reading a new password and
 * writing the gradebook file.
 */
#include "client/cmd_teach.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "client/cmd_grade.h"
#include "client/cmds.h"
#include "client/codefile.h"
#include "client/grade.h"
#include "client/pass.h"
#include "client/render.h"
#include "common/str.h"

#define SAFE_MAX 600
#define RESET_TRIES 3

static const char *safe(char *buf, size_t cap, const char *s)
{
    return str_term_safe(buf, cap, s ? s : "", s ? strlen(s) : 0);
}

static const char *prog(const struct app *a)
{
    return a->in_shell ? "" : "labclient ";
}

static int oom(struct fail *f)
{
    return fail_set(f, EXIT_REFUSED, "internal", "out of memory");
}

/* Hints that fit every instructor command, by error code. */
static void teach_hint(const struct app *a, const char *cohort, struct fail *f)
{
    char c[SAFE_MAX];

    if (!cohort || !cohort[0])
        return;
    safe(c, sizeof c, cohort);
    if (strcmp(f->code, "forbidden") == 0)
        fail_hint(f, "Only the teachers of %s (and admins) can do this.", c);
    else if (strcmp(f->code, "not_found") == 0)
        fail_hint(f,
                  "Check the names: %scohort list shows your classes, %scohort roster %s its "
                  "students.",
                  prog(a), prog(a), c);
}

/* Send @req, expecting Ok. Connects first. */
static int call_ok(struct app *a, Envelope *req, bool idempotent, const char *cohort,
                   struct fail *f)
{
    Envelope *reply = NULL;

    if (app_connect(a, true, f) < 0)
        return -1;
    if (app_call(a, req, idempotent, true, &reply, f) < 0) {
        teach_hint(a, cohort, f);
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_OK) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    wire_free(reply);
    return 0;
}

static void json_cohort_user(struct json *j, const struct cli_args *args)
{
    json_str(j, "cohort", args->arg);
    json_str(j, "username", args->arg2);
}

/* ---------------------------------------------------------------- roster */

int cmd_roster_add(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__RosterAddRequest rr = LAB__V1__ROSTER_ADD_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    char c[SAFE_MAX], u[SAFE_MAX];

    rr.cohort = (char *)args->arg;
    rr.username = (char *)args->arg2;
    req.body_case = LAB__V1__ENVELOPE__BODY_ROSTER_ADD_REQ;
    req.roster_add_req = &rr;
    if (call_ok(a, &req, true, args->arg, f) < 0) {
        if (strcmp(f->code, "conflict") == 0)
            fail_hint(f, "%s is in the class already.", safe(u, sizeof u, args->arg2));
        else if (strcmp(f->code, "not_found") == 0)
            fail_hint(f,
                      "Check the class name (%scohort list) and the username: the student "
                      "needs an account first (they register with the class's join code).",
                      prog(a));
        return -1;
    }
    if (a->json) {
        json_cohort_user(j, args);
        return 0;
    }
    printf("Added %s to %s.\n", safe(u, sizeof u, args->arg2), safe(c, sizeof c, args->arg));
    return 0;
}

int cmd_roster_remove(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__RosterRemoveRequest rr = LAB__V1__ROSTER_REMOVE_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    char c[SAFE_MAX], u[SAFE_MAX];

    rr.cohort = (char *)args->arg;
    rr.username = (char *)args->arg2;
    req.body_case = LAB__V1__ENVELOPE__BODY_ROSTER_REMOVE_REQ;
    req.roster_remove_req = &rr;
    if (call_ok(a, &req, true, args->arg, f) < 0)
        return -1;
    if (a->json) {
        json_cohort_user(j, args);
        return 0;
    }
    printf("Removed %s from %s. Their account and submissions stay.\n",
           safe(u, sizeof u, args->arg2), safe(c, sizeof c, args->arg));
    return 0;
}

/* The new password: the first line of stdin, or typed twice without echo. */
static int read_new_password(const struct cli_args *args, char *pw, size_t cap, struct fail *f)
{
    char again[PASS_MAX], prompt[SAFE_MAX + 40], u[SAFE_MAX];

    if (args->password_stdin)
        return pass_read(true, "", pw, cap, f);
    snprintf(prompt, sizeof prompt, "New password for %s: ", safe(u, sizeof u, args->arg2));
    for (int tries = 0; tries < RESET_TRIES; tries++) {
        if (pass_read(false, prompt, pw, cap, f) < 0)
            return -1;
        if (pass_read(false, "Type it again: ", again, sizeof again, f) < 0) {
            pass_wipe(pw, cap);
            return -1;
        }
        if (strcmp(pw, again) == 0) {
            pass_wipe(again, sizeof again);
            return 0;
        }
        pass_wipe(again, sizeof again);
        fprintf(stderr, "The two passwords are different. Let's try again.\n");
    }
    pass_wipe(pw, cap);
    fail_set(f, EXIT_USAGE, "usage", "The passwords did not match.");
    fail_hint(f, "Run the command again and type the same password twice.");
    return -1;
}

int cmd_roster_reset_password(struct app *a, const struct cli_args *args, struct json *j,
                              struct fail *f)
{
    Lab__V1__ResetPasswordRequest rr = LAB__V1__RESET_PASSWORD_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    char pw[PASS_MAX], u[SAFE_MAX];
    int rc;

    /* Connect first: a wrong server or session shows up before any typing. */
    if (app_connect(a, true, f) < 0)
        return -1;
    if (read_new_password(args, pw, sizeof pw, f) < 0)
        return -1;
    rr.cohort = (char *)args->arg;
    rr.username = (char *)args->arg2;
    rr.new_password = pw;
    req.body_case = LAB__V1__ENVELOPE__BODY_RESET_PASSWORD_REQ;
    req.reset_password_req = &rr;
    /* Setting the same password twice is harmless: retry after a lost connection. */
    rc = call_ok(a, &req, true, args->arg, f);
    pass_wipe(pw, sizeof pw);
    if (rc < 0) {
        if (strcmp(f->code, "bad_request") == 0)
            fail_hint(f, "Choose another password (the server said why this one is refused).");
        return -1;
    }
    if (a->json) {
        json_cohort_user(j, args);
        return 0;
    }
    printf("The password of %s is changed. Tell them the new one in person.\n",
           safe(u, sizeof u, args->arg2));
    return 0;
}

/* --------------------------------------------------------- student, code */

int cmd_student(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__StudentResultsRequest sr = LAB__V1__STUDENT_RESULTS_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    const Lab__V1__ResultList *rl;
    char c[SAFE_MAX], u[SAFE_MAX], l[SAFE_MAX];

    if (app_connect(a, true, f) < 0)
        return -1;
    sr.cohort = (char *)args->arg;
    sr.username = (char *)args->arg2;
    sr.lab_id = (char *)(args->arg3 ? args->arg3 : "");
    sr.limit = args->limit ? args->limit : TEACH_RESULTS_DEFAULT;
    req.body_case = LAB__V1__ENVELOPE__BODY_STUDENT_RESULTS_REQ;
    req.student_results_req = &sr;
    if (app_call(a, &req, true, true, &reply, f) < 0) {
        teach_hint(a, args->arg, f);
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_RESULT_LIST) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    rl = reply->result_list;
    if (a->json) {
        json_cohort_user(j, args);
        json_arr_open(j, "results");
        for (size_t i = 0; i < rl->n_results; i++)
            grade_json_result(j, NULL, rl->results[i]);
        json_arr_close(j);
        wire_free(reply);
        return 0;
    }
    safe(c, sizeof c, args->arg);
    safe(u, sizeof u, args->arg2);
    safe(l, sizeof l, args->arg3);
    printf("%sSubmissions of %s in %s%s%s%s\n\n", render_sgr(a->color, ST_BOLD), u, c,
           args->arg3 ? ", lab " : "", l, render_sgr(a->color, ST_NONE));
    if (rl->n_results == 0) {
        printf("%s has not submitted anything%s%s yet.\n", u, args->arg3 ? " for " : "", l);
        wire_free(reply);
        return 0;
    }
    if (cmd_result_table(a, rl) < 0) {
        wire_free(reply);
        return oom(f);
    }
    printf("\nSee a program with: %scode NUMBER\n", prog(a));
    wire_free(reply);
    return 0;
}

void teach_print_text(FILE *out, const char *s, size_t len)
{
    char *plain = malloc(len + 1), *safe_buf;
    size_t n = 0, cap;

    if (!plain)
        return;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
            continue;
        plain[n++] = s[i];
    }
    cap = n * 3 + 8; /* U+FFFD can replace one byte by three */
    safe_buf = malloc(cap);
    if (safe_buf) {
        str_term_safe(safe_buf, cap, plain, n);
        fputs(safe_buf, out);
        if (n && safe_buf[0] && safe_buf[strlen(safe_buf) - 1] != '\n')
            fputc('\n', out);
    }
    free(safe_buf);
    free(plain);
}

int cmd_code(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__SubmissionCodeRequest cr = LAB__V1__SUBMISSION_CODE_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    const Lab__V1__SubmissionCode *sc;
    char u[SAFE_MAX], l[SAFE_MAX], when[48];

    if (app_connect(a, true, f) < 0)
        return -1;
    cr.submission_id = args->submission_id;
    req.body_case = LAB__V1__ENVELOPE__BODY_SUBMISSION_CODE_REQ;
    req.submission_code_req = &cr;
    if (app_call(a, &req, true, true, &reply, f) < 0) {
        if (strcmp(f->code, "not_found") == 0 || strcmp(f->code, "forbidden") == 0)
            fail_hint(f,
                      "Check the number: %sstudent COHORT USER lists a student's submissions "
                      "(only those of your classes).",
                      prog(a));
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_SUBMISSION_CODE) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    sc = reply->submission_code;
    if (a->json) {
        json_obj_open(j, "submission");
        json_i64(j, "submission_id", sc->submission_id);
        json_str(j, "username", sc->username);
        json_str(j, "lab_id", sc->lab_id);
        json_i64(j, "submitted_at", sc->submitted_at);
        json_strn(j, "code", (const char *)sc->code.data, sc->code.len);
        json_obj_close(j);
        wire_free(reply);
        return 0;
    }
    /* The heading only for a person: `code 42 > x.py` gets the program alone. */
    if (a->tty_out) {
        grade_format_when((int64_t)time(NULL), sc->submitted_at, when, sizeof when);
        printf("%s# Submission #%" PRId64 " by %s for %s, %s%s\n", render_sgr(a->color, ST_DIM),
               sc->submission_id, safe(u, sizeof u, sc->username), safe(l, sizeof l, sc->lab_id),
               when, render_sgr(a->color, ST_NONE));
    }
    teach_print_text(stdout, (const char *)sc->code.data, sc->code.len);
    wire_free(reply);
    return 0;
}

/* ----------------------------------------------------------- labs, modes */

int cmd_labs_open(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__CohortLabRequest cr = LAB__V1__COHORT_LAB_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    bool open = args->cmd == CMD_LABS_OPEN;
    char c[SAFE_MAX], l[SAFE_MAX];

    cr.cohort = (char *)args->arg;
    cr.lab_id = (char *)args->arg2;
    cr.open = open;
    req.body_case = LAB__V1__ENVELOPE__BODY_COHORT_LAB_REQ;
    req.cohort_lab_req = &cr;
    if (call_ok(a, &req, true, args->arg, f) < 0) {
        if (strcmp(f->code, "not_found") == 0)
            fail_hint(f, "Check the class name (%scohort list) and the lab id (%slabs).", prog(a),
                      prog(a));
        return -1;
    }
    if (a->json) {
        json_str(j, "cohort", args->arg);
        json_str(j, "lab_id", args->arg2);
        json_bool(j, "open", open);
        return 0;
    }
    safe(c, sizeof c, args->arg);
    safe(l, sizeof l, args->arg2);
    if (open)
        printf("%s is open for %s.\n", l, c);
    else
        printf("%s is closed for %s: its students no longer see it. Open it again with: "
               "%slabs open %s %s\n",
               l, c, prog(a), c, l);
    return 0;
}

static Lab__V1__BoardMode board_mode_of(const char *s)
{
    if (strcasecmp(s, "top10") == 0)
        return LAB__V1__BOARD_MODE__TOP10;
    if (strcasecmp(s, "hidden") == 0)
        return LAB__V1__BOARD_MODE__HIDDEN;
    return LAB__V1__BOARD_MODE__FULL;
}

int cmd_board_mode(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    static const char *const says[] = {"", "every row of the board",
                                       "the first ten rows and their own", "only their own row"};
    static const char *const names[] = {"", "full", "top10", "hidden"};
    Lab__V1__BoardModeRequest br = LAB__V1__BOARD_MODE_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    char c[SAFE_MAX];

    br.cohort = (char *)args->arg;
    br.mode = board_mode_of(args->arg2);
    req.body_case = LAB__V1__ENVELOPE__BODY_BOARD_MODE_REQ;
    req.board_mode_req = &br;
    if (call_ok(a, &req, true, args->arg, f) < 0)
        return -1;
    if (a->json) {
        json_str(j, "cohort", args->arg);
        json_str(j, "board_mode", names[br.mode]);
        return 0;
    }
    printf("Students of %s now see %s.\n", safe(c, sizeof c, args->arg), says[br.mode]);
    return 0;
}

/* ------------------------------------------------------------- gradebook */

size_t teach_csv_rows(const char *csv, size_t len)
{
    size_t lines = 0;

    for (size_t i = 0; i < len; i++)
        if (csv[i] == '\n')
            lines++;
    if (len && csv[len - 1] != '\n')
        lines++;
    /* the header and the "max points" row are not students */
    return lines > 2 ? lines - 2 : 0;
}

int teach_write_csv(const char *path, const char *csv, size_t len, bool force, struct fail *f)
{
    if (codefile_write(path, csv, len, force, f) < 0) {
        if (strcmp(f->code, "file_exists") == 0)
            fail_hint(f, "Add --force to replace it, or choose another file name.");
        else
            fail_hint(f, "Check that you can write there, or choose another file name.");
        return -1;
    }
    return 0;
}

int cmd_gradebook(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__GradebookRequest gr = LAB__V1__GRADEBOOK_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    const Lab__V1__Gradebook *g;
    bool to_file = args->out && strcmp(args->out, "-") != 0;
    char c[SAFE_MAX], p[SAFE_MAX];

    /* Say it before asking the server: an existing file is never replaced without --force. */
    if (to_file && !args->force && codefile_exists(args->out)) {
        fail_set(f, EXIT_USAGE, "file_exists", "'%s' already exists; labclient did not change it.",
                 safe(p, sizeof p, args->out));
        fail_hint(f, "Add --force to replace it, or choose another file name.");
        return -1;
    }
    if (app_connect(a, true, f) < 0)
        return -1;
    gr.cohort = (char *)args->arg;
    req.body_case = LAB__V1__ENVELOPE__BODY_GRADEBOOK_REQ;
    req.gradebook_req = &gr;
    if (app_call(a, &req, true, true, &reply, f) < 0) {
        teach_hint(a, args->arg, f);
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_GRADEBOOK) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    g = reply->gradebook;
    if (to_file &&
        teach_write_csv(args->out, (const char *)g->csv.data, g->csv.len, args->force, f) < 0) {
        wire_free(reply);
        return -1;
    }
    if (a->json) {
        json_str(j, "cohort", g->cohort && g->cohort[0] ? g->cohort : args->arg);
        if (to_file) {
            json_str(j, "file", args->out);
            json_u64(j, "bytes", g->csv.len);
            json_u64(j, "rows", teach_csv_rows((const char *)g->csv.data, g->csv.len));
        } else {
            json_strn(j, "csv", (const char *)g->csv.data, g->csv.len);
        }
        wire_free(reply);
        return 0;
    }
    if (to_file) {
        size_t rows = teach_csv_rows((const char *)g->csv.data, g->csv.len);

        printf("Wrote the gradebook of %s to %s (%zu student%s).\n", safe(c, sizeof c, args->arg),
               safe(p, sizeof p, args->out), rows, rows == 1 ? "" : "s");
    } else {
        teach_print_text(stdout, (const char *)g->csv.data, g->csv.len);
    }
    wire_free(reply);
    return 0;
}

/* ------------------------------------------------------------------ name */

int cmd_name(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__SetDisplayNameRequest sr = LAB__V1__SET_DISPLAY_NAME_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    char n[SAFE_MAX];

    if (!args->arg[0] || strspn(args->arg, " \t") == strlen(args->arg)) {
        fail_set(f, EXIT_USAGE, "usage", "The name is empty.");
        fail_hint(f, "Put it in quotes: %sname \"Ada L.\"", prog(a));
        return -1;
    }
    sr.display_name = (char *)args->arg;
    req.body_case = LAB__V1__ENVELOPE__BODY_SET_DISPLAY_NAME_REQ;
    req.set_display_name_req = &sr;
    if (call_ok(a, &req, true, "", f) < 0) {
        if (strcmp(f->code, "bad_request") == 0 || strcmp(f->code, "conflict") == 0)
            fail_hint(f, "Choose another name.");
        return -1;
    }
    safe(n, sizeof n, args->arg);
    safe(a->display_name, sizeof a->display_name, args->arg);
    if (a->json) {
        json_str(j, "display_name", args->arg);
        return 0;
    }
    printf("Boards now show you as %s%s%s.\n", render_sgr(a->color, ST_BOLD), n,
           render_sgr(a->color, ST_NONE));
    return 0;
}
