#!/usr/bin/env bash
# Sprite renderer benchmark: fps of java2d (ours, default), java2d-pixels (same rasteriser through
# loadPixels/updatePixels), p2d (atlas pages, QUADS), naive (image() per sprite, default smoothing) and
# naive-nosmooth, in a real 1200x800 window under Xvfb, for n = 1k, 5k, 20k real emoji thumbnails.
#
#   bench/render/run.sh                                  # all renderers, n = 1000 5000 20000
#   bench/render/run.sh --renderers "java2d p2d" --sizes 1000,20000 --seconds 5
#
# Per n two cases: "fit" (the layout fits the window, sprites ~sqrt(1200*800/n)*0.8 px) and "zoomed"
# (zoomed in around the centre until sprites are 24 px: many are culled). Every frame pans slightly.
# fps = frames / time over --seconds after --warmup seconds; frames include Processing's blit to the
# window. The CPU (2 cores) is shared with other jobs: numbers are noisy, compare ratios of one run.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
RENDERERS="java2d java2d-pixels p2d naive naive-nosmooth"; SIZES="1000,5000,20000"; SECONDS_=3; WARMUP=1.5
while [ $# -gt 0 ]; do
  case "$1" in
    --renderers) RENDERERS="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --seconds) SECONDS_="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
IMAGES="$ROOT/../shared/images/noto-emoji-64"
[ -d "$IMAGES" ] || IMAGES=/work/shared/images/noto-emoji-64
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "needs a display or xvfb-run (apt-get install xvfb xauth libgl1-mesa-dri libglx-mesa0)" >&2; exit 1; }
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" --renderers "$RENDERERS" --sizes "$SIZES" --seconds "$SECONDS_" --warmup "$WARMUP"
fi
mvn -q -o test-compile
WORK=target/render-bench; mkdir -p "$WORK"
CPFILE="$WORK/classpath.txt"
[ -s "$CPFILE" ] || mvn -q -o dependency:build-classpath -Dmdep.outputFile="$CPFILE" >/dev/null
# snapshot the compiled classes so a rebuild during the run does not change what is measured
rm -rf "$WORK/classes" "$WORK/test-classes"; cp -r target/classes target/test-classes "$WORK/"
CP="$WORK/test-classes:$WORK/classes:$(cat "$CPFILE")"
OUT="$WORK/results.txt"; : > "$OUT"
for r in $RENDERERS; do
  echo "== $r" >&2
  java -Xmx4g -cp "$CP" imagetsne.bench.RenderBenchmark run "$r" --sizes "$SIZES" --seconds "$SECONDS_" \
       --warmup "$WARMUP" --images "$IMAGES" | tee -a "$OUT" >&2
done
echo "CPU: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); Xvfb + $(glxinfo -B 2>/dev/null | grep -m1 'renderer string' | sed 's/.*: //' || echo 'Mesa')"
java -cp "$CP" imagetsne.bench.RenderBenchmark table "$OUT"
