// One claim as the graph stood at $asOf: null if recorded later; its first appearance
// and its refinements counted from what had been recorded by then.
MATCH (c:Claim {id: $id})
WHERE c.recordedAt <= $asOf
RETURN c {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier, .refersTo,
          .refersToPrecision,
          firstAsserted: COLLECT { MATCH (c)<-[:ABOUT]-(a:Assertion) WHERE a.recordedAt <= $asOf
                                   RETURN min(a.assertedNotAfter) }[0]} AS claim
