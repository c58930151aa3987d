-- 0002_grading.sql — lab versions, the submission queue, results and best scores.
--
-- submissions is the job queue: labworkers claim rows with FOR UPDATE SKIP LOCKED
-- and a lease; a worker killed mid-job leaves a lease that expires and the row is
-- claimed again, at most max_attempts times. lab_versions is a queue too: an
-- imported lab is 'pending' until a labworker has run its reference in the
-- sandbox and stored the expected observations.

CREATE TABLE lab_versions (
    lab_id        text NOT NULL CHECK (lab_id ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
    version       text NOT NULL,            -- SHA-256 of the lab's files
    state         text NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'verifying', 'live', 'rejected')),
    title         text NOT NULL,
    section       text NOT NULL DEFAULT '',
    roadmap_items text[] NOT NULL DEFAULT '{}',
    points        integer NOT NULL CHECK (points BETWEEN 1 AND 1000),
    cpu_ms        integer NOT NULL,
    wall_ms       integer NOT NULL,
    memory_mb     integer NOT NULL,
    output_kb     integer NOT NULL,
    processes     integer NOT NULL,
    modules       text[] NOT NULL DEFAULT '{}',
    lab_ini       text NOT NULL,
    statement_md  text NOT NULL,
    starter       text NOT NULL,
    solution      text NOT NULL,
    checks_py     text NOT NULL,
    attempts      integer NOT NULL DEFAULT 0,
    lease_until   timestamptz,
    worker        text,
    reject_reason text,
    created_by    bigint REFERENCES users(id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    verified_at   timestamptz,
    PRIMARY KEY (lab_id, version)
);
CREATE INDEX lab_versions_pending ON lab_versions (created_at) WHERE state IN ('pending', 'verifying');

-- The checks of a verified version, with the reference's observation for each.
CREATE TABLE lab_checks (
    lab_id     text NOT NULL,
    version    text NOT NULL,
    idx        integer NOT NULL,
    name       text NOT NULL,
    weight     integer NOT NULL,
    visible    boolean NOT NULL,
    timeout_ms integer NOT NULL,
    expected   text NOT NULL,              -- canonical JSON; never sent for hidden checks
    PRIMARY KEY (lab_id, version, idx),
    FOREIGN KEY (lab_id, version) REFERENCES lab_versions ON DELETE CASCADE
);

CREATE TABLE submissions (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lab_id       text NOT NULL,
    lab_version  text NOT NULL,
    code         text NOT NULL,
    state        text NOT NULL DEFAULT 'queued'
                 CHECK (state IN ('queued', 'running', 'graded', 'failed')),
    attempts     integer NOT NULL DEFAULT 0,
    max_attempts integer NOT NULL DEFAULT 3,
    lease_until  timestamptz,
    worker       text,
    verdict      text,
    score        integer,
    max_score    integer,
    message      text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    graded_at    timestamptz,
    FOREIGN KEY (lab_id, lab_version) REFERENCES lab_versions (lab_id, version)
);
-- Keeps the claim cheap however many graded rows pile up.
CREATE INDEX submissions_claimable ON submissions (id) WHERE state IN ('queued', 'running');
CREATE INDEX submissions_user_lab ON submissions (user_id, lab_id, id DESC);

CREATE TABLE submission_checks (
    submission_id bigint NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    idx           integer NOT NULL,
    name          text NOT NULL,
    passed        boolean NOT NULL,
    visible       boolean NOT NULL,
    weight        integer NOT NULL,
    observed      text,
    expected      text,                    -- NULL for hidden checks
    message       text NOT NULL DEFAULT '',
    output_tail   text,
    PRIMARY KEY (submission_id, idx)
);

-- One row per user and lab, written in the same transaction as each result,
-- so boards are drawn from this small table and never from submissions.
CREATE TABLE best_scores (
    user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lab_id        text NOT NULL,
    score         integer NOT NULL,
    max_score     integer NOT NULL,
    submission_id bigint NOT NULL,
    attempts      integer NOT NULL DEFAULT 1,
    improved_at   timestamptz NOT NULL DEFAULT now(),
    solved_at     timestamptz,
    PRIMARY KEY (user_id, lab_id)
);
CREATE INDEX best_scores_lab ON best_scores (lab_id, score DESC);
