"""Characters that hide or disguise text, found and made visible.

A hostile or careless file can put characters in a cell that nobody sees but that change
what the text means or how it looks: control characters (BEL, ESC — a terminal obeys
ESC sequences), line breaks inside an id, and Unicode *format* characters (category Cf:
right-to-left overrides that display text backwards, zero-width spaces that make two ids
look equal). Ids must be plain visible text; other text may hold tabs and line breaks
(Excel's Alt+Enter) but no other control character. `reveal` shows every such character
as ⟨U+XXXX⟩, for messages and for the command line.

`neutralise` is applied to every user text ON READ — each text cell of a workbook (names,
descriptions, teams, owners, phases, units) and each free text the store receives (workspace
and scenario names, notes, comments, author names): the characters that reorder text
(bidirectional controls) or hide it (zero-width and other invisible characters) become the
visible token ⟨U+XXXX⟩, so the pages, tooltips, PDF, Excel exports and the command line all
show the same neutral text, and "abc" + RIGHT-TO-LEFT OVERRIDE + "gnp.exe" cannot pass for
"abcexe.png". Ids are not neutralised but refused (`forbidden_in_id`): an id must match exactly.
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

# what `neutralise` replaces: the bidirectional controls (embeddings, overrides, isolates, and
# the LRM, RLM and ALM marks), the zero-width characters (spaces, joiners, word joiner,
# byte-order mark, Mongolian vowel separator), the invisible math operators, the deprecated
# format controls and the tag characters (invisible ASCII look-alikes that can smuggle text).
# Format characters that print or matter in real text stay: the soft hyphen, the Arabic
# number signs and the Egyptian, Brahmi and musical format characters.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = "\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff\U000e0001\U000e0020-\U000e007f"
NEUTRALISED = re.compile(f"[{_BIDI}{_INVISIBLE}]")


def code_point(char: str) -> str:
    """U+202E for the right-to-left override."""
    return f"U+{ord(char):04X}"


def token(char: str) -> str:
    """⟨U+202E⟩ for the right-to-left override: how a hidden character is shown."""
    return f"⟨{code_point(char)}⟩"


def reveal(text: str, *, breaks: bool = False) -> str:
    """`text` with every control and format character written as ⟨U+XXXX⟩ (tabs and line
    breaks too with `breaks`, for ids, where they are as wrong as any other)."""
    pattern = ID_FORBIDDEN if breaks else HIDDEN
    return pattern.sub(lambda m: token(m.group()), text)


def neutralise(text: str) -> str:
    r"""`text` with every bidirectional control and invisible character written as its
    visible token: "abc\u202egnp.exe\u202c" → "abc⟨U+202E⟩gnp.exe⟨U+202C⟩".

    The one function applied to user text on read (workbook cells, store inputs). The tokens
    are plain visible characters, so neutralising twice changes nothing and a neutralised
    text written to Excel reads back the same."""
    if NEUTRALISED.search(text) is None:  # nearly every text: no new string
        return text
    return NEUTRALISED.sub(lambda m: token(m.group()), text)


_TOKEN = re.compile(r"⟨(U\+[0-9A-F]{4,6})⟩")


def revealed_code(text: str) -> str | None:
    """The code point ("U+202E") when `text` holds the token of a revealed hidden character
    (a header read from a file), else None: an id taken from it is refused like any other."""
    found = _TOKEN.search(text)
    return found.group(1) if found else None


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
