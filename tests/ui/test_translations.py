"""Every user-visible string has a finished Simplified Chinese translation, compiled and current."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("update_translations", ROOT / "resources/translations/update.py")
update = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update)


def _unfinished(ts: Path) -> list[str]:
    bad = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        text = "".join(translation.itertext()).strip()
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            bad.append(message.findtext("source"))
    return bad


def test_committed_translation_is_complete() -> None:
    assert _unfinished(update.TS) == []


def test_every_marked_string_is_in_the_translation(tmp_path: Path) -> None:
    """lupdate over today's code must find nothing new (run resources/translations/update.py)."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(update.TS, fresh)
    update.lupdate(fresh)
    missing = _unfinished(fresh)
    assert missing == [], f"untranslated strings: {missing}"


def test_compiled_file_is_up_to_date(tmp_path: Path) -> None:
    qm = tmp_path / "fresh.qm"
    update.lrelease(update.TS, qm)
    assert qm.read_bytes() == update.QM.read_bytes(), "run resources/translations/update.py"


@pytest.mark.parametrize("language", ["zh_CN"])
def test_qt_own_dialogs_are_translated(qapp, language: str) -> None:
    from PySide6.QtCore import QCoreApplication

    from crmdesk.ui import i18n

    try:
        i18n.install(qapp, language)
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        i18n.install(qapp, "en")


def test_english_counts_read_as_english(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from crmdesk.ui import i18n

    i18n.install(qapp, "en")
    assert QCoreApplication.translate("DashboardPane", "%n order(s)", "", 1) == "1 order"
    assert QCoreApplication.translate("DashboardPane", "%n order(s)", "", 22) == "22 orders"
    assert QCoreApplication.translate("ImportDialog", "%n row(s) are bad and were not imported.", "", 1) == \
        "1 row is bad and was not imported."


def test_english_plural_file_is_complete_and_compiled(tmp_path: Path) -> None:
    assert update.english_forms("%n day(s) in stage") == ("%n day in stage", "%n days in stage")
    fresh = tmp_path / "en.ts"
    shutil.copy(update.EN_TS, fresh)
    update.lupdate_english(fresh)
    assert _unfinished(fresh) == [], "run resources/translations/update.py"
    qm = tmp_path / "en.qm"
    update.lrelease(update.EN_TS, qm)
    assert qm.read_bytes() == update.EN_QM.read_bytes(), "run resources/translations/update.py"
