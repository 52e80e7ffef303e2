"""The command line: a thin client of :mod:`crmdesk.services`, on the app's database.

With no command it opens the app. A failing command prints one plain sentence on stderr and
exits non-zero.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from crmdesk import __version__
from crmdesk.domain.errors import CrmError

if TYPE_CHECKING:
    from crmdesk.reports.words import ReportWords

EXIT_ERROR = 1
EXPORT_KINDS = ("customers", "opportunities", "reminders", "complaints", "kpi")
DEAL_STATUSES = ("open", "won", "lost", "all")
COMPLAINT_STATUSES = ("new", "in_progress", "resolved", "closed", "reopened")
SEVERITIES = ("low", "normal", "high", "urgent")


def system_language() -> str:
    """``zh_CN`` when the environment's locale is Chinese, else ``en``."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crmdesk", description="A desktop CRM for small businesses.")
    parser.add_argument("--version", action="version", version=f"crmdesk {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="database file or postgresql:// URL (default: the app's own)")
    parser.add_argument("--user", metavar="NAME", help="run the command as this user (their role applies; with "
                                                       "sign-in on, the password is read from CRMDESK_PASSWORD "
                                                       "or asked)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation on a temporary database (every pane, an Excel export, a PDF "
                             "report), touching none of your data; exits non-zero on any error or Qt warning")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill a database with realistic demo data")
    demo.add_argument("--customers", type=int, required=True, metavar="N", help="how many customers to add")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (same seed, same data)")
    demo.add_argument("--if-empty", action="store_true", help="do nothing if the database already has customers")
    imp = sub.add_parser("import", help="import records from a file")
    imp_sub = imp.add_subparsers(dest="kind", metavar="KIND", required=True)
    cust = imp_sub.add_parser("customers", help="import customers from .xlsx or .csv")
    cust.add_argument("file", metavar="FILE")
    cust.add_argument("--dry-run", action="store_true", help="check every row, change nothing")
    cust.add_argument("--mode", choices=("create", "update", "upsert"), default="create",
                      help="create new customers, update existing ones (matched on phone, then e-mail), or both")
    cust.add_argument("--skip-bad-rows", action="store_true",
                      help="import the good rows even if some are bad (default: all or nothing)")
    exp = sub.add_parser("export", help="export records to .xlsx or .csv")
    exp.add_argument("kind", choices=EXPORT_KINDS, metavar="KIND",
                     help="what to export: customers, opportunities (the pipeline's deals), reminders "
                          "(open care tasks), complaints, or kpi (the KPI workbook with charts, .xlsx)")
    exp.add_argument("--format", choices=("xlsx", "csv", "ics"),
                     help="file format (default: from the file name; ics for reminders only)")
    exp.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    exp.add_argument("--search", default="", metavar="TEXT",
                     help="only records the search finds (customers: the archive's search; deals: title or "
                          "customer; complaints: description or customer)")
    exp.add_argument("--segment", metavar="NAME", help="customers only: the customers of this saved segment")
    exp.add_argument("--status", action="append", choices=(*DEAL_STATUSES, *COMPLAINT_STATUSES),
                     help="opportunities: which deals (open, won, lost or all; default open); complaints: "
                          "only these statuses (repeatable; open = new, in progress or reopened)")
    exp.add_argument("--severity", action="append", choices=SEVERITIES, help="complaints only: only these "
                                                                              "severities (repeatable)")
    exp.add_argument("--category", metavar="NAME", help="complaints only: only this category")
    exp.add_argument("--overdue", action="store_true", help="complaints only: open and past the deadline")
    exp.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                     help="reminders: due on or after this day (default: all open tasks); complaints: received "
                          "on or after this day; kpi: the period's first day")
    exp.add_argument("--until", metavar="YYYY-MM-DD",
                     help="reminders: due before this day; complaints: received before this day; kpi: the day "
                          "after the period")
    exp.add_argument("--customer", type=int, metavar="ID", help="reminders only: one customer's tasks")
    exp.add_argument("--month", metavar="YYYY-MM", help="kpi only: the month measured (default: this month; "
                                                        "or give --from and --until)")
    _add_report_parser(sub)
    bak = sub.add_parser("backup", help="write a verified copy of the database (for scheduled jobs)")
    bak.add_argument("-o", "--output", metavar="FILE",
                     help="the file to write (default: a new copy in the backups folder beside the database)")
    res = sub.add_parser("restore", help="put a backup in place of the database (the database as it was is "
                                         "backed up first, so the restore can be undone)")
    res.add_argument("file", metavar="FILE", help="the backup to restore")
    chk = sub.add_parser("check", help="check the database and repair what is safe to repair; exits non-zero "
                                       "when damage remains")
    chk.add_argument("--no-repair", action="store_true", help="only report, change nothing")
    from crmdesk import cli_users

    cli_users.add_parser(sub)
    from crmdesk import cli_sync

    cli_sync.add_parser(sub)
    return parser


