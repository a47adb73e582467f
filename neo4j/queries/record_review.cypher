// A review is created, never changed; the candidate's status follows the latest one.
MATCH (c:Candidate {id: $candidateId})
CREATE (c)-[:REVIEWED]->(:CandidateReview {id: $id, candidateId: $candidateId, action: $action,
                                           by: $by, reason: $reason, recordedAt: $now,
                                           link: $link, linkCreated: $linkCreated})
SET c.status = $status, c.reviewedAt = $now, c.reviewedBy = $by
