/*
 * cmds.c — see cmds.h. One function per command; each builds its request,
 * calls app_call() and renders the reply either for a person or as JSON.
 */
#include "client/cmds.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client/cmd_grade.h"
#include "client/cmd_live.h"
#include "client/cmd_teach.h"
#include "client/pass.h"
#include "client/render.h"
#include "common/str.h"

#define SAFE_MAX 1024

/* Terminal-safe copy of a network string (NULL becomes ""). */
static const char *safe(char *buf, size_t cap, const char *s)
{
    return str_term_safe(buf, cap, s ? s : "", s ? strlen(s) : 0);
}

int cmd_unexpected(const Envelope *reply, struct fail *f)
{
    fail_set(f, EXIT_CONNECT, "bad_reply", "The server sent an unexpected answer ('%s').",
             wire_body_name(reply));
    fail_hint(f, "Check that labclient is up to date (labclient --version).");
    return -1;
}

static void json_user(struct json *j, const char *key, const Lab__V1__User *u)
{
    json_obj_open(j, key);
    json_str(j, "username", u ? u->username : "");
    json_str(j, "display_name", u ? u->display_name : "");
    json_str(j, "role", app_role_name(u ? (int)u->role : 0));
    json_obj_close(j);
}

static void json_cohort(struct json *j, const char *key, const Lab__V1__Cohort *c)
{
    json_obj_open(j, key);
    json_i64(j, "id", c->id);
    json_str(j, "name", c->name);
    json_str(j, "join_code", c->join_code);
    json_str(j, "owner", c->owner);
    json_u64(j, "n_students", c->n_students);
    json_obj_close(j);
}

void cmd_json_lab_summary(struct json *j, const Lab__V1__LabSummary *s)
{
    json_str(j, "id", s->id);
    json_str(j, "title", s->title);
    json_u64(j, "points", s->points);
    json_arr_open(j, "roadmap_items");
    for (size_t i = 0; i < s->n_roadmap_items; i++)
        json_str(j, NULL, s->roadmap_items[i]);
    json_arr_close(j);
    json_str(j, "section", s->section);
    json_str(j, "version", s->version);
}

/* ------------------------------------------------------------- accounts */

static int finish_auth(struct app *a, Envelope *reply, bool is_register, struct json *j,
                       struct fail *f)
{
    const Lab__V1__AuthOk *ok;
    char name[SAFE_MAX], user[SAFE_MAX];
    int rc;

    if (reply->body_case != LAB__V1__ENVELOPE__BODY_AUTH_OK)
        return cmd_unexpected(reply, f);
    ok = reply->auth_ok;
    rc = app_save_session(a, ok, f);
    if (rc < 0)
        return rc;
    if (a->json) {
        json_user(j, "user", ok->user);
        return 0;
    }
    safe(user, sizeof user, ok->user ? ok->user->username : "");
    safe(name, sizeof name,
         ok->user && ok->user->display_name && ok->user->display_name[0] ? ok->user->display_name
                                                                         : user);
    if (is_register)
        printf("%sWelcome, %s!%s Your account %s is ready and you are logged in.\n",
               render_sgr(a->color, ST_GREEN), name, render_sgr(a->color, ST_NONE), user);
    else
        printf("%sHello, %s!%s You are logged in as %s.\n", render_sgr(a->color, ST_GREEN), name,
               render_sgr(a->color, ST_NONE), user);
    printf("Next: %slabs%s shows the labs you can do.\n", a->in_shell ? "" : "labclient ", "");
    return 0;
}

static int cmd_register(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__RegisterRequest rr = LAB__V1__REGISTER_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    char pw[PASS_MAX];
    int rc;

    /* Connect first: a wrong address or certificate shows up before any typing. */
    if (app_connect(a, false, f) < 0)
        return -1;
    if (pass_read_new(args->password_stdin, pw, sizeof pw, f) < 0)
        return -1;
    rr.username = (char *)args->arg;
    rr.password = pw;
    rr.join_code = (char *)args->join_code;
    rr.display_name = (char *)(args->display_name ? args->display_name : "");
    req.body_case = LAB__V1__ENVELOPE__BODY_REGISTER_REQ;
    req.register_req = &rr;
    rc = app_call(a, &req, false, false, &reply, f);
    pass_wipe(pw, sizeof pw);
    if (rc < 0) {
        if (strcmp(f->code, "conflict") == 0)
            fail_hint(f,
                      "That username is taken. Choose another one, or log in: labclient "
                      "login %s",
                      args->arg);
        else if (strcmp(f->code, "not_found") == 0 || strcmp(f->code, "forbidden") == 0)
            fail_hint(f, "Check the join code with your teacher.");
        return -1;
    }
    rc = finish_auth(a, reply, true, j, f);
    wire_free(reply);
    return rc;
}

