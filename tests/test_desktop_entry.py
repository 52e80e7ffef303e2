"""The Linux desktop entry starts the installed command and names the icon the build ships."""

from __future__ import annotations

import configparser
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENTRY = ROOT / "resources" / "crmdesk.desktop"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive (Name[zh_CN])
    parser.read(ENTRY, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_entry_starts_the_console_script() -> None:
    entry = _entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Exec"].split()[0] in scripts and entry["TryExec"] == entry["Exec"].split()[0]


def test_it_is_named_in_both_languages_and_names_the_shipped_icon() -> None:
    entry = _entry()
    for key in ("Name", "GenericName", "GenericName[zh_CN]", "Comment", "Comment[zh_CN]"):
        assert entry[key].strip(), key
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    # The icon theme looks the icon up by file name: the build installs crmdesk.svg under that name,
    # and the app tells the desktop which entry is its own.
    assert (ROOT / "crmdesk" / "ui" / f"{entry['Icon']}.svg").is_file()
    spec = (ROOT / "crmdesk.spec").read_text()
    assert '"crmdesk.desktop"), "share/applications")' in spec
    assert '"crmdesk.svg"), "share/icons/hicolor/scalable/apps")' in spec
    assert entry["StartupWMClass"] == "crmdesk"
    assert 'setDesktopFileName(APP_NAME)' in (ROOT / "crmdesk" / "ui" / "app.py").read_text()
