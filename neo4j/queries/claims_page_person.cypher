// The claims someone (a person or an organization) asserted, from their assertions.
CALL () {
  MATCH (speaker:Person {id: $personId}) RETURN speaker
  UNION
  MATCH (speaker:Organization {id: $personId}) RETURN speaker
}
MATCH (speaker)-[:MADE]->(:Assertion)-[:ABOUT]->(c:Claim)
WHERE c.firstAsserted >= $afterKey AND c.firstAsserted + '\u0000' + c.id > $afterKey + '\u0000' + $afterId
WITH DISTINCT c
