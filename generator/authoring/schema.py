"""JSON Schema for each kind of content file, generated from the models for editors."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from generator.model import CareerField, Contact, Employer, Interview, KitFile, QuestionSet

# Schema name -> model; files are `<name>.schema.json`, as named in each file's first line.
SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "kit": KitFile,
    "field": CareerField,
    "employer": Employer,
    "contact": Contact,
    "question-set": QuestionSet,
    "interview": Interview,
}


def schema_file_name(name: str) -> str:
    return f"{name}.schema.json"


def json_schema(name: str) -> dict[str, Any]:
    schema = SCHEMA_MODELS[name].model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_texts() -> dict[str, str]:
    """File name -> JSON text, stable so that committed copies can be compared byte for byte."""
    return {schema_file_name(name): json.dumps(json_schema(name), indent=2, ensure_ascii=False)
            + "\n" for name in SCHEMA_MODELS}
