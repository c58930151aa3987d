/*
 * args.h — the labclient command line, shared by main.c and the shell.
 *
 *   labclient [global options] COMMAND [ARGS]
 *
 * Parsing never prints and never exits: it fills struct cli_args or returns
 * LAB_E_PARSE with a sentence for the student (main.c turns that into exit
 * code 2). Global options are accepted anywhere on the line, so both
 * `labclient --json labs` and `labclient labs --json` work.
 */
#ifndef LAB_CLIENT_ARGS_H
#define LAB_CLIENT_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

enum cmd_id {
    CMD_NONE = 0, /* no command: the shell on a terminal, help otherwise */
    CMD_REGISTER,
    CMD_LOGIN,
    CMD_LOGOUT,
    CMD_WHOAMI,
    CMD_LABS,
    CMD_SHOW,
    CMD_COHORT, /* only as a help topic: `labclient cohort --help` */
    CMD_COHORT_CREATE,
    CMD_COHORT_JOIN,
    CMD_COHORT_LIST,
    CMD_COHORT_ROSTER,
    CMD_SHELL,
    CMD_HELP,
    CMD_FORGET_SERVER,
    CMD_START,
    CMD_SUBMIT,
    CMD_RESULTS,
    CMD_BOARD,
    CMD_EXIT, /* shell only: exit / quit */
    /* live exercises and the instructor's tools */
    CMD_LIVE, /* only as a help topic: `labclient live --help` */
    CMD_LIVE_START,
    CMD_LIVE_END,
    CMD_LIVE_WATCH,
    CMD_ROSTER, /* only as a help topic */
    CMD_ROSTER_ADD,
    CMD_ROSTER_REMOVE,
    CMD_ROSTER_RESET_PASSWORD,
    CMD_STUDENT,
    CMD_CODE,
    CMD_LABS_OPEN,
    CMD_LABS_CLOSE,
    CMD_GRADEBOOK,
    CMD_COHORT_BOARD_MODE,
    CMD_NAME,
};

struct cli_args {
    /* global */
    const char *server; /* --server URL */
    const char *ca;     /* --ca FILE */
    bool json;          /* --json */
    bool no_color;      /* --no-color */
    bool verbose;       /* --verbose: show libwebsockets' own log lines */
    bool show_help;     /* -h/--help: help for cmd (or general help) */
    bool show_version;  /* --version */
    /* command */
    enum cmd_id cmd;
    const char *arg;          /* USERNAME, LAB, NAME, CODE, COHORT, HOST:PORT, or a help topic */
    const char *arg2;         /* second word: a help topic's ("help cohort create"), USER, LAB,
                                 the live lab (id or folder), the board mode */
    const char *arg3;         /* student COHORT USER [LAB] */
    const char *join_code;    /* register --code */
    const char *display_name; /* register --name */
    bool password_stdin;      /* --password-stdin */
    const char *file;         /* start/submit FILE (NULL: LAB.py) */
    bool force;               /* start --force: overwrite FILE */
    bool no_wait;             /* submit --no-wait: return after the server queued it */
    bool last;                /* results --last: the newest result in full */
    unsigned limit;           /* results --limit N (0: not given) */
    const char *cohort;       /* board --cohort NAME */
    unsigned minutes;         /* live start --minutes N (0: until `live end`) */
    const char *out;          /* gradebook --out FILE (NULL: stdout) */
    int64_t submission_id;    /* code SUBMISSION_ID */
};

#define ARGS_RESULTS_MAX_LIMIT 100 /* the server's cap on ListResultsRequest.limit */
#define ARGS_MAX_MINUTES 600       /* live start --minutes: ten hours is more than any lesson */

/*
 * Parse @argv[1..@argc) into @a. @in_shell refuses what makes no sense
 * inside the shell (--server, --ca, shell) and accepts exit/quit.
 * Returns 0, or LAB_E_PARSE with a message in @msg (capacity @cap).
 * Pointers in @a borrow from @argv.
 */
int args_parse(int argc, char **argv, bool in_shell, struct cli_args *a, char *msg,
               size_t cap) LAB_MUST_USE;

/*
 * Help text for @id (CMD_NONE: the overview) into @out. @prog is
 * "labclient " on the command line and "" in the shell.
 */
void args_help(enum cmd_id id, const char *prog, char *out, size_t cap);

/* Map a help topic ("cohort", "cohort create", "login") to a command; false if unknown. */
bool args_help_topic(const char *w1, const char *w2, enum cmd_id *out);

/* Every command word, NULL-terminated (for TAB completion). */
extern const char *const args_words[];

/*
 * Split a shell line into words: whitespace separates, '...' and "..."
 * quote, backslash escapes one character. Returns 0, LAB_E_PARSE for an
 * unclosed quote, or LAB_E_TOO_LARGE for more than @max words.
 * Ownership: on success the caller frees *@buf (the words point into it).
 */
int args_split(const char *line, char **words, int max, int *n, char **buf) LAB_MUST_USE;

#endif
