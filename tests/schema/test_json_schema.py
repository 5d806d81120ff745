"""The editors' JSON Schemas: generated from the models, kept up to date, true to the content."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.commands.schema import read_languages
from generator.schema.jsonschema import CONTENT_KINDS, CONTENT_SCHEMA, FILE_KINDS, schema_files
from generator.schema.models import Language

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_COMMENT = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(?P<path>\S+)\s*$")
ENGLISH = Language(code="en", name="English", locale="en-CA")
FRENCH = Language(code="fr", name="Français", locale="fr-CA")


def content_files(root: Path) -> list[tuple[Path, str]]:
    """Every file a schema covers, with the name of its own kind's schema."""
    return [
        (path, kind.schema_name) for kind in FILE_KINDS for path in sorted(root.glob(kind.files))
    ]


def read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    return [error.message for error in Draft202012Validator(schema).iter_errors(data)]


def localized_text(schema: dict[str, Any]) -> dict[str, Any]:
    text: dict[str, Any] = schema["$defs"]["LocalizedText"]
    return text


@pytest.fixture(scope="module")
def committed() -> dict[str, str]:
    folder = REPO_ROOT / "schema"
    return {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.schema.json")}


@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    return schema_files(read_languages(REPO_ROOT))


# --- the committed files --------------------------------------------------------------------


def test_the_committed_schemas_match_the_models(
    committed: dict[str, str], generated: dict[str, str]
) -> None:
    stale = sorted(
        name
        for name in generated.keys() | committed.keys()
        if committed.get(name) != generated.get(name)
    )

    assert not stale, f"stale schema files {stale}: run `playbook schema` and commit them"


def test_schema_check_accepts_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["schema", "--check", "--root", str(REPO_ROOT)])

    assert status == 0
    assert capsys.readouterr().out == "The 14 schema files in schema/ are up to date.\n"


def test_there_is_a_schema_per_kind_and_one_for_any_content_file(
    generated: dict[str, str],
) -> None:
    assert sorted(generated) == [
        "assessment.schema.json",
        "attribute.schema.json",
        "changelog.schema.json",
        "content.schema.json",
        "continuum.schema.json",
        "glossary.schema.json",
        "languages.schema.json",
        "lifecycle.schema.json",
        "model.schema.json",
        "pages.schema.json",
        "play.schema.json",
        "results.schema.json",
        "stages.schema.json",
        "tally.schema.json",
    ]


@pytest.mark.parametrize("name", sorted(schema_files([ENGLISH, FRENCH])))
def test_each_schema_is_valid_json_schema_2020_12(name: str, generated: dict[str, str]) -> None:
    schema = json.loads(generated[name])

    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_output_is_deterministic_with_sorted_keys(generated: dict[str, str]) -> None:
    again = schema_files(read_languages(REPO_ROOT))

    assert again == generated
    for text in generated.values():
        assert text.endswith("}\n")
        assert (
            text
            == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        )


# --- localized texts ------------------------------------------------------------------------


def test_a_localized_text_requires_every_complete_language() -> None:
    schema = json.loads(schema_files([ENGLISH, FRENCH])["attribute.schema.json"])

    text = localized_text(schema)
    assert text["type"] == "object"
    assert text["required"] == ["en", "fr"]
    assert text["additionalProperties"] is False
    assert text["properties"]["fr"]["type"] == "string"
    assert text["properties"]["fr"]["minLength"] == 1
    assert "each of the site's languages (en, fr)" in text["description"]
    assert text["properties"]["fr"]["description"] == "The text in Français (fr)."


def test_a_language_being_added_is_allowed_but_not_required() -> None:
    spanish = Language(code="es", name="Español", locale="es-MX", complete=False)

    schema = json.loads(schema_files([ENGLISH, FRENCH, spanish])["content.schema.json"])

    text = localized_text(schema)
    assert text["required"] == ["en", "fr"]
    assert sorted(text["properties"]) == ["en", "es", "fr"]
    assert "Optional while the language is being added" in text["properties"]["es"]["description"]


def test_a_partial_text_requires_no_language() -> None:
    schema = json.loads(schema_files([ENGLISH, FRENCH])["attribute.schema.json"])

    partial = schema["$defs"]["PartialLocalizedText"]
    assert "required" not in partial
    assert sorted(partial["properties"]) == ["en", "fr"]


# --- the real content against its schemas --------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind_schema"),
    [
        pytest.param(path, name, id=path.relative_to(REPO_ROOT).as_posix())
        for path, name in content_files(REPO_ROOT)
    ],
)
def test_each_content_file_points_to_a_schema_that_accepts_it(
    path: Path, kind_schema: str, generated: dict[str, str]
) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    comment = SCHEMA_COMMENT.match(first_line)
    assert comment, f"{path.name} should start with '# yaml-language-server: $schema=…'"
    target = (path.parent / comment["path"]).resolve()
    assert target.parent == REPO_ROOT / "schema", f"{comment['path']} is outside schema/"
    assert target.is_file(), f"{comment['path']} does not exist"
    umbrella = CONTENT_SCHEMA if kind_schema in {k.schema_name for k in CONTENT_KINDS} else None
    assert target.name in {kind_schema, umbrella}

    data = read(path)
    assert errors(json.loads(target.read_text(encoding="utf-8")), data) == []
    assert errors(json.loads(generated[kind_schema]), data) == []


