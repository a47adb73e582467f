UNWIND $rows AS row
MATCH (c:Claim {id: row.claim})
MATCH (s:Source {id: row.source})
OPTIONAL MATCH (p:Person {id: row.by})
OPTIONAL MATCH (o:Organization {id: row.by})
WITH row, c, s, coalesce(p, o) AS speaker
MERGE (a:Assertion {id: row.id})
  ON CREATE SET a += row.props, a.contentHash = row.hash, a.recordedAt = $recordedAt
WITH row, c, s, speaker, a, a.recordedAt = $recordedAt AS fresh
// An assertion is only ever created together with its three links, so a new one
// gets them by CREATE (no search of the speaker's or the source's links) and an
// existing one already has them.
FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END |
  CREATE (speaker)-[:MADE]->(a), (a)-[:ABOUT]->(c), (a)-[:FOUND_IN]->(s))
RETURN count(CASE WHEN fresh THEN 1 END) AS created,
       collect(CASE WHEN a.contentHash <> row.hash THEN a.id END) AS changed
