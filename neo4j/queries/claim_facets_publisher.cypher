// Facets of what one organization published.
MATCH (:Organization {id: $publisherId})<-[:PUBLISHED_BY]-(:Source)<-[:FOUND_IN]-(:Assertion)
      -[:ABOUT]->(c:Claim)
WITH DISTINCT c
