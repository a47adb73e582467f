MATCH (who)-[:MADE]->(a:Assertion {id: $id})-[:FOUND_IN]->(s:Source), (a)-[:ABOUT]->(c:Claim)
RETURN a {.id, .stance, .mode, .hedge, .quote, .quoteVerified, .asserted, .assertedPrecision, .assertedBasis,
          .assertedNotBefore, .assertedNotAfter, .retractedAt,
          speaker: who {.id, .name, .kind, isPerson: who:Person},
          sourceId: s.id, sourceTitle: s.title, claimId: c.id, claimText: c.text} AS assertion
