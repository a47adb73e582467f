// Candidates: what detection infers (a conflict, or two claims stating one
// proposition) until a person confirms or rejects it. Never a CONTRADICTS link
// itself. The id is derived from the kind and the pair, so detecting again
// finds the same node, and a rejected pair is not proposed again.
CREATE CONSTRAINT candidate_id IF NOT EXISTS FOR (n:Candidate) REQUIRE n.id IS UNIQUE;
// Readers follow new candidates, and new reviews, by a cursor over recordedAt.
CREATE INDEX candidate_recorded IF NOT EXISTS FOR (n:Candidate) ON (n.recordedAt, n.id);
CREATE INDEX candidate_status IF NOT EXISTS FOR (n:Candidate) ON (n.status, n.kind);
// Each review (confirm, reject, undo) is a node of its own, never changed.
CREATE CONSTRAINT candidate_review_id IF NOT EXISTS FOR (n:CandidateReview) REQUIRE n.id IS UNIQUE;
CREATE INDEX candidate_review_recorded IF NOT EXISTS FOR (n:CandidateReview) ON (n.recordedAt, n.id);
// What a claim's quantity measures (derived by detection, see core/detection/quantities.py).
CREATE INDEX claim_quantity_measure IF NOT EXISTS FOR (n:Claim) ON (n.quantityMeasure);
