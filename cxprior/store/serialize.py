"""JSON (de)serialisation of Workspace, Scenario and PortfolioResult.

The store keeps these as JSON text (never pickle): readable by any tool, safe to load,
and stable across Python versions. A document is an envelope

    {"format": "cxprior", "kind": "workspace", "schema_version": 1, "data": {...}}

whose `data` is derived from the dataclass fields and their type hints, so a field added
later with a default keeps working: older documents simply lack it and get the default.
Round trips are exact: tuples come back as tuples, enums as enums, dict keys and their
order as they were, None as None, and non-finite floats (which JSON cannot hold) are
written as the strings "NaN", "Infinity" and "-Infinity" where the type says float.

When a change breaks older documents, raise SCHEMA_VERSION and add an upgrade step to
`_UPGRADES` that rewrites a document of the previous version.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import math
import numbers
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Any, Literal, TypeVar, Union

from cxprior.domain import CxpriorError, FollowUp, PortfolioResult, Scenario, Workspace
from cxprior.i18n import tr
from cxprior.portfolio import UncertaintyResult
from cxprior.store.records import SurveyAnalysis

FORMAT = "cxprior"
SCHEMA_VERSION = 1

KINDS: dict[str, type] = {
    "workspace": Workspace,
    "scenario": Scenario,
    "portfolio_result": PortfolioResult,
    "robustness": UncertaintyResult,
    "survey_analysis": SurveyAnalysis,
    "followup": FollowUp,
}

# (kind, version) → function rewriting a document's `data` from that version to the next
_UPGRADES: dict[tuple[str, int], Callable[[dict[str, Any]], dict[str, Any]]] = {}

_SPECIAL_FLOATS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}

T = TypeVar("T")


class SerializationError(CxpriorError):
    """A saved document cannot be read back (wrong kind, newer format, damaged data)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.in_language("en"))

    def in_language(self, lang: str) -> str:
        """The message in `lang`; kinds of document are named in that language too."""
        params = {
            name: tr(f"store.kind.{value}", lang)
            if name in ("kind", "expected") and value in KINDS
            else value
            for name, value in self.params.items()
        }
        return tr(self.key, lang, **params)


