"""The command line: a thin client of :mod:`crmdesk.services`, on the app's database.

With no command it opens the app. A failing command prints one plain sentence on stderr and
exits non-zero.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from crmdesk import __version__
from crmdesk.domain.errors import CrmError

if TYPE_CHECKING:
    from crmdesk.reports.words import ReportWords

EXIT_ERROR = 1


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
    exp.add_argument("kind", choices=("customers", "opportunities", "reminders"), metavar="KIND",
                     help="what to export: customers, opportunities (the pipeline's deals) or reminders "
                          "(open care tasks, as iCalendar)")
    exp.add_argument("--format", choices=("xlsx", "csv", "ics"), help="file format (default: from the file name)")
    exp.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    exp.add_argument("--search", default="", metavar="TEXT",
                     help="only records the search finds (customers: the archive's search; deals: title or customer)")
    exp.add_argument("--status", choices=("open", "won", "lost", "all"), default="open",
                     help="opportunities only: which deals (default: the open ones)")
    exp.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                     help="reminders only: due on or after this day (default: all open tasks)")
    exp.add_argument("--until", metavar="YYYY-MM-DD", help="reminders only: due before this day")
    exp.add_argument("--customer", type=int, metavar="ID", help="reminders only: one customer's tasks")
    _add_report_parser(sub)
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


def _open(target: str | None) -> None:
    from crmdesk import paths
    from crmdesk.services import setup
    from crmdesk.services.context import Context
    from crmdesk.storage.database import open_database

    open_database(target if target else paths.default_db_path())
    setup.ensure_defaults(Context(), system_language())


def cmd_demo(args: argparse.Namespace) -> int:
    from crmdesk.services.context import Context
    from crmdesk.services.demo import generator

    _open(args.db)
    if args.if_empty and generator.has_customers():
        print("The database already has customers; no demo data was added.")
        return 0
    progress = _StderrProgress()
    try:
        summary = generator.generate(Context(), args.customers, seed=args.seed, language=system_language(), progress=progress)
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
    from crmdesk.services.context import Context

    _open(args.db)
    progress = _StderrProgress()
    try:
        report = importing.import_customers(Context(), Path(args.file), mode=args.mode,
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
    from crmdesk.services.context import Context
    from crmdesk.ui import i18n
    from crmdesk.ui.export_words import TranslatedWords

    _open(args.db)
    if args.kind == "reminders":
        return _export_reminders(args)
    words = TranslatedWords(i18n.translator_for(system_language()))  # headers in the user's language
    progress = _StderrProgress()
    try:
        if args.kind == "opportunities":
            count = exporting.export_opportunities(Context(), DealFilter(text=args.search), Path(args.output),
                                                   args.status, args.format, words, progress)
        else:
            count = exporting.export_customers(Context(), CustomerFilter(text=args.search), Path(args.output),
                                               args.format, words, progress)
    finally:
        progress.finish()
    print(f"Exported {count} {args.kind} to {args.output}.")
    return 0


def _day(text: str | None, option: str) -> object:
    import datetime as dt

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"crmdesk: {option} wants a date like 2026-12-31, not “{text}”.") from None


def _export_reminders(args: argparse.Namespace) -> int:
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    from crmdesk.services import ical
    from crmdesk.services.context import Context
    from crmdesk.ui import i18n
    from crmdesk.ui.panes.calendar.task_text import task_text

    fmt = args.format or Path(args.output).suffix.lstrip(".").lower()
    if fmt != "ics":
        print("crmdesk: reminders are exported as iCalendar (.ics).", file=sys.stderr)
        return EXIT_ERROR
    app = QCoreApplication.instance() or QCoreApplication([])
    i18n.install(app, system_language())  # the tasks read in the user's language
    count = ical.export_tasks(Context(), Path(args.output), _day(args.start, "--from"), _day(args.until, "--until"),
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
    from crmdesk.services.context import Context

    ctx = Context()
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


COMMANDS = {"demo": cmd_demo, "import": cmd_import, "export": cmd_export, "report": cmd_report}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
