/*
 * args.c — see args.h. One table describes every command: its words, its
 * usage line, a one-line summary and its help text, so `help`, `--help`,
 * usage errors and TAB completion never disagree.
 */
#include "client/args.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/str.h"

#define MAX_POS 8

struct cmd_info {
    enum cmd_id id;
    const char *name;
    const char *usage; /* after the program name */
    const char *summary;
    const char *details;
    bool needs_login;
    bool needs_server;
};

static const struct cmd_info cmds[] = {
    {CMD_REGISTER, "register",
     "register USERNAME --code JOINCODE [--name DISPLAYNAME] [--password-stdin]",
     "create your account with the join code from your teacher",
     "Creates your account and logs you in. Your teacher gives you the join code.\n"
     "You choose a password; labclient asks for it twice and does not show it.\n"
     "  --code JOINCODE      the join code of your class (required)\n"
     "  --name DISPLAYNAME   the name others see on boards (default: USERNAME)\n"
     "  --password-stdin     read the password from the first line of input\n",
     false, true},
    {CMD_LOGIN, "login", "login USERNAME [--password-stdin]", "log in to your account",
     "Logs you in; labclient remembers the session until you log out.\n"
     "  --password-stdin     read the password from the first line of input\n",
     false, true},
    {CMD_LOGOUT, "logout", "logout", "log out (forget the session on this computer)",
     "Ends your session on the server and removes it from this computer.\n", true, true},
    {CMD_WHOAMI, "whoami", "whoami", "show who you are logged in as",
     "Shows your username, display name and role.\n", true, true},
    {CMD_LABS, "labs", "labs", "list the labs (id, title, points, roadmap items)",
     "Lists every lab you can work on. Use the ID with `show`.\n"
     "Teachers: labs open COHORT LAB and labs close COHORT LAB choose what a class sees.\n",
     true, true},
    {CMD_SHOW, "show", "show LAB", "show a lab's task and its starter code",
     "Prints the lab's statement and its starter code.\n", true, true},
    {CMD_COHORT, "cohort", "cohort create|join|list|roster|board-mode ...", "classes (cohorts)",
     "Commands for classes:\n"
     "  cohort create NAME   (teachers) create a class and print its join code\n"
     "  cohort join CODE     join a class with the code your teacher gives you\n"
     "  cohort list          list your classes\n"
     "  cohort roster NAME   list the members of a class\n"
     "  cohort board-mode NAME full|top10|hidden\n"
     "                       (teachers) what students see on the class's boards\n",
     true, true},
    {CMD_COHORT_CREATE, "cohort create", "cohort create NAME",
     "(teachers) create a class; prints the join code",
     "Creates a class called NAME and prints the join code to give to your students.\n", true,
     true},
    {CMD_COHORT_JOIN, "cohort join", "cohort join CODE", "join a class with its join code",
     "Joins the class whose join code your teacher gave you.\n", true, true},
    {CMD_COHORT_LIST, "cohort list", "cohort list", "list your classes",
     "Lists the classes you are in (teachers: the classes you own, with join codes).\n", true,
     true},
    {CMD_COHORT_ROSTER, "cohort roster", "cohort roster NAME", "list a class's members",
     "Lists the members of the class called NAME.\n", true, true},
    {CMD_START, "start", "start [LAB [FILE]] [--force]", "save a lab's starter code to LAB.py",
     "Saves the lab's starter code to FILE (default: LAB.py in this folder), shows the\n"
     "start of the task, and tells you what to do next. An existing file is never\n"
     "replaced unless you add --force. Without LAB: the live exercise your teacher\n"
     "started.\n"
     "  --force              replace FILE if it exists (your changes in it are lost)\n",
     true, true},
    {CMD_SUBMIT, "submit", "submit [LAB [FILE]] [--no-wait]",
     "hand in your program and see the result",
     "Sends FILE (default: LAB.py in this folder) to be checked, waits for the result\n"
     "(without LAB: the live exercise's lab)\n"
     "(usually a few seconds) and shows every check: passed or failed, what your\n"
     "program gave and, for visible checks, what was expected.\n"
     "  --no-wait            do not wait; see the result later with `results LAB`\n"
     "Exit status: 0 when your program was checked (whatever the score), 1 when the\n"
     "server refused it, 2 when FILE cannot be sent, 3 when the connection was lost or\n"
     "the result took too long (it still appears in `results LAB`).\n",
     true, true},
    {CMD_RESULTS, "results", "results [LAB] [--limit N] [--last]",
     "your past submissions, newest first",
     "Lists your submissions (all labs, or only LAB), newest first: number, lab, when,\n"
     "verdict and score.\n"
     "  --limit N            show at most N submissions (1-100, default 20)\n"
     "  --last               show the newest submission in full, check by check\n",
     true, true},
    {CMD_BOARD, "board", "board [LAB] [--cohort NAME]", "your class's leaderboard (or one lab's)",
     "Shows the leaderboard of your class: rank, name, points, labs solved and when\n"
     "each person last improved. With LAB, the board of that lab only. Your row is\n"
     "marked.\n"
     "  --cohort NAME        which class (needed only if you are in more than one)\n",
     true, true},
    {CMD_SHELL, "shell", "shell", "interactive shell (TAB completes, `exit` leaves)",
     "Starts an interactive shell: type the commands above without `labclient`.\n"
     "TAB completes command names and lab ids; `help` lists commands; exit or Ctrl-D "
     "leaves.\n",
     false, true},
    {CMD_HELP, "help", "help [COMMAND]", "show help for a command",
     "Shows the list of commands, or the help for one command.\n", false, false},
    {CMD_FORGET_SERVER, "forget-server", "forget-server HOST:PORT",
     "forget a server's saved certificate",
     "Removes the saved certificate fingerprint of HOST:PORT. Only do this when your\n"
     "teacher says the server's certificate was replaced; the next connection then\n"
     "saves the new one.\n",
     false, false},
    {CMD_EXIT, "exit", "exit", "leave the shell", "Leaves the shell (Ctrl-D does too).\n", false,
     false},
    {CMD_NAME, "name", "name DISPLAYNAME", "choose the name others see on boards",
     "Sets the name shown on boards and live exercises instead of your username.\n"
     "Put it in quotes when it has spaces: name \"Ada L.\"\n",
     true, true},
    /* The instructor's side: everything from here on is listed under "Teacher commands". */
    {CMD_LIVE, "live", "live start|end|watch ...", "live exercises",
     "Live exercises: one lab on every student's screen, with a live board.\n"
     "  live start COHORT LAB      put a catalog lab live for the class\n"
     "  live start COHORT ./DIR/   put your own lab live (the folder is checked first)\n"
     "  live end COHORT            end the live exercise\n"
     "  live watch COHORT          full-screen live board for the projector\n",
     true, true},
    {CMD_LIVE_START, "live start", "live start COHORT LAB|DIR [--minutes N]",
     "put a lab live on every screen of a class",
     "Starts a live exercise: every student of COHORT sees it at once and can type\n"
     "`start`. LAB is a catalog lab id; an argument with a '/' in it (or naming a\n"
     "folder) is your own lab: labclient sends lab.ini, README.md, starter.py,\n"
     "solution.py and checks.py from that folder (256 KiB each, 512 KiB in all) and\n"
     "the server checks it in the sandbox before it goes live (a few seconds).\n"
     "  --minutes N          end it by itself after N minutes (default: when you\n"
     "                       run live end)\n"
     "Try your own lab first with: labsandbox check ./DIR/\n",
     true, true},
    {CMD_LIVE_END, "live end", "live end COHORT", "end the live exercise of a class",
     "Ends the live exercise of COHORT; students see that it has ended. Their\n"
     "submissions and the board stay.\n",
     true, true},
    {CMD_LIVE_WATCH, "live watch", "live watch COHORT",
     "full-screen live board (for the projector)",
     "Shows the live board of COHORT full-screen: title, time left, how many solved\n"
     "it, and per student the rank, attempts, best score and when they solved it\n"
     "(minutes:seconds after the start). It updates by itself; q quits. When the\n"
     "exercise ends the final board stays until you press q.\n"
     "When the output is not a terminal it prints the board as text on every change\n"
     "(with --json: one JSON object per line) and stops when the exercise ends.\n",
     true, true},
    {CMD_ROSTER, "roster", "roster add|remove|reset-password ...", "manage a class's students",
     "Commands for the students of a class (see cohort roster NAME for the list):\n"
     "  roster add COHORT USER             add an existing account to the class\n"
     "  roster remove COHORT USER          take a student out of the class\n"
     "  roster reset-password COHORT USER  give a student a new password\n",
     true, true},
    {CMD_ROSTER_ADD, "roster add", "roster add COHORT USER", "add a student to a class",
     "Adds the existing account USER to COHORT.\n", true, true},
    {CMD_ROSTER_REMOVE, "roster remove", "roster remove COHORT USER",
     "take a student out of a class",
     "Removes USER from COHORT. Their account and submissions stay.\n", true, true},
    {CMD_ROSTER_RESET_PASSWORD, "roster reset-password",
     "roster reset-password COHORT USER [--password-stdin]", "give a student a new password",
     "Sets a new password for USER, a student of COHORT (labclient asks for it twice\n"
     "and does not show it). Tell the student the new one in person.\n"
     "  --password-stdin     read the new password from the first line of input\n",
     true, true},
    {CMD_STUDENT, "student", "student COHORT USER [LAB] [--limit N]",
     "a student's submissions, newest first",
     "Lists the submissions of USER (a student of COHORT), all labs or only LAB:\n"
     "number, lab, when, verdict and score. See one program with: code NUMBER\n"
     "  --limit N            show at most N submissions (1-100, default 20)\n",
     true, true},
    {CMD_CODE, "code", "code SUBMISSION_ID", "print the program of a submission",
     "Prints the program a student handed in as submission SUBMISSION_ID (the number\n"
     "in `student` and `results`). Redirect it to keep it: code 42 > alice-42.py\n",
     true, true},
    {CMD_LABS_OPEN, "labs open", "labs open COHORT LAB", "let a class work on a lab",
     "Opens the catalog lab LAB for COHORT (labs are open until you close them).\n", true, true},
    {CMD_LABS_CLOSE, "labs close", "labs close COHORT LAB", "hide a lab from a class",
     "Closes LAB for COHORT: its students no longer see it or can submit it.\n", true, true},
    {CMD_GRADEBOOK, "gradebook", "gradebook COHORT [--out FILE] [--force]",
     "best scores of a class as CSV",
     "Prints the gradebook of COHORT as CSV: one row per student, one column per lab,\n"
     "the best score in each (for the school's grading system).\n"
     "  --out FILE           write it to FILE instead of the screen\n"
     "  --force              replace FILE if it exists\n",
     true, true},
    {CMD_COHORT_BOARD_MODE, "cohort board-mode", "cohort board-mode COHORT full|top10|hidden",
     "what students see on their class's board",
     "Chooses what the students of COHORT see on boards:\n"
     "  full     every row\n"
     "  top10    the first ten rows, plus their own\n"
     "  hidden   only their own row\n",
     true, true},
};

