// Confirmed conflicts (CONTRADICTS links) recorded at or after the cursor ($at, $key), in
// the order (recordedAt, key), one page. A link's key is its two claim ids (a link is
// stored once, from the smaller id to the larger). With $topicId, only links with a
// claim about that topic; with $kinds, only links of those kinds. A link whose
// confirmation was undone (undoneAt) is not one.
MATCH (a:Claim)-[r:CONTRADICTS]->(b:Claim)
WHERE r.recordedAt >= $at AND r.undoneAt IS NULL
  AND ($kinds IS NULL OR r.kind IN $kinds)
WITH a, r, b, a.id + ' ' + b.id AS key
WHERE (r.recordedAt > $at OR key > $key)
  AND ($topicId IS NULL
       OR EXISTS { (a)-[:ABOUT_TOPIC]->(:Topic {id: $topicId}) }
       OR EXISTS { (b)-[:ABOUT_TOPIC]->(:Topic {id: $topicId}) })
RETURN key, r.recordedAt AS at, a.id AS first, b.id AS second, r.kind AS kind, r.note AS note
ORDER BY at, key
LIMIT $limit
