"""Amounts in Chinese capital numerals (大写), as cheques, invoices and receipts write them.

Pure and table-free: the amount is split at 亿 (10^8) and then at 万 (10^4), so a number of
any size reads the way people say it (壹万零壹亿, not 壹万亿零壹亿). Zeros follow the usual
rules: one 零 for any run of zeros between two digits that are spoken, none at the end; 整
when there are no 角 or 分.
"""

from __future__ import annotations

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("仟", "佰", "拾", "")  # thousands, hundreds, tens, units within a group of four
WAN, YI = 10_000, 100_000_000
MAX_CENTS = 10**18  # beyond this nobody writes a cheque; refuse rather than guess


def _group(number: int) -> str:
    """1 to 9999 without leading zeros: 1005 → 壹仟零伍, 10 → 壹拾."""
    digits = f"{number:04d}"
    out, pending_zero, started = [], False, False
    for digit, place in zip(digits, PLACES, strict=True):
        if digit == "0":
            pending_zero = started  # a zero only counts once something has been said
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[int(digit)] + place)
        started = True
    return "".join(out)


def _below_yi(number: int) -> str:
    """1 to 99,999,999."""
    high, low = divmod(number, WAN)
    if not high:
        return _group(low)
    text = _group(high) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _group(low)
    return text


def integer_words(number: int) -> str:
    """A whole non-negative number in capitals: 0 → 零, 100010000 → 壹亿零壹万."""
    if number < 0:
        raise ValueError("integer_words takes a non-negative number")
    if number == 0:
        return "零"
    if number < YI:
        return _below_yi(number)
    high, low = divmod(number, YI)
    text = integer_words(high) + "亿"
    if low:
        text += ("零" if low < YI // 10 else "") + _below_yi(low)
    return text


def amount_words(cents: int) -> str:
    """An amount of money given in cents (分), e.g. 1234567 → 壹万贰仟叁佰肆拾伍元陆角柒分."""
    if abs(cents) >= MAX_CENTS:
        raise ValueError(f"{cents} cents is too large to write out")
    sign = "负" if cents < 0 else ""
    yuan, rest = divmod(abs(cents), 100)
    jiao, fen = divmod(rest, 10)
    if not jiao and not fen:
        return f"{sign}{integer_words(yuan)}元整"
    text = f"{integer_words(yuan)}元" if yuan else ""
    if jiao:
        # A yuan part ending in zero is followed by 零 before the 角 (壹拾万元零壹角).
        text += ("零" if yuan and yuan % 10 == 0 else "") + DIGITS[jiao] + "角"
    elif yuan:
        text += "零"  # 壹元零伍分: the missing 角 is spoken as 零
    if fen:
        text += DIGITS[fen] + "分"
    return sign + text
