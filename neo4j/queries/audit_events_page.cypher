// One page of audit events in keyset order: time of the attempt, then id.
MATCH (e:AuditEvent)
WHERE $afterId IS NULL OR e.at > datetime($afterKey)
   OR (e.at = datetime($afterKey) AND e.id > $afterId)
WITH e
ORDER BY e.at, e.id
LIMIT $limit
RETURN e {.id, .requestId, .actor, .operation, .target, .at, .result, .code} AS event,
       toString(e.at) AS sortKey
ORDER BY e.at, e.id
