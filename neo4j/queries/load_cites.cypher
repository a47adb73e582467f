UNWIND $rows AS row
MATCH (a:Assertion {id: row.from})
MATCH (b:Assertion {id: row.to})
MERGE (a)-[:CITES]->(b)
