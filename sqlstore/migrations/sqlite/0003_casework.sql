-- Casework (package casework): cases, households, assessments of children
-- and households, family-strengthening plans and case notes.
--
-- The fields that lists filter on and order by are columns, with indexes
-- that serve the filtered, ordered, keyset-paged lists; the nested parts of
-- a record (languages, team, consents, care arrangements, histories,
-- members, income, support, scores, goals) are JSON. Money inside the JSON
-- keeps its amount as exact decimal text and its ISO 4217 currency code.
-- Dates are 'YYYY-MM-DD' text (NULL: no date) and times RFC 3339 text in
-- UTC with six fractional digits, so both sort correctly as text.

CREATE TABLE cases (
    id                    TEXT    NOT NULL PRIMARY KEY,
    org                   TEXT    NOT NULL,
    status                TEXT    NOT NULL,
    risk                  TEXT    NOT NULL,
    household             TEXT    NOT NULL, -- '' when the case names none
    birth_year            INTEGER NOT NULL, -- year of child_birth_date (1 without one, as casework reads it)
    registered_on         TEXT,
    child_given_name      TEXT    NOT NULL,
    child_family_name     TEXT    NOT NULL,
    child_sex             TEXT    NOT NULL,
    child_birth_date      TEXT,
    child_birth_estimated INTEGER NOT NULL, -- 0 or 1
    child_id_number       TEXT    NOT NULL,
    child_languages       TEXT    NOT NULL, -- JSON array of BCP 47 tags, or null
    child_disabilities    TEXT    NOT NULL, -- JSON array, or null
    risk_history          TEXT    NOT NULL, -- JSON array, or null
    team                  TEXT    NOT NULL, -- JSON array, or null
    consents              TEXT    NOT NULL, -- JSON array, or null
    arrangements          TEXT    NOT NULL, -- JSON array, or null
    status_history        TEXT    NOT NULL, -- JSON array, or null
    closure               TEXT    NOT NULL, -- JSON object, or null
    reopenings            TEXT    NOT NULL, -- JSON array, or null
    version               INTEGER NOT NULL,
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL
);

-- Lists order cases by id, so every index has it right after the columns
-- a list filters on by equality: a page is a range of one index, read in
-- order. The organisation's index carries the year of birth, so that a
-- filter on years reads no row it does not return.
CREATE INDEX cases_org_id ON cases (org, id, birth_year);
CREATE INDEX cases_org_status_id ON cases (org, status, id);
CREATE INDEX cases_org_risk_id ON cases (org, risk, id);
CREATE INDEX cases_household_id ON cases (household, id);

CREATE TABLE households (
    id         TEXT    NOT NULL PRIMARY KEY,
    org        TEXT    NOT NULL,
    region     TEXT    NOT NULL,
    district   TEXT    NOT NULL,
    address    TEXT    NOT NULL,
    phone      TEXT    NOT NULL,
    members    TEXT    NOT NULL, -- JSON array, or null
    income     TEXT    NOT NULL, -- JSON array, or null
    support    TEXT    NOT NULL, -- JSON array, or null
    version    INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

CREATE INDEX households_org_id ON households (org, id);

-- Child Status Index and household vulnerability assessments; lists order
-- them by date, then id.
CREATE TABLE case_assessments (
    id         TEXT    NOT NULL PRIMARY KEY,
    org        TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    case_id    TEXT    NOT NULL, -- '' for a household assessment
    household  TEXT    NOT NULL, -- '' when none
    date       TEXT    NOT NULL,
    assessor   TEXT    NOT NULL,
    scores     TEXT    NOT NULL, -- JSON object: factor -> 1..4, or null
    note       TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

CREATE INDEX case_assessments_org_case ON case_assessments (org, case_id, kind, date, id);
CREATE INDEX case_assessments_org_household ON case_assessments (org, household, kind, date, id);
CREATE INDEX case_assessments_org_kind ON case_assessments (org, kind, date, id);

-- Family-strengthening plans; lists order them by start date, then id.
CREATE TABLE case_plans (
    id          TEXT    NOT NULL PRIMARY KEY,
    org         TEXT    NOT NULL,
    case_id     TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    start       TEXT    NOT NULL,
    next_review TEXT,
    reviews     TEXT    NOT NULL, -- JSON array, or null
    goals       TEXT    NOT NULL, -- JSON array of goals with their actions, or null
    version     INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

CREATE INDEX case_plans_org_case ON case_plans (org, case_id, status, start, id);
CREATE INDEX case_plans_org_status ON case_plans (org, status, start, id);

-- Case notes; lists order them by date, then id.
CREATE TABLE case_notes (
    id           TEXT    NOT NULL PRIMARY KEY,
    org          TEXT    NOT NULL,
    case_id      TEXT    NOT NULL,
    date         TEXT    NOT NULL,
    type         TEXT    NOT NULL,
    author       TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    confidential INTEGER NOT NULL, -- 0 or 1
    version      INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);

CREATE INDEX case_notes_org_case ON case_notes (org, case_id, date, id);
CREATE INDEX case_notes_org_date ON case_notes (org, date, id);
