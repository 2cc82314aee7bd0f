-- The audit trail: one row per change made through a service. Events carry
-- no field values, only the names of the changed fields.
CREATE TABLE audit_events (
    seq       INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    time      TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    org       TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    kind      TEXT    NOT NULL,
    record_id TEXT    NOT NULL,
    fields    TEXT    NOT NULL -- JSON array of field names, or null
);

CREATE INDEX audit_events_org_seq ON audit_events (org, seq);
CREATE INDEX audit_events_record ON audit_events (kind, record_id, seq);
