"""File → Backups…, the status bar's last backup, automatic backups, Help → Check database…
and the start-up offer for a damaged file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from crmdesk.domain.changes import Changes
from crmdesk.domain.customer import CustomerInput
from crmdesk.services import backups, customers
from crmdesk.services.context import Context
from crmdesk.storage import backups as files
from crmdesk.storage.database import close_database
from crmdesk.ui import damaged
from crmdesk.ui.app import EXIT_AFTER_PAINT_ENV, _open_or_recover
from crmdesk.ui.backup_status import AutoBackup
from crmdesk.ui.backups_dialog import BackupListModel, BackupsDialog
from crmdesk.ui.settings import UiSettings
from crmdesk.ui.tasks import TaskRunner


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {"info": [], "warn": []}
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said["info"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said["warn"].append(a[2]))
    return said


def test_the_list_model_passes_the_model_tester(qtmodeltester, window, tmp_path: Path) -> None:
    model = BackupListModel()
    qtmodeltester.check(model)
    made = backups.take_backup(window.ctx, "before-import")
    model.set_rows([files.read_info(made.path)])
    qtmodeltester.check(model)
    assert model.index(0, BackupListModel.REASON).data() == "before an import"
    assert model.index(0, BackupListModel.VERIFIED).data() == "yes"
    assert model.index(0, BackupListModel.CUSTOMERS).data() == "0"


def test_menu_dialog_backup_now_and_restore(window, qtbot, quiet) -> None:
    assert window.backups_action.text() == "&Backups…"
    assert window.auto_backup.label.text() == "No backup yet"
    window.backups_action.trigger()
    dialog: BackupsDialog = window.backups_dialog
    assert dialog.model.rowCount() == 0 and not dialog.restore_button.isEnabled()
    customers.create_customer(window.ctx, CustomerInput(name="王芳", phone="138 1111 2222"))
    dialog.backup_button.click()
    assert dialog.model.rowCount() == 1 and dialog.restore_button.isEnabled()
    assert window.auto_backup.label.text().startswith("Last backup: today ")
    customers.create_customer(window.ctx, CustomerInput(name="李四", phone="138 3333 4444"))
    with qtbot.waitSignal(window.bus.changes_did_happen):
        dialog.on_restore(confirmed=True)
    assert "was restored" in quiet["info"][-1]
    from crmdesk.storage.models import Customer

    assert [c.name for c in Customer.select()] == ["王芳"]
    assert [dialog.model.info(r).reason for r in range(dialog.model.rowCount())] == ["before-restore", "manual"]
    dialog.on_second_folder(str(backups.database_path().parent / "no-stick"))
    assert "no-stick" in dialog.second.text()
    dialog.on_second_folder("")
    assert "No second folder" in dialog.second.text()
    dialog.close()


def test_automatic_backup_only_when_something_changed(window) -> None:
    auto: AutoBackup = window.auto_backup
    auto.runner = TaskRunner(synchronous=True)
    auto.on_timer()
    assert backups.last_backup() is None
    customers.create_customer(window.ctx, CustomerInput(name="赵六", phone="138 5555 6666"))
    window.bus.publish(Changes(everything=True))
    auto.on_timer()
    info = backups.last_backup()
    assert info is not None and info.reason == "auto" and info.customers == 1
    assert auto.label.text().startswith("Last backup: today")
    auto.on_timer()
    assert len(backups.list_backups()) == 1  # nothing changed since


def test_status_text_says_today_yesterday_or_the_date(window) -> None:
    auto = window.auto_backup
    now = window.ctx.now()
    assert auto.text(now).startswith("Last backup: today ")
    assert auto.text(now - 86_400_000).startswith("Last backup: yesterday ")
    assert auto.text(now - 10 * 86_400_000).count("-") == 2


def test_check_database_reports(window, quiet) -> None:
    window.database_check.action.trigger()
    assert "healthy" in quiet["info"][-1]
    from crmdesk.storage.models import database_proxy

    customers.create_customer(window.ctx, CustomerInput(name="钱七", phone="138 7777 8888"))
    database_proxy.obj.execute_sql("INSERT INTO customer_fts(customer_fts) VALUES ('delete-all')")
    window.database_check.on_check()
    assert "rebuilt" in quiet["info"][-1] and "Everything found was repaired" in quiet["info"][-1]


def _damaged_book(db_path: Path, with_backup: bool) -> None:
    from crmdesk.storage.database import open_database

    open_database(db_path)
    customers.create_customer(Context(), CustomerInput(name="孙八", phone="138 9999 0000"))
    if with_backup:
        backups.take_backup(Context(), "auto")
    close_database()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("choice", [damaged.RESTORE, damaged.EMPTY, damaged.QUIT])
def test_a_damaged_database_at_start_up(qapp, english, db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        choice: str) -> None:
    monkeypatch.setenv(EXIT_AFTER_PAINT_ENV, "1")  # no welcome for the empty start
    _damaged_book(db_path, with_backup=True)
    before = db_path.read_bytes()
    offered = []
    monkeypatch.setattr(damaged, "ask", lambda problem, backup: offered.append((problem, backup)) or choice)
    start, _language, window = _open_or_recover(str(db_path), UiSettings(), english, TaskRunner(synchronous=True))
    problem, backup = offered[0]
    assert "damaged" in problem and backup is not None and backup.customers == 1
    aside = list(db_path.parent.glob("test.sqlite.damaged-*"))
    if choice == damaged.QUIT:
        assert window is None and db_path.read_bytes() == before and not aside
        return
    try:
        assert len(aside) == 1 and aside[0].read_bytes() == before
        from crmdesk.storage.models import Customer

        assert Customer.select().count() == (1 if choice == damaged.RESTORE else 0)
    finally:
        window.close()
        close_database()


def test_no_backup_offers_an_empty_start(qapp, english, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EXIT_AFTER_PAINT_ENV, "1")  # no welcome for the empty start
    _damaged_book(db_path, with_backup=False)
    offered = []
    monkeypatch.setattr(damaged, "ask", lambda problem, backup: offered.append(backup) or damaged.EMPTY)
    _start, _language, window = _open_or_recover(str(db_path), UiSettings(), english, TaskRunner(synchronous=True))
    assert offered == [None] and window is not None
    window.close()
    close_database()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_garbage_in_the_apps_own_file_is_damage(qapp, english, crmdesk_home: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from crmdesk import paths

    monkeypatch.setenv(EXIT_AFTER_PAINT_ENV, "1")
    own = paths.default_db_path()
    own.write_bytes(b"\x89PNG not a database" * 100)
    offered = []
    monkeypatch.setattr(damaged, "ask", lambda problem, backup: offered.append(problem) or damaged.EMPTY)
    _start, _language, window = _open_or_recover(str(own), UiSettings(), english, TaskRunner(synchronous=True))
    assert "not an SQLite file" in offered[0] and window is not None
    assert list(own.parent.glob("crmdesk.sqlite.damaged-*"))
    window.close()
    close_database()
