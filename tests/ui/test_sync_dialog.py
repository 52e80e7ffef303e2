"""File → Sync… and File → Conflicts…: syncing with a second file on the worker, and the
conflict list (model checked by qtmodeltester) with Use other value and Dismiss."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from crmdesk.domain.customer import CustomerInput
from crmdesk.services import customers
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage.database import open_peer
from crmdesk.storage.models import database_proxy
from crmdesk.ui.sync_dialog import ConflictModel, ConflictsDialog


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"info": [], "warn": [], "ask": []}
    monkeypatch.setattr(QMessageBox, "information", lambda *a: out["info"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: out["warn"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: out["ask"].append(a[2]) or QMessageBox.StandardButton.No)
    return out


def _edit_elsewhere(peer_path: Path, uid: str, **values: object) -> None:
    """A change made on the other computer (its own database, its own clock)."""
    app_db = database_proxy.obj
    peer = open_peer(peer_path)
    database_proxy.initialize(peer)
    try:
        row = m.Customer.get(m.Customer.uid == uid)
        customers.update_customer(Context(), row.id, replace(customers.load_input(row.id), **values))
    finally:
        peer.close()
        database_proxy.initialize(app_db)


def _conflicted(window, tmp_path: Path, said) -> tuple[Path, str]:
    peer = tmp_path / "other-laptop.sqlite"
    cid, _ = customers.create_customer(window.ctx, CustomerInput(name="王五", city="广州"))
    uid = m.Customer.get_by_id(cid).uid
    window.sync.sync_with(str(peer))
    assert "received" in said["info"][-1]
    _edit_elsewhere(peer, uid, city="深圳")
    customers.update_customer(window.ctx, cid, replace(customers.load_input(cid), city="佛山"))
    window.sync.sync_with(str(peer))
    return peer, uid


def test_sync_menu_syncs_with_a_second_file_and_offers_the_conflicts(window, tmp_path: Path, said) -> None:
    assert window.sync.sync_action in window.file_menu.actions()
    assert window.sync.conflicts_action in window.file_menu.actions()
    _peer, uid = _conflicted(window, tmp_path, said)
    assert "conflict" in said["ask"][-1]
    assert m.Customer.get(m.Customer.uid == uid).city in ("深圳", "佛山")


def test_conflicts_dialog_lists_and_swaps(window, tmp_path: Path, said, qtbot, qtmodeltester) -> None:
    _peer, uid = _conflicted(window, tmp_path, said)
    dialog = ConflictsDialog(window.ctx, window.runner, window.bus, window)
    qtbot.addWidget(dialog)
    dialog.show()
    model: ConflictModel = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    kept, other = model.data(model.index(0, ConflictModel.KEPT)), model.data(model.index(0, ConflictModel.OTHER))
    assert {kept, other} == {"深圳", "佛山"}
    assert model.data(model.index(0, ConflictModel.FIELD)) == "City"
    assert "王五" in model.data(model.index(0, ConflictModel.RECORD))
    assert not dialog.use_other.isEnabled()
    dialog.table.selectionModel().select(model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                         | QItemSelectionModel.SelectionFlag.Rows)
    assert dialog.use_other.isEnabled()
    dialog.use_other.click()
    assert m.Customer.get(m.Customer.uid == uid).city == other
    assert model.data(model.index(0, ConflictModel.KEPT)) == other  # swapped: it can be swapped back
    qtmodeltester.check(model)
    dialog.table.selectionModel().select(model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                         | QItemSelectionModel.SelectionFlag.Rows)
    assert dialog.dismiss.isEnabled()
    dialog.dismiss.click()
    assert model.rowCount() == 0
    assert "No conflicts" in dialog.intro.text()


def test_a_file_that_is_not_a_sync_file_is_refused_in_a_sentence(window, tmp_path: Path, said) -> None:
    bad = tmp_path / "notes.sync"
    bad.write_text("hello")
    window.sync.import_from(str(bad))
    assert said["warn"] == [f"{bad} is not a crmdesk sync file."]


def test_sync_file_written_and_read_from_the_menu(window, tmp_path: Path, said) -> None:
    customers.create_customer(window.ctx, CustomerInput(name="赵六"))
    stick = tmp_path / "crmdesk.sync"
    window.sync.export_to(str(stick))
    assert stick.exists() and "written" in said["info"][-1]
