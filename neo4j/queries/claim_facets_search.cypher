// Facets of a search: the claims of every full-text hit.
CALL db.index.fulltext.queryNodes('claim_search', $search) YIELD node
OPTIONAL MATCH (node:Assertion)-[:ABOUT]->(asserted:Claim)
WITH DISTINCT coalesce(asserted, node) AS c
WHERE c:Claim