/* Listed under "Teacher commands" in the overview. */
static bool is_teacher(enum cmd_id id)
{
    return id == CMD_COHORT_CREATE || (id >= CMD_LIVE && id != CMD_NAME);
}

const char *const args_words[] = {
    "register",       "login",      "logout",  "whoami",        "labs",
    "show",           "cohort",     "help",    "forget-server", "exit",
    "quit",           "create",     "join",    "list",          "roster",
    "start",          "submit",     "results", "board",         "name",
    "live",           "end",        "watch",   "add",           "remove",
    "reset-password", "student",    "code",    "open",          "close",
    "gradebook",      "board-mode", NULL,
};

static const struct cmd_info *info_of(enum cmd_id id)
{
    for (size_t i = 0; i < ARRAY_SIZE(cmds); i++)
        if (cmds[i].id == id)
            return &cmds[i];
    return NULL;
}

static int usage_err(char *msg, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int usage_err(char *msg, size_t cap, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
    return LAB_E_PARSE;
}

bool args_help_topic(const char *w1, const char *w2, enum cmd_id *out)
{
    char name[64];

    if (!w1) {
        *out = CMD_NONE;
        return true;
    }
    if (strcmp(w1, "quit") == 0)
        w1 = "exit";
    snprintf(name, sizeof name, "%s%s%s", w1, w2 ? " " : "", w2 ? w2 : "");
    for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
        if (strcmp(cmds[i].name, name) == 0) {
            *out = cmds[i].id;
            return true;
        }
    }
    return false;
}

