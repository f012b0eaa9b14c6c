import json

from click.testing import CliRunner

from kronika.cli import main
from kronika.evaluate.gold import gold_id


def test_seed_files_take_the_ids_of_their_gold_files():
    assert gold_id("000_b617356fc4661944", "/data/corpus/seeds/000_b617356fc4661944.txt") == "seed-000"
    assert gold_id("news-0293", "/data/corpus/news/articles.jsonl:294") == "news-0293"
    assert gold_id("001_notes", "/elsewhere/001_notes.txt") == "001_notes"  # only files under seeds/


def test_the_eval_group_is_mounted():
    result = CliRunner().invoke(main, ["eval", "--help"])
    assert result.exit_code == 0 and "gold" in result.stdout


def test_eval_gold_scores_every_layer(shared, tmp_path):
    out = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(main, ["eval", "gold", "--json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    ids = {json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert ids == {p.stem for p in (shared / "eval" / "gold").glob("*.json")}
    scores = json.loads(result.stdout)
    assert scores["missing_articles"] == []
    for layer in ("entities", "events", "claims", "quotes", "times"):
        assert layer in scores


def test_poleval_texts_are_grouped_by_their_folder():
    from kronika.evaluate.ner import text_kind

    assert text_kind("/home/x/poleval/PCCwR-1.1-TXT/short/Dzienniki/12.txt") == "short/Dzienniki"
    assert text_kind("12.txt") == "?"
