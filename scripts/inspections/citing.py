"""Citations on pages: a short numbered link beside each point, the full list at the end.

Why: a citation written out beside every point ("(Source: Derbyshire County Council press
release on the inspection, the headline paragraph ...)") made sentences of 30 words and more.
Now each point ends with a link such as ``[1]`` (its accessible name is "Source 1"), and
"Where this page comes from" lists each numbered source with where in it, then any other
source the page uses. Numbers follow the order of the families' page (grades, going well, must
improve, Ofsted's areas for improvement, next steps, how inspectors found out), and come from the data alone, so a point and
its note always agree.

Example::

    >>> from types import SimpleNamespace as N
    >>> insp = N(judgements_source="r", judgements_ref="table", must_improve=[],
    ...          areas_for_improvement=[N(source="r", ref="the list")],
    ...          going_well=[N(source="r", ref="paragraph 7"), N(source="r", ref="table")],
    ...          next_steps=None, how_inspected=None)
    >>> notes(insp)
    [('r', 'table'), ('r', 'paragraph 7'), ('r', 'the list')]
"""

from __future__ import annotations

from typing import Any

from inspections.render import Safe, safe


def notes(insp: Any) -> list[tuple[str, str | None]]:
    """Each (source key, ref) the families' page cites, in page order, each once."""
    pairs: list[tuple[str, str | None]] = []
    if getattr(insp, "judgements_source", None):
        pairs.append((insp.judgements_source, insp.judgements_ref))
    afi = getattr(insp, "areas_for_improvement", None) or []
    for item in [*(insp.going_well or []), *(insp.must_improve or []), *afi]:
        pairs.append((item.source, item.ref))
    for item in (insp.next_steps, insp.how_inspected):
        if item is not None:
            pairs.append((item.source, item.ref))
    return list(dict.fromkeys(pairs))


def _model(view: Any) -> Any:
    return getattr(view, "_value", view)


def _plain(value: Any) -> str | None:
    """The text of a value or of a view of one."""
    if value is None:
        return None
    return getattr(value, "value", value)


def note_number(insp: Any, key: Any, ref: Any) -> int:
    """The number of a (source, ref) pair on its inspection's page (from 1)."""
    return notes(_model(insp)).index((_plain(key), _plain(ref))) + 1


def cite(renderer: Any, insp: Any, key: Any, ref: Any) -> Safe:
    """The link beside a point: ``[1]``, read by screen readers as "Source 1".

    Inside ``<small>``, which the plain-language check reads as a reference, not as prose.
    """
    n = note_number(insp, key, ref)
    return safe(
        f'<small class="cite"><a href="#source-{n}" aria-label="Source {n}">[{n}]</a></small>'
    )


def source_list(renderer: Any, insp: Any) -> Safe:
    """The Markdown of "Where this page comes from": numbered notes, then other sources."""
    model = _model(insp)
    lines: list[str] = []
    used: set[str] = set()
    first: dict[str, int] = {}
    for n, (key, ref) in enumerate(notes(model), 1):
        used.add(key)
        where = renderer.inline(_ref_view(insp, key, ref)) if ref is not None else ""
        if key in first:  # the title once; after that, a link back to it
            named = f"The same source as [number {first[key]}](#source-{first[key]})"
        else:
            first[key] = n
            named = _source(renderer, insp, key)
        lines.append(f'{n}. <span id="source-{n}"></span>{named}' + (f": {where}" if where else ""))
    others = [k for k in model.sources if k not in used]
    if others:
        if lines:
            lines += ["", "Also used for this page:", ""]
        lines += [f"- {_source(renderer, insp, k)}" for k in others]
    return safe("\n".join(lines))


def _source(renderer: Any, insp: Any, key: str) -> str:
    s = insp.sources[key]
    title = renderer.inline(s.title)
    if _plain(s.url):
        return f"[{title}]({_plain(s.url)})"
    return f"{title} (source document `{_plain(s.seed)}`)"


def _ref_view(insp: Any, key: str, ref: str) -> Any:
    """The ref as a text that remembers its place in the data file (the first place it is
    written), so a problem in it points at that line."""
    if _plain(insp.judgements_source) == key and _plain(insp.judgements_ref) == ref:
        return insp.judgements_ref
    for item in [*insp.going_well, *insp.must_improve, insp.next_steps, insp.how_inspected]:
        if item is not None and _plain(item.source) == key and _plain(item.ref) == ref:
            return item.ref
    return ref
