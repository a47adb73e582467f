// For each claim among $ids, every standing (not retracted) assertion of it: who, which
// stance, how firmly, in which words, and when.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN c.id AS claim, c.text AS text,
       [(s)-[:MADE]->(a:Assertion)-[:ABOUT]->(c) WHERE a.retractedAt IS NULL |
        a {assertion: a.id, speaker: head(labels(s)) + ':' + s.id, speakerName: s.name,
           .stance, .hedge, .quote, .asserted, .assertedPrecision, .assertedBasis,
           .assertedNotBefore, .assertedNotAfter}] AS positions