/* Value of an option: "--code=X" or "--code X". */
static int opt_value(int argc, char **argv, int *i, const char *eq, const char *name,
                     const char **out, char *msg, size_t cap)
{
    if (eq) {
        *out = eq + 1;
    } else if (*i + 1 < argc) {
        *out = argv[++*i];
    } else {
        return usage_err(msg, cap, "%s needs a value (for example: %s VALUE)", name, name);
    }
    if (!**out)
        return usage_err(msg, cap, "%s needs a value that is not empty", name);
    return 0;
}

static enum cmd_id lookup_cmd(const char *w)
{
    static const struct {
        const char *w;
        enum cmd_id id;
    } words[] = {
        {"register", CMD_REGISTER}, {"login", CMD_LOGIN},
        {"logout", CMD_LOGOUT},     {"whoami", CMD_WHOAMI},
        {"labs", CMD_LABS},         {"show", CMD_SHOW},
        {"cohort", CMD_COHORT},     {"shell", CMD_SHELL},
        {"help", CMD_HELP},         {"forget-server", CMD_FORGET_SERVER},
        {"start", CMD_START},       {"submit", CMD_SUBMIT},
        {"results", CMD_RESULTS},   {"board", CMD_BOARD},
        {"exit", CMD_EXIT},         {"quit", CMD_EXIT},
        {"name", CMD_NAME},         {"live", CMD_LIVE},
        {"roster", CMD_ROSTER},     {"student", CMD_STUDENT},
        {"code", CMD_CODE},         {"gradebook", CMD_GRADEBOOK},
    };

