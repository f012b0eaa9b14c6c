import click
import pytest

from kronika.language.train import parse_settings


def test_settings_are_read_as_json_where_they_can_be():
    settings = parse_settings(("components.tok2vec.model.encode.depth=4", "training.dropout=0.2",
                               "components.tok2vec.model.embed.rows=[100,200]", "nlp.lang=pl"))
    assert settings == {
        "components.tok2vec.model.encode.depth": 4,
        "training.dropout": 0.2,
        "components.tok2vec.model.embed.rows": [100, 200],
        "nlp.lang": "pl",
    }


def test_a_setting_without_a_value_is_refused():
    with pytest.raises(click.BadParameter):
        parse_settings(("training.dropout",))
