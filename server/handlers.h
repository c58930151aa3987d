/*
 * handlers.h — one function per request kind, called by the router on the
 * lws thread with a validated envelope whose policy check has passed.
 * A handler validates fields, then either answers at once or posts a
 * database job (req.h) whose completion sends the reply.
 */
#ifndef LAB_SERVER_HANDLERS_H
#define LAB_SERVER_HANDLERS_H

#include "server/router.h"

/* h_auth.c */
route_fn h_hello, h_register, h_login, h_resume, h_logout;
/* h_labs.c */
route_fn h_list_labs, h_get_lab;
/* h_cohort.c */
route_fn h_cohort_create, h_cohort_join, h_cohort_list, h_cohort_roster;
/* h_submit.c */
route_fn h_submit, h_list_results;
/* h_board.c */
route_fn h_get_board;
/* h_live.c */
route_fn h_live_start, h_live_end, h_live_watch;
/* h_teach.c */
route_fn h_roster_add, h_roster_remove, h_reset_password, h_student_results, h_submission_code,
    h_cohort_lab, h_gradebook, h_board_mode, h_set_display_name;

#endif
