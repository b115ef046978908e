"""Write a tree of files (path -> bytes) to a folder: whole, or only what changed.

A folder that is not there yet is written whole, into a new folder renamed into place at the
end. After that, only the files whose bytes changed are written (and files that are gone are
removed), so their times tell the engine (``serve --dirty`` in ``make preview``) what to
rebuild, and ``make site`` does not write 2,000 unchanged files again.

Example::

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "content"
    >>> write_all({"a.md": b"A"}, out); update({"a.md": b"A", "b/c.md": b"C"}, out)
    ['b/c.md']
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def write_all(files: dict[str, bytes], out: Path) -> None:
    """Write ``files`` into ``out``: first into ``out.new``, then swapped in whole."""
    new = out.with_name(out.name + ".new")
    old = out.with_name(out.name + ".old")
    shutil.rmtree(new, ignore_errors=True)
    _write(files, new)
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def update(files: dict[str, bytes], out: Path, last: dict[str, bytes] | None = None) -> list[str]:
    """Bring ``out`` to ``files``, touching only files whose bytes differ; the paths changed.

    ``last`` (kept by the caller between calls, e.g. a preview): what was written last time,
    compared in memory instead of reading every file back; it is updated here.
    """
    if not out.is_dir():
        write_all(files, out)
        if last is not None:
            last.clear()
            last.update(files)
        return sorted(files)
    if last:
        changed = write_some(files, out, last)
        return sorted(changed + remove_gone(files, out, last))
    changed = [path for path, data in files.items() if _differs(out / path, data)]
    _write({path: files[path] for path in changed}, out)
    for path in sorted(out.rglob("*"), reverse=True):
        rel = path.relative_to(out).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
            changed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    if last is not None:
        last.update(files)
    return sorted(changed)


def write_some(files: dict[str, bytes], out: Path, last: dict[str, bytes]) -> list[str]:
    """Write those of ``files`` whose bytes differ from ``last`` (what :func:`update` wrote last
    time, updated here), leaving every other file in ``out`` alone; the paths written.

    >>> import tempfile
    >>> out, last = Path(tempfile.mkdtemp()) / "content", {}
    >>> update({"a.md": b"A", "b.md": b"B"}, out, last); write_some({"a.md": b"A2"}, out, last)
    ['a.md', 'b.md']
    ['a.md']
    """
    changed = {path: data for path, data in files.items() if last.get(path) != data}
    _write(changed, out)
    last.update(changed)
    return sorted(changed)


def remove_gone(files: dict[str, bytes], out: Path, last: dict[str, bytes]) -> list[str]:
    """Remove from ``out`` the files :func:`update` wrote last time (``last``, updated here)
    that are not in ``files``; the paths removed."""
    gone = [path for path in last if path not in files]
    for path in gone:
        (out / path).unlink(missing_ok=True)
        del last[path]
    return gone


def _differs(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size != len(data) or path.read_bytes() != data
    except OSError:
        return True


def _write(files: dict[str, bytes], out: Path) -> None:
    made: set[Path] = set()
    for path, data in files.items():
        target = out / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
