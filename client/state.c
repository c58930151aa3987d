/*
 * state.c — see state.h. Files are small (a few lines), so every operation
 * reads the whole file, edits it in memory and writes it back atomically.
 */
#include "client/state.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/str.h"

#define STATE_FILE_MAX (256 * 1024)

int state_mkdirs(const char *path)
{
    char buf[STATE_PATH_MAX];
    size_t n = strlen(path);

    if (n == 0 || n >= sizeof buf)
        return -ENAMETOOLONG;
    memcpy(buf, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (buf[i] != '/' && buf[i] != '\0')
            continue;
        buf[i] = '\0';
        if (mkdir(buf, 0700) < 0 && errno != EEXIST)
            return -errno;
        buf[i] = i == n ? '\0' : '/';
    }
    return 0;
}

int state_open_dir(struct state *st, const char *dir, struct lab_err *err)
{
    struct stat sb;
    int rc;

    if (str_copy(st->dir, sizeof st->dir, dir) < 0)
        return lab_errf(err, LAB_E_TOO_LARGE, "the config directory path is too long");
    rc = state_mkdirs(st->dir);
    if (rc < 0)
        return lab_errf(err, rc, "cannot create the folder '%s'", st->dir);
    if (lstat(st->dir, &sb) < 0)
        return lab_errf(err, -errno, "cannot use the folder '%s'", st->dir);
    if (!S_ISDIR(sb.st_mode))
        return lab_errf(err, LAB_E_CONFIG, "'%s' is not a folder", st->dir);
    /* The token lives here: nobody else may list or enter the folder. */
    if ((sb.st_mode & 077) && sb.st_uid == getuid() && chmod(st->dir, 0700) < 0)
        return lab_errf(err, -errno, "cannot make '%s' private", st->dir);
    return 0;
}

int state_open(struct state *st, struct lab_err *err)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char dir[STATE_PATH_MAX];
    int n;

    if (xdg && xdg[0] == '/')
        n = snprintf(dir, sizeof dir, "%s/labclient", xdg);
    else if (home && home[0] == '/')
        n = snprintf(dir, sizeof dir, "%s/.config/labclient", home);
    else
        return lab_errf(err, LAB_E_CONFIG, "cannot find your home folder (HOME is not set)");
    if (n < 0 || (size_t)n >= sizeof dir)
        return lab_errf(err, LAB_E_TOO_LARGE, "the config directory path is too long");
    return state_open_dir(st, dir, err);
}

int state_path(const struct state *st, const char *name, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%s/%s", st->dir, name);

    return n < 0 || (size_t)n >= cap ? LAB_E_TOO_LARGE : 0;
}

/* Read a whole small file. 0, LAB_E_NOT_FOUND, LAB_E_TOO_LARGE or -errno. Caller frees *out. */
static int read_all(const char *path, char **out, size_t *len)
{
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int fd, rc = 0;

    *out = NULL;
    *len = 0;
    fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? LAB_E_NOT_FOUND : -errno;
    for (;;) {
        ssize_t r;

        if (n + 4096 + 1 > cap) {
            char *b;

            cap = cap ? cap * 2 : 8192;
            if (cap > STATE_FILE_MAX + 1) {
                rc = LAB_E_TOO_LARGE;
                goto out;
            }
            b = realloc(buf, cap);
            if (!b) {
                rc = LAB_E_NOMEM;
                goto out;
            }
            buf = b;
        }
        r = read(fd, buf + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            rc = -errno;
            goto out;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (!buf) {
        buf = malloc(1);
        if (!buf) {
            rc = LAB_E_NOMEM;
            goto out;
        }
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    buf = NULL;
out:
    free(buf);
    close(fd);
    return rc;
}

int state_write_file(const char *path, const char *data, size_t len, unsigned mode,
                     struct lab_err *err)
{
    char tmp[STATE_PATH_MAX + 16];
    size_t off = 0;
    int fd = -1, rc;

    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid()) >= sizeof tmp)
        return lab_errf(err, LAB_E_TOO_LARGE, "path too long: '%s'", path);
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, (mode_t)mode);
    if (fd < 0)
        return lab_errf(err, -errno, "cannot write '%s'", tmp);
    /* The umask may have widened nothing, but an old file of ours might: be explicit. */
    if (fchmod(fd, (mode_t)mode) < 0) {
        rc = lab_errf(err, -errno, "cannot set the mode of '%s'", tmp);
        goto fail;
    }
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);

        if (w < 0) {
            if (errno == EINTR)
                continue;
            rc = lab_errf(err, -errno, "cannot write '%s'", tmp);
            goto fail;
        }
        off += (size_t)w;
    }
    if (fsync(fd) < 0) {
        rc = lab_errf(err, -errno, "cannot write '%s'", tmp);
        goto fail;
    }
    if (close(fd) < 0) {
        fd = -1;
        rc = lab_errf(err, -errno, "cannot write '%s'", tmp);
        goto fail;
    }
    fd = -1;
    if (rename(tmp, path) < 0) {
        rc = lab_errf(err, -errno, "cannot replace '%s'", path);
        goto fail;
    }
    return 0;
