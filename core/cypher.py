"""Every Cypher query the application sends, as named constants.

The text lives in ``neo4j/queries/<name>.cypher`` so that it can be read,
profiled and diffed as Cypher; it ships inside the package as
``claimtrace/queries`` (migrations as ``claimtrace/migrations``), and this
module is the one place that reads it.
Values always travel as ``$parameters``: nothing here is ever formatted with
user input, which is also what lets Neo4j reuse its cached plans.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Final, LiteralString

QUERY_DIR: Final[Traversable] = files("claimtrace") / "queries"
MIGRATION_DIR: Final[Traversable] = files("claimtrace") / "migrations"


# Query text -> its file's name: what metrics and traces call a round trip (never its values).
_NAMES: dict[str, str] = {}
# A statement that is not one of the named queries (a migration's, a test's).
UNNAMED: Final = "other"


def load(name: str) -> LiteralString:
    """The text of ``queries/<name>.cypher`` (package data, never user input)."""
    text = (QUERY_DIR / f"{name}.cypher").read_text(encoding="utf-8").strip()
    _NAMES[text] = name
    return text


def name_of(query: str) -> str:
    """The name of a query this module loaded, else ``UNNAMED``."""
    return _NAMES.get(query, UNNAMED)


MIGRATION_CONSTRAINT: Final = load("migration_constraint")
APPLIED_MIGRATIONS: Final = load("applied_migrations")
RECORD_MIGRATION: Final = load("record_migration")
AWAIT_INDEXES: Final = load("await_indexes")

LIST_TOPICS: Final = load("list_topics")

# Writing (core/writing.py, for the loader and the mutations): batched UNWIND, MERGE on ids.
LOAD_ORGANIZATIONS: Final = load("load_organizations")
LOAD_PEOPLE: Final = load("load_people")
LOAD_TOPICS: Final = load("load_topics")
LOAD_AFFILIATIONS: Final = load("load_affiliations")
LOAD_SOURCES: Final = load("load_sources")
LOAD_PUBLISHED_BY: Final = load("load_published_by")
LOAD_WRITTEN_BY: Final = load("load_written_by")
LOAD_REPUBLISHES: Final = load("load_republishes")
LOAD_CLAIMS: Final = load("load_claims")
LOAD_CLAIM_TOPICS: Final = load("load_claim_topics")
LOAD_REFINES: Final = load("load_refines")
LOAD_ASSERTIONS: Final = load("load_assertions")
LOAD_CITES: Final = load("load_cites")
LOAD_CONFLICTS: Final = load("load_conflicts")
UPDATE_FIRST_ASSERTED: Final = load("update_first_asserted")
GRAPH_COUNTS: Final = load("graph_counts")
HOLDS_DATA: Final = load("holds_data")
FINISH_BULK_IMPORT: Final = load("finish_bulk_import")

# Reading (core/store/): each answers one question in one round trip.
CLAIM_PROVENANCE: Final = load("claim_provenance")
CLAIMS_BY_ID: Final = load("claims_by_id")
CLAIM_AS_OF: Final = load("claim_as_of")
CLAIM_REFINEMENTS: Final = load("claim_refinements")
CLAIM_CONFLICTS: Final = load("claim_conflicts")
COMPARE_POSITIONS: Final = load("compare_positions")
# A claims page starts where its most selective given filter points (core/store/claim_pages.py
# chooses by which filters are present); the other conditions and the page's end are shared.
_ASSERTION_CONDITIONS: Final = load("assertion_conditions")
_CLAIM_CONDITIONS: Final = load("claim_conditions") + "\n      " + _ASSERTION_CONDITIONS + "\n  })"
_CLAIMS_PAGE_END: Final = load("claims_page_end")
CLAIMS_PAGE_REACH: Final = load("claims_page_reach")
CLAIMS_PAGE_ALL: Final = (
    load("claims_page_all") + "\n" + _CLAIM_CONDITIONS + "\n" + _CLAIMS_PAGE_END
)
CLAIMS_PAGE_TOPIC: Final = (
    load("claims_page_topic") + "\n" + _CLAIM_CONDITIONS + "\n" + _CLAIMS_PAGE_END
)
CLAIMS_PAGE_PERSON: Final = (
    load("claims_page_person") + "\n" + _CLAIM_CONDITIONS + "\n" + _CLAIMS_PAGE_END
)
CLAIMS_PAGE_SOURCE: Final = (
    load("claims_page_source") + "\n" + _CLAIM_CONDITIONS + "\n" + _CLAIMS_PAGE_END
)
CLAIMS_PAGE_PUBLISHER: Final = (
    load("claims_page_publisher") + "\n" + _CLAIM_CONDITIONS + "\n" + _CLAIMS_PAGE_END
)
_UNASSERTED_END: Final = load("claims_page_unasserted_end")
CLAIMS_PAGE_UNASSERTED: Final = (
    load("claims_page_unasserted") + "\n" + _CLAIM_CONDITIONS + "\n" + _UNASSERTED_END
)
CLAIMS_PAGE_UNASSERTED_TOPIC: Final = (
    load("claims_page_unasserted_topic") + "\n" + _CLAIM_CONDITIONS + "\n" + _UNASSERTED_END
)
CLAIM_SEARCH_BEST: Final = (
    load("claim_search_best") + "\n" + _CLAIM_CONDITIONS + "\n" + load("claim_search_best_end")
)
_FACET_COUNTS: Final = (
    _CLAIM_CONDITIONS
    + "\n"
    + load("claim_facets_counts")
    + "\n    "
    + _ASSERTION_CONDITIONS
    + "\n"
    + load("claim_facets_counts_end")
)
# Facets start from the same most selective filter as a list page, with no cursor.
CLAIM_FACETS_ALL: Final = load("claim_facets_all") + "\n" + _FACET_COUNTS
CLAIM_FACETS_SEARCH: Final = load("claim_facets_search") + "\n" + _FACET_COUNTS
CLAIM_FACETS_TOPIC: Final = load("claim_facets_topic") + "\n" + _FACET_COUNTS
CLAIM_FACETS_PERSON: Final = load("claim_facets_person") + "\n" + _FACET_COUNTS
CLAIM_FACETS_SOURCE: Final = load("claim_facets_source") + "\n" + _FACET_COUNTS
CLAIM_FACETS_PUBLISHER: Final = load("claim_facets_publisher") + "\n" + _FACET_COUNTS
CLAIM_SEARCH_DATED: Final = (
    load("claim_search_dated") + "\n" + _CLAIM_CONDITIONS + "\n" + load("claim_search_dated_end")
)
SOURCES_PAGE: Final = load("sources_page")
SOURCES_BY_ID: Final = load("sources_by_id")
PEOPLE_PAGE: Final = load("people_page")
PEOPLE_BY_ID: Final = load("people_by_id")
ORGANIZATIONS_BY_ID: Final = load("organizations_by_id")
TOPICS_BY_ID: Final = load("topics_by_id")
CLAIM_TOPIC_IDS: Final = load("claim_topic_ids")
ASSERTIONS_BY_ID: Final = load("assertions_by_id")
SOURCE_TEXTS: Final = load("source_texts")

# Checks a mutation makes against the graph before it writes (core/store/writes.py).
MISSING_REFERENCES: Final = load("missing_references")
SOURCE_FOR_QUOTE: Final = load("source_for_quote")
ASSERTION_BRIEF: Final = load("assertion_brief")
RETRACT_ASSERTION: Final = load("retract_assertion")

# The audit trail: events are created, never changed, and read a page at a time.
CREATE_AUDIT_EVENT: Final = load("create_audit_event")
AUDIT_EVENTS_PAGE: Final = load("audit_events_page")

# Detection (core/store/detection.py): what the rules read, and the candidates they store.
DETECT_QUANTITY_CLAIMS: Final = load("detect_quantity_claims")
SET_QUANTITY_MEASURES: Final = load("set_quantity_measures")
CLAIMS_BY_MEASURE: Final = load("claims_by_measure")
DETECT_CLAIM_LINKS: Final = load("detect_claim_links")
DETECT_POSITIONS: Final = load("detect_positions")
SIMILAR_CLAIMS: Final = load("similar_claims")
STORE_CANDIDATES: Final = load("store_candidates")
CLAIM_IDS_PAGE: Final = load("claim_ids_page")

# Reviewing candidates (core/store/review.py): read, then confirm, reject or undo, audited.
CANDIDATES_PAGE: Final = load("candidates_page")
CANDIDATES_BY_ID: Final = load("candidates_by_id")
LOCK_CANDIDATE: Final = load("lock_candidate")
CONFIRM_CONTRADICTS: Final = load("confirm_contradicts")
CONFIRM_SAME_AS: Final = load("confirm_same_as")
UNDO_CONFIRMED_LINK: Final = load("undo_confirmed_link")
RECORD_REVIEW: Final = load("record_review")

# What was recorded after a cursor (recordedAt, key), read by subscriptions (core/store/feed.py).
ASSERTIONS_RECORDED: Final = load("assertions_recorded")
CONFLICTS_RECORDED: Final = load("conflicts_recorded")
CANDIDATES_RECORDED: Final = load("candidates_recorded")
