;; The range-table walk of the bootstrap kernel (bootstrap.ts, runPaths) in WebAssembly with
;; 128-bit SIMD: the small-cap and large-cap legs are the two lanes of every f64x2, and the
;; minimum and maximum are f64x2.pmin / f64x2.pmax (`b < a ? b : a`, `a < b ? b : a`), which
;; compile to single branch-free instructions, so the walk makes the same choices, ties
;; included, as the JavaScript kernel, with the same IEEE-754 operations in the same order:
;; the results are bit for bit the JavaScript kernel's. Compiled to bootstrap-walk-binary.ts by
;; `npm run build-wasm` (tools/wasm); a spec checks that the binary is this file's.
;;
;; Memory (bytes, all offsets given by the caller):
;;   cum:    per cumulative index k, (cumSmall[k], cumLarge[k]) as one f64x2 (16 bytes).
;;   table:  per level l and index k, at table + (l * m + k) * 48: (min), (max), (drop) of
;;           cum[k .. k + 2^l), each an f64x2 (small, large).
;;   counts: per path, the number of runs (i32).
;;   runs:   per run, (base, length) as two i32: cumulative index of the run's start and rows.
;;   out:    per path, (terminal log wealth) and (deepest log drawdown), each an f64x2.
(module
  (import "env" "memory" (memory 1))
  (func (export "walk")
    (param $paths i32) (param $counts i32) (param $runs i32) (param $out i32)
    (param $cum i32) (param $table i32) (param $m i32) (param $top i32)
    (local $p i32) (local $r i32) (local $nr i32) (local $base i32) (local $rem i32)
    (local $k i32) (local $l i32) (local $e i32)
    (local $w v128) (local $peak v128) (local $dd v128) (local $o v128) (local $d v128)
    (block $done
      (loop $path
        (br_if $done (i32.ge_u (local.get $p) (local.get $paths)))
        ;; W_0 = 1: log wealth 0, the first peak, no drawdown yet.
        (local.set $w (v128.const f64x2 0 0))
        (local.set $peak (v128.const f64x2 0 0))
        (local.set $dd (v128.const f64x2 0 0))
        (local.set $nr (i32.load (i32.add (local.get $counts) (i32.shl (local.get $p) (i32.const 2)))))
        (local.set $r (i32.const 0))
        (block $runsDone
          (loop $run
            (br_if $runsDone (i32.ge_u (local.get $r) (local.get $nr)))
            (local.set $base (i32.load (local.get $runs)))
            (local.set $rem (i32.load offset=4 (local.get $runs)))
            (local.set $runs (i32.add (local.get $runs) (i32.const 8)))
            ;; o = w - cum[base]; the log wealth after row k - 1 of the run is o + cum[k].
            (local.set $o (f64x2.sub (local.get $w)
              (v128.load (i32.add (local.get $cum) (i32.shl (local.get $base) (i32.const 4))))))
            (local.set $k (i32.add (local.get $base) (i32.const 1)))
            ;; w = o + cum[base + length] (the pieces below do not change o).
            (local.set $w (f64x2.add (local.get $o)
              (v128.load (i32.add (local.get $cum) (i32.shl (i32.add (local.get $base) (local.get $rem)) (i32.const 4))))))
            ;; Dyadic pieces, largest first: l = min(floor(log2 rem), top).
            (loop $piece
              (local.set $l (i32.sub (i32.const 31) (i32.clz (local.get $rem))))
              (local.set $l (select (local.get $top) (local.get $l) (i32.gt_s (local.get $l) (local.get $top))))
              (local.set $e (i32.add (local.get $table)
                (i32.mul (i32.add (i32.mul (local.get $l) (local.get $m)) (local.get $k)) (i32.const 48))))
              ;; dd = pmin(pmin(dd, (o + min) - peak), drop); peak = pmax(peak, o + max)
              (local.set $d (f64x2.pmin (local.get $dd)
                (f64x2.sub (f64x2.add (local.get $o) (v128.load (local.get $e))) (local.get $peak))))
              (local.set $dd (f64x2.pmin (local.get $d) (v128.load offset=32 (local.get $e))))
              (local.set $peak (f64x2.pmax (local.get $peak)
                (f64x2.add (local.get $o) (v128.load offset=16 (local.get $e)))))
              (local.set $k (i32.add (local.get $k) (i32.shl (i32.const 1) (local.get $l))))
              (local.set $rem (i32.sub (local.get $rem) (i32.shl (i32.const 1) (local.get $l))))
              (br_if $piece (i32.gt_s (local.get $rem) (i32.const 0))))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $run)))
        (v128.store (local.get $out) (local.get $w))
        (v128.store offset=16 (local.get $out) (local.get $dd))
        (local.set $out (i32.add (local.get $out) (i32.const 32)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $path)))))
