MATCH (s:Source {id: $id})
RETURN s {.id, .text, .published, .publishedPrecision,
          authors: [(s)-[:WRITTEN_BY]->(author) | author.id]} AS source
