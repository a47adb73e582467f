// The conditions of a claims filter that did not choose where the candidates `c` came
// from, each written so that it costs nothing when its parameter is null; the conditions
// on one assertion (assertion_conditions) follow.
WITH *
WHERE ($topicId IS NULL OR EXISTS { (c)-[:ABOUT_TOPIC]->(:Topic {id: $topicId}) })
  // Not `$hasConflicts = EXISTS {...}`: the planner would then evaluate the subquery
  // for every claim, even with no such filter.
  AND ($hasConflicts IS NULL
       OR ($hasConflicts AND EXISTS { (c)-[r:CONTRADICTS]-() WHERE r.undoneAt IS NULL })
       OR (NOT $hasConflicts AND NOT EXISTS { (c)-[r:CONTRADICTS]-() WHERE r.undoneAt IS NULL }))
  AND (NOT $filterAssertions OR EXISTS {
    MATCH (speaker)-[:MADE]->(a:Assertion)-[:ABOUT]->(c), (a)-[:FOUND_IN]->(s:Source)
    WHERE
