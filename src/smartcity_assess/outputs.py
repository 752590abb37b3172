"""Writing output files safely: atomically, never over a file the tool did not write, a run's
output as a whole, and never two processes into one folder at once.

Every file the tool writes goes through this module (``score -o``, ``compare -o``,
``survey template -o``, ``init``, ``report``, ``demo``, ``run``):

- **Single files** (:func:`write_bytes_atomic`): a regular file is written to a temporary file
  in its own folder (``.NAME.XXXXXXXX.tmp``), flushed to disk (``fsync``), and renamed over the
  target; the folder is flushed after the rename. A crash, a full disk or Ctrl-C leaves the
  old file or the new one, never half of one. A target that is not a regular file is never
  renamed over: streams (``/dev/stdout``, ``/dev/fd/N``, also through a symbolic link), FIFOs
  and character devices (``/dev/null``) are written into directly; block devices, sockets and
  folders are refused. A symbolic link to a regular file keeps being a link: the file it
  points at is replaced. New files get the mode the umask allows; a replaced file keeps its
  mode.
- **Output folders** (:class:`OutputFolder`): a command writes its whole output into a
  staging folder inside the output folder (``.smartcity-assess.staging``) first. Only when
  every file is there does it check the folder: an existing file is replaced only when the
  tool wrote it (the folder's manifest, ``.smartcity-assess.json``, lists it) or when it
  already holds exactly the bytes about to be written; anything else, or an input of the
  command, stops it with every such file named (exit 2), and *nothing* in the folder has
  changed. Then the manifest is written — listing the new files and those about to be
  removed, and marked ``pending`` — and the staged files are renamed into place, the files of
  the previous output that this one no longer has are removed (only those the manifest lists
  and that still hold what the tool wrote), and the manifest is written again without the
  mark. A run killed during those renames is completed by the next command that opens the
  folder; a run stopped before them (an error, Ctrl-C, SIGTERM, a full disk) leaves the folder
  exactly as it was.
- **One writer per folder**: an :class:`OutputFolder` holds an exclusive lock (``flock`` on
  the folder) while it writes; a second process gets a clear error instead of mixing its
  files with the first one's. Processes forked meanwhile do not keep the lock: it goes when
  the process that took it ends, however it ends. Where ``flock`` does not exist (Windows)
  each file is still replaced atomically.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any

from .errors import OutputError, UsageError
from .processes import held_back, raise_if_stopping

MANIFEST = ".smartcity-assess.json"
"""The list of files the tool wrote into an output folder (sorted, one JSON document)."""
STAGING = ".smartcity-assess.staging"
"""The folder, inside an output folder, where a command's output is written before it is
moved into place."""
GENERATOR = "smartcity-assess"
TEMP_PATTERN = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
"""Names of the temporary files :func:`write_bytes_atomic` creates (``tempfile.mkstemp``)."""
SHOWN = 10
"""Files named in a refusal before ``… and N more``."""
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
"""Largest manifest read (a run of all 514 kab/kota in two languages lists about 4 MB)."""
OUTPUT_NAMES = frozenset({
    "masterplan.html", "masterplan.md", "masterplan.pdf", "roadmap.html", "roadmap.md",
    "roadmap.pdf", "index.html", "index.md", "scores.json", "summary.md", "provenance.json",
    "roadmap.json",
})
"""Names of the files the tool writes into output folders. Besides these and the names the
current command writes, only charts (``charts/*.svg``, ``index-*.svg``) are ever removed."""


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


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it
    (``/proc/self/status``); elsewhere set and restored at once."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """Mode of a new file: read and write for everyone the umask allows (0644 with the
    usual umask 022, 0600 with 077)."""
    return 0o666 & ~current_umask()


def _stage(target: Path, data: bytes, mode: int | None = None) -> Path:
    """``data`` in a flushed temporary file beside ``target`` with ``mode`` (default: what the
    umask allows for a new file); returns its path."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write into {folder}: {exc.strerror or exc}") from None
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            if hasattr(os, "fchmod"):  # mkstemp makes it 0600
                os.fchmod(stream.fileno(), new_file_mode() if mode is None else mode)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
        raise
    return temp


_STREAM = re.compile(r"^/(?:dev/(?P<std>stdin|stdout|stderr)|dev/fd/(?P<fd>\d+)"
                     r"|proc/(?:self|thread-self|(?P<pid>\d+))/fd/(?P<pfd>\d+))$")
_STD = {"stdin": 0, "stdout": 1, "stderr": 2}


def stream_descriptor(path: str | Path) -> int | None:
    """The open file descriptor that ``path`` names — ``/dev/stdout``, ``/dev/stderr``,
    ``/dev/fd/N``, ``/proc/self/fd/N`` — also through symbolic links; None for other paths."""
    current = os.path.abspath(os.fspath(path))
    for _ in range(40):  # the kernel's own limit on links followed
        found = _STREAM.match(os.path.normpath(current))
        if found is not None:
            if found["std"]:
                return _STD[found["std"]]
            if found["pid"] and int(found["pid"]) != os.getpid():
                return None
            return int(found["fd"] or found["pfd"])
        try:
            link = os.readlink(current)
        except OSError:
            return None
        current = os.path.join(os.path.dirname(current), link)
    return None


def _write_all(handle: int, data: bytes, target: object) -> None:
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(handle, view):]
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None


def _write_into(target: Path, data: bytes) -> None:
    """Write into a FIFO or character device as it is (never replaced, never truncated)."""
    try:
        handle = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        _write_all(handle, data, target)
    finally:
        os.close(handle)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def write_bytes_atomic(path: str | Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write ``data`` to ``path``: a regular file through a temporary file and a rename.

    A crash or Ctrl-C leaves either the old file or the new one, never half of one.
    ``exclusive`` never replaces an existing file (:class:`OutputError` instead), even one
    that appeared since the caller last looked. Streams, FIFOs and character devices are
    written into as they are (see the module text); a name ending in ``/`` is a folder and
    is refused.
    """
    text = os.fspath(path)
    if text.endswith("/") or (os.sep != "/" and text.endswith(os.sep)):
        raise OutputError(f"cannot write {text}: a name ending in '/' is a folder; give a "
                          "file name")
    target = Path(text)
    if not exclusive:
        handle = stream_descriptor(target)
        if handle is not None:
            _write_all(handle, data, target)
            return
    try:
        info: os.stat_result | None = os.stat(target)
    except (FileNotFoundError, NotADirectoryError):  # the folder is made (or refused) below
        info = None
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
            if exclusive:
                raise OutputError(f"{target} already exists; it was not overwritten")
            _write_into(target, data)
            return
        raise OutputError(f"cannot write {target}: it is {_kind(info.st_mode)}")
    if os.path.islink(target):
        if exclusive:
            raise OutputError(f"{target} already exists; it was not overwritten")
        target = Path(os.path.realpath(target))  # replace the file it points at; keep the link
    # Ctrl-C and SIGTERM wait until the temporary file is renamed or removed (a moment): one
    # that cut this short could leave it behind.
    with held_back():
        temp = _stage(target, data, stat.S_IMODE(info.st_mode) if info is not None else None)
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
            or "\x00" in relative
            or any(part in ("", ".", "..") for part in relative.split("/"))
            or relative.split("/")[0] in (STAGING, MANIFEST)):
        raise OutputError(f"refusing to write {relative!r}: not a plain path inside the "
                          "output folder")
    return path


def is_output_name(relative: str, names: Collection[str] = ()) -> bool:
    """True when ``relative`` has a name the tool gives its outputs (:data:`OUTPUT_NAMES`,
    ``names``, or a chart): the only files a manifest may get removed."""
    parts = PurePosixPath(relative).parts
    name = parts[-1]
    chart = name.endswith((".svg", ".png")) and (
        name.startswith("index-") or (len(parts) > 1 and parts[-2] == "charts"))
    return name in OUTPUT_NAMES or name in names or chart


def _inside(path: str, base: str) -> bool:
    return path == base or path.startswith(base.rstrip(os.sep) + os.sep)


@dataclass(frozen=True)
class Published:
    """What :meth:`OutputFolder.publish` did."""

    written: tuple[Path, ...]
    removed: tuple[Path, ...]


_HELD: set[int] = set()
"""Descriptors of the folder locks this process holds: a forked child closes its copies at
once (:func:`_forget_locks`), so that the lock ends with the process that took it."""


def _forget_locks() -> None:
    for handle in list(_HELD):
        try:
            os.close(handle)  # never flock(LOCK_UN): that would unlock the parent's too
        except OSError:
            pass
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_locks)


_OPEN: list[OutputFolder] = []
"""Output folders this process has entered and not yet left."""


def close_open_folders() -> None:
    """Discard the staging folder and release the lock of every output folder whose ``with``
    block was left without its clean-up (Ctrl-C can stop Python just as it enters
    ``__exit__``): for the command line's clean-up after an interruption."""
    for folder in reversed(list(_OPEN)):
        try:
            folder._close()
        except OutputError:
            pass


class OutputFolder:
    """A folder the tool writes a command's output into: locked, staged, all at once.

    Use as a context manager::

        with OutputFolder(out) as folder:
            folder.commit({"masterplan.html": html, "charts/a.svg": svg})

    Files given to :meth:`commit` (or written into :attr:`staging` by worker processes and
    given to :meth:`record`) land in the folder together when the block ends without an
    error (:meth:`publish`); an error, Ctrl-C or SIGTERM inside the block leaves the folder as
    it was. With ``replace`` (the default) the output is the folder's whole output from the
    tool: files of the previous one that are not written again are removed (those the
    manifest lists, with their names, still holding what the tool wrote). ``protect`` names
    files (the command's inputs) that are never replaced or removed. ``wait`` is how long to
    wait for another process's lock before giving up.
    """

    def __init__(self, root: str | Path, *, wait: float = 0.0, replace: bool = True,
                 protect: Iterable[str | Path] = ()) -> None:
        self.root = Path(root)
        self.wait = wait
        self.replace = replace
        self.protect = tuple(Path(p) for p in protect)
        self.previous: dict[str, str] = {}
        """Files the manifest listed when the folder was opened, with their SHA-256."""
        self.adopted: set[str] = set()
        """Files written by an earlier version of the tool, recognised by their record."""
        self.staged: dict[str, str] = {}
        """Files staged for this output (relative path → SHA-256)."""
        self.published: Published | None = None
        self._lock: int | None = None
        self._staging: Path | None = None
        self._committed = False

    # -- lifetime

    def __enter__(self) -> OutputFolder:
        if self.root.exists() and not self.root.is_dir():
            raise OutputError(f"cannot write into {self.root}: it is a file, not a folder")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the output folder {self.root}: "
                              f"{exc.strerror or exc}") from None
        manifest = self.root / MANIFEST
        if os.path.lexists(manifest) and (manifest.is_symlink() or not manifest.is_file()):
            raise OutputError(f"cannot write into {self.root}: {manifest} is not the file "
                              "smartcity-assess keeps there (it is a folder or a link); "
                              "nothing was written: move it away")
        self._acquire()
        with held_back():  # what a killed command left is finished or discarded whole
            _OPEN.append(self)
            try:
                self._recover()
                self.previous = read_manifest(self.root)
            except BaseException:
                self._close(discard=False)  # a publication left unfinished stays for the next
                raise
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # Ctrl-C and SIGTERM wait until the output is published (or discarded) and the lock
        # released: a second Ctrl-C cannot leave half a staging folder behind.
        with held_back():
            try:
                if exc_type is None and self.published is None:
                    self.publish()
            finally:
                self._close()

    def _close(self, discard: bool = True) -> None:
        """Discard the staging folder (unless the output is being published: the next command
        completes it) and release the lock."""
        try:
            if discard and not self._committed:
                self._discard_staging()
        finally:
            if self in _OPEN:
                _OPEN.remove(self)
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
        _HELD.add(handle)

    def _release(self) -> None:
        handle, self._lock = self._lock, None
        if handle is None or handle not in _HELD:  # a forked child has closed its copy
            return
        _HELD.discard(handle)
        try:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_UN)
        except (ImportError, OSError):
            pass
        finally:
            os.close(handle)

    @property
    def locked(self) -> bool:
        """True while this process holds the folder's lock."""
        return self._lock is not None

    # -- ownership

    def owns(self, relative: str) -> bool:
        """True when the tool wrote ``relative`` before."""
        return relative in self.previous or relative in self.adopted or relative == MANIFEST

    def adopt(self, listed: Mapping[str, str]) -> None:
        """Take as the tool's own the files an earlier version's record (``run``'s
        ``provenance.json``) lists — only when the folder has no manifest, and only files
        that still hold exactly what the record says. They may be replaced, never removed."""
        if self.previous or (self.root / MANIFEST).exists():
            return
        for relative, digest in listed.items():
            try:
                check_relative(relative)
            except OutputError:
                continue
            target = self.root / relative
            if digest and target.is_file() and not target.is_symlink() and \
                    file_sha256(target) == digest:
                self.adopted.add(relative)

    def _protected(self, target: Path) -> bool:
        for source in self.protect:
            try:
                if os.path.samefile(target, source):
                    return True
            except OSError:
                continue
        return False

    def check(self, files: Mapping[str, bytes] | Iterable[str]) -> None:
        """Raise :class:`OutputError` naming every file ``files`` would wrongly replace: a
        check before the work, so that a clash known at once costs no rendering (the check
        that decides is made again when the output is published)."""
        digests = {relative: sha256(data) for relative, data in files.items()} if isinstance(
            files, Mapping) else dict.fromkeys(files, "")
        found = self._clashes(digests)
        if found:
            raise refusal(self.root, found)

    def _clashes(self, files: Mapping[str, str]) -> list[str]:
        found = []
        base = os.path.realpath(self.root)
        for relative, digest in files.items():
            check_relative(relative)
            target = self.root / relative
            if not _inside(os.path.realpath(target.parent), base):
                raise OutputError(f"refusing to write {target}: a symbolic link leads it out "
                                  f"of {self.root}")
            try:
                info = os.lstat(target)
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
            if stat.S_ISDIR(info.st_mode):
                raise OutputError(f"cannot write {target}: it is a folder")
            if self._protected(target):
                raise OutputError(f"{target} is one of this command's inputs; nothing was "
                                  "written: choose another output folder")
            if not self.owns(relative) and not (
                    digest and stat.S_ISREG(info.st_mode) and file_sha256(target) == digest):
                found.append(relative)
        return found

    # -- writing

    @property
    def staging(self) -> Path:
        """The folder this output is written into before it is published (created now)."""
        if self._staging is None:
            folder = self.root / STAGING
            try:
                folder.mkdir()
            except OSError as exc:
                raise OutputError(f"cannot write into {self.root}: "
                                  f"{exc.strerror or exc}") from None
            self._staging = folder
        return self._staging

    def commit(self, files: Mapping[str, bytes]) -> list[Path]:
        """Stage files (paths relative to the folder); they are published together when the
        ``with`` block ends. Returns the paths they will have."""
        digests = {relative: sha256(data) for relative, data in files.items()}
        found = self._clashes(digests)  # at once: no work is done for an output refused anyway
        if found:
            raise refusal(self.root, found)
        write_tree(self.staging, files)
        self.record(digests)
        return [self.root / relative for relative in files]

    def write(self, relative: str, data: bytes) -> Path:
        """Stage one file (see :meth:`commit`)."""
        return self.commit({relative: data})[0]

    def record(self, written: Mapping[str, str]) -> None:
        """Note files (path → SHA-256) written into :attr:`staging` by other processes."""
        for relative in written:
            check_relative(relative)
        self.staged.update(written)

    def publish(self) -> Published:
        """Move the staged output into the folder (see the module text)."""
        if self.published is not None:
            return self.published
        new = dict(sorted(self.staged.items()))
        base = os.path.realpath(self.root)
        found = self._clashes(new)
        if found:
            raise refusal(self.root, found)
        names = {PurePosixPath(relative).name for relative in new}
        stale: dict[str, str] = {}
        kept: dict[str, str] = {}
        for relative, digest in self.previous.items():
            if relative in new:
                continue
            target = self.root / relative
            if not os.path.lexists(target):
                continue
            if not self.replace:
                kept[relative] = digest
            elif (digest and is_output_name(relative, names) and not self._protected(target)
                    and _removable(target, base, digest)):
                stale[relative] = digest
        if not (new or stale or self.previous):
            self.published = Published((), ())
            return self.published
        with held_back():
            # Ctrl-C or SIGTERM until now leaves the folder as it was; from here on it waits
            # until the output is in place.
            raise_if_stopping()
            # The point of no return: from here on the manifest says which files are the
            # tool's, and a process killed before the end is completed by the next one.
            self._save_manifest({**kept, **stale, **new}, remove=sorted(stale))
            self._committed = True
            written = [self._move_into_place(relative) for relative in new]
            for folder in sorted({path.parent for path in written} - {self.root}):
                remove_temporary(folder)  # left by a process killed in an older version
            removed = _remove(self.root, stale)
            for folder in sorted({path.parent for path in written}):
                _fsync_folder(folder)
            self._save_manifest({**kept, **new})
            self._committed = False
            self.published = Published(tuple(written), tuple(removed))
        return self.published

    def _move_into_place(self, relative: str) -> Path:
        source, target = self.staging / relative, self.root / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                info = os.stat(target, follow_symlinks=False)
                if stat.S_ISREG(info.st_mode):
                    os.chmod(source, stat.S_IMODE(info.st_mode))  # a replaced file keeps its mode
            except FileNotFoundError:
                pass
            os.replace(source, target)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
        return target

    def _save_manifest(self, files: Mapping[str, str], remove: list[str] | None = None) -> None:
        document: dict[str, Any] = {"generator": GENERATOR, "files": dict(sorted(files.items()))}
        if remove is not None:
            document["pending"] = {"staging": STAGING, "remove": remove}
        data = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=True)
        write_bytes_atomic(self.root / MANIFEST, (data + "\n").encode("utf-8"))

    # -- recovery

    def _recover(self) -> None:
        """Finish a publication a killed process began (its manifest is marked pending), or
        drop the staging folder of one that never reached it; remove temporary files."""
        remove_temporary(self.root)
        document = _read_manifest_document(self.root)
        pending = document.get("pending") if isinstance(document, dict) else None
        staging = self.root / STAGING
        if isinstance(pending, dict):
            listed = _manifest_files(document)
            base = os.path.realpath(self.root)
            if staging.is_dir() and not staging.is_symlink():
                self._staging = staging
                for relative in listed:
                    source = staging / relative
                    if source.is_file() and not source.is_symlink() and _inside(
                            os.path.realpath((self.root / relative).parent), base):
                        self._move_into_place(relative)
            removals = pending.get("remove")
            stale = {relative: listed[relative] for relative in
                     (removals if isinstance(removals, list) else [])
                     if isinstance(relative, str) and relative in listed
                     and is_output_name(relative, {PurePosixPath(r).name for r in listed})}
            stale = {relative: digest for relative, digest in stale.items() if digest
                     and not self._protected(self.root / relative)
                     and _removable(self.root / relative, base, digest)}
            _remove(self.root, stale)
            self._save_manifest({relative: digest for relative, digest in listed.items()
                                 if relative not in stale
                                 and os.path.lexists(self.root / relative)})
        self._discard_staging()

    def _discard_staging(self) -> None:
        staging = self.root / STAGING
        self._staging = None
        try:
            if staging.is_symlink() or (staging.exists() and not staging.is_dir()):
                staging.unlink()
            elif staging.is_dir():
                import shutil

                shutil.rmtree(staging)
        except OSError as exc:
            raise OutputError(f"cannot clean up {staging}: {exc.strerror or exc}") from None


def write_tree(root: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` (paths relative to ``root``, a staging folder) as they are, each
    flushed to disk: the caller discards the folder on any error."""
    written = []
    for relative, data in files.items():
        target = root / check_relative(relative)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if os.path.lexists(target):  # staged again by the same command: the last one wins
                os.unlink(target)
            handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                             | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0),
                             new_file_mode())
            try:
                _write_all(handle, data, target)
                os.fsync(handle)
            finally:
                os.close(handle)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
        written.append(target)
    return written


def _removable(target: Path, base: str, digest: str) -> bool:
    """A regular file (not a link) inside ``base`` that still holds what the tool wrote."""
    try:
        return (not target.is_symlink() and target.is_file()
                and _inside(os.path.realpath(target), base)
                and file_sha256(target) == digest)
    except OSError:
        return False


def _remove(root: Path, stale: Mapping[str, str]) -> list[Path]:
    """Delete the files ``stale`` names, then the folders they leave empty."""
    removed: list[Path] = []
    for relative in sorted(stale):
        target = root / relative
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise OutputError(f"cannot remove {target}: {exc.strerror or exc}") from None
        removed.append(target)
    for folder in sorted({path.parent for path in removed}, key=lambda p: -len(p.parts)):
        probe = folder
        while probe != root and root in probe.parents:
            try:
                probe.rmdir()
            except OSError:
                break
            probe = probe.parent
    return removed


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's content ("" when it cannot be read)."""
    import hashlib

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


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


def _read_manifest_document(root: Path) -> Any:
    path = root / MANIFEST
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_MANIFEST_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None  # unreadable: no file counts as the tool's
    if not isinstance(data, dict) or data.get("generator") != GENERATOR:
        return None
    return data


def _manifest_files(document: Any) -> dict[str, str]:
    files = document.get("files", {}) if isinstance(document, dict) else {}
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


def read_manifest(root: Path) -> dict[str, str]:
    """Files the folder's manifest lists, with their SHA-256 ("" when not recorded); empty
    when there is no manifest or it is unreadable. Paths that would leave the folder are
    left out."""
    return _manifest_files(_read_manifest_document(root))


def refusal(root: Path, relatives: list[str]) -> OutputError:
    """The error for files the tool will not replace."""
    shown = ", ".join(sorted(relatives)[:SHOWN])
    more = f" and {len(relatives) - SHOWN} more" if len(relatives) > SHOWN else ""
    return OutputError(
        f"{root} already holds {len(relatives)} file{'s' if len(relatives) != 1 else ''} "
        f"that smartcity-assess did not write and would replace: {shown}{more}. Nothing was "
        "written: move those files away, or choose another output folder")
