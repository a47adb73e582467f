// Whether the database holds any record (the migrations' bookkeeping aside).
RETURN EXISTS { MATCH (n) WHERE NOT n:Migration } AS holdsData
