"""One icon set over the menus, the pane list and the pane toolbars."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from crmdesk.ui import icons
from crmdesk.ui.main_window import MainWindow


@pytest.mark.parametrize("name", sorted(set(icons.BY_NAME.values())))
def test_every_icon_of_the_set_draws(qapp, name: str) -> None:
    image = icons.icon(name).pixmap(16, 16).toImage()
    assert not image.isNull()
    assert any(image.pixelColor(x, y).alpha() > 0 for x in range(16) for y in range(16))  # not blank


def test_menus_panes_and_toolbars_carry_icons(window: MainWindow) -> None:
    for action in (window.import_action, window.quit_action, window.history.undo_action, window.business_action,
                   window.keyboard.palette, window.reports_menu.kpi_action, *window.pane_actions):
        assert not action.icon().isNull(), action.text()
    assert not window.export_menu.icon().isNull()
    assert all(not window.nav.item(i).icon().isNull() for i in range(window.nav.count()))
    pipeline = window.pane(1)  # built on first use, and dressed then
    assert not pipeline.findChild(QPushButton, "newDeal").icon().isNull()
