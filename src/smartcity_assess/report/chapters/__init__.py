"""The chapters of the documents: one frozen dataclass per chapter, built from the facts.

A document (:class:`Document`) is a list of chapter builders. Each builder takes the
document's facts (and what they were built from) and returns its chapter — a frozen dataclass
of what that chapter shows beyond the shared facts — or None to leave the chapter out. The
document numbers what it got (1, 2, 3 … and A, B … for annexes) and the templates render
each chapter with its partial, ``chapters/<document>/<name>.html`` and ``.md``.

Adding a chapter is three steps (CONTRIBUTING.md has an example): a dataclass here, derived
from :class:`Chapter`, with the chapter's title key, anchor and partial; a builder function
added to the document's list; and the two partials in ``templates/chapters/``.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import ClassVar, Generic, TypeVar

Facts = TypeVar("Facts")
Sources = TypeVar("Sources")


@dataclass(frozen=True, kw_only=True)
class Chapter:
    """A numbered chapter. Subclasses set the class variables and add their own fields."""

    TITLE: ClassVar[str]
    """Catalogue key of the chapter's title."""
    ANCHOR: ClassVar[str]
    """The HTML id of its heading (the table of contents links to it)."""
    PARTIAL: ClassVar[str]
    """Its templates without the extension: ``chapters/masterplan/summary``."""
    ANNEX: ClassVar[bool] = False
    """Annexes are lettered (A, B …) after the numbered chapters."""

    number: str = ""
    """Set by the document: ``1``, ``2`` … or ``A``, ``B`` …"""

    @property
    def title_key(self) -> str:
        return self.TITLE

    @property
    def anchor(self) -> str:
        return self.ANCHOR

    @property
    def partial(self) -> str:
        return self.PARTIAL


@dataclass(frozen=True)
class Document(Generic[Facts, Sources]):
    """A document: its name (the template and file stem) and its chapters' builders."""

    name: str
    builders: tuple[Callable[[Facts, Sources], Chapter | None], ...]

    def chapters(self, facts: Facts, sources: Sources) -> tuple[Chapter, ...]:
        """Every chapter the builders give, numbered."""
        return number([c for build in self.builders if (c := build(facts, sources))])


def number(chapters: Sequence[Chapter]) -> tuple[Chapter, ...]:
    """The chapters numbered 1, 2, 3 … and the annexes A, B … after them."""
    main = [c for c in chapters if not c.ANNEX]
    annexes = [c for c in chapters if c.ANNEX]
    return (*(replace(c, number=str(n)) for n, c in enumerate(main, start=1)),
            *(replace(c, number=letter)
              for letter, c in zip(string.ascii_uppercase, annexes, strict=False)))
