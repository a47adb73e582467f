UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (o:Organization {id: row.organization})
MERGE (p)-[r:AFFILIATED_WITH {role: row.role}]->(o)
  ON CREATE SET r.asOf = row.asOf, r.asOfPrecision = row.asOfPrecision
