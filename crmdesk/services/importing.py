"""Importing customers from .xlsx and .csv files, and undoing an import.

Every row is checked first; bad rows are reported with row, column and reason. Good rows go
in together in one transaction — or nothing does when "all or nothing" is chosen, or when
the file itself is unreadable. Rows are written with the raw driver in batches, so the
import keeps pace with the spreadsheet reader.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crmdesk.domain import pinyin, search
from crmdesk.domain.changes import Changes
from crmdesk.domain.customer import CustomerInput, clean_tags, validate
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError, NotFoundError, ValidationError
from crmdesk.domain.ids import new_uid
from crmdesk.domain.importing import (
    FIELDS,
    cell_text,
    guess_mapping,
    has_control_characters,
    parse_birthday,
    parse_choice,
    split_tags,
)
from crmdesk.services import audit
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.progress import NoProgress, Progress, check
from crmdesk.storage import bulk
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic

MAX_ROWS = 1_000_000
MAX_CELL = 10_000  # characters in one cell (Excel allows 32,767)
MAX_UNZIPPED = 512 * 1024 * 1024  # an .xlsx that unpacks to more is refused (zip bombs)
BATCH = 5_000
MODES = ("create", "update", "upsert")
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")


class ImportFileError(CrmError):
    """The file as a whole cannot be imported."""


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it (the header is row 1)
    column: str  # the header text
    error: CrmError

    @property
    def message(self) -> str:
        return str(self.error)


def _no_match() -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("errors", "No existing customer has this phone number or e-mail."))


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    batch_id: int | None = None
    dry_run: bool = False
    written: bool = False
    changes: Changes = field(default_factory=Changes)


@dataclass
class Table:
    headers: list[str]
    rows: Iterator[list[Any]]  # data rows after the header
    size: int | None = None  # number of data rows, when the reader knows it


# -- reading files ------------------------------------------------------------------------------
def _file_error(template: str, **params: Any) -> ImportFileError:
    return ImportFileError(template, **params)


def read_table(path: Path) -> Table:
    """The header and data rows of the first sheet of a spreadsheet, or of a CSV file."""
    path = Path(path)
    if not path.is_file():
        raise _file_error(QT_TRANSLATE_NOOP("errors", "The file {path} does not exist."), path=str(path))
    suffix = path.suffix.lower()
    if suffix in SPREADSHEETS:
        return _read_spreadsheet(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    raise _file_error(QT_TRANSLATE_NOOP("errors", "{name} is neither an Excel file (.xlsx) nor a CSV file (.csv)."),
                      name=path.name)


def _read_spreadsheet(path: Path) -> Table:
    if path.suffix.lower() in (".xlsx", ".xlsm", ".ods"):
        try:
            with zipfile.ZipFile(path) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
        except (zipfile.BadZipFile, OSError):
            raise _file_error(QT_TRANSLATE_NOOP("errors", "{name} is damaged or not really an Excel file."),
                              name=path.name) from None
        if unpacked > MAX_UNZIPPED:
            raise _file_error(QT_TRANSLATE_NOOP("errors", "{name} unpacks to more than {mb} MB; it is refused as unsafe."),
                              name=path.name, mb=MAX_UNZIPPED // (1024 * 1024))
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_index(0)
    except Exception:  # calamine raises its own error types for damaged files
        raise _file_error(QT_TRANSLATE_NOOP("errors", "{name} is damaged or not really an Excel file."),
                          name=path.name) from None
    rows = sheet.iter_rows()
    header = next(rows, None)
    if header is None or not any(cell_text(c) for c in header):
        raise _file_error(QT_TRANSLATE_NOOP("errors", "The first sheet of {name} is empty."), name=path.name)
    merged = [r for r in (sheet.merged_cell_ranges or []) if r[0][0] == sheet.start[0]] if sheet.start else []
    if merged:
        raise _file_error(QT_TRANSLATE_NOOP("errors", "The header row of {name} has merged cells; unmerge them so "
                                                      "that every column has its own header."), name=path.name)
    return Table([cell_text(c) for c in header], rows, max(sheet.height - 1, 0))


def _decode(data: bytes) -> str:
    """CSV text in UTF-8 (with or without BOM), UTF-16 (with BOM) or GB18030 (GBK)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise _file_error(QT_TRANSLATE_NOOP("errors", "The text encoding of this file is not UTF-8, UTF-16 or "
                                                      "GBK/GB18030.")) from None


