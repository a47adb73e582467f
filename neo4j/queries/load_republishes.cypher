UNWIND $rows AS row
MATCH (copy:Source {id: row.source})
MATCH (original:Source {id: row.original})
MERGE (copy)-[:REPUBLISHES]->(original)
