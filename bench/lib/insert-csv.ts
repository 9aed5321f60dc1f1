// Raw-SQL import baseline when server-side COPY is not available (remote server, no
// superuser): the CSV parsed and inserted with unnest(), 5,000 rows a statement.
import fs from 'node:fs';
import { parse } from 'csv-parse';

export async function insertCsv(query: (text: string, params: unknown[]) => Promise<unknown>, table: string, file: string): Promise<void> {
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, from_line: 2 }));
  let cols: string[][] = [];
  const flush = async () => {
    if (!cols.length || !cols[0]!.length) return;
    const casts = cols.map((_, i) => `$${i + 1}::text[]`).join(', ');
    await query(`INSERT INTO ${table} SELECT * FROM unnest(${casts})`, cols);
    cols = cols.map(() => []);
  };
  for await (const rec of parser as AsyncIterable<string[]>) {
    if (!cols.length) cols = rec.map(() => []);
    rec.forEach((v, i) => cols[i]?.push(v));
    if (cols[0]!.length >= 5000) await flush();
  }
  await flush();
}
