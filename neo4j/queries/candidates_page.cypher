// One page of candidates in the order they were recorded (recordedAt, then id),
// filtered by kind, status, claim and topic (a null filter lets everything through).
MATCH (c:Candidate)
WHERE ($kinds IS NULL OR c.kind IN $kinds)
  AND ($statuses IS NULL OR c.status IN $statuses)
  AND ($claimId IS NULL OR c.firstClaimId = $claimId OR c.secondClaimId = $claimId)
  AND ($topicId IS NULL OR $topicId IN c.topicIds)
  AND ($afterId IS NULL OR c.recordedAt > datetime($afterKey)
       OR (c.recordedAt = datetime($afterKey) AND c.id > $afterId))
WITH c
ORDER BY c.recordedAt, c.id
LIMIT $limit
RETURN c {.*, reviews: COLLECT { MATCH (c)-[:REVIEWED]->(r:CandidateReview)
                                  WITH r ORDER BY r.recordedAt, r.id RETURN r {.*} }} AS candidate,
       toString(c.recordedAt) AS sortKey
ORDER BY c.recordedAt, c.id