    for (size_t i = 0; i < ARRAY_SIZE(words); i++)
        if (strcmp(words[i].w, w) == 0)
            return words[i].id;
    return CMD_NONE;
}

/* Check the number of positional arguments after the command words. */
static int want_args(const struct cmd_info *ci, int have, int want, const char *prog, char *msg,
                     size_t cap)
{
    if (have == want)
        return 0;
    snprintf(msg, cap, "%s: %s. Usage: %s%s", ci->name,
             have < want ? "something is missing" : "too many words", prog, ci->usage);
    return LAB_E_PARSE;
}

/* The second word of a command that has several: cohort, live, roster, labs. */
static int parse_sub(struct cli_args *a, int npos, const char *const *pos, const char *prog,
                     int *first_arg, char *msg, size_t cap)
{
    static const struct {
        enum cmd_id group;
        const char *w;
        enum cmd_id id;
    } subs[] = {
        {CMD_COHORT, "create", CMD_COHORT_CREATE},
        {CMD_COHORT, "join", CMD_COHORT_JOIN},
        {CMD_COHORT, "list", CMD_COHORT_LIST},
        {CMD_COHORT, "roster", CMD_COHORT_ROSTER},
        {CMD_COHORT, "board-mode", CMD_COHORT_BOARD_MODE},
        {CMD_LIVE, "start", CMD_LIVE_START},
        {CMD_LIVE, "end", CMD_LIVE_END},
        {CMD_LIVE, "watch", CMD_LIVE_WATCH},
        {CMD_ROSTER, "add", CMD_ROSTER_ADD},
        {CMD_ROSTER, "remove", CMD_ROSTER_REMOVE},
        {CMD_ROSTER, "reset-password", CMD_ROSTER_RESET_PASSWORD},
        {CMD_LABS, "open", CMD_LABS_OPEN},
        {CMD_LABS, "close", CMD_LABS_CLOSE},
    };
    static const struct {
        enum cmd_id group;
        const char *words;
    } groups[] = {
        {CMD_COHORT, "create, join, list, roster or board-mode"},
        {CMD_LIVE, "start, end or watch"},
        {CMD_ROSTER, "add, remove or reset-password"},
    };
    const char *words = NULL;

    for (size_t k = 0; k < ARRAY_SIZE(groups); k++)
        if (groups[k].group == a->cmd)
            words = groups[k].words;
    if (npos < 2) {
        /* `labclient live`: fine for --help, otherwise say which words follow. */
        if (!words || a->show_help)
            return 0;
        return usage_err(msg, cap, "%s needs one more word: %s. Run %s%s --help", pos[0], words,
                         prog, pos[0]);
    }
    for (size_t k = 0; k < ARRAY_SIZE(subs); k++) {
        if (subs[k].group == a->cmd && strcmp(subs[k].w, pos[1]) == 0) {
            a->cmd = subs[k].id;
            *first_arg = 2;
            return 0;
        }
    }
    if (!words)
        return 0; /* `labs extra`: the word count check says what is wrong */
    return usage_err(msg, cap, "unknown %s command '%s'. Use one of: %s (run %s%s --help)", pos[0],
                     pos[1], words, prog, pos[0]);
}

