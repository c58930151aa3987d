/*
 * args.c — option tables, positional words and the name rules labctl checks
 * before it touches the database (the schema checks them again).
 */
#include "ctl/args.h"

#include <string.h>

#include "common/str.h"

static const struct ctl_opt *find_long(const struct ctl_opt *opts, const char *name, size_t len)
{
    for (; opts->name; opts++)
        if (strlen(opts->name) == len && !strncmp(opts->name, name, len))
            return opts;
    return NULL;
}

static const struct ctl_opt *find_short(const struct ctl_opt *opts, char c)
{
    for (; opts->name; opts++)
        if (opts->short_name && opts->short_name == c)
            return opts;
    return NULL;
}

/* Apply @o with the inline value @inl (after '=') or the next word. */
static int take(const struct ctl_opt *o, const char *word, const char *inl, int *i, int argc,
                char **argv, struct lab_err *err)
{
    if (o->flag) {
        if (inl)
            return lab_errf(err, CTL_E_USAGE, "option '--%s' takes no value", o->name);
        *o->flag = true;
        return 0;
    }
    if (inl) {
        *o->value = inl;
        return 0;
    }
    if (*i + 1 >= argc)
        return lab_errf(err, CTL_E_USAGE, "option '%s' needs a value", word);
    *o->value = argv[++*i];
    return 0;
}

int ctl_parse(int argc, char **argv, const struct ctl_opt *opts, struct ctl_args *out,
              struct lab_err *err)
{
    bool only_pos = false;
    int rc;

    memset(out, 0, sizeof *out);
    for (int i = 1; i < argc; i++) {
        const char *w = argv[i];
        const struct ctl_opt *o;

        if (only_pos || w[0] != '-' || w[1] == '\0') {
            if (out->n_pos >= (int)ARRAY_SIZE(out->pos))
                return lab_errf(err, CTL_E_USAGE, "too many arguments at '%s'", w);
            out->pos[out->n_pos++] = w;
            continue;
        }
        if (!strcmp(w, "--")) {
            only_pos = true;
            continue;
        }
        if (!strcmp(w, "-h") || !strcmp(w, "--help")) {
            out->help = true;
            continue;
        }
        if (w[1] == '-') {
            const char *name = w + 2, *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);

            o = find_long(opts, name, len);
            if (!o)
                return lab_errf(err, CTL_E_USAGE, "unknown option '%.*s'", (int)len + 2, w);
            rc = take(o, w, eq ? eq + 1 : NULL, &i, argc, argv, err);
        } else {
            if (w[2] != '\0')
                return lab_errf(err, CTL_E_USAGE, "unknown option '%s'", w);
            o = find_short(opts, w[1]);
            if (!o)
                return lab_errf(err, CTL_E_USAGE, "unknown option '%s'", w);
            rc = take(o, w, NULL, &i, argc, argv, err);
        }
        if (rc < 0)
            return rc;
    }
    return 0;
}

bool ctl_valid_role(const char *s)
{
    return !strcmp(s, "student") || !strcmp(s, "instructor") || !strcmp(s, "admin");
}
