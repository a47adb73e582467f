MATCH (s:Source {id: $id})
RETURN s {.id, .text, .published, .publishedPrecision} AS source
