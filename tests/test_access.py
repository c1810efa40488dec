"""Roles from configuration: who may do what, by address and by domain."""

from __future__ import annotations

import pytest

from cxprior.domain import (
    ACTIONS,
    EDIT_PAGES,
    READ_PAGES,
    AccessError,
    Identity,
    allowed_pages,
    can,
    identity_from_claims,
    policy_from_config,
    require,
)
from cxprior.i18n import CATALOG

CONFIG = {
    "editors": ["ana@acme.fr", "@cx.acme.fr"],
    "reviewers": ["@comex.acme.fr", "Bo@CX.acme.fr"],
    "viewers": ["@partner.example"],
}


def role(email: str, config=CONFIG, verified: bool = True):
    return policy_from_config(config).role_for(Identity(email, verified=verified))


def test_an_address_listed_as_editor_is_an_editor_whatever_its_case():
    assert role("ana@acme.fr") == "editor"
    assert role("  ANA@Acme.FR ") == "editor"


def test_a_domain_gives_its_role_to_every_address_in_it():
    assert role("cy@cx.acme.fr") == "editor"
    assert role("dg@comex.acme.fr") == "reviewer"
    assert role("consultant@partner.example") == "viewer"


def test_an_address_listed_by_name_wins_over_its_domain():
    assert role("bo@cx.acme.fr") == "reviewer"


def test_domains_match_exactly_not_by_suffix_nor_subdomain():
    assert role("eve@evil-cx.acme.fr") == "viewer"  # the default, not the editors' domain
    assert role("eve@sub.cx.acme.fr") == "viewer"
    assert role("eve@cx.acme.fr.evil.example") == "viewer"


def test_the_local_single_user_role_cannot_be_given_by_configuration():
    with pytest.raises(AccessError) as caught:
        policy_from_config({"default": "local"})
    assert caught.value.message == (
        "In [cxprior.roles], default is “local”; use editor, reviewer, viewer or none."
    )


def test_a_person_listed_nowhere_gets_the_default_role_or_nothing():
    assert role("someone@gmail.com") == "viewer"
    assert role("someone@gmail.com", {**CONFIG, "default": "none"}) is None
    assert role("someone@gmail.com", {**CONFIG, "default": "reviewer"}) == "reviewer"


def test_an_address_the_provider_has_not_verified_gets_only_the_default_role():
    assert role("ana@acme.fr", verified=False) == "viewer"
    assert role("ana@acme.fr", {**CONFIG, "default": "none"}, verified=False) is None


def test_the_stronger_role_wins_when_an_entry_is_listed_twice():
    config = {"editors": ["@acme.fr", "ana@acme.fr"], "viewers": ["ana@acme.fr"], "reviewers": ["@acme.fr"]}
    assert role("ana@acme.fr", config) == "editor"
    assert role("bo@acme.fr", config) == "editor"


def test_without_configuration_everyone_signed_in_is_a_viewer():
    assert role("ana@acme.fr", None) == "viewer"
    assert role("ana@acme.fr", {}) == "viewer"


def test_a_configuration_that_cannot_work_is_refused_naming_every_entry():
    with pytest.raises(AccessError) as caught:
        policy_from_config(
            {
                "editors": "ana@acme.fr",
                "reviewers": ["acme.fr", "@", "a b@acme.fr", 3],
                "default": "admin",
                "admins": [],
            }
        )
    assert caught.value.message == (
        "The [cxprior.roles] configuration has unknown keys (admins); use editors, reviewers, viewers and "
        'default. In [cxprior.roles], editors must be a list, e.g. editors = ["ana@acme.fr", "@acme.fr"]. '
        "In [cxprior.roles], reviewers lists “acme.fr”, which is neither an e-mail address (ana@acme.fr) nor "
        "a domain (@acme.fr). In [cxprior.roles], reviewers lists “@”, which is neither an e-mail address "
        "(ana@acme.fr) nor a domain (@acme.fr). In [cxprior.roles], reviewers lists “a b@acme.fr”, which is "
        "neither an e-mail address (ana@acme.fr) nor a domain (@acme.fr). In [cxprior.roles], reviewers "
        "lists “3”, which is neither an e-mail address (ana@acme.fr) nor a domain (@acme.fr). In "
        "[cxprior.roles], default is “admin”; use editor, reviewer, viewer or none."
    )


def test_configuration_problems_are_in_french_too():
    with pytest.raises(AccessError) as caught:
        policy_from_config({"default": "chef"}, "fr")
    assert caught.value.message == (
        "Dans [cxprior.roles], default vaut « chef » ; utilisez editor, reviewer, viewer ou none."
    )


# --- identities from OIDC claims ----------------------------------------------------------------


def test_an_identity_is_read_from_the_providers_claims():
    assert identity_from_claims({"email": " Ana@Acme.fr ", "name": "Ana Lopes", "is_logged_in": True}) == (
        Identity("ana@acme.fr", "Ana Lopes", True)
    )
    assert identity_from_claims({"email": "ana@acme.fr", "email_verified": False}).verified is False
    assert identity_from_claims({"email": "ana@acme.fr", "email_verified": True}).verified is True


def test_claims_without_a_usable_address_give_no_identity():
    assert identity_from_claims({"name": "Ana"}) is None
    assert identity_from_claims({"email": "not an address"}) is None
    assert identity_from_claims({"email": ["ana@acme.fr"]}) is None


# --- actions and pages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("local", set(ACTIONS)),
        ("editor", {"upload", "edit", "optimize", "save", "submit"}),
        ("reviewer", {"decide"}),
        ("viewer", set()),
        (None, set()),
    ],
)
def test_each_role_may_do_exactly_its_actions(who, allowed):
    assert {action for action in ACTIONS if can(who, action)} == allowed


def test_an_unknown_action_is_refused_to_everyone():
    assert not can("editor", "delete_everything")


def test_a_refused_action_says_which_role_and_what_to_do():
    with pytest.raises(AccessError) as caught:
        require("viewer", "upload")
    assert caught.value.message == (
        "Your role (viewer (read only)) does not allow you to upload a workbook. Ask the CX director for "
        "the editor role if you need it."
    )
    with pytest.raises(AccessError) as caught:
        require("editor", "decide", "fr")
    assert caught.value.message == (
        "Votre rôle (éditeur) ne vous permet pas d'approuver ou de renvoyer un scénario. Demandez le rôle "
        "d'éditeur à la direction CX si vous en avez besoin."
    )
    require("reviewer", "decide")  # allowed: no exception


def test_editors_see_every_page_and_the_others_the_reading_pages():
    assert allowed_pages("editor") == allowed_pages("local") == READ_PAGES | EDIT_PAGES
    assert allowed_pages("reviewer") == allowed_pages("viewer") == READ_PAGES
    assert {"backlog", "scenario"} <= EDIT_PAGES and not EDIT_PAGES & READ_PAGES
    assert allowed_pages(None) == frozenset()


def test_every_action_and_role_has_words_in_english_and_french():
    for key in [
        *(f"sec.action.{a}" for a in ACTIONS),
        *(f"sec.role.{r}" for r in ("editor", "reviewer", "viewer", "local", "none")),
    ]:
        assert set(CATALOG[key]) == {"en", "fr"}
