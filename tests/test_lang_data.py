"""The language data files hold words: YAML must not read any of them as true, false or null
("no", "on", "off", "yes" unquoted are booleans in YAML 1.1)."""
from pathlib import Path

import pytest
import yaml

LANG = Path(__file__).parent.parent / "kronika" / "lang"


def _not_words(value, path):
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, bool) or key is None:
                yield f"{path}: key {key!r}"
            yield from _not_words(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, bool) or item is None:
                yield f"{path}: item {item!r}"
            yield from _not_words(item, path)


@pytest.mark.parametrize("path", sorted(LANG.rglob("*.yaml")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_word_is_read_as_a_word(path):
    assert list(_not_words(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)) == []
