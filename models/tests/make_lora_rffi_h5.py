"""Writes a small HDF5 file in the public LoRa RFFI dataset's layout, with values a test can predict.

Packet p has I[n] = p + n / 8192 and Q[n] = -p - n / 8192; labels cycle through the given 1-based device numbers.
usage: make_lora_rffi_h5.py OUTPUT.h5 PACKETS DEVICE_NUMBER...
"""

import sys

import h5py
import numpy as np


def make(path, packets, devices):
    n = np.arange(8192) / 8192.0
    data = np.zeros((packets, 16384), dtype=np.float64)
    for p in range(packets):
        data[p, :8192] = p + n
        data[p, 8192:] = -p - n
    label = np.array([[devices[p % len(devices)] for p in range(packets)]], dtype=np.float64)  # 1 x N row vector
    with h5py.File(path, "w") as f:
        f.create_dataset("data", data=data)
        f.create_dataset("label", data=label)


if __name__ == "__main__":
    make(sys.argv[1], int(sys.argv[2]), [int(d) for d in sys.argv[3:]])
