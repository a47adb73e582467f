// Two claims confirmed to state one proposition: a SAME_AS link (smaller id first). The
// claims stay apart, each with its own assertions: nothing is merged or moved.
MATCH (a:Claim {id: $first})
MATCH (b:Claim {id: $second})
MERGE (a)-[r:SAME_AS]->(b)
  ON CREATE SET r.note = $note, r.recordedAt = $now, r.candidateId = $candidateId,
                r.confirmedBy = $by
WITH r, r.recordedAt = $now AS created, r.undoneAt IS NOT NULL AS restored
SET r.undoneAt = null, r.undoneBy = null
RETURN created OR restored AS created
