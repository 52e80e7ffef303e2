"""Checking the database (``crmdesk check``, Help → Check database…): what is wrong, and
what could be repaired safely.

Looks at SQLite's integrity check, references to rows that are gone, the search indexes and
the KPI running totals. Derived data (indexes, totals) is rebuilt and dangling references are
cleared; damage to the data itself is only reported, and a backup is the way back from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.services.progress import NoProgress, Progress
from crmdesk.storage import health, kpi


@dataclass(frozen=True)
class Finding:
    template: str  # translated in the context "check", then filled in
    params: dict[str, Any] = field(default_factory=dict)
    repaired: bool = False

    def text(self) -> str:
        return self.template.format(**self.params)


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.findings

    @property
    def damage_remains(self) -> bool:
        return any(not f.repaired for f in self.findings)


STEPS = 4


def check_database(repair: bool = True, progress: Progress | None = None) -> CheckReport:
    """Check the open database; with ``repair``, fix what is safe to fix."""
    progress = progress or NoProgress()
    report = CheckReport()
    progress.report(0, STEPS, "integrity")
    problems = health.sqlite_check("integrity_check")
    for problem in problems[:20]:
        report.findings.append(Finding(QT_TRANSLATE_NOOP("check", "The file is damaged: {problem}"),
                                       {"problem": problem}))
    if problems and any("malformed" in p or "not a database" in p for p in problems):
        return report  # too damaged to look further: restore a backup
    progress.report(1, STEPS, "references")
    found = health.orphans()
    if repair and found:
        health.repair_orphans([o for o in found if o.rule != "keep"])
    for o in found:
        fixed = repair and o.rule != "keep"
        if o.rule == "keep":
            template = QT_TRANSLATE_NOOP("check", "{rows} row(s) of {table} refer to a {parent} that is gone "
                                                  "(column {column}); they were left as they are.")
        elif o.rule == "null":
            template = QT_TRANSLATE_NOOP("check", "{rows} row(s) of {table} referred to a {parent} that is gone "
                                                  "(column {column}); the reference was cleared.")
        else:
            template = QT_TRANSLATE_NOOP("check", "{rows} link row(s) of {table} pointed to a {parent} that is "
                                                  "gone; they were removed.")
        if not repair and o.rule != "keep":
            template = QT_TRANSLATE_NOOP("check", "{rows} row(s) of {table} refer to a {parent} that is gone "
                                                  "(column {column}).")
        report.findings.append(Finding(template, {"rows": o.rows, "table": o.table, "parent": o.parent,
                                                  "column": o.column}, fixed))
    progress.report(2, STEPS, "search")
    stale = health.search_index_problems()
    if repair and stale:
        health.rebuild_search_indexes(stale)
        stale_after = health.search_index_problems()
    else:
        stale_after = stale
    for index in stale:
        report.findings.append(Finding(
            QT_TRANSLATE_NOOP("check", "The search index {index} did not match its table; it was rebuilt.")
            if index not in stale_after else
            QT_TRANSLATE_NOOP("check", "The search index {index} does not match its table."),
            {"index": index}, index not in stale_after))
    progress.report(3, STEPS, "totals")
    if not kpi.rollups_agree():
        fixed = False
        if repair:
            from crmdesk.storage.transactions import atomic

            with atomic():
                kpi.rebuild_rollups()
            fixed = kpi.rollups_agree()
        report.findings.append(Finding(
            QT_TRANSLATE_NOOP("check", "The dashboard's running totals disagreed with the records; they were "
                                       "counted afresh.") if fixed else
            QT_TRANSLATE_NOOP("check", "The dashboard's running totals disagree with the records."), {}, fixed))
    progress.report(STEPS, STEPS, "")
    return report
