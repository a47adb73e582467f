// The texts held for some sources (for anchoring quotes in them); sources without one are left out.
MATCH (s:Source) WHERE s.id IN $ids AND s.text IS NOT NULL
RETURN s.id AS id, s.text AS text
