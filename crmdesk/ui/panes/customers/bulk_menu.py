"""The Bulk actions menu of the archive: acts on the selected rows, or on every listed row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from crmdesk.domain.clock import today
from crmdesk.domain.enums import Category, LifecycleStage, Tier
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import directory, exporting, undo
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.export_file import choose_export_file
from crmdesk.ui.export_task import run_export, run_with_progress
from crmdesk.ui.export_words import TranslatedWords
from crmdesk.ui.tasks import TaskProgress, TaskRunner


class BulkMenu(QMenu):
    def __init__(
        self,
        ctx: Context,
        runner: TaskRunner,
        bus: ChangeBus,
        target: Callable[[], tuple[CustomerFilter, int] | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkMenu")
        self._ctx, self._runner, self._bus, self._target = ctx, runner, bus, target
        self.aboutToShow.connect(self._build)

    def _build(self) -> None:
        self.clear()
        self.addAction(self.tr("Add tag…"), self.on_add_tag)
        self.addAction(self.tr("Remove tag…"), self.on_remove_tag)
        self.addAction(self.tr("Assign owner…"), self.on_assign_owner)
        for title, field, values in ((self.tr("Set value tier"), "tier", Tier.values()),
                                     (self.tr("Set category"), "category", Category.values()),
                                     (self.tr("Set lifecycle stage"), "stage", LifecycleStage.values())):
            sub = self.addMenu(title)
            for value in values:
                sub.addAction(labels.label(value), lambda f=field, v=value: self.on_set_field(f, v))
        self.addSeparator()
        self.addAction(self.tr("Export the selected rows…"), self.on_export)
        self.addSeparator()
        self.addAction(self.tr("Move to recycle bin…"), self.on_delete)
        self.addSeparator()
        self.addAction(self.tr("Find duplicates…"), self.on_find_duplicates)
        self.addAction(self.tr("Re-tier all customers…"), self.on_retier_all)

    # -- actions -----------------------------------------------------------------------------
    def _chosen(self) -> tuple[CustomerFilter, int] | None:
        chosen = self._target()
        if chosen is None:
            QMessageBox.information(self.parentWidget(), self.tr("Bulk actions"), self.tr("Select some customers first, or every listed one with Ctrl+A."))
        return chosen

    def on_add_tag(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        names = [name for _, name in directory.tags()]
        name, ok = QInputDialog.getItem(self.parentWidget(), self.tr("Add tag"),
                                        self.tr("Tag for %n customer(s):", "", chosen[1]), names, 0, True)
        if ok:
            self.run(lambda p: undo.add_tag(self._ctx, chosen[0], name, p), chosen[1], done=self._bus.record)

    def on_remove_tag(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        names = [name for _, name in directory.tags()]
        if not names:
            return
        name, ok = QInputDialog.getItem(self.parentWidget(), self.tr("Remove tag"),
                                        self.tr("Tag to remove from %n customer(s):", "", chosen[1]), names, 0, False)
        if ok:
            self.run(lambda p: undo.remove_tag(self._ctx, chosen[0], name, p), chosen[1], done=self._bus.record)

    def on_assign_owner(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        users = directory.users()
        names = [self.tr("Nobody"), *[name for _, name in users]]
        name, ok = QInputDialog.getItem(self.parentWidget(), self.tr("Assign owner"),
                                        self.tr("Owner of %n customer(s):", "", chosen[1]), names, 0, False)
        if ok:
            owner = None if name == names[0] else users[names.index(name) - 1][0]
            self.run(lambda p: undo.assign_owner(self._ctx, chosen[0], owner), chosen[1], done=self._bus.record)

    def on_set_field(self, field: str, value: str) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.run(lambda p: undo.set_field(self._ctx, chosen[0], field, value, p), chosen[1],
                     done=self._bus.record)

    def on_delete(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self.parentWidget(), self.tr("Move to recycle bin"),
            self.tr("Move %n customer(s) to the recycle bin? They can be restored from there.", "", chosen[1]))
        if answer == QMessageBox.StandardButton.Yes:
            self.run(lambda p: undo.delete_customers(self._ctx, chosen[0]), chosen[1], done=self._bus.record)

    def on_export(self) -> None:
        """Write the chosen customers to an Excel workbook or a CSV file, in the background."""
        chosen = self._chosen()
        if chosen is not None:
            self.export(chosen[0], chosen[1])

    def export(self, flt: CustomerFilter, size: int = 0, segment: str | None = None) -> None:
        """Ask for a file and write the customers of ``flt`` to it in the background (the
        archive's Export button and File → Export come here too)."""
        parent, ctx = self.parentWidget(), self._ctx
        title = self.tr("Export customers")
        target = choose_export_file(parent, title, self.tr("customers"), today(ctx.clock))
        if target is None:
            return
        run_export(parent, self._runner, title, size,
                   lambda p: exporting.export_customers(ctx, flt, target, words=TranslatedWords(), progress=p,
                                                        segment=segment),
                   lambda count: self.tr("%n customer(s) written to %1.", "", count).replace("%1", str(target)))

    def on_find_duplicates(self) -> None:
        from crmdesk.ui.panes.customers.duplicates_dialog import DuplicatesDialog

        self.last_dialog = DuplicatesDialog(self._ctx, self._runner, self._bus, self.parentWidget())
        self.last_dialog.open()

    def on_retier_all(self) -> None:
        """Everyone (not just the selection) gets the suggested tier and stage, unless set by hand."""
        answer = QMessageBox.question(
            self.parentWidget(), self.tr("Re-tier all customers"),
            self.tr("Give every customer the value tier and lifecycle stage their orders suggest? "
                    "Values chosen by hand are kept."))
        if answer == QMessageBox.StandardButton.Yes:
            from crmdesk.services import metrics

            self.run(lambda p: metrics.retier_all(self._ctx, p)[1], 100)

    def run(self, work: Callable[[TaskProgress], object], size: int, label: str | None = None,
            done: Callable[[object], None] | None = None) -> None:
        """Run a bulk service call in the background, with a progress dialog for big sets;
        what it returns goes to ``done`` (by default, to the views as changes)."""
        def fail(exc: BaseException) -> None:
            QMessageBox.warning(self.parentWidget(), self.tr("Bulk actions"), labels.error_text(exc))

        run_with_progress(self.parentWidget(), self._runner, label or self.tr("Updating customers…"), size, work,
                          done or self._bus.publish, fail)

