// The claims asserted in what one organization published, from its sources.
MATCH (:Organization {id: $publisherId})<-[:PUBLISHED_BY]-(:Source)<-[:FOUND_IN]-(:Assertion)
      -[:ABOUT]->(c:Claim)
WHERE c.firstAsserted >= $afterKey AND c.firstAsserted + '\u0000' + c.id > $afterKey + '\u0000' + $afterId
WITH DISTINCT c
