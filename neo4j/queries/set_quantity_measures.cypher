// What each claim's quantity measures (core/detection/measures.py): derived from the
// claim's own properties, like firstAsserted, and indexed for the NUMERIC rule.
UNWIND $rows AS row
MATCH (c:Claim {id: row.id})
SET c.quantityMeasure = row.measure
