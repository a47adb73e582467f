// One page of sources, filtered, in keyset order (published date, then id).
MATCH (s:Source)
WHERE ($publisherId IS NULL OR EXISTS { (s)-[:PUBLISHED_BY]->(:Organization {id: $publisherId}) })
  AND ($authorId IS NULL OR EXISTS { MATCH (s)-[:WRITTEN_BY]->(author) WHERE author.id = $authorId })
  AND ($kind IS NULL OR s.kind = $kind)
  // Dates are intervals: overlaps by default, certainly within with $within.
  AND ($publishedFrom IS NULL OR CASE WHEN $within THEN s.publishedNotBefore >= $publishedFrom
                                      ELSE s.publishedNotAfter >= $publishedFrom END)
  AND ($publishedTo IS NULL OR CASE WHEN $within THEN s.publishedNotAfter <= $publishedTo
                                    ELSE s.publishedNotBefore <= $publishedTo END)
  AND ($titleContains IS NULL OR toLower(s.title) CONTAINS toLower($titleContains))
WITH s, s.published AS sortKey
WHERE $afterId IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND s.id > $afterId)
ORDER BY sortKey, s.id
LIMIT $limit
OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(pub:Organization)
OPTIONAL MATCH (s)-[:REPUBLISHES]->(orig:Source)
OPTIONAL MATCH (orig)-[:PUBLISHED_BY]->(origPub:Organization)
RETURN s {.id, .title, .url, .kind, .genre, .language, .published, .publishedPrecision,
          .confidence, .note, .sha256,
          publisher: pub {.id, .name, .kind},
          authors: COLLECT { MATCH (s)-[w:WRITTEN_BY]->(au) WITH au, w ORDER BY w.position
                             RETURN au {.id, .name, .kind, isPerson: au:Person} },
          republishes: orig {.id, .title, .url, .published, .publishedPrecision,
                             publisher: origPub {.id, .name, .kind}}} AS source,
       sortKey
ORDER BY sortKey, s.id
