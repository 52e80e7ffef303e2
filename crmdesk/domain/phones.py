"""Phone numbers: kept as typed, and normalised to E.164 for matching and de-duplication."""

from __future__ import annotations

import re

from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

DEFAULT_REGION = "CN"
# Chinese mobile numbers, however spaced or dashed, with or without +86: by far the most common
# input, recognised without phonenumbers (which costs ~40 µs a number on big imports).
_CN_MOBILE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")
_SEPARATORS = re.compile(r"[\s\-()]")


def normalise(raw: str, region: str = DEFAULT_REGION) -> str:
    """The E.164 form of ``raw`` ("+8613812345678"), or "" for an empty input.

    Raises :class:`ValidationError` for something that cannot be a phone number.
    """
    raw = raw.strip()
    if not raw:
        return ""
    if region == "CN":
        mobile = _CN_MOBILE.match(_SEPARATORS.sub("", raw))
        if mobile:
            return "+86" + mobile.group(1)
    import phonenumbers  # imported lazily: it is not needed to open the app

    try:
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{raw}” is not a phone number."), field="phone", raw=raw
        ) from None
    if not phonenumbers.is_possible_number(parsed):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{raw}” has the wrong number of digits for a phone number."),
            field="phone",
            raw=raw,
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
