"""Writing output files safely: atomically, never over a file the tool did not write, and
never two processes into one folder at once.

Every file the tool writes goes through this module (``score -o``, ``compare -o``,
``survey template -o``, ``init``, ``report``, ``demo``, ``run``):

- **Atomic**: a file is written to a temporary file in its own folder (``.NAME.XXXXXXXX.tmp``),
  flushed to disk (``fsync``), and renamed over the target (``os.replace``); the folder is
  flushed after the renames. A crash, a full disk or Ctrl-C leaves the old file or the new
  one, never half of one; temporary files are removed on any error, and those a killed
  process left behind are removed the next time the tool writes into that folder.
- **No silent overwrite** in output *folders* (:class:`OutputFolder`): an existing file is
  replaced only when the tool wrote it (it is listed in the folder's manifest,
  ``.smartcity-assess.json``, or in the run's ``provenance.json``), or when it already holds
  exactly the bytes about to be written (a rerun after a killed run). Anything else stops the
  command before it writes a single file (exit 2, every such file named). A single file
  named with ``-o FILE`` is the user's explicit choice and is replaced, except when it is
  one of the command's own inputs (:func:`refuse_input_as_output`).
- **One writer per folder**: an :class:`OutputFolder` holds an exclusive lock
  (``flock`` on the folder) while it writes; a second process gets a clear error instead of
  mixing its files with the first one's. Where ``flock`` does not exist (Windows) each file
  is still replaced atomically.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Literal

from .errors import OutputError, UsageError

MANIFEST = ".smartcity-assess.json"
"""The list of files the tool wrote into an output folder (sorted, one JSON document)."""
TEMP_PATTERN = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
"""Names of the temporary files :func:`write_bytes_atomic` creates (``tempfile.mkstemp``)."""
SHOWN = 10
"""Files named in a refusal before ``… and N more``."""


# --- single files -------------------------------------------------------------------------


def _fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (the renames) to disk, where the platform allows it."""
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _stage(target: Path, data: bytes) -> Path:
    """``data`` in a flushed temporary file beside ``target``; returns its path."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write into {folder}: {exc.strerror or exc}") from None
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
        raise
    return temp


def write_bytes_atomic(path: str | Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A crash or Ctrl-C leaves either the old file or the new one, never half of one.
    ``exclusive`` never replaces an existing file (:class:`OutputError` instead), even one
    that appeared since the caller last looked.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder")
    temp = _stage(target, data)
    try:
        if exclusive:
            _link_exclusive(temp, target)
        else:
            os.replace(temp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        temp.unlink(missing_ok=True)
    _fsync_folder(target.parent)


def _link_exclusive(temp: Path, target: Path) -> None:
    """Give ``temp`` the name ``target`` unless ``target`` exists (then :class:`OutputError`)."""
    try:
        os.link(temp, target)  # fails when target exists: no window for a race
        return
    except FileExistsError:
        raise OutputError(f"{target} already exists; it was not overwritten") from None
    except OSError:
        pass  # a file system without hard links: check, then rename
    if target.exists() or target.is_symlink():
        raise OutputError(f"{target} already exists; it was not overwritten")
    os.replace(temp, target)


def write_text_atomic(path: str | Path, text: str) -> None:
    """UTF-8 text version of :func:`write_bytes_atomic`."""
    write_bytes_atomic(path, text.encode("utf-8"))


def refuse_input_as_output(output: str | Path | None, inputs: Iterable[str | Path]) -> None:
    """Raise :class:`UsageError` when ``output`` is one of the command's ``inputs``.

    ``score survey.csv --format csv -o survey.csv`` would otherwise replace the survey with
    its scores.
    """
    if output is None or str(output) == "-":
        return
    target = Path(output)
    if not target.exists():
        return
    for source in inputs:
        try:
            same = os.path.samefile(target, source)
        except OSError:
            continue
        if same:
            raise UsageError(f"the output {str(output)!r} is one of the inputs; "
                             "it was not overwritten: choose another output file")


# --- output folders -----------------------------------------------------------------------


def check_relative(relative: str) -> PurePosixPath:
    """``relative`` as a path inside an output folder, or :class:`OutputError`.

    Output names are built by the tool (region folders come from
    :func:`smartcity_assess.paths.region_folders`); this is the last line of defence
    against a name that would leave the folder.
    """
    path = PurePosixPath(relative)
    if (not relative or path.is_absolute() or "\\" in relative or ":" in relative
            or any(part in ("", ".", "..") for part in relative.split("/"))):
        raise OutputError(f"refusing to write {relative!r}: not a plain path inside the "
                          "output folder")
    return path


class OutputFolder:
    """A folder the tool writes files into, locked, with a record of what it wrote.

    Use as a context manager::

        with OutputFolder(out) as folder:
            folder.commit({"masterplan.html": html, "charts/a.svg": svg})

    ``owned`` adds paths the tool wrote earlier by another record (``run``'s
    ``provenance.json``). The folder's own record is its manifest, :data:`MANIFEST`,
    listing every file the tool wrote with its SHA-256; ``manifest`` says when it is kept:
    ``"always"``, or ``"interrupted"`` — only while a run is unfinished (an error or Ctrl-C
    saves what was written so far; a run that completes removes it, its caller's own record
    taking over). ``wait`` is how long to wait for another process's lock before giving up.
    """

    def __init__(self, root: str | Path, *, owned: Collection[str] = (),
                 manifest: Literal["always", "interrupted"] = "always",
                 wait: float = 0.0) -> None:
        self.root = Path(root)
        self.manifest = manifest
        self.wait = wait
        self.owned: set[str] = set(owned)
        self.previous: dict[str, str] = {}
        """Files the manifest listed when the folder was opened, with their SHA-256."""
        self.written: dict[str, str] = {}
        """Files written since (by this process or on its behalf), with their SHA-256."""
        self.removed: set[str] = set()
        self._lock: int | None = None
        self._cleaned: set[Path] = set()

    # -- lifetime

    def __enter__(self) -> OutputFolder:
        if self.root.exists() and not self.root.is_dir():
            raise OutputError(f"cannot write into {self.root}: it is a file, not a folder")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the output folder {self.root}: "
                              f"{exc.strerror or exc}") from None
        self._acquire()
        self.previous = read_manifest(self.root)
        self.owned |= set(self.previous)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if self.manifest == "always" or exc_type is not None:
                if self.written or self.removed:
                    self._save_manifest()
            elif (self.root / MANIFEST).is_file():
                (self.root / MANIFEST).unlink()
        finally:
            self._release()

    def _acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # Windows: no flock; every file is still replaced atomically
            return
        try:
            handle = os.open(self.root, os.O_RDONLY)
        except OSError as exc:
            raise OutputError(f"cannot open the output folder {self.root}: "
                              f"{exc.strerror or exc}") from None
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(handle)
                    raise OutputError(
                        f"another smartcity-assess process is writing into {self.root}; "
                        "nothing was written: wait for it to finish, or choose another "
                        "output folder") from None
                time.sleep(0.05)
            except OSError:  # a file system without locks
                os.close(handle)
                return
        self._lock = handle

    def _release(self) -> None:
        if self._lock is None:
            return
        try:
            import fcntl

            # Unlock explicitly: a process forked meanwhile shares the descriptor, and
            # closing ours alone would leave the folder locked until that process ends.
            fcntl.flock(self._lock, fcntl.LOCK_UN)
        except (ImportError, OSError):
            pass
        finally:
            os.close(self._lock)
            self._lock = None

    @property
    def locked(self) -> bool:
        """True while this process holds the folder's lock."""
        return self._lock is not None

    # -- ownership

    def owns(self, relative: str) -> bool:
        """True when the tool wrote ``relative`` before (or in this run)."""
        return relative in self.owned or relative in self.written or relative == MANIFEST

    def check(self, files: Mapping[str, bytes] | Iterable[str]) -> None:
        """Raise :class:`OutputError` naming every file ``files`` would wrongly replace."""
        found = clashes(self.root, files, self.owns)
        if found:
            raise refusal(self.root, found)

    # -- writing

    def commit(self, files: Mapping[str, bytes]) -> list[Path]:
        """Write every file (paths relative to the folder), all or nothing as far as the
        file system allows: every file is staged first, then all are renamed."""
        written = commit_files(self.root, files, owns=self.owns,
                               clean=self.locked, cleaned=self._cleaned)
        self.record({relative: sha256(data) for relative, data in files.items()})
        return written

    def write(self, relative: str, data: bytes) -> Path:
        """Write one file (see :meth:`commit`)."""
        return self.commit({relative: data})[0]

    def record(self, written: Mapping[str, str]) -> None:
        """Note files (path → SHA-256) written into the folder, by other processes too."""
        self.written.update(written)
        self.removed.difference_update(written)

    def forget(self, relatives: Iterable[str]) -> None:
        """Note files removed from the folder."""
        for relative in relatives:
            self.removed.add(relative)
            self.written.pop(relative, None)
            self.previous.pop(relative, None)
            self.owned.discard(relative)

    def _save_manifest(self) -> None:
        files = {relative: digest for relative, digest in {**self.previous,
                                                          **self.written}.items()
                 if relative not in self.removed and (self.root / relative).is_file()}
        data = json.dumps({"generator": "smartcity-assess", "files": files}, indent=1,
                          sort_keys=True)
        write_bytes_atomic(self.root / MANIFEST, (data + "\n").encode("utf-8"))


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def clashes(root: Path, files: Mapping[str, bytes] | Iterable[str],
            owns: Callable[[str], bool]) -> list[str]:
    """Paths of ``files`` that exist in ``root`` but may not be replaced: the tool did not
    write them (``owns``), and they hold other bytes than those about to be written (when
    ``files`` maps paths to bytes)."""
    found = []
    for relative in files:
        check_relative(relative)
        target = root / relative
        if owns(relative) or not (target.exists() or target.is_symlink()):
            continue
        if isinstance(files, Mapping) and _holds(target, files[relative]):
            continue
        found.append(relative)
    return found


