UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
  ON CREATE SET n += row.props, n.contentHash = row.hash, n.recordedAt = $recordedAt
RETURN count(CASE WHEN n.recordedAt = $recordedAt THEN 1 END) AS created,
       collect(CASE WHEN n.contentHash <> row.hash THEN n.id END) AS changed
