#!/usr/bin/env python3
"""Tag a JSON Lines corpus on Spark and count its entities, as `rasid count` does on one machine.

    pip install ./python pyspark==4.3.0
    python examples/spark_count.py corpus.jsonl.gz --group-by source -o counts/ --mentions tagged/

Each line is one document, `{"id": ..., "text": ..., ...}` (`--text-field` to rename). The counts
are the rows of `rasid count --format json` (`--group-by FIELD` as there), written as CSV to `-o`;
`--mentions DIR` also writes every document with a `mentions` column, as Parquet. Run it with
`spark-submit --master yarn ...` on a cluster: every executor needs the `rasid` package installed
(and the files of `--gazetteer` at the same path).
"""

import argparse
import sys

from pyspark.sql import SparkSession

import rasid.spark


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="JSON Lines file or folder (.jsonl, .jsonl.gz)")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--group-by", help="a field to count per value of (source, say)")
    parser.add_argument("--gazetteer", action="append", default=[], help="extra gazetteer file")
    parser.add_argument("-o", "--output", help="folder for the counts as CSV; shown when absent")
    parser.add_argument("--mentions", help="folder for the tagged documents as Parquet")
    parser.add_argument("--master", default="local[*]", help="Spark master when not spark-submitted")
    args = parser.parse_args()

    spark = SparkSession.builder.master(args.master).appName("rasid-count").getOrCreate()
    # Spark reads gzip by the file's extension; a .jsonl.gz is not split, so spread it after reading.
    df = spark.read.json(args.corpus)
    df = df.repartition(max(spark.sparkContext.defaultParallelism, df.rdd.getNumPartitions()))

    counts = rasid.spark.count(df, args.text_field, group_by=args.group_by, gazetteers=args.gazetteer)
    if args.output:
        # emptyValue: an empty English name stays an empty field, as `rasid count` writes it.
        counts.coalesce(1).write.mode("overwrite").option("header", True).option("emptyValue", "").csv(args.output)
    else:
        counts.show(30, truncate=False)
    if args.mentions:
        tagged = rasid.spark.with_mentions(df, args.text_field, gazetteers=args.gazetteer)
        tagged.write.mode("overwrite").parquet(args.mentions)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
