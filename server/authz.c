/*
 * authz.c — the cohort authorisation rule (see authz.h).
 */
#include "server/authz.h"

#include <string.h>

enum authz_verdict authz_cohort(bool found, Lab__V1__Role role, bool is_owner,
                                const char *member_role, enum authz_need need, bool *full_view)
{
    bool staff, student;

    if (full_view)
        *full_view = false;
    if (!found)
        return AUTHZ_NOT_FOUND;
    /* An account that is no longer an instructor keeps no power through old rows. */
    staff = role == LAB__V1__ROLE__ADMIN || (role == LAB__V1__ROLE__INSTRUCTOR &&
                                             (is_owner || strcmp(member_role, "instructor") == 0));
    student = strcmp(member_role, "student") == 0;
    if (staff) {
        if (full_view)
            *full_view = true;
        return AUTHZ_OK;
    }
    if (need == AUTHZ_MEMBER && student)
        return AUTHZ_OK;
    return AUTHZ_FORBIDDEN;
}
