"""The repository links under every page: edit its files, report a problem with it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from real_site import REPO_ROOT

from generator.load import load
from generator.render.page_links import page_tools, repository

REPO = "https://github.com/example-org/playbook"


def test_edit_links_start_from_the_project_root_beside_docs() -> None:
    found = repository(REPO + "/", "edit/main/docs/", "docs")

    assert found is not None
    assert found.edit_url("content/attributes/accessible.yml") == (
        "https://github.com/example-org/playbook/edit/main/content/attributes/accessible.yml"
    )
    assert found.edit_url("playbook/plays/01 café.yml") == (
        "https://github.com/example-org/playbook/edit/main/playbook/plays/01%20caf%C3%A9.yml"
    )


def test_without_repo_url_there_is_nothing_and_without_edit_uri_no_edit_link() -> None:
    assert repository(None, "edit/main/docs/", "docs") is None
    assert repository("", None, "docs") is None
    without_edit = repository(REPO, "", "docs")
    query_style = repository(REPO, "?path=/docs/", "docs")
    assert without_edit is not None and without_edit.edit_root is None
    assert query_style is not None and query_style.edit_root is None


def test_the_report_link_opens_a_new_issue_filled_in_the_readers_language() -> None:
    model = load(REPO_ROOT)
    found = repository(REPO, "edit/main/docs/", "docs")
    assert found is not None
    meta = {
        "lang": "fr",
        "title": "Convivialité & accessibilité",
        "source_files": ["content/attributes/accessible.yml"],
    }

    tools = page_tools(found, model, meta, "https://example.org/fr/model/accessible/")

    assert tools["edit"] == [
        {
            "file": "content/attributes/accessible.yml",
            "url": f"{REPO}/edit/main/content/attributes/accessible.yml",
        }
    ]
    address = urlsplit(tools["report_url"])
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPO}/issues/new"
    # Every reserved character is encoded: the title's "&" does not start a new field.
    assert "&" not in address.query.replace("&body=", "")
    fields = parse_qs(address.query, strict_parsing=True)
    assert fields["title"] == ["Problème sur la page «\u00a0Convivialité & accessibilité\u00a0»"]
    [body] = fields["body"]
    assert "Page\u00a0: Convivialité & accessibilité\n" in body
    assert "Adresse\u00a0: https://example.org/fr/model/accessible/\n" in body
    assert "Langue\u00a0: Français\n" in body
