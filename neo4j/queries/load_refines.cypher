// A narrower claim refines a broader one: support for it is support for the broader.
UNWIND $rows AS row
MATCH (narrower:Claim {id: row.claim})
MATCH (broader:Claim {id: row.broader})
MERGE (narrower)-[:REFINES]->(broader)
