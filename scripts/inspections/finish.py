"""Finish: the few fixes made to the built HTML, one step after the engine's build.

``make site`` runs ``python -m inspections finish build/site.new`` after ``mkdocs build`` and
before the search index. Each fix is one that no template block reaches:

- :func:`valid_html`: two things in mkdocs-material's page the W3C checker calls errors;
- :func:`focusable_code`: code blocks as named Tab stops (they come from the Markdown);
- :func:`defer_theme_script`: mkdocs-material's bundle (35 KB gzip) loads on first use of the
  header, not on every page (everything on our pages works without it).

Pages get all three; 404.html (made from a theme template alone) gets only the first (as the
hooks did before). ``make preview`` does not run this step: its pages load the theme's script
at once and its code blocks are not Tab stops.

Example::

    >>> html = '<body><script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script></body>'
    >>> "bundle.a5f9d56c.min.js" in defer_theme_script(html) and "<script src=" not in \\
    ...     defer_theme_script(html)
    True
"""

from __future__ import annotations

import json
import re
from pathlib import Path

TEMPLATE_PAGES = {"404.html"}  # made from a theme template, not from a page


def finish_page(html: str) -> str:
    """Every fix, for a page made from Markdown."""
    return defer_theme_script(focusable_code(valid_html(html)))


def finish_site(site_dir: Path) -> int:
    """Fix every HTML file in ``site_dir`` in place; the number of files changed."""
    changed = 0
    for path in sorted(Path(site_dir).rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        fixed = valid_html(html) if rel in TEMPLATE_PAGES else finish_page(html)
        if fixed != html:
            path.write_text(fixed, encoding="utf-8", newline="")
            changed += 1
    return changed


_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


def valid_html(html: str) -> str:
    """Fix the two things in mkdocs-material's own page that the W3C HTML checker calls errors,
    which no template block reaches: ``autocomplete`` on its hidden checkboxes, and the table
    of contents' label for a ``__toc`` checkbox that pages outside the navigation do not have.

    >>> valid_html('<input class="md-toggle" type="checkbox" id="__x" autocomplete="off">')
    '<input class="md-toggle" type="checkbox" id="__x">'
    """
    html = _TOGGLE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', html)
    return html


_CODE = re.compile(r'<pre><code(?: class="language-([\w-]+)")?>')
_CODE_NAMES = {
    "console": "Example: commands to type, and what they print",
    "yaml": "Example: lines from a data file",
}


def focusable_code(html: str) -> str:
    """Make every code block a named Tab stop, so keyboard users can scroll long lines sideways
    with the arrow keys (WCAG 2.1.1). Done here, in the HTML, because it must work before and
    without mkdocs-material's script (which only loads on first use of the header).

    >>> focusable_code('<pre><code class="language-yaml">area: derby</code></pre>')
    '<pre><code class="language-yaml" tabindex="0" role="group" aria-label="Example: lines \
from a data file">area: derby</code></pre>'
    >>> focusable_code('<pre><code>x</code></pre>')
    '<pre><code tabindex="0" role="group" aria-label="Example">x</code></pre>'
    """

    def name(match: re.Match) -> str:
        language = match.group(1)
        label = _CODE_NAMES.get(language or "", "Example")
        kind = f' class="language-{language}"' if language else ""
        return f'<pre><code{kind} tabindex="0" role="group" aria-label="{label}">'

    return _CODE.sub(name, html)


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
