// Candidates (what detection inferred, not reviewed) recorded at or after the cursor
// ($at, $key), in the order (recordedAt, id), one page; only those of $kinds, and with
// $topicId only those with a claim about that topic.
MATCH (c:Candidate)
WHERE c.recordedAt >= $at AND (c.recordedAt > $at OR c.id > $key)
  AND c.kind IN $kinds
  AND ($topicId IS NULL
       OR EXISTS { (c)-[:FIRST|SECOND]->(:Claim)-[:ABOUT_TOPIC]->(:Topic {id: $topicId}) })
RETURN c.id AS key, c.recordedAt AS at, c.firstClaimId AS first, c.secondClaimId AS second,
       c.kind AS kind, c.explanation AS note, c.rule AS rule, c.score AS score,
       c.threshold AS threshold
ORDER BY at, key
LIMIT $limit
