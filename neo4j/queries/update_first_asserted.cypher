// A claim's sort key: the latest moment by which it had certainly been asserted, i.e. the
// "no later than" of its first appearance (derived, so recomputed after each write).
UNWIND $ids AS id
MATCH (c:Claim {id: id})<-[:ABOUT]-(a:Assertion)
WITH c, min(a.assertedNotAfter) AS first
SET c.firstAsserted = first
