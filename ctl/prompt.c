/*
 * prompt.c — password input without echo, or from a pipe.
 */
#include "ctl/prompt.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ctl/args.h"

/* Read one line from @f into @out; strips "\n" or "\r\n". 0, or LAB_E_PARSE/TOO_LARGE. */
static int read_line(FILE *f, char *out, size_t cap)
{
    size_t n;

    if (!fgets(out, (int)cap, f))
        return LAB_E_PARSE;
    n = strlen(out);
    if (n > 0 && out[n - 1] == '\n')
        out[--n] = '\0';
    else if (!feof(f))
        return LAB_E_TOO_LARGE;
    if (n > 0 && out[n - 1] == '\r')
        out[--n] = '\0';
    return 0;
}

/*
 * Prompt on the terminal with echo off; restores the terminal on every path.
 * Echo goes off before the prompt is shown, so a fast typist (or a test
 * driving a pty) never sees the password echoed or flushed.
 */
static int ask(FILE *tty, const char *question, char *out, size_t cap)
{
    struct termios old, quiet;
    int fd = fileno(tty), rc;

    if (tcgetattr(fd, &old) < 0)
        return LAB_E_INTERNAL;
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    quiet.c_lflag |= ECHONL;
    if (tcsetattr(fd, TCSANOW, &quiet) < 0)
        return LAB_E_INTERNAL;
    fputs(question, tty);
    fflush(tty);
    rc = read_line(tty, out, cap);
    tcsetattr(fd, TCSANOW, &old);
    return rc;
}

int prompt_password(const char *who, bool from_stdin, char *out, size_t cap, struct lab_err *err)
{
    char again[256], q[160];
    FILE *tty = NULL;
    int rc;

    if (from_stdin) {
        rc = read_line(stdin, out, cap);
        if (rc == LAB_E_TOO_LARGE)
            return lab_errf(err, LAB_E_PARSE, "the password on stdin is too long");
        if (rc < 0 || out[0] == '\0') {
            lab_errf(err, LAB_E_PARSE, "no password on stdin");
            lab_err_hint(err, "pipe one line, e.g. printf '%%s\\n' \"$PW\" | labctl ...");
            return LAB_E_PARSE;
        }
        return 0;
    }
    if (!isatty(STDIN_FILENO)) {
        lab_errf(err, CTL_E_USAGE, "no terminal to ask for the password of '%s'", who);
        lab_err_hint(err, "pipe it in with --password-stdin (printf '%%s\\n' \"$PW\" | labctl "
                          "... --password-stdin)");
        return CTL_E_USAGE;
    }
    tty = fdopen(dup(STDIN_FILENO), "r+");
    if (!tty)
        return lab_errf(err, LAB_E_INTERNAL, "cannot open the terminal");
    snprintf(q, sizeof q, "new password for '%s': ", who);
    rc = ask(tty, q, out, cap);
    if (rc == 0)
        rc = ask(tty, "repeat it: ", again, sizeof again < cap ? sizeof again : cap);
    if (rc == LAB_E_TOO_LARGE)
        rc = lab_errf(err, LAB_E_PARSE, "the password is too long");
    else if (rc < 0)
        rc = lab_errf(err, LAB_E_PARSE, "no password was entered");
    else if (strcmp(out, again) != 0)
        rc = lab_errf(err, LAB_E_PARSE, "the two passwords differ; nothing was changed");
    explicit_bzero(again, sizeof again);
    fclose(tty);
    return rc;
}
