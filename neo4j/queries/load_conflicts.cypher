// Stored once, from the smaller id to the larger; read in both directions.
UNWIND $rows AS row
MATCH (a:Claim {id: row.first})
MATCH (b:Claim {id: row.second})
MERGE (a)-[r:CONTRADICTS]->(b)
  ON CREATE SET r += row.props, r.contentHash = row.hash, r.recordedAt = $recordedAt
RETURN count(CASE WHEN r.recordedAt = $recordedAt THEN 1 END) AS created,
       collect(CASE WHEN r.contentHash <> row.hash THEN a.id + ' <> ' + b.id END) AS changed
