"""`rasid.count` gives the rows of `rasid count --format json` over the same documents."""

import pytest

import rasid

from conftest import cli_rows, run_json


def rows(table):
    """Rows of a DataFrame or a list of dicts, NaN read as null."""
    if isinstance(table, list):
        return table
    records = table.to_dict(orient="records")
    return [{k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()} for r in records]


@pytest.mark.parametrize("threads", [1, 2], ids=lambda n: f"threads={n}")
def test_totals_equal_cli(rasid_bin, tagger, corpus, threads):
    path, records = corpus
    want = run_json(rasid_bin, "count", "--format", "json", "--quiet", path)
    got = tagger.count(records, threads=threads, batch_size=5)
    assert got["documents"] == want["documents"] == len(records)
    assert got["entities"] == cli_rows(want)


def test_grouped_totals_equal_cli(rasid_bin, tagger, corpus):
    path, records = corpus
    want = run_json(rasid_bin, "count", "--format", "json", "--quiet", "--group-by", "source", path)
    got = rows(rasid.count(records, tagger=tagger, group_by="source", threads=2))
    assert got == cli_rows(want)


def test_by_document_equals_cli(rasid_bin, tagger, corpus):
    path, records = corpus
    want = run_json(rasid_bin, "count", "--format", "json", "--quiet", "--by-document", path)
    got = rows(rasid.count(records, tagger=tagger, by_document=True))
    assert got == want


def test_dataframe_when_pandas_is_there(tagger, corpus):
    pandas = pytest.importorskip("pandas")
    _, records = corpus
    table = rasid.count(records, tagger=tagger)
    assert isinstance(table, pandas.DataFrame)
    assert list(table.columns) == list(rasid.COUNT_COLUMNS)
    assert rows(table) == tagger.count(records)["entities"]


def test_texts_and_dicts_alike(tagger, corpus):
    _, records = corpus
    texts = [r["text"] for r in records]
    assert tagger.count(texts)["entities"] == tagger.count(records)["entities"]


def test_dict_without_text_is_skipped(tagger):
    got = tagger.count([{"id": 1, "body": "حلب"}, {"id": 2, "text": "قصف على حلب"}])
    assert (got["documents"], got["missing_text"]) == (1, 1)
    assert [r["name"] for r in got["entities"]] == ["حلب"]


def test_other_items_are_refused(tagger):
    with pytest.raises(TypeError, match="item 0 is a bytes"):
        tagger.count([b"text"])


def test_filters_equal_cli(rasid_bin, tagger, corpus):
    path, records = corpus
    want = run_json(
        rasid_bin, "count", "--format", "json", "--quiet", "--label", "place", "--country", "sy",
        "--min-mentions", "2", "--top", "5", path,
    )
    got = rows(rasid.count(records, tagger=tagger, labels=["place"], countries=["sy"], min_mentions=2, top=5))
    assert got == cli_rows(want)
    assert got, "the test texts name Syrian places"


def test_unknown_label_lists_the_known_ones(tagger):
    with pytest.raises(ValueError, match='unknown label "places": expected one of .*PLACE'):
        rasid.count(["حلب"], tagger=tagger, labels=["places"])


def test_grouped_by_month_equals_cli(rasid_bin, tagger, corpus):
    path, records = corpus
    want = run_json(rasid_bin, "count", "--format", "json", "--quiet", "--group-by", "month", path)
    got = tagger.count(records, group_by="month")
    assert got["entities"] == cli_rows(want)
    assert {r["group"] for r in got["entities"]} == {"", "2015-07", "2015-08", "2017-11"}


def test_unlisted_facilities_counted_as_cli(rasid_bin, tagger, tmp_path):
    """Facilities found by their head noun are rows like any entity: id, PLACE, name, no country."""
    text = "نقل الجرحى إلى مستشفى العدوي. ثم عاد إلى مستشفى العدوي قرب قاعدة العند الجوية."
    path = tmp_path / "facility.txt"
    path.write_text(text, encoding="utf-8")
    want = run_json(rasid_bin, "count", "--format", "json", "--quiet", path)
    got = tagger.count([text])
    assert got["entities"] == cli_rows(want)
    row = next(r for r in got["entities"] if r["id"] == "place:auto:مستشفي-العدوي")
    assert (row["label"], row["name"], row["mentions"], row["country"], row["lat"]) == (
        "PLACE",
        "مستشفى العدوي",
        2,
        None,
        None,
    )