static int cmd_login(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__LoginRequest lr = LAB__V1__LOGIN_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    char pw[PASS_MAX], prompt[SAFE_MAX + 32], user[SAFE_MAX];
    int rc;

    if (app_connect(a, false, f) < 0)
        return -1;
    snprintf(prompt, sizeof prompt, "Password for %s: ", safe(user, sizeof user, args->arg));
    if (pass_read(args->password_stdin, prompt, pw, sizeof pw, f) < 0)
        return -1;
    lr.username = (char *)args->arg;
    lr.password = pw;
    req.body_case = LAB__V1__ENVELOPE__BODY_LOGIN_REQ;
    req.login_req = &lr;
    rc = app_call(a, &req, false, false, &reply, f);
    pass_wipe(pw, sizeof pw);
    if (rc < 0) {
        if (strcmp(f->code, "unauthenticated") == 0)
            fail_hint(f, "Check your username and password and try again. Forgot your "
                         "password? Ask your teacher.");
        return -1;
    }
    rc = finish_auth(a, reply, false, j, f);
    wire_free(reply);
    return rc;
}

static int cmd_logout(struct app *a, struct json *j, struct fail *f)
{
    Lab__V1__LogoutRequest lr = LAB__V1__LOGOUT_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    int rc;

    rc = app_connect(a, true, f);
    if (rc == 0) {
        req.body_case = LAB__V1__ENVELOPE__BODY_LOGOUT_REQ;
        req.logout_req = &lr;
        rc = app_call(a, &req, true, true, &reply, f);
        wire_free(reply);
    }
    if (rc < 0 && f->exit_code == EXIT_AUTH && strcmp(f->text, "You are not logged in.") != 0)
        rc = 0; /* the session had already ended: the student is logged out either way */
    if (rc < 0 && f->exit_code == EXIT_AUTH)
        return -1;
    /* Forget it here whatever the server said: the student asked to be logged out. */
    app_forget_session(a);
    if (rc < 0) {
        fail_hint(f, "You are logged out on this computer; the server will end the session "
                     "by itself later.");
        return -1;
    }
    if (a->json)
        return 0;
    (void)j;
    printf("You are logged out. See you next time!\n");
    return 0;
}

static int cmd_whoami(struct app *a, struct json *j, struct fail *f)
{
    if (app_connect(a, true, f) < 0)
        return -1;
    if (a->json) {
        json_obj_open(j, "user");
        json_str(j, "username", a->username);
        json_str(j, "display_name", a->display_name);
        json_str(j, "role", app_role_name(a->role));
        json_obj_close(j);
        json_str(j, "server", a->url_text);
        return 0;
    }
    printf("You are %s%s%s", render_sgr(a->color, ST_BOLD), a->username,
           render_sgr(a->color, ST_NONE));
    if (a->display_name[0] && strcmp(a->display_name, a->username) != 0)
        printf(" (%s)", a->display_name);
    printf(", %s, on %s.\n", app_role_name(a->role), a->url_text);
    return 0;
}

/* ----------------------------------------------------------------- labs */

static void cache_lab_ids(struct app *a, const Lab__V1__LabList *ll)
{
    char **ids = calloc(ll->n_labs ? ll->n_labs : 1, sizeof *ids);
    size_t n = 0;

    if (!ids)
        return;
    for (size_t i = 0; i < ll->n_labs; i++) {
        char buf[SAFE_MAX];

        ids[n] = str_dup(safe(buf, sizeof buf, ll->labs[i]->id));
        if (ids[n])
            n++;
    }
    for (size_t i = 0; i < a->n_lab_ids; i++)
        free(a->lab_ids[i]);
    free(a->lab_ids);
    a->lab_ids = ids;
    a->n_lab_ids = n;
    a->lab_ids_fetched = true;
}

