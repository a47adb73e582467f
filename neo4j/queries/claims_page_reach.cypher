// How many claims there are (from the count store), and how many claims or assertions
// each filter given reaches: a claims page reads these from the smallest, or in the
// order of the date index when even the smallest is a large share of all claims.
CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
OPTIONAL MATCH (t:Topic {id: $topicId})
OPTIONAL MATCH (p:Person {id: $personId})
OPTIONAL MATCH (o:Organization {id: $personId})
OPTIONAL MATCH (publisher:Organization {id: $publisherId})
RETURN claims,
       CASE WHEN t IS NULL THEN 0 ELSE COUNT { (t)<-[:ABOUT_TOPIC]-() } END AS topic,
       CASE WHEN p IS NULL THEN 0 ELSE COUNT { (p)-[:MADE]->() } END
         + CASE WHEN o IS NULL THEN 0 ELSE COUNT { (o)-[:MADE]->() } END AS person,
       CASE WHEN publisher IS NULL THEN 0
            ELSE reduce(n = 0, s IN [(publisher)<-[:PUBLISHED_BY]-(s) | s]
                        | n + COUNT { (s)<-[:FOUND_IN]-() }) END AS publisher
