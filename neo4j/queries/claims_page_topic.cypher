// The claims of one topic, from the topic: only its claims are read and ordered.
MATCH (:Topic {id: $topicId})<-[:ABOUT_TOPIC]-(c:Claim)
WHERE c.firstAsserted >= $afterKey AND c.firstAsserted + '\u0000' + c.id > $afterKey + '\u0000' + $afterId
