"""Who may do what: roles from configuration, by e-mail address or by domain.

Three roles (DESIGN.md, "Users and their jobs"):
- `editor` — the CX director and the teams: upload, edit, optimize, save and submit;
- `reviewer` — COMEX: read everything, approve or send back a submitted scenario;
- `viewer` — read only;
- `local` — the single user of an install without sign-in (`[auth]` not configured): every
  page and every action, since nobody else can be told apart. It cannot be configured.

The configuration lists addresses (`ana@acme.fr`) and domains (`@acme.fr`) per role, as in
`.streamlit/secrets.toml`:

    [cxprior.roles]
    editors = ["ana@acme.fr", "@cx.acme.fr"]
    reviewers = ["@comex.acme.fr"]
    viewers = []
    default = "viewer"   # role of a signed-in person listed nowhere; "none" refuses them

An address listed by name wins over a domain, so one person of an editors' domain can be
made a reviewer. At the same level (two addresses, or two domains) the stronger role wins.
Domains match exactly: `@acme.fr` covers `ana@acme.fr`, not `ana@evil-acme.fr` nor
`ana@sub.acme.fr`. An address the identity provider says it has not verified
(`email_verified = false`) gets the default role only: anyone can type any address into
some providers. Without sign-in configured the app runs in single-user local mode, where
the one user is an editor.

The app filters pages and buttons with `allowed_pages` and `can`, and calls `require`
again inside every action: a hidden button is a convenience, the check is the guard.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from cxprior.domain.errors import CxpriorError
from cxprior.i18n import tr

Role = Literal["editor", "reviewer", "viewer", "local"]
ROLES: tuple[Role, ...] = ("editor", "reviewer", "viewer")  # configurable, strongest first
LOCAL: Role = "local"
NO_ROLE = "none"
LIST_KEYS: dict[str, Role] = {"editors": "editor", "reviewers": "reviewer", "viewers": "viewer"}

# what each action needs; reading (pages, charts, downloads) is open to every role
ACTIONS: dict[str, frozenset[Role]] = {
    "upload": frozenset({"editor", LOCAL}),
    "edit": frozenset({"editor", LOCAL}),
    "optimize": frozenset({"editor", LOCAL}),
    "save": frozenset({"editor", LOCAL}),
    "submit": frozenset({"editor", LOCAL}),
    "decide": frozenset({"reviewer", LOCAL}),  # approve or send back
}
# pages every role reads; the others are where editors work
READ_PAGES = frozenset({"overview", "strategy", "journey", "compare", "review", "followup"})
EDIT_PAGES = frozenset({"backlog", "scenario", "maturity"})


class AccessError(CxpriorError):
    """An action refused to the current person, or a roles configuration that cannot work."""


@dataclass(frozen=True)
class Identity:
    """A signed-in person as the identity provider describes them."""

    email: str
    name: str = ""
    verified: bool = True


def identity_from_claims(claims: Mapping[str, object]) -> Identity | None:
    """The identity in OIDC claims (`st.user`), or None when there is no usable address.

    A missing `email_verified` counts as verified: many company providers (Entra ID) do not
    send it, and they only issue addresses they own.
    """
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email.strip():
        return None
    name = claims.get("name")
    return Identity(
        email=email.strip().casefold(),
        name=name.strip() if isinstance(name, str) else "",
        verified=claims.get("email_verified") is not False,
    )


@dataclass(frozen=True)
class AccessPolicy:
    """Roles by address and by domain (lower-case; domains without their "@")."""

    addresses: Mapping[str, Role]
    domains: Mapping[str, Role]
    default: Role | None = "viewer"

    def role_for(self, identity: Identity | None) -> Role | None:
        """The person's role, or None when they may not use the app."""
        if identity is None:
            return None
        if not identity.verified:
            return self.default
        email = identity.email.strip().casefold()
        if email in self.addresses:
            return self.addresses[email]
        domain = email.rpartition("@")[2]
        return self.domains.get(domain, self.default)


def _stronger(a: Role | None, b: Role) -> Role:
    return b if a is None or ROLES.index(b) < ROLES.index(a) else a


def policy_from_config(config: Mapping[str, object] | None, lang: str = "en") -> AccessPolicy:
    """Read `[cxprior.roles]`; raise AccessError naming every entry that cannot work.

    No configuration at all means everyone who signs in is a viewer.
    """
    config = config or {}
    problems: list[str] = []
    addresses: dict[str, Role] = {}
    domains: dict[str, Role] = {}
    unknown = sorted(set(config) - {*LIST_KEYS, "default"})
    if unknown:
        problems.append(tr("sec.config.unknown_key", lang, keys=", ".join(unknown)))
    for key, role in LIST_KEYS.items():
        entries = config.get(key, [])
        if isinstance(entries, str) or not isinstance(entries, list | tuple):
            problems.append(tr("sec.config.not_a_list", lang, setting=key))
            continue
        for entry in entries:
            text = entry.strip().casefold() if isinstance(entry, str) else ""
            local, at, domain = text.rpartition("@")
            if not at or not domain or "." not in domain or " " in text or "@" in local:
                problems.append(tr("sec.config.bad_entry", lang, setting=key, entry=entry))
            elif local:
                addresses[text] = _stronger(addresses.get(text), role)
            else:
                domains[domain] = _stronger(domains.get(domain), role)
    default = config.get("default", "viewer")
    if default not in (*ROLES, NO_ROLE):
        problems.append(tr("sec.config.bad_default", lang, value=default))
        default = "viewer"
    if problems:
        raise AccessError(" ".join(problems))
    return AccessPolicy(addresses, domains, None if default == NO_ROLE else default)  # type: ignore[arg-type]


def can(role: Role | None, action: str) -> bool:
    """Whether `role` may do `action` (a key of ACTIONS); unknown actions are refused."""
    return role is not None and role in ACTIONS.get(action, frozenset())


def require(role: Role | None, action: str, lang: str = "en") -> None:
    """Raise AccessError unless `role` may do `action`: the check inside every action."""
    if not can(role, action):
        who = tr(f"sec.role.{role}", lang) if role else tr("sec.role.none", lang)
        raise AccessError(tr("sec.denied", lang, action=tr(f"sec.action.{action}", lang), role=who))


def allowed_pages(role: Role | None) -> frozenset[str]:
    """The pages (url paths) a role sees in the navigation."""
    if role is None:
        return frozenset()
    return READ_PAGES | EDIT_PAGES if role in ("editor", LOCAL) else READ_PAGES
