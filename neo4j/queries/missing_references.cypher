// Which of the ids a write refers to do not exist (nothing is ever deleted, so a
// check before the write stays true).
RETURN [id IN $claims WHERE NOT EXISTS { (:Claim {id: id}) }] AS claims,
       [id IN $agents WHERE NOT EXISTS { (:Person {id: id}) }
                        AND NOT EXISTS { (:Organization {id: id}) }] AS agents,
       [id IN $organizations WHERE NOT EXISTS { (:Organization {id: id}) }] AS organizations,
       [id IN $sources WHERE NOT EXISTS { (:Source {id: id}) }] AS sources,
       [id IN $assertions WHERE NOT EXISTS { (:Assertion {id: id}) }] AS assertions,
       [id IN $topics WHERE NOT EXISTS { (:Topic {id: id}) }] AS topics
