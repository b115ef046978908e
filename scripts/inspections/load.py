"""Read one data file into a :class:`Document`: plain values, and where every value came from.

This module reads the bytes, safely: only an ordinary file that really lives in ``data/``
(never a link), at most 1 MB, in UTF-8 (a byte-order mark is accepted quietly; UTF-16 and
Word's Windows-1252 are refused with the fix). :mod:`inspections.yamlread` then reads the
text, under the value and position rules described there, and
:mod:`inspections.yamlerrors` words every message a comms team can meet.

Example::

    >>> doc = load_text("area: derby\\nname: Derby\\n", "data/areas/derby.yaml")
    >>> doc.data
    {'area': 'derby', 'name': 'Derby'}
    >>> doc.where(("name",))
    (2, 7)
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspections.problems import DataError, Problem
from inspections.yamlread import Loc, Reading, read_yaml

MAX_BYTES = 1_000_000


@dataclass
class Document:
    """A loaded data file: plain values plus the position of every key and value.

    ``positions[loc]`` is the (line, col) of the value at ``loc`` (1-based);
    ``key_positions[loc]`` the position of its key, when it has one; ``blocks`` holds the
    locs of ``|`` and ``>`` text blocks, whose words start on the line after the marker;
    ``written[loc]`` is how a number, ``true``/``false`` or empty value was typed (``010``
    reads as 10, and a message should show what the person wrote); ``lines`` is the text;
    ``reading`` is everything :func:`~inspections.yamlread.read_yaml` noted (checks use it
    while ``data`` is still what was read).
    """

    path: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    blocks: set[Loc] = field(default_factory=set)
    written: dict[Loc, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    reading: Reading | None = field(default=None, repr=False, compare=False)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of ``loc``, or of its nearest parent that has one (the file start if none)."""
        loc = tuple(loc)
        table = self.key_positions if key else self.positions
        if loc in table:
            return table[loc]
        while loc:
            loc = loc[:-1]
            if loc in self.positions:
                return self.positions[loc]
        return (1, 1)

    def text_start(self, loc: Loc) -> tuple[int, int]:
        """Where the words of a text value start (the line after ``|`` for a block)."""
        line, col = self.where(loc)
        if tuple(loc) in self.blocks:
            return (line + 1, col + 2)
        return (line, col)

    def locate(self, loc: Loc, needle: str) -> tuple[int, int]:
        """Where ``needle`` (part of the text at ``loc``) is in the file, as exactly as we can.

        Searches the file from the value's start, so a problem in the fifth line of a long
        ``|`` block points at that line. Falls back to the value's start.

        >>> doc = load_text("a: |\\n  one\\n  two <b>\\n", "x.yaml")
        >>> doc.locate(("a",), "<b>")
        (3, 7)
        """
        line, col = self.where(loc)
        probe = needle.split("\n")[0][:40]
        if probe and self.lines:
            for i in range(line - 1, len(self.lines)):
                start = col - 1 if i == line - 1 else 0
                found = self.lines[i].find(probe, start)
                if found >= 0:
                    return (i + 1, found + 1)
        return self.text_start(loc)

    def may_contain(self, word: str) -> bool:
        """Could any value in this file contain ``word`` (no spaces or line breaks in it)?

        ``False`` only when the file's text does not hold it and has no backslash: values come
        from the text as typed, except that escapes (``"\\x41"``) make other characters and
        line folding makes spaces and line breaks. So a check can skip a whole file with one
        search of its text instead of one per value. ``True`` if the data is not what was
        loaded from the text.

        >>> doc = load_text("a: one\\nb: two\\n", "x.yaml")
        >>> doc.may_contain("two"), doc.may_contain("<")
        (True, False)
        """
        reading = self.reading
        if reading is None or reading.data is not self.data:
            return True
        return word in reading.text or "\\" in reading.text

    def may_contain_any(self, words: tuple[str, ...] | str) -> bool:
        """:meth:`may_contain` for any of ``words`` (a string: any of its characters)."""
        reading = self.reading
        if reading is None or reading.data is not self.data:
            return True
        text = reading.text
        return "\\" in text or any(word in text for word in words)

    def shown(self, loc: Loc, value: Any) -> str:
        """``value`` as the person typed it (``010``, not ``10``), for messages."""
        if tuple(loc) in self.written:
            return self.written[tuple(loc)]
        return str(value).lower() if isinstance(value, bool) else str(value)

    def problem(self, loc: Loc, message: str, fix: str = "", *, key: bool = False) -> Problem:
        """A :class:`Problem` pointing at ``loc`` in this file."""
        line, col = self.where(loc, key=key)
        return Problem(self.path, line, col, message, fix)


def load_file(
    path: Path,
    shown_as: str | None = None,
    *,
    inside: Path | None = None,
    folders: Folders | None = None,
) -> Document:
    """Load ``path``; raise :class:`DataError` with every problem found in it.

    Only a regular file is read, never a link (a pull request could add a link to
    ``/dev/zero`` or to a private file, whose contents would then be quoted in messages), and
    with ``inside``, only a file that really lives in that folder. ``folders`` lets one
    loading of many files resolve each folder once (the file itself is never a link, so its
    real path is its folder's real path plus its name); pass a new one for each loading.
    """
    name = shown_as or str(path)
    return load_bytes(read_data(path, name, inside=inside, folders=folders), name)


