"""The command line run as a user: ``--user``, the password with sign-in on, ``crmdesk users``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crmdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_users_commands_and_roles_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "shop.sqlite")
    assert run(capsys, "--db", db, "demo", "--customers", "40", "--seed", "3")[0] == 0
    monkeypatch.setenv("CRMDESK_NEW_PASSWORD", "wang-secret")
    code, out, _ = run(capsys, "--db", db, "users", "add", "wang", "--role", "read_only", "--password")
    assert code == 0 and "Added wang as read_only" in out
    code, out, _ = run(capsys, "--db", db, "users", "list")
    assert "wang\twang\tread_only, password set" in out and "Sign-in is off." in out

    # read-only may not export, and the sentence says why
    code, _, err = run(capsys, "--db", db, "--user", "wang", "export", "customers", "-o", str(tmp_path / "c.csv"))
    assert code == 1 and "Only the owner may export data." in err and not (tmp_path / "c.csv").exists()
    code, _, err = run(capsys, "--db", db, "--user", "wang", "users", "add", "li", "--role", "owner")
    assert code == 1 and "Only the owner may manage users." in err

    # an account manager's export is refused too; the owner's is whole
    assert run(capsys, "--db", db, "users", "set-role", "wang", "account_manager")[0] == 0
    assert run(capsys, "--db", db, "export", "customers", "-o", str(tmp_path / "all.csv"))[0] == 0

    # sign-in on: the owner needs a password first; then commands say who runs them
    code, _, err = run(capsys, "--db", db, "users", "sign-in", "on")
    assert code == 1 and "password before turning sign-in on" in err
    monkeypatch.setenv("CRMDESK_NEW_PASSWORD", "owner-secret")
    assert run(capsys, "--db", db, "users", "passwd", "owner")[0] == 0
    assert run(capsys, "--db", db, "users", "sign-in", "on", "--idle-minutes", "10")[0] == 0
    code, _, err = run(capsys, "--db", db, "users", "list")
    assert code == 1 and "--user NAME" in err
    monkeypatch.setenv("CRMDESK_PASSWORD", "wrong")
    code, _, err = run(capsys, "--db", db, "--user", "owner", "users", "list")
    assert code == 1 and "user name or the password is wrong" in err
    monkeypatch.setenv("CRMDESK_PASSWORD", "owner-secret")
    code, out, _ = run(capsys, "--db", db, "--user", "owner", "report", "customers", "-o", str(tmp_path / "l.pdf"))
    assert code == 0 and (tmp_path / "l.pdf").exists()
    assert run(capsys, "--db", db, "--user", "owner", "users", "set-role", "wang", "read_only")[0] == 0
    monkeypatch.setenv("CRMDESK_PASSWORD", "wang-secret")
    code, _, err = run(capsys, "--db", db, "--user", "wang", "backup", "-o", str(tmp_path / "b.sqlite"))
    assert code == 1 and "back up" in err
    with sqlite3.connect(db) as conn:
        audit = conn.execute("SELECT u.username FROM audit_entry a JOIN user u ON u.id = a.user_id "
                             "WHERE a.table_name = 'user' ORDER BY a.id").fetchall()
    assert audit == [("owner",)]  # the signed-in owner; changes before sign-in were the unnamed owner's


def test_without_a_terminal_a_missing_password_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "shop.sqlite")
    monkeypatch.setenv("CRMDESK_NEW_PASSWORD", "owner-secret")
    assert run(capsys, "--db", db, "users", "passwd", "owner")[0] == 0
    assert run(capsys, "--db", db, "users", "sign-in", "on")[0] == 0
    monkeypatch.delenv("CRMDESK_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "--db", db, "--user", "owner", "users", "list")
    assert code == 1 and "CRMDESK_PASSWORD" in err
