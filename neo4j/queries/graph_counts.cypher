// Node and relationship counts of the model, answered from Neo4j's count store.
RETURN {
  Source: COUNT { (:Source) },
  Organization: COUNT { (:Organization) },
  Person: COUNT { (:Person) },
  Topic: COUNT { (:Topic) },
  Claim: COUNT { (:Claim) },
  Assertion: COUNT { (:Assertion) }
} AS nodes,
{
  PUBLISHED_BY: COUNT { ()-[:PUBLISHED_BY]->() },
  WRITTEN_BY: COUNT { ()-[:WRITTEN_BY]->() },
  REPUBLISHES: COUNT { ()-[:REPUBLISHES]->() },
  AFFILIATED_WITH: COUNT { ()-[:AFFILIATED_WITH]->() },
  MADE: COUNT { ()-[:MADE]->() },
  ABOUT: COUNT { ()-[:ABOUT]->() },
  FOUND_IN: COUNT { ()-[:FOUND_IN]->() },
  CITES: COUNT { ()-[:CITES]->() },
  CONTRADICTS: COUNT { ()-[:CONTRADICTS]->() },
  ABOUT_TOPIC: COUNT { ()-[:ABOUT_TOPIC]->() }
} AS relationships
