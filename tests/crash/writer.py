"""The process the crash tests kill: it writes through crmdesk's own services and says what it
committed.

    python tests/crash/writer.py prepare OP FOLDER   # build FOLDER/template.sqlite (+ plan.json)
    python tests/crash/writer.py run OP FOLDER       # write to FOLDER/crm.sqlite until killed

``run`` prints ``ready`` once everything is imported and set up, then one JSON line for every
transaction it has committed (flushed at once, so that a line is never lost with the process),
and ``done`` if nobody killed it first. OP is one of ``import``, ``merge``, ``migrate``,
``bulk``, ``backup``. Everything is deterministic: the same OP writes the same rows.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

from crmdesk.domain import pinyin
from crmdesk.domain.clock import FixedClock
from crmdesk.domain.customer import ContactInput, CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.domain.ids import new_uid
from crmdesk.services import bulk, customers, dedupe, importing
from crmdesk.services.context import Context
from crmdesk.storage import migrations
from crmdesk.storage import models as m
from crmdesk.storage.database import close_database, open_database

START = dt.datetime(2026, 11, 23, 15, 30)
BASE_CUSTOMERS = 40  # fewer than one import file, so the first import pauses index upkeep
IMPORT_ROWS = 300
IMPORT_FILES = 10
MERGE_GROUPS = 40
MIGRATE_CUSTOMERS = 1500
BULK_CUSTOMERS = 2000
BULK_WINDOW = 200
BULK_ACTIONS = ("tag", "tier", "category", "delete", "stage", "untag")
BACKUP_CUSTOMERS = 1000


def context(step: int = 0) -> Context:
    """A clock one second further on for every step, so that each step's rows carry its time."""
    return Context(clock=FixedClock(START + dt.timedelta(seconds=step)))


def emit(record: dict[str, object] | str) -> None:
    print(record if isinstance(record, str) else json.dumps(record), flush=True)


