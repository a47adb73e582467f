MATCH (t:Topic)
OPTIONAL MATCH (t)<-[:ABOUT_TOPIC]-(c:Claim)
WITH t, count(c) AS claimCount
RETURN t {.id, .name, claimCount: claimCount} AS topic
ORDER BY t.name, t.id
