// Takes the candidate's write lock (two reviews of one candidate are applied one after
// the other, never both on the same status), and reads it with its latest review.
MATCH (c:Candidate {id: $id})
SET c.reviewCount = coalesce(c.reviewCount, 0) + 1
RETURN c {.id, .kind, .status, .explanation, .firstClaimId, .secondClaimId} AS candidate,
       head(COLLECT { MATCH (c)-[:REVIEWED]->(r:CandidateReview)
                      WITH r ORDER BY r.recordedAt DESC, r.id DESC RETURN r {.*} }) AS last
