-- Monitoring (package monitoring): follow-up visits.
--
-- open is 1 while a visit is neither done, missed nor cancelled; with the
-- due date it serves the morning worklists. The outcome and the Child
-- Status Index scores taken at a visit are JSON (null when absent). Dates
-- are 'YYYY-MM-DD' text (NULL: no date) and times RFC 3339 text in UTC.

CREATE TABLE visits (
    id         TEXT    NOT NULL PRIMARY KEY,
    org        TEXT    NOT NULL,
    case_id    TEXT    NOT NULL,
    caseworker TEXT    NOT NULL,
    due        TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    mode       TEXT    NOT NULL,
    done       TEXT,
    done_by    TEXT    NOT NULL,
    outcome    TEXT    NOT NULL, -- JSON object, or null
    scores     TEXT    NOT NULL, -- JSON object, or null
    missed     TEXT,
    cancelled  TEXT,
    reason     TEXT    NOT NULL,
    open       INTEGER NOT NULL, -- 0 or 1
    version    INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

-- Lists order visits by due date, then id; each index ends with them.
CREATE INDEX visits_org_open_due ON visits (org, open, due, id);
CREATE INDEX visits_org_worker_open_due ON visits (org, caseworker, open, due, id);
CREATE INDEX visits_org_due ON visits (org, due, id);
CREATE INDEX visits_case_due ON visits (case_id, due, id);
