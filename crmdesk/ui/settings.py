"""Per-user preferences and window state, kept in an ini file in the config folder.

Business configuration (stages, cadences …) lives in the database instead, so that it travels
with the data and its backups.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from crmdesk import paths

LANGUAGE_SYSTEM = "system"


class UiSettings:
    def __init__(self) -> None:
        folder = paths.config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(folder / "crmdesk.ini"), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        return str(self._qs.value("ui/language", LANGUAGE_SYSTEM))

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("ui/language", value)
        self._qs.sync()

    def load_json(self, key: str, default: object = None) -> object:
        import json

        value = self._qs.value(key)
        try:
            return json.loads(value) if isinstance(value, str) else default
        except ValueError:
            return default

    def save_json(self, key: str, value: object) -> None:
        import json

        self._qs.setValue(key, json.dumps(value, ensure_ascii=False))
        self._qs.sync()

    def load_bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) else None

    def save_bytes(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(key, value)
        self._qs.sync()
