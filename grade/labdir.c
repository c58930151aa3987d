/*
 * labdir.c — reading a lab directory without trusting it.
 */
#include "grade/labdir.h"

#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/fields.h"
#include "common/str.h"
#include "common/token.h"

static const struct lab_limits default_limits = {
    .cpu_ms = 2000, .wall_ms = 5000, .memory_mb = 256, .output_kb = 64, .processes = 16};

/*
 * lab.ini is handed to inih one line at a time by next_line(), which counts
 * lines and refuses what inih would silently misread (an indented line is a
 * continuation of the previous value to inih; a line over its buffer is cut
 * in two). Every error then names the line, and the key when there is one:
 * "lab.ini line 7, key 'points': must be a whole number from 1 to 1000".
 * apply() gives only the reason; on_ini() adds the place.
 */
struct ini_seen {
    char key[48]; /* "section.name" */
    int line;
};

struct ini_ctx {
    struct lab_def *lab;
    struct lab_err *err;
    int rc;
    bool has_id, has_title;
    const char *pos;   /* the text not yet handed to inih */
    int line;          /* number of the line inih is handling */
    unsigned sections; /* one bit per section header seen */
    struct ini_seen seen[32];
    size_t n_seen;
};

static const char *const ini_sections[] = {"lab", "limits", "requires"};

/* A problem with the current line as a whole: "lab.ini line 5 starts with a space: ...". */
__attribute__((format(printf, 2, 3))) static char *line_err(struct ini_ctx *c, const char *fmt, ...)
{
    char why[200];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    c->rc = lab_errf(c->err, LAB_E_PARSE, "lab.ini line %d %s", c->line, why);
    return NULL;
}

/* The line on which "section.name" was set, or 0. */
static int seen_line(const struct ini_ctx *c, const char *key)
{
    for (size_t i = 0; i < c->n_seen; i++)
        if (!strcmp(c->seen[i].key, key))
            return c->seen[i].line;
    return 0;
}

/* A section header line of @n bytes: "[lab]", optionally followed by " ; comment". */
static bool header_ok(struct ini_ctx *c, const char *p, size_t n)
{
    const char *close = memchr(p, ']', n);
    size_t len, i, k;

    if (!close)
        return line_err(c, "has a broken section header: write it like [lab]"), false;
    len = (size_t)(close - p) - 1;
    for (k = 0; k < ARRAY_SIZE(ini_sections); k++)
        if (strlen(ini_sections[k]) == len && !memcmp(p + 1, ini_sections[k], len))
            break;
    if (k == ARRAY_SIZE(ini_sections))
        return line_err(c,
                        "has an unknown section [%.*s]: the sections are [lab], [limits] "
                        "and [requires]",
                        (int)(len > 40 ? 40 : len), p + 1),
               false;
    i = (size_t)(close - p) + 1;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    if (i < n && (p[i] != ';' || p[i - 1] == ']'))
        return line_err(c, "has text after [%s]: only a comment (space, then ;) may follow",
                        ini_sections[k]),
               false;
    if (c->sections & (1u << k))
        return line_err(c, "repeats the section [%s]: put all its keys under one header",
                        ini_sections[k]),
               false;
    c->sections |= 1u << k;
    return true;
}

/* A key line of @n bytes: "key = value", the key made of a-z and _. */
static bool key_line_ok(struct ini_ctx *c, const char *p, size_t n)
{
    const char *eq = memchr(p, '=', n);
    size_t k = eq ? (size_t)(eq - p) : 0;

    while (k && (p[k - 1] == ' ' || p[k - 1] == '\t'))
        k--;
    if (!eq || k == 0)
        return line_err(c, "is not 'key = value', a [section] header or a ; comment"), false;
    for (size_t i = 0; i < k; i++)
        if (!((p[i] >= 'a' && p[i] <= 'z') || p[i] == '_'))
            return line_err(c, "has the key '%.*s': keys are lowercase letters and _ (then =)",
                            (int)(k > 40 ? 40 : k), p),
                   false;
    return true;
}

