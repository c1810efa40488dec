"""Who is here and what they may do: sign-in, roles, and the author of saves and decisions.
The rules themselves are in `cxprior.domain` (access).

With an `[auth]` section in `.streamlit/secrets.toml`, people sign in with `st.login` (OIDC)
and get the role `[cxprior.roles]` gives their address; `gate()` runs before the
navigation, so a signed-out or unknown person sees the sign-in page and nothing else, and
a broken roles configuration lets nobody in (it fails closed). Without `[auth]` the app is
in single-user local mode and says so in the sidebar.

Pages call `can(action)` to disable what the role cannot do (Streamlit also discards input
sent for a disabled widget), and every action calls `require(action)` again before it changes
anything: the guard that does not depend on how a page was drawn, on a role that changed
since, or on a page that forgot to disable a control. One [auth] provider is supported: the
top-level one, or a single named one.

Who saves, submits and decides (`current_author`) is the signed-in user, else the name typed
in the sidebar for this session.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from cxprior.domain import (
    LOCAL,
    AccessError,
    Identity,
    Role,
    allowed_pages,
    identity_from_claims,
    policy_from_config,
)
from cxprior.domain import can as role_can
from cxprior.domain import require as role_require
from cxprior.store import MAX_NAME_LENGTH, InvalidInput, Person, as_person
from ui import state
from ui.text import lang, md, t

# --- sign-in and roles ---------------------------------------------------------------------------


def _section(*path: str) -> Mapping[str, object] | None:
    """A section of the secrets, None when it (or any secrets file) is missing."""
    try:
        node: object = st.secrets
        for part in path:
            if not isinstance(node, Mapping) or part not in node:
                return None
            node = node[part]
    except FileNotFoundError:  # no secrets.toml at all (StreamlitSecretNotFoundError)
        return None
    return node if isinstance(node, Mapping) else None


def auth_configured() -> bool:
    return bool(_section("auth"))


def _provider() -> str | None:
    """The [auth] provider to sign in with: the top-level one, else the only named one."""
    auth = _section("auth") or {}
    if "client_id" in auth:
        return None
    named = [name for name, value in auth.items() if isinstance(value, Mapping)]
    return named[0] if len(named) == 1 else None


def identity() -> Identity | None:
    user = st.user
    if not user.get("is_logged_in"):
        return None
    return identity_from_claims(user.to_dict())


def role() -> Role | None:
    """The role of this run (set by `gate`); local mode when the gate has not run."""
    return state.role(LOCAL if not auth_configured() else None)


def can(action: str) -> bool:
    return role_can(role(), action)


def require(action: str) -> None:
    """Raise AccessError (shown by the app's frame) unless the role allows `action`."""
    role_require(role(), action, lang())


def allowed(url_path: str) -> bool:
    return url_path in allowed_pages(role())


def gate() -> Role | None:
    """Who is here, before any page: the role, or None for someone who may not come in
    (signed out, unknown address, or a roles configuration that cannot be read). The app
    then shows `door` as its only page and loads no data."""
    state.set_role(None)
    if not auth_configured():
        state.set_role(LOCAL)
        return LOCAL
    if not st.user.get("is_logged_in"):
        return None
    try:
        policy = policy_from_config(_section("cxprior", "roles"), lang())
    except AccessError as error:
        state.set_role(None, t("sec.config_broken", reason=error.message))
        return None
    person = identity()
    found = policy.role_for(person)
    if found is None:
        key = "sec.not_allowed" if person is not None else "sec.no_address"
        state.set_role(None, t(key, email=person.email if person else ""))
        return None
    state.set_role(found)
    return found


def who_note() -> None:
    """The sidebar's line on who is here: local mode, or the role and "Sign out"."""
    if role() == LOCAL:
        st.sidebar.caption(f":material/person: {md(t('sec.local_mode'))}", help=t("sec.local_mode_help"))
        return
    person = identity()
    if role() is None or person is None:
        return
    st.sidebar.caption(md(t("sec.signed_in", email=person.email, role=t(f"sec.role.{role()}"))))
    _sign_out_button(st.sidebar)


def door() -> None:
    """The only page of someone not (or not yet) let in: sign in, or why not."""
    st.title(t("sec.sign_in_title"))
    refusal = state.refusal()
    if refusal:
        st.error(md(refusal), icon=":material/block:")
        _sign_out_button(st)
        return
    st.write(t("sec.sign_in_intro"))
    if st.button(t("sec.sign_in"), key="access_sign_in", type="primary", icon=":material/login:"):
        provider = _provider()
        if provider is None:
            st.login()
        else:
            st.login(provider)


def _sign_out_button(where: object) -> None:
    if where.button(t("sec.sign_out"), key="access_sign_out", icon=":material/logout:"):  # type: ignore[attr-defined]
        st.logout()


def read_only_note(action: str) -> None:
    """A caption where a page's controls are disabled for the current role."""
    if not can(action):
        who = t(f"sec.role.{role()}") if role() else t("sec.role.none")
        st.caption(t("sec.read_only", role=who, action=t(f"sec.action.{action}")))


# --- who is acting -------------------------------------------------------------------------------


def _signed_in() -> Person | None:
    """The signed-in user once access control is on (st.login), else None."""
    user = st.user
    if not user.get("is_logged_in"):
        return None
    email = str(user.get("email") or "").strip() or None
    try:
        return as_person(Person(str(user.get("name") or email or ""), email))
    except InvalidInput:
        return None


def current_author() -> Person | None:
    """Who saves, submits and decides: the signed-in user, else the name typed in the
    sidebar for this session; None when there is neither."""
    signed = _signed_in()
    if signed is not None:
        return signed
    try:
        return as_person(state.typed_author())
    except InvalidInput:
        return None


def require_author() -> Person | None:
    """`current_author()`, or None after a warning, where it is called, that a name is needed."""
    author = current_author()
    if author is None:
        st.warning(t("ui.identity.required"), icon=":material/badge:")
    return author


def author_input() -> None:
    """The sidebar's "Your name", typed once per session; a signed-in user is shown instead."""
    signed = _signed_in()
    if signed is not None:
        st.sidebar.caption(md(t("ui.identity.signed_in", name=signed.name)))
        return
    st.sidebar.text_input(
        t("ui.identity.name"),
        value=state.typed_author(),
        max_chars=MAX_NAME_LENGTH,
        placeholder=t("ui.identity.placeholder"),
        help=t("ui.identity.help"),
        key=state.AUTHOR_WIDGET,
        on_change=state.keep_author,
    )
