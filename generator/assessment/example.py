"""The worked example: an assessment in content/examples/, shown on the site as a report.

The content loader leaves it alone (it is not part of the model); the site build
reads it with `with_example`, checked like any assessment file, and hands the
site map a model that carries it. Its bytes join the model's fingerprint, so an
edit to the example renders the site again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from generator.assessment.format import AssessmentFile, model_version
from generator.assessment.reading import check_assessment, read_document
from generator.assessment.scoring import assess
from generator.assessment.view import ReportView, report_view
from generator.model import Model

__all__ = ["EXAMPLE", "ExampleReport", "ModelWithExample", "with_example"]

EXAMPLE = "content/examples/death-notification-assessment.yml"


@dataclass(frozen=True)
class ModelWithExample(Model):
    """The model, with the worked example the site shows beside it."""

    example: AssessmentFile | None = None


def with_example(root: Path, model: Model) -> Model:
    """`model` with the example under `root` when there is one; `ContentError` if it is wrong."""
    path = root / EXAMPLE
    if not path.is_file():
        return model
    document = read_document(path, EXAMPLE)
    example = check_assessment(document, model)
    digest = hashlib.sha256(model.fingerprint.encode())
    digest.update(EXAMPLE.encode() + b"\0" + path.read_bytes())
    values = {field.name: getattr(model, field.name) for field in dataclasses.fields(model)}
    origins = model.origins.including(example, document)  # its page links to the file
    values.update(fingerprint=digest.hexdigest(), example=example, origins=origins)
    return ModelWithExample(**values)


@dataclass(frozen=True)
class ExampleReport:
    """What the example report page shows; `assessment` is None when the build has none."""

    model: Model
    assessment: AssessmentFile | None

    @classmethod
    def of(cls, model: Model) -> ExampleReport:
        found = model.example if isinstance(model, ModelWithExample) else None
        return cls(model, found)

    def view(self, language: str) -> ReportView | None:
        if self.assessment is None:
            return None
        results = assess(self.model, self.assessment.answers)
        return report_view(
            self.model, self.assessment, results, language, model_version(self.model)
        )
