"""Refresh the translation files: ``python resources/translations/update.py``.

1. ``pyside6-lupdate`` collects every marked string of the package into ``crmdesk_zh_CN.ts``
   (existing translations are kept; translate new entries with Qt Linguist or by hand);
2. ``pyside6-lrelease`` compiles it to ``crmdesk/ui/translations/crmdesk_zh_CN.qm``;
3. English needs a file too, for its plurals only ("1 order", "2 orders" from the source
   "%n order(s)"): ``crmdesk_en.ts`` holds just the strings with a count, and the singular and
   plural forms of new ones are written from the source by :func:`english_forms` (a form
   corrected by hand is kept).

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
EN_TS = ROOT / "resources" / "translations" / "crmdesk_en.ts"
EN_QM = ROOT / "crmdesk" / "ui" / "translations" / "crmdesk_en.qm"
# Words that change with the count besides the noun marked "(s)": (plural, singular).
_AGREEING = ((" are ", " is "), (" were ", " was "), (" their ", " its "))


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "crmdesk").rglob("*.py"))


def lupdate(ts: Path = TS) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none"],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def english_forms(source: str) -> tuple[str, str]:
    """(singular, plural) of an English source with a count: "%n row(s) are bad" gives
    "%n row is bad" and "%n rows are bad"; a source without "(s)" reads the same for both."""
    singular, plural = source.replace("(s)", ""), source.replace("(s)", "s")
    if "(s)" in source:
        for many, one in _AGREEING:
            singular = singular.replace(many, one)
    return singular, plural


def lupdate_english(ts: Path = EN_TS) -> None:
    """Collect the strings with a count into the English file and fill in the forms of new ones."""
    import xml.etree.ElementTree as ET

    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none",
                    "-pluralonly", "-target-language", "en"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        for form in list(translation):
            translation.remove(form)
        for text in english_forms(message.findtext("source") or ""):
            ET.SubElement(translation, "numerusform").text = text
        del translation.attrib["type"]
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    text = ts.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        ts.write_text(text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1), encoding="utf-8")


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    lupdate()
    lrelease()
    lupdate_english()
    lrelease(EN_TS, EN_QM)
    print(f"updated {TS.relative_to(ROOT)}, {EN_TS.relative_to(ROOT)} and their .qm files")
