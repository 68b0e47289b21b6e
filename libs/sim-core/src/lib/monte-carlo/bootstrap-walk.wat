;; The bootstrap kernel's paths (bootstrap.ts, runPathsJs) in WebAssembly with 128-bit SIMD: per
;; path the stream (seed, path) seeded as reseedInto does, the blocks drawn as drawBlocks does
;; (xoshiro128** 1.1; start = floor(nextFloat() * rows); the stationary length through the
;; caller's copy of the geometric length table, the few lengths it leaves to the formula asked
;; from the host through the imported `lengthOf`), and the range table walked with the
;; small-cap and large-cap legs in the two lanes of every f64x2. The minimum and maximum are
;; f64x2.pmin / f64x2.pmax (`b < a ? b : a`, `a < b ? b : a`), single branch-free instructions
;; making the JavaScript walk's choices, ties included; every other operation is the same
;; IEEE-754 or 32-bit integer operation in the same order. So the outcomes are bit for bit
;; the JavaScript kernel's (bootstrap-walk.spec.ts). Compiled to bootstrap-walk-binary.ts by
;; `npm run build-wasm` (tools/wasm), which `npm test` checks first.
;;
;; Memory (byte offsets from the caller):
;;   cum:       per cumulative index k, (cumSmall[k], cumLarge[k]) as one f64x2 (16 bytes).
;;   table:     per level l and index k, at table + (l * m + k) * 48: (min), (max), (drop) of
;;              cum[k .. k + 2^l), each an f64x2 (small, large).
;;   segmentOf: per row, its segment (i32); segments: segment bounds in rows (i32).
;;   lengths:   4,096 buckets of the top 12 bits of a 32-bit output: upper (i32) at +0, lower
;;              (i32) at +16384, threshold (f64) at +32768 (see geometric-length-table.ts).
;;   out:       per path, (terminal log wealth) and (deepest log drawdown), each an f64x2.
(module
  (import "env" "memory" (memory 1))
  ;; The inversion formula for a 32-bit output (passed as i32, meant unsigned).
  (import "env" "lengthOf" (func $lengthOf (param i32) (result i32)))

  ;; murmur3's 32-bit finaliser (Appleby, 2008), as fmix32 in xoshiro128.ts.
  (func $fmix (param $h i32) (result i32)
    (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
    (local.set $h (i32.mul (local.get $h) (i32.const 0x85ebca6b)))
    (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))))
    (local.set $h (i32.mul (local.get $h) (i32.const 0xc2b2ae35)))
    (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))

  (func (export "paths")
    (param $first i64) (param $count i32) (param $seed i64) (param $horizon i32) (param $rows i32)
    (param $stationary i32) (param $fixed i32) (param $lengths i32)
    (param $segmentOf i32) (param $segments i32) (param $cum i32) (param $table i32)
    (param $m i32) (param $top i32) (param $out i32)
    (local $j i32) (local $index i64) (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $r i32) (local $t i32)
    (local $hi i32) (local $u i32) (local $i i32) (local $len i32) (local $step i32)
    (local $seg i32) (local $segLo i32) (local $segHi i32) (local $run i32) (local $base i32)
    (local $rem i32) (local $k i32) (local $l i32) (local $e i32)
    (local $w v128) (local $peak v128) (local $dd v128) (local $o v128) (local $dm v128)
    (block $done
      (loop $path
        (br_if $done (i32.ge_u (local.get $j) (local.get $count)))
        ;; reseedInto(seed, index): the words of seed and index, three rounds of fmix32 mixing.
        (local.set $index (i64.add (local.get $first) (i64.extend_i32_u (local.get $j))))
        (local.set $a (i32.wrap_i64 (local.get $seed)))
        (local.set $b (i32.wrap_i64 (i64.shr_u (local.get $seed) (i64.const 32))))
        (local.set $c (i32.wrap_i64 (local.get $index)))
        (local.set $d (i32.wrap_i64 (i64.shr_u (local.get $index) (i64.const 32))))
        ;; round 1 (k = 0x9e3779b9), round 2 (k = 0x3c6ef372), round 3 (k = 0xdaa66d2b)
        (local.set $a (i32.xor (local.get $a) (call $fmix (i32.add (local.get $d) (i32.const 0x9e3779b9)))))
        (local.set $b (i32.xor (local.get $b) (call $fmix (i32.add (i32.add (local.get $a) (i32.const 0x7f4a7c15)) (i32.const 0x9e3779b9)))))
        (local.set $c (i32.xor (local.get $c) (call $fmix (i32.add (i32.add (local.get $b) (i32.const 0x1b873593)) (i32.const 0x9e3779b9)))))
        (local.set $d (i32.xor (local.get $d) (call $fmix (i32.add (i32.add (local.get $c) (i32.const 0x6a09e667)) (i32.const 0x9e3779b9)))))
        (local.set $a (i32.xor (local.get $a) (call $fmix (i32.add (local.get $d) (i32.const 0x3c6ef372)))))
        (local.set $b (i32.xor (local.get $b) (call $fmix (i32.add (i32.add (local.get $a) (i32.const 0x7f4a7c15)) (i32.const 0x3c6ef372)))))
        (local.set $c (i32.xor (local.get $c) (call $fmix (i32.add (i32.add (local.get $b) (i32.const 0x1b873593)) (i32.const 0x3c6ef372)))))
        (local.set $d (i32.xor (local.get $d) (call $fmix (i32.add (i32.add (local.get $c) (i32.const 0x6a09e667)) (i32.const 0x3c6ef372)))))
        (local.set $a (i32.xor (local.get $a) (call $fmix (i32.add (local.get $d) (i32.const 0xdaa66d2b)))))
        (local.set $b (i32.xor (local.get $b) (call $fmix (i32.add (i32.add (local.get $a) (i32.const 0x7f4a7c15)) (i32.const 0xdaa66d2b)))))
        (local.set $c (i32.xor (local.get $c) (call $fmix (i32.add (i32.add (local.get $b) (i32.const 0x1b873593)) (i32.const 0xdaa66d2b)))))
        (local.set $d (i32.xor (local.get $d) (call $fmix (i32.add (i32.add (local.get $c) (i32.const 0x6a09e667)) (i32.const 0xdaa66d2b)))))
        ;; The all-zero state (at most one input reaches it) becomes a fixed other one.
        (if (i32.eqz (i32.or (i32.or (local.get $a) (local.get $b)) (i32.or (local.get $c) (local.get $d))))
          (then (local.set $a (i32.const 0x9e3779b9))))
        (local.set $s0 (local.get $a))
        (local.set $s1 (local.get $b))
        (local.set $s2 (local.get $c))
        (local.set $s3 (local.get $d))
        ;; W_0 = 1: log wealth 0, the first peak, no drawdown yet.
        (local.set $w (v128.const f64x2 0 0))
        (local.set $peak (v128.const f64x2 0 0))
        (local.set $dd (v128.const f64x2 0 0))
        (local.set $t (i32.const 0))
        (block $blocksDone
          (loop $block
            (br_if $blocksDone (i32.ge_s (local.get $t) (local.get $horizon)))
            ;; Start: nextFloat() (two outputs, 27 + 26 bits), times the rows, floored.
            ;; xoshiro128** step: r = rotl(s1 * 5, 7) * 9, then the state update.
            (local.set $r (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
            (local.set $step (i32.shl (local.get $s1) (i32.const 9)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
            (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
            (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
            (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $step)))
            (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
            (local.set $hi (i32.shr_u (local.get $r) (i32.const 5)))
            (local.set $r (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
            (local.set $step (i32.shl (local.get $s1) (i32.const 9)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
            (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
            (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
            (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $step)))
            (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
            (local.set $i (i32.trunc_f64_u (f64.floor (f64.mul
              (f64.mul
                (f64.add (f64.mul (f64.convert_i32_u (local.get $hi)) (f64.const 67108864))
                         (f64.convert_i32_u (i32.shr_u (local.get $r) (i32.const 6))))
                (f64.const 0x1p-53))
              (f64.convert_i32_u (local.get $rows))))))
            ;; Length: fixed, or (stationary) one output through the length table.
            (local.set $len (local.get $fixed))
            (if (local.get $stationary)
              (then
                (local.set $u (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
                (local.set $step (i32.shl (local.get $s1) (i32.const 9)))
                (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
                (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
                (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
                (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
                (local.set $s2 (i32.xor (local.get $s2) (local.get $step)))
                (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
                (local.set $e (i32.shl (i32.shr_u (local.get $u) (i32.const 20)) (i32.const 2)))
                (local.set $len
                  (select
                    (i32.load (i32.add (local.get $lengths) (local.get $e)))
                    (i32.load offset=16384 (i32.add (local.get $lengths) (local.get $e)))
                    (f64.lt (f64.convert_i32_u (local.get $u))
                            (f64.load offset=32768 (i32.add (local.get $lengths) (i32.shl (local.get $e) (i32.const 1)))))))
                (if (i32.lt_s (local.get $len) (i32.const 0))
                  (then (local.set $len (call $lengthOf (local.get $u)))))))
            (if (i32.gt_s (local.get $len) (i32.sub (local.get $horizon) (local.get $t)))
              (then (local.set $len (i32.sub (local.get $horizon) (local.get $t)))))
            (local.set $t (i32.add (local.get $t) (local.get $len)))
            ;; The block's runs: to its segment's end, then from the segment's first row.
            (local.set $seg (i32.load (i32.add (local.get $segmentOf) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $segLo (i32.load (i32.add (local.get $segments) (i32.shl (local.get $seg) (i32.const 2)))))
            (local.set $segHi (i32.load offset=4 (i32.add (local.get $segments) (i32.shl (local.get $seg) (i32.const 2)))))
            (block $runsDone
              (loop $run
                (local.set $run (i32.sub (local.get $segHi) (local.get $i)))
                (if (i32.gt_s (local.get $run) (local.get $len)) (then (local.set $run (local.get $len))))
                (local.set $base (i32.add (local.get $i) (local.get $seg)))
                ;; o = w - cum[base]; the log wealth after row k - 1 of the run is o + cum[k].
                (local.set $o (f64x2.sub (local.get $w)
                  (v128.load (i32.add (local.get $cum) (i32.shl (local.get $base) (i32.const 4))))))
                (local.set $w (f64x2.add (local.get $o)
                  (v128.load (i32.add (local.get $cum) (i32.shl (i32.add (local.get $base) (local.get $run)) (i32.const 4))))))
                (local.set $k (i32.add (local.get $base) (i32.const 1)))
                (local.set $rem (local.get $run))
                ;; Dyadic pieces, largest first: l = min(floor(log2 rem), top).
                (loop $piece
                  (local.set $l (i32.sub (i32.const 31) (i32.clz (local.get $rem))))
                  (local.set $l (select (local.get $top) (local.get $l) (i32.gt_s (local.get $l) (local.get $top))))
                  (local.set $e (i32.add (local.get $table)
                    (i32.mul (i32.add (i32.mul (local.get $l) (local.get $m)) (local.get $k)) (i32.const 48))))
                  ;; dd = pmin(pmin(dd, (o + min) - peak), drop); peak = pmax(peak, o + max)
                  (local.set $dm (f64x2.pmin (local.get $dd)
                    (f64x2.sub (f64x2.add (local.get $o) (v128.load (local.get $e))) (local.get $peak))))
                  (local.set $dd (f64x2.pmin (local.get $dm) (v128.load offset=32 (local.get $e))))
                  (local.set $peak (f64x2.pmax (local.get $peak)
                    (f64x2.add (local.get $o) (v128.load offset=16 (local.get $e)))))
                  (local.set $k (i32.add (local.get $k) (i32.shl (i32.const 1) (local.get $l))))
                  (local.set $rem (i32.sub (local.get $rem) (i32.shl (i32.const 1) (local.get $l))))
                  (br_if $piece (i32.gt_s (local.get $rem) (i32.const 0))))
                (local.set $len (i32.sub (local.get $len) (local.get $run)))
                (br_if $runsDone (i32.eqz (local.get $len)))
                (local.set $i (local.get $segLo))
                (br $run)))
            (br $block)))
        (v128.store (local.get $out) (local.get $w))
        (v128.store offset=16 (local.get $out) (local.get $dd))
        (local.set $out (i32.add (local.get $out) (i32.const 32)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $path)))))
