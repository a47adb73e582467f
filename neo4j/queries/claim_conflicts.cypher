// The claims contradicting one claim, read in both directions, with both sides' assertions;
// with $asOf, as the graph stood then. No row at all when the claim does not exist (then).
MATCH (c:Claim {id: $claimId})
WHERE $asOf IS NULL OR c.recordedAt <= $asOf
CALL (c) {
  MATCH (who)-[:MADE]->(a:Assertion)-[:ABOUT]->(c), (a)-[:FOUND_IN]->(s:Source)
  WHERE $asOf IS NULL OR a.recordedAt <= $asOf
  WITH a, who, s ORDER BY a.assertedNotAfter, coalesce(a.assertedNotBefore, ''), a.id
  RETURN collect(a {.id, .stance, .mode, .hedge, .quote, .quoteVerified, .asserted, .assertedPrecision,
                    .assertedBasis, .assertedNotBefore, .assertedNotAfter,
                    retractedAt: CASE WHEN $asOf IS NULL OR a.retractedAt <= $asOf
                                      THEN a.retractedAt END,
                    speaker: who {.id, .name, .kind, isPerson: who:Person},
                    sourceId: s.id, sourceTitle: s.title}) AS thisSide
}
CALL (c, thisSide) {
  OPTIONAL MATCH (c)-[r:CONTRADICTS]-(other:Claim)
  WHERE ($asOf IS NULL OR r.recordedAt <= $asOf)
    // A confirmation that was undone is no longer a link (from then on).
    AND (r.undoneAt IS NULL OR ($asOf IS NOT NULL AND r.undoneAt > $asOf))
  WITH r, other ORDER BY other.id
  RETURN collect(CASE WHEN other IS NOT NULL THEN {
    kind: r.kind, note: r.note, thisSide: thisSide,
    otherClaim: other {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier, .firstAsserted,
                       .refersTo, .refersToPrecision},
    otherAssertions: COLLECT {
      MATCH (who)-[:MADE]->(oa:Assertion)-[:ABOUT]->(other), (oa)-[:FOUND_IN]->(os:Source)
      WHERE $asOf IS NULL OR oa.recordedAt <= $asOf
      WITH oa, who, os ORDER BY oa.assertedNotAfter, coalesce(oa.assertedNotBefore, ''), oa.id
      RETURN oa {.id, .stance, .mode, .hedge, .quote, .quoteVerified, .asserted, .assertedPrecision,
                 .assertedBasis, .assertedNotBefore, .assertedNotAfter,
                 retractedAt: CASE WHEN $asOf IS NULL OR oa.retractedAt <= $asOf
                                   THEN oa.retractedAt END,
                 speaker: who {.id, .name, .kind, isPerson: who:Person},
                 sourceId: os.id, sourceTitle: os.title}
    }
  } END) AS conflicts
}
RETURN conflicts
