"""Validation of customer input."""

import pytest

from crmdesk.domain.customer import CustomerInput, validate
from crmdesk.domain.errors import ValidationError


def test_valid_input_is_trimmed_and_phone_normalised() -> None:
    values = validate(CustomerInput(name="  张伟 ", phone="138 1234 5678", email=" a@b.cn "))
    assert values["name"] == "张伟"
    assert values["phone"] == "138 1234 5678"
    assert values["phone_e164"] == "+8613812345678"
    assert values["email"] == "a@b.cn"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (CustomerInput(name="   "), "name"),
        (CustomerInput(name="x" * 201), "name"),
        (CustomerInput(name="a", email="not-an-address"), "email"),
        (CustomerInput(name="a", phone="12"), "phone"),
        (CustomerInput(name="a", phone="call me"), "phone"),
        (CustomerInput(name="a", tier="gold"), "tier"),
        (CustomerInput(name="a", category="vip"), "category"),
        (CustomerInput(name="a", stage="sleeping"), "stage"),
        (CustomerInput(name="a", birth_month=2, birth_day=30), "birthday"),
        (CustomerInput(name="a", birth_year=2023, birth_month=2, birth_day=29), "birthday"),
        (CustomerInput(name="a", birth_month=13, birth_day=1), "birthday"),
        (CustomerInput(name="a", birth_month=5), "birthday"),
        (CustomerInput(name="a", birthday_calendar="lunar", birth_month=8, birth_day=31), "birthday"),
    ],
)
def test_bad_input_names_the_field(data: CustomerInput, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(data)
    assert info.value.field == field
    assert str(info.value)  # a sentence for the user


def test_birthdays_that_exist_are_accepted() -> None:
    validate(CustomerInput(name="a", birth_month=2, birth_day=29))  # no year: leap day allowed
    validate(CustomerInput(name="a", birthday_calendar="lunar", birth_month=8, birth_day=30))


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("13812345678", "+8613812345678"),
        ("138 1234 5678", "+8613812345678"),
        ("138-1234-5678", "+8613812345678"),
        ("+86 138 1234 5678", "+8613812345678"),
        ("8613812345678", "+8613812345678"),
        ("(021) 6234 5678", "+862162345678"),  # a Shanghai landline, through phonenumbers
        ("+1 650 253 0000", "+16502530000"),
        ("", ""),
    ],
)
def test_phone_normalisation(raw: str, e164: str) -> None:
    from crmdesk.domain.phones import normalise

    assert normalise(raw) == e164
