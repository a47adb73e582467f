// Undoing a confirmation: the link it made is marked undone (when, by whom), never deleted.
MATCH (:Claim {id: $first})-[r:CONTRADICTS|SAME_AS]->(:Claim {id: $second})
WHERE r.candidateId = $candidateId AND r.undoneAt IS NULL
SET r.undoneAt = $now, r.undoneBy = $by
RETURN count(r) AS undone
