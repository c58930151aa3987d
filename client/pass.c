/*
 * pass.c — see pass.h.
 */
#include "client/pass.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_tio;
static volatile sig_atomic_t tty_fd = -1;

static void restore_and_die(int sig)
{
    if (tty_fd >= 0) {
        tcsetattr(tty_fd, TCSAFLUSH, &saved_tio);
        (void)!write(tty_fd, "\n", 1);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void pass_wipe(char *p, size_t cap)
{
    volatile char *v = p;

    while (cap--)
        *v++ = 0;
}

/* Read one line from @fd into @out without the newline. 0, 1 (EOF) or -errno. */
static int read_line(int fd, char *out, size_t cap, bool *too_long)
{
    size_t n = 0;
    bool any = false;

    *too_long = false;
    for (;;) {
        char ch;
        ssize_t r = read(fd, &ch, 1);

        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        if (r == 0) {
            if (!any)
                return 1;
            break;
        }
        any = true;
        if (ch == '\n')
            break;
        if (n + 1 < cap)
            out[n++] = ch;
        else
            *too_long = true;
    }
    if (n > 0 && out[n - 1] == '\r')
        n--;
    out[n] = '\0';
    return 0;
}

static int check(const char *out, bool too_long, struct fail *f)
{
    if (too_long)
        return fail_set(f, EXIT_USAGE, "usage",
                        "That password is too long (%d characters at "
                        "most).",
                        PASS_MAX - 1);
    if (!out[0]) {
        fail_set(f, EXIT_USAGE, "usage", "The password is empty.");
        fail_hint(f, "Type your password, then press Enter.");
        return -1;
    }
    return 0;
}

int pass_read(bool from_stdin, const char *prompt, char *out, size_t cap, struct fail *f)
{
    struct sigaction sa, old_int, old_term, old_hup;
    struct termios tio;
    bool too_long;
    int fd, rc;

    out[0] = '\0';
    if (from_stdin) {
        rc = read_line(STDIN_FILENO, out, cap, &too_long);
        if (rc != 0)
            return fail_set(f, EXIT_USAGE, "usage",
                            "--password-stdin: no password on the "
                            "input.");
        return check(out, too_long, f);
    }
    fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        fail_set(f, EXIT_USAGE, "usage", "There is no terminal to type a password in.");
        fail_hint(f, "Use --password-stdin and give the password on the first line of input.");
        return -1;
    }
    if (tcgetattr(fd, &saved_tio) < 0) {
        close(fd);
        fail_set(f, EXIT_USAGE, "usage", "There is no terminal to type a password in.");
        fail_hint(f, "Use --password-stdin and give the password on the first line of input.");
        return -1;
    }
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = restore_and_die;
    sigemptyset(&sa.sa_mask);
    tty_fd = fd;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    sigaction(SIGHUP, &sa, &old_hup);
    tio = saved_tio;
    tio.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
    tio.c_lflag |= ICANON;
    (void)!write(fd, prompt, strlen(prompt));
    tcsetattr(fd, TCSAFLUSH, &tio);
    rc = read_line(fd, out, cap, &too_long);
    tcsetattr(fd, TCSAFLUSH, &saved_tio);
    (void)!write(fd, "\n", 1);
    tty_fd = -1;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    close(fd);
    if (rc != 0)
        return fail_set(f, EXIT_USAGE, "usage", "No password was typed.");
    return check(out, too_long, f);
}

int pass_read_new(bool from_stdin, char *out, size_t cap, struct fail *f)
{
    char again[PASS_MAX];

    if (from_stdin)
        return pass_read(true, "", out, cap, f);
    for (int tries = 0; tries < 3; tries++) {
        if (pass_read(false, "Choose a password: ", out, cap, f) < 0)
            return -1;
        if (pass_read(false, "Type it again: ", again, sizeof again, f) < 0) {
            pass_wipe(out, cap);
            return -1;
        }
        if (strcmp(out, again) == 0) {
            pass_wipe(again, sizeof again);
            return 0;
        }
        pass_wipe(again, sizeof again);
        fprintf(stderr, "The two passwords are different. Let's try again.\n");
    }
    pass_wipe(out, cap);
    fail_set(f, EXIT_USAGE, "usage", "The passwords did not match.");
    fail_hint(f, "Run the command again and type the same password twice.");
    return -1;
}
