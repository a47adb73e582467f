// Candidates by id, with their reviews, oldest first.
UNWIND $ids AS id
MATCH (c:Candidate {id: id})
RETURN c {.*, reviews: COLLECT { MATCH (c)-[:REVIEWED]->(r:CandidateReview)
                                  WITH r ORDER BY r.recordedAt, r.id RETURN r {.*} }} AS candidate
