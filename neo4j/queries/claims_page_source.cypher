// The claims asserted in one source, from its assertions.
MATCH (:Source {id: $sourceId})<-[:FOUND_IN]-(:Assertion)-[:ABOUT]->(c:Claim)
WHERE c.firstAsserted >= $afterKey AND c.firstAsserted + '\u0000' + c.id > $afterKey + '\u0000' + $afterId
WITH DISTINCT c
