-- Transition-readiness assessments (package transition).
-- Dates are 'YYYY-MM-DD' text and times RFC 3339 text in UTC with six
-- fractional digits, so both sort correctly as text.
CREATE TABLE assessments (
    id                TEXT    NOT NULL PRIMARY KEY,
    org               TEXT    NOT NULL,
    checklist         TEXT    NOT NULL,
    checklist_version TEXT    NOT NULL,
    date              TEXT    NOT NULL,
    assessor          TEXT    NOT NULL,
    answers           TEXT    NOT NULL, -- JSON object: item id -> {status, evidence, note}
    version           INTEGER NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);

CREATE INDEX assessments_org_date_id ON assessments (org, date, id);
CREATE INDEX assessments_date_id ON assessments (date, id);
