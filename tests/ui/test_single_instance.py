"""One instance per database: the second launch raises the first; a crashed owner's lock is taken over."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from crmdesk.ui.single_instance import SingleInstance, instance_key


def test_same_path_spelled_differently_gives_the_same_key(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert instance_key("shop.sqlite") == instance_key(str(tmp_path / "shop.sqlite"))
    assert instance_key("shop.sqlite") != instance_key("other.sqlite")


def test_second_launch_raises_the_first(qtbot, tmp_path: Path) -> None:
    locks = tmp_path / "locks"
    first = SingleInstance(str(tmp_path / "a.sqlite"), locks)
    assert first.acquire()
    other_db = SingleInstance(str(tmp_path / "b.sqlite"), locks)
    assert other_db.acquire()  # a different database is independent
    qtbot.waitUntil(lambda: first.listening and other_db.listening)
    second = SingleInstance(str(tmp_path / "a.sqlite"), locks)
    with qtbot.waitSignal(first.activation_requested, timeout=3000):
        assert not second.acquire()
    first.release()
    other_db.release()


def test_lock_of_a_killed_process_is_reclaimed(qtbot, tmp_path: Path) -> None:
    locks = tmp_path / "locks"
    target = str(tmp_path / "a.sqlite")
    script = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from crmdesk.ui.single_instance import SingleInstance
        app = QCoreApplication([])
        inst = SingleInstance({target!r}, Path({str(locks)!r}))
        assert inst.acquire()
        sys.stdout.write("locked\\n"); sys.stdout.flush()
        os.kill(os.getpid(), 9)  # die without unlocking, like a crash
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.stdout.strip() == "locked" and proc.returncode == -9
    assert any(locks.iterdir())  # the stale lock file is still there
    survivor = SingleInstance(target, locks)
    assert survivor.acquire()
    survivor.release()
