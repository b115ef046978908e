"""Our own CSS and JavaScript made smaller on their way into the content tree.

Every page's first load carries the theme's stylesheet and scripts (and the compare and
find-your-area pages their own script): comments and indentation are most of their bytes and
mean nothing to a browser, but readers on phones with little data pay for them. The source
files stay readable and commented; only the copies written by ``python -m inspections
generate`` (the theme into ``build/theme``, the pages' scripts with the open data) are minified,
by rcssmin and rjsmin (:func:`minified`). Anything that is not ``.css`` or ``.js`` (the theme's
Jinja templates, pictures) is passed through byte for byte.

Example::

    >>> minified("a.css", b"/* note */\\n.x {\\n  color: red;\\n}\\n")
    b'.x{color:red}'
    >>> minified("a.js", "// note\\nvar a = 1;\\n")
    'var a=1;'
    >>> minified("main.html", b"<!-- kept -->  ")
    b'<!-- kept -->  '
"""

from __future__ import annotations

from typing import AnyStr

from rcssmin import cssmin
from rjsmin import jsmin


def minified(path: str, data: AnyStr) -> AnyStr:
    """``data`` (the file at ``path``; text or bytes, given back the same) minified when it is a
    stylesheet or a script; anything else unchanged."""
    if path.endswith(".css"):
        return cssmin(data)
    if path.endswith(".js"):
        return jsmin(data)
    return data
