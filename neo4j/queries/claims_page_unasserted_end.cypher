RETURN c {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier, .firstAsserted,
          .refersTo, .refersToPrecision} AS claim,
       null AS sortKey
ORDER BY c.id
LIMIT $limit
