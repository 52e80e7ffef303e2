"""Guard against the PySide6 6.12 / Python 3.11 reference-count bug (see FIELD-NOTES).

On that combination every void Qt call and every ``data()`` returning None drops a reference
to None, and after some thousands of calls the interpreter aborts. The dependency pin keeps
6.12 away from 3.11; this test makes enough such calls to crash if the pin ever slips.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject
from PySide6.QtWidgets import QWidget


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 10

    def data(self, index, role=0):
        return None


def test_installed_pyside_is_not_the_broken_combination() -> None:
    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert not (sys.version_info < (3, 12) and (major, minor) >= (6, 12))


def test_many_void_calls_and_none_data_do_not_crash(qapp) -> None:
    before = sys.getrefcount(None)
    obj = QObject()
    widget = QWidget()
    model = _NoneModel()
    index = model.index(3, 0)
    for i in range(10_000):
        obj.setObjectName("x")
        widget.setToolTip("y")
        assert index.data() is None
        assert model.data(index) is None
    del obj, widget
    # On the broken build None's count falls by about one per call; allow ordinary noise.
    assert sys.getrefcount(None) > before - 1000
