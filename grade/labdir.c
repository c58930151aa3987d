/*
 * labdir.c — reading a lab directory without trusting it.
 */
#include "grade/labdir.h"

#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/str.h"
#include "common/token.h"

static const struct lab_limits default_limits = {
    .cpu_ms = 2000, .wall_ms = 5000, .memory_mb = 256, .output_kb = 64, .processes = 16};

struct ini_ctx {
    struct lab_def *lab;
    struct lab_err *err;
    int rc;
    bool has_id, has_title;
};

static int set_u32(struct ini_ctx *c, const char *key, const char *value, uint32_t lo,
                   uint32_t hi, uint32_t *dst)
{
    uint64_t v;

    if (parse_u64(value, hi, &v) < 0 || v < lo)
        return lab_errf(c->err, LAB_E_PARSE, "'%s' must be a whole number from %u to %u, not '%s'",
                        key, lo, hi, value);
    *dst = (uint32_t)v;
    return 0;
}

static bool is_item_id(const char *s)
{
    int dots = 0;
    bool digit = false;

    if (strlen(s) >= 16)
        return false;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            digit = true;
        } else if (*s == '.' && digit) {
            dots++;
            digit = false;
        } else {
            return false;
        }
    }
    return dots == 2 && digit;
}

/* Split a comma list into @dst rows; each entry trimmed; empty entries skipped. */
static int split_list(struct ini_ctx *c, const char *key, const char *value, char *dst,
                      size_t row, size_t max_rows, size_t *n, bool items)
{
    const char *p = value;

    *n = 0;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char tmp[128];

        while (len && (*p == ' ' || *p == '\t'))
            p++, len--;
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (len) {
            if (len >= row || len >= sizeof tmp)
                return lab_errf(c->err, LAB_E_PARSE, "'%s' has an entry that is too long", key);
            if (*n >= max_rows)
                return lab_errf(c->err, LAB_E_PARSE, "'%s' lists more than %zu entries", key,
                                max_rows);
            memcpy(tmp, p, len);
            tmp[len] = '\0';
            if (items && !is_item_id(tmp))
                return lab_errf(c->err, LAB_E_PARSE,
                                "'%s' entry '%s' is not a roadmap item ID like 1.2.3", key, tmp);
            if (!items && !str_is_ident(tmp, 63))
                return lab_errf(c->err, LAB_E_PARSE, "'%s' entry '%s' is not a module name", key,
                                tmp);
            memcpy(dst + *n * row, tmp, len + 1);
            (*n)++;
        }
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}

static int apply(struct ini_ctx *c, const char *section, const char *name, const char *value)
{
    struct lab_def *lab = c->lab;
    char key[96];

    if (!*section)
        return lab_errf(c->err, LAB_E_PARSE,
                        "'%s' is outside any [section] (is a [section] line above it broken?)",
                        name);
    snprintf(key, sizeof key, "%s.%s", section, name);
    if (!utf8_valid(value, strlen(value)))
        return lab_errf(c->err, LAB_E_PARSE, "'%s' is not valid UTF-8", key);
    if (!strcmp(key, "lab.id")) {
        if (!str_is_ident(value, LAB_ID_MAX))
            return lab_errf(c->err, LAB_E_PARSE,
                            "'lab.id' must be 1-64 characters of a-z 0-9 _ . - , not '%s'", value);
        c->has_id = true;
        return str_copy(lab->id, sizeof lab->id, value);
    }
    if (!strcmp(key, "lab.title")) {
        if (!*value || strlen(value) > LAB_TITLE_MAX)
            return lab_errf(c->err, LAB_E_PARSE, "'lab.title' must be 1-%d characters",
                            LAB_TITLE_MAX);
        for (const char *p = value; *p; p++)
            if ((unsigned char)*p < 0x20)
                return lab_errf(c->err, LAB_E_PARSE, "'lab.title' contains a control character");
        c->has_title = true;
        return str_copy(lab->title, sizeof lab->title, value);
    }
    if (!strcmp(key, "lab.section")) {
        for (const char *p = value; *p; p++)
            if (!((*p >= '0' && *p <= '9') || *p == '.'))
                return lab_errf(c->err, LAB_E_PARSE, "'lab.section' must look like 1.2, not '%s'",
                                value);
        if (str_copy(lab->section, sizeof lab->section, value) < 0)
            return lab_errf(c->err, LAB_E_PARSE, "'lab.section' is too long");
        return 0;
    }
    if (!strcmp(key, "lab.roadmap"))
        return split_list(c, key, value, &lab->items[0][0], sizeof lab->items[0], LAB_MAX_ITEMS,
                          &lab->n_items, true);
    if (!strcmp(key, "lab.points"))
        return set_u32(c, key, value, 1, 1000, &lab->points);
    if (!strcmp(key, "limits.cpu_ms"))
        return set_u32(c, key, value, 100, 60000, &lab->limits.cpu_ms);
    if (!strcmp(key, "limits.wall_ms"))
        return set_u32(c, key, value, 100, 120000, &lab->limits.wall_ms);
    if (!strcmp(key, "limits.memory_mb"))
        return set_u32(c, key, value, 32, 4096, &lab->limits.memory_mb);
    if (!strcmp(key, "limits.output_kb"))
        return set_u32(c, key, value, 1, 4096, &lab->limits.output_kb);
    if (!strcmp(key, "limits.processes"))
        return set_u32(c, key, value, 2, 256, &lab->limits.processes);
    if (!strcmp(key, "requires.modules"))
        return split_list(c, key, value, &lab->modules[0][0], sizeof lab->modules[0],
                          LAB_MAX_MODULES, &lab->n_modules, false);
    return lab_errf(c->err, LAB_E_PARSE, "unknown key '%s'", key);
}

