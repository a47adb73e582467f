RETURN c {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier, .firstAsserted,
          .refersTo, .refersToPrecision} AS claim,
       sortKey, score, matches
ORDER BY sortKey, c.id
LIMIT $limit
