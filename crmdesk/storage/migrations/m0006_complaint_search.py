"""Migration 6: the complaint log's search index.

Complaint descriptions are Chinese free text, so, as for customers, a derived column holds
the text with every CJK character as a word of its own and an FTS5 index over it (live
complaints only, kept in step by triggers) finds any substring. The customer side of a
complaint search goes through the customers' own index.
"""

from __future__ import annotations

from peewee import Database, SqliteDatabase

from crmdesk.domain import search

BATCH = 20_000
FTS_SQL = [
    "CREATE VIEW complaint_live_search AS SELECT id, search_text FROM complaint WHERE deleted_at IS NULL",
    "CREATE VIRTUAL TABLE complaint_fts USING fts5(search_text, content='complaint_live_search', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2', prefix='1 2')",
]
_ADD = """
        INSERT INTO complaint_fts(rowid, search_text) SELECT new.id, new.search_text WHERE new.deleted_at IS NULL;"""
_REMOVE = """
        INSERT INTO complaint_fts(complaint_fts, rowid, search_text)
            SELECT 'delete', old.id, old.search_text WHERE old.deleted_at IS NULL;"""
TRIGGER_SQL = [
    f"CREATE TRIGGER complaint_search_ai AFTER INSERT ON complaint BEGIN {_ADD}\n    END",
    f"CREATE TRIGGER complaint_search_ad AFTER DELETE ON complaint BEGIN {_REMOVE}\n    END",
    f"CREATE TRIGGER complaint_search_au AFTER UPDATE OF search_text, deleted_at ON complaint BEGIN {_REMOVE}{_ADD}"
    "\n    END",
]


def up(db: Database) -> None:
    db.execute_sql("ALTER TABLE complaint ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    if not isinstance(db, SqliteDatabase):
        return  # other engines get their own index (see the team-server work)
    rows = db.execute_sql("SELECT id, description FROM complaint").fetchall()
    for start in range(0, len(rows), BATCH):
        db.cursor().executemany("UPDATE complaint SET search_text = ? WHERE id = ?",
                                [(search.search_text(text), cid) for cid, text in rows[start:start + BATCH]])
    for sql in FTS_SQL + TRIGGER_SQL:
        db.execute_sql(sql)
    db.execute_sql("INSERT INTO complaint_fts(complaint_fts) VALUES ('rebuild')")
