"""Mean and sum of the mse+sigmoid bias gradient with DuckDB: prints `mean sum`."""

import sys

import duckdb

path = sys.argv[1].replace("'", "''")
query = f"""
    SELECT avg(g), sum(g) FROM (
        SELECT (y_hat - y) * y_hat * (1 - y_hat) AS g
        FROM read_csv('{path}', header = true,
                      columns = {{'y_hat': 'DOUBLE', 'y': 'DOUBLE'}})
    )
"""
mean, total = duckdb.connect().execute(query).fetchall()[0]
print(repr(mean), repr(total))
