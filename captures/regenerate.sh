#!/usr/bin/env bash
# Regenerates the bundled demo recordings with the simulator (seeded: the same simulator gives the same files).
# Population seed 1 is not the population the shipped model was trained on (seed 1000), so the demo enrols
# devices the model has never seen. Payloads and gaps are kept short so the whole folder stays under 20 MB.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rffp=(dotnet run --project src/RfFingerprint.Cli -c Release --)
common=(--seed 1 --snr-db 30 --datatype ci16_le --payload-bytes 1-2 --gap-ms 2-4)

rm -rf captures/enrol captures/traffic.sigmf-meta captures/traffic.sigmf-data
# Day 1: ten devices, seven bursts each, just after power-on.
"${rffp[@]}" simulate --devices 10 --bursts-per-device 7 --session 1 --minutes-since-power-on 0 "${common[@]}" --out captures/enrol
# Day 2, warmed up: two rounds of the ten enrolled devices and dev10 (never enrolled: the rogue), then dev03 sending
# one frame with dev05's DevAddr (the spoof).
"${rffp[@]}" simulate traffic --enrolled 0-9 --rogue 10 --spoofer 3 --victim 5 --bursts-per-device 2 --session 2 \
  --minutes-since-power-on 20 "${common[@]}" --out captures --name traffic
du -sh captures
