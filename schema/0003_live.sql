-- 0003_live.sql — live exercises, labs per cohort, and live boards.

-- A lab an instructor pushed to one cohort belongs to it; catalog labs have NULL.
ALTER TABLE labs ADD COLUMN cohort_id bigint REFERENCES cohorts(id) ON DELETE CASCADE;
ALTER TABLE lab_versions ADD COLUMN cohort_id bigint REFERENCES cohorts(id) ON DELETE CASCADE;

-- Catalog labs are open to every cohort until an instructor closes one for theirs.
CREATE TABLE cohort_labs (
    cohort_id  bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    lab_id     text NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    open       boolean NOT NULL,
    changed_by bigint REFERENCES users(id) ON DELETE SET NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cohort_id, lab_id)
);

CREATE TABLE live_sessions (
    id          bigserial PRIMARY KEY,
    cohort_id   bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    lab_id      text NOT NULL,
    lab_version text NOT NULL,
    started_by  bigint REFERENCES users(id) ON DELETE SET NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    ends_at     timestamptz,              -- NULL: until ended by hand
    ended_at    timestamptz,              -- set when it ends; the final board is kept
    FOREIGN KEY (lab_id, lab_version) REFERENCES lab_versions (lab_id, version)
);
-- At most one running live exercise per cohort.
CREATE UNIQUE INDEX live_sessions_running ON live_sessions (cohort_id) WHERE ended_at IS NULL;

-- The live board: one row per student of a live session, written with each result.
CREATE TABLE live_scores (
    live_id     bigint NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
    user_id     bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    attempts    integer NOT NULL DEFAULT 0,
    best_score  integer NOT NULL DEFAULT 0,
    max_score   integer NOT NULL DEFAULT 0,
    improved_at timestamptz NOT NULL DEFAULT now(),
    solved_at   timestamptz,
    PRIMARY KEY (live_id, user_id)
);