class _PathError(Exception):
    """A value that does not fit its type; `path` says where, e.g. initiatives[3].cost."""

    def __init__(self, reason: str, path: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def inside(self, step: str) -> _PathError:
        joined = step + (self.path if self.path.startswith("[") else f".{self.path}" if self.path else "")
        return _PathError(self.reason, joined)


# --- public API -----------------------------------------------------------------------


def workspace_to_json(workspace: Workspace) -> dict[str, Any]:
    return to_document("workspace", workspace)


def workspace_from_json(document: Mapping[str, Any]) -> Workspace:
    return from_document("workspace", document)


def scenario_to_json(scenario: Scenario) -> dict[str, Any]:
    return to_document("scenario", scenario)


def scenario_from_json(document: Mapping[str, Any]) -> Scenario:
    return from_document("scenario", document)


def result_to_json(result: PortfolioResult) -> dict[str, Any]:
    return to_document("portfolio_result", result)


def result_from_json(document: Mapping[str, Any]) -> PortfolioResult:
    return from_document("portfolio_result", document)


def to_data(value: Any, tp: Any) -> Any:
    """JSON-ready data for `value` of type `tp` (any dataclass, enum, tuple, dict, … of them)."""
    try:
        return _encoder(tp)(value)
    except _PathError as error:
        raise TypeError(f"cannot serialise {tp!r} at {error.path or '<root>'}: {error.reason}") from None


def from_data(data: Any, tp: type[T]) -> T:
    """The value of type `tp` that `to_data` turned into `data`."""
    try:
        return _decoder(tp)(data)
    except _PathError as error:
        raise SerializationError(
            "store.json_damaged",
            kind=getattr(tp, "__name__", str(tp)),
            where=error.path or "data",
            reason=error.reason,
        ) from None


def to_document(kind: str, value: Any) -> dict[str, Any]:
    """The envelope holding `value`, a dataclass of the type registered for `kind`."""
    cls = KINDS[kind]
    try:
        data = _encoder(cls)(value)
    except _PathError as error:
        # a programming error upstream (e.g. a NaN where a name belongs): say exactly where
        raise TypeError(f"cannot serialise {kind} at {error.path or '<root>'}: {error.reason}") from None
    return {"format": FORMAT, "kind": kind, "schema_version": SCHEMA_VERSION, "data": data}


def from_document(kind: str, document: Mapping[str, Any]) -> Any:
    """The dataclass held by a document of `kind`, upgraded from older schema versions."""
    if not isinstance(document, Mapping) or document.get("format") != FORMAT:
        raise SerializationError("store.json_not_cxprior", expected=kind)
    found = document.get("kind")
    if found != kind:
        raise SerializationError("store.json_wrong_kind", expected=kind, found=found)
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SerializationError(
            "store.json_damaged", kind=kind, where="schema_version", reason="not a number"
        )
    if version > SCHEMA_VERSION:
        raise SerializationError("store.json_too_new", kind=kind, found=version, supported=SCHEMA_VERSION)
    data = document.get("data")
    while version < SCHEMA_VERSION:
        data = _UPGRADES[(kind, version)](data)
        version += 1
    try:
        return _decoder(KINDS[kind])(data)
    except _PathError as error:
        raise SerializationError(
            "store.json_damaged", kind=kind, where=error.path or "data", reason=error.reason
        ) from None


def dumps(document: Mapping[str, Any]) -> str:
    """Compact, standard JSON (no NaN literals), UTF-8 text kept as is."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def workspace_fingerprint(workspace: Workspace) -> str:
    """A key equal for equal workspaces, however each was built (read from a workbook or
    loaded from the store): a hash of the canonical JSON, not of the objects' layout."""
    return hashlib.sha256(dumps(workspace_to_json(workspace)).encode("utf-8")).hexdigest()


def loads(text: str) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except (TypeError, ValueError) as error:
        raise SerializationError("store.json_invalid", reason=str(error)) from None
    if not isinstance(document, dict):
        raise SerializationError("store.json_invalid", reason="not a JSON object")
    return document


# --- type-driven encoders and decoders, built once per type ---------------------------


def _is_union(origin: Any) -> bool:
    return origin is Union or origin is types.UnionType


def _fail(expected: str, value: Any) -> typing.NoReturn:
    raise _PathError(f"expected {expected}, found {type(value).__name__} {value!r:.60}")


def _encode_float(value: Any) -> float | str:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        _fail("a number", value)
    number = float(value)
    if math.isfinite(number):
        return number
    if math.isnan(number):
        return "NaN"
    return "Infinity" if number > 0 else "-Infinity"


def _decode_float(data: Any) -> float:
    if isinstance(data, bool):
        _fail("a number", data)
    if isinstance(data, (int, float)):
        return float(data)
    if isinstance(data, str) and data in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[data]
    _fail("a number", data)


def _encode_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        _fail("a whole number", value)
    return int(value)


def _decode_int(data: Any) -> int:
    if isinstance(data, int) and not isinstance(data, bool):
        return data
    if isinstance(data, float) and data.is_integer():
        return int(data)
    _fail("a whole number", data)


def _encode_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if type(value).__name__ == "bool_":  # numpy's bool, common in values read by pandas
        return bool(value)
    _fail("true or false", value)


def _decode_bool(data: Any) -> bool:
    if isinstance(data, bool):
        return data
    _fail("true or false", data)


def _check_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    _fail("text", value)


def _check_none(value: Any) -> None:
    if value is not None:
        _fail("null", value)


_PRIMITIVE_ENCODERS: dict[Any, Callable[[Any], Any]] = {
    float: _encode_float,
    int: _encode_int,
    bool: _encode_bool,
    str: _check_str,
    type(None): _check_none,
}
_PRIMITIVE_DECODERS: dict[Any, Callable[[Any], Any]] = {
    float: _decode_float,
    int: _decode_int,
    bool: _decode_bool,
    str: _check_str,
    type(None): _check_none,
}


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _field_types(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """(name, type, required) of each init field, type hints resolved."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            f.name,
            hints[f.name],
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
        if f.init
    )


def _str_keyed(key_type: Any) -> bool:
    return key_type is str or (isinstance(key_type, type) and issubclass(key_type, str))


@functools.cache
def _encoder(tp: Any) -> Callable[[Any], Any]:
    if tp in _PRIMITIVE_ENCODERS:
        return _PRIMITIVE_ENCODERS[tp]
    if tp is Any or tp is object:
        return _identity
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if _is_union(origin):
        options = [a for a in args if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"unions other than X | None are not serialisable: {tp}")
        inner = _encoder(options[0])
        return lambda v: None if v is None else inner(v)
    if origin is Literal:
        allowed = frozenset(args)

        def encode_literal(v: Any) -> Any:
            if v not in allowed:
                _fail(f"one of {sorted(map(str, allowed))}", v)
            return v

        return encode_literal
    if origin in (tuple, list, Sequence) or origin is typing.Sequence:
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            parts = [_encoder(a) for a in args]

            def encode_fixed(v: Any) -> list[Any]:
                if not isinstance(v, (tuple, list)) or len(v) != len(parts):
                    _fail(f"{len(parts)} items", v)
                return [_at(i, enc, item) for i, (enc, item) in enumerate(zip(parts, v, strict=True))]

            return encode_fixed
        item = _encoder(args[0]) if args else _identity

        def encode_sequence(v: Any) -> list[Any]:
            if not isinstance(v, (tuple, list)):
                _fail("a sequence", v)
            return [_at(i, item, x) for i, x in enumerate(v)]

        return encode_sequence
    if origin in (dict, Mapping) or origin is typing.Mapping:
        key_type, value_type = args or (str, Any)
        encode_key, encode_value = _encoder(key_type), _encoder(value_type)
        if _str_keyed(key_type):

            def encode_object(v: Any) -> dict[str, Any]:
                if not isinstance(v, Mapping):
                    _fail("a mapping", v)
                return {encode_key(k): _at(k, encode_value, x) for k, x in v.items()}

            return encode_object

        def encode_pairs(v: Any) -> list[list[Any]]:
            if not isinstance(v, Mapping):
                _fail("a mapping", v)
            return [[encode_key(k), _at(k, encode_value, x)] for k, x in v.items()]

        return encode_pairs
    if isinstance(tp, type) and issubclass(tp, Enum):

        def encode_enum(v: Any) -> Any:
            if not isinstance(v, tp):
                _fail(tp.__name__, v)
            return v.value

        return encode_enum
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_encoder(tp)
    raise TypeError(f"type not serialisable: {tp!r}")


def _at(step: Any, encode: Callable[[Any], Any], value: Any) -> Any:
    try:
        return encode(value)
    except _PathError as error:
        raise error.inside(f"[{step!r}]" if not isinstance(step, int) else f"[{step}]") from None


def _dataclass_encoder(cls: type) -> Callable[[Any], dict[str, Any]]:
    fields = [(name, _encoder(tp)) for name, tp, _ in _field_types(cls)]

    def encode_dataclass(v: Any) -> dict[str, Any]:
        if not isinstance(v, cls):
            _fail(cls.__name__, v)
        out: dict[str, Any] = {}
        for name, encode in fields:
            try:
                out[name] = encode(getattr(v, name))
            except _PathError as error:
                raise error.inside(name) from None
        return out

    return encode_dataclass


@functools.cache
def _decoder(tp: Any) -> Callable[[Any], Any]:
    if tp in _PRIMITIVE_DECODERS:
        return _PRIMITIVE_DECODERS[tp]
    if tp is Any or tp is object:
        return _identity
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if _is_union(origin):
        options = [a for a in args if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"unions other than X | None are not serialisable: {tp}")
        inner = _decoder(options[0])
        return lambda d: None if d is None else inner(d)
    if origin is Literal:
        allowed = frozenset(args)

        def decode_literal(d: Any) -> Any:
            if d not in allowed:
                _fail(f"one of {sorted(map(str, allowed))}", d)
            return d

        return decode_literal
    if origin in (tuple, list, Sequence) or origin is typing.Sequence:
        container = list if origin is list else tuple
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            parts = [_decoder(a) for a in args]

            def decode_fixed(d: Any) -> tuple[Any, ...]:
                if not isinstance(d, list) or len(d) != len(parts):
                    _fail(f"a list of {len(parts)} items", d)
                return tuple(_at(i, dec, x) for i, (dec, x) in enumerate(zip(parts, d, strict=True)))

            return decode_fixed
        item = _decoder(args[0]) if args else _identity

        def decode_sequence(d: Any) -> Any:
            if not isinstance(d, list):
                _fail("a list", d)
            return container(_at(i, item, x) for i, x in enumerate(d))

        return decode_sequence
    if origin in (dict, Mapping) or origin is typing.Mapping:
        key_type, value_type = args or (str, Any)
        decode_key, decode_value = _decoder(key_type), _decoder(value_type)
        if _str_keyed(key_type):

            def decode_object(d: Any) -> dict[Any, Any]:
                if not isinstance(d, dict):
                    _fail("an object", d)
                return {decode_key(k): _at(k, decode_value, x) for k, x in d.items()}

            return decode_object

        def decode_pairs(d: Any) -> dict[Any, Any]:
            if not isinstance(d, list) or not all(isinstance(p, list) and len(p) == 2 for p in d):
                _fail("a list of [key, value] pairs", d)
            return {decode_key(k): _at(k, decode_value, x) for k, x in d}

        return decode_pairs
    if isinstance(tp, type) and issubclass(tp, Enum):

        def decode_enum(d: Any) -> Any:
            try:
                return tp(d)
            except ValueError:
                _fail(f"one of {[m.value for m in tp]}", d)

        return decode_enum
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    raise TypeError(f"type not serialisable: {tp!r}")


def _dataclass_decoder(cls: type) -> Callable[[Any], Any]:
    fields = [(name, _decoder(tp), required) for name, tp, required in _field_types(cls)]

    def decode_dataclass(d: Any) -> Any:
        if not isinstance(d, dict):
            _fail(f"an object ({cls.__name__})", d)
        kwargs: dict[str, Any] = {}
        # keys this version does not know (written by a newer one) are ignored on purpose
        for name, decode, required in fields:
            if name in d:
                try:
                    kwargs[name] = decode(d[name])
                except _PathError as error:
                    raise error.inside(name) from None
            elif required:
                raise _PathError("missing", name)
        return cls(**kwargs)

    return decode_dataclass
