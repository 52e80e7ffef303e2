"""A throwaway PostgreSQL server for the tests that run on both engines.

``CRMDESK_TEST_PG`` (a ``postgresql://`` URL of a server whose user may create databases)
names one; otherwise, where the PostgreSQL server binaries are installed (Debian package
``postgresql``), a cluster is created in a temporary folder, started on a free loopback port for
the run, and removed afterwards. Each test gets a new database copied from a migrated template.
The cluster's locale is C.UTF-8: text sorts by code point, as in SQLite.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

USER = "crm"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


class Server:
    """A PostgreSQL server the tests may create and drop databases on."""

    def __init__(self, url: str, stop: list[str] | None = None, folder: Path | None = None) -> None:
        self.url = url.rstrip("/")
        self._stop = stop
        self._folder = folder
        self._made = 0

    def base(self) -> str:
        return self.url.rsplit("/", 1)[0] if self.url.count("/") > 2 else self.url

    def admin(self, sql: str) -> None:
        import psycopg2

        conn = psycopg2.connect(self.base() + "/postgres")
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
        finally:
            conn.close()

    def new_database(self, template: str | None = None) -> str:
        self._made += 1
        name = f"t{os.getpid()}_{self._made}"
        self.admin(f'DROP DATABASE IF EXISTS "{name}"')
        self.admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def drop(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        if self._stop:
            subprocess.run(self._stop, check=False, capture_output=True)
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)


def start() -> Server | None:
    """The server to test on, or None where there is none."""
    url = os.environ.get("CRMDESK_TEST_PG")
    if url:
        return Server(url)
    bin_dir = _binaries()
    if bin_dir is None:
        return None
    # Its own folder under /tmp: pytest's are private to the user running the tests.
    folder = Path(tempfile.mkdtemp(prefix="crmdesk-pg-"))
    data, port = folder / "data", _free_port()
    run_as: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(folder, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*run_as, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", USER, "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    subprocess.run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-o", options,
                    "-w", "start"], check=True, capture_output=True)
    server = Server(f"postgresql://{USER}@127.0.0.1:{port}/postgres",
                    stop=[*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                    folder=folder)
    deadline = time.monotonic() + 20
    while True:
        try:
            server.admin("SELECT 1")
            return server
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
