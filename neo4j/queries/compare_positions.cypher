// Where 2-10 people stand on the claims any of them addressed (optionally on one topic),
// and how each pair compares, shaped as the API answers it, in one round trip.
CALL () {
  MATCH (p:Person) WHERE p.id IN $personIds
  RETURN collect(p {.id, .name}) AS people
}
CALL () {
  MATCH (p:Person)-[:MADE]->(a:Assertion)-[:ABOUT]->(c:Claim)
  WHERE p.id IN $personIds
    AND ($asOf IS NULL OR a.recordedAt <= $asOf)
    AND NOT (a.retractedAt IS NOT NULL AND ($asOf IS NULL OR a.retractedAt <= $asOf))
    AND ($topicId IS NULL OR EXISTS { (c)-[:ABOUT_TOPIC]->(:Topic {id: $topicId}) })
  WITH c, p, a
  ORDER BY a.assertedNotAfter DESC, coalesce(a.assertedNotBefore, '') DESC, a.id DESC
  // A person's position on a claim is their latest unretracted assertion about it
  // (with $asOf: as the graph stood then).
  WITH c, p, collect(a)[0] AS latest
  WITH c, collect({personId: p.id, stance: latest.stance, assertionId: latest.id,
                   quote: latest.quote}) AS positions
  ORDER BY c.firstAsserted, c.id
  RETURN collect({claim: c {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier,
                            .firstAsserted, .refersTo, .refersToPrecision},
                  positions: positions}) AS rows
}
CALL (rows) {
  UNWIND range(0, size($personIds) - 2) AS i
  UNWIND range(i + 1, size($personIds) - 1) AS j
  WITH $personIds[i] AS first, $personIds[j] AS second, rows
  WITH first, second, [row IN rows | {
         claim: row.claim.id,
         a: head([x IN row.positions WHERE x.personId = first | x.stance]),
         b: head([x IN row.positions WHERE x.personId = second | x.stance])}] AS both
  CALL (both) {
    // Claims one supports that contradict claims the other supports.
    WITH [x IN both WHERE x.a = 'SUPPORTS' | x.claim] AS supportedByFirst,
         [x IN both WHERE x.b = 'SUPPORTS' | x.claim] AS supportedBySecond
    OPTIONAL MATCH (ca:Claim)-[r:CONTRADICTS]-(cb:Claim)
    WHERE ca.id IN supportedByFirst AND cb.id IN supportedBySecond
      AND ($asOf IS NULL OR r.recordedAt <= $asOf)
      AND (r.undoneAt IS NULL OR ($asOf IS NOT NULL AND r.undoneAt > $asOf))
    RETURN collect(CASE WHEN r IS NOT NULL THEN
                     {firstClaim: ca.id, secondClaim: cb.id, kind: r.kind, note: r.note} END)
           AS contradicting
  }
  WITH first, second, contradicting,
       [x IN both WHERE x.a IS NOT NULL AND x.a = x.b | x.claim] AS agreements,
       [x IN both WHERE x.a IN ['SUPPORTS', 'REFUTES'] AND x.b IN ['SUPPORTS', 'REFUTES']
                        AND x.a <> x.b | x.claim] AS opposed,
       [x IN both WHERE x.a IS NOT NULL AND x.b IS NULL | x.claim] AS onlyFirst,
       [x IN both WHERE x.a IS NULL AND x.b IS NOT NULL | x.claim] AS onlySecond
  RETURN collect({first: first, second: second, agreements: agreements, opposed: opposed,
                  contradicting: contradicting, onlyFirst: onlyFirst, onlySecond: onlySecond})
         AS pairs
}
RETURN people, rows, pairs,
       $topicId IS NULL OR EXISTS { (:Topic {id: $topicId}) } AS topicFound