static int on_ini(void *user, const char *section, const char *name, const char *value)
{
    struct ini_ctx *c = user;
    int rc;

    if (c->rc)
        return 0;
    rc = apply(c, section, name, value);
    if (rc < 0) {
        c->rc = rc;
        return 0;
    }
    return 1;
}

int labdir_parse_ini(const char *text, struct lab_def *lab, struct lab_err *err)
{
    struct ini_ctx c = {.lab = lab, .err = err};
    int rc;

    lab->limits = default_limits;
    lab->points = 10;
    rc = ini_parse_string(text, on_ini, &c);
    if (c.rc) {
        char why[200];
        snprintf(why, sizeof why, "%s", err ? err->msg : "");
        return lab_errf(err, c.rc, "lab.ini:%d: %s", rc, why);
    }
    if (rc != 0)
        return lab_errf(err, LAB_E_PARSE, "lab.ini:%d: not a valid INI line", rc);
    if (!c.has_id)
        return lab_errf(err, LAB_E_PARSE, "lab.ini: [lab] id is missing");
    if (!c.has_title)
        return lab_errf(err, LAB_E_PARSE, "lab.ini: [lab] title is missing");
    if (lab->n_items == 0)
        return lab_errf(err, LAB_E_PARSE,
                        "lab.ini: [lab] roadmap must list the roadmap items the lab teaches");
    if (lab->limits.wall_ms < lab->limits.cpu_ms)
        return lab_errf(err, LAB_E_PARSE, "lab.ini: limits.wall_ms must be at least limits.cpu_ms");
    return 0;
}

/* Read @name inside directory fd @dfd: regular file, no links, at most @cap bytes, UTF-8. */
static int read_file(int dfd, const char *name, size_t cap, char **out, struct lab_err *err)
{
    struct stat st;
    char *buf = NULL;
    size_t got = 0;
    int fd, rc;

    fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ELOOP)
            return lab_errf(err, LAB_E_PARSE, "%s: is a symbolic link; labs must hold plain files",
                            name);
        if (errno == ENOENT)
            return lab_errf(err, LAB_E_NOT_FOUND, "%s: missing (every lab needs lab.ini, "
                            "README.md, starter.py, solution.py and checks.py)", name);
        return lab_errf(err, -errno, "%s: cannot open", name);
    }
    if (fstat(fd, &st) < 0) {
        rc = lab_errf(err, -errno, "%s: cannot stat", name);
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        rc = lab_errf(err, LAB_E_PARSE, "%s: is not a regular file", name);
        goto out;
    }
    if ((size_t)st.st_size > cap) {
        rc = lab_errf(err, LAB_E_TOO_LARGE, "%s: %lld bytes is over the %zu-byte limit", name,
                      (long long)st.st_size, cap);
        goto out;
    }
    buf = malloc((size_t)st.st_size + 1);
    if (!buf) {
        rc = lab_errf(err, LAB_E_NOMEM, "%s: out of memory", name);
        goto out;
    }
    while (got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    buf[got] = '\0';
    if (!utf8_valid(buf, got)) {
        rc = lab_errf(err, LAB_E_PARSE, "%s: is not UTF-8 text (or contains a NUL byte)", name);
        goto out;
    }
    *out = buf;
    buf = NULL;
    rc = 0;
out:
    free(buf);
    close(fd);
    return rc;
}