def commit_files(root: Path, files: Mapping[str, bytes], *,
                 owns: Callable[[str], bool] | None = None, clean: bool = False,
                 cleaned: set[Path] | None = None) -> list[Path]:
    """Write ``files`` (paths relative to ``root``): staged first, then all renamed.

    With ``owns`` an existing file is replaced only when ``owns(path)`` says the tool wrote
    it or it already holds the same bytes (else :class:`OutputError`, nothing written).
    ``clean`` removes temporary files a killed process left in the folders written to; only
    safe while the caller holds the folder's lock. Returns the paths written, in order.
    """
    base = root.resolve()
    for relative in files:
        check_relative(relative)
        target = root / relative
        if target.is_dir():
            raise OutputError(f"cannot write {target}: it is a folder")
        if not target.parent.resolve().is_relative_to(base):
            raise OutputError(f"refusing to write {target}: a symbolic link leads it out of "
                              f"{root}")
    if owns is not None:
        found = clashes(root, files, owns)
        if found:
            raise refusal(root, found)
    done = cleaned if cleaned is not None else set()
    staged: list[tuple[str, Path]] = []
    written: list[Path] = []
    try:
        for relative, data in files.items():
            target = root / relative
            if clean and target.parent not in done:
                done.add(target.parent)
                remove_temporary(target.parent)
            staged.append((relative, _stage(target, data)))
        for relative, temp in staged:
            os.replace(temp, root / relative)
            written.append(root / relative)
    except OSError as exc:
        raise OutputError(f"cannot write into {root}: {exc.strerror or exc}") from None
    except BaseException:
        if clean:  # Ctrl-C may land between a temporary file's creation and its record
            for target in {root / relative for relative in files}:
                remove_temporary(target.parent, target.name)
        raise
    finally:
        for _, temp in staged:
            temp.unlink(missing_ok=True)
    for folder in sorted({path.parent for path in written}):
        _fsync_folder(folder)
    return written


