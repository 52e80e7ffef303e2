"""The paged table model: Qt's model contract, paging, sorting, ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from crmdesk.domain.customer import CustomerInput
from crmdesk.services import customers, lists
from crmdesk.services.context import Context
from crmdesk.ui import paged_model
from crmdesk.ui.paged_model import ID_ROLE, PagedTableModel
from crmdesk.ui.panes.customers.pane import COLUMNS


@pytest.fixture
def model(db: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch, qapp) -> PagedTableModel:
    monkeypatch.setattr(paged_model, "PAGE_SIZE", 7)  # many pages from few rows
    monkeypatch.setattr(paged_model, "MAX_PAGES", 3)
    for i in range(40):
        customers.create_customer(ctx, CustomerInput(name=f"客户{i:02d}", city=["上海", "北京"][i % 2], phone=f"1380000{i:04d}"))
    m = PagedTableModel("CustomersPane", COLUMNS, "name")
    m.set_listing(lists.customers(ctx))
    return m


def test_model_contract(model: PagedTableModel, qtmodeltester) -> None:
    qtmodeltester.check(model, force_py=True)


def test_rows_page_in_and_out(model: PagedTableModel) -> None:
    assert model.rowCount() == 40 and model.columnCount() == len(COLUMNS)
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    names = [model.index(r, 0).data() for r in range(40)]
    assert names == sorted(names)
    assert len(model._pages) <= 3  # bounded cache
    assert model.index(39, 0).data() == "客户39"
    assert model.index(0, 0).data(ID_ROLE) == model.id_at(0)
    assert model.index(40, 0).data() is None


def test_sort_by_any_column_in_sql(model: PagedTableModel) -> None:
    city = [c.key for c in COLUMNS].index("city")
    model.sort(city, Qt.SortOrder.DescendingOrder)
    cities = [model.index(r, city).data() for r in range(40)]
    assert cities == sorted(cities, reverse=True) and len(set(cities[:20])) == 1
    ids = [model.id_at(r) for r in range(20)]
    assert ids == sorted(ids, reverse=True)  # ties broken by id, in the same direction
    model.sort(99)  # out of range: ignored
    assert model.index(0, city).data() == cities[0]


def test_headers_and_formatting(model: PagedTableModel) -> None:
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(2, Qt.Orientation.Vertical) == 3
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    category = [c.key for c in COLUMNS].index("category")
    assert model.index(0, category).data() == "Potential"
    total = [c.key for c in COLUMNS].index("order_total_cents")
    assert model.index(0, total).data(Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    assert model.data(QModelIndex()) is None


def test_pages_in_the_back_half_are_read_from_the_end(model: PagedTableModel) -> None:
    """Reading backwards must give exactly the rows reading forwards gives, in every sort."""
    from crmdesk.ui import paged_model as pm

    for column, order in ((0, Qt.SortOrder.AscendingOrder), (2, Qt.SortOrder.DescendingOrder),
                          (7, Qt.SortOrder.AscendingOrder)):
        model.sort(column, order)
        listing = model._listing
        key, descending = model.sort_state
        forward = listing.page(key, descending, 0, 1000)
        shown = [model.id_at(r) for r in range(model.rowCount())]
        assert shown == [row[0] for row in forward], (column, order)
    assert pm.PAGE_SIZE == 7  # several pages on each side of the middle
