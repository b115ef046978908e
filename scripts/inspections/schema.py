"""JSON Schemas of the data files, made from the models: written to ``data/schema/`` by
``python -m inspections schema`` (for editors) and published with the open data.

Example::

    >>> sorted(schemas())[:2]
    ['area.schema.json', 'framework.schema.json']
"""

from __future__ import annotations

import json

from inspections.models import MODELS


def schemas() -> dict[str, str]:
    """File name -> JSON text for each data model."""
    out = {}
    for kind, model in MODELS.items():
        schema = model.model_json_schema(by_alias=True)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{kind}.schema.json"
        out[f"{kind}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out
