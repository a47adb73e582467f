UNWIND $rows AS row
MATCH (s:Source {id: row.source})
OPTIONAL MATCH (p:Person {id: row.agent})
OPTIONAL MATCH (o:Organization {id: row.agent})
WITH s, row, coalesce(p, o) AS author
MERGE (s)-[r:WRITTEN_BY]->(author)
  ON CREATE SET r.position = row.position
