"""Refresh the translation files: ``python resources/translations/update.py``.

1. ``pyside6-lupdate`` collects every marked string of the package into ``crmdesk_zh_CN.ts``
   (existing translations are kept; translate new entries with Qt Linguist or by hand);
2. ``pyside6-lrelease`` compiles it to ``crmdesk/ui/translations/crmdesk_zh_CN.qm``.

``tests/ui/test_translations.py`` fails when a string is missing or unfinished, or when the
compiled file is out of date.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "crmdesk_zh_CN.ts"
QM = ROOT / "crmdesk" / "ui" / "translations" / "crmdesk_zh_CN.qm"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "crmdesk").rglob("*.py"))


def lupdate(ts: Path = TS) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none"],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    lupdate()
    lrelease()
    print(f"updated {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
