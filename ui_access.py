"""Sign-in and roles in the app; the rules themselves are in `cxprior.access`.

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
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

import ui
from cxprior import access
from cxprior.access import LOCAL, AccessError, Identity, Role

ROLE = "access_role"  # session state: the role of this run, for pages and actions
REFUSAL = "access_refusal"  # session state: why someone signed in may not come in


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
    return access.identity_from_claims(user.to_dict())


def role() -> Role | None:
    """The role of this run (set by `gate`); local mode when the gate has not run."""
    return st.session_state.get(ROLE, LOCAL if not auth_configured() else None)


def can(action: str) -> bool:
    return access.can(role(), action)


def require(action: str) -> None:
    """Raise AccessError (shown by the app's frame) unless the role allows `action`."""
    access.require(role(), action, ui.lang())


def allowed(url_path: str) -> bool:
    return url_path in access.allowed_pages(role())


def gate() -> Role | None:
    """Who is here, before any page: the role, or None for someone who may not come in
    (signed out, unknown address, or a roles configuration that cannot be read). The app
    then shows `door` as its only page and loads no data."""
    st.session_state[ROLE] = None
    st.session_state[REFUSAL] = None
    if not auth_configured():
        st.session_state[ROLE] = LOCAL
        return LOCAL
    if not st.user.get("is_logged_in"):
        return None
    try:
        policy = access.policy_from_config(_section("cxprior", "roles"), ui.lang())
    except AccessError as error:
        st.session_state[REFUSAL] = ui.t("sec.config_broken", reason=error.message)
        return None
    person = identity()
    found = policy.role_for(person)
    if found is None:
        key = "sec.not_allowed" if person is not None else "sec.no_address"
        st.session_state[REFUSAL] = ui.t(key, email=person.email if person else "")
        return None
    st.session_state[ROLE] = found
    return found


def who_note() -> None:
    """The sidebar's line on who is here: local mode, or the role and "Sign out"."""
    if role() == LOCAL:
        st.sidebar.caption(f":material/person: {ui.md(ui.t('sec.local_mode'))}")
        return
    person = identity()
    if role() is None or person is None:
        return
    st.sidebar.caption(ui.md(ui.t("sec.signed_in", email=person.email, role=ui.t(f"sec.role.{role()}"))))
    _sign_out_button(st.sidebar)


def door() -> None:
    """The only page of someone not (or not yet) let in: sign in, or why not."""
    st.title(ui.t("sec.sign_in_title"))
    refusal = st.session_state.get(REFUSAL)
    if refusal:
        st.error(ui.md(refusal), icon=":material/block:")
        _sign_out_button(st)
        return
    st.write(ui.t("sec.sign_in_intro"))
    if st.button(ui.t("sec.sign_in"), key="access_sign_in", type="primary", icon=":material/login:"):
        provider = _provider()
        if provider is None:
            st.login()
        else:
            st.login(provider)


def _sign_out_button(where: object) -> None:
    if where.button(ui.t("sec.sign_out"), key="access_sign_out", icon=":material/logout:"):  # type: ignore[attr-defined]
        st.logout()


def read_only_note(action: str) -> None:
    """A caption where a page's controls are disabled for the current role."""
    if not can(action):
        who = ui.t(f"sec.role.{role()}") if role() else ui.t("sec.role.none")
        st.caption(ui.t("sec.read_only", role=who, action=ui.t(f"sec.action.{action}")))
