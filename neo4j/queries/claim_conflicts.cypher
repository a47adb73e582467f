// The claims contradicting one claim, read in both directions, with both sides' assertions.
// No row: no such claim. One row whose conflict is null: a claim without conflicts.
MATCH (c:Claim {id: $claimId})
CALL (c) {
  MATCH (who)-[:MADE]->(a:Assertion)-[:ABOUT]->(c), (a)-[:FOUND_IN]->(s:Source)
  WITH a, who, s ORDER BY a.asserted, a.id
  RETURN collect(a {.id, .stance, .mode, .hedge, .quote, .asserted, .assertedPrecision, .retractedAt,
                    speaker: who {.id, .name, .kind, isPerson: who:Person},
                    sourceId: s.id, sourceTitle: s.title}) AS thisSide
}
OPTIONAL MATCH (c)-[r:CONTRADICTS]-(other:Claim)
WITH thisSide, r, other ORDER BY other.id
RETURN CASE WHEN other IS NULL THEN null ELSE {
  kind: r.kind, note: r.note, thisSide: thisSide,
  otherClaim: other {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier, .firstAsserted},
  otherAssertions: COLLECT {
    MATCH (who)-[:MADE]->(oa:Assertion)-[:ABOUT]->(other), (oa)-[:FOUND_IN]->(os:Source)
    WITH oa, who, os ORDER BY oa.asserted, oa.id
    RETURN oa {.id, .stance, .mode, .hedge, .quote, .asserted, .assertedPrecision, .retractedAt,
               speaker: who {.id, .name, .kind, isPerson: who:Person},
               sourceId: os.id, sourceTitle: os.title}
  }
} END AS conflict
