// Subscriptions read what was recorded after a cursor, (recordedAt, id), oldest first:
// assertions by the time they were recorded, and CONTRADICTS links likewise (a link's
// id is its pair of claim ids, stored from the smaller to the larger).
CREATE INDEX assertion_recorded IF NOT EXISTS FOR (n:Assertion) ON (n.recordedAt, n.id);
CREATE INDEX contradicts_recorded IF NOT EXISTS FOR ()-[r:CONTRADICTS]-() ON (r.recordedAt);