/* inih's fgets-style reader: one line of the text per call, checked first. */
static char *next_line(char *buf, int cap, void *user)
{
    struct ini_ctx *c = user;
    const char *p = c->pos, *nl;
    size_t len, n;

    if (c->rc || !*p)
        return NULL;
    nl = strchr(p, '\n');
    len = nl ? (size_t)(nl - p) : strlen(p);
    c->pos = p + len + (nl ? 1 : 0);
    c->line++;
    n = len;
    while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
        n--;
    if (c->line == 1 && n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
        return line_err(c, "starts with a byte order mark: save lab.ini as UTF-8 without BOM");
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)p[i] < 0x20 && p[i] != '\t') || p[i] == 0x7f)
            return line_err(c, "has a control character at byte %zu: remove it", i + 1);
    if (n + 2 > (size_t)cap)
        return line_err(c, "is %zu bytes long: a line may be at most %d bytes", n, cap - 2);
    if (n && (p[0] == ' ' || p[0] == '\t'))
        return line_err(c, "starts with a %s: write keys at the start of the line",
                        p[0] == ' ' ? "space" : "tab");
    if (n && p[0] == '[' && !header_ok(c, p, n))
        return NULL;
    if (n && p[0] != '[' && p[0] != ';' && p[0] != '#' && !key_line_ok(c, p, n))
        return NULL;
    memcpy(buf, p, n);
    buf[n] = '\n';
    buf[n + 1] = '\0';
    return buf;
}

static int set_u32(struct ini_ctx *c, const char *value, uint32_t lo, uint32_t hi, uint32_t *dst)
{
    uint64_t v;

    if (parse_u64(value, hi, &v) < 0 || v < lo)
        return lab_errf(c->err, LAB_E_PARSE, "must be a whole number from %u to %u, not '%.40s'",
                        lo, hi, value);
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

/* A plain Python identifier: [A-Za-z_][A-Za-z0-9_]*, at most @max characters. */
static bool is_py_ident(const char *s, size_t max)
{
    size_t n = strlen(s);

    if (n == 0 || n > max || (s[0] >= '0' && s[0] <= '9'))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return false;
    return true;
}

/* Split a comma list into @dst rows; each entry trimmed; empty entries skipped. */
static int split_list(struct ini_ctx *c, const char *value, char *dst, size_t row, size_t max_rows,
                      size_t *n, bool items)
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
                return lab_errf(c->err, LAB_E_PARSE, "has an entry that is too long");
            if (*n >= max_rows)
                return lab_errf(c->err, LAB_E_PARSE, "lists more than %zu entries", max_rows);
            memcpy(tmp, p, len);
            tmp[len] = '\0';
            if (items && !is_item_id(tmp))
                return lab_errf(c->err, LAB_E_PARSE,
                                "entry '%.40s' is not a roadmap item ID like 1.2.3", tmp);
            if (!items && !str_is_ident(tmp, 63))
                return lab_errf(c->err, LAB_E_PARSE, "entry '%.40s' is not a module name", tmp);
            memcpy(dst + *n * row, tmp, len + 1);
            (*n)++;
        }
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}

/* Store one key; on a bad value return the reason alone (on_ini adds line and key). */
static int apply(struct ini_ctx *c, const char *section, const char *name, const char *value)
{
    struct lab_def *lab = c->lab;
    char key[96];

    if (!*section)
        return lab_errf(c->err, LAB_E_PARSE,
                        "comes before the first [section] header: put it under [lab], [limits] "
                        "or [requires]");
    snprintf(key, sizeof key, "%s.%s", section, name);
    if (!utf8_valid(value, strlen(value)))
        return lab_errf(c->err, LAB_E_PARSE, "is not valid UTF-8");
    if (!strcmp(key, "lab.id")) {
        if (!field_ok(FIELD_LAB_ID, value))
            return lab_errf(c->err, LAB_E_PARSE, "must be %s, not '%.40s'",
                            field_rule(FIELD_LAB_ID)->text, value);
        c->has_id = true;
        return str_copy(lab->id, sizeof lab->id, value);
    }
    if (!strcmp(key, "lab.title")) {
        if (!*value || strlen(value) > LAB_TITLE_MAX)
            return lab_errf(c->err, LAB_E_PARSE, "must be 1-%d characters", LAB_TITLE_MAX);
        for (const char *p = value; *p; p++)
            if ((unsigned char)*p < 0x20)
                return lab_errf(c->err, LAB_E_PARSE, "contains a control character");
        c->has_title = true;
        return str_copy(lab->title, sizeof lab->title, value);
    }
    if (!strcmp(key, "lab.section")) {
        for (const char *p = value; *p; p++)
            if (!((*p >= '0' && *p <= '9') || *p == '.'))
                return lab_errf(c->err, LAB_E_PARSE, "must look like 1.2, not '%.40s'", value);
        if (str_copy(lab->section, sizeof lab->section, value) < 0)
            return lab_errf(c->err, LAB_E_PARSE, "is too long");
        return 0;
    }
    if (!strcmp(key, "lab.roadmap"))
        return split_list(c, value, &lab->items[0][0], sizeof lab->items[0], LAB_MAX_ITEMS,
                          &lab->n_items, true);
    if (!strcmp(key, "lab.checks")) {
        if (!strcmp(value, "functions"))
            lab->checks_mode = LAB_CHECKS_FUNCTIONS;
        else if (!strcmp(value, "unittest"))
            lab->checks_mode = LAB_CHECKS_UNITTEST;
        else
            return lab_errf(c->err, LAB_E_PARSE, "must be 'functions' or 'unittest', not '%.40s'",
                            value);
        return 0;
    }
    if (!strcmp(key, "lab.student_module")) {
        if (!is_py_ident(value, sizeof lab->student_module - 1))
            return lab_errf(c->err, LAB_E_PARSE,
                            "must be a Python module name like 'leap', not '%.40s'", value);
        return str_copy(lab->student_module, sizeof lab->student_module, value);
    }
    if (!strcmp(key, "lab.points"))
        return set_u32(c, value, 1, 1000, &lab->points);
    if (!strcmp(key, "limits.cpu_ms"))
        return set_u32(c, value, 100, 60000, &lab->limits.cpu_ms);
    if (!strcmp(key, "limits.wall_ms"))
        return set_u32(c, value, 100, 120000, &lab->limits.wall_ms);
    if (!strcmp(key, "limits.memory_mb"))
        return set_u32(c, value, 32, 4096, &lab->limits.memory_mb);
    if (!strcmp(key, "limits.output_kb"))
        return set_u32(c, value, 1, 4096, &lab->limits.output_kb);
    if (!strcmp(key, "limits.processes"))
        return set_u32(c, value, 2, 256, &lab->limits.processes);
    if (!strcmp(key, "requires.modules"))
        return split_list(c, value, &lab->modules[0][0], sizeof lab->modules[0], LAB_MAX_MODULES,
                          &lab->n_modules, false);
    return lab_errf(c->err, LAB_E_PARSE,
                    "is not a key of [%s] (a typo? labs/README.md lists the keys)", section);
}

