// One claim as the graph stood at $asOf: no row if recorded later; its first appearance
// counted from the assertions recorded by then.
MATCH (c:Claim {id: $id})
WHERE c.recordedAt <= $asOf
CALL (c) {
  OPTIONAL MATCH (c)<-[:ABOUT]-(a:Assertion)
  WHERE a.recordedAt <= $asOf
  RETURN min(a.assertedNotAfter) AS firstAsserted
}
RETURN c {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier, .refersTo,
          .refersToPrecision, firstAsserted: firstAsserted} AS claim
