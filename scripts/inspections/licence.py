"""The licences of the site's words and open data, in one place.

The open data (JSON, Atom feed, column guide) and the tests read them from here, so every
place that states the licence says the same thing. The code's licence is in ``LICENCE``
(MIT); the site's licence page is ``docs/licence.md`` and the footer line is ``copyright`` in
``mkdocs.yml`` (a test checks both agree with this module).

Ofsted publishes its reports and statistics under the Open Government Licence v3.0 and asks
reusers to include the attribution statement below. The site's own words and data use the same
licence, so one statement covers everything that is not code.
"""

from __future__ import annotations

NAME = "Open Government Licence v3.0"
URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."
STATEMENT = (
    "The words and data of Inspections explained are available under the Open Government "
    "Licence v3.0. " + ATTRIBUTION
)


def as_json() -> dict[str, str]:
    """The licence as the open data's ``licence`` field."""
    return {"name": NAME, "url": URL, "attribution": ATTRIBUTION, "statement": STATEMENT}
