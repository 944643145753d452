/*
 * The text of a fetched file the builder stores gzip-compressed (builder/search/packed.py:
 * the search index's shards, list pages and text chunks, and a source page's raw span,
 * raw.html.gz), unpacked with the browser's DecompressionStream. Bytes that do not start
 * with gzip's magic number (a server that sent the file with Content-Encoding: gzip has
 * unpacked it already) are read as they are.
 *
 * The one copy of this rule, beside builder/search/packed.py which writes the files:
 * search/index.js imports it, and source-text.js (a classic script in the page bundle)
 * loads it with import().
 */
export async function packedText(response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}
