"""Phone numbers: kept as typed, and normalised to E.164 for matching and de-duplication."""

from __future__ import annotations

from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

DEFAULT_REGION = "CN"


def normalise(raw: str, region: str = DEFAULT_REGION) -> str:
    """The E.164 form of ``raw`` ("+8613812345678"), or "" for an empty input.

    Raises :class:`ValidationError` for something that cannot be a phone number.
    """
    raw = raw.strip()
    if not raw:
        return ""
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