static const char *const lab_file_names[5] = {"lab.ini", "README.md", "starter.py",
                                               "solution.py", "checks.py"};

/* Parse lab.ini and compute the version of a lab whose five texts are filled in. */
static int finish_lab(struct lab_def *lab, struct lab_err *err)
{
    const char *texts[5] = {lab->ini, lab->readme, lab->starter, lab->solution, lab->checks};
    size_t total = 0, off = 0;
    char *joined;
    int rc;

    rc = labdir_parse_ini(lab->ini, lab, err);
    if (rc < 0)
        return rc;
    for (size_t i = 0; i < 5; i++)
        total += strlen(texts[i]) + 64;
    joined = malloc(total + 1);
    if (!joined)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    /* Hash name, length and bytes of each file so no two layouts collide. */
    for (size_t i = 0; i < 5; i++) {
        size_t n = strlen(texts[i]);
        off += (size_t)snprintf(joined + off, total + 1 - off, "%s\n%zu\n", lab_file_names[i], n);
        memcpy(joined + off, texts[i], n);
        off += n;
    }
    token_sha256_hex(joined, off, lab->version);
    free(joined);
    return 0;
}

int labdir_load(const char *dir, struct lab_def **out, struct lab_err *err)
{
    struct lab_def *lab = NULL;
    char **slots[5];
    int dfd, rc;

    *out = NULL;
    dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0)
        return lab_errf(err, -errno, "cannot open lab directory '%s'", dir);
    lab = calloc(1, sizeof *lab);
    if (!lab) {
        rc = lab_errf(err, LAB_E_NOMEM, "out of memory");
        goto out;
    }
    slots[0] = &lab->ini;
    slots[1] = &lab->readme;
    slots[2] = &lab->starter;
    slots[3] = &lab->solution;
    slots[4] = &lab->checks;
    for (size_t i = 0; i < 5; i++) {
        rc = read_file(dfd, lab_file_names[i], i == 0 ? 16 * 1024 : LAB_FILE_MAX, slots[i], err);
        if (rc < 0)
            goto out;
    }
    rc = finish_lab(lab, err);
    if (rc < 0)
        goto out;
    *out = lab;
    lab = NULL;
out:
    labdir_free(lab);
    close(dfd);
    return rc;
}

int labdir_from_texts(const char *ini, const char *readme, const char *starter,
                      const char *solution, const char *checks, struct lab_def **out,
                      struct lab_err *err)
{
    const char *texts[5] = {ini, readme, starter, solution, checks};
    struct lab_def *lab;
    char **slots[5];
    int rc;

    *out = NULL;
    for (size_t i = 0; i < 5; i++) {
        size_t n, cap = i == 0 ? 16 * 1024 : LAB_FILE_MAX;
        if (!texts[i])
            return lab_errf(err, LAB_E_NOT_FOUND, "%s: missing (every lab needs lab.ini, "
                            "README.md, starter.py, solution.py and checks.py)", lab_file_names[i]);
        n = strlen(texts[i]);
        if (n > cap)
            return lab_errf(err, LAB_E_TOO_LARGE, "%s: %zu bytes is over the %zu-byte limit",
                            lab_file_names[i], n, cap);
        if (!utf8_valid(texts[i], n))
            return lab_errf(err, LAB_E_PARSE, "%s: is not UTF-8 text (or contains a NUL byte)",
                            lab_file_names[i]);
    }
    lab = calloc(1, sizeof *lab);
    if (!lab)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    slots[0] = &lab->ini;
    slots[1] = &lab->readme;
    slots[2] = &lab->starter;
    slots[3] = &lab->solution;
    slots[4] = &lab->checks;
    for (size_t i = 0; i < 5; i++) {
        if (!(*slots[i] = str_dup(texts[i]))) {
            labdir_free(lab);
            return lab_errf(err, LAB_E_NOMEM, "out of memory");
        }
    }
    rc = finish_lab(lab, err);
    if (rc < 0) {
        labdir_free(lab);
        return rc;
    }
    *out = lab;
    return 0;
}

void labdir_free(struct lab_def *lab)
{
    if (!lab)
        return;
    free(lab->ini);
    free(lab->readme);
    free(lab->starter);
    free(lab->solution);
    free(lab->checks);
    free(lab);
}
