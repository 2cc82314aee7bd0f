-- Transition-readiness assessments (package transition).
-- Ids use the "C" collation so that lists order them byte by byte, as every
-- Homeward store does.
CREATE TABLE assessments (
    id                TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    org               TEXT        NOT NULL,
    checklist         TEXT        NOT NULL,
    checklist_version TEXT        NOT NULL,
    date              DATE        NOT NULL,
    assessor          TEXT        NOT NULL,
    answers           JSON        NOT NULL, -- item id -> {status, evidence, note}
    version           BIGINT      NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX assessments_org_date_id ON assessments (org, date, id);
CREATE INDEX assessments_date_id ON assessments (date, id);
