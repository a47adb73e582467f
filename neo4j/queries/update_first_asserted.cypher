// A claim's sort key: the date of its earliest assertion (derived, so recomputed).
UNWIND $ids AS id
MATCH (c:Claim {id: id})<-[:ABOUT]-(a:Assertion)
WITH c, min(a.asserted) AS first
SET c.firstAsserted = first