static int on_ini(void *user, const char *section, const char *name, const char *value)
{
    struct ini_ctx *c = user;
    char key[96], why[200];
    int first, rc;

    if (c->rc)
        return 0;
    snprintf(key, sizeof key, "%s.%s", section, name);
    first = seen_line(c, key);
    if (first)
        rc = lab_errf(c->err, LAB_E_PARSE, "is set twice in [%s] (first on line %d): keep one",
                      section, first);
    else
        rc = apply(c, section, name, value);
    if (rc < 0) {
        snprintf(why, sizeof why, "%s", c->err ? c->err->msg : "");
        c->rc = lab_errf(c->err, rc, "lab.ini line %d, key '%.40s': %s", c->line, name, why);
        return 0;
    }
    if (c->n_seen < ARRAY_SIZE(c->seen) &&
        str_copy(c->seen[c->n_seen].key, sizeof c->seen[0].key, key) == 0)
        c->seen[c->n_seen++].line = c->line;
    return 1;
}

/* labdir_parse_ini(), also telling the line of the id key (for the folder check). */
static int parse_ini(const char *text, struct lab_def *lab, int *id_line, struct lab_err *err)
{
    struct ini_ctx c = {.lab = lab, .err = err, .pos = text};
    int rc, line;

    lab->limits = default_limits;
    lab->points = 10;
    lab->checks_mode = LAB_CHECKS_FUNCTIONS;
    str_copy(lab->student_module, sizeof lab->student_module, "solution");
    rc = ini_parse_stream(next_line, &c, on_ini, &c);
    if (c.rc)
        return c.rc;
    if (rc != 0) /* next_line lets through only lines inih accepts; kept for safety */
        return lab_errf(err, LAB_E_PARSE, "lab.ini line %d is not valid", rc);
    if (!c.has_id)
        return lab_errf(err, LAB_E_PARSE,
                        "lab.ini: [lab] id is missing: add a line 'id = NAME' (NAME is the "
                        "lab's folder name)");
    if (!c.has_title)
        return lab_errf(err, LAB_E_PARSE,
                        "lab.ini: [lab] title is missing: add a line like 'title = Pizza party "
                        "maths'");
    if (lab->n_items == 0) {
        line = seen_line(&c, "lab.roadmap");
        if (line)
            return lab_errf(err, LAB_E_PARSE,
                            "lab.ini line %d, key 'roadmap': list at least one roadmap item, "
                            "like 1.1.2",
                            line);
        return lab_errf(err, LAB_E_PARSE,
                        "lab.ini: [lab] roadmap must list the roadmap items the lab teaches: add "
                        "a line like 'roadmap = 1.1.2, 1.1.5'");
    }
    if (lab->limits.wall_ms < lab->limits.cpu_ms) {
        line = seen_line(&c, "limits.wall_ms");
        if (line)
            return lab_errf(err, LAB_E_PARSE,
                            "lab.ini line %d, key 'wall_ms': must be at least cpu_ms (%u)", line,
                            lab->limits.cpu_ms);
        return lab_errf(err, LAB_E_PARSE,
                        "lab.ini line %d, key 'cpu_ms': is more than wall_ms (%u by default): "
                        "add 'wall_ms = %u' or more under [limits]",
                        seen_line(&c, "limits.cpu_ms"), lab->limits.wall_ms, lab->limits.cpu_ms);
    }
    if (id_line)
        *id_line = seen_line(&c, "lab.id");
    return 0;
}