def _add_report_parser(sub: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF file to write")
    common.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)")
    rep = sub.add_parser("report", help="print a report to a PDF file")
    kinds = rep.add_subparsers(dest="kind", metavar="KIND", required=True)
    dossier = kinds.add_parser("dossier", parents=[common], help="one customer's dossier")
    dossier.add_argument("customer", metavar="CUSTOMER", help="the customer's number, or their exact name or phone")
    listing = kinds.add_parser("customers", parents=[common], help="a list of customers")
    listing.add_argument("--search", default="", metavar="TEXT", help="only the customers the archive's search finds")
    kinds.add_parser("pipeline", parents=[common], help="the pipeline forecast and conversion")
    complaints = kinds.add_parser("complaints", parents=[common], help="the complaint summary of a period")
    complaints.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="received on or after this day")
    complaints.add_argument("--until", metavar="YYYY-MM-DD", help="received before this day")
    kpi = kinds.add_parser("kpi", parents=[common], help="the KPI report of a month")
    kpi.add_argument("--month", metavar="YYYY-MM", help="which month (default: this one)")


class _StderrProgress:
    """Prints a percentage on stderr when it is a terminal."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = -1

    def report(self, done: int, total: int, stage: str = "") -> None:
        percent = done * 100 // max(total, 1)
        if self.tty and percent != self.last:
            self.last = percent
            sys.stderr.write(f"\r{percent:3d}% {stage}   ")
            sys.stderr.flush()

    def cancelled(self) -> bool:
        return False

    def finish(self) -> None:
        if self.tty and self.last >= 0:
            sys.stderr.write("\n")


def _context(args: argparse.Namespace):  # noqa: ANN202 - a services Context
    from crmdesk.cli_users import context

    return context(args)


def _open(target: str | None) -> None:
    from crmdesk import paths
    from crmdesk.services import setup
    from crmdesk.services.context import Context
    from crmdesk.storage.database import open_database

    open_database(target if target else paths.default_db_path())
    setup.ensure_defaults(Context(), system_language())
    setup.apply_settings()


def cmd_demo(args: argparse.Namespace) -> int:
    from crmdesk.services.demo import generator

    _open(args.db)
    if args.if_empty and generator.has_customers():
        print("The database already has customers; no demo data was added.")
        return 0
    progress = _StderrProgress()
    try:
        summary = generator.generate(_context(args), args.customers, seed=args.seed, language=system_language(), progress=progress)
    finally:
        progress.finish()
    print(
        f"Added {summary.customers} customers, {summary.interactions} interactions, {summary.orders} orders, "
        f"{summary.opportunities} deals, {summary.reminders} care tasks and {summary.complaints} complaints."
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from crmdesk.services import importing

    _open(args.db)
    progress = _StderrProgress()
    try:
        report = importing.import_customers(_context(args), Path(args.file), mode=args.mode,
                                            all_or_nothing=not args.skip_bad_rows, dry_run=args.dry_run,
                                            progress=progress)
    finally:
        progress.finish()
    for error in report.errors[:50]:
        where = f"row {error.row}" + (f", column {error.column}" if error.column else "")
        print(f"crmdesk: {args.file}: {where}: {error.message}", file=sys.stderr)
    if len(report.errors) > 50:
        print(f"crmdesk: … and {len(report.errors) - 50} more bad rows.", file=sys.stderr)
    verb = "would create" if not report.written else "created"
    print(f"{report.rows} rows: {verb} {report.created}, {'would update' if not report.written else 'updated'} "
          f"{report.updated}, {len(report.errors)} bad." + (f" Import batch {report.batch_id}." if report.batch_id else ""))
    if report.errors and not report.written and not args.dry_run:
        print("crmdesk: nothing was imported because some rows are bad (use --skip-bad-rows to import the rest).",
              file=sys.stderr)
    return EXIT_ERROR if report.errors else 0


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from crmdesk.domain.filters import CustomerFilter, DealFilter
    from crmdesk.services import exporting

    _open(args.db)
    if args.kind == "reminders" and (args.format or Path(args.output).suffix.lstrip(".").lower()) == "ics":
        return _export_reminders_ics(args)
    words = _export_words(care_tasks=args.kind == "reminders")
    ctx, path, progress = _context(args), Path(args.output), _StderrProgress()
    try:
        if args.kind == "opportunities":
            count = exporting.export_opportunities(ctx, DealFilter(text=args.search), path, _deal_status(args.status),
                                                   args.format, words, progress)
        elif args.kind == "complaints":
            count = exporting.export_complaints(ctx, _complaint_filter(args), path, args.format, words, progress)
        elif args.kind == "kpi":
            from crmdesk.services.exporting.kpi import export_kpis

            if args.format not in (None, "xlsx"):
                _refuse(f"the KPI workbook is written as .xlsx, not “{args.format}”.")
            count = export_kpis(ctx, _kpi_period(args, ctx), path, words, progress)
        elif args.kind == "reminders":
            count = exporting.export_reminders(ctx, path, _day(args.start, "--from"), _day(args.until, "--until"),
                                               args.customer, args.format, words, progress)
        else:
            flt = exporting.segment_filter(args.segment) if args.segment else CustomerFilter()
            if args.search:
                flt = flt.with_text(f"{flt.text} {args.search}".strip())
            count = exporting.export_customers(ctx, flt, path, args.format, words, progress, segment=args.segment)
    finally:
        progress.finish()
    print(f"Exported {count} {'figures' if args.kind == 'kpi' else args.kind} to {args.output}.")
    return 0


def _kpi_period(args: argparse.Namespace, ctx: object):  # noqa: ANN202 - a kpi.Period
    from crmdesk.domain.clock import today
    from crmdesk.services.kpi import Period

    if args.month and (args.start or args.until):
        _refuse("give either --month or --from and --until, not both.")
    if args.month:
        return Period.month(args.month)
    if args.start or args.until:
        if not (args.start and args.until):
            _refuse("a KPI period needs both --from and --until.")
        return Period(_day(args.start, "--from"), _day(args.until, "--until"))
    return Period.of("month", today(ctx.clock))


def _export_words(care_tasks: bool = False):  # noqa: ANN202 - a TranslatedWords (Qt imported on use)
    """Headers and labels in the user's language. Care tasks read through the app's installed
    translators, which want a Qt core application: started only for them, as it must not
    outlive a command run inside another program's Qt session."""
    from crmdesk.ui import i18n
    from crmdesk.ui.export_words import TranslatedWords

    language = system_language()
    if care_tasks:
        from PySide6.QtCore import QCoreApplication

        i18n.install(QCoreApplication.instance() or QCoreApplication([]), language)
    return TranslatedWords(i18n.translator_for(language))