static int list_labs(struct app *a, Envelope **reply, struct fail *f)
{
    Lab__V1__ListLabsRequest lr = LAB__V1__LIST_LABS_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;

    if (app_connect(a, true, f) < 0)
        return -1;
    req.body_case = LAB__V1__ENVELOPE__BODY_LIST_LABS_REQ;
    req.list_labs_req = &lr;
    if (app_call(a, &req, true, true, reply, f) < 0)
        return -1;
    if ((*reply)->body_case != LAB__V1__ENVELOPE__BODY_LAB_LIST) {
        cmd_unexpected(*reply, f);
        wire_free(*reply);
        *reply = NULL;
        return -1;
    }
    return 0;
}

void cmd_fetch_lab_ids(struct app *a)
{
    struct fail f;
    Envelope *reply = NULL;

    if (a->lab_ids_fetched)
        return;
    a->lab_ids_fetched = true; /* once, even if it fails: TAB must stay fast */
    if (list_labs(a, &reply, &f) == 0) {
        cache_lab_ids(a, reply->lab_list);
        wire_free(reply);
    }
}

static int cmd_labs(struct app *a, struct json *j, struct fail *f)
{
    Envelope *reply = NULL;
    const Lab__V1__LabList *ll;
    struct table t;
    static const char *const hdr[] = {"ID", "TITLE", "POINTS", "ROADMAP"};

    if (list_labs(a, &reply, f) < 0)
        return -1;
    ll = reply->lab_list;
    cache_lab_ids(a, ll);
    if (a->json) {
        json_arr_open(j, "labs");
        for (size_t i = 0; i < ll->n_labs; i++) {
            json_obj_open(j, NULL);
            cmd_json_lab_summary(j, ll->labs[i]);
            json_obj_close(j);
        }
        json_arr_close(j);
        wire_free(reply);
        return 0;
    }
    if (ll->n_labs == 0) {
        printf("There are no labs yet. Ask your teacher when they will be ready.\n");
        wire_free(reply);
        return 0;
    }
    if (table_init(&t, 4, hdr) < 0)
        goto oom;
    for (size_t i = 0; i < ll->n_labs; i++) {
        const Lab__V1__LabSummary *s = ll->labs[i];
        char id[SAFE_MAX], title[SAFE_MAX], pts[16], road[SAFE_MAX] = "";
        const char *row[4];
        size_t o = 0;

        for (size_t k = 0; k < s->n_roadmap_items && o + 2 < sizeof road; k++) {
            char item[128];

            o += (size_t)snprintf(road + o, sizeof road - o, "%s%s", k ? ", " : "",
                                  safe(item, sizeof item, s->roadmap_items[k]));
        }
        snprintf(pts, sizeof pts, "%" PRIu32, s->points);
        row[0] = safe(id, sizeof id, s->id);
        row[1] = safe(title, sizeof title, s->title);
        row[2] = pts;
        row[3] = road;
        if (table_add(&t, row) < 0) {
            table_release(&t);
            goto oom;
        }
    }
    table_print(&t, stdout, a->color, 44);
    table_release(&t);
    printf("\n%zu lab%s. See one with: %sshow ID\n", ll->n_labs, ll->n_labs == 1 ? "" : "s",
           a->in_shell ? "" : "labclient ");
    wire_free(reply);
    return 0;
oom:
    wire_free(reply);
    return fail_set(f, EXIT_REFUSED, "internal", "out of memory");
}

