"""Read-only views of checked data for templates, each text knowing where it was written.

Templates read models through :class:`View`, which hands out every text as a
:class:`~inspections.render.Text` carrying its ``file:line:col``; the renderer escapes it and
records it, so the words check knows where each word came from.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from inspections.load import Document
from inspections.render import Text
from inspections.site import Entry


class View:
    """Read-only view of a model, list or dict whose texts remember their place.

    Each child is wrapped once and kept: a view's children are stored as its own attributes
    (and items), so when many pages show the same entry (an inspection's two pages, its area's
    page, every page that names a framework's grades) the second read is a plain attribute
    lookup that never reaches ``__getattr__``, never raises and catches an ``AttributeError``,
    and never looks up the text's position again. :func:`view` hands out one view per entry.
    """

    def __init__(self, value: Any, doc: Document | None, loc: tuple = ()):
        self._value, self._doc, self._loc = value, doc, loc
        self._kids: dict[Any, Any] = {}  # wrapped items by key or index
        self._filled = False  # a model's fields all wrapped (see _fill)

    def __getattr__(self, name: str) -> Any:
        # Only called for a child not read before (see the class docstring).
        value = self._value
        if isinstance(value, BaseModel):
            if not self._filled:
                self._fill()
                if name in self.__dict__:
                    return self.__dict__[name]
            key = _keys(type(value)).get(name)
            if key is None:
                raise AttributeError(name)
            return wrap(getattr(value, name), self._doc, (*self._loc, key))
        if isinstance(value, dict) and name in value:
            child = wrap(value[name], self._doc, (*self._loc, name))
            if name not in _VIEW_NAMES:  # never hide a method of the view itself
                self.__dict__[name] = child
            return child
        raise AttributeError(name)

    def _fill(self) -> None:
        """Wrap all of a model's fields at the first read of any: pages read most of them,
        and one loop costs much less than a ``__getattr__`` call for each."""
        self._filled = True
        model, doc, loc, own = self._value, self._doc, self._loc, self.__dict__
        for name, key in _keys(type(model)).items():
            if name not in _VIEW_NAMES:  # never hide a method of the view itself
                own[name] = wrap(getattr(model, name), doc, (*loc, key))

    def __getitem__(self, key: Any) -> Any:
        kids = self._kids
        try:
            if key in kids:
                return kids[key]
        except TypeError:  # a key that cannot be kept (a slice): wrapped each time
            return wrap(self._value[key], self._doc, (*self._loc, key))
        if isinstance(self._value, BaseModel):
            return getattr(self, key)
        child = kids[key] = wrap(self._value[key], self._doc, (*self._loc, key))
        return child

    def __contains__(self, key: Any) -> bool:
        return key in self._value

    def __iter__(self):
        if isinstance(self._value, list):
            return iter([self[i] for i in range(len(self._value))])
        return iter(self._value)

    def __len__(self) -> int:
        return len(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def items(self):
        return [(k, self[k]) for k in self._value]

    def get(self, key: Any, default: Any = None) -> Any:
        return self[key] if key in self._value else default

    @property
    def raw(self) -> Any:
        """The plain value underneath (for comparisons in helpers, not for printing)."""
        return self._value


_VIEW_NAMES = frozenset(dir(View))


_KEYS: dict[type, dict[str, str]] = {}


def _keys(model: type[BaseModel]) -> dict[str, str]:
    """A model's field names -> the keys they are written as in data files (worked out once
    per class: pydantic's ``model_fields`` is slow to ask thousands of times per build)."""
    keys = _KEYS.get(model)
    if keys is None:
        keys = _KEYS[model] = {n: f.alias or n for n, f in model.model_fields.items()}
    return keys


def wrap(value: Any, doc: Document | None, loc: tuple) -> Any:
    """Wrap ``value`` for templates: texts become :class:`Text`, containers become views."""
    if isinstance(value, str):
        if doc is None:
            return Text(value)
        # Document.text_start, without its calls for the usual case (a value on its own line).
        pos = doc.positions.get(loc)
        if pos is None or loc in doc.blocks:
            pos = doc.text_start(loc)
        return Text(value, doc.path, pos[0], pos[1], loc)
    if isinstance(value, _CONTAINERS):
        return View(value, doc, loc)
    return value


_CONTAINERS = (BaseModel, list, dict)


def view(entry: Entry) -> View:
    """The :class:`View` of a checked data file: one per entry, so what pages read from it is
    wrapped once per build, not once per page."""
    hit = _VIEWS.get(id(entry))
    if hit is None or hit[0] is not entry:
        if len(_VIEWS) >= _MAX_VIEWS:  # a long preview session: forget earlier builds' views
            _VIEWS.clear()
        hit = _VIEWS[id(entry)] = (entry, View(entry.model, entry.doc))
    return hit[1]


# id(entry) -> (entry, its view). Holding the entry keeps its id from being reused.
_VIEWS: dict[int, tuple[Entry, View]] = {}
_MAX_VIEWS = 20_000