/* Options that belong to one command only. */
static int check_options(const struct cli_args *a, bool has_code, bool has_name, bool has_limit,
                         char *msg, size_t cap)
{
    if ((has_code || has_name) && a->cmd != CMD_REGISTER)
        return usage_err(msg, cap, "%s is only used with register", has_code ? "--code" : "--name");
    if (a->password_stdin && a->cmd != CMD_REGISTER && a->cmd != CMD_LOGIN &&
        a->cmd != CMD_ROSTER_RESET_PASSWORD)
        return usage_err(msg, cap,
                         "--password-stdin is only used with login, register and roster "
                         "reset-password");
    if (a->force && a->cmd != CMD_START && a->cmd != CMD_GRADEBOOK)
        return usage_err(msg, cap, "--force is only used with start and gradebook");
    if (a->no_wait && a->cmd != CMD_SUBMIT)
        return usage_err(msg, cap, "--no-wait is only used with submit");
    if (a->last && a->cmd != CMD_RESULTS)
        return usage_err(msg, cap, "--last is only used with results");
    if (has_limit && a->cmd != CMD_RESULTS && a->cmd != CMD_STUDENT)
        return usage_err(msg, cap, "--limit is only used with results and student");
    if (a->cohort && a->cmd != CMD_BOARD)
        return usage_err(msg, cap, "--cohort is only used with board");
    if (a->last && has_limit)
        return usage_err(msg, cap, "--last shows one submission; leave out --limit");
    if (a->minutes && a->cmd != CMD_LIVE_START)
        return usage_err(msg, cap, "--minutes is only used with live start");
    if (a->out && a->cmd != CMD_GRADEBOOK)
        return usage_err(msg, cap, "--out is only used with gradebook");
    return 0;
}

static bool is_board_mode(const char *s)
{
    return strcasecmp(s, "full") == 0 || strcasecmp(s, "top10") == 0 ||
           strcasecmp(s, "hidden") == 0;
}

