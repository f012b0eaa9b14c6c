"""``kronika train``: retrain the Polish tagger + NER from NKJP and ship it in the package.

    kronika train                       # ../shared/nlp/nkjp-ner -> kronika/language/model/
    kronika train --work training/ --max-steps 2000
    kronika train --set components.tok2vec.model.encode.depth=4   # any setting of model.cfg

Steps: convert NKJP to spaCy's binary format (``kronika.language.training``), train with
``kronika/language/model.cfg``, then copy the best model (without the optimizer state) and the
lemma counts into ``kronika/language/model/``.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import click

from kronika.evaluate import require_shared

CONFIG = Path(__file__).parent / "model.cfg"
NKJP = "nlp/nkjp-ner/nkjp-nested-simplified-v2.iob.gz"


def train(nkjp: Path, work: Path, max_steps: int | None = None, ship: bool = True, settings: dict | None = None) -> Path:
    from spacy.cli.train import train as spacy_train

    import kronika.language.tagger  # noqa: F401  (registers the partial_tagger factory)
    from kronika.language.training import convert

    data = work / "data"
    if not (data / "train.spacy").exists():
        click.echo(f"converting {nkjp} ...", err=True)
        click.echo(convert(nkjp, data), err=True)
    overrides = {"paths.train": str(data / "train.spacy"), "paths.dev": str(data / "dev.spacy")}
    if max_steps:
        overrides["training.max_steps"] = max_steps
    overrides.update(settings or {})
    spacy_train(CONFIG, work / "output", overrides=overrides)
    best = work / "output" / "model-best"
    if ship:
        ship_model(best, data)
    return best


def ship_model(best: Path, data: Path) -> None:
    """Copy the trained model and the tables learnt from NKJP into the package."""
    from kronika.language.tagger import MODEL_DIR

    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    shutil.copytree(best, MODEL_DIR)
    for table in ("lemma_counts.json.gz", "name_labels.json.gz"):
        shutil.copy(data / table, MODEL_DIR / table)


def parse_settings(settings: tuple[str, ...]) -> dict:
    """``("training.dropout=0.2", 'nlp.lang="pl"')`` -> ``{"training.dropout": 0.2, "nlp.lang": "pl"}``."""
    out = {}
    for item in settings:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r}: expected KEY=VALUE", param_hint="--set")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


@click.command(name="train")
@click.option("--nkjp", type=click.Path(path_type=Path), default=None, help="NKJP IOB file (default: ../shared/" + NKJP + ")")
@click.option("--work", type=click.Path(path_type=Path), default=Path("training"), show_default=True, help="folder for data and checkpoints")
@click.option("--max-steps", type=int, default=None, help="override training.max_steps of model.cfg")
@click.option("--no-ship", is_flag=True, help="train only; do not replace kronika/language/model/")
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE", help="override a setting of model.cfg (value as JSON)")
def command(nkjp, work, max_steps, no_ship, settings):
    """Retrain the Polish tagger and NER on NKJP (config: kronika/language/model.cfg)."""
    if nkjp is None:
        nkjp = require_shared("give --nkjp") / NKJP
    best = train(nkjp, work, max_steps, ship=not no_ship, settings=parse_settings(settings))
    click.echo(f"best model: {best}" + ("" if no_ship else "; shipped to kronika/language/model/"))
