"""Arguments as the command line reads them: every mistake is one line naming the argument and
what it expects, in the user's language, with exit code 1 (DESIGN.md: 2 means infeasible).

    error: --budget: expected a number of euros, zero or more, got 'abc'
    error: --solver: expected highs or cbc, got 'nonsense'
    error: BOOK.xlsx: missing: expected the path of a workbook (.xlsx)

`CliParser` is argparse's parser with its errors raised as `UsageError` (a CxpriorError, which
`main` prints as `error: …` and turns into exit code 1) instead of ten lines of usage and exit
code 2. Values are checked by `Value` types, which know what they expect, so a wrong value and
a missing one are explained the same way. `--help` still prints the usage and exits 0.
"""

from __future__ import annotations

import argparse
import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cxprior.domain import CxpriorError
from cxprior.i18n import LANGUAGES, tr
from cxprior.workbook import code_point, forbidden_in_id, reveal

_ID_SEPARATORS = re.compile(r"[,;]")
_WHOLE = re.compile(r"^[+-]?\d+$")


class UsageError(CxpriorError):
    """An argument the command cannot use; the message is one line, `ARGUMENT: why`."""


class Refused(ValueError):
    """A value refused with its own message (not the generic `expected …, got …`)."""


def language_of(argv: Sequence[str]) -> str:
    """The `--lang` the user gave (the last one, as argparse keeps it), so that even a
    mistake in another argument is explained in that language; English otherwise."""
    lang = "en"
    for n, token in enumerate(argv):
        if token == "--":
            break
        if token == "--lang" and n + 1 < len(argv):
            value = argv[n + 1]
        elif token.startswith("--lang="):
            value = token.partition("=")[2]
        else:
            continue
        lang = value if value in LANGUAGES else "en"
    return lang


def either(choices: Sequence[str], lang: str) -> str:
    """The choices in words: "highs or cbc", "a, b or c" (French: "ou")."""
    if len(choices) < 2:
        return "".join(choices)
    return tr("cli.usage.or", lang, first=", ".join(choices[:-1]), last=choices[-1])


@dataclass(frozen=True)
class Value:
    """An argument's type: `convert` turns the text into the value or raises ValueError;
    `expects` (a catalog key) says what a good value looks like."""

    expects: str
    convert: Callable[[str], object] = str
    lang: str = "en"
    choices: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.choices:
            return tr(self.expects, self.lang, choices=either(self.choices, self.lang))
        return tr(self.expects, self.lang)

    def __call__(self, text: str) -> object:
        try:
            if self.choices:
                if text not in self.choices:
                    raise ValueError(text)
                return text
            return self.convert(text)
        except Refused as refused:
            raise argparse.ArgumentTypeError(str(refused)) from None
        except ValueError:
            raise argparse.ArgumentTypeError(got(self.describe(), text, self.lang)) from None


def got(what: str, text: str, lang: str) -> str:
    return tr("cli.usage.got", lang, what=what, text=text)


def usage_error(argument: str, message: str, lang: str) -> UsageError:
    """`ARGUMENT: message`, for what only the command can check (an id the workbook lacks)."""
    return UsageError(tr("cli.usage.line", lang, argument=argument, message=message))


# --- conversions (each raises ValueError for a value it cannot use) ---------------------------


def _number(text: str, lang: str) -> float:
    # the workbook's rules: "1 200 000", "1,200,000", "12,5", "1e-6"; "500,000" is ambiguous.
    # Imported here: the workbook's tables bring pandas, which `--help` never needs
    from cxprior.workbook import NumberTextError, parse_number_text

    try:
        value = parse_number_text(text)
    except NumberTextError as error:
        if error.key == "wb.ambiguous_number":  # say which two numbers it could be
            raise Refused(tr(error.key, lang, value=text.strip(), **error.params)) from None
        raise ValueError(text) from None
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def euros(text: str, lang: str = "en") -> float:
    value = _number(text, lang)
    if value < 0:
        raise ValueError(text)
    return value


def seconds(text: str, lang: str = "en") -> float:
    value = _number(text, lang)
    if not value > 0:
        raise ValueError(text)
    return value


def gap(text: str, lang: str = "en") -> float:
    value = _number(text, lang)
    if not 0 <= value < 1:
        raise ValueError(text)
    return value


def share(text: str, lang: str = "en") -> float:
    value = _number(text, lang)
    if not 0 <= value <= 1:
        raise ValueError(text)
    return value


def whole(text: str, least: int = 0) -> int:
    if not _WHOLE.match(text.strip()):
        raise ValueError(text)
    value = int(text.strip())
    if value < least:
        raise ValueError(text)
    return value


def pair(convert: Callable[[str], float]) -> Callable[[str], tuple[str, float]]:
    """KEY=NUMBER: the key trimmed, the number converted."""

    def read(text: str) -> tuple[str, float]:
        key, sep, number = text.partition("=")
        if not sep or not key.strip():
            raise ValueError(text)
        return key.strip(), convert(number)

    return read


def ids(lang: str) -> Callable[[str], tuple[str, ...]]:
    """Ids separated by `,` or `;`, each plain visible text (an id must match exactly)."""

    def read(text: str) -> tuple[str, ...]:
        found = tuple(dict.fromkeys(p.strip() for p in _ID_SEPARATORS.split(text) if p.strip()))
        for one in found:
            char = forbidden_in_id(one)
            if char is not None:
                raise Refused(
                    tr("sec.id_hidden_char", lang, value=reveal(one, breaks=True), code=code_point(char))
                )
        return found

    return read