def _refuse(sentence: str) -> NoReturn:
    """Stop a command over bad input: main prints the sentence and exits non-zero."""
    raise CrmError("{sentence}", sentence=sentence)


def _deal_status(given: list[str] | None) -> str:
    if not given:
        return "open"
    if len(given) > 1 or given[0] not in DEAL_STATUSES:
        _refuse(f"opportunities take one --status of {', '.join(DEAL_STATUSES)}, "
                         f"not “{' '.join(given)}”.")
    return given[0]


def _complaint_filter(args: argparse.Namespace):  # noqa: ANN202 - a ComplaintFilter
    from crmdesk.domain.clock import to_ms
    from crmdesk.domain.complaints import OPEN_STATUSES
    from crmdesk.domain.filters import ComplaintFilter
    from crmdesk.services import complaints

    statuses: list[str] = []
    for status in args.status or ():
        if status not in (*COMPLAINT_STATUSES, "open", "all"):
            _refuse(f"complaints take --status of {', '.join(COMPLAINT_STATUSES)} or open, "
                             f"not “{status}”.")
        statuses += [str(s) for s in OPEN_STATUSES] if status == "open" else [] if status == "all" else [status]
    if "all" in (args.status or ()):
        statuses = []
    category_id = None
    if args.category:
        found = [cid for cid, name in complaints.categories() if name.strip() == args.category.strip()]
        if not found:
            _refuse(f"there is no complaint category called “{args.category}”.")
        category_id = found[0]

    def midnight(text: str | None, option: str) -> int | None:
        import datetime as dt

        day = _day(text, option)
        return None if day is None else to_ms(dt.datetime.combine(day, dt.time()))

    return ComplaintFilter(text=args.search, statuses=tuple(dict.fromkeys(statuses)),
                           severities=tuple(dict.fromkeys(args.severity or ())), category_id=category_id,
                           overdue=args.overdue, received_from=midnight(args.start, "--from"),
                           received_until=midnight(args.until, "--until"))


def _day(text: str | None, option: str) -> object:
    import datetime as dt

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _refuse(f"{option} wants a date like 2026-12-31, not “{text}”.")


