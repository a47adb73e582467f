// One page of claims, filtered, in keyset order (first assertion date, then id).
CALL () {
  WITH $search AS search WHERE search IS NULL
  MATCH (c:Claim)
  RETURN c
  UNION
  WITH $search AS search WHERE search IS NOT NULL
  CALL db.index.fulltext.queryNodes('claim_search', search) YIELD node
  OPTIONAL MATCH (node)-[:ABOUT]->(asserted:Claim)
  WITH coalesce(asserted, node) AS c WHERE c:Claim
  RETURN DISTINCT c
}
WITH c
WHERE ($topicId IS NULL OR EXISTS { (c)-[:ABOUT_TOPIC]->(:Topic {id: $topicId}) })
  AND ($hasConflicts IS NULL OR EXISTS { (c)-[r:CONTRADICTS]-(:Claim) WHERE r.undoneAt IS NULL } = $hasConflicts)
  AND (NOT $filterAssertions OR EXISTS {
    MATCH (speaker)-[:MADE]->(a:Assertion)-[:ABOUT]->(c), (a)-[:FOUND_IN]->(s:Source)
    WHERE ($personId IS NULL OR speaker.id = $personId)
      AND ($sourceId IS NULL OR s.id = $sourceId)
      AND ($publisherId IS NULL OR EXISTS { (s)-[:PUBLISHED_BY]->(:Organization {id: $publisherId}) })
      AND ($stance IS NULL OR a.stance = $stance)
      // Dates are intervals: by default an assertion matches when it could fall in the
      // range (overlaps), with $within only when it certainly does.
      AND ($assertedFrom IS NULL OR CASE WHEN $within THEN a.assertedNotBefore >= $assertedFrom
                                         ELSE a.assertedNotAfter >= $assertedFrom END)
      AND ($assertedTo IS NULL OR CASE WHEN $within THEN a.assertedNotAfter <= $assertedTo
                                       ELSE coalesce(a.assertedNotBefore, '') <= $assertedTo END)
  })
WITH c, coalesce(c.firstAsserted, '') AS sortKey
WHERE $afterId IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND c.id > $afterId)
RETURN c {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier, .firstAsserted,
          .refersTo, .refersToPrecision} AS claim,
       sortKey
ORDER BY sortKey, c.id
LIMIT $limit
