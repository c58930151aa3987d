/*
 * router.c — the request table (see router.h).
 */
#include "server/router.h"

#include <stddef.h>

#include "common/str.h"
#include "server/handlers.h"

#define B(x) LAB__V1__ENVELOPE__BODY_##x

static const struct route routes[] = {
    {B(ERROR), ROUTE_SERVER_ONLY, NULL},
    {B(HELLO), ROUTE_HELLO, h_hello},
    {B(HELLO_OK), ROUTE_SERVER_ONLY, NULL},
    {B(OK), ROUTE_SERVER_ONLY, NULL},

    {B(REGISTER_REQ), ROUTE_ANON, h_register},
    {B(LOGIN_REQ), ROUTE_ANON, h_login},
    {B(RESUME_REQ), ROUTE_ANON, h_resume},
    {B(AUTH_OK), ROUTE_SERVER_ONLY, NULL},
    {B(LOGOUT_REQ), ROUTE_USER, h_logout},

    {B(LIST_LABS_REQ), ROUTE_USER, h_list_labs},
    {B(LAB_LIST), ROUTE_SERVER_ONLY, NULL},
    {B(GET_LAB_REQ), ROUTE_USER, h_get_lab},
    {B(LAB_DETAIL), ROUTE_SERVER_ONLY, NULL},

    {B(COHORT_CREATE_REQ), ROUTE_STAFF, h_cohort_create},
    {B(COHORT_JOIN_REQ), ROUTE_STUDENT, h_cohort_join},
    {B(COHORT_LIST_REQ), ROUTE_USER, h_cohort_list},
    {B(COHORT_LIST), ROUTE_SERVER_ONLY, NULL},
    {B(COHORT_ROSTER_REQ), ROUTE_STAFF, h_cohort_roster},
    {B(ROSTER), ROUTE_SERVER_ONLY, NULL},
    {B(COHORT), ROUTE_SERVER_ONLY, NULL},

    {B(SUBMIT_REQ), ROUTE_USER, h_submit},
    {B(SUBMIT_ACK), ROUTE_SERVER_ONLY, NULL},
    {B(PROGRESS), ROUTE_SERVER_ONLY, NULL},
    {B(RESULT), ROUTE_SERVER_ONLY, NULL},
    {B(LIST_RESULTS_REQ), ROUTE_USER, h_list_results},
    {B(RESULT_LIST), ROUTE_SERVER_ONLY, NULL},

    {B(GET_BOARD_REQ), ROUTE_USER, h_get_board},
    {B(BOARD), ROUTE_SERVER_ONLY, NULL},

    {B(LIVE_START_REQ), ROUTE_STAFF, h_live_start},
    {B(LIVE_NOTICE), ROUTE_SERVER_ONLY, NULL},
    {B(LIVE_END_REQ), ROUTE_STAFF, h_live_end},
    {B(LIVE_WATCH_REQ), ROUTE_USER, h_live_watch},
    {B(LIVE_BOARD), ROUTE_SERVER_ONLY, NULL},
    {B(ROSTER_ADD_REQ), ROUTE_STAFF, h_roster_add},
    {B(ROSTER_REMOVE_REQ), ROUTE_STAFF, h_roster_remove},
    {B(RESET_PASSWORD_REQ), ROUTE_STAFF, h_reset_password},
    {B(STUDENT_RESULTS_REQ), ROUTE_STAFF, h_student_results},
    {B(SUBMISSION_CODE_REQ), ROUTE_STAFF, h_submission_code},
    {B(SUBMISSION_CODE), ROUTE_SERVER_ONLY, NULL},
    {B(COHORT_LAB_REQ), ROUTE_STAFF, h_cohort_lab},
    {B(GRADEBOOK_REQ), ROUTE_STAFF, h_gradebook},
    {B(GRADEBOOK), ROUTE_SERVER_ONLY, NULL},
    {B(BOARD_MODE_REQ), ROUTE_STAFF, h_board_mode},
    {B(SET_DISPLAY_NAME_REQ), ROUTE_USER, h_set_display_name},
};

static const struct route *find_route(Lab__V1__Envelope__BodyCase body)
{
    for (size_t i = 0; i < ARRAY_SIZE(routes); i++)
        if (routes[i].body == body)
            return &routes[i];
    return NULL;
}

enum route_verdict router_check(Lab__V1__Envelope__BodyCase body, enum sess_state state,
                                Lab__V1__Role role, const struct route **route)
{
    const struct route *r = find_route(body);

    *route = NULL;
    if (state == SESS_NEW)
        return r && r->policy == ROUTE_HELLO ? (*route = r, RV_OK) : RV_NEED_HELLO;
    if (!r || r->policy == ROUTE_SERVER_ONLY)
        return RV_SERVER_ONLY;
    switch (r->policy) {
    case ROUTE_HELLO:
        return RV_DUP_HELLO;
    case ROUTE_LATER:
        return RV_LATER;
    case ROUTE_ANON:
        break;
    case ROUTE_USER:
        if (state != SESS_AUTHED)
            return RV_UNAUTH;
        break;
    case ROUTE_STUDENT:
        if (state != SESS_AUTHED)
            return RV_UNAUTH;
        if (role != LAB__V1__ROLE__STUDENT)
            return RV_FORBIDDEN;
        break;
    case ROUTE_STAFF:
        if (state != SESS_AUTHED)
            return RV_UNAUTH;
        if (role != LAB__V1__ROLE__INSTRUCTOR && role != LAB__V1__ROLE__ADMIN)
            return RV_FORBIDDEN;
        break;
    case ROUTE_SERVER_ONLY:
        return RV_SERVER_ONLY;
    }
    *route = r;
    return RV_OK;
}

Lab__V1__ErrorCode router_refusal(enum route_verdict v, Lab__V1__Envelope__BodyCase body,
                                  const char **text)
{
    const struct route *r = find_route(body);

    switch (v) {
    case RV_NEED_HELLO:
        *text = "the first message on a connection must be hello; update labclient";
        return LAB__V1__ERROR_CODE__BAD_REQUEST;
    case RV_DUP_HELLO:
        *text = "hello was already received on this connection; send your request now";
        return LAB__V1__ERROR_CODE__BAD_REQUEST;
    case RV_SERVER_ONLY:
        *text = "clients cannot send this kind of message; update labclient";
        return LAB__V1__ERROR_CODE__BAD_REQUEST;
    case RV_UNAUTH:
        *text = "you are not logged in; log in (or register) first, then try again";
        return LAB__V1__ERROR_CODE__UNAUTHENTICATED;
    case RV_FORBIDDEN:
        if (r && r->policy == ROUTE_STUDENT)
            *text = "only students join classes with a join code; ask the class owner to "
                    "add you instead";
        else
            *text = "only instructors and admins can do that; ask your teacher if you need it";
        return LAB__V1__ERROR_CODE__FORBIDDEN;
    case RV_LATER:
        *text = "this request is not available on this server yet; ask the operator to "
                "upgrade labserver";
        return LAB__V1__ERROR_CODE__BAD_REQUEST;
    case RV_OK:
        break;
    }
    *text = "";
    return LAB__V1__ERROR_CODE__ERROR_CODE_UNSPECIFIED;
}
