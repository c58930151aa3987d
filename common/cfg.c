/*
 * cfg.c — applies INI files and overrides to a config struct through its key table.
 */
#include "common/cfg.h"

#include <ini.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "common/str.h"

static const struct cfg_key *find_key(const struct cfg_key *keys, const char *name)
{
    for (; keys->type != CFG_T_END; keys++)
        if (strcmp(keys->name, name) == 0)
            return keys;
    return NULL;
}

int cfg_defaults(const struct cfg_key *keys, void *obj)
{
    char *base = obj;

    for (; keys->type != CFG_T_END; keys++) {
        switch (keys->type) {
        case CFG_T_STR: {
            char **p = (char **)(void *)(base + keys->offset);
            *p = NULL;
            if (keys->def_str && !(*p = str_dup(keys->def_str)))
                return LAB_E_NOMEM;
            break;
        }
        case CFG_T_U32:
            *(uint32_t *)(void *)(base + keys->offset) = keys->def_num;
            break;
        case CFG_T_BOOL:
            *(bool *)(void *)(base + keys->offset) = keys->def_num != 0;
            break;
        case CFG_T_END:
            break;
        }
    }
    return 0;
}

int cfg_set(const struct cfg_key *keys, void *obj, const char *name, const char *value,
            struct lab_err *err)
{
    const struct cfg_key *k = find_key(keys, name);
    char *base = obj;
    uint64_t v;

    if (!k) {
        lab_errf(err, LAB_E_CONFIG, "unknown configuration key '%s'", name);
        lab_err_hint(err, "run with --help to see the keys this program knows");
        return LAB_E_CONFIG;
    }
    switch (k->type) {
    case CFG_T_STR: {
        char **p = (char **)(void *)(base + k->offset);
        char *d = str_dup(value);
        if (!d)
            return lab_errf(err, LAB_E_NOMEM, "out of memory reading '%s'", name);
        free(*p);
        *p = d;
        return 0;
    }
    case CFG_T_U32:
        if (parse_u64(value, k->max, &v) < 0 || v < k->min) {
            lab_errf(err, LAB_E_CONFIG, "'%s' must be a whole number from %u to %u, not '%s'", name,
                     k->min, k->max, value);
            return LAB_E_CONFIG;
        }
        *(uint32_t *)(void *)(base + k->offset) = (uint32_t)v;
        return 0;
    case CFG_T_BOOL:
        if (!strcmp(value, "true") || !strcmp(value, "yes") || !strcmp(value, "1") ||
            !strcmp(value, "on"))
            *(bool *)(void *)(base + k->offset) = true;
        else if (!strcmp(value, "false") || !strcmp(value, "no") || !strcmp(value, "0") ||
                 !strcmp(value, "off"))
            *(bool *)(void *)(base + k->offset) = false;
        else
            return lab_errf(err, LAB_E_CONFIG, "'%s' must be true or false, not '%s'", name, value);
        return 0;
    case CFG_T_END:
        break;
    }
    return lab_errf(err, LAB_E_INTERNAL, "bad key table entry '%s'", name);
}

int cfg_set_kv(const struct cfg_key *keys, void *obj, const char *kv, struct lab_err *err)
{
    const char *eq = strchr(kv, '=');
    char name[128];

    if (!eq || (size_t)(eq - kv) >= sizeof name) {
        lab_errf(err, LAB_E_CONFIG, "'%s' is not of the form section.key=value", kv);
        return LAB_E_CONFIG;
    }
    memcpy(name, kv, (size_t)(eq - kv));
    name[eq - kv] = '\0';
    return cfg_set(keys, obj, name, eq + 1, err);
}

struct load_ctx {
    const char *const *sections; /* NULL: every section */
    const struct cfg_key *keys;
    void *obj;
    struct lab_err *err;
    const char *path;
    int rc;
};

