// Facets of what one person or organization asserted.
CALL () {
  MATCH (speaker:Person {id: $personId}) RETURN speaker
  UNION
  MATCH (speaker:Organization {id: $personId}) RETURN speaker
}
MATCH (speaker)-[:MADE]->(:Assertion)-[:ABOUT]->(c:Claim)
WITH DISTINCT c
