"""Named failures of the store. Each carries a message for the user in English
(`message`) and can say it in any catalog language (`in_language(lang)`), with
dates shown in the display time zone (`CXPRIOR_TIMEZONE`, default UTC)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cxprior.domain import CxpriorError
from cxprior.i18n import tr
from cxprior.store.records import Person, ScenarioStatus


def display_zone() -> ZoneInfo:
    try:
        return ZoneInfo(os.environ.get("CXPRIOR_TIMEZONE") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def format_when(moment: datetime, lang: str = "en") -> str:
    """'2026-03-05 at 14:32 UTC' / '05/03/2026 à 14:32 UTC' in the display time zone."""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(display_zone())
    return tr(
        "store.when",
        lang,
        date=local.strftime(tr("store.date_format", lang)),
        time=local.strftime("%H:%M"),
        zone=local.tzname() or "",
    ).strip()


class Label(str):
    """A parameter that is itself a catalog key, translated with the message."""

    __slots__ = ()


class StoreError(CxpriorError):
    """Base of the store's errors: a catalog key and the parameters that fill it."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.in_language("en"))

    def in_language(self, lang: str) -> str:
        return tr(self.key, lang, **{k: _localise(v, lang) for k, v in self.params.items()})


def _localise(value: object, lang: str) -> object:
    if isinstance(value, datetime):
        return format_when(value, lang)
    if isinstance(value, Person):
        return value.name
    if isinstance(value, ScenarioStatus):
        return tr(f"store.status.{value.value}", lang)
    if isinstance(value, Label):
        return tr(str(value), lang)
    return value


class StoreUnavailable(StoreError):
    """The database cannot be reached or opened (wrong URL, server down, file not writable)."""


class NotFoundError(StoreError):
    """No workspace, version or scenario with that name or number."""


class InvalidInput(StoreError):
    """A name, author or comment the store cannot record as given."""


class StaleVersionError(StoreError):
    """Saving over a version that someone else has replaced since it was loaded.

    Nothing was saved. The user can reload, or save their copy under a new name
    (`Store.save_workspace_as_copy`, `Store.save_scenario(..., as_copy=True)`).
    """

    can_save_as_copy = True

    def __init__(
        self,
        key: str,
        *,
        name: str,
        expected: int | None,
        current: int,
        changed_by: Person,
        changed_at: datetime,
        **params: object,
    ) -> None:
        self.name = name
        self.expected_version = expected
        self.current_version = current
        self.changed_by = changed_by
        self.changed_at = changed_at
        super().__init__(
            key,
            name=name,
            expected=expected,
            current=current,
            who=changed_by,
            when=changed_at,
            **params,
        )


class TransitionError(StoreError):
    """The scenario's status does not allow this step (e.g. sending back an approved one)."""
