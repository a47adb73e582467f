  WITH c, score, matches
  ORDER BY score DESC, c.id
  LIMIT $limit
  RETURN collect({claim: c {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier,
                            .firstAsserted, .refersTo, .refersToPrecision},
                  score: score, matches: matches}) AS rows
}
RETURN rows, size(hits) AS hitCount, hits[-1].score AS floor
