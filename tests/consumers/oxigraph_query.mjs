// Loads an N-Triples file into Oxigraph (in memory) and prints the rows of
// one SPARQL SELECT, one JSON array of strings per line.
// Usage: node oxigraph_query.mjs FILE.nt 'SELECT ...'
import fs from 'node:fs';
import oxigraph from 'oxigraph';

const [file, query] = process.argv.slice(2);
const store = new oxigraph.Store();
store.load(fs.readFileSync(file, 'utf8'), { format: 'application/n-triples' });
for (const b of store.query(query)) {
  const row = [];
  for (const [, term] of b) {
    row.push(term.value);
  }
  console.log(JSON.stringify(row));
}
