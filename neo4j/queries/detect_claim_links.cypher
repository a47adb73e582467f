// For each claim among $ids: the claims it is linked to as conflicting, and every claim
// it is linked to at all (conflict, refinement, same proposition). An undone link is
// no longer a link.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN c.id AS id,
       [(c)-[r:CONTRADICTS]-(o:Claim) WHERE r.undoneAt IS NULL | o.id] AS conflicting,
       [(c)-[r:CONTRADICTS|REFINES|SAME_AS]-(o:Claim) WHERE r.undoneAt IS NULL | o.id] AS linked
