"""hexo-util ``slugize`` and the heading-id de-duplication Hexo's renderers use.

Old deep links (``/post/#Sora-的流行趋势``) only keep working if ids are made
exactly as Hexo made them: case kept unless asked, CJK and full-width
punctuation kept, every run of ASCII punctuation and whitespace one separator.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\u0000-\u001f]")
_SPECIAL = re.compile(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'<>,.?/]+""")
# escape-diacritic folds these letters, which have no combining decomposition.
_LIGATURES = str.maketrans(
    {
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "ß": "ss",
        "Ø": "O",
        "ø": "o",
        "Đ": "D",
        "đ": "d",
        "Ł": "L",
        "ł": "l",
        "Þ": "TH",
        "þ": "th",
        "Ð": "D",
        "ð": "d",
        "Ħ": "H",
        "ħ": "h",
        "ı": "i",
    }
)


def _is_latin_letter(char: str) -> bool:
    code = ord(char)
    return 0x00C0 <= code <= 0x024F or 0x1E00 <= code <= 0x1EFF


def escape_diacritic(text: str) -> str:
    """Fold accented Latin letters to ASCII; leave every other script alone."""
    if text.isascii():
        return text
    out = []
    for char in text.translate(_LIGATURES):
        if _is_latin_letter(char):
            decomposed = unicodedata.normalize("NFD", char)
            char = "".join(c for c in decomposed if not unicodedata.combining(c))
        out.append(char)
    return "".join(out)


def slugize(text: str, separator: str = "-", transform: int = 0) -> str:
    """hexo-util ``slugize``; ``transform`` 1 lower-cases, 2 upper-cases."""
    sep = re.escape(separator)
    result = _CONTROL.sub("", escape_diacritic(str(text)))
    result = _SPECIAL.sub(separator, result)
    result = re.sub(f"(?:{sep}){{2,}}", separator, result)
    result = re.sub(f"^(?:{sep})+|(?:{sep})+$", "", result)
    if transform == 1:
        return result.lower()
    if transform == 2:
        return result.upper()
    return result


class HeadingIds:
    """Hands out unique ids within one rendered document.

    hexo-renderer-marked numbers repeats ``-1, -2``; hexo-renderer-markdown-it
    numbers them ``-2, -3``; ``first_duplicate`` says which.
    """

    def __init__(self, first_duplicate: int = 1) -> None:
        self.first_duplicate = first_duplicate
        self._seen: dict[str, int] = {}
        # (slug, id given) in document order: hexo-renderer-markdown-it 6 numbers ids across posts.
        self.given: list[tuple[str, str]] = []

    def unique(self, slug: str) -> str:
        # Like both renderers, this does not check whether ``x-1`` was itself
        # a heading: ids must match Hexo's, not be smarter than them.
        if slug not in self._seen:
            self._seen[slug] = 0
            self.given.append((slug, slug))
            return slug
        self._seen[slug] += 1
        given = f"{slug}-{self._seen[slug] + self.first_duplicate - 1}"
        self.given.append((slug, given))
        return given
