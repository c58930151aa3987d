-- 0001_core.sql — accounts, sessions, cohorts, labs and the audit log.
-- Applied once by `labctl migrate`, inside one transaction.

CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    username      text NOT NULL UNIQUE
                  CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{1,31}$'),
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 64),
    role          text NOT NULL CHECK (role IN ('student', 'instructor', 'admin')),
    password_hash text NOT NULL,
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a session token is stored: a stolen backup cannot log anyone in.
CREATE TABLE sessions (
    token_hash   text PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE cohorts (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_.-]{1,47}$'),
    join_code   text NOT NULL UNIQUE,
    owner_id    bigint NOT NULL REFERENCES users(id),
    board_mode  text NOT NULL DEFAULT 'full' CHECK (board_mode IN ('full', 'top10', 'hidden')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
    cohort_id  bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    user_id    bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('student', 'instructor')),
    joined_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- The catalog: one row per lab id, pointing at its current version.
CREATE TABLE labs (
    id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
    title         text NOT NULL,
    section       text NOT NULL DEFAULT '',
    roadmap_items text[] NOT NULL DEFAULT '{}',
    points        integer NOT NULL DEFAULT 10 CHECK (points BETWEEN 0 AND 1000),
    statement_md  text NOT NULL DEFAULT '',
    starter       text NOT NULL DEFAULT '',
    version       text NOT NULL DEFAULT '',
    published     boolean NOT NULL DEFAULT true,
    sort_key      text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor_id  bigint REFERENCES users(id) ON DELETE SET NULL,
    actor     text NOT NULL,          -- username, or 'labctl' for operator actions
    action    text NOT NULL,          -- 'cohort.create', 'user.add', ...
    target    text NOT NULL DEFAULT '',
    detail    text NOT NULL DEFAULT '',
    peer      text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
