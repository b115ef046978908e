"""``make preview`` re-renders only what an edit touches, and the result is always exactly what a
full render gives (never a stale page).

The list of fields that only show on an inspection's own pages and its area's page
(``LOCAL_FIELDS``) is checked here against full renders of a small fictional site, so adding
one of those fields to another page makes this test fail instead of making previews stale.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from bench.synthetic import make_project, to_yaml
from inspections.load import load_file
from inspections.pages import LOCAL_FIELDS, build_pages, rebuild_pages
from inspections.problems import DataError
from inspections.site import load_site
from inspections.urls import area_path, inspection_path

WORDS = {"families", "young_people", "title", "ref", "text", "notes"}


@pytest.fixture(scope="module")
def template(tmp_path_factory, root) -> Path:
    out = tmp_path_factory.mktemp("incremental") / "project"
    make_project(out, root, areas=12, seed=11)
    return out


@pytest.fixture
def project(template: Path, tmp_path: Path) -> Path:
    out = tmp_path / "project"
    shutil.copytree(template, out)
    return out


def _changed(value: Any, key: str = "") -> Any:
    """Every text a reader sees gets more words; every whole number goes up by one."""
    if isinstance(value, dict):
        return {k: _changed(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_changed(v, key) for v in value]
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str) and key in WORDS:
        return value + " This was changed for the test."
    return value


def _richest(project: Path) -> tuple[str, Path]:
    """The inspection file with the most of the local fields (and a `notes:` added)."""
    files = sorted((project / "data" / "inspections").glob("*/*.yaml"))
    best = max(files, key=lambda p: len(LOCAL_FIELDS & set(load_file(p).data)))
    data = load_file(best).data
    data["notes"] = "Some dates were worked out from the council's own papers."
    best.write_text(to_yaml(data) + "\n", encoding="utf-8")
    return f"{best.parent.name}/{best.stem}", best


def _edit(path: Path, field: str) -> None:
    data = load_file(path).data
    data[field] = _changed(data[field], field)
    path.write_text(to_yaml(data) + "\n", encoding="utf-8")


def _own_pages(key: str) -> set[str]:
    return {
        inspection_path(key, "families"),
        inspection_path(key, "young-people"),
        area_path(key.split("/")[0]),
    }


def _rebuilt(project: Path, edit) -> tuple[dict, tuple, dict]:
    """The pages before ``edit()``, what :func:`rebuild_pages` makes after it (never None
    here), and a full render after it."""
    cache: dict = {}
    old = load_site(project, cache=cache)
    old_pages = build_pages(old)
    edit()
    try:
        new = load_site(project, cache=cache)
    except DataError:  # an edit that breaks the data is not what this tests
        pytest.skip("the edit made the data invalid")
    done = rebuild_pages(old, new, old_pages)
    assert done is not None
    return old_pages, done, build_pages(load_site(project))


def test_local_fields_show_only_on_their_own_pages(project: Path) -> None:
    key, path = _richest(project)
    present = sorted(LOCAL_FIELDS & set(load_file(path).data))
    assert {"summary", "going_well", "must_improve", "how_inspected", "notes"} <= set(present)
    before = build_pages(load_site(project))
    for field in present:
        _edit(path, field)
        after = build_pages(load_site(project))
        differ = {p for p in after if after[p].markdown != before[p].markdown}
        if field == "summary":  # the edits really show (some fields, like notes, may not)
            assert {
                inspection_path(key, "families"),
                inspection_path(key, "young-people"),
            } <= differ
        assert differ <= _own_pages(key), (field, differ - _own_pages(key))
        before = after


def test_a_text_edit_re_renders_three_pages_exactly_as_a_full_render(project: Path) -> None:
    key, path = _richest(project)
    _, (pages, made), full = _rebuilt(project, lambda: _edit(path, "summary"))
    assert made == _own_pages(key)
    assert list(pages) == list(full)
    for p in full:
        assert pages[p].markdown == full[p].markdown, p
        assert pages[p].texts == full[p].texts, p  # positions move with the edit


def test_nothing_changed_reuses_every_page(project: Path) -> None:
    cache: dict = {}
    old = load_site(project, cache=cache)
    old_pages = build_pages(old)
    pages, made = rebuild_pages(old, load_site(project, cache=cache), old_pages)
    assert made == set() and pages == old_pages


@pytest.mark.parametrize("edit", ["area and inspection", "framework", "new inspection", "deleted"])
def test_other_edits_render_everything(project: Path, edit: str) -> None:
    cache: dict = {}
    old = load_site(project, cache=cache)
    old_pages = build_pages(old)
    key, path = _richest(project)
    old = load_site(project, cache=cache)  # after the notes were added
    old_pages = build_pages(old)
    if edit == "area and inspection":  # an area file alone: see the tests of area edits
        area = project / "data" / "areas" / f"{key.split('/')[0]}.yaml"
        area.write_text(
            area.read_text(encoding="utf-8").replace("(made up)", "(invented)"), encoding="utf-8"
        )
        _edit(path, "summary")
    elif edit == "framework":
        fw = sorted((project / "data" / "frameworks").glob("*.yaml"))[0]
        fw.write_text(fw.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    elif edit == "new inspection":
        shutil.copy2(path, path.with_name("2099-01-copy.yaml"))
    else:
        victims = [p for p in path.parent.glob("*.yaml") if p != path]
        text = "\n".join(p.read_text(encoding="utf-8") for p in path.parent.glob("*.yaml"))
        victim = next(p for p in victims if f"/{p.stem}" not in text)
        victim.unlink()
    try:
        new = load_site(project, cache=cache)
    except DataError:  # an edit that breaks the data is not what this tests
        pytest.skip("the edit made the data invalid")
    assert rebuild_pages(old, new, old_pages) is None


def _graded(project: Path) -> list[Path]:
    return [
        p
        for p in sorted((project / "data" / "inspections").glob("*/*.yaml"))
        if load_file(p).data.get("judgements")
    ]


def _new_grade(project: Path, path: Path, which: int) -> None:
    """Give the inspection in ``path`` another grade for its ``which``-th judgement."""
    data = load_file(path).data
    fw = load_file(project / "data" / "frameworks" / f"{data['framework']}.yaml").data
    judgement = list(data["judgements"])[which % len(data["judgements"])]
    grades = [g for g in fw["grades"] if g != data["judgements"][judgement]]
    data["judgements"][judgement] = grades[which % len(grades)]
    path.write_text(to_yaml(data) + "\n", encoding="utf-8")


@pytest.mark.parametrize("which", range(8))
def test_a_grade_edit_re_renders_only_what_changes_exactly_as_a_full_render(
    project: Path, which: int
) -> None:
    """Grades move national figures, trends and tables: every page they reach is rendered
    again, other areas' inspection pages only when their comparison changed, and the result
    is exactly a full render."""
    files = _graded(project)
    path = files[(which * 7) % len(files)]
    old_pages, done, full = _rebuilt(project, lambda: _new_grade(project, path, which))
    _matches_full(old_pages, done, full)
    assert len(done[1]) < len(full)  # ...and not every page


def _matches_full(old_pages: dict, done: tuple, full: dict) -> set[str]:
    """The rebuilt pages equal a full render, and every page that changed was rendered again
    (callers say how few pages that may be); the changed pages."""
    pages, made = done
    assert list(pages) == list(full)
    for p in full:
        assert (pages[p].markdown, pages[p].texts, pages[p].title, pages[p].source) == (
            full[p].markdown,
            full[p].texts,
            full[p].title,
            full[p].source,
        ), p
    changed = {p for p in full if full[p].markdown != old_pages[p].markdown}
    assert changed <= made  # every page that changed was rendered again...
    return changed


def test_a_date_edit_to_one_inspection_matches_a_full_render(project: Path) -> None:
    path = _graded(project)[3]
    data = load_file(path).data
    published = str(data["dates"]["published"])
    data["dates"]["published"] = published[:-2] + ("28" if published[-2:] != "28" else "27")
    _, done, full = _rebuilt(
        project, lambda: path.write_text(to_yaml(data) + "\n", encoding="utf-8")
    )
    assert {p: (x.markdown, x.texts) for p, x in done[0].items()} == {
        p: (x.markdown, x.texts) for p, x in full.items()
    }


# ---------------------------------------------------------------- edits to area files


def _area_edit(project: Path, area: str, old: str, new: str):
    path = project / "data" / "areas" / f"{area}.yaml"

    def edit() -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, (area, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _same_as_full(old_pages: dict, done: tuple, full: dict) -> set[str]:
    changed = _matches_full(old_pages, done, full)
    assert len(done[1]) < len(full) / 4  # ...and far from every page
    return changed


@pytest.mark.parametrize(
    "old, new",
    [
        ("name: Bramby\n", "name: Bramby Vale\n"),
        ("council: Bramby Council (made up)", "council: Bramby Borough Council (made up)"),
        ('website: "https://bramby.example.org/"', 'website: "https://www.bramby.example.org/"'),
        ("kind: county\n", "kind: county\n# a comment moves every line below\n"),
    ],
)
def test_an_area_edit_re_renders_only_its_pages_exactly_as_a_full_render(
    project: Path, old: str, new: str
) -> None:
    old_pages, done, full = _rebuilt(project, _area_edit(project, "bramby", old, new))
    changed = _same_as_full(old_pages, done, full)
    if "Vale" in new:
        assert area_path("bramby") in changed and "compare/index.md" in changed


@pytest.fixture
def real_project(root: Path, tmp_path: Path) -> Path:
    """A copy of the shipped data (158 areas): ended councils, partnerships, contacts."""
    out = tmp_path / "real"
    shutil.copytree(root / "data", out / "data")
    return out


@pytest.mark.parametrize(
    "area, old, new",
    [
        ("derby", "name: Derby\n", "name: Derby City\n"),  # its partnership names partners
        ("derby", "website: https://www.derby.gov.uk/", "website: https://derby.gov.uk/"),
        # Bournemouth's pages name the council that replaced it.
        ("bournemouth-christchurch-and-poole", "name: ", "name: New "),
    ],
)
def test_an_area_edit_on_the_real_data_matches_a_full_render(
    real_project: Path, area: str, old: str, new: str
) -> None:
    old_pages, done, full = _rebuilt(real_project, _area_edit(real_project, area, old, new))
    changed = _same_as_full(old_pages, done, full)
    if area.startswith("bournemouth-"):
        assert any(p.startswith("areas/bournemouth/") for p in changed)


@pytest.mark.parametrize(
    "old, new",
    [
        ("region: East Midlands", "region: London"),  # regional figures on other areas' pages
        ("kind: county", "kind: unitary"),
    ],
)
def test_an_edit_to_an_areas_facts_renders_everything(project: Path, old: str, new: str) -> None:
    cache: dict = {}
    old_site = load_site(project, cache=cache)
    old_pages = build_pages(old_site)
    _area_edit(project, "bramby", old, new)()
    assert rebuild_pages(old_site, load_site(project, cache=cache), old_pages) is None


# ---------------------------------------------------------------- the first pages written


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _generate_watching(project: Path, preview, out: Path) -> dict[str, bytes]:
    """Generate with ``preview`` into ``out``; the tree as it was when the first pages had
    been written and the rest was about to be made."""
    from inspections.generate import generate

    seen: dict[str, bytes] = {}
    rest = preview.pages

    def pages_after_first(site):
        seen.update(_tree(out))
        return rest(site)

    preview.pages = pages_after_first
    try:
        generate(project, out, project / "build" / "theme", preview)
    finally:
        del preview.pages
    return seen


@pytest.mark.parametrize("which", range(3))
def test_a_grade_edit_writes_its_own_pages_first_as_a_full_generate_makes_them(
    project: Path, tmp_path: Path, which: int
) -> None:
    """After a grade edit the preview writes the edited inspection's two pages and its area's
    page first (national counts from the new data), then everything else: the first pages are
    a full generate's pages for the new data, and the whole tree then equals a full generate."""
    from inspections.generate import generate
    from inspections.speed import Preview

    out = tmp_path / "content"
    preview = Preview()
    generate(project, out, project / "build" / "theme", preview)
    before = _tree(out)
    path = _graded(project)[(which * 5) % len(_graded(project))]
    key = f"{path.parent.name}/{path.stem}"
    _new_grade(project, path, which)
    during = _generate_watching(project, preview, out)
    full_out = tmp_path / "full"
    generate(project, full_out, tmp_path / "full-theme")
    full = _tree(full_out)

    first = {p for p in during if during[p] != before.get(p)}
    assert first == {p for p in _own_pages(key) if full[p] != before[p]}
    assert inspection_path(key, "families") in first  # the new grade shows...
    for p in _own_pages(key):
        assert during[p] == full[p], p  # ...exactly as a full generate makes it
    assert {p for p in full if full[p] != before.get(p)} > first  # the rest came after
    assert _tree(out) == full
    preview.checker.close()


