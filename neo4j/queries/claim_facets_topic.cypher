// Facets within one topic.
MATCH (:Topic {id: $topicId})<-[:ABOUT_TOPIC]-(c:Claim)
