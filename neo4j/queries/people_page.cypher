// One page of people, filtered, in keyset order (name, then id).
MATCH (p:Person)
WHERE ($nameContains IS NULL OR toLower(p.name) CONTAINS toLower($nameContains)
       OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) CONTAINS toLower($nameContains)))
  AND ($organizationId IS NULL
       OR EXISTS { (p)-[:AFFILIATED_WITH]->(:Organization {id: $organizationId}) })
  AND ($topicId IS NULL
       OR EXISTS { (p)-[:MADE]->(:Assertion)-[:ABOUT]->(:Claim)-[:ABOUT_TOPIC]->(:Topic {id: $topicId}) })
WITH p, p.name AS sortKey
WHERE $afterId IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND p.id > $afterId)
ORDER BY sortKey, p.id
LIMIT $limit
RETURN p {.id, .name, .aliases,
          affiliations: COLLECT {
            MATCH (p)-[r:AFFILIATED_WITH]->(org:Organization)
            WITH r, org ORDER BY r.asOf DESC, org.id
            RETURN org {.id, .name, .kind, role: r.role, asOf: r.asOf, asOfPrecision: r.asOfPrecision}
          },
          assertionCount: COUNT { (p)-[:MADE]->(:Assertion) }} AS person,
       sortKey
ORDER BY sortKey, p.id
