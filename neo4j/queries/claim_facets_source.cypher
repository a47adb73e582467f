// Facets of one source.
MATCH (:Source {id: $sourceId})<-[:FOUND_IN]-(:Assertion)-[:ABOUT]->(c:Claim)
WITH DISTINCT c
