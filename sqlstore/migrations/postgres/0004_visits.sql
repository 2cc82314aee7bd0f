-- Monitoring (package monitoring): follow-up visits.
--
-- open is true while a visit is neither done, missed nor cancelled; with the
-- due date it serves the morning worklists. The outcome and the Child
-- Status Index scores taken at a visit are JSON (null when absent). Dates
-- are DATE (NULL: no date) and times TIMESTAMPTZ; ids use the "C" collation.

CREATE TABLE visits (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    org        TEXT    NOT NULL,
    case_id    TEXT    NOT NULL,
    caseworker TEXT    NOT NULL,
    due        DATE    NOT NULL,
    kind       TEXT    NOT NULL,
    mode       TEXT    NOT NULL,
    done       DATE,
    done_by    TEXT    NOT NULL,
    outcome    JSON    NOT NULL, -- object, or null
    scores     JSON    NOT NULL, -- object, or null
    missed     DATE,
    cancelled  DATE,
    reason     TEXT    NOT NULL,
    open       BOOLEAN NOT NULL,
    version    BIGINT  NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Lists order visits by due date, then id; each index ends with them.
CREATE INDEX visits_org_open_due ON visits (org, open, due, id);
CREATE INDEX visits_org_worker_open_due ON visits (org, caseworker, open, due, id);
CREATE INDEX visits_org_due ON visits (org, due, id);
CREATE INDEX visits_case_due ON visits (case_id, due, id);
