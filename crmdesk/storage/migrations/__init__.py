"""Numbered schema migrations, each a module ``mNNNN_name`` with ``up(db)``.

Each migration holds frozen copies of the models it touches (never the live models), so that
it keeps doing exactly what it did when it was written.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# In order; the schema version of a database is the number of migrations applied to it.
NAMES: tuple[str, ...] = ("m0001_initial", "m0002_customer_search", "m0003_import_batches", "m0004_merge_records",
                         "m0005_name_ordered_search", "m0006_complaint_search",
                         "m0007_stage_history_index", "m0008_care_indexes", "m0009_order_day_index",
                         "m0010_kpi_rollups", "m0011_audit_lookups",
                         "m0012_recycle_bin", "m0013_team_server",
                         "m0014_customer_owner_index", "m0015_sync", "m0016_sync_recount")

HEAD = len(NAMES)


def load(version: int) -> ModuleType:
    """The module that brings a database from ``version - 1`` to ``version``."""
    return importlib.import_module(f"{__name__}.{NAMES[version - 1]}")
