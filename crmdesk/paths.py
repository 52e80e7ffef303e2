"""Where crmdesk keeps its files: the user's local data and config folders.

``CRMDESK_HOME`` moves everything under one folder (used by tests and portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

from crmdesk import APP_NAME

DB_FILENAME = "crmdesk.sqlite"


def _home() -> Path | None:
    value = os.environ.get("CRMDESK_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    if home is not None:
        return home / "data"
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def config_dir() -> Path:
    home = _home()
    if home is not None:
        return home / "config"
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False, roaming=False))


def default_db_path() -> Path:
    """The database used when no ``--db`` is given (its folder is created)."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DB_FILENAME