def _read_csv(path: Path) -> Table:
    text = _decode(path.read_bytes())
    if not text.strip():
        raise _file_error(QT_TRANSLATE_NOOP("errors", "The file {name} is empty."), name=path.name)
    sample = text[:20_000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = next(reader, [])
    return Table([h.strip() for h in header], reader, None)


# -- checking rows ------------------------------------------------------------------------------
def _row_input(cells: dict[str, Any]) -> CustomerInput:
    """One row's cells (by field) as customer input; raises ValidationError naming the field."""
    text = {f: v.strip() if type(v) is str else cell_text(v) for f, v in cells.items() if f != "birthday"}
    joined = "\n".join(text.values())  # one look at the whole row; the cells only when it fails
    if len(joined) > MAX_CELL or has_control_characters(joined):
        for name, value in text.items():
            if len(value) > MAX_CELL:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "The cell has more than {max} characters."),
                                      field=name, max=MAX_CELL)
            if has_control_characters(value):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "The cell contains control characters."),
                                      field=name)
    data = CustomerInput(name=text.get("name", ""))
    for name in ("company", "title", "phone", "email", "address", "city", "source", "notes"):
        if text.get(name):
            setattr(data, name, text[name])
    for name in ("kind", "category", "tier", "stage", "gender"):
        if text.get(name):
            setattr(data, name, parse_choice(name, text[name]))
    birthday = parse_birthday(cells.get("birthday"))
    if birthday is not None:
        data.birthday_calendar = birthday.calendar
        data.birth_year, data.birth_month, data.birth_day = birthday.year, birthday.month, birthday.day
        data.birth_leap_month = birthday.leap
    if text.get("tags"):
        data.tags = clean_tags(split_tags(text["tags"]))
    return data


# -- importing ----------------------------------------------------------------------------------
CUSTOMER_COLUMNS = (
    "uid", "stamp", "kind", "name", "name_pinyin", "name_initials", "gender", "company", "title", "phone",
    "phone_e164", "email", "address", "city", "source", "category", "tier", "tier_manual", "stage",
    "stage_manual", "birthday_calendar", "birth_year", "birth_month", "birth_day", "birth_leap_month",
    "custom_fields", "notes", "created_at", "order_count", "order_total_cents", "search_text", "search_pinyin",
    "search_digits",
)
UPDATABLE = ("name", "kind", "gender", "company", "title", "phone", "phone_e164", "email", "address", "city",
             "source", "category", "tier", "stage", "birthday_calendar", "birth_year", "birth_month", "birth_day",
             "birth_leap_month", "notes")
AUDITED_ON_CREATE = tuple(c for c in UPDATABLE if c not in ("phone_e164", "birth_leap_month"))


