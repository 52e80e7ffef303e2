"""The search box's SQL on either engine: which live customers (or complaints) an entry finds.

SQLite asks its FTS5 indexes (migrations 2, 5 and 6) with the ``MATCH`` expressions of
:mod:`crmdesk.domain.search`. PostgreSQL has no FTS5, so the same terms become ``LIKE``
patterns over the same derived columns, read through the trigram (pg_trgm) GIN indexes of
migration 13. The columns hold space-separated words (every CJK character a word of its own),
so the patterns answer exactly as the FTS5 queries do:

- a phrase of characters (``张 伟``) is those words side by side in the text;
- a prefix (``zw``) is the start of a word of the text or of the pinyin;
- a digit string is any run of the phone digits (the trigram index's substring match).

The customer column ``' ' || search_text || ' | ' || search_pinyin || ' '`` keeps the text
before the one ``|`` (no word holds one), so a phrase is looked for in the text alone.
"""

from __future__ import annotations

from crmdesk.domain import search
from crmdesk.storage.engine import like_escape
from crmdesk.storage.name_key import ID_MASK

# The indexed expressions of migration 13 (a query must spell them exactly so to use the index).
CUSTOMER_WORDS = "(' ' || search_text || ' | ' || search_pinyin || ' ')"
COMPLAINT_WORDS = "(' ' || search_text || ' ')"


def _patterns(terms: tuple[tuple[str, str], ...] | list[tuple[str, str]], text_then_more: bool) -> list[str]:
    out = []
    for kind, text in terms:
        if kind == "phrase":
            out.append(f"% {like_escape(text)} %" + ("|%" if text_then_more else ""))
        else:
            out.append(f"% {like_escape(text)}%")
    return out


def _likes(column: str, patterns: list[str]) -> str:
    return " AND ".join(f"{column} LIKE ? ESCAPE '\\'" for _ in patterns)


def customer_ids(entry: str, sqlite: bool) -> tuple[str, list[str]] | None:
    """A subquery (SQL with ``?`` placeholders, params) of the ids of the live customers a search
    box entry finds, or None when the entry has nothing to search for."""
    query = search.parse(entry)
    if sqlite:
        found = fts_index(query)
        if found is None:
            return None
        table, match = found
        return f"SELECT rowid & {ID_MASK} FROM {table} WHERE {table} MATCH ?", [match]
    found = customer_condition(query)
    if found is None:
        return None
    condition, params = found
    return f"SELECT id FROM customer WHERE deleted_at IS NULL AND {condition}", params


def fts_index(query: search.SearchQuery) -> tuple[str, str] | None:
    """The FTS5 index (SQLite) a parsed entry queries, and its MATCH argument."""
    if query.digits is not None:
        return "customer_phone_fts", '"' + query.digits + '"'
    if query.text_match is not None:
        return "customer_fts", query.text_match
    return None


def customer_condition(query: search.SearchQuery) -> tuple[str, list[str]] | None:
    """The PostgreSQL condition on a live ``customer`` row for a parsed entry (``?`` placeholders)."""
    if query.digits is not None:
        return "search_digits LIKE ? ESCAPE '\\'", [f"%{like_escape(query.digits)}%"]
    if query.text_match is None:
        return None
    patterns = _patterns(query.terms, text_then_more=True)
    return _likes(CUSTOMER_WORDS, patterns), patterns


def exact_name_condition(words: list[str]) -> tuple[str, list[str]]:
    """The PostgreSQL condition on a live customer whose text holds these words side by side
    (the exact-name look-up of the duplicate warning)."""
    patterns = _patterns([("phrase", " ".join(words))], text_then_more=True)
    return _likes(CUSTOMER_WORDS, patterns), patterns


def complaint_ids(entry: str, sqlite: bool) -> tuple[str, list[str]] | None:
    """A subquery of the ids of the live complaints whose description matches ``entry``."""
    if sqlite:
        described = search.text_only_match(entry)
        if described is None:
            return None
        return "SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH ?", [described]
    terms = search.text_only_terms(entry)
    if not terms:
        return None
    patterns = _patterns(terms, text_then_more=False)
    return f"SELECT id FROM complaint WHERE deleted_at IS NULL AND {_likes(COMPLAINT_WORDS, patterns)}", patterns