static int cmd_show(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    Lab__V1__GetLabRequest gr = LAB__V1__GET_LAB_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    const Lab__V1__LabDetail *d;
    const Lab__V1__LabSummary *s;
    Lab__V1__LabSummary empty = LAB__V1__LAB_SUMMARY__INIT;
    char id[SAFE_MAX], title[SAFE_MAX], buf[SAFE_MAX];

    if (app_connect(a, true, f) < 0)
        return -1;
    gr.lab_id = (char *)args->arg;
    req.body_case = LAB__V1__ENVELOPE__BODY_GET_LAB_REQ;
    req.get_lab_req = &gr;
    if (app_call(a, &req, true, true, &reply, f) < 0) {
        if (strcmp(f->code, "not_found") == 0)
            fail_hint(f, "Check the lab id: %slabs lists them all.",
                      a->in_shell ? "" : "labclient ");
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_LAB_DETAIL) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    d = reply->lab_detail;
    s = d->summary ? d->summary : &empty;
    if (a->json) {
        json_obj_open(j, "lab");
        cmd_json_lab_summary(j, s);
        json_strn(j, "statement_md", (const char *)d->statement_md.data, d->statement_md.len);
        json_strn(j, "starter", (const char *)d->starter.data, d->starter.len);
        json_obj_close(j);
        wire_free(reply);
        return 0;
    }
    printf("%s%s  %s%s\n", render_sgr(a->color, ST_BOLD), safe(id, sizeof id, s->id),
           safe(title, sizeof title, s->title), render_sgr(a->color, ST_NONE));
    printf("%s%" PRIu32 " points", render_sgr(a->color, ST_DIM), s->points);
    if (s->section && s->section[0])
        printf(" | section %s", safe(buf, sizeof buf, s->section));
    for (size_t k = 0; k < s->n_roadmap_items; k++)
        printf("%s%s", k ? ", " : " | roadmap ", safe(buf, sizeof buf, s->roadmap_items[k]));
    printf("%s\n\n", render_sgr(a->color, ST_NONE));
    if (d->statement_md.len)
        render_markdown(stdout, a->color, (const char *)d->statement_md.data, d->statement_md.len);
    else
        printf("(This lab has no statement.)\n");
    if (d->starter.len) {
        printf("\n%sStarter code%s (start from this):\n\n", render_sgr(a->color, ST_BOLD),
               render_sgr(a->color, ST_NONE));
        render_safe_block(stdout, (const char *)d->starter.data, d->starter.len, "    ");
    }
    wire_free(reply);
    return 0;
}

/* --------------------------------------------------------------- cohorts */

static int cohort_call(struct app *a, Envelope *req, bool idempotent, Envelope **reply,
                       struct fail *f)
{
    if (app_connect(a, true, f) < 0)
        return -1;
    return app_call(a, req, idempotent, true, reply, f);
}

static int cmd_cohort_create(struct app *a, const struct cli_args *args, struct json *j,
                             struct fail *f)
{
    Lab__V1__CohortCreateRequest cr = LAB__V1__COHORT_CREATE_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    char name[SAFE_MAX], code[SAFE_MAX];

    cr.name = (char *)args->arg;
    req.body_case = LAB__V1__ENVELOPE__BODY_COHORT_CREATE_REQ;
    req.cohort_create_req = &cr;
    if (cohort_call(a, &req, false, &reply, f) < 0) {
        if (strcmp(f->code, "forbidden") == 0)
            fail_hint(f, "Only teachers can create classes.");
        else if (strcmp(f->code, "conflict") == 0)
            fail_hint(f, "A class with that name exists; choose another name.");
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_COHORT) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    if (a->json) {
        json_cohort(j, "cohort", reply->cohort);
        wire_free(reply);
        return 0;
    }
    safe(name, sizeof name, reply->cohort->name);
    safe(code, sizeof code, reply->cohort->join_code);
    printf("Created the class %s%s%s.\n", render_sgr(a->color, ST_BOLD), name,
           render_sgr(a->color, ST_NONE));
    printf("Join code: %s%s%s\n", render_sgr(a->color, ST_GREEN), code,
           render_sgr(a->color, ST_NONE));
    printf("Students join with: labclient register USERNAME --code %s\n"
           "       (or, with an account already: labclient cohort join %s)\n",
           code, code);
    wire_free(reply);
    return 0;
}

static int cmd_cohort_join(struct app *a, const struct cli_args *args, struct json *j,
                           struct fail *f)
{
    Lab__V1__CohortJoinRequest jr = LAB__V1__COHORT_JOIN_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    char name[SAFE_MAX];

