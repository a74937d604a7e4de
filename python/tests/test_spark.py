"""`rasid.spark` in Spark local mode: mentions equal `Tagger.tag`'s, counts equal `rasid count`'s."""

import os
import sys

import pytest

from conftest import cli_rows, run_json

pyspark = pytest.importorskip("pyspark")

import rasid.spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("rasid-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def frame(spark, corpus):
    _, records = corpus
    return spark.createDataFrame(records).repartition(2)


def test_counts_equal_rasid_count(rasid_bin, spark, corpus, frame):
    path, _ = corpus
    want = run_json(rasid_bin, "count", "--format", "json", "--quiet", path)
    got = [r.asDict() for r in rasid.spark.count(frame).collect()]
    assert got == cli_rows(want)


def test_grouped_counts_equal_rasid_count(rasid_bin, spark, corpus, frame):
    path, _ = corpus
    want = run_json(rasid_bin, "count", "--format", "json", "--quiet", "--group-by", "source", path)
    got = [r.asDict() for r in rasid.spark.count(frame, group_by="source").collect()]
    assert got == cli_rows(want)


def test_mentions_column_equals_tag(spark, tagger, corpus, frame):
    from pyspark.sql import functions as F

    tagged = rasid.spark.with_mentions(frame).select("id", "text", "mentions").collect()
    assert len(tagged) == len(corpus[1])
    for row in tagged:
        got = [{k: v for k, v in m.asDict().items() if v is not None} for m in row.mentions]
        assert got == tagger.tag(row.text), row.id
    field_names = frame.transform(rasid.spark.with_mentions).schema["mentions"].dataType.elementType.names
    assert field_names[:10] == ["start", "end", "byte_start", "byte_end", "text", "label", "id", "name", "alias", "proclitics"]
    assert F is not None


def test_one_tagger_per_worker(spark, frame):
    """Many rows, each tagged by a worker that built its tagger once."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    many = frame.crossJoin(frame.sparkSession.range(20)).repartition(2)

    @F.udf(T.ArrayType(T.LongType()), useArrow=False)
    def probe(_):
        import os as os_

        import rasid.spark as rs

        return [os_.getpid(), rs.built]

    rows = rasid.spark.with_mentions(many).select(F.size("mentions").alias("n"), probe("text").alias("probe")).collect()
    assert len(rows) == 20 * frame.count()
    built = [r.probe[1] for r in rows]
    assert max(built) == 1, built


def test_null_text_gives_null(spark):
    from pyspark.sql import types as T

    schema = T.StructType([T.StructField("text", T.StringType())])
    df = spark.createDataFrame([("قصف على حلب",), (None,)], schema)
    rows = rasid.spark.with_mentions(df).collect()
    assert [r.mentions is None for r in rows] == [False, True]
    assert rows[0].mentions[0].name == "حلب"


def test_counts_by_month_equal_rasid_count(rasid_bin, spark, corpus, frame):
    path, _ = corpus
    want = run_json(rasid_bin, "count", "--format", "json", "--quiet", "--group-by", "month", path)
    got = [r.asDict() for r in rasid.spark.count(frame, group_by="month").collect()]
    assert got == cli_rows(want)
