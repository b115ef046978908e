"""The comms kit: every council's badge, the site's share card, and the share tags.

:func:`files` gives the pictures by their path in the built site, for
:func:`inspections.opendata.static_files` to publish with the open data:

- ``badges/<area>.svg``, one per council (:mod:`inspections.badges`);
- ``assets/images/share-card.png``, the picture link previews show (:mod:`inspections.sharecard`).

:func:`partials` gives the theme's ``partials/share.html``: every page's Open Graph and Twitter
tags, made here when the content is generated (``templates/share.html``), so the theme needs
no ``config.extra`` and any engine that reads the tree shows the same tags. A preview shows
the same neutral text whichever page was shared.

Their words are data that comms teams change, ``data/wording/comms-kit.yaml``, read and
checked by :mod:`inspections.kitwords` (every problem reported at once, with its place).

Example::

    >>> sorted(files(load_site(Path(".")), Path(".")))[:1]   # doctest: +SKIP
    ['assets/images/share-card.png']
    >>> share_url("https://example.org/x")
    'https://example.org/x/assets/images/share-card.png'
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from inspections import badges, kitwords, sharecard
from inspections.site import Site

CARD = "assets/images/share-card.png"
PARTIAL = "partials/share.html"
TEMPLATE = Path(__file__).parent / "templates" / "share.html"


def words(root: Path) -> kitwords.Words:
    """The kit's words from ``root``'s ``data/wording/comms-kit.yaml``, checked."""
    return kitwords.words(root)


def share_url(site_url: str | None) -> str:
    """The share card's address: absolute, from ``site_url`` (as MkDocs writes it, ending in
    ``/``), as link previews need; the site's own root when no address is set."""
    base = (site_url.rstrip("/") + "/") if site_url else "/"
    return base + CARD


def partials(site: Site, site_url: str | None) -> dict[str, bytes]:
    """The theme's share tags partial, by its path in the theme."""
    share = words(site.root)["share"]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE.parent), autoescape=True)
    html = env.get_template(TEMPLATE.name).render(share=share, card=share_url(site_url))
    # Jinja drops one newline at the end of an included file: add it, keep the tags' own.
    return {PARTIAL: (html + "\n").encode("utf-8")}


def files(site: Site, root: Path | None = None) -> dict[str, bytes]:
    """Every badge and the share card, by path in the built site (words from ``root``'s
    wording file, the site's own folder unless given)."""
    said = words(root if root is not None else site.root)
    out = {path: text.encode("utf-8") for path, text in badges.files(site, said["badge"]).items()}
    out[CARD] = sharecard.card(said["share"]["title"], said["share"]["description"])
    return out
