"""Check data files against the models and against each other; report every problem at once.

Two passes, like MkDocs' config validation: first each file against its model (every error in
one go, thanks to pydantic), then the checks that need several files (the area exists, the grade
is on the framework's scale, the previous inspection exists...). Each problem names the file,
line and column and says how to fix it, in words for people who are not programmers.

Example::

    >>> from inspections.load import load_text
    >>> doc = load_text("terms:\\n  iro:\\n    term: IRO\\n    famlies: x\\n", "data/glossary.yaml")
    >>> for p in check_model(doc, "glossary")[1]: print(p)  # doctest: +NORMALIZE_WHITESPACE
    data/glossary.yaml:3:5: `young_people` is missing from `terms: iro`. Add `young_people:` here: What it means, for young people.
    data/glossary.yaml:3:5: `families` is missing from `terms: iro`. Add `families:` here: What it means, for families.
    data/glossary.yaml:4:5: `famlies` is not a field we know here. Did you mean `families`?
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from inspections.load import Document
from inspections.models import MODELS, PLACEHOLDER, Strict, parse_partial_date
from inspections.problems import Problem, did_you_mean, one_of
from inspections.yamlread import INDEXED_FIELDS

# ---------------------------------------------------------------------------- model checks


def check_model(doc: Document, kind: str) -> tuple[Strict | None, list[Problem]]:
    """Validate ``doc`` against the model for ``kind``; return the model or the problems."""
    model = MODELS[kind]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        # A "Still to write" placeholder is reported once, by check_placeholders, not also as
        # "not a date" or "not a web address" here.
        return None, [
            _problem(doc, model, err)
            for err in exc.errors()
            if not _is_placeholder(err.get("input"))
        ]


def _is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip().startswith(PLACEHOLDER)


def _problem(doc: Document, model: type[BaseModel], err: dict[str, Any]) -> Problem:
    loc = tuple(x for x in err["loc"] if not _is_internal(x))
    field = loc[-1] if loc else ""
    kind = err["type"]
    value = err.get("input")
    if kind == "missing":
        help_text = _help(model, loc)
        where = _describe(loc[:-1])
        message = f"`{field}` is missing" + (f" from `{where}`" if where else "")
        fix = f"Add `{field}:` here" + (f": {help_text}" if help_text else "")
        return doc.problem(loc[:-1], message, fix)
    if kind == "extra_forbidden":
        allowed = _fields(model, loc[:-1])
        hint = did_you_mean(str(field), allowed)
        fix = hint or (
            "Check the spelling, or remove it. Fields allowed here: "
            + ", ".join(f"`{a}`" for a in allowed)
        )
        return doc.problem(loc, f"`{field}` is not a field we know here", fix, key=True)
    if kind == "literal_error":
        choices = [c.strip().strip("'") for c in re.findall(r"'[^']*'", err["msg"])]
        hint = did_you_mean(str(value), choices)
        return doc.problem(
            loc,
            f"`{value}` is not allowed for `{field}`",
            " ".join(x for x in (hint, one_of(choices)) if x),
        )
    if kind.endswith("_type") and value is None:
        return doc.problem(
            loc,
            f"`{field}` has no value",
            "Write a value after the colon, or remove the line if it is optional",
            key=tuple(loc) in doc.key_positions,
        )
    if kind in ("string_type", "str_type") and isinstance(value, dict | list):
        return doc.problem(
            loc,
            f"`{field}` should be text, but it reads as {_what(value)}",
            f"Write the text after `{field}:` on the same line, or on the lines below "
            f"`{field}: |`, indented by two more spaces",
        )
    if kind in ("string_type", "str_type"):
        return doc.problem(
            loc,
            f"`{field}` should be text, but it reads as {_what(value)}",
            f'Put the value in double quotes, like `{field}: "{doc.shown(loc, value)}"`',
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return doc.problem(
            loc,
            f"`{field}` should be a whole number, like `5`",
            "Write just the number, with no quotes or words",
        )
    if kind == "bool_type":
        return doc.problem(
            loc, f"`{field}` should be `true` or `false`", "Write `true` or `false`, with no quotes"
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return doc.problem(
            loc,
            f"`{field}` should hold fields (indented `name: value` lines), "
            f"but it reads as {_what(value)}",
            "Put each field on its own line below, indented by two more spaces",
        )
    if kind == "list_type":
        return doc.problem(
            loc,
            f"`{field}` should be a list, but it reads as {_what(value)}",
            "Put each item on its own line below, starting with `- `",
        )
    if kind == "too_short":
        return doc.problem(loc, f"`{field}` is empty", "Add at least one entry")
    if kind in ("string_too_short", "empty_text"):
        return doc.problem(
            loc,
            f"`{field}` is empty",
            "Write the text, or remove the line if the field is optional",
        )
    if kind == "none_required" or value is None:
        return doc.problem(
            loc,
            f"`{field}` has no value",
            "Write a value after the colon, or remove the line if it is optional",
        )
    # Our own PydanticCustomError messages are already plain sentences.
    message = err["msg"].removeprefix("Value error, ")
    return doc.problem(loc, message, _custom_fix(kind, field))


def _custom_fix(kind: str, field: Any) -> str:
    return {
        "slug": "For example `derby` or `2022-03-ilacs`",
        "https_url": "Copy the full address from your browser, e.g. `https://www.derby.gov.uk/`",
        "partial_date": "",
        "real_date": "Check the day exists in that month",
        "full_date": "",
        "phone": 'Copy the number exactly from its source page, in quotes, e.g. "01332 641172"',
        "source_place": "",
        "ons_code": "Copy the code from Ofsted's statistics (column B), e.g. `E06000015`",
        "ofsted_page": "Copy the address from Ofsted's statistics (column A), e.g. "
        "`https://reports.ofsted.gov.uk/provider/44/829`",
    }.get(kind, "")


def _is_internal(part: Any) -> bool:
    # pydantic adds validator names (e.g. "function-after[...]") to some locations.
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))


def _describe(loc: tuple) -> str:
    return ": ".join(str(p) for p in loc if not isinstance(p, int))


def _what(value: Any) -> str:
    if isinstance(value, bool):
        return f"`{str(value).lower()}` (a yes/no value)"
    if isinstance(value, int | float):
        return f"the number `{value}`"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"`{value}`"


def _show(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _submodel(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class found by following ``loc`` from ``model`` (None if not a model).

    >>> from inspections.models import Glossary
    >>> _submodel(Glossary, ("terms", "ofsted")).__name__
    'Term'
    """
    current: Any = model
    free_key = False  # the next part is a key of a dict[str, Model], not a field name
    for part in loc:
        if isinstance(part, int):
            continue
        if free_key:
            free_key = False
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part) or next(
            (f for f in current.model_fields.values() if f.alias == part), None
        )
        if field is None:
            return None
        current, free_key = _inner(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner(annotation: Any) -> tuple[Any, bool]:
    """Unwrap Optional, list and dict to the model type inside; say if it was a dict."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    is_dict = typing.get_origin(annotation) is dict
    for arg in typing.get_args(annotation) or ():
        found, inner_dict = _inner(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found, is_dict or inner_dict
    return annotation, False


def _fields(model: type[BaseModel], loc: tuple) -> list[str]:
    sub = _submodel(model, loc)
    if sub is None:
        return []
    return [f.alias or name for name, f in sub.model_fields.items()]


def _help(model: type[BaseModel], loc: tuple) -> str:
    parent = _submodel(model, loc[:-1])
    if parent is None:
        return ""
    field = parent.model_fields.get(loc[-1]) or next(
        (f for f in parent.model_fields.values() if f.alias == loc[-1]), None
    )
    return (field.description or "") if field else ""


# ---------------------------------------------------------------------------- text checks


GLOSSARY_LINK = re.compile(r"\]\(glossary:([^)\s]*)\)")


def texts(data: Any, loc: tuple = ()) -> list[tuple[tuple, str]]:
    """Every text value in ``data`` with its location (iteratively: data may be deep).

    >>> texts({"a": ["x", {"b": "y"}], "n": 3})
    [(('a', 0), 'x'), (('a', 1, 'b'), 'y')]
    """
    found: list[tuple[tuple, str]] = []
    stack: list[tuple[tuple, Any]] = [(loc, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*where, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*where, i), v) for i, v in reversed(list(enumerate(value))))
        elif isinstance(value, str):
            found.append((where, value))
    return found


def doc_texts(doc: Document) -> list[tuple[tuple, str]]:
    """:func:`texts` of a document, worked out once: several checks walk the same texts.
    The reader noted them while reading (``doc.reading``), unless the data was replaced."""
    reading = doc.reading
    if reading is not None and reading.data is doc.data:
        return reading.texts
    cached = doc.__dict__.get("_texts")
    if cached is None or cached[0] is not doc.data:
        cached = (doc.data, texts(doc.data))
        doc.__dict__["_texts"] = cached
    return cached[1]


def doc_fields(doc: Document) -> dict[Any, list[tuple[tuple, str]]]:
    """The texts of ``yamlread.INDEXED_FIELDS`` by field name, and under ``int`` the texts
    that are list items, from :func:`doc_texts`. The reader notes these while reading, so
    checks that look for a few fields need not walk every text.

    >>> from inspections.load import load_text
    >>> doc = load_text("sources:\\n  a:\\n    url: https://x.org\\nalso: [b]\\n", "x.yaml")
    >>> doc_fields(doc)
    {'url': [(('sources', 'a', 'url'), 'https://x.org')], <class 'int'>: [(('also', 0), 'b')]}
    """
    reading = doc.reading
    if reading is not None and reading.data is doc.data:
        return reading.fields
    cached = doc.__dict__.get("_fields")
    if cached is None or cached[0] is not doc.data:
        fields: dict[Any, list[tuple[tuple, str]]] = {}
        for loc, text in doc_texts(doc):
            last = loc[-1] if loc else None
            if type(last) is not str:
                fields.setdefault(int, []).append((loc, text))
            elif last in INDEXED_FIELDS:
                fields.setdefault(last, []).append((loc, text))
        cached = doc.__dict__["_fields"] = (doc.data, fields)
    return cached[1]


def check_placeholders(doc: Document) -> Iterator[Problem]:
    """Placeholders written by ``new`` and ``import`` must be replaced before publishing."""
    if not doc.may_contain(PLACEHOLDER.split()[0]):
        return  # the usual case, found with one search of the file's text
    for loc, text in doc_texts(doc):
        if text.strip().startswith(PLACEHOLDER):
            what = text.strip().removeprefix(PLACEHOLDER).strip(" :.") or _describe(loc)
            yield doc.problem(
                loc,
                f"{PLACEHOLDER}: {what}",
                "Replace this placeholder with the real text before publishing",
            )


def check_glossary_links(doc: Document, terms: Iterable[str]) -> Iterator[Problem]:
    """Every ``[words](glossary:key)`` link must name a glossary entry."""
    if not doc.may_contain("glossary:"):
        return
    known = list(terms)
    for loc, text in doc_texts(doc):
        if "glossary:" not in text:
            continue
        for key in GLOSSARY_LINK.findall(text):
            if key not in known:
                hint = did_you_mean(key, known)
                yield doc.problem(
                    loc,
                    f"The glossary has no entry `{key}`",
                    hint or "Add it to data/glossary.yaml, or fix the link",
                )


# ---------------------------------------------------------------------------- areas


def check_area_links(doc: Document, area: Any, areas: Iterable[str]) -> Iterator[Problem]:
    """A council that ended names the areas that took over, and they must exist."""
    if area.ended is None:
        return
    known = list(areas)
    for i, other in enumerate(area.ended.replaced_by):
        if other not in known:
            yield doc.problem(
                ("ended", "replaced_by", i),
                f"There is no area `{other}` in data/areas/",
                did_you_mean(other, known) or "Add the area first, or fix the name",
            )


# ---------------------------------------------------------------------------- dates


@functools.lru_cache(maxsize=4096)  # asked for the same dates by many checks and pages
def date_bounds(value: str) -> tuple[str, str] | None:
    """Earliest and latest ISO day a partial date can mean (None for ``unknown``).

    >>> date_bounds("2022-02")
    ('2022-02-01', '2022-02-28')
    """
    import calendar

    if value == "unknown":
        return None
    year, month, day = parse_partial_date(value)
    if day:
        return (value, value)
    if month:
        last = calendar.monthrange(year, month)[1]
        return (f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}")
    return (f"{year:04d}-01-01", f"{year:04d}-12-31")
