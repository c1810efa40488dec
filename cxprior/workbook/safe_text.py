"""Characters that hide or disguise text, found and made visible.

A hostile or careless file can put characters in a cell that nobody sees but that change
what the text means or how it looks: control characters (BEL, ESC — a terminal obeys
ESC sequences), line breaks inside an id, and Unicode *format* characters (category Cf:
right-to-left overrides that display text backwards, zero-width spaces that make two ids
look equal). Ids must be plain visible text; other text may hold tabs and line breaks
(Excel's Alt+Enter) but no other control character. `reveal` shows every such character
as ⟨U+XXXX⟩, for messages and for the command line.
"""

from __future__ import annotations

import re

# Unicode category Cf (format characters), as in Unicode 15.1, written out so that no
# start-up scan of the whole code space is needed; a test checks it against unicodedata
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
# C0 and C1 controls except tab, line feed and carriage return, which text cells may hold
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_LINE = "\t\n\r"
TEXT_FORBIDDEN = re.compile(f"[{_CONTROL}]")
ID_FORBIDDEN = re.compile(f"[{_CONTROL}{_LINE}{_FORMAT}]")
HIDDEN = re.compile(f"[{_CONTROL}{_FORMAT}]")
_BREAKS = re.compile(f"[{_LINE}]+")


def code_point(char: str) -> str:
    """U+202E for the right-to-left override."""
    return f"U+{ord(char):04X}"


def reveal(text: str, *, breaks: bool = False) -> str:
    """`text` with every control and format character written as ⟨U+XXXX⟩ (tabs and line
    breaks too with `breaks`, for ids, where they are as wrong as any other)."""
    pattern = ID_FORBIDDEN if breaks else HIDDEN
    return pattern.sub(lambda m: f"⟨{code_point(m.group())}⟩", text)


def one_line(text: str) -> str:
    """`text` safe for one line of a terminal: hidden characters revealed, breaks as spaces."""
    return _BREAKS.sub(" ", reveal(text))


def forbidden_in_id(text: str) -> str | None:
    """The first character an id may not hold (control, line break, format), or None."""
    found = ID_FORBIDDEN.search(text)
    return found.group() if found else None


def forbidden_in_text(text: str) -> str | None:
    """The first control character a text cell may not hold (tab and breaks are allowed)."""
    found = TEXT_FORBIDDEN.search(text)
    return found.group() if found else None


_XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape_xstring(text: str) -> str:
    """Decode the `_xHHHH_` escapes of Office Open XML strings (ST_Xstring).

    Excel writes a character that XML 1.0 cannot carry (BEL, ESC, …) as `_x0007_`, and a
    literal `_x` that would be misread as `_x005F_x`. Surrogate halves are left as written:
    alone they are not text.
    """
    if "_x" not in text:
        return text

    def decode(match: re.Match[str]) -> str:
        value = int(match.group(1), 16)
        return match.group() if 0xD800 <= value <= 0xDFFF else chr(value)

    return _XSTRING_ESCAPE.sub(decode, text)
