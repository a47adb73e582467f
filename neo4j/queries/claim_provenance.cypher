// The whole provenance of each claim in $claimIds (one row per claim that exists),
// shaped as the API answers it, in one round trip.
// With $asOf, the graph as it stood then: what was recorded later is absent, and a
// retraction made later is not applied. Assertions are ordered by the latest moment each
// can have been made, then the earliest (unknown first), then id.
// The $with... flags leave out the costly parts a request did not select: each such part
// then answers empty (no affiliations, no chain, no publisher or authors, no outlets,
// no conflicts), and Neo4j does none of its work.
UNWIND $claimIds AS claimId
MATCH (c:Claim {id: claimId})
WHERE $asOf IS NULL OR c.recordedAt <= $asOf
CALL (c) {
  MATCH (c)<-[:ABOUT]-(a:Assertion)-[:FOUND_IN]->(s:Source)
  WHERE $asOf IS NULL OR a.recordedAt <= $asOf
  MATCH (speaker)-[:MADE]->(a)
  WITH a, s, speaker,
       CASE WHEN $asOf IS NULL OR a.retractedAt <= $asOf THEN a.retractedAt END AS retractedAt
  CALL (a, speaker) {
    WITH a, speaker WHERE $withAffiliations
    OPTIONAL MATCH (speaker)-[r:AFFILIATED_WITH]->(org:Organization)
    WHERE r.asOf IS NULL OR r.asOf <= a.assertedNotAfter
    WITH r, org ORDER BY r.asOf DESC
    RETURN collect(org {.id, .name, .kind, role: r.role, asOf: r.asOf, asOfPrecision: r.asOfPrecision}) AS affiliations
  }
  CALL (a) {
    // The longest CITES chain from this assertion down to the first speaker.
    WITH a WHERE $withChains
    OPTIONAL MATCH path = (a)-[:CITES*1..8]->(tip:Assertion)
    WHERE NOT (tip)-[:CITES]->(:Assertion)
      AND ($asOf IS NULL OR all(step IN nodes(path) WHERE step.recordedAt <= $asOf))
    WITH path ORDER BY length(path) DESC LIMIT 1
    UNWIND CASE WHEN path IS NULL THEN [] ELSE range(1, length(path)) END AS depth
    WITH depth, nodes(path)[depth] AS step
    MATCH (who)-[:MADE]->(step)-[:FOUND_IN]->(ss:Source)
    MATCH (step)-[:ABOUT]->(sc:Claim)
    WITH depth, step, who, ss, sc ORDER BY depth
    RETURN collect(step {.id, .stance, .mode, .hedge, .quote, .quoteVerified, .start, .end, .asserted,
                         .assertedPrecision, .assertedBasis, .assertedNotBefore, .assertedNotAfter,
                         retractedAt: CASE WHEN $asOf IS NULL OR step.retractedAt <= $asOf
                                           THEN step.retractedAt END,
                         claimId: sc.id, claimText: sc.text,
                         speaker: who {.id, .name, .kind, isPerson: who:Person},
                         sourceId: ss.id, sourceTitle: ss.title}) AS chain
  }
  CALL (s) {
    OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(pub:Organization) WHERE $withSourceLinks
    OPTIONAL MATCH (s)-[:REPUBLISHES]->(orig:Source) WHERE $withSourceLinks
    OPTIONAL MATCH (orig)-[:PUBLISHED_BY]->(origPub:Organization)
    RETURN s {.id, .title, .url, .kind, .genre, .language, .published, .publishedPrecision,
              .confidence, .note, .sha256,
              publisher: pub {.id, .name, .kind},
              authors: COLLECT { WITH s WHERE $withSourceLinks
                                 MATCH (s)-[w:WRITTEN_BY]->(au) WITH au, w ORDER BY w.position
                                 RETURN au {.id, .name, .kind, isPerson: au:Person} },
              republishes: orig {.id, .title, .url, .kind, .language, .published,
                                 .publishedPrecision, publisher: origPub {.id, .name, .kind}}} AS source
  }
  CALL (a) {
    // Where the words first appeared: follow CITES to the first speaker, then a
    // republished copy to its original, then the original to its publisher.
    WITH a WHERE $withOutlets
    MATCH (a)-[:CITES*0..8]->(root:Assertion)-[:FOUND_IN]->(rootSource:Source)
    WHERE NOT (root)-[:CITES]->(:Assertion)
    OPTIONAL MATCH (rootSource)-[:REPUBLISHES]->(original:Source)
    WITH coalesce(original, rootSource) AS first
    OPTIONAL MATCH (first)-[:PUBLISHED_BY]->(outletOrg:Organization)
    RETURN collect(DISTINCT coalesce(outletOrg.id, first.id)) AS outlets
  }
  WITH a, retractedAt, speaker, affiliations, chain, source, outlets
  ORDER BY a.assertedNotAfter, coalesce(a.assertedNotBefore, ''), a.id
  RETURN collect(a {.id, .stance, .mode, .hedge, .quote, .quoteVerified, .start, .end, .asserted,
                    .assertedPrecision, .assertedBasis, .assertedNotBefore, .assertedNotAfter,
                    .recordedAt, .note, .rating,
                    retractedAt: retractedAt,
                    speaker: speaker {.id, .name, .kind, isPerson: speaker:Person},
                    affiliations: affiliations, source: source, chain: chain}) AS assertions,
         reduce(seen = [], group IN collect(
                  CASE WHEN a.stance = 'SUPPORTS' AND retractedAt IS NULL THEN outlets END)
                | seen + [outlet IN group WHERE NOT outlet IN seen]) AS supportingOutlets
}
CALL (c) {
  // Outlets supporting a claim confirmed to state the same proposition (SAME_AS, at
  // any distance up to 4 links, each standing at $asOf): its supporters support this one.
  WITH c WHERE $withOutlets
  OPTIONAL MATCH link = (c)-[:SAME_AS*1..4]-(same:Claim)
  WHERE same <> c
    AND all(r IN relationships(link) WHERE ($asOf IS NULL OR r.recordedAt <= $asOf)
            AND (r.undoneAt IS NULL OR ($asOf IS NOT NULL AND r.undoneAt > $asOf)))
  OPTIONAL MATCH (same)<-[:ABOUT]-(sa:Assertion {stance: 'SUPPORTS'})
  WHERE ($asOf IS NULL OR sa.recordedAt <= $asOf)
    AND NOT (sa.retractedAt IS NOT NULL AND ($asOf IS NULL OR sa.retractedAt <= $asOf))
  OPTIONAL MATCH (sa)-[:CITES*0..8]->(root:Assertion)-[:FOUND_IN]->(rootSource:Source)
  WHERE NOT (root)-[:CITES]->(:Assertion)
  OPTIONAL MATCH (rootSource)-[:REPUBLISHES]->(original:Source)
  WITH coalesce(original, rootSource) AS first
  OPTIONAL MATCH (first)-[:PUBLISHED_BY]->(outletOrg:Organization)
  RETURN collect(DISTINCT coalesce(outletOrg.id, first.id)) AS sameOutlets
}
CALL (c) {
  // Outlets supporting this claim or any claim that refines it (a narrower claim
  // supported is this one supported too).
  WITH c WHERE $withRefinements
  OPTIONAL MATCH (narrower:Claim)-[:REFINES*1..4]->(c)
  WHERE $asOf IS NULL OR narrower.recordedAt <= $asOf
  OPTIONAL MATCH (narrower)<-[:ABOUT]-(na:Assertion {stance: 'SUPPORTS'})
  WHERE ($asOf IS NULL OR na.recordedAt <= $asOf)
    AND NOT (na.retractedAt IS NOT NULL AND ($asOf IS NULL OR na.retractedAt <= $asOf))
  OPTIONAL MATCH (na)-[:CITES*0..8]->(root:Assertion)-[:FOUND_IN]->(rootSource:Source)
  WHERE NOT (root)-[:CITES]->(:Assertion)
  OPTIONAL MATCH (rootSource)-[:REPUBLISHES]->(original:Source)
  WITH coalesce(original, rootSource) AS first
  OPTIONAL MATCH (first)-[:PUBLISHED_BY]->(outletOrg:Organization)
  RETURN collect(DISTINCT coalesce(outletOrg.id, first.id)) AS refiningOutlets
}
CALL (c) {
  WITH c WHERE $withConflicts
  OPTIONAL MATCH (c)-[r:CONTRADICTS]-(other:Claim)
  WHERE ($asOf IS NULL OR r.recordedAt <= $asOf)
    // A confirmation that was undone is no longer a link (from then on).
    AND (r.undoneAt IS NULL OR ($asOf IS NOT NULL AND r.undoneAt > $asOf))
  WITH r, other ORDER BY other.id
  RETURN collect(CASE WHEN other IS NOT NULL THEN {
    kind: r.kind, note: r.note,
    otherClaim: other {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier, .firstAsserted,
                       .refersTo, .refersToPrecision},
    otherAssertions: COLLECT {
      WITH other WHERE $withConflictSides
      MATCH (who)-[:MADE]->(oa:Assertion)-[:ABOUT]->(other), (oa)-[:FOUND_IN]->(os:Source)
      WHERE $asOf IS NULL OR oa.recordedAt <= $asOf
      WITH oa, who, os ORDER BY oa.assertedNotAfter, coalesce(oa.assertedNotBefore, ''), oa.id
      RETURN oa {.id, .stance, .mode, .hedge, .quote, .quoteVerified, .asserted, .assertedPrecision,
                 .assertedBasis, .assertedNotBefore, .assertedNotAfter,
                 retractedAt: CASE WHEN $asOf IS NULL OR oa.retractedAt <= $asOf
                                   THEN oa.retractedAt END,
                 speaker: who {.id, .name, .kind, isPerson: who:Person},
                 sourceId: os.id, sourceTitle: os.title}
    }
  } END) AS conflicts
}
RETURN c {.id, .text, .quantityValue, .quantityUnit, .quantityQualifier, .refersTo,
          .refersToPrecision,
          firstAsserted: CASE WHEN $asOf IS NULL THEN c.firstAsserted
                              ELSE head([a IN assertions | a.assertedNotAfter]) END} AS claim,
       assertions,
       size(reduce(seen = supportingOutlets, outlet IN sameOutlets |
                   CASE WHEN outlet IN seen THEN seen ELSE seen + outlet END))
         AS independentSourceCount,
       size(reduce(seen = supportingOutlets, outlet IN sameOutlets + refiningOutlets |
                   CASE WHEN outlet IN seen THEN seen ELSE seen + outlet END))
         AS independentSourceCountWithRefinements,
       conflicts
