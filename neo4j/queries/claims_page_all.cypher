// Claims in keyset order (first asserted, then id), read in the order of the index
// claim_sort_key: the page stops at $limit matches instead of sorting every claim.
MATCH (c:Claim)
USING INDEX c:Claim(firstAsserted, id)
WHERE c.firstAsserted >= $afterKey AND c.id IS NOT NULL
  AND c.firstAsserted + '\u0000' + c.id > $afterKey + '\u0000' + $afterId
