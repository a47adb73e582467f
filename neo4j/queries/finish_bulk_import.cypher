// After a bulk import: the one value its CSV files cannot carry. Every person is
// written with its aliases, so a missing list is an empty one.
MATCH (p:Person) WHERE p.aliases IS NULL
SET p.aliases = []