    jr.join_code = (char *)args->arg;
    req.body_case = LAB__V1__ENVELOPE__BODY_COHORT_JOIN_REQ;
    req.cohort_join_req = &jr;
    if (cohort_call(a, &req, true, &reply, f) < 0) {
        if (strcmp(f->code, "not_found") == 0)
            fail_hint(f, "Check the join code with your teacher (letters and digits, no spaces).");
        return -1;
    }
    if (reply->body_case == LAB__V1__ENVELOPE__BODY_COHORT) {
        if (a->json)
            json_cohort(j, "cohort", reply->cohort);
        else
            printf("You joined the class %s%s%s.\n", render_sgr(a->color, ST_BOLD),
                   safe(name, sizeof name, reply->cohort->name), render_sgr(a->color, ST_NONE));
    } else if (reply->body_case == LAB__V1__ENVELOPE__BODY_OK) {
        if (!a->json)
            printf("You joined the class.\n");
    } else {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    wire_free(reply);
    return 0;
}

static int cmd_cohort_list(struct app *a, struct json *j, struct fail *f)
{
    Lab__V1__CohortListRequest lr = LAB__V1__COHORT_LIST_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    const Lab__V1__CohortList *cl;
    static const char *const hdr[] = {"CLASS", "OWNER", "STUDENTS", "JOIN CODE"};
    bool any_code = false;
    struct table t;

    req.body_case = LAB__V1__ENVELOPE__BODY_COHORT_LIST_REQ;
    req.cohort_list_req = &lr;
    if (cohort_call(a, &req, true, &reply, f) < 0)
        return -1;
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_COHORT_LIST) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    cl = reply->cohort_list;
    if (a->json) {
        json_arr_open(j, "cohorts");
        for (size_t i = 0; i < cl->n_cohorts; i++)
            json_cohort(j, NULL, cl->cohorts[i]);
        json_arr_close(j);
        wire_free(reply);
        return 0;
    }
    if (cl->n_cohorts == 0) {
        printf("You are not in any class yet. Join one with: %scohort join CODE\n",
               a->in_shell ? "" : "labclient ");
        wire_free(reply);
        return 0;
    }
    for (size_t i = 0; i < cl->n_cohorts; i++)
        any_code |= cl->cohorts[i]->join_code && cl->cohorts[i]->join_code[0];
    if (table_init(&t, any_code ? 4 : 3, hdr) < 0)
        goto oom;
    for (size_t i = 0; i < cl->n_cohorts; i++) {
        const Lab__V1__Cohort *c = cl->cohorts[i];
        char name[SAFE_MAX], owner[SAFE_MAX], code[SAFE_MAX], n[16];
        const char *row[4];

        snprintf(n, sizeof n, "%" PRIu32, c->n_students);
        row[0] = safe(name, sizeof name, c->name);
        row[1] = safe(owner, sizeof owner, c->owner);
        row[2] = n;
        row[3] = safe(code, sizeof code, c->join_code);
        if (table_add(&t, row) < 0) {
            table_release(&t);
            goto oom;
        }
    }
    table_print(&t, stdout, a->color, 40);
    table_release(&t);
    wire_free(reply);
    return 0;
oom:
    wire_free(reply);
    return fail_set(f, EXIT_REFUSED, "internal", "out of memory");
}

static void format_date(int64_t t, char *out, size_t cap)
{
    struct tm tm;
    time_t tt = (time_t)t;

    if (t <= 0 || !localtime_r(&tt, &tm) || !strftime(out, cap, "%Y-%m-%d", &tm))
        snprintf(out, cap, "-");
}

static int cmd_cohort_roster(struct app *a, const struct cli_args *args, struct json *j,
                             struct fail *f)
{
    Lab__V1__CohortRosterRequest rr = LAB__V1__COHORT_ROSTER_REQUEST__INIT;
    Envelope req = LAB__V1__ENVELOPE__INIT;
    Envelope *reply = NULL;
    const Lab__V1__Roster *r;
    Lab__V1__Cohort empty = LAB__V1__COHORT__INIT;
    static const char *const hdr[] = {"USERNAME", "NAME", "ROLE", "JOINED"};
    char name[SAFE_MAX];
    struct table t;

