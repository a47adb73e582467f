UNWIND $rows AS row
MATCH (c:Claim {id: row.claim})
MATCH (t:Topic {id: row.topic})
MERGE (c)-[:ABOUT_TOPIC]->(t)
