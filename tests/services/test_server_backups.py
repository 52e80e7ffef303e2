"""A database on a team server is backed up by the server: the app's backups (copies of an
SQLite file, tests/services/test_backups.py) say so instead, and the changes that take one
first on a file go ahead without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.services import backups, importing, setup
from crmdesk.services.context import Context
from crmdesk.storage.backups import BackupError
from crmdesk.storage.engine import is_sqlite


def test_a_server_database_is_not_copied_by_the_app(db: Path | str, ctx: Context, tmp_path: Path) -> None:
    setup.ensure_defaults(ctx, "zh_CN")
    source = tmp_path / "new.csv"
    source.write_text("姓名,手机\n王小明,13912345678\n", encoding="utf-8")
    importing.import_customers(ctx, source)
    if is_sqlite():
        assert backups.database_path() == Path(db) and [b.reason for b in backups.list_backups()] == ["before-import"]
        return
    assert backups.database_path() is None
    assert backups.backup_before(ctx, "before-merge") is None
    with pytest.raises(BackupError, match="on a server"):
        backups.take_backup(ctx, "manual")
    assert not (tmp_path / "home").exists() or not list((tmp_path / "home").rglob("*.sqlite"))
