"""The site engine's build of the generated tree, on both cores: two ``mkdocs build`` runs,
each of about half the pages, joined into one site.

Why: MkDocs builds one page after another on one core, and the national site has about 1,850
pages (about 12 s). ``make site`` runs on 2 cores, so each part builds about half the pages.

Each part is an ordinary ``mkdocs build --strict`` of mkdocs.yml, given on standard input as
``INHERIT: mkdocs.yml`` plus one setting (:data:`PARTS`). The first part leaves out the
second part's areas with ``draft_docs``, MkDocs' own setting for pages ``mkdocs build`` leaves
out. The second leaves out, with ``exclude_docs``, everything but its areas and the pages
they link into by heading (so it copies none of the theme's files; its copies of those pages
are dropped). MkDocs still sees the whole tree: every link from a page it builds is checked,
and links to the other part's pages are made as usual. The one file that lists every page,
``sitemap.xml``, is joined from both.

This makes the same site as one ``mkdocs build`` because nothing on a page depends on which
other pages are built: mkdocs.yml's menu (``nav``) lists no area's page and there are no
plugins (the search index is Pagefind's, made afterwards). tests/test_engine.py builds the
shipped site both ways and compares them.

What a part cannot check: a link to a heading (``#anchor``) on a page only the other part
builds. No page links to a heading on an area's pages today (links to headings go to the
glossary, the grades and about: :data:`ANCHORED`, which both parts build), and the one plain
build in tests/test_engine.py would fail on such a link.

Example::

    build(Path("build/site.new"))      # as `make site` does, after `generate`
"""

from __future__ import annotations

import fnmatch
import gzip
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

AREAS = "areas"
LETTERS = "m-z"  # the second part builds the areas whose folder starts with these (about half)
# Pages the area pages link into by heading (#anchor): the second part builds them too (and
# drops them), so MkDocs checks those links there as well.
ANCHORED = ("/glossary.md", "/grades.md", "/about/")
# What each part leaves out, as MkDocs settings (patterns as in .gitignore): the first part
# the second part's areas; the second part everything but its areas and the ANCHORED pages.
PARTS = (
    f"draft_docs: /{AREAS}/[{LETTERS}]*/\n",
    "exclude_docs: |\n"
    + "".join(f"  {line}\n" for line in ("/*", f"!/{AREAS}/", *(f"!{a}" for a in ANCHORED)))
    + f"  /{AREAS}/*.md\n  /{AREAS}/[!{LETTERS}]*/\n",
)
# MkDocs says this of every link (and menu entry) to the other part's pages: expected, not shown.
_EXPECTED = re.compile(r"(which is|but this file is) excluded from the built site\.$")
SITEMAP = "sitemap.xml"


@dataclass
class Part:
    """One ``mkdocs build`` of part of the pages."""

    leaves_out: str
    site_dir: Path
    returncode: int = 0
    output: str = ""


def build(site_dir: Path, config: Path = Path("mkdocs.yml"), mkdocs: str | None = None) -> int:
    """Build the site into ``site_dir`` (which must not exist) in two parts at once; 0 when both
    passed. On a failure, each part's output says why and ``site_dir`` is not made."""
    site_dir = Path(site_dir)
    work = site_dir.with_name(site_dir.name + ".parts")
    shutil.rmtree(work, ignore_errors=True)
    parts = [Part(pattern, work / str(n)) for n, pattern in enumerate(PARTS, 1)]
    with ThreadPoolExecutor(len(parts)) as pool:
        list(pool.map(lambda part: _run(part, config, mkdocs), parts))
    _report(parts)
    if any(part.returncode for part in parts):
        shutil.rmtree(work, ignore_errors=True)
        return 1
    join(parts[0].site_dir, parts[1].site_dir, site_dir)
    shutil.rmtree(work, ignore_errors=True)
    return 0


def _run(part: Part, config: Path, mkdocs: str | None) -> None:
    """``mkdocs build --strict`` of ``config`` leaving out ``part.leaves_out``.

    Never with ``--quiet``: MkDocs then drops warnings before strict mode counts them.
    """
    settings = (
        f"INHERIT: {Path(config).resolve()}\n"
        f"site_dir: {part.site_dir.resolve()}\n"
        "# Built by the other part of `python -m inspections build` (inspections/engine.py).\n"
        f"{part.leaves_out}"
    )
    command = [mkdocs] if mkdocs else [sys.executable, "-m", "mkdocs"]
    done = subprocess.run(
        [*command, "build", "--strict", "--config-file", "-"],
        input=settings,
        capture_output=True,
        text=True,
    )
    part.returncode = done.returncode
    part.output = done.stdout + done.stderr


def _report(parts: list[Part]) -> None:
    """Each part's output once: a line both parts printed (about a page both built) once, and
    none of the expected notes about links to the other part."""
    seen: set[str] = set()
    for part in parts:
        for line in part.output.splitlines():
            if line in seen or _EXPECTED.search(line):
                continue
            seen.add(line)
            print(line, file=sys.stderr)


def join(first: Path, second: Path, site_dir: Path) -> None:
    """The first part's site, with the second part's areas and the sitemap of both, as
    ``site_dir``."""
    for folder in sorted((second / AREAS).iterdir()):
        if folder.is_dir() and fnmatch.fnmatchcase(folder.name, f"[{LETTERS}]*"):
            target = first / AREAS / folder.name
            if target.exists():
                raise RuntimeError(f"Both parts built {target.relative_to(first)}")
            folder.rename(target)
    if (first / SITEMAP).is_file():
        joined = join_sitemaps(
            (first / SITEMAP).read_text(encoding="utf-8"),
            (second / SITEMAP).read_text(encoding="utf-8"),
        )
        (first / SITEMAP).write_text(joined, encoding="utf-8", newline="")
        _gzip_sitemap(first / (SITEMAP + ".gz"), joined)
    first.rename(site_dir)


_URL = re.compile(r"\n\s*<url>.*?</url>", re.S)


def join_sitemaps(first: str, second: str) -> str:
    """The first sitemap with the pages only the second lists added at its end (a sitemap's
    order means nothing).

    >>> a = '<urlset>\\n <url><loc>/</loc></url>\\n <url><loc>/a/</loc></url>\\n</urlset>'
    >>> b = '<urlset>\\n <url><loc>/</loc></url>\\n <url><loc>/m/</loc></url>\\n</urlset>'
    >>> print(join_sitemaps(a, b))
    <urlset>
     <url><loc>/</loc></url>
     <url><loc>/a/</loc></url>
     <url><loc>/m/</loc></url>
    </urlset>
    """
    have = set(_URL.findall(first))
    extra = "".join(url for url in _URL.findall(second) if url not in have)
    end = first.rindex("</urlset>")
    head = first[:end].rstrip("\n")
    return head + extra + "\n" + first[end:]


def _gzip_sitemap(path: Path, text: str) -> None:
    """``sitemap.xml.gz`` again, with the time MkDocs gave it (the build's timestamp)."""
    mtime = 0
    if path.is_file():
        with gzip.open(path) as old:
            old.read()
            mtime = old.mtime or 0
    with path.open("wb") as raw, gzip.GzipFile("sitemap.xml", "wb", fileobj=raw, mtime=mtime) as gz:
        gz.write(text.encode("utf-8"))