# -- inputs ---------------------------------------------------------------------------------------
def import_csv(folder: Path, k: int) -> Path:
    path = folder / f"batch{k:03d}.csv"
    lines = ["客户名称,手机号码,城市,标签"]
    lines += [f"导入{k}-{i},139{k:04d}{i:04d},杭州,VIP;批{k}" for i in range(IMPORT_ROWS)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def import_plain(path: Path, count: int, prefix: str) -> None:
    """``count`` customers through the import service (the quickest honest way to a big file)."""
    csv = path.with_suffix(".csv")
    rows = [f"{prefix}{i},138{i:08d},上海" for i in range(count)]
    csv.write_text("\n".join(["客户名称,手机号码,城市", *rows]), encoding="utf-8")
    importing.import_customers(context(), csv)
    csv.unlink()


def bulk_steps(ids: list[int]) -> list[tuple[str, str, list[int]]]:
    """(action, value, customer ids) of every bulk step, over disjoint windows of customers."""
    values = {"tier": "strategic", "category": "existing", "stage": "loyal", "delete": "", "tag": "", "untag": ""}
    steps = []
    for k, start in enumerate(range(0, len(ids), BULK_WINDOW)):
        action = BULK_ACTIONS[k % len(BULK_ACTIONS)]
        value = f"批量{k}" if action in ("tag", "untag") else values[action]
        steps.append((action, value, ids[start:start + BULK_WINDOW]))
    return steps


# -- prepare: one template database per operation -----------------------------------------------
def prepare(op: str, folder: Path) -> None:
    path = folder / "template.sqlite"
    plan: dict[str, object] = {}
    if op == "migrate":
        migrations.HEAD = 1  # write the file as crmdesk at schema version 1 did
        open_database(path)
        close_database()
        migrations.HEAD = len(migrations.NAMES)
        with sqlite3.connect(path) as conn:
            conn.executemany(
                "INSERT INTO customer (uid, stamp, kind, name, name_pinyin, name_initials, gender, company, title,"
                " phone, phone_e164, email, address, city, source, category, tier, tier_manual, stage,"
                " stage_manual, birthday_calendar, birth_leap_month, custom_fields, notes, created_at,"
                " order_count, order_total_cents) VALUES (?, 1, 'person', ?, '', '', '', '', '', ?, ?, '', '',"
                " '上海', '', 'potential', 'general', 0, 'potential', 0, 'solar', 0, '{}', '', 1, 0, 0)",
                [(new_uid(), f"迁移{i}", f"137{i:08d}", f"+86137{i:08d}") for i in range(MIGRATE_CUSTOMERS)])
        conn.close()
        plan["customers"] = MIGRATE_CUSTOMERS
        plan["old_schema"] = schema_of(path)
        upgraded = folder / "upgraded.sqlite"
        upgraded.write_bytes(path.read_bytes())
        open_database(upgraded)
        close_database()
        plan["new_schema"] = schema_of(upgraded)
        (folder / "plan.json").write_text(json.dumps(plan, ensure_ascii=False))
        return
    open_database(path)
    ctx = context()
    if op == "import":
        import_plain(path, BASE_CUSTOMERS, "老客户")
    elif op == "merge":
        groups = []
        for g in range(MERGE_GROUPS):
            ids = []
            for j in range(3):
                cid, _ = customers.create_customer(ctx, CustomerInput(
                    name=f"重复{g}", kind="company", city="宁波", phone=f"136{g:04d}{j:04d}",
                    tags=[f"组{g}", f"人{g}-{j}"], contacts=[ContactInput(name=f"联系人{g}-{j}")]))
                customers.log_interaction(ctx, cid, "call", f"回访{g}-{j}")
                for n in range(2):
                    m.Order.create(uid=new_uid(), stamp=ctx.now(), customer=cid, ordered_on=dt.date(2026, 10, 1 + n),
                                   amount_cents=1000 * (j + 1))
                m.Customer.update(order_count=2, order_total_cents=2000 * (j + 1)).where(m.Customer.id == cid).execute()
                ids.append(cid)
            groups.append(ids)
        plan["groups"] = groups
    elif op == "bulk":
        import_plain(path, BULK_CUSTOMERS, "批量客户")
        ids = [c.id for c in m.Customer.select(m.Customer.id).order_by(m.Customer.id)]
        for action, value, window in bulk_steps(ids):
            if action == "untag":  # a tag the step can take off again
                bulk.add_tag(ctx, CustomerFilter(ids=tuple(window)), value)
        plan["ids"] = ids
    elif op == "backup":
        import_plain(path, BACKUP_CUSTOMERS, "备份客户")
    close_database()
    (folder / "plan.json").write_text(json.dumps(plan, ensure_ascii=False))


def schema_of(path: Path) -> list[list[str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
        out = [list(r) for r in rows]
    conn.close()
    return out


# -- run: write until killed ----------------------------------------------------------------------
def run(op: str, folder: Path) -> None:
    path = folder / "crm.sqlite"
    plan = json.loads((folder / "plan.json").read_text())
    if op == "migrate":
        emit("ready")
        open_database(path)  # backs the old file up, then upgrades it in one transaction
        emit({"version": migrations.HEAD})
        close_database()
        emit("done")
        return
    open_database(path)
    if op in ("import", "merge", "backup"):
        pinyin.full_and_initials("预热", True)  # load the pinyin tables now, as a running app has
    if op == "import":
        files = [import_csv(folder, k) for k in range(IMPORT_FILES)]
        emit("ready")
        for k, file in enumerate(files):
            report = importing.import_customers(context(k + 1), file)
            emit({"batch": report.batch_id, "k": k, "created": report.created})
    elif op == "merge":
        emit("ready")
        for g, (survivor, *others) in enumerate(plan["groups"]):
            merge_id, _ = dedupe.merge(context(g + 1), survivor, others)
            emit({"merge": merge_id, "group": g})
    elif op == "bulk":
        steps = bulk_steps(plan["ids"])
        bulk.resolve(context(), CustomerFilter(ids=(0,)))  # the filter code loaded, as in a running app
        emit("ready")
        for k, (action, value, window) in enumerate(steps):
            ctx, flt = context(k + 1), CustomerFilter(ids=tuple(window))
            if action == "tag":
                bulk.add_tag(ctx, flt, value)
            elif action == "untag":
                bulk.remove_tag(ctx, flt, value)
            elif action == "delete":
                bulk.delete(ctx, flt)
            else:
                bulk.set_field(ctx, flt, action, value)
            emit({"step": k})
    elif op == "backup":
        emit("ready")
        run_backups(folder, path)
    close_database()
    emit("done")


def run_backups(folder: Path, path: Path) -> None:
    """Save a customer, then back the database up while it is open, again and again.

    The copy is taken the way crmdesk takes its copies (see storage/schema.py): SQLite's online
    backup API from the open connection, in one step, into a ``.part`` file that is checked and
    then renamed to its backup name.
    """
    (folder / "backups").mkdir(exist_ok=True)
    for i in range(10_000):
        cid, _ = customers.create_customer(context(i + 1), CustomerInput(name=f"新客户{i}"))
        emit({"customer": cid, "i": i})
        target = folder / "backups" / f"copy{i:04d}.sqlite"
        part = target.with_name(target.name + ".part")
        dest = sqlite3.connect(part)
        try:
            m.database_proxy.obj.connection().backup(dest)
            ok = dest.execute("PRAGMA quick_check").fetchone()[0]
            count = dest.execute("SELECT COUNT(*) FROM customer").fetchone()[0]
        finally:
            dest.close()
        part.replace(target)
        emit({"backup": target.name, "ok": ok, "customers": count})
        if i:  # keep the newest good copy and the one being taken, as thinning would
            (folder / "backups" / f"copy{i - 1:04d}.sqlite").unlink()


if __name__ == "__main__":
    command, operation, where = sys.argv[1:4]
    (prepare if command == "prepare" else run)(operation, Path(where))