/* The words after the command: @n of them at @p. */
static int parse_positional(struct cli_args *a, const struct cmd_info *ci, int n,
                            const char *const *p, const char *prog, char *msg, size_t cap)
{
    uint64_t id;
    int rc;

    switch (a->cmd) {
    case CMD_COHORT:
    case CMD_LIVE:
    case CMD_ROSTER:
        return 0; /* parse_sub already refused these without --help */
    case CMD_HELP:
        if (n > 2)
            return want_args(ci, n, 2, prog, msg, cap);
        a->arg = n > 0 ? p[0] : NULL;
        a->arg2 = n > 1 ? p[1] : NULL;
        {
            enum cmd_id t;

            if (!args_help_topic(a->arg, a->arg2, &t))
                return usage_err(msg, cap, "there is no command '%s'. Run %shelp", a->arg, prog);
        }
        return 0;
    case CMD_REGISTER:
        rc = want_args(ci, n, 1, prog, msg, cap);
        if (rc < 0)
            return rc;
        if (!a->join_code) {
            snprintf(msg, cap,
                     "register needs the join code from your teacher: %sregister %s --code "
                     "JOINCODE",
                     prog, p[0]);
            return LAB_E_PARSE;
        }
        a->arg = p[0];
        return 0;
    case CMD_START:
    case CMD_SUBMIT:
        /* No LAB: the live exercise's lab (cmd_live.c finds it). */
        if (n > 2)
            return want_args(ci, n, 2, prog, msg, cap);
        a->arg = n > 0 ? p[0] : NULL;
        a->file = n == 2 ? p[1] : NULL;
        return 0;
    case CMD_RESULTS:
    case CMD_BOARD:
        if (n > 1)
            return want_args(ci, n, 1, prog, msg, cap);
        a->arg = n == 1 ? p[0] : NULL;
        return 0;
    case CMD_STUDENT:
        if (n < 2 || n > 3)
            return want_args(ci, n, n < 2 ? 2 : 3, prog, msg, cap);
        a->arg = p[0];
        a->arg2 = p[1];
        a->arg3 = n == 3 ? p[2] : NULL;
        return 0;
    case CMD_CODE:
        rc = want_args(ci, n, 1, prog, msg, cap);
        if (rc < 0)
            return rc;
        if (parse_u64(p[0][0] == '#' ? p[0] + 1 : p[0], INT64_MAX, &id) < 0 || id == 0)
            return usage_err(msg, cap,
                             "code needs a submission number (like 42, as student and results "
                             "show it), not '%s'",
                             p[0]);
        a->arg = p[0];
        a->submission_id = (int64_t)id;
        return 0;
    case CMD_COHORT_BOARD_MODE:
        rc = want_args(ci, n, 2, prog, msg, cap);
        if (rc < 0)
            return rc;
        if (!is_board_mode(p[1]))
            return usage_err(msg, cap, "the board mode is full, top10 or hidden, not '%s'", p[1]);
        a->arg = p[0];
        a->arg2 = p[1];
        return 0;
    case CMD_LIVE_START:
    case CMD_ROSTER_ADD:
    case CMD_ROSTER_REMOVE:
    case CMD_ROSTER_RESET_PASSWORD:
    case CMD_LABS_OPEN:
    case CMD_LABS_CLOSE:
        rc = want_args(ci, n, 2, prog, msg, cap);
        if (rc < 0)
            return rc;
        a->arg = p[0];
        a->arg2 = p[1];
        return 0;
    case CMD_LOGIN:
    case CMD_SHOW:
    case CMD_COHORT_CREATE:
    case CMD_COHORT_JOIN:
    case CMD_COHORT_ROSTER:
    case CMD_FORGET_SERVER:
    case CMD_LIVE_END:
    case CMD_LIVE_WATCH:
    case CMD_GRADEBOOK:
    case CMD_NAME:
        rc = want_args(ci, n, 1, prog, msg, cap);
        if (rc < 0)
            return rc;
        a->arg = p[0];
        return 0;
    default:
        return want_args(ci, n, 0, prog, msg, cap);
    }
}

