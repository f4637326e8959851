"""Grader for the k8s-quantity exercise."""
from decimal import Decimal

import pytest

from solution import parse_quantity

KI = 1024
VALID = [
    # the examples of the contract
    ("100m", "0.1"),
    ("1Gi", "1073741824"),
    ("1.5k", "1500"),
    ("2e3", "2000"),
    # plain numbers and signs
    ("0", "0"),
    ("1", "1"),
    ("42", "42"),
    ("+1", "1"),
    ("-1", "-1"),
    ("-0", "0"),
    ("0.25", "0.25"),
    ("3.14159", "3.14159"),
    (".5", "0.5"),
    ("1.", "1"),
    ("-.5", "-0.5"),
    ("+2.", "2"),
    # binary suffixes
    ("1Ki", str(KI)),
    ("1Mi", str(KI ** 2)),
    ("2Gi", str(2 * KI ** 3)),
    ("1Ti", str(KI ** 4)),
    ("1Pi", str(KI ** 5)),
    ("1Ei", str(KI ** 6)),
    ("500Mi", str(500 * KI ** 2)),
    ("1.5Gi", "1610612736"),
    ("0.5Ki", "512"),
    ("-.5Ki", "-512"),
    ("1.1Ei", "1268213655067531673.6"),
    # decimal suffixes
    ("1n", "0.000000001"),
    ("1u", "0.000001"),
    ("1m", "0.001"),
    ("1k", "1000"),
    ("1M", "1000000"),
    ("1G", "1000000000"),
    ("1T", "1000000000000"),
    ("1P", "1000000000000000"),
    ("1E", "1000000000000000000"),
    ("250m", "0.25"),
    ("-100m", "-0.1"),
    ("1.234n", "0.000000001234"),
    ("100u", "0.0001"),
    ("2.5M", "2500000"),
    # exponents
    ("1e3", "1000"),
    ("1E3", "1000"),
    ("1e-3", "0.001"),
    ("1E-2", "0.01"),
    ("1e+3", "1000"),
    ("1e0", "1"),
    ("5e10", "50000000000"),
    ("2.5e-3", "0.0025"),
    ("-1.5E2", "-150"),
    (".5e1", "5"),
]


@pytest.mark.parametrize("text,expected", VALID)
def test_valid_quantity_parses_to_its_exact_value(text, expected):
    got = parse_quantity(text)
    assert got == Decimal(expected), f"expected parse_quantity({text!r}) == Decimal({expected!r}), got {got!r}"


@pytest.mark.parametrize("text", ["100m", "1Gi", "7", "2e3", ".5"])
def test_result_is_a_decimal(text):
    got = parse_quantity(text)
    assert isinstance(got, Decimal), f"expected a decimal.Decimal for {text!r}, got {type(got).__name__}"


@pytest.mark.parametrize("text,expected", [
    ("0.1", "0.1"),
    ("0.3", "0.3"),
    ("123456789012345678", "123456789012345678"),
    ("9007199254740993", "9007199254740993"),
    ("1.1Ei", "1268213655067531673.6"),
    ("0.1m", "0.0001"),
])
def test_values_are_exact_not_rounded_through_float(text, expected):
    got = parse_quantity(text)
    assert got == Decimal(expected), (
        f"expected exactly {expected} for {text!r} (no float rounding), got {got!r}")


INVALID = [
    # empty text
    "",
    # spaces anywhere
    " ",
    "1 ",
    " 1",
    "1 Gi",
    " 100m ",
    # not a suffix (suffixes are case-sensitive)
    "1GB",
    "1KI",
    "1K",
    "1ki",
    "1GI",
    "1g",
    "1x",
    "1e",
    "1e+",
    "abc",
    # a suffix without a number
    "Gi",
    "k",
    "-Gi",
    "e3",
    # not a decimal number
    "1.2.3",
    "1..2",
    # two suffixes
    "1kM",
    "1MiKi",
    "1e3k",
    "1ke3",
    "1Gim",
]


@pytest.mark.parametrize("text", INVALID)
def test_invalid_quantity_raises_value_error(text):
    with pytest.raises(ValueError):
        parse_quantity(text)
