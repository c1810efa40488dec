"""Package faces that load a name only when it is first used (PEP 562), so that a command
imports what it needs: `python -m cxprior validate` reads a workbook without loading the
solver, the database, the charts or the PDF stack.

A face keeps its public names as plain imports under `if TYPE_CHECKING:` (what readers, type
checkers and import-linter see) and in `__all__`, and ends with

    __getattr__, __dir__ = lazy_face(__name__)

The first time a name is asked for, `lazy_face` reads those imports from the face's own
source (once) and imports the one module the name comes from; the value is then kept in the
package, so later uses cost nothing. An unknown name raises AttributeError as usual, which
also lets `from package import submodule` import the submodule itself.
"""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Callable

__all__ = ["lazy_face", "sources_of"]


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def sources_of(package: str) -> dict[str, tuple[str, str]]:
    """Each name the face `package` imports under `if TYPE_CHECKING:` → (module, attribute).
    A name imported from the package itself (`from cxprior.domain import access`) is a
    submodule: its attribute is "" ."""
    module = sys.modules[package]
    source = module.__spec__.loader.get_source(package)  # type: ignore[union-attr]
    if source is None:
        raise ImportError(f"{package}: its face needs its source to load names lazily")
    where: dict[str, tuple[str, str]] = {}
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.If) and _is_type_checking(node.test)):
            continue
        for statement in node.body:
            if not isinstance(statement, ast.ImportFrom) or statement.level or not statement.module:
                continue
            for alias in statement.names:
                name = alias.asname or alias.name
                if statement.module == package:
                    where[name] = (f"{package}.{alias.name}", "")
                else:
                    where[name] = (statement.module, alias.name)
    return where


def lazy_face(package: str) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The `__getattr__` and `__dir__` of the face `package` (see the module's docstring)."""
    where: dict[str, tuple[str, str]] | None = None

    def __getattr__(name: str) -> object:
        nonlocal where
        if where is None:
            where = sources_of(package)
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module_name, attribute = where[name]
        module = importlib.import_module(module_name)
        value = getattr(module, attribute) if attribute else module
        setattr(sys.modules[package], name, value)  # kept: the next use is a plain lookup
        return value

    def __dir__() -> list[str]:
        face = sys.modules[package]
        return sorted(set(vars(face)) | set(getattr(face, "__all__", ())))

    return __getattr__, __dir__
