"""The shape of every data file, with a rule and help text on each field.

Like MkDocs' config schema: the help text (``description``) is what a comms officer sees when a
field is missing, and it is published in the JSON Schema so VS Code shows it while typing.
Checks that need more than one file (does the area exist? is the grade on this framework's
scale?) live in :mod:`inspections.validate`.

One module per kind of file: :mod:`.fields` (shared types and rules), :mod:`.area`,
:mod:`.framework`, :mod:`.inspection` and :mod:`.reference` (glossary and helplines); every
name is importable from here.

Example::

    >>> Glossary.model_validate({"terms": {"iro": {
    ...     "term": "independent reviewing officer", "also": ["IRO"],
    ...     "young_people": "A person who checks your plan is right for you.",
    ...     "families": "A social worker who chairs reviews of a child's care plan."}}}).terms["iro"].also
    ['IRO']
"""

from __future__ import annotations

from inspections.models.area import Area, Contact, Ended, LocalService, Partnership
from inspections.models.fields import (
    AREA_KINDS,
    PLACEHOLDER,
    REGIONS,
    Cited,
    ForAudience,
    FullDate,
    Names,
    OfstedPage,
    OnsCode,
    PartialDate,
    Phone,
    Ref,
    Slug,
    Source,
    Strict,
    Text,
    Url,
    parse_partial_date,
)
from inspections.models.framework import (
    Framework,
    Grade,
    InUse,
    Judgement,
    Kind,
    NextInspection,
    SourceLink,
)
from inspections.models.inspection import (
    AreaForImprovement,
    DateInfo,
    Dates,
    Finding,
    HowInspected,
    Inspection,
    NextSteps,
    Report,
)
from inspections.models.reference import Glossary, Helpline, Helplines, Person, TalkTo, Term

__all__ = [
    "AREA_KINDS",
    "Area",
    "AreaForImprovement",
    "Cited",
    "Contact",
    "DateInfo",
    "Dates",
    "Ended",
    "Finding",
    "ForAudience",
    "Framework",
    "FullDate",
    "Glossary",
    "Grade",
    "Helpline",
    "Helplines",
    "HowInspected",
    "InUse",
    "Inspection",
    "Judgement",
    "Kind",
    "LocalService",
    "MODELS",
    "Names",
    "NextInspection",
    "NextSteps",
    "OfstedPage",
    "OnsCode",
    "PLACEHOLDER",
    "PartialDate",
    "Partnership",
    "Person",
    "Phone",
    "REGIONS",
    "Ref",
    "Report",
    "Slug",
    "Source",
    "SourceLink",
    "Strict",
    "TalkTo",
    "Term",
    "Text",
    "Url",
    "parse_partial_date",
]

MODELS: dict[str, type[Strict]] = {
    "area": Area,
    "framework": Framework,
    "inspection": Inspection,
    "glossary": Glossary,
    "helplines": Helplines,
}