int args_parse(int argc, char **argv, bool in_shell, struct cli_args *a, char *msg, size_t cap)
{
    const char *pos[MAX_POS];
    const char *prog = in_shell ? "" : "labclient ";
    const struct cmd_info *ci;
    bool only_pos = false, has_code = false, has_name = false, has_limit = false;
    int npos = 0, first_arg, rc;

    memset(a, 0, sizeof *a);
    msg[0] = '\0';
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *eq;
        char name[32];
        size_t nlen;

        if (only_pos || s[0] != '-' || s[1] == '\0') {
            if (npos == MAX_POS)
                return usage_err(msg, cap, "too many words on the command line");
            pos[npos++] = s;
            continue;
        }
        if (strcmp(s, "--") == 0) {
            only_pos = true;
            continue;
        }
        if (strcmp(s, "-h") == 0) {
            a->show_help = true;
            continue;
        }
        if (s[1] != '-')
            return usage_err(msg, cap, "unknown option '%s'. Run %shelp to see the options", s,
                             prog);
        eq = strchr(s, '=');
        nlen = eq ? (size_t)(eq - s) : strlen(s);
        if (nlen >= sizeof name)
            return usage_err(msg, cap, "unknown option '%s'. Run %shelp to see the options", s,
                             prog);
        memcpy(name, s, nlen);
        name[nlen] = '\0';

        if (strcmp(name, "--help") == 0 && !eq) {
            a->show_help = true;
        } else if (strcmp(name, "--version") == 0 && !eq && !in_shell) {
            a->show_version = true;
        } else if (strcmp(name, "--json") == 0 && !eq) {
            a->json = true;
        } else if (strcmp(name, "--no-color") == 0 && !eq) {
            a->no_color = true;
        } else if (strcmp(name, "--verbose") == 0 && !eq) {
            a->verbose = true;
        } else if (strcmp(name, "--password-stdin") == 0 && !eq) {
            a->password_stdin = true;
        } else if (strcmp(name, "--server") == 0 || strcmp(name, "--ca") == 0) {
            if (in_shell)
                return usage_err(msg, cap,
                                 "%s cannot be changed inside the shell; leave the shell and "
                                 "start labclient again with it",
                                 name);
            rc =
                opt_value(argc, argv, &i, eq, name, name[2] == 's' ? &a->server : &a->ca, msg, cap);
            if (rc < 0)
                return rc;
        } else if (strcmp(name, "--code") == 0) {
            rc = opt_value(argc, argv, &i, eq, name, &a->join_code, msg, cap);
            if (rc < 0)
                return rc;
            has_code = true;
        } else if (strcmp(name, "--name") == 0) {
            rc = opt_value(argc, argv, &i, eq, name, &a->display_name, msg, cap);
            if (rc < 0)
                return rc;
            has_name = true;
        } else if (strcmp(name, "--force") == 0 && !eq) {
            a->force = true;
        } else if (strcmp(name, "--no-wait") == 0 && !eq) {
            a->no_wait = true;
        } else if (strcmp(name, "--last") == 0 && !eq) {
            a->last = true;
        } else if (strcmp(name, "--cohort") == 0) {
            rc = opt_value(argc, argv, &i, eq, name, &a->cohort, msg, cap);
            if (rc < 0)
                return rc;
        } else if (strcmp(name, "--minutes") == 0) {
            const char *v;
            uint64_t n;

            rc = opt_value(argc, argv, &i, eq, name, &v, msg, cap);
            if (rc < 0)
                return rc;
            if (parse_u64(v, ARGS_MAX_MINUTES, &n) < 0 || n == 0)
                return usage_err(msg, cap,
                                 "--minutes needs a number from 1 to %d, not '%s' (leave it out "
                                 "to run until you type live end)",
                                 ARGS_MAX_MINUTES, v);
            a->minutes = (unsigned)n;
        } else if (strcmp(name, "--out") == 0) {
            rc = opt_value(argc, argv, &i, eq, name, &a->out, msg, cap);
            if (rc < 0)
                return rc;
        } else if (strcmp(name, "--limit") == 0) {
            const char *v;
            uint64_t n;

            rc = opt_value(argc, argv, &i, eq, name, &v, msg, cap);
            if (rc < 0)
                return rc;
            if (parse_u64(v, ARGS_RESULTS_MAX_LIMIT, &n) < 0 || n == 0)
                return usage_err(msg, cap, "--limit needs a number from 1 to %d, not '%s'",
                                 ARGS_RESULTS_MAX_LIMIT, v);
            a->limit = (unsigned)n;
            has_limit = true;
        } else {
            return usage_err(msg, cap, "unknown option '%s'. Run %shelp to see the options", s,
                             prog);
        }
    }

    if (npos == 0) {
        a->cmd = CMD_NONE;
        if (has_code || has_name || a->password_stdin || a->force || a->no_wait || a->last ||
            has_limit || a->cohort || a->minutes || a->out)
            return usage_err(msg, cap, "which command is that option for? Run %shelp", prog);
        return 0;
    }
    a->cmd = lookup_cmd(pos[0]);
    if (a->cmd == CMD_NONE || (a->cmd == CMD_EXIT && !in_shell) ||
        (a->cmd == CMD_SHELL && in_shell)) {
        if (a->cmd == CMD_SHELL)
            return usage_err(msg, cap, "you are already in the shell");
        return usage_err(msg, cap, "unknown command '%s'. Run %shelp to see the commands", pos[0],
                         prog);
    }
    first_arg = 1;
    rc = parse_sub(a, npos, pos, prog, &first_arg, msg, cap);
    if (rc < 0)
        return rc;
    ci = info_of(a->cmd);

    if (a->show_help)
        return 0; /* `labclient login --help`: arguments do not matter */

    rc = check_options(a, has_code, has_name, has_limit, msg, cap);
    if (rc < 0)
        return rc;
    return parse_positional(a, ci, npos - first_arg, pos + first_arg, prog, msg, cap);
}

