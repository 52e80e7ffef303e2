"""``crmdesk report …``, run as a user runs it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from crmdesk.cli import main

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    db = tmp_path / "shop.sqlite"
    people = tmp_path / "people.csv"
    people.write_text("姓名,手机,城市\n张三丰,13812345678,杭州\n李四,13900001111,宁波\n李四,13900002222,温州\n",
                      encoding="utf-8")
    assert main(["--db", str(db), "import", "customers", str(people)]) == 0
    return db


def test_dossier_by_name_phone_or_number(shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d.pdf"
    for who in ("张三丰", "13812345678", "1"):
        out.unlink(missing_ok=True)
        assert main(["--db", str(shop), "report", "dossier", who, "-o", str(out)]) == 0
        text = _text(out)
        assert "张三丰" in text and "杭州" in text and "Customer dossier" in text
    assert "Wrote the dossier report" in capsys.readouterr().out


@pytest.mark.parametrize(("who", "says"), [("王五", "No customer is called"), ("李四", "More than one customer")])
def test_dossier_of_no_one_or_two_fails_in_one_sentence(shop: Path, tmp_path: Path, who: str, says: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d.pdf"
    capsys.readouterr()
    assert main(["--db", str(shop), "report", "dossier", who, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("crmdesk: ") and says in err and err.count("\n") == 1
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


def test_other_reports(shop: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    assert main(["--db", str(shop), "report", "customers", "--search", "李四", "--paper", "letter", "-o", str(out)]) == 0
    text = _text(out)
    assert "2 customers" in text and "温州" in text and "张三丰" not in text
    assert main(["--db", str(shop), "report", "pipeline", "-o", str(out)]) == 0
    assert "Pipeline forecast" in _text(out)
    assert main(["--db", str(shop), "report", "complaints", "--from", "2026-01-01", "--until", "2026-02-01",
                 "-o", str(out)]) == 0
    assert "1 Jan 2026 – 31 Jan 2026" in _text(out)


def test_bad_input_leaves_the_old_file(shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    assert main(["--db", str(shop), "report", "complaints", "--from", "2026-02-01", "--until", "2026-01-01",
                 "-o", str(out)]) == 1
    assert "ends before it starts" in capsys.readouterr().err and out.read_bytes() == b"old"
    assert main(["--db", str(shop), "report", "complaints", "--from", "yesterday", "-o", str(out)]) == 1
    assert "wants a date like 2026-12-31" in capsys.readouterr().err and out.read_bytes() == b"old"
    assert main(["--db", str(shop), "report", "pipeline", "-o", str(tmp_path / "missing" / "r.pdf")]) == 1
    assert "Could not write r.pdf" in capsys.readouterr().err


def test_kpi_report(shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kpi.pdf"
    assert main(["--db", str(shop), "report", "kpi", "--month", "2026-01", "-o", str(out)]) == 0
    text = _text(out)
    assert "KPI report" in text and "1 Jan 2026 – 31 Jan 2026" in text and "Revenue" in text
    capsys.readouterr()
    assert main(["--db", str(shop), "report", "kpi", "--month", "January", "-o", str(out)]) == 1
    assert "2026-12" in capsys.readouterr().err
