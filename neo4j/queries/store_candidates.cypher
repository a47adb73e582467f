// Candidates are merged on their id (derived from the kind and the pair): one found
// again, or rejected before, is left as it is. A new one gets its links to the two
// claims (and assertions), the topics of both claims, and the time it was recorded.
UNWIND $rows AS row
MATCH (a:Claim {id: row.firstClaim})
MATCH (b:Claim {id: row.secondClaim})
MERGE (c:Candidate {id: row.id})
  ON CREATE SET c += row.props, c.recordedAt = $recordedAt
WITH row, a, b, c, c.recordedAt = $recordedAt AS fresh
CALL (row, a, b, c, fresh) {
  WITH * WHERE fresh
  SET c.topicIds = COLLECT { UNWIND [a, b] AS x MATCH (x)-[:ABOUT_TOPIC]->(t:Topic)
                             RETURN DISTINCT t.id AS id ORDER BY id }
  CREATE (c)-[:FIRST]->(a), (c)-[:SECOND]->(b)
  WITH row, c
  OPTIONAL MATCH (x:Assertion {id: row.firstAssertion})
  OPTIONAL MATCH (y:Assertion {id: row.secondAssertion})
  FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (c)-[:FIRST_ASSERTION]->(x))
  FOREACH (_ IN CASE WHEN y IS NULL THEN [] ELSE [1] END | CREATE (c)-[:SECOND_ASSERTION]->(y))
}
RETURN count(CASE WHEN fresh THEN 1 END) AS created,
       collect(CASE WHEN fresh THEN c.kind END) AS createdKinds
