  // Every value an assertion can be counted under, read once.
  WITH c, a, speaker,
       CASE WHEN 'publisher' IN $facets
            THEN head([(s)-[:PUBLISHED_BY]->(o) | [o.id, o.name]]) END AS publisher
  RETURN collect({claim: c.id, stance: [a.stance, null], mode: [a.mode, null],
                  speaker: [speaker.id, speaker.name], publisher: publisher,
                  year: [left(a.asserted, 4), null],
                  month: [CASE WHEN size(a.asserted) >= 7 THEN left(a.asserted, 7) END, null]})
         AS assertions
}
OPTIONAL CALL (claims, assertions) {
  WITH claims WHERE 'topic' IN $facets
  UNWIND claims AS c
  MATCH (c)-[:ABOUT_TOPIC]->(t:Topic)
  WITH t.id AS key, t.name AS label, count(*) AS claimCount
  RETURN 'topic' AS name, collect({key: key, label: label, claims: claimCount}) AS buckets
  UNION
  UNWIND $facets AS name
  WITH name, assertions WHERE name <> 'topic'
  UNWIND assertions AS x
  WITH name, x.claim AS claim, x[name] AS value
  WHERE value[0] IS NOT NULL
  WITH name, value[0] AS key, value[1] AS label,
       count(DISTINCT claim) AS claimCount, count(*) AS assertionCount
  RETURN name, collect({key: key, label: label, claims: claimCount,
                        assertions: assertionCount}) AS buckets
}
RETURN size(claims) AS claims, size(assertions) AS assertions,
       collect({name: name, buckets: buckets}) AS facets
