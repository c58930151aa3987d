/*
 * authz.h — who may act on a cohort: the one decision every instructor tool
 * and live request makes, pure so it is unit-tested as a table.
 *
 * Instructors of a cohort are its memberships with role 'instructor' and its
 * owner (cohorts.owner_id); admins may act on every cohort. An unknown
 * cohort is NOT_FOUND for everyone (its name is the only thing asked), a
 * known one that the asker may not touch is FORBIDDEN.
 */
#ifndef LAB_SERVER_AUTHZ_H
#define LAB_SERVER_AUTHZ_H

#include <stdbool.h>

#include "proto/wire.h"

enum authz_need {
    AUTHZ_STAFF,  /* the cohort's instructors and admins */
    AUTHZ_MEMBER, /* additionally the cohort's students */
};

enum authz_verdict { AUTHZ_OK, AUTHZ_NOT_FOUND, AUTHZ_FORBIDDEN };

/*
 * Decide for a user of account role @role looking at a cohort that exists
 * (@found), which they own (@is_owner), with membership role @member_role
 * ("student", "instructor" or "" when not a member). *@full_view (may be
 * NULL) is set when the user sees the cohort as staff (every board row).
 */
enum authz_verdict authz_cohort(bool found, Lab__V1__Role role, bool is_owner,
                                const char *member_role, enum authz_need need, bool *full_view);

#endif
