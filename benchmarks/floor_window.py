"""The floor: a bare PySide6 main window with a table, painted once, then exit."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget


class Quit(QObject):
    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"first paint at {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableWidget(30, 10)
window.setCentralWidget(table)
watcher = Quit()
table.viewport().installEventFilter(watcher)
window.resize(1200, 760)
window.show()
app.exec()
