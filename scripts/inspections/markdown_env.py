"""The Jinja environment for Markdown pages, tuned for speed at national scale.

Speed only: it is meant to print exactly what a plain ``jinja2.Environment`` with the same
options prints (the golden pages in ``tests/golden/`` guard the output). It subclasses Jinja's
code generator and runtime context, the only module in the package that does, so a Jinja
upgrade that changes those touches this file alone.
"""

from __future__ import annotations

import functools
import types
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame


class _MarkdownCodeGenerator(CodeGenerator):
    """Compiles ``{{ value }}`` to ``finalize(value)``, without Jinja's ``escape()`` around it,
    and ``{{ value | inline }}`` (or ``md``, ``attr``) to just the filter's result.

    With autoescape on, Jinja prints each value as ``escape(finalize(value))``. Our
    ``finalize`` already returns Safe Markdown (a Markup) for every value, and ``escape`` of a
    Markup only copies it, building two Markup objects in Python each time: a sixth of the
    rendering time at national scale. The filters in :data:`SAFE_FILTERS` always return Safe
    Markdown themselves, so their result is printed as it is. Constant output and template
    text are unchanged.
    """

    def _plain(self, frame: Frame, finalize: Any) -> bool:
        return (
            finalize.src is not None and frame.eval_ctx.autoescape and not frame.eval_ctx.volatile
        )

    def _output_child_pre(self, node: Any, frame: Frame, finalize: Any) -> None:
        if not self._plain(frame, finalize):
            super()._output_child_pre(node, frame, finalize)
        elif not _made_safe(node):
            self.write(finalize.src)

    def _output_child_post(self, node: Any, frame: Frame, finalize: Any) -> None:
        if not self._plain(frame, finalize):
            super()._output_child_post(node, frame, finalize)
        elif not _made_safe(node):
            self.write(")")


# Filters that always return Safe Markdown: the output of md and inline (data text made
# safe), attr (a value made safe for an HTML attribute).
SAFE_FILTERS = frozenset({"md", "inline", "attr"})


def _made_safe(node: Any) -> bool:
    return isinstance(node, jinja2.nodes.Filter) and node.name in SAFE_FILTERS


class _Context(jinja2.runtime.Context):
    """Calls plain Python functions from templates directly.

    Jinja's ``Context.call`` first asks every callable whether it wants the context passed in
    (several attribute look-ups per call); ``link()`` and the date helpers are called tens of
    thousands of times at national scale and never do. Anything else (macros, callables
    marked with ``pass_context`` and the like) goes the usual way.
    """

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's)
        if type(__obj) in _PLAIN_CALLABLES and not hasattr(__obj, "jinja_pass_arg"):
            if kwargs:
                kwargs.pop("_loop_vars", None)
                kwargs.pop("_block_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:  # as Jinja does
                return __self.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception"
                )
        return super().call(__obj, *args, **kwargs)


_PLAIN_CALLABLES = frozenset({types.FunctionType, types.MethodType, functools.partial})


class MarkdownEnvironment(jinja2.Environment):
    """The Jinja environment :class:`~inspections.render.Renderer` renders with."""

    code_generator_class = _MarkdownCodeGenerator
    context_class = _Context

    def make_globals(self, d: Any) -> dict[str, Any]:
        """A template's globals as a plain dict, not Jinja's ChainMap.

        Jinja copies them into every page's context (twice with an include), and copying a
        ChainMap goes key by key in Python. As Jinja advises, globals are all set before any
        template is loaded (:class:`Renderer` and ``context.install``).
        """
        return {**self.globals, **(d or {})}
