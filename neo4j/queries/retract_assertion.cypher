// A retraction is recorded once and never changed; the assertion stays visible.
MATCH (a:Assertion {id: $id})
WITH a, a.retractedAt AS before
SET a.retractedAt = coalesce(a.retractedAt, $now),
    a.retractedBy = coalesce(a.retractedBy, $by),
    a.retractionReason = coalesce(a.retractionReason, $reason)
RETURN before
