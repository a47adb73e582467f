// Full-text search over what claims say and the exact words of assertions.
CREATE FULLTEXT INDEX claim_search IF NOT EXISTS
FOR (n:Claim|Assertion) ON EACH [n.text, n.quote];
