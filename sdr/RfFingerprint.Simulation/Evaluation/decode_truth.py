"""How well the receiver decodes a simulated population, burst by burst, against the simulator's ground truth.

Usage: python3 decode_truth.py DIR [--all]
DIR holds devNN.sigmf-meta/-data written by `rffp simulate`. Each recording is decoded with `rffp decode --jsonl`
(the command is taken from $RFFP, default `rffp`, split on spaces, e.g. RFFP="dotnet path/to/rffp.dll"); every
`lora` annotation is matched to the burst starting within half an SF7 symbol (512 samples at 1 MS/s) of it.
A burst counts as good when its CRC is OK and its payload equals rffp:phy_payload; a whole-bin slip is a CFO error
(against rffp:true_cfo_hz) over half a bin (488 Hz at 125 kHz, SF7). Prints the bursts that are not good or slipped
(all of them with --all), then one summary line: total, good, slips, missing.
"""
import glob
import json
import os
import subprocess
import sys

HALF_BIN_HZ = 125_000 / 128 / 2
MATCH_SAMPLES = 512


def main(directory, show_all):
    rffp = os.environ.get("RFFP", "rffp").split()
    total = good_count = slips = missing = 0
    for meta in sorted(glob.glob(os.path.join(directory, "dev*.sigmf-meta"))):
        annotations = [a for a in json.load(open(meta))["annotations"] if a.get("core:label") == "lora"]
        output = subprocess.run(rffp + ["decode", meta, "--jsonl"], capture_output=True, text=True, check=True).stdout
        bursts = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
        name = os.path.basename(meta)
        for annotation in annotations:
            total += 1
            start = annotation["core:sample_start"]
            matches = [b for b in bursts if abs(b["sample_start"] - start) < MATCH_SAMPLES]
            if not matches:
                missing += 1
                print(name, "missing", start)
                continue
            burst = matches[0]
            error_hz = burst["cfo_hz"] - annotation["rffp:true_cfo_hz"]
            good = burst.get("crc_ok") is True and (burst.get("payload_hex") or "").upper() == annotation["rffp:phy_payload"].upper()
            slip = abs(error_hz) > HALF_BIN_HZ
            good_count += good
            slips += slip
            if show_all or slip or not good:
                print(name, "start", start, "found", burst["sample_start"], "cfo error %.1f Hz" % error_hz,
                      "snr", burst.get("snr_db"), "header", burst.get("header_ok"), "crc", burst.get("crc_ok"), "good", good)
    print("total", total, "good", good_count, "(%.1f %%)" % (100 * good_count / max(total, 1)), "slips", slips, "missing", missing)


if __name__ == "__main__":
    main(sys.argv[1], "--all" in sys.argv[2:])
