// Every claim whose quantity measures one of $measures.
UNWIND $measures AS measure
MATCH (c:Claim {quantityMeasure: measure})
RETURN c.id AS id, c.text AS text, c.quantityValue AS value, c.quantityUnit AS unit,
       c.quantityQualifier AS qualifier
