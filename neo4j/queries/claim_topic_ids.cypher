// The topics of some claims, by id; a claim on no topic has an empty list, an unknown id no row.
MATCH (c:Claim) WHERE c.id IN $ids
RETURN c.id AS id, [(c)-[:ABOUT_TOPIC]->(t:Topic) | t.id] AS topicIds
