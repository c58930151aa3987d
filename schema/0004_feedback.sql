-- 0004_feedback.sql — feedback format v2: checks made of cases, with descriptions.
--
-- A check is made of cases, each scored and reported on its own. The worker writes
-- one submission_cases row per case in the same transaction as the submission's
-- result. Hidden checks' rows never hold call, expected or got (the worker writes
-- NULL; the server also never sends them for hidden checks whatever a row holds).

ALTER TABLE lab_checks ADD COLUMN description text NOT NULL DEFAULT '';
-- lab_checks.expected now holds the reference's case array (format v2); rows written by
-- older versions hold a bare observation and are treated as one case with empty call/shown.

ALTER TABLE submission_checks ADD COLUMN description text NOT NULL DEFAULT '',
    ADD COLUMN cases_passed integer NOT NULL DEFAULT 0,
    ADD COLUMN cases_total integer NOT NULL DEFAULT 0;

CREATE TABLE submission_cases (
    submission_id bigint NOT NULL,
    check_idx     integer NOT NULL,
    idx           integer NOT NULL,
    passed        boolean NOT NULL,
    about         text NOT NULL DEFAULT '',     -- for hidden checks: what the case is about
    call          text,                         -- NULL for hidden checks
    expected      text,                         -- NULL for hidden checks
    got           text,                         -- NULL for hidden checks
    shown_as      text NOT NULL DEFAULT 'value',
    error         text NOT NULL DEFAULT '',
    location      text NOT NULL DEFAULT '',     -- "line 4, in add: return a + b"
    PRIMARY KEY (submission_id, check_idx, idx),
    FOREIGN KEY (submission_id, check_idx) REFERENCES submission_checks ON DELETE CASCADE
);
