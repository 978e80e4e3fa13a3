#!/usr/bin/env bash
# Reproduces models/default/extractor.onnx. Training population: 600 simulated devices that neither the demo (population
# seed 1) nor `rffp eval` (seed 2000) uses (population seed 1000), seen on two days: session 1 a cold start (12 bursts
# each), session 2 warmed up 45 minutes with other channel draws (6 bursts each). Small payloads and short gaps keep the
# recordings small; only the preamble is fingerprinted. Features are exported through the serving receiver and feature
# code: dechirped STFT (window 128, hop 64, FFT 256, the 32 rows around 0 Hz = +-62.5 kHz), then models/train.py trains
# the global-average-pooled extractor with the supervised-contrastive loss (seed 1, one torch thread, deterministic) and
# exports the average of the weights after epochs 11..20 (--swa-start 11) rather than the epoch with the best validation
# accuracy: the rogue-detection EER of single epochs wanders by about a point from epoch to epoch, the average does not
# depend on which epoch happened to validate best. Wall time, sizes and figures: models/default/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
work=${1:-/tmp/rffp-train-default}
rffp=(dotnet run --project src/RfFingerprint.Cli -c Release --)
common=(--devices 600 --seed 1000 --snr-db 25 --snr-spread-db 10 --datatype ci16_le --payload-bytes 1-4 --gap-ms 2-5)
"${rffp[@]}" simulate "${common[@]}" --session 1 --bursts-per-device 12 --minutes-since-power-on 0 --out "$work/session1"
"${rffp[@]}" simulate "${common[@]}" --session 2 --bursts-per-device 6 --minutes-since-power-on 45 --out "$work/session2"
"${rffp[@]}" dataset export --captures "$work/session1" "$work/session2" --out "$work/train.npz" \
  --feature stft --dechirp --window 128 --hop 64 --fft 256 --crop-start 112 --crop-count 32
"${rffp[@]}" train --data "$work/train.npz" --kind extractor --out models/default/extractor.onnx --epochs 20 --seed 1 \
  -- --pool gap --threads 1 --swa-start 11
