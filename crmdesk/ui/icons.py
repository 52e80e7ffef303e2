"""The icons of menus, toolbars and the pane list, from one set: Material Design Icons
(Pictogrammers, Apache-2.0) drawn through QtAwesome, so they stay sharp at any size and
follow the palette's text colour.

Actions and buttons are matched by object name, so a pane only names its buttons (as the
tests already find them) and the look is decided here, in one place.
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QAbstractButton, QMenu, QWidget

os.environ.setdefault("QT_API", "pyside6")  # QtAwesome speaks Qt through QtPy: this binding

# object name → icon name (mdi6.*)
BY_NAME: dict[str, str] = {
    # File
    "newCustomerAction": "account-plus-outline",
    "logContactAction": "message-plus-outline",
    "importAction": "file-import-outline",
    "exportMenu": "file-export-outline",
    "logComplaintAction": "alert-plus-outline",
    "loadDemoAction": "flask-outline",
    "removeDemoAction": "flask-remove-outline",
    "quitAction": "exit-to-app",
    "recycleBinAction": "delete-restore",
    "binRestore": "restore",
    "binEmptySelected": "delete-forever-outline",
    "binEmptyAll": "delete-empty-outline",
    # Edit, View, Settings, Reports, Help
    "undoAction": "undo",
    "redoAction": "redo",
    "auditTrailAction": "history",
    "paletteAction": "console-line",
    "searchAction": "magnify",
    "nextRecordAction": "chevron-down",
    "previousRecordAction": "chevron-up",
    "businessAction": "storefront-outline",
    "reportCustomers": "file-document-outline",
    "reportPipeline": "file-chart-outline",
    "reportComplaints": "file-alert-outline",
    "reportKpi": "chart-box-outline",
    "shortcutsAction": "keyboard-outline",
    "aboutAction": "information-outline",
    # the panes, in the View menu and the list on the left
    "pane0": "account-group-outline",
    "pane1": "view-column-outline",
    "pane2": "calendar-heart",
    "pane3": "alert-circle-outline",
    "pane4": "view-dashboard-outline",
    # pane toolbars
    "newDeal": "briefcase-plus-outline",
    "analysis": "chart-timeline-variant",
    "stageSettings": "tune-variant",
    "lostReasons": "format-list-bulleted",
    "newTask": "calendar-plus",
    "todayButton": "calendar-today",
    "careSettings": "tune-variant",
    "doneTask": "check",
    "skipTask": "skip-next-outline",
    "logContact": "message-plus-outline",
    "openCustomer": "account-outline",
    "newComplaint": "alert-plus-outline",
    "complaintStatsButton": "chart-bar",
    "categoriesButton": "format-list-bulleted",
    "slaButton": "timer-outline",
    "complaint_resolve": "check-circle-outline",
    "complaint_close": "lock-outline",
    "complaint_note": "note-plus-outline",
    "exportDeals": "file-export-outline",
    "exportTasks": "file-export-outline",
    "exportComplaints": "file-export-outline",
    "markWon": "trophy-outline",
    "markLost": "close-circle-outline",
    "deleteDeal": "delete-outline",
}


@cache
def icon(name: str) -> QIcon:
    """The set's icon ``name`` (without the ``mdi6.`` prefix)."""
    import qtawesome

    return qtawesome.icon(f"mdi6.{name}")


def decorate(root: QWidget) -> int:
    """Give every named action and button under ``root`` its icon; returns how many."""
    done = 0
    for item in (*root.findChildren(QAction), *root.findChildren(QAbstractButton), *root.findChildren(QMenu)):
        name = BY_NAME.get(item.objectName())
        if name is not None and item.icon().isNull():
            item.setIcon(icon(name))
            done += 1
    return done