class Values:
    """The argument types of one language, by what they expect."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        in_lang = functools.partial
        self.euros = Value("cli.expect.euros", in_lang(euros, lang=lang), lang)
        self.period_budget = Value("cli.expect.period_budget", pair(in_lang(euros, lang=lang)), lang)
        self.goal_share = Value("cli.expect.goal_share", pair(in_lang(share, lang=lang)), lang)
        self.phase_share = Value("cli.expect.phase_share", pair(in_lang(share, lang=lang)), lang)
        self.count = Value("cli.expect.count", whole, lang)
        self.points = Value("cli.expect.points", in_lang(whole, least=2), lang)
        self.seconds = Value("cli.expect.seconds", in_lang(seconds, lang=lang), lang)
        self.gap = Value("cli.expect.gap", in_lang(gap, lang=lang), lang)
        self.ids = Value("cli.expect.ids", ids(lang), lang)
        self.solver = Value("cli.expect.choice", lang=lang, choices=("highs", "cbc"))
        self.language = Value("cli.expect.choice", lang=lang, choices=LANGUAGES)
        self.book = Value("cli.expect.book", lang=lang)
        self.output = Value("cli.expect.output", lang=lang)
        self.json_output = Value("cli.expect.json_output", lang=lang)
        self.text = Value("cli.expect.text", lang=lang)


# --- argparse's own messages, for what it checks itself ----------------------------------------

_INVALID_TYPE = re.compile(r"^invalid (\S+) value: (.*)$", re.DOTALL)
_INVALID_CHOICE = re.compile(r"^invalid choice: (.*?) \(choose from .*\)$", re.DOTALL)
_REQUIRED = re.compile(r"^the following arguments are required: (.*)$", re.DOTALL)
_NO_VALUE = re.compile(r"^ignored explicit argument (.*)$", re.DOTALL)
_AMBIGUOUS = re.compile(r"^ambiguous option: (\S+) could match (.*)$", re.DOTALL)
_MISSING_VALUE = re.compile(r"^expected (one|at most one|at least one) argument")


def _unquoted(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


class CliParser(argparse.ArgumentParser):
    """argparse's parser, whose errors are a `UsageError` of one line instead of exit code 2."""

    def __init__(self, *args: object, lang: str = "en", **kwargs: object) -> None:
        kwargs.setdefault("exit_on_error", False)  # argument errors raised, not printed
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lang = lang

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        try:
            return super().parse_known_args(args, namespace)
        except argparse.ArgumentError as error:
            raise UsageError(self.explain(error.argument_name, error.message)) from None

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            raise UsageError(self._extras(extras, namespace))
        return namespace

    def error(self, message: str):  # type: ignore[override]
        # what argparse reports without an ArgumentError: missing arguments, mostly
        raise UsageError(self.explain(None, message))

    # --- the messages ----------------------------------------------------------------------

    def _line(self, argument: str, message: str) -> str:
        return tr("cli.usage.line", self.lang, argument=argument, message=message)

    def _action(self, name: str | None) -> argparse.Action | None:
        for action in self._actions:
            if name in action.option_strings or name in (action.metavar, action.dest):
                return action
        return None

    def expects(self, action: argparse.Action | None) -> str:
        """What an argument expects, in words."""
        if action is None:
            return tr("cli.expect.value", self.lang)
        if isinstance(action.type, Value):
            return action.type.describe()
        if isinstance(action, argparse._SubParsersAction):
            return tr("cli.expect.command", self.lang, choices=", ".join(action.choices))
        if action.choices:
            return either([str(c) for c in action.choices], self.lang)
        if action.type is int:
            return tr("cli.expect.whole", self.lang)
        if action.type is float:
            return tr("cli.expect.number", self.lang)
        if isinstance(action.metavar, str) and action.option_strings:
            return tr("cli.expect.named", self.lang, metavar=action.metavar)
        return tr("cli.expect.value", self.lang)

    def explain(self, argument: str | None, message: str) -> str:
        """`ARGUMENT: why`, from an argparse error (its own words are English only)."""
        action = self._action(argument)
        if match := _REQUIRED.match(message):
            names = [name.strip() for name in match.group(1).split(",") if name.strip()]
            return "; ".join(
                self._line(name, tr("cli.usage.required", self.lang, what=self.expects(self._action(name))))
                for name in names
            )
        if match := _AMBIGUOUS.match(message):
            return self._line(match.group(1), tr("cli.usage.ambiguous", self.lang, matches=match.group(2)))
        name = argument or self.prog
        if match := _INVALID_CHOICE.match(message):
            return self._line(name, got(self.expects(action), _unquoted(match.group(1)), self.lang))
        if match := _INVALID_TYPE.match(message):
            return self._line(name, got(self.expects(action), _unquoted(match.group(2)), self.lang))
        if _MISSING_VALUE.match(message):
            return self._line(name, tr("cli.usage.missing_value", self.lang, what=self.expects(action)))
        if match := _NO_VALUE.match(message):
            return self._line(name, tr("cli.usage.no_value", self.lang, text=_unquoted(match.group(1))))
        # a Value's own message (already in the user's language), or one argparse adds later
        return self._line(name, message) if argument else message

    def _extras(self, extras: list[str], namespace: argparse.Namespace) -> str:
        command = self.prog
        sub = getattr(namespace, "command", None)
        if sub:
            command = f"{self.prog} {sub}"
        first = extras[0]
        if first.startswith("-") and first != "-":
            return self._line(
                first.partition("=")[0], tr("cli.usage.unknown_option", self.lang, command=command)
            )
        return self._line(f"'{first}'", tr("cli.usage.extra_argument", self.lang, command=command))
