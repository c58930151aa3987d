/*
 * main.c — labclient's entry point: parse the command line, run one command
 * (or the shell), print its result or failure once, and choose the exit
 * code: 0 ok, 1 refused by the server, 2 usage, 3 cannot connect or
 * untrusted certificate, 4 not logged in.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client/args.h"
#include "client/cmds.h"
#include "client/fail.h"
#include "client/json.h"
#include "client/render.h"
#include "client/session.h"
#include "client/shell.h"

int main(int argc, char **argv)
{
    struct cli_args args;
    struct app a;
    struct fail f;
    struct json j;
    char msg[600];
    int code;

    signal(SIGPIPE, SIG_IGN);
    memset(&f, 0, sizeof f);
    if (args_parse(argc, argv, false, &args, msg, sizeof msg) < 0) {
        /* --json may sit after the mistake: look for it to answer in the right form. */
        struct cli_args dummy;

        memset(&dummy, 0, sizeof dummy);
        for (int i = 1; i < argc; i++) {
            if (strcmp(argv[i], "--json") == 0)
                dummy.json = true;
            if (strcmp(argv[i], "--no-color") == 0)
                dummy.no_color = true;
        }
        app_init(&a, &dummy);
        fail_set(&f, EXIT_USAGE, "usage", "%s", msg);
        cmd_report_failure(&a, &f);
        return EXIT_USAGE;
    }
    app_init(&a, &args);

    if (args.show_version) {
        if (a.json)
            printf("{\"ok\":true,\"version\":\"%s\"}\n", LAB_VERSION);
        else
            printf("labclient %s\n", LAB_VERSION);
        return EXIT_OK;
    }
    if (args.cmd == CMD_NONE && !args.show_help) {
        if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && !a.json) {
            args.cmd = CMD_SHELL;
        } else {
            char text[8192];

            args_help(CMD_NONE, "labclient ", text, sizeof text);
            fputs(text, stderr);
            return EXIT_USAGE;
        }
    }
    if (args.cmd == CMD_SHELL && !args.show_help) {
        if (a.json || !isatty(STDIN_FILENO)) {
            fail_set(&f, EXIT_USAGE, "usage", "The shell needs a terminal (and no --json).");
            fail_hint(&f, "Run one command at a time instead, e.g. labclient labs");
            cmd_report_failure(&a, &f);
            return EXIT_USAGE;
        }
        a.in_shell = true;
        code = shell_run(&a);
        app_release(&a);
        return code;
    }

    json_init(&j);
    json_obj_open(&j, NULL);
    json_bool(&j, "ok", true);
    if (cmd_run(&a, &args, &j, &f) < 0) {
        cmd_report_failure(&a, &f);
        code = f.exit_code ? f.exit_code : EXIT_REFUSED;
    } else {
        code = EXIT_OK;
        if (a.json && !a.json_streamed) {
            json_obj_close(&j);
            if (json_write(&j, stdout) < 0)
                code = EXIT_REFUSED;
        }
    }
    json_release(&j);
    app_release(&a);
    if (fflush(stdout) != 0 && code == EXIT_OK)
        code = EXIT_REFUSED;
    return code;
}
