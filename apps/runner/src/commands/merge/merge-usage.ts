/** Help text of `ratecut merge` (kept apart so that `--help` loads no study code). */
export const MERGE_USAGE = `Usage: ratecut merge <part.json> [more parts ...] --out <file> [options]

Merges the partial results (ratecut.partial/1) that the shards of a run wrote with
\`ratecut simulate ... --shard k/N --out part-k.json\` or \`ratecut backtest --sweep ... --shard k/N
--out part-k.json\` into the result file the same command writes in one process, byte for byte.
Give every shard once, in any order. The study is planned again from the command recorded in the
parts, so the merge needs the same data (the same --data path, or $RATECUT_DATA), the same
scenario or config files at the same relative paths, the same ratecut version and the same Node
major; a part from another plan, a damaged part, a shard missing or given twice is refused
(exit 1) and nothing is written. The result records the command line of the parts with --out
(and --force, --report) of the merge appended.

Options:
  --out <file>            the result file (a simulate's side files beside it), as the command's --out
  --force                 replace existing result files
  --report <file.html>    also write an HTML report of the result (see ratecut report)
`;
