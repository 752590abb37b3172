"""Bilingual text: every title or question may be a plain string or a ``{lang: text}`` map."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("id", "en")
"""Languages the bundled texts and report templates are written in."""

DEFAULT_LANGUAGE = "id"


@dataclass(frozen=True)
class Text:
    """A text in one or more languages. A plain string counts for every language."""

    values: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, value: str | Mapping[str, str] | Text | None) -> Text:
        """Build from the YAML form (a string or a map of language code to text)."""
        if value is None:
            return cls(())
        if isinstance(value, Text):
            return value
        if isinstance(value, str):
            return cls((("*", value),))
        return cls(tuple((str(k), str(v)) for k, v in value.items()))

    def get(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The text in ``lang``, else English, else Indonesian, else any language given."""
        mapping = dict(self.values)
        for key in (lang, "*", "en", "id"):
            if key in mapping:
                return mapping[key]
        return next(iter(mapping.values()), "")

    def __bool__(self) -> bool:
        return bool(self.values)

    def languages(self) -> tuple[str, ...]:
        """Language codes this text is written in (``*`` for a plain string)."""
        return tuple(k for k, _ in self.values)

    def to_json(self) -> str | dict[str, str]:
        """The YAML/JSON form again: a string or a map."""
        if len(self.values) == 1 and self.values[0][0] == "*":
            return self.values[0][1]
        return dict(self.values)
