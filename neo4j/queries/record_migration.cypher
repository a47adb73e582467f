MERGE (m:Migration {version: $version})
  ON CREATE SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()
RETURN m.checksum AS checksum
