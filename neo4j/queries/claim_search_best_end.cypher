  WITH c, score, matches
  ORDER BY score DESC, c.id
  LIMIT $limit
  RETURN collect({claim: c {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier,
                            .firstAsserted, .refersTo, .refersToPrecision},
                  score: score,
                  matches: [m IN matches | {
                    assertionId: CASE WHEN m.node:Assertion THEN m.node.id END,
                    text: coalesce(m.node.quote, m.node.text), score: m.score}]}) AS rows
}
RETURN rows, size(hits) AS hitCount, hits[-1].score AS floor
