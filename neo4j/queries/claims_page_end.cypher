RETURN c {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier, .firstAsserted,
          .refersTo, .refersToPrecision} AS claim,
       c.firstAsserted AS sortKey
ORDER BY c.firstAsserted, c.id
LIMIT $limit
