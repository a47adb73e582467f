UNWIND $rows AS row
MATCH (c:Claim {id: row.claim})
MATCH (s:Source {id: row.source})
OPTIONAL MATCH (p:Person {id: row.by})
OPTIONAL MATCH (o:Organization {id: row.by})
WITH row, c, s, coalesce(p, o) AS speaker
MERGE (a:Assertion {id: row.id})
  ON CREATE SET a += row.props, a.contentHash = row.hash, a.recordedAt = $recordedAt
MERGE (speaker)-[:MADE]->(a)
MERGE (a)-[:ABOUT]->(c)
MERGE (a)-[:FOUND_IN]->(s)
RETURN count(CASE WHEN a.recordedAt = $recordedAt THEN 1 END) AS created,
       collect(CASE WHEN a.contentHash <> row.hash THEN a.id END) AS changed
