/** Help text of `ratecut worker` (kept apart so that `--help` loads no study code). */
export const WORKER_USAGE = `Usage: ratecut worker --queue redis://host:port[/db] [options]

Runs the blocks of studies submitted with \`ratecut simulate ... --queue <url>\` or \`ratecut backtest
--sweep ... --queue <url>\`, until stopped (Ctrl-C or SIGTERM: the blocks in hand are finished
first). Start any number of workers on any number of machines; the submitter writes the same
result file as a run in one process, byte for byte, whatever the workers.

Workers need neither the data nor the files the command names: the submitter stores the study
as it planned it (context and blocks; kilobytes) in Redis beside its jobs, and each worker checks
it against the run's fingerprint. They need the submitter's ratecut version and Node major; a job
they cannot run is refused at once and the study fails naming the block. A block that throws is
retried (3 tries, back-off 2 s, 4 s), then the study fails naming the block and its error. A
worker killed mid-block loses its lock, and another worker runs the block again after about
twice --lock-seconds. A Redis restart is waited out (with a line saying so).

Options:
  --queue <url>           the Redis server: redis://[user:password@]host[:port][/db] (rediss:// for TLS)
  --prefix <name>         key prefix of the queues (default ratecut); the same as the submitter's
  --threads <n>           blocks run at once, each on its own worker thread (default 1; 1 to 64)
  --lock-seconds <s>      how long a block's lock lasts between renewals (default 30; 1 to 600)
  --json                  one JSON object per line for each block started, done or failed
  --quiet                 print only errors
`;