static int on_ini(void *user, const char *section, const char *name, const char *value)
{
    struct load_ctx *c = user;
    char full[160];
    int rc;

    if (c->rc)
        return 0;
    if (c->sections) {
        const char *const *sec = c->sections;
        while (*sec && strcmp(*sec, section) != 0)
            sec++;
        if (!*sec)
            return 1;
    }
    snprintf(full, sizeof full, "%s.%s", section, name);
    rc = cfg_set(c->keys, c->obj, full, value, c->err);
    if (rc < 0) {
        char why[200];
        snprintf(why, sizeof why, "%s", c->err ? c->err->msg : "bad value");
        (void)section;
        (void)name;
        lab_errf(c->err, rc, "%s", why);
        lab_err_hint(c->err, "fix or remove that line; --help lists every key");
        c->rc = rc;
        return 0;
    }
    return 1;
}

int cfg_load_file(const struct cfg_key *keys, void *obj, const char *path, struct lab_err *err)
{
    return cfg_load_file_sections(keys, obj, path, NULL, err);
}

int cfg_load_file_sections(const struct cfg_key *keys, void *obj, const char *path,
                           const char *const *sections, struct lab_err *err)
{
    struct load_ctx c = {sections, keys, obj, err, path, 0};
    int rc = ini_parse(path, on_ini, &c);

    if (c.rc) {
        char why[200];
        snprintf(why, sizeof why, "%s", err ? err->msg : "");
        lab_errf(err, c.rc, "%s:%d: %s", path, rc, why);
        lab_err_hint(err, "fix or remove that line; --help lists every key");
        return c.rc;
    }
    if (rc > 0) {
        lab_errf(err, LAB_E_CONFIG, "%s:%d: not a valid INI line", path, rc);
        lab_err_hint(err,
                     "lines are '[section]', 'key = value' or comments starting with ';' or '#'");
        return LAB_E_CONFIG;
    }
    if (rc == -1) {
        lab_errf(err, LAB_E_CONFIG, "cannot open config file '%s'", path);
        lab_err_hint(err, "check the path, or start without --config to use the defaults");
        return LAB_E_CONFIG;
    }
    if (rc != 0)
        return lab_errf(err, LAB_E_CONFIG, "cannot read config file '%s'", path);
    return 0;
}

void cfg_print(const struct cfg_key *keys, const void *obj, FILE *out)
{
    const char *base = obj;

    for (; keys->type != CFG_T_END; keys++) {
        switch (keys->type) {
        case CFG_T_STR: {
            const char *const *p = (const char *const *)(const void *)(base + keys->offset);
            fprintf(out, "%s=%s\n", keys->name, *p ? *p : "");
            break;
        }
        case CFG_T_U32:
            fprintf(out, "%s=%u\n", keys->name,
                    *(const uint32_t *)(const void *)(base + keys->offset));
            break;
        case CFG_T_BOOL:
            fprintf(out, "%s=%s\n", keys->name,
                    *(const bool *)(const void *)(base + keys->offset) ? "true" : "false");
            break;
        case CFG_T_END:
            break;
        }
    }
}

void cfg_print_help(const struct cfg_key *keys, FILE *out)
{
    for (; keys->type != CFG_T_END; keys++) {
        if (keys->type == CFG_T_STR)
            fprintf(out, "  %-26s %s (default: %s)\n", keys->name, keys->help ? keys->help : "",
                    keys->def_str ? keys->def_str : "none");
        else if (keys->type == CFG_T_U32)
            fprintf(out, "  %-26s %s (default: %u, %u..%u)\n", keys->name,
                    keys->help ? keys->help : "", keys->def_num, keys->min, keys->max);
        else
            fprintf(out, "  %-26s %s (default: %s)\n", keys->name, keys->help ? keys->help : "",
                    keys->def_num ? "true" : "false");
    }
}

void cfg_release(const struct cfg_key *keys, void *obj)
{
    char *base = obj;

    for (; keys->type != CFG_T_END; keys++) {
        if (keys->type == CFG_T_STR) {
            char **p = (char **)(void *)(base + keys->offset);
            free(*p);
            *p = NULL;
        }
    }
}
