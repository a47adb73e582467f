// Facets: every claim is a candidate.
MATCH (c:Claim)
