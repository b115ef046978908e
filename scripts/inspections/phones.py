"""UK phone numbers: checked, shown and linked with Google's ``phonenumbers`` library.

Young people may ring these numbers, so a number is accepted only when ``phonenumbers``
says it is a valid UK number (it knows which ranges are in use and how long each is), and
never when it is one of Ofcom's made-up numbers for TV and radio drama. Helplines may also
be short numbers such as 999 or 116 123, when ``phonenumbers`` knows them as valid in the UK.

Every number is shown in the national format (``01332 641172``) and linked as
``tel:+441332641172`` (E.164), which phones dial from anywhere.

>>> display("01332641172"), tel("01332 641172"), tel("999")
('01332 641172', 'tel:+441332641172', 'tel:999')
>>> problem("07700 900123")
'`07700 900123` is one of the numbers Ofcom keeps for TV and radio drama, not a real phone number'
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat, shortnumberinfo

REGION = "GB"
UK = 44  # also the Channel Islands and the Isle of Man, which share the UK's numbers

# Ofcom's ranges for TV and radio drama: 1,000 numbers each, given here by their first seven
# digits (the national number without its leading 0, as ``phonenumbers`` gives it), so
# "1134960" is 0113 496 0000 to 0113 496 0999. Source:
# https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbers-for-drama
# phonenumbers already refuses two of them (07700 900, 01632 960) but accepts the others as
# ordinary numbers, so they are refused here.
DRAMA = {
    "1134960": "Leeds",
    "1144960": "Sheffield",
    "1154960": "Nottingham",
    "1164960": "Leicester",
    "1174960": "Bristol",
    "1184960": "Reading",
    "1214960": "Birmingham",
    "1314960": "Edinburgh",
    "1414960": "Glasgow",
    "1514960": "Liverpool",
    "1614960": "Manchester",
    "2079460": "London",
    "1914980": "Tyneside, Durham and Sunderland",
    "2896496": "Northern Ireland",
    "2920180": "Cardiff",
    "1632960": "no area",
    "7700900": "mobile",
    "8081570": "freephone",
    "9098790": "premium rate",
    "3069990": "UK-wide",
}
_WRITTEN = re.compile(r"\+?[0-9][0-9 ]*[0-9]")


def _parse(value: str) -> PhoneNumber | None:
    if not _WRITTEN.fullmatch(value):
        return None
    try:
        return phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        return None


def _is_short(number: PhoneNumber, value: str) -> bool:
    return not value.startswith(("0", "+")) and shortnumberinfo.is_valid_short_number_for_region(
        number, REGION
    )


def _drama(number: PhoneNumber) -> bool:
    national = phonenumbers.national_significant_number(number)
    return len(national) == 10 and national[:7] in DRAMA


def problem(value: str, *, short: bool = False) -> str | None:
    """What is wrong with ``value`` as a UK phone number, or ``None`` if nothing is.

    ``short``: short numbers such as 999 and 116 123 are allowed (helplines).

    >>> problem("01332 64117")
    '`01332 64117` is not a whole UK phone number: it looks one digit short'
    >>> problem("12345"), problem("999"), problem("999", short=True)
    ('`12345` is not a UK phone number', '`999` is not a UK phone number', None)
    """
    number = _parse(value)
    if number is None:
        return f"`{value}` is not a UK phone number (write digits and spaces only)"
    if short and _is_short(number, value):
        return None
    if number.country_code != UK:
        return f"`{value}` is not a UK phone number"
    if _drama(number):
        return (
            f"`{value}` is one of the numbers Ofcom keeps for TV and radio drama, "
            "not a real phone number"
        )
    if not phonenumbers.is_valid_number(number):
        if value.startswith(("0", "+")) and any(_valid(value + d) for d in "0123456789"):
            return f"`{value}` is not a whole UK phone number: it looks one digit short"
        if value.startswith(("0", "+")) and _valid(value[:-1]):
            return f"`{value}` is not a UK phone number: it looks one digit too long"
        return f"`{value}` is not a UK phone number"
    return None


def _valid(value: str) -> bool:
    number = _parse(value)
    return number is not None and phonenumbers.is_valid_number(number) and not _drama(number)


def display(value: str) -> str:
    """The number as people write it in the UK (``01332 641172``); short numbers as given."""
    number = _parse(value)
    if number is None or _is_short(number, value):
        return value
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def tel(value: str) -> str:
    """The ``tel:`` address of a number: E.164 (``tel:+441332641172``), or the short number."""
    number = _parse(value)
    if number is None or _is_short(number, value):
        return "tel:" + value.replace(" ", "")
    return "tel:" + phonenumbers.format_number(number, PhoneNumberFormat.E164)
