"""The first start's welcome, and taking the demo data out again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox

from crmdesk.domain import currency
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from crmdesk.services import customers, first_run, setup
from crmdesk.services.context import Context
from crmdesk.services.demo import generator
from crmdesk.storage import models as m
from crmdesk.storage.database import close_database
from crmdesk.ui import app, i18n
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.settings import UiSettings
from crmdesk.ui.welcome import WelcomeDialog


def _start(dialog: WelcomeDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_answers_are_kept(qtbot, db: Path, english: str, ctx: Context) -> None:
    setup.ensure_defaults(ctx, "zh_CN")
    dialog = WelcomeDialog("en")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Welcome to crmdesk" and dialog.start_buttons["demo"].isChecked()
    dialog.name.setText("Lao Wang's Fruit Shop")
    dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))
    assert dialog.currency.currentText() == "$  US dollar (USD)"
    dialog.start_buttons["empty"].setChecked(True)
    _start(dialog)
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted and dialog.chosen_start() == "empty"
    assert setup.get_setting("business_name") == "Lao Wang's Fruit Shop" and currency.symbol() == "$"
    assert not first_run.needs_welcome()
    assert m.PipelineStage.get(m.PipelineStage.position == 0).name == "Lead"  # the defaults follow the language


def test_it_speaks_the_language_chosen_in_it(qtbot, qapp, db: Path, english: str) -> None:
    dialog = WelcomeDialog("en")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Welcome to crmdesk"
    try:
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        assert dialog.windowTitle() == "欢迎使用 crmdesk" and dialog.chosen_language() == "zh_CN"
        assert dialog.currency.currentText() == "¥  人民币 (CNY)"
        assert dialog.start_buttons["empty"].text() == "从空白客户档案开始"
    finally:
        i18n.install(qapp, "en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_a_refused_answer_is_shown_and_the_dialog_stays(qtbot, db: Path, english: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The business name can be at most {max} characters long."),
                              max=100)

    monkeypatch.setattr(first_run, "welcome", refuse)
    dialog = WelcomeDialog("en")
    qtbot.addWidget(dialog)
    dialog.show()
    _start(dialog)
    assert dialog.isVisible() and not dialog.problem.isHidden()
    assert "at most 100 characters" in dialog.problem.text()


def test_only_a_new_book_is_welcomed(qtbot, db_path: Path, english: str, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[WelcomeDialog] = []

    def answer(dialog: WelcomeDialog) -> int:
        shown.append(dialog)
        dialog.name.setText("小店")
        return WelcomeDialog.DialogCode.Accepted if dialog.save(Context()) else 0

    monkeypatch.setattr(WelcomeDialog, "exec", answer)
    settings = UiSettings()
    assert app.welcome_if_new(str(db_path), settings, "en") == ("demo", "en")
    assert len(shown) == 1 and setup.get_setting("business_name") == "小店"
    assert app.welcome_if_new(str(db_path), settings, "en") == (None, "en")  # welcomed once
    assert len(shown) == 1
    close_database()


def test_demo_data_is_removed_from_the_file_menu(window: MainWindow) -> None:
    removal = window.demo_removal
    assert not removal.action.isVisible()
    mine, _ = customers.create_customer(window.ctx, CustomerInput(name="自己的客户"))
    summary = generator.generate(window.ctx, 25, seed=3)
    window.bus.publish(summary.changes)
    assert removal.action.isVisible() and removal.action in window.file_menu.actions()
    assert removal.action.text() == "&Remove demo data…"
    removal.on_remove(confirmed=True)
    assert [c.id for c in m.Customer.select()] == [mine]
    assert not removal.action.isVisible()
    assert window.statusBar().currentMessage() == "The demo data was removed."


def test_name_and_currency_can_be_changed_later(window: MainWindow) -> None:
    from crmdesk.ui import labels

    setup.set_setting(window.ctx, "business_name", "老王水果店")
    window.business_action.trigger()
    dialog = window.last_dialog
    assert dialog.windowTitle() == "Business name and currency" and dialog.name.text() == "老王水果店"
    assert dialog.language.isHidden() and dialog.start_buttons["demo"].isHidden()
    dialog.currency.setCurrentIndex(dialog.currency.findData("GBP"))
    received: list[object] = []
    window.bus.changes_did_happen.connect(received.append)
    _start(dialog)
    assert not dialog.isVisible() and currency.symbol() == "£" and labels.money(250) == "£2.50"
    assert received and received[-1].everything  # every amount on screen is written anew