def test_a_word_to_avoid_with_a_grade_edit_writes_nothing(project: Path, tmp_path: Path) -> None:
    """The first pages pass the words check before they are written: a word to avoid in the
    same edit as a grade stops every write and names the file and the word."""
    from inspections.generate import WordsError, generate
    from inspections.speed import Preview

    out = tmp_path / "content"
    preview = Preview()
    generate(project, out, project / "build" / "theme", preview)
    before = _tree(out)
    path = _graded(project)[0]
    _new_grade(project, path, 0)
    data = load_file(path).data
    data["summary"]["families"] = "This facilitates help. " + data["summary"]["families"]
    path.write_text(to_yaml(data) + "\n", encoding="utf-8")
    assert preview.first_pages(load_site(project, cache=preview.files))  # the path under test
    with pytest.raises(WordsError) as stopped:
        generate(project, out, project / "build" / "theme", preview)
    assert f"data/inspections/{path.parent.name}/{path.name}" in str(stopped.value)
    assert "facilitates" in str(stopped.value)
    assert _tree(out) == before
    preview.checker.close()


def test_the_rest_goes_in_chunks_and_a_newer_edit_leaves_it_to_the_next_generation(
    project: Path, tmp_path: Path
) -> None:
    """With a pace (make preview's, which waits for the engine's builds), the rest of a grade
    edit is written a few files at a time (twice as many each time); a newer edit (pace says False) stops it, and the
    next generation writes the pages of that edit first, then what was left: the tree then
    equals a full generate."""
    from inspections.generate import generate
    from inspections.pages import own_paths
    from inspections.speed import Preview

    out, theme = tmp_path / "content", project / "build" / "theme"
    preview = Preview()
    generate(project, out, theme, preview)
    graded = _graded(project)
    path = graded[2]
    _new_grade(project, path, 0)
    trees: list[dict[str, bytes]] = []
    preview.rest_chunk = 1
    preview.pace = lambda: trees.append(_tree(out)) or len(trees) < 2  # a newer edit at the 2nd
    made = generate(project, out, theme, preview)
    assert len(trees) == 2 and len(made.written) == 1 + 2  # two chunks of the rest, then stop
    assert len({p for p in trees[1] if trees[1][p] != trees[0][p]}) == 2  # the 2nd: two files

    other = next(p for p in graded if p.parent != path.parent)  # the newer edit: words only
    _edit(other, "summary")
    key = f"{other.parent.name}/{other.stem}"
    trees.clear()
    preview.pace = lambda: trees.append(_tree(out)) or True
    before = _tree(out)
    generate(project, out, theme, preview)
    full_out = tmp_path / "full"
    generate(project, full_out, tmp_path / "full-theme")
    full = _tree(full_out)
    assert any(full[p] != before[p] for p in own_paths({key}))
    assert all(trees[0][p] == full[p] for p in own_paths({key}))  # its pages first...
    assert len([p for p in full if trees[0].get(p) != full[p]]) > 1  # ...the rest after
    assert _tree(out) == full
    preview.checker.close()
