// Reads the Neo4j admin-import CSV of `ecg export --format neo4j-csv` into
// DuckDB (tables nodes and relationships, column names as in the headers)
// and prints the rows of one SQL query, one JSON array per line.
// Usage: node duckdb_query.mjs DIR 'SELECT ...'
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, sql] = process.argv.slice(2);
const lit = (s) => `'${s.replaceAll("'", "''")}'`;
const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
for (const table of ['nodes', 'relationships']) {
  const file = path.join(dir, `${table}.csv`);
  await con.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv(${lit(file)}, header = true, ` +
                `all_varchar = true, quote = '"', escape = '"')`);
}
const reader = await con.runAndReadAll(sql);
for (const row of reader.getRows()) {
  console.log(JSON.stringify(row.map((v) => (v === null ? null : String(v)))));
}
