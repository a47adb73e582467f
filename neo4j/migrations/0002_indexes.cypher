// Range indexes behind the filters and the keyset orderings of the API.
CREATE INDEX assertion_asserted IF NOT EXISTS FOR (n:Assertion) ON (n.asserted);
CREATE INDEX assertion_stance IF NOT EXISTS FOR (n:Assertion) ON (n.stance);
CREATE INDEX claim_sort_key IF NOT EXISTS FOR (n:Claim) ON (n.firstAsserted, n.id);
CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.published, n.id);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX topic_name IF NOT EXISTS FOR (n:Topic) ON (n.name);
