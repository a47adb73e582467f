// Every full-text hit, grouped by claim, for a page in date order: the matches must all
// be read before the first dates are known. Claims no assertion dates yet sort last.
CALL db.index.fulltext.queryNodes('claim_search', $search) YIELD node, score
OPTIONAL MATCH (node:Assertion)-[:ABOUT]->(asserted:Claim)
WITH coalesce(asserted, node) AS c, node, score
WHERE c:Claim
WITH c, max(score) AS score,
     collect({assertionId: CASE WHEN node:Assertion THEN node.id END,
              text: coalesce(node.quote, node.text), score: score}) AS matches
WITH c, score, matches, coalesce(c.firstAsserted, $unassertedKey) AS sortKey
WHERE sortKey > $afterKey OR (sortKey = $afterKey AND c.id > $afterId)
