"""The explorer in a real browser: the three questions answered on its pages.

Headless Chromium against a real uvicorn and the test Neo4j holding the seed corpus.
Each test fails on a broken page: a script error, a script refused by the policy, a
missing mark, or more GraphQL requests than the page is meant to make.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from tests.explorer.conftest import SCREENSHOTS, OpenPage, opened_at, report
from tests.support.browser import (
    PAINT_BREAKDOWN,
    PAINT_PROBE,
    PHONE,
    overflows_horizontally,
    serious_accessibility_violations,
)
from tests.support.writing import ADD_ASSERTION, ADD_CLAIM, ADD_SOURCE, AUTH, EFP_QUOTE

pytestmark = pytest.mark.neo4j

EFP_CLAIM = "Explosively formed penetrators (EFPs) supplied by Iran killed at least 196 US troops"
DETERRENCE = "/claim/claim-soleimani-strike-restored-deterrence"
UNDETERRED = "Iran remained undeterred by the potential for US retaliation in June 2020."
FIRST_SPEAKER = "Unnamed commentators who asserted the Soleimani strike had"
# The GraphQL requests each page makes when opened from its link: the claim page asks
# for the provenance and then for its sources' texts; a person's page, everything at once.
REQUESTS_PER_PAGE = {"search": 2, "claim": 2, "person": 1, "organization": 1, "compare": 2}


async def test_search_finds_the_efp_claim_and_its_quote_is_marked_in_the_jerusalem_post(
    open_page: OpenPage,
) -> None:
    watched = await open_page()
    page = watched.page
    await page.goto("/")
    await page.get_by_label("Words in the claim or a quote").fill("EFPs")
    await page.keyboard.press("Enter")
    hit = page.get_by_role("link", name=re.compile(re.escape(EFP_CLAIM)))
    await expect(page.locator(".hits li").first).to_contain_text(EFP_CLAIM)  # the best match
    await expect(page.locator(".hits li").first.locator(".snippet mark")).to_have_text(["EFPs"])
    await page.screenshot(path=SCREENSHOTS / "explorer-search.png", full_page=True)
    topics = page.get_by_role("region", name="Topic")
    await topics.get_by_role(
        "link", name="Attacks on US and Coalition forces and their toll"
    ).click()
    await expect(page.locator(".hits li")).to_have_count(1)
    assert "topic=topic-attacks-and-casualties" in page.url
    await hit.focus()
    searched = len(watched.operations)
    await page.keyboard.press("Enter")

    await expect(page.get_by_role("heading", level=1)).to_contain_text(EFP_CLAIM)
    card = page.get_by_role("article", name="Unnamed reports, supports")
    await expect(card.get_by_test_id("quote-in-source").locator("mark")).to_have_text(EFP_QUOTE)
    await expect(card.get_by_test_id("quote-in-source")).to_contain_text(
        "including 107mm rockets and also explosively-formed penetrators"
    )
    source = card.locator("dl.source-meta")
    for expected in ("The Jerusalem Post", "Seth J. Frantzman", "2021-07-08 10:00 (to the minute)"):
        await expect(source).to_contain_text(expected)
    await expect(card).to_contain_text("said unknown, no later than 2021-07-08 10:00")
    await expect(page.get_by_text("at least 196 US troops killed")).to_be_visible()
    await expect(
        page.get_by_role("img", name=re.compile("Timeline of 1 assertions"))
    ).to_be_visible()
    assert watched.sent_since(searched) == ["ClaimProvenance", "SourceTexts"]
    await page.screenshot(path=SCREENSHOTS / "explorer-claim.png", full_page=True)

    await page.go_back()
    await expect(page.get_by_label("Words in the claim or a quote")).to_have_value("EFPs")
    await expect(hit).to_be_visible()
    assert page.url.endswith("/?q=EFPs&topic=topic-attacks-and-casualties")
    assert watched.errors == []


async def test_the_chain_leads_to_the_first_speaker_and_a_conflict_opens(
    open_page: OpenPage,
) -> None:
    watched = await open_page()
    page = watched.page
    await page.goto(DETERRENCE)
    chain = page.get_by_role("navigation", name="Reported-speech chain from Barbara Slavin")
    await expect(chain.locator("li")).to_have_count(2)
    await expect(chain.locator("li").last).to_contain_text("first speaker:")

    opened = len(watched.operations)
    await chain.get_by_role("link", name=re.compile(FIRST_SPEAKER)).click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text(FIRST_SPEAKER)
    topic = page.get_by_role("region", name="US deterrence of Iran after the Soleimani strike")
    await expect(
        topic.get_by_role("link", name=re.compile("restored US deterrence"))
    ).to_be_visible()
    assert watched.sent_since(opened) == ["OrganizationPositions"]

    await page.go_back()
    conflict = page.get_by_role("article", name="Conflict: opposite")
    await expect(conflict).to_contain_text("Why:")
    await expect(conflict.get_by_role("heading", name="On this claim")).to_be_visible()
    await expect(conflict.get_by_role("heading", name="On the other claim")).to_be_visible()
    await expect(conflict.locator(".side").last).to_contain_text("The Soufan Center")
    await conflict.get_by_role("link", name=UNDETERRED).click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(UNDETERRED)
    back_link = page.get_by_role("link", name=re.compile("restored US deterrence against Iran"))
    await expect(back_link.first).to_be_visible()
    assert page.url.endswith("/claim/claim-soufan-iran-undeterred-june-2020")
    assert watched.errors == []


async def test_two_analysts_compared_on_a_topic(open_page: OpenPage) -> None:
    watched = await open_page()
    page = watched.page
    await page.goto("/compare")
    await page.get_by_label("Kirsten Fontenrose").check()
    await page.get_by_label("Abbas Kadhim").check()
    await page.get_by_label("Topic").select_option(
        label="US troop presence in Iraq and its withdrawal"
    )
    await page.get_by_role("button", name="Compare").click()

    matrix = page.get_by_role("table")
    await expect(matrix.locator("tbody tr")).to_have_count(16)
    row = matrix.locator(
        "tbody tr", has_text="A withdrawal of US troops from Iraq would benefit Iran"
    )
    columns = matrix.locator("thead th")  # the people in the order they are listed
    await expect(columns).to_have_text(["Claim", "Abbas Kadhim", "Kirsten Fontenrose"])
    await expect(row.locator("td")).to_have_text(["supports", "refutes"])
    pair = page.get_by_role("article", name="Abbas Kadhim and Kirsten Fontenrose")
    await expect(pair).to_contain_text("disagreements: 2")
    await expect(pair.locator(".disagreements li")).to_have_count(2)
    await expect(pair).to_contain_text("opposite stances")
    await expect(pair).to_contain_text("contradicting claims (opposite)")
    assert "people=person-abbas-kadhim%2Cperson-kirsten-fontenrose" in page.url
    await page.screenshot(path=SCREENSHOTS / "explorer-compare.png", full_page=True)

    # The same comparison from its link, in a fresh browser: its options, then its matrix.
    again = await open_page()
    await again.page.goto(page.url)
    await expect(again.page.get_by_role("table").locator("tbody tr")).to_have_count(16)
    await expect(
        again.page.get_by_role("checkbox", name=re.compile("^Kirsten Fontenrose"))
    ).to_be_checked()
    await expect(again.page.get_by_label("Topic")).to_have_value("topic-us-troop-presence")
    assert sorted(again.operations) == ["CompareOptions", "ComparePositions"]
    assert watched.errors == []
    assert again.errors == []


PAGES = {
    "search": ("/?q=deterrence", "SearchClaims"),
    "claim": (DETERRENCE, "SourceTexts"),
    "person": ("/person/person-abbas-kadhim", "PersonPositions"),
    "organization": ("/organization/org-jerusalem-post", "OrganizationPositions"),
    "compare": (
        "/compare?people=person-kirsten-fontenrose,person-abbas-kadhim&topic=topic-us-troop-presence",
        "ComparePositions",
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
async def test_each_page_makes_a_bounded_number_of_requests(open_page: OpenPage, name: str) -> None:
    path, last = PAGES[name]
    watched = await opened_at(open_page, path, last)
    assert len(watched.operations) == REQUESTS_PER_PAGE[name], watched.operations
    assert watched.errors == []
    report(f"requests.{name}", watched.operations)


@pytest.mark.parametrize("width", ["laptop", "phone"])
@pytest.mark.parametrize("name", sorted(PAGES))
async def test_no_serious_accessibility_violation_and_no_sideways_scroll(
    open_page: OpenPage, name: str, width: str
) -> None:
    path, last = PAGES[name]
    viewport = PHONE if width == "phone" else None
    options: dict[str, Any] = {"bypass_csp": True}  # to inject axe-core's script
    if viewport:
        options["viewport"] = viewport
    watched = await opened_at(open_page, path, last, **options)
    assert await serious_accessibility_violations(watched.page) == []
    assert not await overflows_horizontally(watched.page)


async def test_a_claim_page_is_shown_quickly(open_page: OpenPage) -> None:
    """Measured and reported (build/explorer-report.json), not asserted: timings vary."""
    timings = []
    for _ in range(3):
        watched = await open_page(init_script=PAINT_PROBE)
        await watched.page.goto("/claim/claim-efp-196-killed")
        await expect(watched.page.get_by_test_id("quote-in-source").locator("mark")).to_be_visible()
        timings.append(await watched.page.evaluate(PAINT_BREAKDOWN))
    assert all(t["provenanceIn"] <= t["claimText"] <= t["quote"] for t in timings)
    report("claim page, ms since the navigation started", timings)


async def test_unknown_claims_and_a_failing_api_are_said_so(open_page: OpenPage) -> None:
    watched = await open_page()
    await watched.page.goto("/claim/claim-no-such-thing")
    await expect(watched.page.get_by_role("alert")).to_have_text(
        "There is no claim with the id “claim-no-such-thing”."
    )
    failing = await open_page()
    await failing.page.route("**/graphql", lambda route: route.fulfill(status=503, body="down"))
    await failing.page.goto("/claim/claim-efp-196-killed")
    await expect(failing.page.get_by_role("alert")).to_contain_text("Could not load the claim")


ASTRAL_TEXT = (
    "Rockets 🚀🚀 struck the 𠮷 base at dawn 🌅. The spokesman said: "
    "“Three soldiers 🪖 were hurt, none badly.” Later 😀 calm returned."
)
ASTRAL_QUOTE = "“Three soldiers 🪖 were hurt, none badly.”"


async def test_the_mark_is_exact_after_characters_outside_the_bmp(
    open_page: OpenPage, writer: httpx.AsyncClient
) -> None:
    start = ASTRAL_TEXT.index(ASTRAL_QUOTE)  # code points, as the API counts
    assert len(ASTRAL_TEXT[:start].encode("utf-16-le")) // 2 > start  # so UTF-16 differs
    await _write(writer, ADD_SOURCE, {
        "id": "src-test-astral", "title": "Dawn attack", "kind": "ARTICLE",
        "published": {"date": "2024-02-01", "precision": "DAY"}, "text": ASTRAL_TEXT,
    })  # fmt: skip
    await _write(
        writer, ADD_CLAIM, {"id": "claim-test-astral", "text": "Three soldiers were hurt."}
    )
    await _write(writer, ADD_ASSERTION, {
        "id": "asrt-test-astral", "claimId": "claim-test-astral",
        "speakerId": "person-wayne-marotto", "sourceId": "src-test-astral",
        "stance": "SUPPORTS", "mode": "DIRECT_QUOTE",
        "quote": ASTRAL_QUOTE, "start": start, "end": start + len(ASTRAL_QUOTE),
    })  # fmt: skip
    watched = await open_page()
    await watched.page.goto("/claim/claim-test-astral")
    shown = watched.page.get_by_test_id("quote-in-source")
    await expect(shown.locator("mark")).to_have_text(ASTRAL_QUOTE)
    await expect(shown).to_have_text(ASTRAL_TEXT)
    source = watched.page.get_by_role("article", name=re.compile("Wayne Marotto")).locator("dd")
    await expect(source.nth(1)).to_have_text("unknown")  # publisher
    await expect(source.nth(2)).to_have_text("unknown")  # authors
    assert watched.errors == []


async def _write(writer: httpx.AsyncClient, document: str, value: dict[str, Any]) -> None:
    answer = await writer.post(
        "/graphql", json={"query": document, "variables": {"input": value}}, headers=AUTH
    )
    assert "errors" not in answer.json(), answer.json()
