/*
 * state.h — what labclient remembers between runs, all under one directory
 * ($XDG_CONFIG_HOME/labclient or ~/.config/labclient, mode 0700):
 *
 *   config         key=value lines: server=URL, user=NAME (last login name)
 *   token          the session token, mode 0600; never printed or logged
 *   known_servers  "host:port sha256-hex" lines: pinned certificates of
 *                  self-signed servers (trust on first use)
 *
 * Every file is replaced atomically (write a temporary file in the same
 * directory, fsync, rename), so a crash never leaves half a token behind.
 */
#ifndef LAB_CLIENT_STATE_H
#define LAB_CLIENT_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"
#include "common/token.h"

#define STATE_PATH_MAX 4096
#define STATE_VALUE_MAX 1024
#define FPR_TEXT_LEN (7 + 32 * 3) /* "SHA256:" + "ab:" x 32 - 1 + NUL */

struct state {
    char dir[STATE_PATH_MAX];
};

/*
 * Find the config directory from $XDG_CONFIG_HOME or $HOME and create it
 * (and its parent) with mode 0700 if missing; an existing one is narrowed to
 * 0700. Returns 0 or a negative code with @err filled.
 */
int state_open(struct state *st, struct lab_err *err) LAB_MUST_USE;

/* Like state_open, for a given directory (tests). */
int state_open_dir(struct state *st, const char *dir, struct lab_err *err) LAB_MUST_USE;

/* Path of @name inside the directory into @out. 0 or LAB_E_TOO_LARGE. */
int state_path(const struct state *st, const char *name, char *out, size_t cap) LAB_MUST_USE;

/* Read @key from `config` into @out. 0, LAB_E_NOT_FOUND, or an I/O error. */
int state_get(const struct state *st, const char *key, char *out, size_t cap) LAB_MUST_USE;

/* Set (or with @value NULL remove) @key in `config`. 0 or an error. */
int state_set(const struct state *st, const char *key, const char *value,
              struct lab_err *err) LAB_MUST_USE;

/* The token: read (0, LAB_E_NOT_FOUND), write (mode 0600), remove (missing is fine). */
int state_token_get(const struct state *st, char *out, size_t cap) LAB_MUST_USE;
int state_token_put(const struct state *st, const char *token, struct lab_err *err) LAB_MUST_USE;
int state_token_remove(const struct state *st) LAB_MUST_USE;

/*
 * known_servers. @hostport is "host:port" or "[v6]:port", @hex is the
 * lowercase SHA-256 hex of the certificate's DER.
 * known_lookup: 0 (found, @hex filled), LAB_E_NOT_FOUND, or an I/O error.
 * known_add: add or replace the pin for @hostport.
 * known_remove: 0, LAB_E_NOT_FOUND, or an I/O error.
 */
int known_lookup(const char *path, const char *hostport, char hex[SHA256_HEX_LEN + 1]) LAB_MUST_USE;
int known_add(const char *path, const char *hostport, const char *hex,
              struct lab_err *err) LAB_MUST_USE;
int known_remove(const char *path, const char *hostport, struct lab_err *err) LAB_MUST_USE;

/*
 * Format a 64-char hex SHA-256 as "SHA256:ab:cd:..." into @out
 * (FPR_TEXT_LEN + 1 bytes). Returns 0 or LAB_E_PARSE for bad hex.
 */
int fpr_format(const char *hex, char out[FPR_TEXT_LEN + 1]) LAB_MUST_USE;

/*
 * Replace @path's content with @data, creating it with @mode (0600 or
 * 0644) through a temporary file and rename. Exposed for the history file.
 */
int state_write_file(const char *path, const char *data, size_t len, unsigned mode,
                     struct lab_err *err) LAB_MUST_USE;

/* mkdir -p with mode 0700 for every directory it creates. 0 or -errno. */
int state_mkdirs(const char *path) LAB_MUST_USE;

#endif
