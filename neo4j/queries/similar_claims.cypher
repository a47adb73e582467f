// For each claim of $rows, the claims stating a quantity that the full-text index
// scores highest for its words (row.query, literal terms of the claims' field, made by
// core/store/detection.py), with scores. Assertions' quotes are another field, so only
// claims are hits, each scored as the whole index scores it.
UNWIND $rows AS row
CALL (row) {
  CALL db.index.fulltext.queryNodes('claim_search', row.query, {limit: $limit})
    YIELD node, score
  WITH node, score WHERE node:Claim AND node.quantityValue IS NOT NULL
  RETURN collect(node {.id, .text, value: node.quantityValue, unit: node.quantityUnit,
                       qualifier: node.quantityQualifier, score: score}) AS hits
}
RETURN row.id AS id, hits
