"""Converts a LoRa RFFI dataset HDF5 file into the raw-preamble .npz that `rffp dataset export` reads.

usage: /usr/bin/python3 models/convert_lora_rffi.py INPUT.h5 OUTPUT.npz [--start 0] [--stop N] [--sample-rate-hz 1e6]
"""

import argparse
import sys

import rffp_data


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--start", type=int, default=0, help="first packet")
    parser.add_argument("--stop", type=int, default=None, help="one past the last packet")
    parser.add_argument("--sample-rate-hz", type=float, default=1e6, help="capture rate (the public dataset: 1e6)")
    args = parser.parse_args(argv)
    iq, numbers = rffp_data.read_lora_rffi_h5(args.input, args.start, args.stop)
    rffp_data.write_iq_npz(args.output, iq, numbers, args.sample_rate_hz)
    print(f"converted {iq.shape[0]} packets of {iq.shape[1]} samples from {len(set(numbers.tolist()))} devices")
    return 0


if __name__ == "__main__":
    sys.exit(main())
