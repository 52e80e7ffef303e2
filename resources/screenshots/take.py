"""Take the README's screenshots from the real app: every pane, in Chinese and in English.

    QT_QPA_PLATFORM=offscreen python resources/screenshots/take.py

Each language gets a fresh database with the same 2,000 demo customers (in its language) and
a window of 1280 × 800; the pictures land next to this file as ``<pane>-<language>.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PANES = ("archive", "pipeline", "calendar", "complaints", "dashboard")


def settle(app: object, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="crmdesk-shots-"))
    os.environ["CRMDESK_HOME"] = str(home)
    from crmdesk.services.context import Context
    from crmdesk.services.demo import generator
    from crmdesk.storage.database import close_database, open_database
    from crmdesk.ui import i18n
    from crmdesk.ui.app import make_application, open_window
    from crmdesk.ui.settings import UiSettings
    from crmdesk.ui.tasks import TaskRunner

    app = make_application()
    for language in ("zh_CN", "en"):
        i18n.install(app, language)
        target = home / f"{language}.sqlite"
        open_database(target)
        generator.generate(Context(), 2_000, seed=1, language=language)
        close_database()
        window = open_window(str(target), UiSettings(), language, TaskRunner(synchronous=True))
        window.resize(1280, 800)
        window.show()
        for row, name in enumerate(PANES):
            window.show_pane(row)
            settle(app, 2.5 if name == "dashboard" else 1.0)
            window.grab().save(str(HERE / f"{name}-{language}.png"))
        window.close()
        close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
