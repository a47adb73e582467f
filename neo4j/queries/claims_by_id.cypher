MATCH (c:Claim) WHERE c.id IN $ids
RETURN c {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier, .firstAsserted,
          .refersTo, .refersToPrecision} AS claim
