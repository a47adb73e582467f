// Claims no assertion dates yet (no firstAsserted), after every dated claim, by id. Asked
// for only once the dated claims of a page run out; it reads every claim.
MATCH (c:Claim)
WHERE c.firstAsserted IS NULL AND c.id > $afterId
