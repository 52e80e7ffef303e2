"""The filters beside the archive table; it emits the filter they make together."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QSpinBox, QVBoxLayout, QWidget

from crmdesk.domain.enums import Category, LifecycleStage, Tier
from crmdesk.domain.filters import UNASSIGNED, CustomerFilter
from crmdesk.ui import labels


class FilterBar(QWidget):
    filter_did_change = Signal(object)  # CustomerFilter (without the search text)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerFilters")
        self._updating = False
        self.category = self._combo("categoryFilter")
        self.tier = self._combo("tierFilter")
        self.stage = self._combo("stageFilter")
        self.owner = self._combo("ownerFilter")
        self.tag = self._combo("tagFilter")
        self.city = self._combo("cityFilter")
        self.no_contact = QSpinBox(self)
        self.no_contact.setObjectName("noContactFilter")
        self.no_contact.setRange(0, 3650)
        self.no_contact.setSingleStep(30)
        self.no_contact.valueChanged.connect(self._emit)
        self.birthday = QCheckBox(self)
        self.birthday.setObjectName("birthdayFilter")
        self.birthday.toggled.connect(self._emit)
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.clicked.connect(self.reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.category, self.tier, self.stage, self.owner, self.tag, self.city, self.no_contact,
                  self.birthday, self.reset_button):
            layout.addWidget(w)
        self.set_choices([], [], [])

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        # Narrow windows squeeze the combos instead of growing past the screen.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(4)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def set_choices(self, users: list[tuple[int, str]], tags: list[tuple[int, str]], cities: list[str]) -> None:
        """Fill the combo boxes (keeping what is chosen where it still exists)."""
        current = self.current_filter()
        self._updating = True
        try:
            self._fill(self.category, self.tr("All categories"), [(v, labels.label(v)) for v in Category.values()])
            self._fill(self.tier, self.tr("All tiers"), [(v, labels.label(v)) for v in Tier.values()])
            self._fill(self.stage, self.tr("All stages"), [(v, labels.label(v)) for v in LifecycleStage.values()])
            self._fill(self.owner, self.tr("Any owner"), [(UNASSIGNED, self.tr("No owner")), *users])
            self._fill(self.tag, self.tr("Any tag"), tags)
            self._fill(self.city, self.tr("All cities"), [(c, c) for c in cities])
            self.no_contact.setSpecialValueText(self.tr("Any last contact"))
            self.no_contact.setPrefix(self.tr("No contact for "))
            self.no_contact.setSuffix(self.tr(" days"))
            self.birthday.setText(self.tr("Birthday this month"))
            self.reset_button.setText(self.tr("Clear filters"))
            self.set_filter(current)
        finally:
            self._updating = False

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[object, str]]) -> None:
        combo.clear()
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def current_filter(self) -> CustomerFilter:
        def one(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return () if value is None else (value,)

        return CustomerFilter(
            categories=one(self.category),
            tiers=one(self.tier),
            stages=one(self.stage),
            owner_id=self.owner.currentData(),
            tag_id=self.tag.currentData(),
            city=self.city.currentData() or "",
            no_contact_days=self.no_contact.value() or None,
            birthday_this_month=self.birthday.isChecked(),
        )

    def set_filter(self, flt: CustomerFilter) -> None:
        """Show ``flt`` in the widgets without emitting a change for every widget."""
        was, self._updating = self._updating, True
        try:
            self._select(self.category, flt.categories[0] if flt.categories else None)
            self._select(self.tier, flt.tiers[0] if flt.tiers else None)
            self._select(self.stage, flt.stages[0] if flt.stages else None)
            self._select(self.owner, flt.owner_id)
            self._select(self.tag, flt.tag_id)
            self._select(self.city, flt.city or None)
            self.no_contact.setValue(flt.no_contact_days or 0)
            self.birthday.setChecked(flt.birthday_this_month)
        finally:
            self._updating = was

    def reset(self) -> None:
        self.set_filter(CustomerFilter())
        self._emit()

    def _emit(self) -> None:
        if not self._updating:
            self.filter_did_change.emit(replace(self.current_filter()))

