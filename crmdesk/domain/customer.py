"""The editable fields of a customer and the rules they must follow."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from typing import Any

from crmdesk.domain import phones
from crmdesk.domain.enums import BirthdayCalendar, Category, CustomerKind, LifecycleStage, Tier
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

MAX_NAME = 200
MAX_TAG = 30
NOT_COLUMNS = ("tags", "contacts")  # stored in tables of their own


@dataclass
class ContactInput:
    """A person to talk to at a company customer; ``id`` is None for a new one."""

    name: str
    title: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""
    is_primary: bool = False
    id: int | None = None
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class CustomerInput:
    """What a form, an import row or the command line supplies for one customer."""

    name: str
    kind: str = CustomerKind.PERSON.value
    gender: str = ""
    company: str = ""
    title: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    city: str = ""
    source: str = ""
    category: str = Category.POTENTIAL.value
    tier: str = Tier.GENERAL.value
    stage: str = LifecycleStage.POTENTIAL.value
    owner_id: int | None = None
    birthday_calendar: str = BirthdayCalendar.SOLAR.value
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    birth_leap_month: bool = False
    notes: str = ""
    custom_fields: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    contacts: list[ContactInput] = field(default_factory=list)

    @classmethod
    def field_names(cls) -> list[str]:
        """The fields stored as columns of the customer row."""
        return list(_COLUMN_FIELDS)


_CHOICES = {
    "kind": frozenset(CustomerKind.values()), "category": frozenset(Category.values()),
    "tier": frozenset(Tier.values()), "stage": frozenset(LifecycleStage.values()),
    "birthday_calendar": frozenset(BirthdayCalendar.values()),
}


def _check_choice(value: str, name: str) -> None:
    if value not in _CHOICES[name]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."), field=name, value=value
        )


def validate(data: CustomerInput) -> dict[str, Any]:
    """Check ``data`` and return the column values to store (phone normalised, text trimmed)."""
    name = data.name.strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A customer needs a name."), field="name")
    if len(name) > MAX_NAME:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A name can have at most {max} characters."), field="name", max=MAX_NAME
        )
    _check_choice(data.kind, "kind")
    _check_choice(data.category, "category")
    _check_choice(data.tier, "tier")
    _check_choice(data.stage, "stage")
    _check_choice(data.birthday_calendar, "birthday_calendar")
    email = data.email.strip()
    if email and not EMAIL_RE.match(email):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not an e-mail address."), field="email", value=email
        )
    check_birthday(data)
    values = {f: getattr(data, f) for f in _COLUMN_FIELDS}
    for key, value in values.items():
        if isinstance(value, str):
            values[key] = value.strip()
    values["name"] = name
    values["email"] = email.lower()  # compared and de-duplicated case-blind
    values["phone_e164"] = phones.normalise(data.phone)
    return values


_COLUMN_FIELDS = tuple(f.name for f in fields(CustomerInput) if f.name not in NOT_COLUMNS)


def clean_tags(tags: list[str]) -> list[str]:
    """Trimmed, unique (in order), each at most MAX_TAG characters."""
    out: list[str] = []
    for tag in tags:
        tag = tag.strip()
        if not tag:
            continue
        if len(tag) > MAX_TAG:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A tag can have at most {max} characters."), field="tags", max=MAX_TAG
            )
        if tag not in out:
            out.append(tag)
    return out


def validate_contact(contact: ContactInput) -> dict[str, Any]:
    name = contact.name.strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Every contact needs a name."), field="contacts")
    email = contact.email.strip()
    if email and not EMAIL_RE.match(email):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not an e-mail address."), field="contacts", value=email
        )
    return {
        "name": name, "title": contact.title.strip(), "phone": contact.phone.strip(),
        "phone_e164": phones.normalise(contact.phone), "email": email, "notes": contact.notes.strip(),
        "is_primary": contact.is_primary,
    }


def check_birthday(data: CustomerInput) -> None:
    """A birthday is optional, but month and day come together and must exist."""
    month, day, year = data.birth_month, data.birth_day, data.birth_year
    if month is None and day is None:
        return
    if month is None or day is None or not 1 <= month <= 12:
        raise _not_a_date()
    if data.birthday_calendar == BirthdayCalendar.LUNAR.value:
        # Lunar months have 29 or 30 days; whether a given year's month has a 30th is settled
        # when the reminder for that year is computed.
        if not 1 <= day <= 30:
            raise _not_a_date()
        if year is not None:  # with the year known, the leap month and the 30th must exist then
            from crmdesk.domain.care import check_lunar_birthday

            check_lunar_birthday(year, month, day, data.birth_leap_month)
        return
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February is allowed
    except ValueError:
        raise _not_a_date() from None


def _not_a_date() -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("errors", "The birthday is not a real date."), field="birthday")
