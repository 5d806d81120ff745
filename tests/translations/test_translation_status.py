"""Missing and stale translations, worked out from the texts and the lock."""

from __future__ import annotations

from generator.errors import Problem
from generator.i18n import Message
from generator.translations import (
    Lock,
    Text,
    confirmed,
    fingerprint,
    named_texts,
    translation_status,
)

LANGUAGES = ("en", "fr")


def text(key: str = "title", file: str = "content/model.yml", **wording: str) -> Text:
    return Text(file, 3, key, key.rsplit(".", 1)[-1], tuple(sorted(wording.items())))


def lock_of(*texts: Text) -> Lock:
    return Lock(
        {
            (item.file, item.key): {code: fingerprint(words) for code, words in item.wording}
            for item in texts
        }
    )


def test_a_translation_is_stale_when_another_language_changed_and_it_did_not() -> None:
    before = text(en="Plain language", fr="Langage clair")
    after = text(en="Plain, simple language", fr="Langage clair")

    status = translation_status([after], lock_of(before), LANGUAGES)

    assert [(item.language, item.changed) for item in status.stale] == [("fr", ("en",))]
    assert not status.missing
    assert not status.unrecorded


def test_french_edited_alone_makes_the_english_stale() -> None:
    before = text(en="Plain language", fr="Langage clair")
    after = text(en="Plain language", fr="Un langage clair et simple")

    status = translation_status([after], lock_of(before), LANGUAGES)

    assert [(item.language, item.changed) for item in status.stale] == [("en", ("fr",))]


def test_both_languages_changed_together_is_not_stale_but_waits_to_be_recorded() -> None:
    before = text(en="Plain language", fr="Langage clair")
    after = text(en="Plainer language", fr="Langage plus clair")

    status = translation_status([after], lock_of(before), LANGUAGES)

    assert not status.stale
    assert status.unrecorded == (after,)


def test_spacing_alone_changes_nothing() -> None:
    before = text(en="Plain language for everyone", fr="Langage clair")
    after = text(en="Plain language\nfor everyone", fr="Langage clair")

    status = translation_status([after], lock_of(before), LANGUAGES)

    assert not status.stale
    assert not status.unrecorded


def test_new_texts_are_unrecorded_and_removed_ones_forgotten() -> None:
    gone = text("summary", en="Old", fr="Ancien")
    new = text("title", en="New", fr="Nouveau")

    status = translation_status([new], lock_of(gone), LANGUAGES)

    assert status.unrecorded == (new,)
    assert status.forgotten == 1
    assert not status.stale


def test_a_language_being_added_lists_every_text_it_lacks_but_not_partial_labels() -> None:
    title = text("title", en="Title", fr="Titre")
    alt = Text("content/attributes/simple.yml", 5, "alt_name", "alt_name", (("en", "Easy"),), True)

    status = translation_status([title, alt], Lock(), ("en", "fr", "es"))

    assert [(item.text.key, item.language) for item in status.missing] == [("title", "es")]
    assert status.missing_in("es") == status.missing
    assert status.missing_in("fr") == ()


def test_a_translation_added_later_is_not_stale() -> None:
    before = text(en="Title", fr="Titre")
    after = text(en="Title", fr="Titre", es="Título")

    status = translation_status([after], lock_of(before), ("en", "fr", "es"))

    assert not status.stale
    assert status.unrecorded == (after,)


def test_problems_name_the_file_line_and_key() -> None:
    before = text("results[seamless-access].text", file="content/results.yml", en="A", fr="B")
    after = text("results[seamless-access].text", file="content/results.yml", en="A2", fr="B")

    status = translation_status([after], lock_of(before), ("en", "fr", "es"))
    shown = [str(problem) for problem in status.problems()]

    assert shown == [
        "content/results.yml:3: results[seamless-access].text: the “es” text is missing — "
        "add a “es:” line with the translation under “text”",
        "content/results.yml:3: results[seamless-access].text: the “fr” text may be out of date: "
        "the “en” text changed since they were last confirmed to match — make the “fr” text say "
        "the same again if it no longer does, then run: playbook translations --confirm "
        '"content/results.yml:results[seamless-access].text"',
    ]


def test_an_unreadable_lock_is_one_more_problem_and_hides_nothing_else() -> None:
    broken = Problem("translations.lock", 4, Message.of("lock_unreadable"))

    status = translation_status([text(en="Title")], broken, LANGUAGES)

    assert status.lock_problem == broken
    assert status.problems()[-1] == broken
    assert [item.language for item in status.missing] == ["fr"]


def test_confirming_everything_records_every_text_as_it_is_now() -> None:
    title = text("title", en="Title", fr="Titre")
    gone = text("summary", en="Old", fr="Ancien")
    status = translation_status([title], lock_of(gone), LANGUAGES)

    entries = confirmed(status)

    assert entries == {
        ("content/model.yml", "title"): dict(lock_of(title).entries[("content/model.yml", "title")])
    }
    assert not translation_status([title], Lock(entries), LANGUAGES).unrecorded


def test_confirming_one_text_leaves_the_others_as_they_were() -> None:
    one_before = text("results[a].text", file="content/results.yml", en="A", fr="A fr")
    two_before = text("results[b].text", file="content/results.yml", en="B", fr="B fr")
    other_file = text("title", en="T", fr="T fr")
    one_after = text("results[a].text", file="content/results.yml", en="A!", fr="A fr")
    two_after = text("results[b].text", file="content/results.yml", en="B!", fr="B fr")
    texts = [one_after, two_after, other_file]
    status = translation_status(texts, lock_of(one_before, two_before, other_file), LANGUAGES)
    assert len(status.stale) == 2

    entries = confirmed(status, ["content/results.yml:results[a]"])
    after = translation_status(texts, Lock(entries), LANGUAGES)

    assert [item.text.key for item in after.stale] == ["results[b].text"]
    assert entries[("content/model.yml", "title")] == {
        "en": fingerprint("T"),
        "fr": fingerprint("T fr"),
    }


def test_places_name_files_folders_and_key_prefixes() -> None:
    texts = [
        text("name", file="content/attributes/simple.yml", en="a"),
        text("statements[x].text", file="content/attributes/simple.yml", en="b"),
        text("title", file="content/model.yml", en="c"),
    ]

    def keys(*where: str) -> list[str]:
        return [f"{item.file}:{item.key}" for item in named_texts(texts, where)]

    assert len(keys()) == 3
    assert (
        keys("content/attributes/")
        == keys("content/attributes")
        == keys("content/attributes/simple.yml")
    )
    assert keys("content/attributes/simple.yml:statements") == [
        "content/attributes/simple.yml:statements[x].text"
    ]
    assert keys("content/attr") == []
    assert keys("content/model.yml", "content/attributes/simple.yml:name") == [
        "content/attributes/simple.yml:name",
        "content/model.yml:title",
    ]
