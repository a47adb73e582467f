"""The costly queries of the tests: the one that used to freeze the server, and the most
expensive one the default budget allows."""

from __future__ import annotations

PERSON = (
    "{ id name aliases assertionCount "
    "affiliations { organization { id name kind } role asOf { date precision } } }"
)
FULL_COMPARISON = f"""fragment Full on PositionComparison {{
  people {PERSON}
  rows {{ claim {{ id text firstAsserted quantity {{ value unit qualifier }} }}
          positions {{ person {PERSON} stance assertionId quote }} }}
  pairs {{ first {PERSON} second {PERSON} agreements onlyFirst onlySecond agreementRatio
           disagreements {{ kind firstClaimId secondClaimId conflictKind note }} }} }}"""


def comparisons(fields: int) -> str:
    """``fields`` root fields (all but the first aliased) comparing ``$ids`` with
    everything selected, every person in full wherever one appears."""
    selections = " ".join(
        ("" if i == 0 else f"a{i}: ") + "comparePositions(personIds: $ids) { ...Full }"
        for i in range(fields)
    )
    return f"query ($ids: [ID!]!) {{ {selections} }} {FULL_COMPARISON}"


# The finding: 31 root fields (30 aliases) of a 10-person comparison.
THIRTY_ONE = comparisons(31)

# One 10-person comparison as a frontend would ask it: within the budget.
ORDINARY_COMPARISON = """query ($ids: [ID!]!) { comparePositions(personIds: $ids) {
  people { id name } rows { claim { id text } positions { person { id } stance quote } }
  pairs { first { id } second { id } agreements onlyFirst onlySecond agreementRatio
          disagreements { kind firstClaimId secondClaimId conflictKind note } } } }"""

# 29 full pages of 100 claims: an estimate of 29,116, the heaviest query the first
# budgets (25,000, then 30,000) let through, measured in answer size and time.
PAGES = 29
HEAVIEST_ALLOWED = (
    "{ "
    + " ".join(
        f"p{i}: claims(first: 100) {{ edges {{ cursor node {{ id text firstAsserted "
        "quantity { value unit qualifier } } } pageInfo { hasNextPage endCursor } }"
        for i in range(PAGES)
    )
    + " }"
)
TOP_PEOPLE = "{ people(first: 100) { edges { node { id assertionCount } } } }"