def test_every_kind_of_file_is_found_in_the_repository() -> None:
    found = {name for _, name in content_files(REPO_ROOT)}

    assert found == {kind.schema_name for kind in FILE_KINDS}


def test_the_fixture_tree_matches_the_schemas(content_tree: Path) -> None:
    schemas = {name: json.loads(text) for name, text in schema_files([ENGLISH, FRENCH]).items()}

    for path, name in content_files(content_tree):
        assert errors(schemas[name], read(path)) == [], path.name
        if name in {kind.schema_name for kind in CONTENT_KINDS}:
            assert errors(schemas[CONTENT_SCHEMA], read(path)) == [], path.name


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param("      fr: Mon expérience est personnalisée.\n", "", id="missing French"),
        pytest.param("  en: Simple\n", "  en: Simple\n  es: Sencillo\n", id="unknown language"),
        pytest.param("summary:", "summry:", id="unknown field"),
        pytest.param("en: My experience is personalized.", 'en: ""', id="empty text"),
        pytest.param(
            "results: [expectations-considered]\n    text:\n      en: My experience",
            "results: expectations-considered\n    text:\n      en: My experience",
            id="string for a list",
        ),
    ],
)
def test_the_schemas_refuse_what_validate_refuses(
    old: str, new: str, content_tree: Path, edit
) -> None:
    edit.replace("content/attributes/simple.yml", old, new)
    data = read(content_tree / "content/attributes/simple.yml")
    schemas = schema_files([ENGLISH, FRENCH])

    assert errors(json.loads(schemas["attribute.schema.json"]), data)
    assert errors(json.loads(schemas[CONTENT_SCHEMA]), data)
    assert main(["validate", "--root", str(content_tree)]) == 1


# --- the `playbook schema` command -----------------------------------------------------------


def test_schema_writes_every_file_then_check_passes(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "--root", str(content_tree)]) == 0
    assert capsys.readouterr().out == "Schema files written: 14 of 14 changed in schema/.\n"

    assert main(["schema", "--check", "--root", str(content_tree)]) == 0
    assert sorted(path.name for path in (content_tree / "schema").iterdir()) == sorted(
        schema_files([ENGLISH, FRENCH])
    )


def test_schema_check_names_the_stale_file_and_how_to_fix_it(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["schema", "--root", str(content_tree)])
    play_schema = content_tree / "schema" / "play.schema.json"
    play_schema.write_text(play_schema.read_text(encoding="utf-8").replace("Id", "Ident"))
    (content_tree / "schema" / "stages.schema.json").unlink()
    (content_tree / "schema" / "old.schema.json").write_text("{}\n")
    capsys.readouterr()

    status = main(["schema", "--check", "--root", str(content_tree)])

    out, err = capsys.readouterr()
    assert status == 1
    assert out == ""
    assert err.splitlines() == [
        "schema/play.schema.json is out of date: "
        "it no longer matches generator/schema/models.py and content/languages.yml",
        "schema/stages.schema.json is missing",
        "schema/old.schema.json is no longer generated",
        "Run “playbook schema” to update the schema files, then commit them.",
    ]


def test_schema_check_speaks_french(
    content_tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    main(["schema", "--root", str(content_tree)])
    (content_tree / "schema" / "play.schema.json").write_text("{}\n")
    monkeypatch.setenv("PLAYBOOK_LANG", "fr")
    capsys.readouterr()

    status = main(["schema", "--check", "--root", str(content_tree)])

    assert status == 1
    assert capsys.readouterr().err.splitlines() == [
        "schema/play.schema.json n’est plus à jour\u00a0: "
        "il ne correspond plus à generator/schema/models.py ni à content/languages.yml",
        "Lancez «\u00a0playbook schema\u00a0» pour mettre à jour les fichiers de schéma, "
        "puis validez-les (commit).",
    ]


def test_schema_follows_the_configured_languages(content_tree: Path, edit) -> None:
    main(["schema", "--root", str(content_tree)])
    edit.replace("content/languages.yml", "default: en\n", "")
    edit.replace(
        "content/languages.yml",
        "    locale: fr-CA\n",
        "    locale: fr-CA\n  - code: es\n    name: Español\n    locale: es-MX\n"
        "    complete: false\ndefault: en\n",
    )

    assert main(["schema", "--check", "--root", str(content_tree)]) == 1
    assert main(["schema", "--root", str(content_tree)]) == 0
    schema = json.loads((content_tree / "schema" / CONTENT_SCHEMA).read_text(encoding="utf-8"))
    assert sorted(localized_text(schema)["properties"]) == ["en", "es", "fr"]


def test_schema_removes_files_no_longer_generated(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content_tree / "schema").mkdir()
    (content_tree / "schema" / "old.schema.json").write_text("{}\n")

    assert main(["schema", "--root", str(content_tree)]) == 0

    assert not (content_tree / "schema" / "old.schema.json").exists()
    assert "Removed schema/old.schema.json: it is no longer generated." in capsys.readouterr().out


def test_schema_reports_a_broken_languages_file_as_a_content_problem(
    content_tree: Path, edit, capsys: pytest.CaptureFixture[str]
) -> None:
    edit.replace(
        "content/languages.yml", "    locale: fr-CA\n", "    locale: fr-CA\n    lang: fr\n"
    )

    status = main(["schema", "--root", str(content_tree)])

    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("content/languages.yml:8: “lang” is not a known field in languages[2]")
    assert "Traceback" not in err
    assert not (content_tree / "schema").exists()