def read_data(
    path: Path, name: str, *, inside: Path | None = None, folders: Folders | None = None
) -> bytes:
    """The bytes of a data file, after every check :func:`load_file` makes before reading
    (not a link, inside ``inside``, an ordinary file, not too large); raises DataError."""
    return read_in(path.parent, path.name, name, inside=inside, folders=folders)


# What pathlib's is_symlink() treats as "not a link" rather than as an error.
NOT_THERE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def read_in(
    folder: Path,
    filename: str,
    name: str,
    *,
    inside: Path | None = None,
    folders: Folders | None = None,
) -> bytes:
    """:func:`read_data` for the file ``filename`` in ``folder``.

    One ``lstat`` answers "is it a link?", "is it an ordinary file?" and "how big is it?" (the
    file is not a link, so following it would give the same answers), and ``os`` functions on
    plain strings replace pathlib objects: this runs for every data file of every build.
    """
    path = os.path.join(folder, filename)
    try:
        try:
            info: os.stat_result | None = os.lstat(path)
        except OSError as exc:
            if exc.errno not in NOT_THERE:
                raise
            info, missing = None, exc
        if info is not None and stat.S_ISLNK(info.st_mode):
            raise DataError(
                [
                    Problem(
                        name,
                        1,
                        1,
                        "This is a link to another file (a symlink), "
                        "and data files cannot be links",
                        "Replace it with the file itself",
                    )
                ]
            )
        if inside is not None and not (folders or Folders()).holds(inside, folder, filename):
            raise DataError(
                [
                    Problem(
                        name,
                        1,
                        1,
                        "This file is reached through a link to a folder outside data/",
                        "Replace the linked folder with a real one",
                    )
                ]
            )
        if info is None:
            raise missing
        if not stat.S_ISREG(info.st_mode):
            raise DataError(
                [Problem(name, 1, 1, "This is not an ordinary file", "Check it is the right file")]
            )
        if info.st_size > MAX_BYTES:
            raise DataError([_too_large(name, info.st_size)])
        # Ask for what the file holds, not for the limit (a 1 MB buffer for every file costs
        # more than reading it). A read that returns less than asked has reached the end; a
        # file that grew since lstat is read on, to the limit.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            raw = os.read(handle, info.st_size + 1)
            while info.st_size < len(raw) <= MAX_BYTES:
                more = os.read(handle, MAX_BYTES + 1 - len(raw))
                if not more:
                    break
                raw += more
            return raw
        finally:
            os.close(handle)
    except OSError as exc:
        raise DataError(
            [
                Problem(
                    name,
                    1,
                    1,
                    f"This file could not be read ({exc.strerror})",
                    "Check the file exists and is not open in another program",
                )
            ]
        ) from None


class Folders:
    """Real paths of folders, each worked out once in one loading of many files.

    A folder that is not a link is its parent's real path plus its name: one ``lstat`` per
    folder, where ``Path.resolve`` costs one per part of the path, for every file.
    """

    def __init__(self) -> None:
        self.real: dict[Path, Path] = {}
        self.inside: dict[tuple[Path, Path], bool] = {}

    def real_folder(self, folder: Path) -> Path:
        """``folder.resolve()``."""
        real = self.real.get(folder)
        if real is None:
            parent = folder.parent
            if parent == folder or folder.name in ("", ".", "..") or os.path.islink(folder):
                real = folder.resolve()
            else:
                real = self.real_folder(parent) / folder.name
            self.real[folder] = real
        return real

    def holds(self, inside: Path, folder: Path, filename: str) -> bool:
        """Whether the file's real path is inside ``inside``, which is taken as it is named
        (its parent folder is resolved, not the name itself)."""
        under = self.inside.get((folder, inside))
        if under is None:
            real_inside = self.real_folder(inside.parent) / inside.name
            real = self.real_folder(folder)
            under = self.inside[(folder, inside)] = real.is_relative_to(real_inside)
        if under:
            return True
        real_inside = self.real_folder(inside.parent) / inside.name
        return self.real_folder(folder) / filename == real_inside


def _too_large(name: str, size: int) -> Problem:
    return Problem(
        name,
        1,
        1,
        f"This file is {size:,} bytes, too large to be a data file (the limit is "
        f"{MAX_BYTES:,} bytes)",
        "Check it is the right file; long text belongs in several shorter fields",
    )


def load_bytes(raw: bytes, name: str) -> Document:
    """Check size and encoding, then load the text."""
    if len(raw) > MAX_BYTES:
        raise DataError([_too_large(name, len(raw))])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "This file is saved as UTF-16 text, but data files must be UTF-8",
                    "Save the file as UTF-8 in your editor (in VS Code: 'Save with Encoding', then "
                    "'UTF-8')",
                )
            ]
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = (
            len(
                raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode(
                    "utf-8", errors="replace"
                )
            )
            + 1
        )
        raise DataError(
            [
                Problem(
                    name,
                    line,
                    col,
                    "This file is not saved as UTF-8 text (it has a character this site cannot read "
                    "here, often a curly quote or £ sign from Word)",
                    "Save the file as UTF-8 in your editor (in VS Code: 'Save with Encoding', then "
                    "'UTF-8'), or retype the character",
                )
            ]
        ) from None
    return load_text(text, name)


def load_text(text: str, name: str) -> Document:
    """Load YAML text; raise :class:`DataError` with every problem found."""
    got = read_yaml(text, name)
    return Document(
        name,
        got.data,
        got.positions,
        got.key_positions,
        got.blocks,
        got.written,
        got.lines,
        reading=got,
    )
