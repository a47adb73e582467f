MATCH (p:Person) WHERE p.id IN $ids
RETURN p {.id, .name, .aliases,
          affiliations: COLLECT {
            MATCH (p)-[r:AFFILIATED_WITH]->(org:Organization)
            WITH r, org ORDER BY r.asOf DESC, org.id
            RETURN org {.id, .name, .kind, role: r.role, asOf: r.asOf, asOfPrecision: r.asOfPrecision}
          },
          assertionCount: COUNT { (p)-[:MADE]->(:Assertion) }} AS person
