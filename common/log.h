/*
 * log.h — one line per event on stderr, key=value.
 *
 *   ts=2026-11-25T10:31:27.636Z lvl=info ev=submission.queued user=1042 lab=py-001
 *
 * ev names are area.past_tense_verb and stable: operators and tests grep them.
 * Student- or network-controlled text goes through log_q() so it is quoted,
 * escaped and capped; never log secrets.
 */
#ifndef LAB_COMMON_LOG_H
#define LAB_COMMON_LOG_H

#include <stddef.h>

enum log_level { LOG_DEBUG = 0, LOG_INFO = 1, LOG_WARN = 2, LOG_ERROR = 3 };

#define LOG_VALUE_MAX 200

/* Set the lowest level printed (default LOG_INFO). */
void log_set_level(enum log_level lvl);

/* Parse "debug|info|warn|error"; returns 0 or LAB_E_PARSE. */
int log_level_parse(const char *s, enum log_level *out);

/* Set a program name printed as prog= on every line (borrowed, must outlive logging). */
void log_set_prog(const char *prog);

/* Emit one event. @fmt formats the event-specific key=value pairs (may be NULL). */
void log_event(enum log_level lvl, const char *ev, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Quote @s for a log value into @out (capacity @cap): wrapped in double quotes,
 * with ", \ and control bytes escaped, and cut at LOG_VALUE_MAX input bytes.
 * Returns @out, so it can be used inline as a %s argument.
 */
const char *log_q(char *out, size_t cap, const char *s);

#endif
