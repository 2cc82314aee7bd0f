-- Cohort (package cohort): learning programmes, cohorts (series), learning
-- networks, learning actions, case submissions for joint analysis and case
-- discussions.
--
-- The fields that lists filter on and order by are columns, with indexes
-- that serve the filtered, ordered, keyset-paged lists; the nested parts of
-- a record (sessions, members, attendance, contributions, events, evidence,
-- the After Action Review, the de-identified case summary, the protocol and
-- the contributions to a discussion) are JSON. Money inside the JSON keeps
-- its amount as exact decimal text and its ISO 4217 currency code. Ids use
-- the "C" collation so that lists order them byte by byte, as every
-- Homeward store does. A NULL date or time means none.
--
-- Filters on membership of a list of organisations (a programme's
-- organisers; a cohort's organisers, facilitators and members; a network's
-- lead, facilitator and members) read the side tables programme_orgs,
-- cohort_orgs and network_orgs: one row per record and organisation, written
-- in the transaction that writes the record and only when its versioned
-- write succeeds. The lists themselves stay in the record's JSON, in order.

CREATE TABLE programmes (
    id                  TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    name                TEXT        NOT NULL,
    kind                TEXT        NOT NULL,
    organisers          JSON        NOT NULL, -- array of organisation ids, or null
    languages           JSON        NOT NULL, -- array of BCP 47 tags, or null
    duration_months     INTEGER     NOT NULL,
    sessions            INTEGER     NOT NULL,
    session_minutes     INTEGER     NOT NULL,
    capacity            INTEGER     NOT NULL,
    fee                 JSON        NOT NULL, -- object: kind and suggested money (or null)
    themes              JSON        NOT NULL, -- array, or null
    joint_case_analysis BOOLEAN     NOT NULL,
    version             BIGINT      NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);

-- Lists order programmes by id.
CREATE INDEX programmes_kind_id ON programmes (kind, id);

CREATE TABLE programme_orgs (
    record_id TEXT COLLATE "C" NOT NULL REFERENCES programmes (id),
    org       TEXT NOT NULL,
    PRIMARY KEY (record_id, org)
);

CREATE INDEX programme_orgs_org ON programme_orgs (org, record_id);

-- Cohorts; lists order them by start date, then id.
CREATE TABLE cohorts (
    id               TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    programme        TEXT        NOT NULL,
    name             TEXT        NOT NULL,
    start            DATE        NOT NULL,
    status           TEXT        NOT NULL,
    language         TEXT        NOT NULL,
    organisers       JSON        NOT NULL, -- array of organisation ids, or null
    facilitators     JSON        NOT NULL, -- array, or null
    info_meetings    JSON        NOT NULL, -- array of times, or null
    capacity         INTEGER     NOT NULL,
    plan             JSON        NOT NULL, -- object
    sessions         JSON        NOT NULL, -- array, or null
    members          JSON        NOT NULL, -- array, or null
    attendance       JSON        NOT NULL, -- array, or null
    contributions    JSON        NOT NULL, -- array with money, or null
    completion_share TEXT        NOT NULL, -- exact decimal text; 0 means the default
    version          BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX cohorts_start ON cohorts (start, id);
CREATE INDEX cohorts_programme_start ON cohorts (programme, start, id);
CREATE INDEX cohorts_status_start ON cohorts (status, start, id);

CREATE TABLE cohort_orgs (
    record_id TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
    org       TEXT NOT NULL,
    PRIMARY KEY (record_id, org)
);

CREATE INDEX cohort_orgs_org ON cohort_orgs (org, record_id);

-- Learning networks; lists order them by id.
CREATE TABLE networks (
    id               TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    kind             TEXT        NOT NULL,
    name             TEXT        NOT NULL,
    region           TEXT        NOT NULL,
    neighbourhoods   JSON        NOT NULL, -- array, or null
    programme        TEXT        NOT NULL, -- '' when the network belongs to none
    facilitator_name TEXT        NOT NULL,
    facilitator_org  TEXT        NOT NULL,
    lead             TEXT        NOT NULL,
    scope            TEXT        NOT NULL,
    themes           JSON        NOT NULL, -- array, or null
    members          JSON        NOT NULL, -- array, or null
    events           JSON        NOT NULL, -- array, or null
    conclusions      JSON        NOT NULL, -- array, or null
    version          BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX networks_kind_id ON networks (kind, id);
CREATE INDEX networks_programme_id ON networks (programme, id);

CREATE TABLE network_orgs (
    record_id TEXT COLLATE "C" NOT NULL REFERENCES networks (id),
    org       TEXT NOT NULL,
    PRIMARY KEY (record_id, org)
);

CREATE INDEX network_orgs_org ON network_orgs (org, record_id);

-- Learning actions; lists order them by due date, then id.
CREATE TABLE learning_actions (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    org         TEXT        NOT NULL,
    cohort      TEXT        NOT NULL, -- '' for an action of a network
    network     TEXT        NOT NULL, -- '' for an action of a cohort
    discussion  TEXT        NOT NULL, -- '' when no discussion chose it
    description TEXT        NOT NULL,
    stage       TEXT        NOT NULL,
    due         DATE        NOT NULL,
    status      TEXT        NOT NULL,
    evidence    JSON        NOT NULL, -- array, or null
    review      JSON        NOT NULL, -- object (After Action Review), or null
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX learning_actions_due ON learning_actions (due, id);
CREATE INDEX learning_actions_org_due ON learning_actions (org, due, id);
CREATE INDEX learning_actions_cohort_due ON learning_actions (cohort, due, id);
CREATE INDEX learning_actions_network_due ON learning_actions (network, due, id);
CREATE INDEX learning_actions_discussion_due ON learning_actions (discussion, due, id);
CREATE INDEX learning_actions_status_due ON learning_actions (status, due, id);

-- Case submissions; lists order them by the time of submission, then id.
-- summary is the de-identified case summary; a withdrawn submission has a
-- withdrawn_at time (NULL while it stands).
CREATE TABLE submissions (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    cohort       TEXT        NOT NULL,
    org          TEXT        NOT NULL,
    case_id      TEXT        NOT NULL,
    summary      JSON        NOT NULL, -- object
    question     TEXT        NOT NULL,
    summary_on   DATE,                 -- the day of the summary
    submitted_at TIMESTAMPTZ NOT NULL,
    withdrawn_at TIMESTAMPTZ,
    version      BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX submissions_submitted ON submissions (submitted_at, id);
CREATE INDEX submissions_cohort_submitted ON submissions (cohort, submitted_at, id);
CREATE INDEX submissions_org_submitted ON submissions (org, submitted_at, id);

-- Case discussions; lists order them by the day they are held, then id.
CREATE TABLE discussions (
    id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    cohort        TEXT        NOT NULL,
    submission    TEXT        NOT NULL,
    presenter     TEXT        NOT NULL,
    protocol      JSON        NOT NULL, -- object: name and rounds
    held_on       DATE        NOT NULL,
    state         TEXT        NOT NULL,
    contributions JSON        NOT NULL, -- array, or null
    chosen        JSON        NOT NULL, -- array, or null
    actions       JSON        NOT NULL, -- array of learning action ids, or null
    concluded_at  TIMESTAMPTZ,
    version       BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX discussions_held ON discussions (held_on, id);
CREATE INDEX discussions_cohort_held ON discussions (cohort, held_on, id);
CREATE INDEX discussions_submission_held ON discussions (submission, held_on, id);
CREATE INDEX discussions_presenter_held ON discussions (presenter, held_on, id);
CREATE INDEX discussions_state_held ON discussions (state, held_on, id);
