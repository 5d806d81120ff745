"""Links from every page to its repository: edit its source files, report a problem.

MkDocs' own settings say where the repository is: `repo_url`, and `edit_uri`, the
path from it to `docs_dir` in edit mode (`edit/main/docs/`). Our pages are made
from the YAML files beside `docs_dir`, so edit links resolve from its parent.
Every address is built and URL-encoded here; the theme only shows them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode, urljoin

from generator.model import Model
from generator.schema.placeholders import fill
from generator.typography import typeset

__all__ = ["Repository", "page_tools", "repository"]


@dataclass(frozen=True)
class Repository:
    url: str
    """The repository's address, without a trailing slash."""
    edit_root: str | None
    """The address that opens the project's root folder in edit mode; None: no edit links."""

    def edit_url(self, file: str) -> str:
        """Where `file` (relative to the project root) opens for editing."""
        if self.edit_root is None:
            raise ValueError("this repository has no edit_uri")
        return self.edit_root + quote(file)

    def new_issue_url(self, title: str, body: str) -> str:
        """GitHub's form for a new issue, filled in: no script, no cookie of ours."""
        query = urlencode({"title": title, "body": body}, quote_via=quote)
        return f"{self.url}/issues/new?{query}"


def repository(
    repo_url: str | None, edit_uri: str | None, docs_dir_from_root: str
) -> Repository | None:
    """The repository MkDocs' settings describe, or None when `repo_url` is not set.

    `docs_dir_from_root` is `docs_dir` relative to the project root (`docs`). An
    `edit_uri` that is a query (`?path=…`) names no folder to resolve from: no edit links.
    """
    if not repo_url:
        return None
    url = repo_url.rstrip("/")
    if not edit_uri or edit_uri.startswith(("?", "#")):
        return Repository(url, None)
    docs = urljoin(f"{url}/", edit_uri.rstrip("/") + "/")
    up = posixpath.relpath(".", docs_dir_from_root.strip("/") or ".")
    root = urljoin(docs, "" if up == "." else f"{up}/")
    return Repository(url, root)


def page_tools(
    repository: Repository, model: Model, meta: Mapping[str, Any], address: str
) -> dict[str, Any]:
    """What the theme shows under a page: its source files to edit, and the report link.

    `meta` is the page's front matter (title, language, source files); `address`
    is the page's full address when the site's is known, its path otherwise.
    """
    language = str(meta["lang"])

    def words(key: str, **values: str) -> str:
        text = model.strings[key].get(language) or model.strings[key][model.default_language]
        return typeset(fill(text, values), language)

    title = str(meta["title"])
    body = words(
        "page_tools.issue_body",
        title=title,
        address=address,
        language=model.language(language).name,
    )
    edit = (
        [{"file": file, "url": repository.edit_url(file)} for file in meta["source_files"]]
        if repository.edit_root is not None
        else []
    )
    return {
        "edit": edit,
        "report_url": repository.new_issue_url(words("page_tools.issue_title", title=title), body),
    }
