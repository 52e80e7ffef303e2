"""Search text and search queries for the customer archive.

Chinese has no spaces, and SQLite's ``unicode61`` tokenizer reads a run of CJK characters as
one word, so a substring such as 伟 in 张伟 would never match. The archive therefore indexes its
text with every CJK character as a word of its own ("张 伟"): a query of any length becomes a
phrase of adjacent characters, which finds any substring — one character included (the
trigram tokenizer finds nothing under three characters). Latin words, pinyin (full and
initials, surnames read as surnames) and e-mail parts are words matched by prefix. Phone
numbers are searched as digit strings by a trigram index, so any fragment of three or more
digits matches, however the number was typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from crmdesk.domain import pinyin

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PIECE = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+", re.UNICODE)
_DIGITS = re.compile(r"\d+")
MIN_PHONE_DIGITS = 3


def fold(text: str) -> str:
    """Full-width to half-width, compatibility forms unified, accents dropped, lower case.

    Dropping accents here (café → cafe) keeps the stored text and the index tokenizer in
    agreement, so a plain substring test on the text answers the same as the index.
    """
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFD", text)
        text = unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
    return text.lower()


@lru_cache(maxsize=100_000)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_PIECE.findall(fold(text)))


def words(text: str) -> list[str]:
    """Index words: each CJK character alone, other letters and digits as runs."""
    return list(_words(text))


def search_text(*parts: str) -> str:
    """The ``text`` column of the search index for the given fields."""
    return " ".join(w for part in parts if part for w in _words(part))


@lru_cache(maxsize=300_000)
def pinyin_text(name: str, company: str = "", person: bool = True) -> str:
    """The ``pinyin`` column: syllables, the joined full pinyin and the initials of the name
    (read as a person's when ``person``) and of the company."""
    out: list[str] = []
    for text, is_person in ((name, person), (company, False)):
        if not text:
            continue
        syl = pinyin.syllables(fold(text), is_person)
        if not syl:
            continue
        full, initials = "".join(syl), "".join(s[0] for s in syl)
        out.extend(syl)
        out.append(full)
        if len(syl) > 1:
            out.append(initials)
    return " ".join(dict.fromkeys(out))  # unique, in order


def phone_digits(*phones: str) -> str:
    """The ``digits`` column: each number's digits, and the national form of +86 numbers."""
    out: list[str] = []
    for phone in phones:
        digits = "".join(_DIGITS.findall(fold(phone or "")))
        if not digits:
            continue
        out.append(digits)
        if digits.startswith("86") and len(digits) == 13:
            out.append(digits[2:])
    return " ".join(dict.fromkeys(out))


def customer_text(name: str, company: str, email: str, city: str, tags: Iterable[str]) -> str:
    """The searchable text of a customer: what ``search_text`` holds."""
    return search_text(name, company, email, city, *tags)


def customer_columns(
    name: str, company: str, email: str, city: str, phone: str, phone_e164: str, tags: Iterable[str],
    person: bool = True,
) -> dict[str, str]:
    """The three derived columns the search index reads, for one customer."""
    return {
        "search_text": customer_text(name, company, email, city, tags),
        "search_pinyin": pinyin_text(name, company, person),
        "search_digits": phone_digits(phone, phone_e164),
    }


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


@dataclass(frozen=True)
class SearchQuery:
    """A parsed search box entry: an FTS5 expression for the text index and/or a digit string.

    ``terms`` are the same conditions spelled out: ("phrase", "张 伟") or ("prefix", "zw").
    """

    text_match: str | None = None
    digits: str | None = None
    terms: tuple[tuple[str, str], ...] = ()

    @property
    def empty(self) -> bool:
        return self.text_match is None and self.digits is None


def parse(entry: str) -> SearchQuery:
    """Turn what the user typed into index queries.

    Runs of CJK characters become phrases (substring match); other words match by prefix in
    the text or the pinyin; an entry of digits (spaces, dashes, brackets and + allowed) of at
    least three digits searches phone numbers.
    """
    folded = fold(entry).strip()
    if not folded:
        return SearchQuery()
    compact = re.sub(r"[\s\-()+]", "", folded)
    if compact.isdigit():
        if len(compact) >= MIN_PHONE_DIGITS:
            return SearchQuery(digits=compact)
        return _query([("prefix", compact)])
    terms: list[tuple[str, str]] = []
    for chunk in folded.split():
        terms.extend(_terms(words(chunk)))
    return _query(terms) if terms else SearchQuery()


def _query(terms: list[tuple[str, str]]) -> SearchQuery:
    fts = []
    for kind, text in terms:
        if kind == "phrase":
            fts.append("search_text : " + _quote(text))
        else:
            fts.append("{search_text search_pinyin} : " + _quote(text) + " *")
    return SearchQuery(text_match=" AND ".join(fts), terms=tuple(terms))


def _terms(pieces: Iterable[str]) -> list[tuple[str, str]]:
    terms: list[tuple[str, str]] = []
    run: list[str] = []
    for piece in pieces:
        if re.fullmatch(rf"[{_CJK}]", piece):
            run.append(piece)
            continue
        if run:
            terms.append(("phrase", " ".join(run)))
            run = []
        terms.append(("prefix", piece))
    if run:
        terms.append(("phrase", " ".join(run)))
    return terms


def text_only_terms(entry: str) -> list[tuple[str, str]]:
    """The terms of an entry searched in a single text column (complaints): CJK runs as
    phrases, other words by prefix."""
    terms = []
    for chunk in fold(entry).split():
        terms.extend(_terms(words(chunk)))
    return terms


def text_only_match(entry: str) -> str | None:
    """An FTS5 expression for an index with a single ``search_text`` column (complaints):
    CJK runs as phrases, other words by prefix; None when nothing is searchable."""
    terms = text_only_terms(entry)
    if not terms:
        return None
    return " AND ".join(_quote(text) + ("" if kind == "phrase" else " *") for kind, text in terms)
