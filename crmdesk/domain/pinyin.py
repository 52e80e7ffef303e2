"""Pinyin of a name, for searching Chinese names with Latin letters.

pypinyin reads every character with its most common reading, which is wrong for several
surnames (曾 is zeng, not ceng, as a surname). Surnames are therefore read from a table first,
compound surnames (欧阳, 司马 …) included, and the rest of the name is read normally.
"""

from __future__ import annotations

from functools import lru_cache

# Surname readings that differ from the character's most common reading.
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "查": "zha",
    "仇": "qiu",
    "区": "ou",
    "朴": "piao",
    "尉迟": "yu chi",
    "万俟": "mo qi",
    "盖": "ge",
    "缪": "miao",
    "乐": "yue",
    "覃": "qin",
    "召": "shao",
    "长孙": "zhang sun",
    "秘": "bi",
    "繁": "po",
    "员": "yun",
    "翟": "zhai",
    "种": "chong",
    "谌": "chen",
    "冼": "xian",
}

COMPOUND_SURNAMES = frozenset(
    {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐",
     "夏侯", "宇文", "司徒", "端木", "万俟", "独孤", "南宫", "西门", "轩辕"}
)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=20000)
def _char_reading(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")[0] if _is_cjk(ch) else ch


@lru_cache(maxsize=200_000)
def _run_reading(run: str) -> tuple[str, ...]:
    """Readings of a run of CJK characters in context: pypinyin's phrase dictionary reads
    长青 as chang qing (长 alone would be zhang)."""
    if len(run) == 1:
        return (_char_reading(run),)
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(run, style=Style.NORMAL, errors="ignore"))


def _split_surname(name: str) -> tuple[str, str]:
    if name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def syllables(name: str, person: bool = True) -> list[str]:
    """See :func:`_syllables` (cached: names repeat a lot — 张伟 alone is thousands of people)."""
    return list(_syllables(name, person))


@lru_cache(maxsize=300_000)
def _syllables(name: str, person: bool) -> tuple[str, ...]:
    """The pinyin syllables of a name: a person's surname read as a surname, the rest (and a
    company's whole name) read in context.

    Latin letters and digits are kept as lower-case words; other characters are dropped.
    """
    name = name.strip()
    if not name or not _is_cjk(name[0]):
        return tuple(w for w in "".join(c if c.isalnum() else " " for c in name.lower()).split())
    out: list[str] = []
    if person:
        surname, rest = _split_surname(name)
        if surname in SURNAME_READINGS:
            out.extend(SURNAME_READINGS[surname].split())
        else:
            out.extend(_char_reading(c) for c in surname)
    else:
        rest = name
    word, run = "", ""
    for ch in rest + " ":
        if _is_cjk(ch):
            if word:
                out.append(word)
                word = ""
            run += ch
            continue
        if run:
            out.extend(r for r in _run_reading(run) if r)
            run = ""
        if ch.isalnum():
            word += ch.lower()
        elif word:
            out.append(word)
            word = ""
    return tuple(out)


def full_and_initials(name: str, person: bool = True) -> tuple[str, str]:
    """``("zhangwei", "zw")`` for 张伟; Latin names give their lower-cased words and initials."""
    parts = syllables(name, person)
    return "".join(parts), "".join(p[0] for p in parts if p)
