// The counts, after a head and the claim conditions bound the matching claims `c`. The
// matching assertions are those about them that meet the filter's assertion conditions.
// Each facet asked for ($facets) counts claims and assertions per value, its $buckets
// largest values kept (by claims, then key), with how many values there were.
WITH collect(c) AS claims
CALL (claims) {
  UNWIND claims AS c
  MATCH (speaker)-[:MADE]->(a:Assertion)-[:ABOUT]->(c), (a)-[:FOUND_IN]->(s:Source)
  WHERE
