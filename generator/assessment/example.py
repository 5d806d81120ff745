"""The worked example: an assessment in content/examples/, shown on the site as a report.

`load` leaves it alone (an assessment is checked against the model, so it is read
after it); the site build reads it with `with_example`, checked like any assessment
file, into the model's `example`. Its bytes join the model's fingerprint, so an edit
to the example renders the site again.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.assessment.reading import check_assessment, read_document
from generator.cache import Key
from generator.model import Model

__all__ = ["EXAMPLE", "with_example"]

EXAMPLE = "content/examples/death-notification-assessment.yml"


def with_example(root: Path, model: Model) -> Model:
    """`model` with the example under `root` when there is one; `ContentError` if it is wrong."""
    path = root / EXAMPLE
    if not path.is_file():
        return model
    document = read_document(path, EXAMPLE)
    example = check_assessment(document, model)
    fingerprint = Key("content").add(model.fingerprint, EXAMPLE, path.read_bytes()).hex()
    origins = model.origins.including(example, document)  # its page links to the file
    return dataclasses.replace(model, fingerprint=fingerprint, example=example, origins=origins)
