"""The first start: a short welcome (business name, language, currency, how to begin), and
File → Remove demo data for when the demo has served its purpose.

The welcome speaks the language chosen in it at once; the main window is then built in that
language. It only appears on a book that has never had a customer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain import currency
from crmdesk.domain.changes import Changes
from crmdesk.services import first_run, setup
from crmdesk.services.context import Context
from crmdesk.ui import i18n, labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.export_task import run_with_progress
from crmdesk.ui.tasks import TaskRunner

STARTS = ("empty", "import", "demo")
DEMO_CUSTOMERS = 2_000


class WelcomeDialog(QDialog):
    """Asks the first questions; :meth:`save` keeps the answers."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="welcomeDialog")
        self.intro = QLabel(self, wordWrap=True)
        self.name = QLineEdit(self, objectName="businessName", maxLength=first_run.MAX_NAME)
        self.language = QComboBox(self, objectName="language")
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.currency = QComboBox(self, objectName="currency")
        for code in currency.CURRENCIES:
            self.currency.addItem("", code)
        self.starts = QButtonGroup(self)
        self.start_buttons = {key: QRadioButton(self, objectName=f"start_{key}") for key in STARTS}
        for i, key in enumerate(STARTS):
            self.starts.addButton(self.start_buttons[key], i)
        self.start_buttons["demo"].setChecked(True)
        self.problem = QLabel(self, objectName="problem", wordWrap=True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)

        self.form = QFormLayout()
        self.field_labels = [QLabel(self) for _ in range(3)]
        for label, field in zip(self.field_labels, (self.name, self.language, self.currency), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        self.start_title = QLabel(self)
        layout.addWidget(self.start_title)
        for key in STARTS:
            layout.addWidget(self.start_buttons[key])
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.retranslate()

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def chosen_start(self) -> str:
        return STARTS[self.starts.checkedId()]

    def _language_chosen(self) -> None:
        i18n.install(QApplication.instance(), self.chosen_language())  # the dialog speaks it at once
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to crmdesk"))
        self.intro.setText(self.tr("A few questions to set up your customer book. You can change the answers "
                                   "later in the settings."))
        for label, text in zip(self.field_labels, (self.tr("&Business name:"), self.tr("&Language:"),
                                                   self.tr("&Currency:")), strict=True):
            label.setText(text)
        self.name.setPlaceholderText(self.tr("e.g. Lao Wang's Fruit Shop"))
        for i in range(self.currency.count()):
            code = self.currency.itemData(i)
            sign, name = currency.CURRENCIES[code]
            self.currency.setItemText(i, f"{sign}  {QCoreApplication.translate('currency', name)} ({code})")
        self.start_title.setText(self.tr("How would you like to begin?"))
        self.start_buttons["empty"].setText(self.tr("With an empty book"))
        self.start_buttons["import"].setText(self.tr("By importing customers from a spreadsheet (.xlsx or .csv)"))
        self.start_buttons["demo"].setText(self.tr("By exploring %n demo customer(s) (File → Remove demo data takes "
                                                   "them out again)", "", DEMO_CUSTOMERS))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start"))

    def save(self, ctx: Context) -> bool:
        """Keep the answers; on a bad one, say what is wrong and stay open (False)."""
        try:
            first_run.welcome(ctx, self.name.text(), self.chosen_language(), str(self.currency.currentData()))
        except Exception as exc:  # a ValidationError: shown in words, nothing stored
            self.problem.setText(labels.error_text(exc))
            self.problem.show()
            return False
        return True

    def accept(self) -> None:
        if self.save(Context()):
            super().accept()


class BusinessDialog(WelcomeDialog):
    """Settings → Business name and currency: the welcome's first questions, asked again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("businessDialog")
        self.name.setText(setup.get_setting("business_name", "") or "")
        self.currency.setCurrentIndex(max(self.currency.findData(currency.current()), 0))
        for widget in (self.field_labels[1], self.language, self.start_title, *self.start_buttons.values()):
            widget.hide()
        self.changes: Changes | None = None

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Business name and currency"))
        self.intro.setText(self.tr("The name heads every report. Amounts are not converted when the currency "
                                   "changes: they are written with the new symbol."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Save"))

    def save(self, ctx: Context) -> bool:
        try:
            self.changes = first_run.set_business(ctx, self.name.text(), str(self.currency.currentData()))
        except Exception as exc:  # a ValidationError: shown in words, nothing stored
            self.problem.setText(labels.error_text(exc))
            self.problem.show()
            return False
        return True


class DemoRemoval(QObject):
    """File → Remove demo data…: shown while demo data is in the book."""

    def __init__(self, ctx: Context, runner: TaskRunner, bus: ChangeBus, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.bus, self.window = ctx, runner, bus, parent
        self.action = QAction(self, objectName="removeDemoAction", triggered=self.on_remove)
        bus.changes_did_happen.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self.action.setVisible(first_run.has_demo())

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Remove demo data…"))

    def on_remove(self, confirmed: bool = False) -> None:
        if not confirmed:
            answer = QMessageBox.question(
                self.window, self.tr("Remove demo data"),
                self.tr("Erase every demo customer, with their orders, deals, care tasks and complaints? Customers "
                        "you added yourself stay. This cannot be undone."))
            if answer != QMessageBox.StandardButton.Yes:
                return

        def done(changes: object) -> None:
            self.bus.publish(changes)  # type: ignore[arg-type]
            self.window.statusBar().showMessage(self.tr("The demo data was removed."), 10_000)

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self.window, self.tr("Remove demo data"), labels.error_text(exc))

        run_with_progress(self.window, self.runner, self.tr("Removing demo data…"), 0,
                          lambda p: first_run.remove_demo(self.ctx, p), done, failed)
