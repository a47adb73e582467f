// Every mutation, accepted or refused, leaves one (:AuditEvent); the API only
// ever creates them. The id is a fresh UUID per event; the index serves the
// keyset order (time of the attempt, then id) in which they are read.
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at, n.id);
