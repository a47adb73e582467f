// The claims among $ids that state a quantity, as detection reads them, with the key of
// what it measures as detection last stored it (null before the first detection).
UNWIND $ids AS id
MATCH (c:Claim {id: id})
WHERE c.quantityValue IS NOT NULL
RETURN c.id AS id, c.text AS text, c.quantityValue AS value, c.quantityUnit AS unit,
       c.quantityQualifier AS qualifier, c.quantityMeasure AS measure
