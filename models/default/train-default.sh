#!/usr/bin/env bash
# Reproduces models/default/extractor.onnx: a day-1 (cold start) population of 60 simulated devices that the demo
# never uses (population seed 1000; the bundled captures use seed 1), exported through the serving receiver and
# feature code, then trained with models/train.py (seed 1, one torch thread, global-average pooling). Wall time on this
# machine class: about 5 minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
work=${1:-/tmp/rffp-train-default}
rffp=(dotnet run --project src/RfFingerprint.Cli -c Release --)
"${rffp[@]}" simulate --devices 60 --bursts-per-device 40 --seed 1000 --session 1 --snr-db 25 --snr-spread-db 10 \
  --minutes-since-power-on 0 --datatype ci16_le --out "$work/day1"
"${rffp[@]}" dataset export --captures "$work/day1" --out "$work/day1.npz"
"${rffp[@]}" train --data "$work/day1.npz" --kind extractor --out models/default/extractor.onnx --epochs 30 --seed 1 \
  -- --pool gap --threads 1
