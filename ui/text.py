"""Language and safe text: the session's language, catalog messages in it (`t`), user text
made inert for Markdown (`md`), and the sidebar's language choice."""

from __future__ import annotations

import re

import streamlit as st

from cxprior.i18n import normalise_language, tr
from ui import state

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def lang() -> str:
    """The session's language (English until one is chosen)."""
    return state.language() or "en"


def t(key: str, **params: object) -> str:
    """A message of the catalog in the session's language."""
    return tr(key, lang(), **params)


def md(text: object) -> str:
    """Text shown literally by Markdown widgets: every ASCII punctuation is escaped, so user
    strings like `**x**`, `[a](javascript:…)`, `$x$` or `<img onerror>` never turn into
    formatting, links, formulas or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def language_switch() -> str:
    """Sidebar language choice; the first visit follows the browser's locale, else English."""
    if state.language() is None:
        state.set_language(normalise_language(st.context.locale))
    options = list(LANGUAGE_NAMES)
    st.sidebar.selectbox(
        tr("ui.app.language", lang()),
        options,
        index=options.index(lang()),
        format_func=LANGUAGE_NAMES.get,
        key=state.LANGUAGE_WIDGET,
        on_change=state.keep_language,
    )
    return lang()