def _export_reminders_ics(args: argparse.Namespace) -> int:
    from pathlib import Path

    from crmdesk.services import ical
    from crmdesk.ui.panes.calendar.task_text import task_text

    _export_words(care_tasks=True)  # the tasks read in the user's language
    count = ical.export_tasks(_context(args), Path(args.output), _day(args.start, "--from"), _day(args.until, "--until"),
                              args.customer, ical.Words(task_text))
    print(f"Exported {count} reminders to {args.output}.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from crmdesk.services.exporting import write_atomically
    from crmdesk.ui import i18n
    from crmdesk.ui.report_words import TranslatedReportWords

    _open(args.db)
    language = system_language()
    words = TranslatedReportWords(language, i18n.translator_for(language))
    progress = _StderrProgress()
    try:
        pdf = _report_pdf(args, words, progress)
    finally:
        progress.finish()
    write_atomically(Path(args.output), lambda part: part.write_bytes(pdf))
    print(f"Wrote the {args.kind} report to {args.output}.")
    return 0


def _report_pdf(args: argparse.Namespace, words: ReportWords, progress: _StderrProgress) -> bytes:

    ctx = _context(args)
    if args.kind == "dossier":
        from crmdesk.reports.dossier import build_dossier, find_customer

        return build_dossier(ctx, find_customer(args.customer), words, args.paper, progress)
    if args.kind == "customers":
        from crmdesk.domain.filters import CustomerFilter
        from crmdesk.reports.customer_list import build_customer_list

        return build_customer_list(ctx, CustomerFilter(text=args.search), words, args.paper, progress)
    if args.kind == "pipeline":
        from crmdesk.reports.pipeline import build_pipeline

        return build_pipeline(ctx, None, words, args.paper, progress)
    if args.kind == "kpi":
        from crmdesk.reports.kpi import build_kpi
        from crmdesk.services.kpi import Period

        return build_kpi(ctx, Period.month(args.month) if args.month else None, words, args.paper, progress)
    from crmdesk.reports.complaints import build_complaints

    return build_complaints(ctx, _day(args.start, "--from"), _day(args.until, "--until"), words, args.paper, progress)


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from crmdesk.services import backups

    _open(args.db)
    progress = _StderrProgress()
    try:
        result = backups.take_backup(_context(args), "manual", Path(args.output) if args.output else None, progress)
    finally:
        progress.finish()
    print(f"Backed up {result.customers} customers to {result.path} (checked).")
    if result.second_copy:
        print(f"Copied to {result.second_copy}.")
    if result.warning:
        print(f"crmdesk: {result.warning}", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from crmdesk import paths
    from crmdesk.services import backups
    from crmdesk.storage.database import DamagedDatabaseError, NotSqliteError, close_database, is_url

    source = Path(args.file)
    backups.check_restorable(source)  # a wrong file is refused before anything is opened
    target = args.db or str(paths.default_db_path())
    if is_url(target):
        _refuse("a backup file is restored into a database file, not into a server database.")
    try:
        _open(target)
    except (DamagedDatabaseError, NotSqliteError) as exc:
        close_database()
        moved = backups.move_aside(Path(target))
        print(f"crmdesk: {exc} It was moved aside to {moved}.", file=sys.stderr)
        backups.restore_as_new(source, Path(target))
        _open(target)
        print(f"Restored {source} as {target}.")
        return 0
    result = backups.restore(_context(args), source)
    note = ", and upgraded to this version of crmdesk" if result.migrated else ""
    print(f"Restored {source}{note}. The database as it was is kept in {result.kept_aside} "
          "(restore that to undo).")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from crmdesk.services import policy
    from crmdesk.services.check import check_database

    _open(args.db)
    policy.require(_context(args), policy.Permission.BACKUP)
    progress = _StderrProgress()
    try:
        report = check_database(repair=not args.no_repair, progress=progress)
    finally:
        progress.finish()
    for finding in report.findings:
        print(("repaired: " if finding.repaired else "found: ") + finding.text())
    if report.healthy:
        print("The database is healthy.")
        return 0
    if report.damage_remains:
        print("crmdesk: damage remains that checking cannot repair; restore a backup (crmdesk restore FILE).",
              file=sys.stderr)
        return EXIT_ERROR
    print("Everything found was repaired.")
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    from crmdesk.cli_users import cmd_users as run

    _open(args.db)
    return run(args)


def cmd_sync(args: argparse.Namespace) -> int:
    from crmdesk.cli_sync import cmd_sync as run

    return run(args)


COMMANDS = {"users": cmd_users, "sync": cmd_sync, "backup": cmd_backup, "restore": cmd_restore, "check": cmd_check, "demo": cmd_demo, "import": cmd_import, "export": cmd_export, "report": cmd_report}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        if args.command is not None or args.db:
            parser.error("--self-test runs on its own temporary database; give it no command and no --db")
        from crmdesk.self_test import main as self_test

        return self_test()
    try:
        if args.command is None:
            from crmdesk.ui.app import run

            return run(args.db)
        return COMMANDS[args.command](args)
    except CrmError as exc:
        print(f"crmdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("crmdesk: interrupted; nothing was changed.", file=sys.stderr)
        return 130
    finally:
        from crmdesk.storage.database import close_database

        close_database()
