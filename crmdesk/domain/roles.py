"""What each role may do: a pure table, consulted by :mod:`crmdesk.services.policy`.

- owner: everything, including settings, users, the recycle bin and exports;
- manager: every customer, but no settings and no users;
- account manager: their own customers and the unassigned ones (and may hand one over);
- read-only: sees what an owner sees, changes nothing.
"""

from __future__ import annotations

from crmdesk.domain.enums import Role, StrEnum


class Permission(StrEnum):
    CHANGE = "change"  # create and edit customers, deals, care tasks, complaints
    SEE_ALL = "see_all"  # every customer, not only one's own and the unassigned ones
    WORK_ON_ALL = "work_on_all"  # whole-archive work: import, duplicate merge, re-tiering
    SETTINGS = "settings"  # business configuration: stages, categories, cadences, SLA, sign-in
    USERS = "users"
    RECYCLE_BIN = "recycle_bin"
    EXPORT = "export"  # files leaving the app: Excel, CSV, iCalendar, list reports
    BACKUP = "backup"  # take, restore, check


GRANTS: dict[str, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    Role.MANAGER: frozenset({Permission.CHANGE, Permission.SEE_ALL, Permission.WORK_ON_ALL}),
    Role.ACCOUNT_MANAGER: frozenset({Permission.CHANGE}),
    Role.READ_ONLY: frozenset({Permission.SEE_ALL}),
}


def allows(role: str, permission: Permission) -> bool:
    """Whether ``role`` has ``permission`` (an unknown role has none)."""
    return permission in GRANTS.get(role, frozenset())


def sees_only_own(role: str) -> bool:
    """Whether the role sees only its own and unassigned customers."""
    return not allows(role, Permission.SEE_ALL)
