// The claims of one topic that no assertion dates yet, by id.
MATCH (:Topic {id: $topicId})<-[:ABOUT_TOPIC]-(c:Claim)
WHERE c.firstAsserted IS NULL AND c.id > $afterId
