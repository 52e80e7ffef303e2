"""The business's currency: its code and the symbol every amount is written with.

Amounts are stored as whole cents of one currency, chosen at the first start (默认人民币) and
kept in the settings; nothing is converted. The services set it when a database is opened
(:func:`crmdesk.services.setup.apply_settings`), and the screens, exports and reports write
amounts with :func:`symbol`.
"""

from __future__ import annotations

from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

# code: (symbol, name marked for translation in the "currency" context)
CURRENCIES: dict[str, tuple[str, str]] = {
    "CNY": ("¥", QT_TRANSLATE_NOOP("currency", "Chinese yuan")),
    "HKD": ("HK$", QT_TRANSLATE_NOOP("currency", "Hong Kong dollar")),
    "TWD": ("NT$", QT_TRANSLATE_NOOP("currency", "New Taiwan dollar")),
    "MOP": ("MOP$", QT_TRANSLATE_NOOP("currency", "Macanese pataca")),
    "USD": ("$", QT_TRANSLATE_NOOP("currency", "US dollar")),
    "EUR": ("€", QT_TRANSLATE_NOOP("currency", "Euro")),
    "GBP": ("£", QT_TRANSLATE_NOOP("currency", "Pound sterling")),
    "JPY": ("JP¥", QT_TRANSLATE_NOOP("currency", "Japanese yen")),
    "SGD": ("S$", QT_TRANSLATE_NOOP("currency", "Singapore dollar")),
}
DEFAULT = "CNY"

_current = DEFAULT


def check(code: str) -> str:
    """``code`` if it is a currency crmdesk knows, else a clear refusal."""
    if code not in CURRENCIES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a currency crmdesk knows."),
                              field="currency", value=code)
    return code


def set_current(code: str) -> None:
    global _current
    _current = check(code)


def current() -> str:
    return _current


def symbol() -> str:
    return CURRENCIES[_current][0]