    rr.cohort = (char *)args->arg;
    req.body_case = LAB__V1__ENVELOPE__BODY_COHORT_ROSTER_REQ;
    req.cohort_roster_req = &rr;
    if (cohort_call(a, &req, true, &reply, f) < 0) {
        if (strcmp(f->code, "not_found") == 0)
            fail_hint(f, "Check the class name: %scohort list shows your classes.",
                      a->in_shell ? "" : "labclient ");
        return -1;
    }
    if (reply->body_case != LAB__V1__ENVELOPE__BODY_ROSTER) {
        cmd_unexpected(reply, f);
        wire_free(reply);
        return -1;
    }
    r = reply->roster;
    if (a->json) {
        json_cohort(j, "cohort", r->cohort ? r->cohort : &empty);
        json_arr_open(j, "members");
        for (size_t i = 0; i < r->n_members; i++) {
            json_obj_open(j, NULL);
            json_str(j, "username", r->members[i]->username);
            json_str(j, "display_name", r->members[i]->display_name);
            json_str(j, "role", app_role_name(r->members[i]->role));
            json_i64(j, "joined_at", r->members[i]->joined_at);
            json_obj_close(j);
        }
        json_arr_close(j);
        wire_free(reply);
        return 0;
    }
    printf("%sClass %s%s: %zu member%s\n\n", render_sgr(a->color, ST_BOLD),
           safe(name, sizeof name, r->cohort ? r->cohort->name : args->arg),
           render_sgr(a->color, ST_NONE), r->n_members, r->n_members == 1 ? "" : "s");
    if (r->n_members == 0) {
        wire_free(reply);
        return 0;
    }
    if (table_init(&t, 4, hdr) < 0)
        goto oom;
    for (size_t i = 0; i < r->n_members; i++) {
        const Lab__V1__Member *m = r->members[i];
        char user[SAFE_MAX], disp[SAFE_MAX], date[32];
        const char *row[4];

        format_date(m->joined_at, date, sizeof date);
        row[0] = safe(user, sizeof user, m->username);
        row[1] = safe(disp, sizeof disp, m->display_name);
        row[2] = app_role_name(m->role);
        row[3] = date;
        if (table_add(&t, row) < 0) {
            table_release(&t);
            goto oom;
        }
    }
    table_print(&t, stdout, a->color, 40);
    table_release(&t);
    wire_free(reply);
    return 0;
oom:
    wire_free(reply);
    return fail_set(f, EXIT_REFUSED, "internal", "out of memory");
}

/* ----------------------------------------------------------------- local */

static int cmd_forget_server(struct app *a, const struct cli_args *args, struct json *j,
                             struct fail *f)
{
    char path[STATE_PATH_MAX], hp[URL_HOST_MAX + 16], shown[SAFE_MAX];
    struct lab_url u;
    struct lab_err err;
    int rc;

    if (app_state(a, f) < 0)
        return -1;
    /* Accept HOST:PORT as printed in the warning, or a full URL. */
    if (url_parse(args->arg, &u, &err) < 0 || !strchr(args->arg, ':')) {
        fail_set(f, EXIT_USAGE, "usage", "'%s' is not a HOST:PORT.",
                 safe(shown, sizeof shown, args->arg));
        fail_hint(f, "Use it exactly as labclient printed it, e.g. labclient forget-server "
                     "lab.school.example:7443");
        return -1;
    }
    url_hostport(&u, hp, sizeof hp);
    if (state_path(&a->st, "known_servers", path, sizeof path) < 0)
        return fail_set(f, EXIT_USAGE, "config_error", "the config folder path is too long");
    rc = known_remove(path, hp, &err);
    if (rc == LAB_E_NOT_FOUND) {
        fail_set(f, EXIT_REFUSED, "not_found", "No certificate is saved for %s.", hp);
        fail_hint(f, "Nothing to do.");
        return -1;
    }
    if (rc < 0) {
        fail_set(f, EXIT_USAGE, "config_error", "%s.", err.msg);
        return -1;
    }
    if (a->json) {
        json_str(j, "forgotten", hp);
        return 0;
    }
    printf("Forgot the saved certificate of %s. The next connection shows its fingerprint "
           "again: check it with your teacher.\n",
           hp);
    return 0;
}

static int cmd_help(struct app *a, const struct cli_args *args, struct json *j)
{
    char text[8192];
    enum cmd_id topic = CMD_NONE;

    if (args->cmd == CMD_HELP) {
        if (!args_help_topic(args->arg, args->arg2, &topic))
            topic = CMD_NONE;
    } else {
        topic = args->cmd;
    }
    args_help(topic, a->in_shell ? "" : "labclient ", text, sizeof text);
    if (a->json)
        json_str(j, "help", text);
    else
        fputs(text, stdout);
    return 0;
}

