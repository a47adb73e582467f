// The REFINES links around each claim (a batch, for a DataLoader); with $asOf, only
// claims recorded by then.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN c.id AS id,
       [(c)-[:REFINES]->(broader) WHERE $asOf IS NULL OR broader.recordedAt <= $asOf
        | broader.id] AS refines,
       [(narrower)-[:REFINES]->(c) WHERE $asOf IS NULL OR narrower.recordedAt <= $asOf
        | narrower.id] AS refinedBy
