"""Importing customers: formats, encodings, mapping, bad rows, bad files, modes, undo."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import customers, importing, lists
from crmdesk.services.context import Context
from crmdesk.services.importing import ImportFileError
from crmdesk.storage import models as m

HEADER = ["客户名称", "手机号码", "邮箱", "城市", "价值等级", "生日", "标签", "备注"]
ROWS = [
    ["张伟", "138 1234 5678", "zw@example.com", "上海", "战略", "1990-05-06", "VIP，团购", ""],
    ["曾小贤", 18600005678.0, "", "北京", "一般", "农历八月十五", "", "喜欢绿茶"],
    ["Emily Chen", "+86 139 0000 1111", "emily@example.com", "杭州", "partner", dt.datetime(1988, 2, 29), "", ""],
]


def _xlsx(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _csv(path: Path, rows: list[list[object]], encoding: str, header: list[str] = HEADER) -> Path:
    lines = [",".join(header)] + [",".join(str(c) for c in r) for r in rows]
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


def test_xlsx_import_maps_chinese_headers_and_values(db: Path, ctx: Context, tmp_path: Path) -> None:
    report = importing.import_customers(ctx, _xlsx(tmp_path / "客户.xlsx", ROWS))
    assert (report.rows, report.created, report.errors) == (3, 3, [])
    zhang = m.Customer.get(m.Customer.name == "张伟")
    assert (zhang.phone_e164, zhang.tier, zhang.birth_year, zhang.birth_month, zhang.birth_day) == (
        "+8613812345678", "strategic", 1990, 5, 6)
    assert sorted(customers.tag_names(zhang.id)) == ["VIP", "团购"]
    zeng = m.Customer.get(m.Customer.name == "曾小贤")
    assert zeng.phone == "18600005678"  # not 18600005678.0
    assert (zeng.birthday_calendar, zeng.birth_month, zeng.birth_day) == ("lunar", 8, 15)
    assert m.Customer.get(m.Customer.name == "Emily Chen").birth_day == 29
    found = lambda q: [r[1] for r in lists.customers(ctx, CustomerFilter(text=q)).page("name", False, 0, 9)]  # noqa: E731
    assert found("zxx") == ["曾小贤"] and found("团购") == ["张伟"] and found("1111") == ["Emily Chen"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_csv_encodings(db: Path, ctx: Context, tmp_path: Path, encoding: str) -> None:
    rows = [[r[0], r[1] if isinstance(r[1], str) else "18600005678", r[2], r[3], r[4], "1990/5/6", "", ""] for r in ROWS]
    report = importing.import_customers(ctx, _csv(tmp_path / "c.csv", rows, encoding))
    assert report.created == 3 and not report.errors
    assert m.Customer.get(m.Customer.name == "曾小贤").city == "北京"


def test_bad_rows_are_reported_and_all_or_nothing_writes_nothing(db: Path, ctx: Context, tmp_path: Path) -> None:
    rows = ROWS + [
        ["", "13800000000", "", "", "", "", "", ""],  # row 5: no name
        ["李四", "12", "", "", "", "", "", ""],  # row 6: bad phone
        ["王五", "", "not-an-address", "", "", "", "", ""],  # row 7: bad e-mail
        ["赵六", "", "", "", "钻石", "", "", ""],  # row 8: unknown tier
        ["孙七", "", "", "", "", "1990-02-30", "", ""],  # row 9: no such date
        ["周八", "", "", "", "", "", "", "x" * 40_000],  # row 10: a huge cell
    ]
    path = _xlsx(tmp_path / "bad.xlsx", rows)
    report = importing.import_customers(ctx, path)
    where = [(e.row, e.column) for e in report.errors]
    assert where == [(5, "客户名称"), (6, "手机号码"), (7, "邮箱"), (8, "价值等级"), (9, "生日"), (10, "备注")]
    assert not report.written and m.Customer.select().count() == 0
    partial = importing.import_customers(ctx, path, all_or_nothing=False)
    assert partial.created == 3 and len(partial.errors) == 6 and m.Customer.select().count() == 3


def test_control_characters_are_refused(db: Path, ctx: Context, tmp_path: Path) -> None:
    report = importing.import_customers(ctx, _csv(tmp_path / "c.csv", [["吴九", "", "", "", "", "", "", "bell\x07"]], "utf-8"))
    assert [(e.row, e.column) for e in report.errors] == [(2, "备注")] and not report.written


def test_dry_run_counts_without_writing(db: Path, ctx: Context, tmp_path: Path) -> None:
    customers.create_customer(ctx, CustomerInput(name="张伟（旧）", phone="13812345678"))
    report = importing.import_customers(ctx, _xlsx(tmp_path / "c.xlsx", ROWS), mode="upsert", dry_run=True)
    assert (report.created, report.updated, report.written) == (2, 1, False)
    assert m.Customer.select().count() == 1


def test_upsert_updates_matches_and_undo_restores(db: Path, ctx: Context, tmp_path: Path) -> None:
    old, _ = customers.create_customer(ctx, CustomerInput(name="张伟（旧）", phone="13812345678", city="苏州"))
    report = importing.import_customers(ctx, _xlsx(tmp_path / "c.xlsx", ROWS), mode="upsert")
    assert (report.created, report.updated) == (2, 1)
    assert m.Customer.get_by_id(old).city == "上海"
    assert lists.customers(ctx).count() == 3
    importing.undo_import(ctx, report.batch_id)
    restored = m.Customer.get_by_id(old)
    assert (restored.name, restored.city) == ("张伟（旧）", "苏州")
    assert lists.customers(ctx).count() == 1
    assert lists.customers(ctx, CustomerFilter(text="苏州")).count() == 1  # search index follows the undo
    with pytest.raises(Exception):
        importing.undo_import(ctx, report.batch_id)


def test_update_mode_reports_rows_without_a_match(db: Path, ctx: Context, tmp_path: Path) -> None:
    report = importing.import_customers(ctx, _xlsx(tmp_path / "c.xlsx", ROWS), mode="update", dry_run=True)
    assert len(report.errors) == 3 and report.updated == 0


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (importing.MAX_UNZIPPED + 1))
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.with_suffix(".docx").write_text("x") and p.with_suffix(".docx"), "neither an Excel"),
        (lambda p: (p.write_bytes(b"PK\x03\x04 not really a zip"), p)[1], "damaged"),
        (lambda p: (p.write_bytes(b"plain text pretending"), p)[1], "damaged"),
        (lambda p: _xlsx(p, [], header=[]), "empty"),
        (_zip_bomb, "unsafe"),
        (lambda p: _xlsx(p, [["x"]], header=["电话", "城市"]), "name"),
        (lambda p: p.with_name("gone.xlsx"), "does not exist"),
    ],
)
def test_bad_files_get_one_clear_sentence(db: Path, ctx: Context, tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path / "f.xlsx")
    with pytest.raises(ImportFileError, match=message):
        importing.import_customers(ctx, path)
    assert m.Customer.select().count() == 0


def test_merged_header_cells_are_refused(db: Path, ctx: Context, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户名称", "", "城市"])
    sheet.merge_cells("A1:B1")
    sheet.append(["张伟", "", "上海"])
    book.save(tmp_path / "merged.xlsx")
    with pytest.raises(ImportFileError, match="merged"):
        importing.import_customers(ctx, tmp_path / "merged.xlsx")


def test_emoji_and_long_names_are_handled(db: Path, ctx: Context, tmp_path: Path) -> None:
    report = importing.import_customers(ctx, _xlsx(tmp_path / "e.xlsx", [["小王😀", "", "", "", "", "", "", ""],
                                                                         ["长" * 300, "", "", "", "", "", "", ""]]),
                                        all_or_nothing=False)
    assert report.created == 1 and [e.row for e in report.errors] == [3]
    assert m.Customer.get().name == "小王😀"


def test_same_phone_twice_in_one_file(db: Path, ctx: Context, tmp_path: Path) -> None:
    rows = [["甲", "13800000001", "", "上海", "", "", "", ""], ["乙", "13800000001", "", "北京", "", "", "", ""]]
    created = importing.import_customers(ctx, _xlsx(tmp_path / "a.xlsx", rows))
    assert created.created == 2  # create mode: every row is a customer (duplicates are found later)
    upsert = importing.import_customers(ctx, _xlsx(tmp_path / "b.xlsx", [["丙", "13900000009", "", "上海", "", "", "", ""],
                                                                          ["丙", "13900000009", "", "杭州", "", "", "", ""]]),
                                        mode="upsert")
    assert (upsert.created, upsert.updated) == (1, 1)
    assert m.Customer.get(m.Customer.name == "丙").city == "杭州"
