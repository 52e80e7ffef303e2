"""Starting the app as a user does: the whole start-up path, and a bad database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from crmdesk import paths
from crmdesk.cli import main
from crmdesk.ui import app as app_module
from crmdesk.ui.single_instance import SingleInstance


def test_start_shows_the_archive_and_quits_after_first_paint(tmp_path: Path) -> None:
    """The real start-up, in its own process as a user starts it."""
    db = tmp_path / "shop.sqlite"
    assert main(["--db", str(db), "demo", "--customers", "50"]) == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{app_module.EXIT_AFTER_PAINT_ENV: "1"})
    done = subprocess.run([sys.executable, "-m", "crmdesk", "--db", str(db)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "first paint: 50 customers" in done.stdout


def test_bad_database_gets_a_dialog_and_exit_code(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    assert app_module.run(str(bad)) == 1
    assert messages and "not an SQLite file" in messages[0]
    assert bad.read_text() == "not a database"


def test_second_launch_hands_over_to_the_first(qapp, qtbot, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "shop.sqlite")
    owner = SingleInstance(db, paths.data_dir() / "locks")
    assert owner.acquire()
    qtbot.waitUntil(lambda: owner.listening)
    with qtbot.waitSignal(owner.activation_requested, timeout=3000):
        assert app_module.run(db) == 0
    assert "already open" in capsys.readouterr().out
    owner.release()


def test_an_older_database_is_upgraded_behind_a_progress_window(qapp, tmp_path: Path, monkeypatch) -> None:
    from crmdesk.storage import migrations, schema
    from crmdesk.storage.database import close_database, open_database, pending_upgrade
    from crmdesk.ui.upgrade import upgrade_with_progress

    path = tmp_path / "old.sqlite"
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "HEAD", migrations.HEAD - 1)
        open_database(path)
        close_database()
    assert pending_upgrade(str(path))
    shown = []
    monkeypatch.setattr("crmdesk.ui.upgrade.QProgressDialog.show", lambda self: shown.append(self.labelText()))
    upgrade_with_progress(str(path))
    assert shown and "backups" in shown[0]
    assert not pending_upgrade(str(path))
    assert schema.current_version(open_database(path)) == migrations.HEAD
    close_database()
    assert not pending_upgrade(str(tmp_path / "new.sqlite")) and not pending_upgrade("postgresql://x/y")


def test_a_failed_upgrade_is_reported_not_swallowed(qapp, tmp_path: Path, monkeypatch) -> None:
    from crmdesk.domain.errors import CrmError
    from crmdesk.ui.upgrade import upgrade_with_progress

    monkeypatch.setattr("crmdesk.ui.upgrade.QProgressDialog.show", lambda self: None)
    with pytest.raises(CrmError):
        upgrade_with_progress(str(tmp_path / "missing-folder" / "x.sqlite"))
