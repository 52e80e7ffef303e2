"""The command line's users: who a command runs as (``--user``), and ``crmdesk users ...``.

The acting user's password comes from ``CRMDESK_PASSWORD`` or, on a terminal, a prompt, and
is asked only when sign-in is on. A new password (``users add --password``, ``users passwd``)
comes from ``CRMDESK_NEW_PASSWORD`` or a prompt typed twice.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from crmdesk.domain.enums import Role
from crmdesk.domain.errors import CrmError
from crmdesk.services.context import Context

PASSWORD_ENV = "CRMDESK_PASSWORD"
NEW_PASSWORD_ENV = "CRMDESK_NEW_PASSWORD"


def add_parser(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("users", help="list and manage users (the owner)")
    actions = cmd.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="every user with their role")
    add = actions.add_parser("add", help="add a user")
    add.add_argument("username", metavar="NAME")
    add.add_argument("--role", choices=Role.values(), required=True)
    add.add_argument("--display-name", metavar="TEXT", default="", help="the name shown in the app (default: NAME)")
    add.add_argument("--password", action="store_true",
                     help=f"give the user a password (from {NEW_PASSWORD_ENV} or a prompt)")
    role = actions.add_parser("set-role", help="change a user's role")
    role.add_argument("username", metavar="NAME")
    role.add_argument("role", choices=Role.values())
    passwd = actions.add_parser("passwd", help=f"set a user's password (from {NEW_PASSWORD_ENV} or a prompt)")
    passwd.add_argument("username", metavar="NAME")
    sign = actions.add_parser("sign-in", help="turn sign-in on or off (on needs the owner to have a password)")
    sign.add_argument("state", choices=("on", "off"))
    sign.add_argument("--idle-minutes", type=int, metavar="N", help="lock the app after N idle minutes (0: never)")


def context(args: argparse.Namespace) -> Context:
    """The Context of the user the command runs as (asked once per command)."""
    cached = getattr(args, "_context", None)
    if cached is not None:
        return cached
    from crmdesk.services import users

    name = getattr(args, "user", None)
    password = None
    if name and users.sign_in_required():
        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            if not sys.stdin.isatty():
                raise CrmError("{sentence}", sentence=f"sign-in is on: give {name}'s password in {PASSWORD_ENV}.")
            password = getpass.getpass(f"Password for {name}: ")
    args._context = users.start_context(name, password)
    return args._context


def _new_password(username: str) -> str:
    given = os.environ.get(NEW_PASSWORD_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise CrmError("{sentence}", sentence=f"give the new password in {NEW_PASSWORD_ENV}.")
    first = getpass.getpass(f"New password for {username}: ")
    if getpass.getpass("Again: ") != first:
        raise CrmError("{sentence}", sentence="the two passwords differ; nothing was changed.")
    return first


def _user_id(username: str) -> int:
    from crmdesk.services import users

    row = users.find(username)
    if row is None:
        raise CrmError("{sentence}", sentence=f"there is no user called “{username}”.")
    return row.id


def cmd_users(args: argparse.Namespace) -> int:
    from crmdesk.services import users

    ctx = context(args)
    if args.action == "list":
        for row in users.list_users():
            state = "" if row.active else ", inactive"
            secret = ", password set" if row.has_password else ""
            print(f"{row.username}\t{row.display_name}\t{row.role}{state}{secret}")
        print(f"Sign-in is {'on' if users.sign_in_required() else 'off'}.")
    elif args.action == "add":
        password = _new_password(args.username) if args.password else None
        users.add_user(ctx, args.username, args.display_name or args.username, args.role, password)
        print(f"Added {args.username} as {args.role}.")
    elif args.action == "set-role":
        users.set_role(ctx, _user_id(args.username), args.role)
        print(f"{args.username} is now {args.role}.")
    elif args.action == "passwd":
        user_id = _user_id(args.username)
        users.set_password(ctx, user_id, _new_password(args.username))
        print(f"Set the password of {args.username}.")
    else:
        users.set_sign_in(ctx, args.state == "on", args.idle_minutes)
        print(f"Sign-in is {args.state}.")
    return 0