def import_customers(
    ctx: Context,
    path: Path,
    mapping: dict[int, str] | None = None,
    mode: str = "create",
    all_or_nothing: bool = True,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Check every row of ``path`` and, unless ``dry_run``, write the good ones.

    ``mapping`` maps column index to field (guessed from the headers when None). ``mode``:
    create new customers, update existing ones (matched on phone, then e-mail), or both.
    """
    policy.require(ctx, policy.Permission.WORK_ON_ALL)
    if mode not in MODES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="mode", value=mode)
    progress = progress or NoProgress()
    table = read_table(path)
    mapping = mapping if mapping is not None else guess_mapping(table.headers)
    if "name" not in mapping.values() and mode != "update":
        raise _file_error(QT_TRANSLATE_NOOP("errors", "No column holds the customer's name; choose which one does."))
    unknown = set(mapping.values()) - set(FIELDS)
    if unknown:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="mapping", value=", ".join(sorted(unknown)))
    column_of = {f: table.headers[i] if i < len(table.headers) else str(i + 1) for i, f in mapping.items()}
    report = ImportReport(dry_run=dry_run)
    good: list[tuple[int, CustomerInput, dict[str, Any]]] = []
    for number, raw in enumerate(table.rows, start=2):
        if all(c is None or c == "" or (isinstance(c, str) and not c.strip()) for c in raw):
            continue  # blank lines are not errors
        report.rows += 1
        if report.rows > MAX_ROWS:
            raise _file_error(QT_TRANSLATE_NOOP("errors", "The file has more than {max} rows; split it into smaller "
                                                          "files."), max=MAX_ROWS)
        cells = {f: raw[i] if i < len(raw) else None for i, f in mapping.items()}
        try:
            data = _row_input(cells)
            values = validate(data)
            good.append((number, data, values))
        except ValidationError as exc:
            column = column_of.get(exc.field or "", column_of.get("name", ""))
            if exc.field == "birthday_calendar":
                column = column_of.get("birthday", column)
            report.errors.append(RowError(number, column, exc))
        if report.rows % BATCH == 0:
            check(progress)
            progress.report(report.rows, table.size or report.rows, "check")
    progress.report(report.rows, report.rows, "check")
    if dry_run or (report.errors and all_or_nothing) or not good:
        _count_matches(report, good, mode)
        return report
    from crmdesk.services.backups import backup_before

    backup_before(ctx, "before-import")
    with atomic(), bulk.deferred_upkeep(["customer", "customer_tag"], adding=len(good)):
        _write(ctx, report, good, mode, Path(path).name, progress)
    report.written = True
    report.changes = Changes(everything=True)
    return report


def _existing_ids(good: list[tuple[int, CustomerInput, dict[str, Any]]]) -> tuple[dict[str, int], dict[str, int]]:
    """Live customers already on file with the rows' phones or e-mails."""
    phones = sorted({v["phone_e164"] for _, _, v in good if v["phone_e164"]})
    emails = sorted({v["email"].lower() for _, _, v in good if v["email"]})
    by_phone: dict[str, int] = {}
    by_email: dict[str, int] = {}
    c = m.Customer
    for start in range(0, len(phones), 500):
        query = c.select(c.id, c.phone_e164).where(c.deleted_at.is_null() & c.phone_e164.in_(phones[start:start + 500]))
        for cid, phone in query.tuples():
            by_phone.setdefault(phone, cid)
    for start in range(0, len(emails), 500):
        query = c.select(c.id, c.email).where(c.deleted_at.is_null() & c.email.in_(emails[start:start + 500]))
        for cid, email in query.tuples():
            by_email.setdefault(email.lower(), cid)
    return by_phone, by_email


def _match(values: dict[str, Any], by_phone: dict[str, int], by_email: dict[str, int]) -> int | None:
    if values["phone_e164"] and values["phone_e164"] in by_phone:
        return by_phone[values["phone_e164"]]
    if values["email"] and values["email"].lower() in by_email:
        return by_email[values["email"].lower()]
    return None


def _count_matches(report: ImportReport, good: list, mode: str) -> None:
    """For a dry run: how many rows would create and how many would update."""
    by_phone, by_email = _existing_ids(good) if mode != "create" else ({}, {})
    for number, _data, values in good:
        found = _match(values, by_phone, by_email)
        if found is None and mode == "update":
            report.errors.append(RowError(number, "", _no_match()))
        elif found is None:
            report.created += 1
        else:
            report.updated += 1


def _write(ctx: Context, report: ImportReport, good: list, mode: str, file_name: str, progress: Progress) -> None:
    now = ctx.now()
    batch = m.ImportBatch.create(uid=new_uid(), stamp=now, started_at=now, file_name=file_name[:250], mode=mode)
    by_phone, by_email = _existing_ids(good) if mode != "create" else ({}, {})
    next_id = bulk.next_id("customer")
    new_rows, items, tag_rows = [], [], []
    for done, (number, data, values) in enumerate(good, start=1):
        found = _match(values, by_phone, by_email)
        if found is None and mode == "update":
            report.errors.append(RowError(number, "", _no_match()))
            continue
        if found is not None:
            if found >= next_id and new_rows:  # matches a row of this file not written yet
                _flush(new_rows, next_id)
                next_id += len(new_rows)
                report.created += len(new_rows)
                new_rows = []
            if _update(ctx, found, values, data, batch.id):
                report.updated += 1
            else:
                report.unchanged += 1
            continue
        person = values["kind"] == "person"
        full, initials = pinyin.full_and_initials(values["name"], person)
        searchable = search.customer_columns(values["name"], values["company"], values["email"], values["city"],
                                             values["phone"], values["phone_e164"], data.tags, person)
        new_rows.append((
            new_uid(), now, values["kind"], values["name"], full, initials, values["gender"], values["company"],
            values["title"], values["phone"], values["phone_e164"], values["email"], values["address"],
            values["city"], values["source"], values["category"], values["tier"], False, values["stage"], False,
            values["birthday_calendar"], values["birth_year"], values["birth_month"], values["birth_day"],
            values["birth_leap_month"], "{}", values["notes"][:MAX_CELL], now, 0, 0, *searchable.values(),
        ))
        cid = next_id + len(new_rows) - 1
        items.append((batch.id, cid, "created", "{}"))
        tag_rows += [(cid, name) for name in data.tags]
        if mode != "create" and values["phone_e164"]:
            by_phone.setdefault(values["phone_e164"], cid)  # a later row with the same phone updates this one
        if len(new_rows) >= BATCH or done == len(good):
            _flush(new_rows, next_id)
            next_id += len(new_rows)
            report.created += len(new_rows)
            new_rows = []
            check(progress)
            progress.report(done, len(good), "write")
    if new_rows:
        _flush(new_rows, next_id)
        report.created += len(new_rows)
    bulk.insert_rows("import_item", ("batch_id", "customer_id", "action", "before"), items)
    _add_tags(ctx, tag_rows)
    # The audit trail, written by the database from the rows just stored (no Python per row).
    audit.created_many(ctx, m.Customer, [cid for _, cid, _, _ in items], "import", AUDITED_ON_CREATE)
    audit.import_updates(ctx, batch.id, UPDATABLE)
    m.ImportBatch.update(created=report.created, updated=report.updated).where(m.ImportBatch.id == batch.id).execute()
    report.batch_id = batch.id


def _flush(rows: list[tuple], first_id: int) -> None:
    bulk.insert_rows("customer", ("id", *CUSTOMER_COLUMNS), [(first_id + i, *row) for i, row in enumerate(rows)])


def _add_tags(ctx: Context, tag_rows: list[tuple[int, str]]) -> None:
    if not tag_rows:
        return
    now = ctx.now()
    ids: dict[str, int] = {}
    for name in sorted({name for _, name in tag_rows}):
        tag = m.Tag.get_or_none(m.Tag.name == name)
        if tag is None:
            tag = m.Tag.create(uid=new_uid(), stamp=now, name=name)
        ids[name] = tag.id
    bulk.insert_rows("customer_tag", ("customer_id", "tag_id", "stamp"),
                     sorted({(cid, ids[name], now) for cid, name in tag_rows}))


def _update(ctx: Context, customer_id: int, values: dict[str, Any], data: CustomerInput, batch_id: int) -> bool:
    """Update the columns the file gives (non-empty cells); keep the old values for undo."""
    row = m.Customer.get_by_id(customer_id)
    given = {k: v for k, v in values.items() if k in UPDATABLE and v not in ("", None)}
    before = {k: getattr(row, k) for k in given if getattr(row, k) != given[k]}
    if not before:
        return False
    from crmdesk.services.customers import refresh_search_columns

    changed = {k: given[k] for k in before}
    m.Customer.update(stamp=ctx.now(), **changed).where(m.Customer.id == customer_id).execute()
    refresh_search_columns(ctx, customer_id)
    m.ImportItem.create(batch=batch_id, customer=customer_id, action="updated",
                        before=json.dumps(before, ensure_ascii=False, default=str))
    return True


def undo_import(ctx: Context, batch_id: int) -> Changes:
    """Take an import back: its new customers go to the recycle bin, updated ones get their
    old values back."""
    policy.require(ctx, policy.Permission.WORK_ON_ALL)
    now = ctx.now()
    with atomic():
        batch = m.ImportBatch.get_or_none(m.ImportBatch.id == batch_id)
        if batch is None or batch.undone_at is not None:
            raise NotFoundError(QT_TRANSLATE_NOOP("errors", "That import does not exist or was already undone."))
        created = [i.customer_id for i in m.ImportItem.select().where(
            (m.ImportItem.batch == batch_id) & (m.ImportItem.action == "created"))]
        audit.deleted(ctx, m.Customer, created, action="undo")
        audit.import_updates(ctx, batch_id, UPDATABLE, undoing=True)
        for start in range(0, len(created), 900):
            m.Customer.update(deleted_at=now, stamp=now).where(m.Customer.id.in_(created[start:start + 900])).execute()
        from crmdesk.services.customers import refresh_search_columns

        for item in m.ImportItem.select().where((m.ImportItem.batch == batch_id) & (m.ImportItem.action == "updated")):
            old = json.loads(item.before)
            m.Customer.update(stamp=now, **old).where(m.Customer.id == item.customer_id).execute()
            refresh_search_columns(ctx, item.customer_id)
        m.ImportBatch.update(undone_at=now, stamp=now).where(m.ImportBatch.id == batch_id).execute()
    return Changes(everything=True)
