"""Peak memory of the app with the archive open at 1M, after jumping to the end and searching.

Run as a script (one process): ``python benchmarks/archive_memory.py DB`` prints the peak.
"""

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from crmdesk.domain.filters import CustomerFilter  # noqa: E402
from crmdesk.ui import i18n  # noqa: E402
from crmdesk.ui.app import make_application, open_window  # noqa: E402
from crmdesk.ui.settings import UiSettings  # noqa: E402
from crmdesk.ui.tasks import TaskRunner  # noqa: E402

app = make_application()
window = open_window(sys.argv[1], UiSettings(), i18n.install(app, "en"), TaskRunner(synchronous=True))
window.resize(1280, 800)
window.show()
app.processEvents()
table = window.customers.table
started = time.perf_counter()
table.scrollToBottom()
table.viewport().repaint()
jump_ms = (time.perf_counter() - started) * 1000
for text in ("王", "zw", "5678", ""):
    window.customers.set_filter(CustomerFilter(text=text))
    table.scrollToBottom()
    table.viewport().repaint()
    app.processEvents()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"jump to the last row and paint: {jump_ms:.0f} ms; peak memory {peak:.0f} MB")
