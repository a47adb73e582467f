"""Each assertion's quote as a W3C Web Annotation, so annotation tools can anchor it.

The target is the source (its URL when it has one) with two selectors:

- ``TextQuoteSelector``: the exact words, with up to 32 characters of text before
  (``prefix``) and after (``suffix``) them;
- ``TextPositionSelector``: ``start`` and ``end`` in Unicode code points, the unit
  the model counts in (``ct:unit``). Browsers and Neo4j count UTF-16 code units,
  which differ after any character outside the Basic Multilingual Plane, so the
  same span in UTF-16 units is given too (``ct:utf16Start``, ``ct:utf16End``).

The target carries the SHA-256 of the text the offsets count in (``ct:textSha256``):
a tool holding a text with that hash can use the positions as they are; with
another text it re-anchors by the quote, and where the quote is not found it is
missing. Where the source has a URL, ``ct:textFragmentLink`` opens the page at the
quote (``#:~:text=``). An unverified quote (no held text) has only its exact words.
"""

from __future__ import annotations

from typing import Any, Final
from urllib.parse import quote

from claimtrace.core.interchange import names
from claimtrace.core.store.records import AssertionRecord, ClaimRecord, ProvenanceRecord

ANNOTATION_CONTEXT: Final = "http://www.w3.org/ns/anno.jsonld"
PROFILE: Final = ANNOTATION_CONTEXT  # the media type's profile parameter
CONTEXT: Final = [
    ANNOTATION_CONTEXT,
    {
        "ct": names.VOCABULARY,
        "ct:claim": {"@type": "@id"},
        "ct:speaker": {"@type": "@id"},
        "ct:source": {"@type": "@id"},
        "ct:textFragmentLink": {"@type": "@id"},
    },
]
CONTEXT_CHARACTERS = 32  # of prefix and suffix, as annotation tools commonly keep
FRAGMENT_WHOLE_QUOTE = 80  # longer quotes are linked by their first and last words
FRAGMENT_WORDS = 4


def annotation_collection(
    provenance: ProvenanceRecord, texts: dict[str, str], collection_id: str
) -> dict[str, Any]:
    """The annotations of a claim's assertions; ``texts`` holds the sources' texts by id."""
    items = [
        annotation(provenance.claim, assertion, texts.get(assertion.source.id))
        for assertion in provenance.assertions
    ]
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": provenance.claim.text,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def annotation(claim: ClaimRecord, assertion: AssertionRecord, text: str | None) -> dict[str, Any]:
    """One assertion as an annotation (without its ``@context``)."""
    result: dict[str, Any] = {
        "id": names.ASSERTION + assertion.id,
        "type": "Annotation",
        "motivation": "describing",
        "body": [
            {"type": "TextualBody", "purpose": "describing", "value": claim.text},
            {"type": "TextualBody", "purpose": "tagging", "value": assertion.stance.value},
        ],
        "target": _target(assertion, text),
        "ct:claim": names.CLAIM + claim.id,
        "ct:speaker": names.agent_iri(assertion.speaker),
        "ct:speakerName": assertion.speaker.name,
        "ct:stance": assertion.stance.value,
        "ct:mode": assertion.mode.value,
        "ct:quoteVerified": assertion.quote_verified,
    }
    if assertion.recorded_at is not None:
        result["created"] = assertion.recorded_at.isoformat()
    return result


def _target(assertion: AssertionRecord, text: str | None) -> dict[str, Any]:
    source = assertion.source
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": source.url or names.SOURCE + source.id,
        "ct:source": names.SOURCE + source.id,
    }
    start, end = assertion.start, assertion.end
    if text is None or start is None or end is None:
        target["selector"] = {"type": "TextQuoteSelector", "exact": assertion.quote}
        return target
    target["selector"] = [quote_selector(text, start, end), position_selector(text, start, end)]
    if source.sha256 is not None:
        target["ct:textSha256"] = source.sha256
    if source.url is not None:
        target["ct:textFragmentLink"] = source.url + text_fragment(text, start, end)
    return target


def quote_selector(text: str, start: int, end: int) -> dict[str, Any]:
    return {
        "type": "TextQuoteSelector",
        "exact": text[start:end],
        "prefix": text[max(0, start - CONTEXT_CHARACTERS) : start],
        "suffix": text[end : end + CONTEXT_CHARACTERS],
    }


def position_selector(text: str, start: int, end: int) -> dict[str, Any]:
    return {
        "type": "TextPositionSelector",
        "start": start,
        "end": end,
        "ct:unit": "unicode-code-point",
        "ct:utf16Start": utf16_offset(text, start),
        "ct:utf16End": utf16_offset(text, end),
    }


def utf16_offset(text: str, offset: int) -> int:
    """A code point offset as UTF-16 code units (characters beyond U+FFFF count two)."""
    return len(text[:offset].encode("utf-16-le")) // 2


def text_fragment(text: str, start: int, end: int) -> str:
    """``#:~:text=`` for the quote: whole when short, else its first and last words; with
    the words around it when the same words occur elsewhere in the text."""
    exact = " ".join(text[start:end].split())
    words = exact.split(" ")
    if len(exact) <= FRAGMENT_WHOLE_QUOTE or len(words) <= 2 * FRAGMENT_WORDS:
        parts = [_fragment_part(exact)]
    else:
        first, last = words[:FRAGMENT_WORDS], words[-FRAGMENT_WORDS:]
        parts = [_fragment_part(" ".join(first)), _fragment_part(" ".join(last))]
    if text.count(text[start:end]) > 1:
        before = text[:start].split()[-FRAGMENT_WORDS:]
        after = text[end:].split()[:FRAGMENT_WORDS]
        if before:
            parts.insert(0, _fragment_part(" ".join(before)) + "-")
        if after:
            parts.append("-" + _fragment_part(" ".join(after)))
    return "#:~:text=" + ",".join(parts)


def _fragment_part(words: str) -> str:
    """Percent-encoded, with the fragment's own delimiters (- , &) encoded too."""
    return quote(words, safe="").replace("-", "%2D")
