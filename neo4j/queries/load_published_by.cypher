UNWIND $rows AS row
MATCH (s:Source {id: row.source})
MATCH (o:Organization {id: row.organization})
MERGE (s)-[:PUBLISHED_BY]->(o)
