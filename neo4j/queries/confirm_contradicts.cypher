// A confirmed conflict: the CONTRADICTS link, from the smaller claim id to the larger as
// the loader stores it, noted with the candidate's explanation. A link already there is
// kept as it is (created: false); one whose earlier confirmation was undone stands again.
MATCH (a:Claim {id: $first})
MATCH (b:Claim {id: $second})
MERGE (a)-[r:CONTRADICTS]->(b)
  ON CREATE SET r.kind = $kind, r.note = $note, r.contentHash = $hash, r.recordedAt = $now,
                r.candidateId = $candidateId, r.confirmedBy = $by
WITH r, r.recordedAt = $now AS created, r.undoneAt IS NOT NULL AS restored
SET r.undoneAt = null, r.undoneBy = null
RETURN created OR restored AS created