static void append(char *out, size_t cap, size_t *o, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void append(char *out, size_t cap, size_t *o, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (*o + 1 >= cap)
        return;
    va_start(ap, fmt);
    n = vsnprintf(out + *o, cap - *o, fmt, ap);
    va_end(ap);
    if (n > 0)
        *o += (size_t)n < cap - *o ? (size_t)n : cap - *o - 1;
}

void args_help(enum cmd_id id, const char *prog, char *out, size_t cap)
{
    const struct cmd_info *ci = info_of(id);
    bool in_shell = prog[0] == '\0';
    size_t o = 0;

    out[0] = '\0';
    if (ci) {
        append(out, cap, &o, "Usage: %s%s\n\n%s", prog, ci->usage, ci->details);
        return;
    }
    if (!in_shell)
        append(out, cap, &o,
               "labclient: the terminal client for the class lab server.\n\n"
               "Usage: labclient [options] COMMAND [ARGS]\n\n");
    for (int teacher = 0; teacher < 2; teacher++) {
        append(out, cap, &o, "%s", teacher ? "\nTeacher commands:\n" : "Commands:\n");
        for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
            char line[320];

            if (cmds[i].id == CMD_COHORT || cmds[i].id == CMD_LIVE || cmds[i].id == CMD_ROSTER ||
                (cmds[i].id == CMD_EXIT && !in_shell) || (cmds[i].id == CMD_SHELL && in_shell) ||
                is_teacher(cmds[i].id) != (teacher == 1))
                continue;
            snprintf(line, sizeof line, "  %-26s %s\n", cmds[i].usage, cmds[i].summary);
            if (strlen(cmds[i].usage) > 26)
                snprintf(line, sizeof line, "  %s\n  %-26s %s\n", cmds[i].usage, "",
                         cmds[i].summary);
            append(out, cap, &o, "%s", line);
        }
    }
    if (!in_shell)
        append(out, cap, &o,
               "\nOptions:\n"
               "  --server URL    the server, e.g. wss://lab.school.example:7443 (remembered)\n"
               "  --ca FILE       trust this certificate file instead of saving a fingerprint\n"
               "  --json          print one JSON object (for scripts)\n"
               "  --no-color      no colours (NO_COLOR=1 works too)\n"
               "  --verbose       show connection details\n"
               "  -h, --help      help (also after a command: labclient login --help)\n"
               "  --version       print the version\n\n"
               "With no command on a terminal, labclient starts the shell.\n"
               "Run %shelp COMMAND for more about one command.\n",
               prog);
    else
        append(out, cap, &o, "\nType help COMMAND for more about one command.\n");
}

int args_split(const char *line, char **words, int max, int *n, char **buf)
{
    size_t len = strlen(line);
    char *b = malloc(len + 1);
    char *o = b;
    const char *p = line;
    int count = 0;

    *buf = NULL;
    *n = 0;
    if (!b)
        return LAB_E_NOMEM;
    for (;;) {
        char quote = 0;

        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p)
            break;
        if (count == max) {
            free(b);
            return LAB_E_TOO_LARGE;
        }
        words[count++] = o;
        while (*p) {
            if (quote) {
                if (*p == quote) {
                    quote = 0;
                    p++;
                    continue;
                }
                if (*p == '\\' && quote == '"' && p[1]) {
                    *o++ = p[1];
                    p += 2;
                    continue;
                }
                *o++ = *p++;
                continue;
            }
            if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
                break;
            if (*p == '\'' || *p == '"') {
                quote = *p++;
                continue;
            }
            if (*p == '\\' && p[1]) {
                *o++ = p[1];
                p += 2;
                continue;
            }
            *o++ = *p++;
        }
        if (quote) {
            free(b);
            return LAB_E_PARSE;
        }
        *o++ = '\0';
    }
    *n = count;
    *buf = b;
    return 0;
}
