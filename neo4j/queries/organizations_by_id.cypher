MATCH (o:Organization) WHERE o.id IN $ids
RETURN o {.id, .name, .kind} AS organization
