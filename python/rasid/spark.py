"""rasid on Spark: a mentions column for a DataFrame of texts, and counts equal to ``rasid count``.

PySpark is optional: this module imports it only when used. Each Python worker process builds one
:class:`rasid.Tagger` the first time it needs one and keeps it for every later task of the job (and
of later jobs, while Spark reuses the worker); nothing is pickled but the tagger's options.

>>> from rasid.spark import with_mentions, count
>>> df = spark.read.json("corpus.jsonl")                       # doctest: +SKIP
>>> tagged = with_mentions(df, text_col="text")                # adds `mentions`
>>> counts = count(df, text_col="text", group_by="source")     # rows of `rasid count`
"""

from __future__ import annotations

import os
from typing import Any, Dict, Iterator, Optional, Sequence, Tuple

from . import COUNT_COLUMNS, Tagger

# One tagger per options, per process.
_TAGGERS: Dict[Tuple[Any, ...], Tagger] = {}
# How many taggers this process built: the test that none is built per row reads it.
built = 0


def _options(
    gazetteers: Optional[Sequence[str]], defaults: bool, person_grammar: bool
) -> Tuple[Any, ...]:
    paths = tuple(os.fspath(p) for p in gazetteers or ())
    return (paths, bool(defaults), bool(person_grammar))


def tagger(options: Tuple[Any, ...]) -> Tagger:
    """The process's tagger for ``options`` (as ``_options`` makes them), built on first use."""
    global built
    found = _TAGGERS.get(options)
    if found is None:
        paths, defaults, person_grammar = options
        found = Tagger(gazetteers=list(paths), defaults=defaults, person_grammar=person_grammar)
        _TAGGERS[options] = found
        built += 1
    return found


# The struct of one mention, in the order of the command line's JSON; the place fields are null
# where the gazetteer does not give them (and for people).
MENTION_FIELDS = (
    ("start", "int"),
    ("end", "int"),
    ("byte_start", "int"),
    ("byte_end", "int"),
    ("text", "string"),
    ("label", "string"),
    ("id", "string"),
    ("name", "string"),
    ("alias", "string"),
    ("proclitics", "string"),
    ("name_en", "string"),
    ("country", "string"),
    ("admin1", "string"),
    ("lat", "double"),
    ("lon", "double"),
)


def mention_schema() -> Any:
    """``array<struct<start,end,byte_start,byte_end,text,label,id,name,alias,proclitics,...>>``."""
    from pyspark.sql import types as T

    kinds = {"int": T.IntegerType(), "string": T.StringType(), "double": T.DoubleType()}
    return T.ArrayType(
        T.StructType(
            [
                T.StructField(name, kinds[kind], nullable=name not in ("start", "end", "byte_start", "byte_end"))
                for name, kind in MENTION_FIELDS
            ]
        ),
        containsNull=False,
    )


def _rows(mentions: list) -> list:
    names = [name for name, _ in MENTION_FIELDS]
    return [tuple(m.get(name) for name in names) for m in mentions]


def with_mentions(
    df: Any,
    text_col: str = "text",
    output_col: str = "mentions",
    *,
    gazetteers: Optional[Sequence[str]] = None,
    defaults: bool = True,
    person_grammar: bool = True,
) -> Any:
    """``df`` with a column ``output_col`` of the mentions in ``text_col``.

    Each mention is a struct with the fields of ``rasid tag --format json``'s entities (code-point
    ``start``/``end``, ``byte_start``/``byte_end``, ``text``, ``label``, ``id``, ``name``,
    ``alias``, ``proclitics``, ``name_en``, ``country``, ``admin1``, ``lat``, ``lon``). A null text
    gives null. ``gazetteers`` must be paths every executor can read.
    """
    from pyspark.sql import functions as F

    options = _options(gazetteers, defaults, person_grammar)

    # No annotations: PySpark would read them as asking for a pandas UDF.
    def tag_one(text):  # type: ignore[no-untyped-def]
        if text is None:
            return None
        return _rows(tagger(options).tag(text))

    udf = F.udf(tag_one, mention_schema(), useArrow=False)
    return df.withColumn(output_col, udf(F.col(text_col)))


def count(
    df: Any,
    text_col: str = "text",
    *,
    group_by: Optional[str] = None,
    gazetteers: Optional[Sequence[str]] = None,
    defaults: bool = True,
    person_grammar: bool = True,
) -> Any:
    """Mentions and documents per entity over ``df[text_col]``: the rows ``rasid count`` gives.

    Each partition is counted by its worker's tagger; the partitions' tables are added up (mentions
    and documents are sums; of a found person's spellings, the first in byte order is kept, as
    ``rasid count`` keeps it). Rows with a null text are skipped, as a JSON line without text is.
    ``group_by="month"`` groups by the ``YYYY-MM`` of the ``date`` column, as ``rasid count
    --group-by month`` does. The result is a DataFrame with the columns of ``rasid count --format
    json`` (``group`` first when grouping), sorted like it: by group, mentions descending, then id.
    """
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    options = _options(gazetteers, defaults, person_grammar)
    # `month`, as `rasid count --group-by month`: the `YYYY-MM` of the `date` column.
    group_col = "date" if group_by == "month" else group_by
    columns = [text_col] + ([group_col] if group_col is not None else [])

    def count_partition(rows: Iterator[Any]) -> Iterator[Any]:
        def documents() -> Iterator[Any]:
            for row in rows:
                text = row[0]
                if text is None:
                    continue
                if group_by is None:
                    yield {"text": text}
                elif group_by == "month":
                    yield {"text": text, "date": row[1]}
                else:
                    yield {"text": text, "group": row[1]}

        field = None if group_by is None else "month" if group_by == "month" else "group"
        result = tagger(options).count(documents(), group_by=field, threads=1)
        for r in result["entities"]:
            yield (
                r.get("group", ""),
                r["id"],
                r["label"],
                r["name"],
                r["name_en"],
                r["mentions"],
                r["documents"],
                r["country"],
                r["lat"],
                r["lon"],
            )

    schema = T.StructType(
        [
            T.StructField("group", T.StringType()),
            T.StructField("id", T.StringType()),
            T.StructField("label", T.StringType()),
            T.StructField("name", T.StringType()),
            T.StructField("name_en", T.StringType()),
            T.StructField("mentions", T.LongType()),
            T.StructField("documents", T.LongType()),
            T.StructField("country", T.StringType()),
            T.StructField("lat", T.DoubleType()),
            T.StructField("lon", T.DoubleType()),
        ]
    )
    spark = df.sparkSession
    parts = spark.createDataFrame(df.select(*columns).rdd.mapPartitions(count_partition), schema)
    totals = parts.groupBy("group", "id", "label").agg(
        F.min("name").alias("name"),
        F.first("name_en").alias("name_en"),
        F.sum("mentions").alias("mentions"),
        F.sum("documents").alias("documents"),
        F.first("country").alias("country"),
        F.first("lat").alias("lat"),
        F.first("lon").alias("lon"),
    )
    ordered = totals.orderBy(F.col("group"), F.col("mentions").desc(), F.col("id"))
    if group_by is None:
        return ordered.select(*COUNT_COLUMNS)
    return ordered.select("group", *COUNT_COLUMNS)
