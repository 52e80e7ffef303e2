"""Row numbers of the customer search indexes: name order in the high bits, the id below.

Migration 5 explains the layout; this module is its runtime side (the SQL that computes a key
lives in the migration, frozen, and a test checks both agree).
"""

from __future__ import annotations

KEY_CHARS = 7
BASE = 28
ID_BITS = 29
ID_MASK = (1 << ID_BITS) - 1


def name_key(name_pinyin: str, customer_id: int) -> int:
    """The index row number of a customer."""
    prefix = 0
    stopped = False
    for i in range(KEY_CHARS):
        klass = 0
        if not stopped and i < len(name_pinyin):
            code = ord(name_pinyin[i])
            klass = code - 96 if 97 <= code <= 122 else (27 if code > 122 else 0)
            stopped = not 97 <= code <= 122
        elif not stopped:
            stopped = True
        prefix = prefix * BASE + klass
    return (prefix << ID_BITS) | customer_id


def prefix_of(key: int) -> int:
    """The name part of a key: keys with different prefixes are in name order."""
    return key >> ID_BITS


def prefix_range(first: int, last: int) -> tuple[int, int]:
    """The smallest and largest keys whose prefixes lie between those of two keys."""
    return prefix_of(first) << ID_BITS, ((prefix_of(last) + 1) << ID_BITS) - 1
