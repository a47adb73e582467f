// Claim ids in id order, a page after $after: detection over the whole graph walks them.
MATCH (c:Claim)
WHERE c.id > $after
RETURN c.id AS id
ORDER BY c.id
LIMIT $limit
