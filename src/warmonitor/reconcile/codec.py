"""Incidents to JSON and back without loss: how the store keeps a reconciliation's result.

    data = encode(incident)             # JSON-able: dataclasses as objects, tuples as lists
    assert decode(Incident, data) == incident

``Incident.to_dict`` is the published JSON (renamed keys, derived fields, no way back);
this codec follows the dataclasses' own fields and their type hints instead, so that every
field added to an incident, a tally or a check is kept without touching it. Pure: no I/O.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Union

__all__ = ["decode", "encode"]

Convert = Callable[[Any], Any]


def encode(value: Any) -> Any:
    """``value`` as JSON-able data: a dataclass as an object of its fields, a tuple or list
    as a list, a date as its ISO text; numbers, text, booleans and ``None`` as they are."""
    encoder: Convert = _encoder(type(value))  # type: ignore[arg-type]
    return encoder(value)


def decode(kind: Any, data: Any) -> Any:
    """The value of type ``kind`` that :func:`encode` gave ``data`` for."""
    return _decoder(kind)(data)


def _same(value: Any) -> Any:
    return value


def _any(value: Any) -> Any:
    """Encoding by the value's own type (fields typed ``Any``)."""
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, tuple | list):
        return [_any(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _any(v) for k, v in value.items()}
    encoder: Convert = _encoder(type(value))  # type: ignore[arg-type]
    return encoder(value)


def _optional(convert: Convert) -> Convert:
    if convert is _same:
        return _same
    return lambda value: None if value is None else convert(value)


@functools.cache
def _encoder(kind: Any) -> Convert:
    """A function that encodes values of the declared type ``kind``."""
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _optional(_encoder(options[0])) if len(options) == 1 else _any
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _encoder(args[0])
            return list if item is _same else lambda value: [item(v) for v in value]
        items = [_encoder(a) for a in args]
        return lambda value: [f(v) for f, v in zip(items, value, strict=True)]
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        fields = [(f.name, _encoder(hints[f.name])) for f in dataclasses.fields(kind)]
        return lambda value: {name: f(getattr(value, name)) for name, f in fields}
    if kind in (date, datetime):
        return lambda value: value.isoformat()
    if kind in (int, float, str, bool) or origin is typing.Literal:
        return _same
    return _any


@functools.cache
def _decoder(kind: Any) -> Convert:
    """A function that decodes what :func:`encode` gave for a value of type ``kind``."""
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _optional(_decoder(options[0])) if len(options) == 1 else _same
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return tuple if item is _same else lambda data: tuple(map(item, data))
        items = [_decoder(a) for a in args]
        return lambda data: tuple(f(v) for f, v in zip(items, data, strict=True))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(kind) if f.init]
        return lambda data: kind(**{n: f(data[n]) for n, f in fields if n in data})
    if kind is datetime:
        return datetime.fromisoformat
    if kind is date:
        return date.fromisoformat
    return _same


def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)