static char capital(char ch)
{
    return ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
}

static bool stderr_color(bool no_color_flag)
{
    const char *nc = getenv("NO_COLOR");

    return isatty(STDERR_FILENO) == 1 && !no_color_flag && !(nc && nc[0]);
}

/* Print @f for a person on stderr (or as JSON on stdout with --json). */
void cmd_report_failure(const struct app *a, const struct fail *f)
{
    bool color = stderr_color(a->no_color_flag);

    if (a->json) {
        struct json j;

        json_init(&j);
        json_obj_open(&j, NULL);
        json_bool(&j, "ok", false);
        json_obj_open(&j, "error");
        json_str(&j, "code", f->code);
        json_str(&j, "text", f->text);
        json_u64(&j, "retry_after_ms", f->retry_after_ms);
        if (f->hint[0])
            json_str(&j, "hint", f->hint);
        json_obj_close(&j);
        json_obj_close(&j);
        if (json_write(&j, stdout) < 0)
            fprintf(stderr, "%s\n", f->text);
        json_release(&j);
        return;
    }
    /* Sentences start with a capital, whoever wrote them (server texts often do not). */
    fprintf(stderr, "%s%c%s%s\n", render_sgr(color, ST_RED), capital(f->text[0]),
            f->text[0] ? f->text + 1 : "", render_sgr(color, ST_NONE));
    if (f->hint[0])
        fprintf(stderr, "%s%c%s%s\n", render_sgr(color, ST_YELLOW), capital(f->hint[0]),
                f->hint + 1, render_sgr(color, ST_NONE));
}

int cmd_run(struct app *a, const struct cli_args *args, struct json *j, struct fail *f)
{
    if (args->show_help || args->cmd == CMD_HELP)
        return cmd_help(a, args, j);
    switch (args->cmd) {
    case CMD_REGISTER:
        return cmd_register(a, args, j, f);
    case CMD_LOGIN:
        return cmd_login(a, args, j, f);
    case CMD_LOGOUT:
        return cmd_logout(a, j, f);
    case CMD_WHOAMI:
        return cmd_whoami(a, j, f);
    case CMD_LABS:
        return cmd_labs(a, j, f);
    case CMD_SHOW:
        return cmd_show(a, args, j, f);
    case CMD_COHORT_CREATE:
        return cmd_cohort_create(a, args, j, f);
    case CMD_COHORT_JOIN:
        return cmd_cohort_join(a, args, j, f);
    case CMD_COHORT_LIST:
        return cmd_cohort_list(a, j, f);
    case CMD_COHORT_ROSTER:
        return cmd_cohort_roster(a, args, j, f);
    case CMD_FORGET_SERVER:
        return cmd_forget_server(a, args, j, f);
    case CMD_START:
        return cmd_start(a, args, j, f);
    case CMD_SUBMIT:
        return cmd_submit(a, args, j, f);
    case CMD_RESULTS:
        return cmd_results(a, args, j, f);
    case CMD_BOARD:
        return cmd_board(a, args, j, f);
    case CMD_NAME:
        return cmd_name(a, args, j, f);
    case CMD_LIVE_START:
        return cmd_live_start(a, args, j, f);
    case CMD_LIVE_END:
        return cmd_live_end(a, args, j, f);
    case CMD_LIVE_WATCH:
        return cmd_live_watch(a, args, j, f);
    case CMD_ROSTER_ADD:
        return cmd_roster_add(a, args, j, f);
    case CMD_ROSTER_REMOVE:
        return cmd_roster_remove(a, args, j, f);
    case CMD_ROSTER_RESET_PASSWORD:
        return cmd_roster_reset_password(a, args, j, f);
    case CMD_STUDENT:
        return cmd_student(a, args, j, f);
    case CMD_CODE:
        return cmd_code(a, args, j, f);
    case CMD_LABS_OPEN:
    case CMD_LABS_CLOSE:
        return cmd_labs_open(a, args, j, f);
    case CMD_GRADEBOOK:
        return cmd_gradebook(a, args, j, f);
    case CMD_COHORT_BOARD_MODE:
        return cmd_board_mode(a, args, j, f);
    default:
        return cmd_help(a, args, j);
    }
}
