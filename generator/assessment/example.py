"""The worked examples in content/examples/: an assessment, shown on the site as a report, a
workshop (three participants and their consensus), shown as a team report, and the follow-up of
the assessment a year later, shown as a comparison with it.

`load` leaves them alone (an assessment is checked against the model, so it is read
after it); the site build reads them with `with_example`, checked like any assessment
file, into the model's `example`, `workshop_example` and `follow_up_example`. Their bytes
join the model's fingerprint, so an edit to an example renders the site again.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.assessment.reading import check_assessment, read_document
from generator.cache import Key
from generator.model import Model
from generator.schema.assessment import AssessmentFile

__all__ = ["EXAMPLE", "FOLLOW_UP_EXAMPLE", "WORKSHOP_EXAMPLE", "with_example"]

EXAMPLE = "content/examples/death-notification-assessment.yml"
WORKSHOP_EXAMPLE = tuple(
    f"content/examples/death-notification-workshop-{name}.yml"
    for name in ("federal", "provincial", "municipal", "consensus")
)
"""The worked example workshop: the participants' files, then their consensus."""
FOLLOW_UP_EXAMPLE = "content/examples/death-notification-follow-up.yml"
"""The example assessment's follow-up, a year later: compared with it (`EXAMPLE` its baseline)."""


def with_example(root: Path, model: Model) -> Model:
    """`model` with the example under `root` when there is one; `ContentError` if it is wrong."""
    found = [
        name for name in (EXAMPLE, *WORKSHOP_EXAMPLE, FOLLOW_UP_EXAMPLE) if (root / name).is_file()
    ]
    if not found:
        return model
    key = Key("content").add(model.fingerprint)
    origins = model.origins
    read: dict[str, AssessmentFile] = {}
    for name in found:
        path = root / name
        document = read_document(path, name)
        read[name] = check_assessment(document, model)
        key = key.add(name, path.read_bytes())
        origins = origins.including(read[name], document)  # its page links to the file
    workshop = tuple(read[name] for name in WORKSHOP_EXAMPLE if name in read)
    return dataclasses.replace(
        model,
        fingerprint=key.hex(),
        example=read.get(EXAMPLE),
        workshop_example=workshop if len(workshop) == len(WORKSHOP_EXAMPLE) else (),
        follow_up_example=read.get(FOLLOW_UP_EXAMPLE),
        origins=origins,
    )
