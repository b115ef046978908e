"""Keep pages light and previews quick at national scale (MkDocs hooks, see scripts/speed_hooks.py).

Page weight: mkdocs-material's JavaScript bundle (35 KB gzip) used to load on every page.
Everything on our pages works without it (the content, navigation, tables and links are plain
HTML), so the bundle now loads on first use: when a reader points at, taps or tabs into the
header (menu, colour toggle). The search box is left out: it is ours and does not need the
bundle (search loads its own files when used, see :mod:`inspections.search`). A few lines run
at once instead, so readers who prefer dark mode still get it without the bundle, and the
colour toggle is shown and works on the first click.

Preview: with ``mkdocs serve --dirty`` (``make preview``), a generated page whose Markdown has
not changed since the last rebuild is not rebuilt, so an edit re-renders only what it touches.
:func:`serving` tells :mod:`inspections.mkdocs` it may reuse the previous rebuild's data and
pages (see :func:`inspections.pages.rebuild_pages`).

Example (what the hook does to a page)::

    >>> html = '<body><script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script></body>'
    >>> "bundle.a5f9d56c.min.js" in defer_theme_script(html) and "<script src=" not in \\
    ...     defer_theme_script(html)
    True
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import jinja2
import jinja2.bccache

_BUNDLE = re.compile(
    r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)">'
    r"</script>"
)

# Loads the theme's script on first use of the header (not its search box). Until it has loaded,
# the colour toggle works on its own: the reader's saved or system colour scheme is applied at
# once, its button is shown, and a change is applied and remembered exactly as the theme does
# (``__md_set("__palette", ...)``, which partials/guard.html lets through only after the
# reader has changed the palette). The theme's script then finds the same choice and keeps it.
_BOOT = """<script>(function(){var s=%s,d=document,b=d.body,done=0;
d.documentElement.classList.remove("no-js");
function load(){if(done)return;done=1;var e=d.createElement("script");e.src=s;b.appendChild(e)}
function near(e){var t=e.target;return t&&t.closest&&t.closest(".md-header")&&!t.closest(".site-search")}
d.addEventListener("pointerdown",function(e){near(e)&&load()},true);
d.addEventListener("touchstart",function(e){near(e)&&load()},{capture:true,passive:true});
d.addEventListener("focusin",function(e){near(e)&&load()},true);
var o=d.querySelectorAll("input[name=__palette]"),p=null,n=0,i;if(!o.length)return;
try{p=__md_get("__palette")}catch(e){}
if(p&&p.color&&o[p.index])n=p.index;else for(i=0;i<o.length;i++){
var m=o[i].getAttribute("data-md-color-media");if(m&&matchMedia(m).matches){n=i;break}}
function a(x,k){return o[x].getAttribute("data-md-color-"+k)}
function show(x){var c={media:a(x,"media")};["scheme","primary","accent"].forEach(function(k){
c[k]=a(x,k);b.setAttribute("data-md-color-"+k,c[k])});o[x].checked=true;
for(var j=0;j<o.length;j++){var l=o[j].nextElementSibling;if(l&&l.tagName==="LABEL")l.hidden=j!==x}
return c}
show(n);
d.addEventListener("change",function(e){var x=[].indexOf.call(o,e.target);
if(x>=0)__md_set("__palette",{index:x,color:show(x)})});
o[0].form&&o[0].form.addEventListener("keydown",function(e){var x=[].indexOf.call(o,e.target);
if(e.key!=="Enter"||x<0||window.document$)return;e.preventDefault();
x=o[(x+1)%%o.length];x.click();x.focus()})})()</script>"""


def defer_theme_script(html: str) -> str:
    """Replace the theme bundle's ``<script>`` tag with the small loader above."""
    return _BUNDLE.sub(lambda m: _BOOT % json.dumps(m.group(1)), html, count=1)


def on_post_page(output: str, page: Any, config: Any, **kwargs: Any) -> str:
    return defer_theme_script(output)


# ---------------------------------------------------------------------------- preview

_previous: dict[str, str] = {}  # docs path -> Markdown of the last build in this process
_dirty = {"on": False, "serve": False}


def serving() -> bool:
    """True in ``mkdocs serve`` (``make preview``): rebuilds may reuse the previous one."""
    return _dirty["serve"]


def on_startup(command: str, dirty: bool, **kwargs: Any) -> None:
    _dirty["serve"] = command == "serve"
    _dirty["on"] = command == "serve" and dirty
    if _dirty["on"]:
        # `make preview` keeps --strict for real problems; this one notice is about --dirty
        # itself, which we chose knowingly (and the site build never uses it).
        logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_notice)


def _not_dirty_notice(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith("A 'dirty' build is being performed")


def on_files(files: Any, config: Any, **kwargs: Any) -> Any:
    """In ``serve --dirty``, mark generated pages unchanged since the last rebuild as such."""
    if not _dirty["on"]:
        return files
    for file in files:
        content = getattr(file, "_content", None)
        if not isinstance(content, str) or not file.src_uri.endswith(".md"):
            continue
        unchanged = _previous.get(file.src_uri) == content
        _previous[file.src_uri] = content
        if unchanged:
            file.is_modified = _false  # this instance only; MkDocs then skips the page
    return files


def _false() -> bool:
    return False


class _RememberedTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory for the next rebuild of a preview.

    MkDocs makes a new template environment for every rebuild, so ``make preview`` compiled
    mkdocs-material's templates again after every edit (about 0.13 s at national scale). Jinja
    stores each template's source checksum with its compiled code and compiles again when the
    template's text changes, so an edited theme file is never served stale. Only in a
    preview, and only in memory: nothing is written to disk, and a new ``make preview`` starts
    afresh.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_remembered = _RememberedTemplates()


def on_env(env: Any, config: Any, files: Any, **kwargs: Any) -> Any:
    """In a preview, keep the theme's compiled templates between rebuilds."""
    if _dirty["serve"] and env.bytecode_cache is None:
        env.bytecode_cache = _remembered
    return env
