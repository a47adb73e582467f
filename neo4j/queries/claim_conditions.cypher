// The conditions of a claims filter that did not choose where the candidates `c` came
// from, each written so that it costs nothing when its parameter is null; the conditions
// on one assertion (assertion_conditions) follow.
WITH *
WHERE ($topicId IS NULL OR EXISTS { (c)-[:ABOUT_TOPIC]->(:Topic {id: $topicId}) })
  AND ($hasConflicts IS NULL
       OR ($hasConflicts AND COUNT { (c)-[:CONTRADICTS]-() } > 0)
       OR (NOT $hasConflicts AND COUNT { (c)-[:CONTRADICTS]-() } = 0))
  AND (NOT $filterAssertions OR EXISTS {
    MATCH (speaker)-[:MADE]->(a:Assertion)-[:ABOUT]->(c), (a)-[:FOUND_IN]->(s:Source)
    WHERE
