"""Reading customers from spreadsheets: which column is which, and what each cell means.

Headers are matched in Chinese or English; values accept the words people write
("战略客户", "潜在", "Strategic"), dates in ISO and common Chinese forms, and lunar birthdays
written as 农历.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

# field -> header spellings (compared lower-cased, without spaces, brackets or '*')
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名称", "客户名称", "客户姓名", "客户", "名字", "name", "customer", "customername", "fullname"),
    "kind": ("类型", "客户类型", "kind", "type"),
    "gender": ("性别", "gender", "sex"),
    "company": ("公司", "单位", "公司名称", "工作单位", "company", "organization", "organisation"),
    "title": ("职务", "职位", "title", "jobtitle", "position"),
    "phone": ("电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "phone", "mobile", "tel", "telephone",
              "phonenumber", "mobilephone"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "mail"),
    "address": ("地址", "联系地址", "通讯地址", "address"),
    "city": ("城市", "所在城市", "city"),
    "source": ("来源", "客户来源", "渠道", "source", "channel"),
    "category": ("分类", "客户分类", "类别", "category"),
    "tier": ("等级", "价值等级", "客户等级", "级别", "tier", "level", "grade"),
    "stage": ("生命周期", "阶段", "客户阶段", "stage", "lifecycle", "lifecyclestage"),
    "birthday": ("生日", "出生日期", "出生年月", "birthday", "birthdate", "dateofbirth", "dob"),
    "tags": ("标签", "tags", "tag", "labels"),
    "notes": ("备注", "说明", "notes", "note", "remarks", "comment", "comments"),
}
FIELDS = tuple(HEADER_NAMES)

VALUE_WORDS: dict[str, dict[str, str]] = {
    "kind": {"个人": "person", "person": "person", "企业": "company", "公司": "company", "company": "company"},
    "category": {"潜在": "potential", "潜在客户": "potential", "potential": "potential", "现有": "existing",
                 "现有客户": "existing", "成交客户": "existing", "existing": "existing", "以往": "former",
                 "以往客户": "former", "流失客户": "former", "former": "former"},
    "tier": {"战略": "strategic", "战略客户": "strategic", "strategic": "strategic", "伙伴": "partner",
             "合作伙伴": "partner", "partner": "partner", "价值": "value", "价值客户": "value", "value": "value",
             "一般": "general", "普通": "general", "一般客户": "general", "general": "general"},
    "stage": {"潜在": "potential", "potential": "potential", "新客": "new", "新客户": "new", "new": "new",
              "活跃": "active", "active": "active", "忠诚": "loyal", "loyal": "loyal", "流失": "churned",
              "churned": "churned"},
    "gender": {"男": "male", "male": "male", "m": "male", "女": "female", "female": "female", "f": "female"},
}

_HEADER_JUNK = re.compile(r"[\s*（）()\[\]【】:：_]+")
_DATE_FORMS = (
    re.compile(r"^(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?$"),
    re.compile(r"^(?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
)
_LUNAR_MONTHS = {"正": 1, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                 "冬": 11, "十一": 11, "腊": 12, "十二": 12}
_LUNAR_DAYS = {**{f"初{c}": i + 1 for i, c in enumerate("一二三四五六七八九十")},
               **{f"十{c}": i + 11 for i, c in enumerate("一二三四五六七八九")}, "二十": 20,
               **{f"廿{c}": i + 21 for i, c in enumerate("一二三四五六七八九")}, "三十": 30}


def normalise_header(text: str) -> str:
    return _HEADER_JUNK.sub("", str(text)).lower()


def guess_mapping(headers: list[str]) -> dict[int, str]:
    """Column index -> field, for the headers recognised (each field used once)."""
    lookup = {normalise_header(name): field for field, names in HEADER_NAMES.items() for name in names}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = lookup.get(normalise_header(header))
        if field and field not in mapping.values():
            mapping[index] = field
    return mapping


def parse_choice(field: str, text: str) -> str:
    value = VALUE_WORDS[field].get(text.strip().lower())
    if value is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field=field, value=text)
    return value


@dataclass(frozen=True)
class Birthday:
    calendar: str
    year: int | None
    month: int
    day: int
    leap: bool = False


class _BadDate:
    """The error for a cell that is not a date, made only when needed (most cells are fine)."""

    def __init__(self, value: object) -> None:
        self.value = value

    def error(self) -> ValidationError:
        return ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a date crmdesk understands."),
                               field="birthday", value=str(self.value))


def parse_birthday(value: object) -> Birthday | None:
    """A birthday from a cell: a date, '1990-05-06', '1990年5月6日', '5月6日', or lunar
    ('农历1990年八月十五', '农历 8-15', '农历闰四月初八')."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Birthday("solar", value.year, value.month, value.day)
    text = str(value).strip().replace(" ", "")
    if not text:
        return None
    bad = _BadDate(value)
    calendar = "solar"
    leap = False
    if text.startswith(("农历", "阴历")):
        calendar, text = "lunar", text[2:]
        if text.startswith("闰"):
            leap, text = True, text[1:]
        lunar = re.match(r"^(?:(?P<y>\d{4})年)?(?P<m>[正一二三四五六七八九十冬腊]+)月(?P<d>[初十廿二三][一二三四五六七八九十]?)$", text)
        if lunar:
            month, day = _LUNAR_MONTHS.get(lunar["m"]), _LUNAR_DAYS.get(lunar["d"])
            if month is None or day is None:
                raise bad.error()
            return Birthday(calendar, int(lunar["y"]) if lunar["y"] else None, month, day, leap)
    if calendar == "solar" and len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:  # the common ISO form, without the regular expressions
            day = dt.date.fromisoformat(text)
            return Birthday(calendar, day.year, day.month, day.day)
        except ValueError:
            pass  # a 31 February, or not ISO after all: the forms below tell
    for form in _DATE_FORMS:
        match = form.match(text)
        if match:
            parts = match.groupdict()
            year = int(parts["y"]) if parts.get("y") else None
            month, day = int(parts["m"]), int(parts["d"])
            if calendar == "solar":
                try:
                    dt.date(year or 2000, month, day)
                except ValueError:
                    raise bad.error() from None
            elif not (1 <= month <= 12 and 1 <= day <= 30):
                raise bad.error()
            return Birthday(calendar, year, month, day, leap)
    raise bad.error()


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without '.0' (phone numbers come back from Excel as floats)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value).strip()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text))


def split_tags(text: str) -> list[str]:
    """Tags written in one cell, separated by commas (either width), semicolons or 、."""
    return [t for t in re.split(r"[,，;；、|]+", text) if t.strip()]
