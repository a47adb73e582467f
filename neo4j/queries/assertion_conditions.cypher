($personId IS NULL OR speaker.id = $personId)
      AND ($sourceId IS NULL OR s.id = $sourceId)
      AND ($publisherId IS NULL OR EXISTS { (s)-[:PUBLISHED_BY]->(:Organization {id: $publisherId}) })
      AND ($stance IS NULL OR a.stance = $stance)
      // Dates are intervals: by default an assertion matches when it could fall in the
      // range (overlaps), with $within only when it certainly does.
      AND ($assertedFrom IS NULL OR CASE WHEN $within THEN a.assertedNotBefore >= $assertedFrom
                                         ELSE a.assertedNotAfter >= $assertedFrom END)
      AND ($assertedTo IS NULL OR CASE WHEN $within THEN a.assertedNotAfter <= $assertedTo
                                       ELSE coalesce(a.assertedNotBefore, '') <= $assertedTo END)
