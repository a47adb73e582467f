// The $hits best full-text hits (claims' texts, assertions' quotes), grouped by claim: a
// claim scores its best hit. Whether more hits exist (hitCount = $hits) and the lowest
// score read (floor) say how far the ranking is known: claims scoring above the floor
// are in their final order.
CALL db.index.fulltext.queryNodes('claim_search', $search, {limit: $hits}) YIELD node, score
WITH collect({node: node, score: score}) AS hits
CALL (hits) {
  UNWIND hits AS hit
  WITH hit.node AS node, hit.score AS score
  OPTIONAL MATCH (node:Assertion)-[:ABOUT]->(asserted:Claim)
  WITH coalesce(asserted, node) AS c, node, score
  WHERE c:Claim
  // Texts are read only for the page's claims (below), not for every hit.
  WITH c, max(score) AS score, collect({node: node, score: score}) AS matches
  WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND c.id > $afterId)
