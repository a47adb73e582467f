MATCH (s:Source) WHERE s.id IN $ids
OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(pub:Organization)
OPTIONAL MATCH (s)-[:REPUBLISHES]->(orig:Source)
OPTIONAL MATCH (orig)-[:PUBLISHED_BY]->(origPub:Organization)
RETURN s {.id, .title, .url, .kind, .genre, .language, .published, .publishedPrecision,
          .confidence, .note, .sha256,
          publisher: pub {.id, .name, .kind},
          authors: COLLECT { MATCH (s)-[w:WRITTEN_BY]->(au) WITH au, w ORDER BY w.position
                             RETURN au {.id, .name, .kind, isPerson: au:Person} },
          republishes: orig {.id, .title, .url, .published, .publishedPrecision,
                             publisher: origPub {.id, .name, .kind}}} AS source
