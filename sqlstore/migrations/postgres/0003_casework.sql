-- Casework (package casework): cases, households, assessments of children
-- and households, family-strengthening plans and case notes.
--
-- The fields that lists filter on and order by are columns, with indexes
-- that serve the filtered, ordered, keyset-paged lists; the nested parts of
-- a record (languages, team, consents, care arrangements, histories,
-- members, income, support, scores, goals) are JSON. Money inside the JSON
-- keeps its amount as exact decimal text and its ISO 4217 currency code.
-- Ids use the "C" collation so that lists order them byte by byte, as every
-- Homeward store does. A NULL date means no date.

CREATE TABLE cases (
    id                    TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    org                   TEXT        NOT NULL,
    status                TEXT        NOT NULL,
    risk                  TEXT        NOT NULL,
    household             TEXT        NOT NULL, -- '' when the case names none
    birth_year            INTEGER     NOT NULL, -- year of child_birth_date (1 without one, as casework reads it)
    registered_on         DATE,
    child_given_name      TEXT        NOT NULL,
    child_family_name     TEXT        NOT NULL,
    child_sex             TEXT        NOT NULL,
    child_birth_date      DATE,
    child_birth_estimated BOOLEAN     NOT NULL,
    child_id_number       TEXT        NOT NULL,
    child_languages       JSON        NOT NULL, -- array of BCP 47 tags, or null
    child_disabilities    JSON        NOT NULL, -- array, or null
    risk_history          JSON        NOT NULL, -- array, or null
    team                  JSON        NOT NULL, -- array, or null
    consents              JSON        NOT NULL, -- array, or null
    arrangements          JSON        NOT NULL, -- array, or null
    status_history        JSON        NOT NULL, -- array, or null
    closure               JSON        NOT NULL, -- object, or null
    reopenings            JSON        NOT NULL, -- array, or null
    version               BIGINT      NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
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
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    org        TEXT        NOT NULL,
    region     TEXT        NOT NULL,
    district   TEXT        NOT NULL,
    address    TEXT        NOT NULL,
    phone      TEXT        NOT NULL,
    members    JSON        NOT NULL, -- array, or null
    income     JSON        NOT NULL, -- array, or null
    support    JSON        NOT NULL, -- array, or null
    version    BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX households_org_id ON households (org, id);

-- Child Status Index and household vulnerability assessments; lists order
-- them by date, then id.
CREATE TABLE case_assessments (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    org        TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    case_id    TEXT        NOT NULL, -- '' for a household assessment
    household  TEXT        NOT NULL, -- '' when none
    date       DATE        NOT NULL,
    assessor   TEXT        NOT NULL,
    scores     JSON        NOT NULL, -- object: factor -> 1..4, or null
    note       TEXT        NOT NULL,
    version    BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX case_assessments_org_case ON case_assessments (org, case_id, kind, date, id);
CREATE INDEX case_assessments_org_household ON case_assessments (org, household, kind, date, id);
CREATE INDEX case_assessments_org_kind ON case_assessments (org, kind, date, id);

-- Family-strengthening plans; lists order them by start date, then id.
CREATE TABLE case_plans (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    org         TEXT        NOT NULL,
    case_id     TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    start       DATE        NOT NULL,
    next_review DATE,
    reviews     JSON        NOT NULL, -- array, or null
    goals       JSON        NOT NULL, -- array of goals with their actions, or null
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX case_plans_org_case ON case_plans (org, case_id, status, start, id);
CREATE INDEX case_plans_org_status ON case_plans (org, status, start, id);

-- Case notes; lists order them by date, then id.
CREATE TABLE case_notes (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    org          TEXT        NOT NULL,
    case_id      TEXT        NOT NULL,
    date         DATE        NOT NULL,
    type         TEXT        NOT NULL,
    author       TEXT        NOT NULL,
    text         TEXT        NOT NULL,
    confidential BOOLEAN     NOT NULL,
    version      BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX case_notes_org_case ON case_notes (org, case_id, date, id);
CREATE INDEX case_notes_org_date ON case_notes (org, date, id);
