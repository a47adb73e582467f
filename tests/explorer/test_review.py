"""The review page in a real browser: candidates listed for a token holder, filtered,
confirmed and rejected, and a wrong token refused without a write.

Reading candidates needs a token, so the page asks for one before it sends anything.
Tests that review write to the graph: they take ``writable_seed_graph`` (or ``writer``),
so the next test that reads is given the seed corpus again.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest
from playwright.async_api import FloatRect, Locator, Page, expect

from claimtrace.core.database import Graph
from tests.explorer.conftest import SCREENSHOTS, OpenPage, opened_at, report
from tests.support.browser import PHONE, overflows_horizontally, serious_accessibility_violations
from tests.support.writing import ADD_CLAIM, AUTH, TOKEN

pytestmark = pytest.mark.neo4j

TOKEN_KEY = "claimtrace.reviewToken"
WITH_TOKEN = f"sessionStorage.setItem({json.dumps(TOKEN_KEY)}, {json.dumps(TOKEN)});"
DETERRENCE = "The January 3, 2020 US strike that killed Qasem Soleimani restored US deterrence"
COMMENTATORS_QUOTE = "had “reasserted US deterrence” against Iran"
SOUFAN_QUOTE = "Iran remains undeterred by the potential for U.S. retaliation"
EFP = "Explosively formed penetrators (EFPs) supplied by Iran killed at least 196 US troops"
FEWER_TEXT = "Explosively formed penetrators (EFPs) supplied by Iran killed 150 US troops in Iraq."
FEWER = {
    "id": "claim-test-efp-150", "topicIds": ["topic-attacks-and-casualties"],
    "text": FEWER_TEXT,
    "quantity": {"value": 150, "unit": "US troops killed", "qualifier": "EXACTLY"},
}  # fmt: skip
REVIEWS = "MATCH (r:CandidateReview) RETURN r.action AS action, r.by AS by, r.reason AS reason"


def cards(page: Page) -> Locator:
    return page.locator("article.candidate")


def notice(page: Page, text: str) -> Locator:
    """The outcome of a review, said politely (a list being loaded is a status too)."""
    return page.get_by_role("status").filter(has_text=text)


def deterrence_card(page: Page) -> Locator:
    """Unnamed commentators against The Soufan Center on the deterrence claim."""
    return cards(page).filter(has_text=COMMENTATORS_QUOTE).filter(has_text=SOUFAN_QUOTE)


async def test_a_token_holder_sees_the_seed_candidates_with_both_sides_and_why(
    open_page: OpenPage, seed_graph: Graph
) -> None:
    watched = await open_page()
    page = watched.page
    await page.goto("/compare")
    await page.get_by_role("link", name="Review candidates").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Candidates to review")
    await expect(page.get_by_role("main")).to_contain_text(
        "the API shows candidates only to holders of a token"
    )
    await page.wait_for_load_state("networkidle")
    assert watched.operations == ["CompareOptions"]  # nothing asked without a token

    opened = len(watched.operations)
    field = page.get_by_label("Your API token")
    await field.fill(TOKEN)
    async with page.expect_request(lambda r: r.url.endswith("/graphql")) as sent:
        await field.press("Enter")
    assert (await (await sent.value).all_headers())["authorization"] == f"Bearer {TOKEN}"
    await expect(cards(page)).to_have_count(10)
    await expect(page.get_by_role("heading", level=2)).to_have_text(
        "10 pending candidates, in the order found"
    )
    card = deterrence_card(page)
    await expect(card).to_have_count(1)
    await expect(card.locator("header")).to_contain_text("opposite stance")
    await expect(card.locator("header")).to_contain_text(
        "by the rule opposite-stance/one-claim: score 1, threshold 0.5"
    )
    await expect(card.locator(".reason")).to_contain_text(
        "Why: Unnamed commentators who asserted the Soleimani strike had 'reasserted US "
        "deterrence' supports and The Soufan Center refutes"
    )
    one, other = card.locator(".side").nth(0), card.locator(".side").nth(1)
    await expect(one.locator("blockquote")).to_have_text(COMMENTATORS_QUOTE)
    await expect(one).to_contain_text("supports")
    await expect(one).to_contain_text("said unknown, no later than 2020-03-31 23:59")
    await expect(other.get_by_role("link", name="The Soufan Center")).to_be_visible()
    await expect(other).to_contain_text("refutes")
    await expect(other).to_contain_text("said 2020-06-22 (to the day)")
    await expect(card.get_by_role("heading", level=3)).to_contain_text(DETERRENCE)
    for each in await cards(page).all():  # every candidate says why
        await expect(each.locator(".reason")).to_contain_text("Why: ")
    assert watched.sent_since(opened) == ["ReviewCandidates"]
    top: FloatRect = {"x": 0, "y": 0, "width": 1280, "height": 1400}  # the first candidate
    await page.screenshot(path=SCREENSHOTS / "explorer-review.png", full_page=True, clip=top)

    # The token: in this tab's sessionStorage, never in the address or localStorage.
    assert TOKEN not in page.url
    assert await page.evaluate(f"sessionStorage.getItem({json.dumps(TOKEN_KEY)})") == TOKEN
    assert await page.evaluate("localStorage.length") == 0
    await page.reload()
    await expect(cards(page)).to_have_count(10)  # kept through a reload, not asked again
    await page.get_by_role("button", name="Forget the token").click()
    await expect(page.get_by_label("Your API token")).to_be_visible()
    await expect(cards(page)).to_have_count(0)
    assert await page.evaluate(f"sessionStorage.getItem({json.dumps(TOKEN_KEY)})") is None

    await page.get_by_label("Your API token").fill(TOKEN)
    await page.get_by_role("button", name="Use this token").click()
    await card.get_by_role("link", name=re.compile(DETERRENCE)).click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text(DETERRENCE)
    await page.get_by_role("link", name="Candidates about this claim").click()  # the claim's own
    await expect(cards(page)).to_have_count(6)
    assert page.url.endswith("/review?claim=claim-soleimani-strike-restored-deterrence")
    await page.get_by_role("link", name="Every claim").click()
    await expect(cards(page)).to_have_count(10)
    assert watched.errors == []


async def test_filtered_by_kind_from_the_address_and_the_form_then_one_confirmed(
    open_page: OpenPage, writer: httpx.AsyncClient, graph: Graph
) -> None:
    added = await writer.post(
        "/graphql", json={"query": ADD_CLAIM, "variables": {"input": FEWER}}, headers=AUTH
    )
    assert added.json()["data"]["addClaim"]["created"]  # detection finds a NUMERIC candidate
    watched = await open_page(init_script=WITH_TOKEN)
    page = watched.page
    await page.goto("/review?kind=NUMERIC")
    await expect(cards(page)).to_have_count(1)
    numeric = cards(page).first
    await expect(numeric).to_contain_text("[196, inf)")
    await expect(numeric).to_contain_text("[150, 150]")
    await expect(numeric.locator("header")).to_contain_text(
        "numeric/disjoint-intervals: score 0.235, threshold 0"
    )
    await expect(numeric.get_by_role("link")).to_have_text([re.compile(re.escape(EFP)), FEWER_TEXT])
    await expect(page.get_by_label("Kind")).to_have_value("NUMERIC")

    await page.get_by_label("Kind").select_option(label="any kind")
    await page.get_by_role("button", name="Show").click()
    await expect(cards(page)).to_have_count(11)
    await page.get_by_label("Kind").select_option(label="opposite stance")
    await page.get_by_role("button", name="Show").click()
    await expect(cards(page)).to_have_count(10)
    assert page.url.endswith("/review?kind=OPPOSITE_STANCE")
    await page.go_back()
    await page.go_back()
    await expect(cards(page)).to_have_count(1)
    assert page.url.endswith("/review?kind=NUMERIC")

    stale = await open_page(init_script=WITH_TOKEN)  # a second reviewer, same candidate
    await stale.page.goto("/review?kind=NUMERIC")
    await expect(cards(stale.page)).to_have_count(1)

    await page.wait_for_load_state("networkidle")
    before = len(watched.operations)
    await numeric.get_by_role("button", name="Confirm").click()
    await expect(
        notice(page, "Confirmed: the two claims are now linked by CONTRADICTS.")
    ).to_be_focused()
    await expect(cards(page)).to_have_count(0)  # no longer pending
    await page.wait_for_load_state("networkidle")
    assert watched.sent_since(before) == ["ConfirmCandidate", "ReviewCandidates"]

    await cards(stale.page).first.get_by_role("button", name="Confirm").click()
    refusal = stale.page.get_by_role("alert")
    await expect(refusal).to_contain_text("Could not confirm the numeric candidate")
    await expect(refusal).to_contain_text("was already confirmed by desk: undo that review first")
    await expect(refusal).to_contain_text("(ALREADY_REVIEWED)")
    await expect(cards(stale.page)).to_have_count(0)  # the list fetched again
    assert [r.data() for r in await graph.read(REVIEWS)] == [
        {"action": "CONFIRM", "by": "desk", "reason": None}
    ]

    await page.get_by_label("Status").select_option(label="confirmed")
    await page.get_by_role("button", name="Show").click()
    confirmed = cards(page).first
    await expect(confirmed.locator(".reviews")).to_contain_text("confirm by desk")
    await expect(confirmed.locator(".reviews")).to_contain_text("(CONTRADICTS link made)")
    await confirmed.get_by_role("link", name=re.compile(re.escape(EFP))).click()
    conflict = page.get_by_role("article", name="Conflict: numeric")
    await expect(conflict.get_by_role("link", name=FEWER_TEXT)).to_be_visible()
    await expect(conflict).to_contain_text("[150, 150]")
    assert watched.errors == []
    assert stale.errors == []


async def test_a_candidate_rejected_with_a_reason_from_the_keyboard_then_undone(
    open_page: OpenPage, writable_seed_graph: Graph
) -> None:
    watched = await open_page(init_script=WITH_TOKEN)
    page = watched.page
    await page.goto("/review?kind=OPPOSITE_STANCE")
    card = deterrence_card(page)
    await expect(card).to_have_count(1)
    await page.wait_for_load_state("networkidle")
    before = len(watched.operations)

    await card.get_by_text("Reject…").focus()
    await page.keyboard.press("Enter")  # opens the reason's form
    await card.get_by_role("button", name="Reject").click()  # no reason given
    assert watched.sent_since(before) == []  # refused by the form: a reason is required
    await card.get_by_label("Why reject it").focus()
    await page.keyboard.type("The commentators spoke before the June attacks.")
    await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
    await expect(
        notice(page, "Rejected, with your reason: the pair will not be proposed again.")
    ).to_be_focused()
    await expect(cards(page)).to_have_count(9)
    assert watched.sent_since(before) == ["RejectCandidate", "ReviewCandidates"]
    assert [r.data() for r in await writable_seed_graph.read(REVIEWS)] == [
        {
            "action": "REJECT",
            "by": "desk",
            "reason": "The commentators spoke before the June attacks.",
        }
    ]

    await page.goto("/review?status=REJECTED")
    await expect(cards(page)).to_have_count(1)
    await expect(cards(page).locator(".reviews")).to_contain_text("reject by desk")
    await expect(cards(page).locator(".reviews")).to_contain_text(
        ": “The commentators spoke before the June attacks.”"
    )
    rejected = cards(page).first
    await rejected.get_by_text("Undo this review…").click()
    await rejected.get_by_label("Why undo it").fill("Rejected by mistake.")
    await rejected.get_by_role("button", name="Undo the review").click()
    await expect(notice(page, "Review undone: the candidate is pending again.")).to_be_focused()
    await expect(cards(page)).to_have_count(0)
    reviews = await writable_seed_graph.read(REVIEWS + " ORDER BY r.recordedAt")
    assert [r["action"] for r in reviews] == ["REJECT", "UNDO"]
    assert watched.errors == []


async def test_a_wrong_token_is_refused_readably_and_writes_nothing(
    open_page: OpenPage, writable_seed_graph: Graph
) -> None:
    watched = await open_page()
    page = watched.page
    await page.goto("/review")
    await page.get_by_label("Your API token").fill("not-the-token-0123456789")
    await page.get_by_role("button", name="Use this token").click()
    await expect(page.get_by_role("alert")).to_have_text(
        "The API did not accept this token (UNAUTHENTICATED): forget it, then paste the right one."
    )
    await expect(cards(page)).to_have_count(0)
    counts = await writable_seed_graph.read(
        "MATCH (c:Candidate) RETURN c.status AS status, count(*) AS n, "
        "COUNT { (:CandidateReview) } AS reviews, COUNT { (:AuditEvent) } AS events"
    )
    assert [r.data() for r in counts] == [{"status": "PENDING", "n": 10, "reviews": 0, "events": 0}]
    await page.get_by_role("button", name="Forget the token").click()
    await page.get_by_label("Your API token").fill(TOKEN)
    await page.get_by_role("button", name="Use this token").click()
    await expect(cards(page)).to_have_count(10)


async def test_the_review_page_makes_one_request(open_page: OpenPage, seed_graph: Graph) -> None:
    watched = await opened_at(
        open_page, "/review?kind=OPPOSITE_STANCE", "ReviewCandidates", init_script=WITH_TOKEN
    )
    await expect(cards(watched.page)).to_have_count(10)
    assert watched.operations == ["ReviewCandidates"]
    assert watched.errors == []
    report("requests.review", watched.operations)


@pytest.mark.parametrize("token", ["with a token", "without one"])
@pytest.mark.parametrize("width", ["laptop", "phone"])
async def test_no_serious_accessibility_violation_and_no_sideways_scroll(
    open_page: OpenPage, seed_graph: Graph, width: str, token: str
) -> None:
    options: dict[str, Any] = {"bypass_csp": True}  # to inject axe-core's script
    if width == "phone":
        options["viewport"] = PHONE
    if token == "with a token":
        watched = await opened_at(
            open_page, "/review", "ReviewCandidates", init_script=WITH_TOKEN, **options
        )
        await expect(cards(watched.page)).to_have_count(10)
        await deterrence_card(watched.page).get_by_text("Reject…").click()  # its form open
    else:
        watched = await open_page(**options)
        await watched.page.goto("/review")
        await expect(watched.page.get_by_label("Your API token")).to_be_visible()
    assert await serious_accessibility_violations(watched.page) == []
    assert not await overflows_horizontally(watched.page)
