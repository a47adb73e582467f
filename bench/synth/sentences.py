"""Wording an assertion as a sentence of the document, and laying the text out.

Every quote is a slice of the text; its span is counted in characters
(Python string indices) as the text is assembled.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.synth import vocabulary as words
from bench.synth.mix import pick


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    quote_from: int  # where the quote starts within the sentence
    quote_length: int


def statement(body: str, stance: str, hedge: str, rng: random.Random) -> tuple[str, bool]:
    """The claim as the speaker puts it, and whether it opens with a lead-in (not a name)."""
    template = pick(words.STATEMENTS[(stance, hedge)], rng)
    return template.format(b=body), not template.startswith("{b}")


def _embedded(text: str, led_in: bool) -> str:
    return text[0].lower() + text[1:] if led_in else text


def sentence(mode: str, speaker: str, said: tuple[str, bool], rng: random.Random) -> Sentence:
    """``said`` is the statement and whether it opens with a lead-in."""
    text, led_in = said
    if mode == "AUTHORIAL":
        whole = f"{text}."
        return Sentence(whole, 0, len(whole))
    if mode == "DIRECT_QUOTE":
        verb = pick(words.SAID, rng)
        if rng.random() < 0.5:
            return Sentence(f"“{text},” {speaker} {verb}.", 1, len(text))
        opening = f"{speaker} {verb}: “"
        return Sentence(f"{opening}{text}.”", len(opening), len(text))
    inner = _embedded(text, led_in)
    if mode == "PARAPHRASE":
        whole = pick(words.PARAPHRASES, rng).format(s=speaker, b=inner)
    else:
        pattern = pick(words.REPORTED, rng)
        whole = pattern.format(s=speaker, S=speaker[0].upper() + speaker[1:], b=inner)
    return Sentence(whole, 0, len(whole))


@dataclass
class Layout:
    """The document text as it grows, with the offset of the next character."""

    parts: list[str] = field(default_factory=list)
    position: int = 0
    in_paragraph: int = 0

    def line(self, text: str) -> None:
        self._add(f"{text}\n")

    def sentence(self, text: str, rng: random.Random) -> int:
        """Add a sentence of the body; return where it starts."""
        if self.in_paragraph and rng.random() < 0.22:
            self._add("\n\n")
            self.in_paragraph = 0
        elif self.in_paragraph:
            self._add(" ")
        start = self.position
        self._add(text)
        self.in_paragraph += 1
        return start

    def footer(self, text: str) -> None:
        self._add(f"\n\n{text}\n")

    def text(self) -> str:
        return "".join(self.parts)

    def _add(self, text: str) -> None:
        self.parts.append(text)
        self.position += len(text)


def filler(rng: random.Random) -> str:
    return pick(words.FILLERS, rng).format(c=pick(words.CITIES, rng))
