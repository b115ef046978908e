"""What "Who you can talk to" shows: people, numbers and the council's own services.

The words are data (``talk_to:`` in data/helplines.yaml, so comms teams can change them); the
council's Children in Care Council and local offer come from the area's file when a source
gives them. Shown near the top of every young people's page that has a context from here.

Example::

    >>> talk_to(Site(Path("."))) is None   # no helplines file loaded: nothing to show
    True
"""

from __future__ import annotations

from pathlib import Path  # noqa: F401  (used by the example)
from typing import Any

from inspections import phones
from inspections.site import Site
from inspections.views import view


def talk_to(site: Site, area_key: str | None = None) -> dict[str, Any] | None:
    """The box's words and numbers (as views, so checks find their lines), or None."""
    if site.helplines is None or site.helplines.model.talk_to is None:
        return None
    helplines = view(site.helplines)
    box = helplines.talk_to
    known = site.helplines.model.helplines
    raw = [
        site.helplines.model.helplines[k]
        for k in site.helplines.model.talk_to.helplines
        if k in known
    ] + [site.helplines.model.talk_to.numbers[k] for k in site.helplines.model.talk_to.numbers]
    numbers = [helplines.helplines[k] for k in site.helplines.model.talk_to.helplines if k in known]
    numbers += [box.numbers[k] for k in site.helplines.model.talk_to.numbers]
    tel = [phones.tel(n.number) for n in raw]  # the tel: address of each, in the same order
    local = []
    if area_key and area_key in site.areas:
        area = view(site.areas[area_key])
        model = site.areas[area_key].model
        local = [
            getattr(area, name)
            for name in ("children_in_care_council", "local_offer")
            if getattr(model, name) is not None
        ]
    return {"box": box, "numbers": list(zip(numbers, tel, strict=True)), "local": local}
