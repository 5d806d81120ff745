"""Open data: the whole model in one language as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.model import Model


def model_as_data(model: Model, language: str) -> dict[str, Any]:
    """The model in one language, as plain data (the JSON export's shape)."""

    def text(value: Any) -> str | None:
        return value.get(language) if value is not None else None

    return {
        "title": text(model.info.title),
        "status": text(model.info.status.label),
        "language": language,
        "vision": text(model.info.vision.statement),
        "levels": [
            {"id": level.id, "score": level.score, "name": text(level.name)}
            for level in model.levels
        ],
        "results": [{"id": result.id, "text": text(result.text)} for result in model.results],
        "stages": [{"id": stage.id, "name": text(stage.name)} for stage in model.stages],
        "channels": [{"id": channel.id, "name": text(channel.name)} for channel in model.channels],
        "attributes": [
            {
                "id": attribute.id,
                "name": text(attribute.name),
                "summary": text(attribute.summary),
                "statements": [
                    {
                        "id": statement.id,
                        "text": text(statement.text),
                        "level": statement.level,
                        "results": list(statement.results),
                    }
                    for statement in attribute.statements
                ],
            }
            for attribute in model.attributes
        ],
        "plays": [
            {
                "id": play.id,
                "title": text(play.title),
                "statements": list(play.statements),
                "stages": list(play.stages),
            }
            for play in model.plays
        ],
    }


def export_json(model: Model, language: str) -> str:
    return json.dumps(model_as_data(model, language), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "attribute_id",
    "attribute",
    "statement_id",
    "statement",
    "level_id",
    "level",
    "results",
)


def export_csv(model: Model, language: str) -> str:
    """One row per statement: the shape spreadsheets and open-data portals expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for attribute in model.attributes:
        for statement in attribute.statements:
            level = model.level(statement.level)
            writer.writerow(
                (
                    attribute.id,
                    attribute.name.get(language),
                    statement.id,
                    statement.text.get(language),
                    level.id,
                    level.name.get(language),
                    " ".join(statement.results),
                )
            )
    return buffer.getvalue()
