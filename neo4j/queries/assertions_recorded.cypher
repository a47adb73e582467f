// The assertions about one claim recorded at or after the cursor ($at, $key), in the
// order (recordedAt, id), one page; ties on recordedAt are ordered by id.
MATCH (a:Assertion)-[:ABOUT]->(:Claim {id: $claimId})
WHERE a.recordedAt >= $at AND (a.recordedAt > $at OR a.id > $key)
RETURN a.id AS key, a.recordedAt AS at
ORDER BY at, key
LIMIT $limit