def remove_temporary(folder: Path, name: str | None = None) -> list[Path]:
    """Delete the temporary files of :func:`write_bytes_atomic` found in ``folder`` (only
    those of the file ``name`` when given). Only safe under the folder's lock."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    prefix = "." if name is None else f".{name}."
    for entry in entries:
        if TEMP_PATTERN.match(entry.name) and entry.name.startswith(prefix) and \
                entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


def read_manifest(root: Path) -> dict[str, str]:
    """Files the folder's manifest lists, with their SHA-256 ("" when not recorded); empty
    when there is no manifest or it is unreadable. Paths that would leave the folder are
    left out."""
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        files = data.get("files", {}) if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}
    if isinstance(files, list):
        files = {item: "" for item in files if isinstance(item, str)}
    if not isinstance(files, dict):
        return {}
    found = {}
    for relative, digest in files.items():
        try:
            check_relative(relative)
        except OutputError:
            continue
        found[relative] = digest if isinstance(digest, str) else ""
    return found


def refusal(root: Path, relatives: list[str]) -> OutputError:
    """The error for files the tool will not replace."""
    shown = ", ".join(sorted(relatives)[:SHOWN])
    more = f" and {len(relatives) - SHOWN} more" if len(relatives) > SHOWN else ""
    return OutputError(
        f"{root} already holds {len(relatives)} file{'s' if len(relatives) != 1 else ''} "
        f"that smartcity-assess did not write and would replace: {shown}{more}. Nothing was "
        "written: move those files away, or choose another output folder")


def _holds(path: Path, data: bytes) -> bool:
    """True when ``path`` is a regular file with exactly ``data`` in it."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False
