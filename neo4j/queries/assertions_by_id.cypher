// Assertions by id, each shaped as in a claim's provenance (claim_provenance.cypher).
MATCH (speaker)-[:MADE]->(a:Assertion)-[:FOUND_IN]->(s:Source) WHERE a.id IN $ids
CALL (a, speaker) {
  OPTIONAL MATCH (speaker)-[r:AFFILIATED_WITH]->(org:Organization)
  WHERE r.asOf IS NULL OR r.asOf <= a.assertedNotAfter
  WITH r, org ORDER BY r.asOf DESC
  RETURN collect(org {.id, .name, .kind, role: r.role, asOf: r.asOf, asOfPrecision: r.asOfPrecision}) AS affiliations
}
CALL (a) {
  // The longest CITES chain from this assertion down to the first speaker.
  OPTIONAL MATCH path = (a)-[:CITES*1..8]->(tip:Assertion)
  WHERE NOT (tip)-[:CITES]->(:Assertion)
  WITH path ORDER BY length(path) DESC LIMIT 1
  UNWIND CASE WHEN path IS NULL THEN [] ELSE range(1, length(path)) END AS depth
  WITH depth, nodes(path)[depth] AS step
  MATCH (who)-[:MADE]->(step)-[:FOUND_IN]->(ss:Source)
  MATCH (step)-[:ABOUT]->(sc:Claim)
  WITH depth, step, who, ss, sc ORDER BY depth
  RETURN collect(step {.id, .stance, .mode, .hedge, .quote, .quoteVerified, .start, .end, .asserted,
                       .assertedPrecision, .assertedBasis, .assertedNotBefore, .assertedNotAfter,
                       .retractedAt, claimId: sc.id, claimText: sc.text,
                       speaker: who {.id, .name, .kind, isPerson: who:Person},
                       sourceId: ss.id, sourceTitle: ss.title}) AS chain
}
CALL (s) {
  OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(pub:Organization)
  OPTIONAL MATCH (s)-[:REPUBLISHES]->(orig:Source)
  OPTIONAL MATCH (orig)-[:PUBLISHED_BY]->(origPub:Organization)
  RETURN s {.id, .title, .url, .kind, .genre, .language, .published, .publishedPrecision,
            .confidence, .note, .sha256,
            publisher: pub {.id, .name, .kind},
            authors: COLLECT { MATCH (s)-[w:WRITTEN_BY]->(au) WITH au, w ORDER BY w.position
                               RETURN au {.id, .name, .kind, isPerson: au:Person} },
            republishes: orig {.id, .title, .url, .kind, .language, .published,
                               .publishedPrecision, publisher: origPub {.id, .name, .kind}}} AS source
}
RETURN a {.id, .stance, .mode, .hedge, .quote, .quoteVerified, .start, .end, .asserted, .assertedPrecision,
          .assertedBasis, .assertedNotBefore, .assertedNotAfter, .recordedAt, .retractedAt, .note, .rating,
          speaker: speaker {.id, .name, .kind, isPerson: speaker:Person},
          affiliations: affiliations, source: source, chain: chain} AS assertion
