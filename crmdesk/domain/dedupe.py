"""When two customer records are probably the same customer, and how sure we are.

Chinese data defeats naive comparison: two-character names are shared by thousands of people,
one phone is typed four ways, and a company appears as 星辰贸易有限公司 and 星辰贸易公司. So
phones are compared in E.164, e-mails lower-cased, names folded (full-width, spaces, case)
with company suffixes removed, and a shared name alone counts for little.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.domain.search import fold

COMPANY_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "分公司", "公司", "商行", "工作室", "门店",
    "co.,ltd.", "co., ltd.", "co.ltd", "co ltd", "ltd.", "ltd", "inc.", "inc", "llc", "corp.", "corp", "company",
)
_SPACE = re.compile(r"[\s·.,，。()（）\-_/]+")
_SUFFIX_KEYS = sorted({_SPACE.sub("", s) for s in COMPANY_SUFFIXES}, key=len, reverse=True)

# Points for each kind of evidence; a pair is shown from SHOW_FROM on.
PHONE_POINTS = 60
EMAIL_POINTS = 50
NAME_POINTS = 25
SIMILAR_NAME_POINTS = 15
CITY_POINTS = 10
SHOW_FROM = 45
MAX_SCORE = 100


def name_key(name: str, company: bool = False) -> str:
    """A name folded for comparison; companies lose their legal-form suffix."""
    text = _SPACE.sub("", fold(name))
    if company:
        changed = True
        while changed:  # 上海星辰贸易股份有限公司分公司 → 上海星辰贸易
            changed = False
            for key in _SUFFIX_KEYS:  # longest first, so 有限公司 goes whole, not as 公司
                if text == key:
                    break  # the whole name is a legal form: keep it
                if text.endswith(key) and len(text) - len(key) >= 2:
                    text, changed = text[: -len(key)], True
                    break
    return text


@dataclass(frozen=True)
class Person:
    """What dedupe looks at in a customer record."""

    id: int
    name: str
    kind: str
    phone_e164: str
    email: str
    city: str


@dataclass(frozen=True)
class Evidence:
    template: str  # translatable in context "dedupe"
    points: int


def compare(a: Person, b: Person) -> tuple[int, list[Evidence]]:
    """A score from 0 to 100 that ``a`` and ``b`` are one customer, with the reasons."""
    found: list[Evidence] = []
    if a.phone_e164 and a.phone_e164 == b.phone_e164:
        found.append(Evidence(QT_TRANSLATE_NOOP("dedupe", "same phone number"), PHONE_POINTS))
    if a.email and a.email.lower() == b.email.lower():
        found.append(Evidence(QT_TRANSLATE_NOOP("dedupe", "same e-mail"), EMAIL_POINTS))
    company = a.kind == "company" or b.kind == "company"
    key_a, key_b = name_key(a.name, company), name_key(b.name, company)
    if key_a and key_a == key_b:
        found.append(Evidence(QT_TRANSLATE_NOOP("dedupe", "same name"), NAME_POINTS + (15 if company else 0)))
    elif key_a and key_b and min(len(key_a), len(key_b)) >= 4:
        from rapidfuzz.distance import Levenshtein

        if Levenshtein.distance(key_a, key_b) <= 1:
            found.append(Evidence(QT_TRANSLATE_NOOP("dedupe", "nearly the same name"), SIMILAR_NAME_POINTS))
    if found and a.city and a.city == b.city:
        found.append(Evidence(QT_TRANSLATE_NOOP("dedupe", "same city"), CITY_POINTS))
    return min(MAX_SCORE, sum(e.points for e in found)), found
