"""The customer form: every field, checked as the user types, saved in one operation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain import phones
from crmdesk.domain.changes import Changes
from crmdesk.domain.customer import EMAIL_RE, ContactInput, CustomerInput, check_birthday
from crmdesk.domain.enums import BirthdayCalendar, Category, CustomerKind, LifecycleStage, Tier
from crmdesk.domain.errors import CrmError, ValidationError
from crmdesk.domain.importing import split_tags
from crmdesk.ui import labels

INVALID_STYLE = "border: 1px solid #d1242f; background: #fff0f0;"


def _combo(parent: QWidget, items: list[tuple[object, str]], name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for value, text in items:
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


class CustomerDialog(QDialog):
    """Edit one customer (``data`` from the service) or create one (``data`` None).

    ``save`` is called with the input when the user presses Save; it runs the service call
    (usually off the GUI thread) and calls back :meth:`saved` or :meth:`failed`.
    """

    def __init__(
        self,
        data: CustomerInput | None,
        users: list[tuple[int, str]],
        tags: list[str],
        save: Callable[[CustomerInput], None],
        parent: QWidget | None = None,
        look_alikes: Callable[[CustomerInput, str], list] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self._save = save
        self._look_alikes = look_alikes  # (input, e164 phone) -> existing customers like it
        self._pending_look: tuple[CustomerInput, str] | None = None
        self._look_timer = QTimer(self)
        self._look_timer.setSingleShot(True)
        self._look_timer.setInterval(250)
        self._look_timer.timeout.connect(self.check_look_alikes)
        self._errors: dict[str, str] = {}
        self.setWindowTitle(self.tr("Edit customer") if data else self.tr("New customer"))
        data = data or CustomerInput(name="")

        self.name = QLineEdit(data.name, self, objectName="customerName")
        self.kind = _combo(self, [(CustomerKind.PERSON.value, labels.label("person")),
                                  (CustomerKind.COMPANY.value, labels.label("company"))], "customerKind")
        _select(self.kind, data.kind)
        self.company = QLineEdit(data.company, self, objectName="customerCompany")
        self.title_edit = QLineEdit(data.title, self, objectName="customerTitle")
        self.phone = QLineEdit(data.phone, self, objectName="customerPhone")
        self.email = QLineEdit(data.email, self, objectName="customerEmail")
        self.city = QLineEdit(data.city, self, objectName="customerCity")
        self.address = QLineEdit(data.address, self, objectName="customerAddress")
        self.source = QLineEdit(data.source, self, objectName="customerSource")
        self.category = _combo(self, [(v, labels.label(v)) for v in Category.values()], "customerCategory")
        _select(self.category, data.category)
        self.tier = _combo(self, [(v, labels.label(v)) for v in Tier.values()], "customerTier")
        _select(self.tier, data.tier)
        self.stage = _combo(self, [(v, labels.label(v)) for v in LifecycleStage.values()], "customerStage")
        _select(self.stage, data.stage)
        self.owner = _combo(self, [(None, self.tr("Nobody")), *users], "customerOwner")
        _select(self.owner, data.owner_id)
        self.tags = QLineEdit("，".join(data.tags), self, objectName="customerTags")
        completer = QCompleter(tags, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.notes = QPlainTextEdit(data.notes, self, objectName="customerNotes")
        self.notes.setTabChangesFocus(True)

        # Birthday: solar or lunar calendar, month and day required together, year optional.
        self.calendar = _combo(self, [(BirthdayCalendar.SOLAR.value, self.tr("Solar")),
                                      (BirthdayCalendar.LUNAR.value, self.tr("Lunar"))], "birthdayCalendar")
        _select(self.calendar, data.birthday_calendar)
        self.birth_year = self._spin(0, 2100, data.birth_year, "birthYear", self.tr("year unknown"))
        self.birth_month = self._spin(0, 12, data.birth_month, "birthMonth", self.tr("no birthday"))
        self.birth_day = self._spin(0, 30 if data.birthday_calendar == "lunar" else 31, data.birth_day, "birthDay", "—")
        for spin, suffix in ((self.birth_year, self.tr(" (year)")), (self.birth_month, self.tr(" (month)")),
                             (self.birth_day, self.tr(" (day)"))):
            spin.setSuffix(suffix)
        self.leap = QCheckBox(self.tr("leap month"), self, objectName="birthLeapMonth")
        self.leap.setChecked(data.birth_leap_month)
        birthday = QHBoxLayout()
        for w in (self.calendar, self.birth_year, self.birth_month, self.birth_day, self.leap):
            birthday.addWidget(w)

        form = QFormLayout()
        form.addRow(self.tr("&Name *"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Company"), self.company)
        form.addRow(self.tr("Job title"), self.title_edit)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("&E-mail"), self.email)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Value tier"), self.tier)
        form.addRow(self.tr("Lifecycle stage"), self.stage)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Birthday"), birthday)
        form.addRow(self.tr("&Tags"), self.tags)
        form.addRow(self.tr("Notes"), self.notes)
        profile = QWidget(self)
        profile.setLayout(form)

        self.contacts = self._table(["name", "title", "phone", "email"],
                                    [self.tr("Name"), self.tr("Job title"), self.tr("Phone"), self.tr("E-mail")],
                                    "contactTable")
        for contact in data.contacts:
            self._add_row(self.contacts, [contact.name, contact.title, contact.phone, contact.email], contact.id)
        self.custom = self._table(["key", "value"], [self.tr("Field"), self.tr("Value")], "customFieldTable")
        for key, value in data.custom_fields.items():
            self._add_row(self.custom, [str(key), str(value)])

        tabs = QTabWidget(self)
        tabs.addTab(profile, self.tr("Profile"))
        tabs.addTab(self._with_buttons(self.contacts), self.tr("Contacts"))
        tabs.addTab(self._with_buttons(self.custom), self.tr("Custom fields"))

        self.duplicate_label = QLabel(self, objectName="duplicateWarning")
        self.duplicate_label.setStyleSheet("color: #9a6700;")
        self.duplicate_label.setWordWrap(True)
        self.error_label = QLabel(self, objectName="formError")
        self.error_label.setStyleSheet("color: #d1242f;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.duplicate_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        for edit in (self.name, self.phone, self.email, self.tags):
            edit.textChanged.connect(self._check_all)
        for spin in (self.birth_year, self.birth_month, self.birth_day):
            spin.valueChanged.connect(self._check_all)
        self.calendar.currentIndexChanged.connect(self._on_calendar)
        self._on_calendar()
        self._check_all()
        self.resize(560, 640)

    # -- building helpers ------------------------------------------------------------------
    def _spin(self, low: int, high: int, value: int | None, name: str, special: str) -> QSpinBox:
        spin = QSpinBox(self, objectName=name)
        spin.setRange(low, high)
        spin.setSpecialValueText(special)
        spin.setValue(value or 0)
        return spin

    def _table(self, keys: list[str], headers: list[str], name: str) -> QTableWidget:
        table = QTableWidget(0, len(keys), self, objectName=name)
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setStretchLastSection(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        return table

    @staticmethod
    def _add_row(table: QTableWidget, values: list[str], record_id: int | None = None) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col == 0:
                item.setData(Qt.ItemDataRole.UserRole, record_id)
            table.setItem(row, col, item)

    def _with_buttons(self, table: QTableWidget) -> QWidget:
        box = QWidget(self)
        add = QPushButton(self.tr("Add"), box)
        remove = QPushButton(self.tr("Remove"), box)
        add.clicked.connect(lambda: (self._add_row(table, [""] * table.columnCount()),
                                     table.editItem(table.item(table.rowCount() - 1, 0))))
        remove.clicked.connect(lambda: [table.removeRow(r) for r in sorted(
            {i.row() for i in table.selectedIndexes()}, reverse=True)])
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(table)
        layout.addLayout(buttons)
        return box

    # -- reading and checking -----------------------------------------------------------------
    @staticmethod
    def _cell(table: QTableWidget, row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text().strip() if item else ""

    def current_input(self) -> CustomerInput:
        contacts = []
        for row in range(self.contacts.rowCount()):
            values = [self._cell(self.contacts, row, c) for c in range(4)]
            if any(values):
                first = self.contacts.item(row, 0)
                contacts.append(ContactInput(name=values[0], title=values[1], phone=values[2], email=values[3],
                                             is_primary=not contacts,
                                             id=first.data(Qt.ItemDataRole.UserRole) if first else None))
        custom = {}
        for row in range(self.custom.rowCount()):
            key = self._cell(self.custom, row, 0)
            if key:
                custom[key] = self._cell(self.custom, row, 1)
        return CustomerInput(
            name=self.name.text(), kind=self.kind.currentData(), company=self.company.text(),
            title=self.title_edit.text(), phone=self.phone.text(), email=self.email.text(),
            address=self.address.text(), city=self.city.text(), source=self.source.text(),
            category=self.category.currentData(), tier=self.tier.currentData(), stage=self.stage.currentData(),
            owner_id=self.owner.currentData(), birthday_calendar=self.calendar.currentData(),
            birth_year=self.birth_year.value() or None, birth_month=self.birth_month.value() or None,
            birth_day=self.birth_day.value() or None,
            birth_leap_month=self.leap.isChecked() and self.calendar.currentData() == "lunar",
            notes=self.notes.toPlainText(), custom_fields=custom,
            tags=split_tags(self.tags.text()), contacts=contacts,
        )

    def _on_calendar(self) -> None:
        lunar = self.calendar.currentData() == "lunar"
        self.leap.setEnabled(lunar)
        self.birth_day.setMaximum(30 if lunar else 31)
        self._check_all()

    def _mark(self, widget: QWidget, field: str, message: str | None) -> None:
        widget.setStyleSheet(INVALID_STYLE if message else "")
        widget.setToolTip(message or "")
        if message:
            self._errors[field] = message
        else:
            self._errors.pop(field, None)

    def _check_all(self) -> None:
        """Check the fields that can be wrong; Save is enabled only when all are right."""
        self._mark(self.name, "name", None if self.name.text().strip() else labels.error_text(
            ValidationError("A customer needs a name.")))
        phone_error, e164 = None, ""
        try:
            e164 = phones.normalise(self.phone.text())
        except CrmError as exc:
            phone_error = labels.error_text(exc)
        self._mark(self.phone, "phone", phone_error)
        email = self.email.text().strip()
        self._mark(self.email, "email", None if not email or EMAIL_RE.match(email) else labels.error_text(
            ValidationError("“{value}” is not an e-mail address.", value=email)))
        data = self.current_input()
        try:
            check_birthday(data)
            birthday_error = None
        except CrmError as exc:
            birthday_error = labels.error_text(exc)
        self._mark(self.birth_day, "birthday", birthday_error)
        self.error_label.setText(next(iter(self._errors.values()), ""))
        self._pending_look = (data, e164)
        self._look_timer.start()  # looked up once typing pauses: it queries the archive
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not self._errors)

    def check_look_alikes(self) -> None:
        """Warn (without blocking) when the customer seems to be on file already."""
        self._look_timer.stop()
        if self._pending_look is not None:
            self._show_look_alikes(*self._pending_look)

    def _show_look_alikes(self, data: CustomerInput, e164: str) -> None:
        if self._look_alikes is None or not data.name.strip():
            self.duplicate_label.setText("")
            return
        matches = self._look_alikes(data, e164)
        if not matches:
            self.duplicate_label.setText("")
            return
        lines = []
        for match in matches[:3]:
            why = "、".join(QCoreApplication.translate("dedupe", e.template) for e in match.reasons)
            lines.append(f"{match.person.name} ({match.person.phone_e164 or match.person.email or '—'}): {why}")
        self.duplicate_label.setText(self.tr("Possibly on file already:") + " " + "; ".join(lines))

    # -- saving ---------------------------------------------------------------------------------
    def on_save(self) -> None:
        self._check_all()
        if self._errors:
            return
        self.buttons.setEnabled(False)
        self._save(self.current_input())

    def saved(self, changes: Changes) -> None:
        self.accept()

    def failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(labels.error_text(exc))