int labdir_parse_ini(const char *text, struct lab_def *lab, struct lab_err *err)
{
    return parse_ini(text, lab, NULL, err);
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
            return lab_errf(err, LAB_E_NOT_FOUND,
                            "%s: missing (every lab needs lab.ini, "
                            "README.md, starter.py, solution.py and checks.py)",
                            name);
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

/* Bumped when observations or stored expected values change form (labs/README.md). */
#define LAB_GRADING_FORMAT "grading-format 2"

static const char *const lab_file_names[5] = {"lab.ini", "README.md", "starter.py", "solution.py",
                                              "checks.py"};

/* The last component of @path, ignoring trailing slashes: "labs/b-x/" gives "b-x". */
static void last_component(const char *path, const char **name, size_t *len)
{
    const char *end = path + strlen(path), *start;

    while (end > path && end[-1] == '/')
        end--;
    start = end;
    while (start > path && start[-1] != '/')
        start--;
    *name = start;
    *len = (size_t)(end - start);
}

/*
 * The name of the folder @dir, cut to @cap - 1 bytes (a longer name cannot
 * equal an id anyway). For ".", ".." and the like, the name of its real path.
 */
static int folder_name(const char *dir, char *out, size_t cap, struct lab_err *err)
{
    char real[PATH_MAX];
    const char *name;
    size_t len;

    last_component(dir, &name, &len);
    if (len == 0 || (len == 1 && name[0] == '.') || (len == 2 && !strncmp(name, "..", 2))) {
        if (!realpath(dir, real))
            return lab_errf(err, -errno, "cannot find the name of the folder '%s'", dir);
        last_component(real, &name, &len);
    }
    if (len >= cap)
        len = cap - 1;
    memcpy(out, name, len);
    out[len] = '\0';
    return 0;
}

/*
 * Parse lab.ini and compute the version of a lab whose five texts are filled in.
 * @folder (NULL for an upload, which has none) must equal the lab's id.
 */
static int finish_lab(struct lab_def *lab, const char *folder, struct lab_err *err)
{
    const char *texts[5] = {lab->ini, lab->readme, lab->starter, lab->solution, lab->checks};
    size_t total = 0, off = 0;
    char *joined;
    int rc, id_line = 0;

    rc = parse_ini(lab->ini, lab, &id_line, err);
    if (rc < 0)
        return rc;
    if (folder && strcmp(folder, lab->id)) {
        rc = lab_errf(err, LAB_E_PARSE,
                      "lab.ini line %d, key 'id': '%s' is not the folder's name '%.64s'", id_line,
                      lab->id, folder);
        lab_err_hint(err,
                     "a lab's folder is named after its id: rename the folder to '%s', or "
                     "set id = %.64s",
                     lab->id, folder);
        return rc;
    }
    total = sizeof LAB_GRADING_FORMAT;
    for (size_t i = 0; i < 5; i++)
        total += strlen(texts[i]) + 64;
    joined = malloc(total + 1);
    if (!joined)
        return lab_errf(err, LAB_E_NOMEM, "out of memory");
    /* The stored expected values depend on how observations are written (the grading
     * format) as much as on the files, so a new format makes every lab a new version. */
    off = (size_t)snprintf(joined, total + 1, "%s\n", LAB_GRADING_FORMAT);
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
    char **slots[5], folder[LAB_ID_MAX + 2];
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
    rc = folder_name(dir, folder, sizeof folder, err);
    if (rc == 0)
        rc = finish_lab(lab, folder, err);
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
            return lab_errf(err, LAB_E_NOT_FOUND,
                            "%s: missing (every lab needs lab.ini, "
                            "README.md, starter.py, solution.py and checks.py)",
                            lab_file_names[i]);
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
    rc = finish_lab(lab, NULL, err);
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