fail:
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    return rc;
}

/* Trim spaces and tabs at both ends of [*s, *e). */
static void trim(const char **s, const char **e)
{
    while (*s < *e && (**s == ' ' || **s == '\t' || **s == '\r'))
        (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
        (*e)--;
}

int state_get(const struct state *st, const char *key, char *out, size_t cap)
{
    char path[STATE_PATH_MAX];
    char *data = NULL;
    size_t len, klen = strlen(key);
    int rc;

    rc = state_path(st, "config", path, sizeof path);
    if (rc < 0)
        return rc;
    rc = read_all(path, &data, &len);
    if (rc < 0)
        return rc;
    rc = LAB_E_NOT_FOUND;
    for (char *line = data; line && *line;) {
        char *nl = strchr(line, '\n');
        const char *s = line, *e = nl ? nl : line + strlen(line), *eq;

        line = nl ? nl + 1 : NULL;
        trim(&s, &e);
        if (s == e || *s == '#')
            continue;
        eq = memchr(s, '=', (size_t)(e - s));
        if (!eq)
            continue;
        {
            const char *ks = s, *ke = eq, *vs = eq + 1, *ve = e;
            size_t vlen;

            trim(&ks, &ke);
            trim(&vs, &ve);
            if ((size_t)(ke - ks) != klen || memcmp(ks, key, klen) != 0)
                continue;
            vlen = (size_t)(ve - vs);
            if (vlen >= cap) {
                rc = LAB_E_TOO_LARGE;
                break;
            }
            memcpy(out, vs, vlen);
            out[vlen] = '\0';
            rc = 0; /* keep going: the last assignment wins */
        }
    }
    free(data);
    return rc;
}

int state_set(const struct state *st, const char *key, const char *value, struct lab_err *err)
{
    char path[STATE_PATH_MAX];
    char *data = NULL, *outbuf = NULL;
    size_t len = 0, o = 0, klen = strlen(key);
    int rc;

    if (value && (strchr(value, '\n') || strlen(value) >= STATE_VALUE_MAX))
        return lab_errf(err, LAB_E_PARSE, "value for '%s' cannot be stored", key);
    rc = state_path(st, "config", path, sizeof path);
    if (rc < 0)
        return lab_errf(err, rc, "config path too long");
    rc = read_all(path, &data, &len);
    if (rc < 0 && rc != LAB_E_NOT_FOUND)
        return lab_errf(err, rc, "cannot read '%s'", path);
    outbuf = malloc(len + klen + (value ? strlen(value) : 0) + 4);
    if (!outbuf) {
        rc = lab_errf(err, LAB_E_NOMEM, "out of memory");
        goto out;
    }
    for (char *line = data; line && *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        const char *s = line, *e = line + n, *eq;
        bool drop = false;

        trim(&s, &e);
        eq = s < e && *s != '#' ? memchr(s, '=', (size_t)(e - s)) : NULL;
        if (eq) {
            const char *ks = s, *ke = eq;

            trim(&ks, &ke);
            drop = (size_t)(ke - ks) == klen && memcmp(ks, key, klen) == 0;
        }
        if (!drop) {
            memcpy(outbuf + o, line, n);
            o += n;
            outbuf[o++] = '\n';
        }
        line = nl ? nl + 1 : NULL;
    }
    if (value) {
        memcpy(outbuf + o, key, klen);
        o += klen;
        outbuf[o++] = '=';
        memcpy(outbuf + o, value, strlen(value));
        o += strlen(value);
        outbuf[o++] = '\n';
    }
    rc = state_write_file(path, outbuf, o, 0600, err);
out:
    free(outbuf);
    free(data);
    return rc;
}

int state_token_get(const struct state *st, char *out, size_t cap)
{
    char path[STATE_PATH_MAX];
    char *data = NULL;
    size_t len;
    int rc;

    rc = state_path(st, "token", path, sizeof path);
    if (rc < 0)
        return rc;
    rc = read_all(path, &data, &len);
    if (rc < 0)
        return rc;
    while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r' || data[len - 1] == ' '))
        data[--len] = '\0';
    if (len == 0)
        rc = LAB_E_NOT_FOUND;
    else if (len >= cap)
        rc = LAB_E_TOO_LARGE;
    else
        memcpy(out, data, len + 1);
    /* Wipe our copy: it is a password-equivalent secret. */
    memset(data, 0, len);
    free(data);
    return rc;
}

int state_token_put(const struct state *st, const char *token, struct lab_err *err)
{
    char path[STATE_PATH_MAX];
    char line[STATE_VALUE_MAX + 2];
    size_t n = strlen(token);
    int rc;

    if (n == 0 || n >= STATE_VALUE_MAX || strchr(token, '\n'))
        return lab_errf(err, LAB_E_PARSE, "the server sent a session token I cannot store");
    if (state_path(st, "token", path, sizeof path) < 0)
        return lab_errf(err, LAB_E_TOO_LARGE, "token path too long");
    memcpy(line, token, n);
    line[n] = '\n';
    rc = state_write_file(path, line, n + 1, 0600, err);
    memset(line, 0, sizeof line);
    return rc;
}

int state_token_remove(const struct state *st)
{
    char path[STATE_PATH_MAX];

    if (state_path(st, "token", path, sizeof path) < 0)
        return LAB_E_TOO_LARGE;
    if (unlink(path) < 0 && errno != ENOENT)
        return -errno;
    return 0;
}

static bool is_hex64(const char *s, size_t n)
{
    if (n != SHA256_HEX_LEN)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') ||
              (s[i] >= 'A' && s[i] <= 'F')))
            return false;
    return true;
}

