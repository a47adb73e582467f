MATCH (t:Topic) WHERE t.id IN $ids
RETURN t {.id, .name, claimCount: COUNT { (t)<-[:ABOUT_TOPIC]-(:Claim) }} AS topic
