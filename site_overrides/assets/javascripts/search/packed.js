/*
 * The text of a fetched file the builder stores compressed (builder/search/packed.py):
 *
 * - gzip: the search index's shards and list pages, and a source page's raw span
 *   (raw.html.gz), unpacked with the browser's DecompressionStream("gzip"). Bytes that do
 *   not start with gzip's magic number (a server that sent the file with
 *   Content-Encoding: gzip has unpacked it already) are read as they are.
 * - deflate with a preset dictionary: the search's text chunks (t/<n>.json.deflate,
 *   builder/search/dictionary.py says why). DecompressionStream takes no dictionary, so a
 *   zlib stream is made of the zlib header, one stored (uncompressed) deflate block holding
 *   the dictionary, and the file (the chunk's deflate data, then the stream's Adler-32
 *   checksum, which the builder computed); it is inflated with
 *   DecompressionStream("deflate"), and the dictionary's bytes are dropped from the front of
 *   the output. The chunk's data starts at a byte boundary, where the stored block ends, so
 *   the parts are one stream, and the browser checks its checksum.
 *
 * The one copy of these rules, beside builder/search/packed.py and dictionary.py, which
 * write the files: search/index.js imports it, and source-text.js (a classic script in the
 * page bundle) loads it with import().
 */
export async function packedText(response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

/** The text of a chunk's bytes packed with `dictionary` (a Uint8Array of 1 to 65,535 bytes). */
export async function dictionaryText(bytes, dictionary) {
  const n = dictionary.length;
  // zlib header 78 01 (no FDICT); a stored block: BFINAL 0, BTYPE 00 and the bits to the
  // byte's end, then LEN and NLEN, little-endian
  const header = new Uint8Array([0x78, 0x01, 0, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff]);
  const stream = new Blob([header, dictionary, bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  const out = new Uint8Array(await new Response(stream).arrayBuffer());
  return new TextDecoder().decode(out.subarray(n));
}