/*
 * Split a known_servers line into key and hex. Returns false for comments,
 * blank and malformed lines (kept as they are when rewriting the file).
 */
static bool known_line(const char *line, size_t n, const char **key, size_t *klen, const char **hex)
{
    const char *s = line, *e = line + n, *sp;

    trim(&s, &e);
    if (s == e || *s == '#')
        return false;
    sp = s;
    while (sp < e && *sp != ' ' && *sp != '\t')
        sp++;
    *key = s;
    *klen = (size_t)(sp - s);
    while (sp < e && (*sp == ' ' || *sp == '\t'))
        sp++;
    if (!is_hex64(sp, (size_t)(e - sp)))
        return false;
    *hex = sp;
    return true;
}

int known_lookup(const char *path, const char *hostport, char hex[SHA256_HEX_LEN + 1])
{
    char *data = NULL;
    size_t len, hplen = strlen(hostport);
    int rc;

    rc = read_all(path, &data, &len);
    if (rc < 0)
        return rc;
    rc = LAB_E_NOT_FOUND;
    for (char *line = data; line && *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        const char *key, *h;
        size_t klen;

        if (known_line(line, n, &key, &klen, &h) && klen == hplen &&
            memcmp(key, hostport, hplen) == 0) {
            for (size_t i = 0; i < SHA256_HEX_LEN; i++)
                hex[i] = (char)(h[i] >= 'A' && h[i] <= 'F' ? h[i] - 'A' + 'a' : h[i]);
            hex[SHA256_HEX_LEN] = '\0';
            rc = 0;
            break;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(data);
    return rc;
}

/* Rewrite @path without @hostport's line, then (if @hex) with a new one. */
static int known_rewrite(const char *path, const char *hostport, const char *hex, bool *found,
                         struct lab_err *err)
{
    char *data = NULL, *outbuf = NULL;
    size_t len = 0, o = 0, hplen = strlen(hostport);
    int rc;

    *found = false;
    if (hplen == 0 || strpbrk(hostport, " \t\n\r#"))
        return lab_errf(err, LAB_E_PARSE, "'%s' is not a HOST:PORT", hostport);
    rc = read_all(path, &data, &len);
    if (rc < 0 && rc != LAB_E_NOT_FOUND)
        return lab_errf(err, rc, "cannot read '%s'", path);
    outbuf = malloc(len + hplen + SHA256_HEX_LEN + 4);
    if (!outbuf) {
        rc = lab_errf(err, LAB_E_NOMEM, "out of memory");
        goto out;
    }
    for (char *line = data; line && *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        const char *key, *h;
        size_t klen;

        if (known_line(line, n, &key, &klen, &h) && klen == hplen &&
            memcmp(key, hostport, hplen) == 0) {
            *found = true;
        } else {
            memcpy(outbuf + o, line, n);
            o += n;
            outbuf[o++] = '\n';
        }
        line = nl ? nl + 1 : NULL;
    }
    if (hex) {
        memcpy(outbuf + o, hostport, hplen);
        o += hplen;
        outbuf[o++] = ' ';
        for (size_t i = 0; i < SHA256_HEX_LEN; i++)
            outbuf[o++] = (char)(hex[i] >= 'A' && hex[i] <= 'F' ? hex[i] - 'A' + 'a' : hex[i]);
        outbuf[o++] = '\n';
    }
    rc = state_write_file(path, outbuf, o, 0600, err);
out:
    free(outbuf);
    free(data);
    return rc;
}

int known_add(const char *path, const char *hostport, const char *hex, struct lab_err *err)
{
    bool found;

    if (!is_hex64(hex, strlen(hex)))
        return lab_errf(err, LAB_E_PARSE, "not a SHA-256 fingerprint");
    return known_rewrite(path, hostport, hex, &found, err);
}

int known_remove(const char *path, const char *hostport, struct lab_err *err)
{
    bool found;
    int rc = known_rewrite(path, hostport, NULL, &found, err);

    if (rc < 0)
        return rc;
    return found ? 0 : LAB_E_NOT_FOUND;
}

int fpr_format(const char *hex, char out[FPR_TEXT_LEN + 1])
{
    size_t o;

    if (!is_hex64(hex, strlen(hex)))
        return LAB_E_PARSE;
    memcpy(out, "SHA256:", 7);
    o = 7;
    for (size_t i = 0; i < SHA256_HEX_LEN; i += 2) {
        if (i)
            out[o++] = ':';
        for (size_t k = 0; k < 2; k++) {
            char c = hex[i + k];
            out[o++] = (char)(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
        }
    }
    out[o] = '\0';
    return 0;
}
