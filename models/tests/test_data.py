"""Dataset I/O tests (run: /usr/bin/python3 -m unittest discover -s models/tests)."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

MODELS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, MODELS)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import make_lora_rffi_h5  # noqa: E402
import rffp_data  # noqa: E402


class LoraRffiReaderTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.h5 = os.path.join(self.dir.name, "train.h5")
        make_lora_rffi_h5.make(self.h5, 5, [3, 7])

    def tearDown(self):
        self.dir.cleanup()

    def test_reads_i_then_q_halves_as_complex(self):
        iq, numbers = rffp_data.read_lora_rffi_h5(self.h5)
        self.assertEqual(iq.shape, (5, 8192))
        self.assertEqual(iq.dtype, np.complex64)
        self.assertAlmostEqual(complex(iq[2, 4096]), complex(2.5, -2.5), places=5)

    def test_reads_row_vector_labels_as_device_numbers(self):
        _, numbers = rffp_data.read_lora_rffi_h5(self.h5)
        self.assertEqual(numbers.tolist(), [3, 7, 3, 7, 3])

    def test_reads_a_packet_range(self):
        iq, numbers = rffp_data.read_lora_rffi_h5(self.h5, 1, 3)
        self.assertEqual(iq.shape[0], 2)
        self.assertEqual(numbers.tolist(), [7, 3])

    def test_converter_writes_compact_zero_based_labels(self):
        out = os.path.join(self.dir.name, "iq.npz")
        subprocess.run([sys.executable, os.path.join(MODELS, "convert_lora_rffi.py"), self.h5, out], check=True,
                       stdout=subprocess.DEVNULL)
        with np.load(out, allow_pickle=False) as z:
            self.assertEqual(z["labels"].tolist(), [0, 1, 0, 1, 0])
            self.assertEqual([str(s) for s in z["device_names"]], ["device_03", "device_07"])
            self.assertEqual(float(z["sample_rate_hz"]), 1e6)


class FeatureLoaderTest(unittest.TestCase):
    def test_loads_a_dataset_without_pickles(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "f.npz")
            np.savez(path, features=np.ones((2, 1, 3, 4), np.float32), labels=np.array([0, 1], np.int32),
                     cfo_hz=np.array([1.0, 2.0]), snr_db=np.array([10.0, np.nan]),
                     device_names=np.array(["a", "b"]), preprocessing=np.array(json.dumps({"fft_size": 256})))
            data = rffp_data.load_features(path)
            self.assertEqual(data["features"].shape, (2, 1, 3, 4))
            self.assertEqual(data["device_names"], ["a", "b"])
            self.assertEqual(data["preprocessing"]["fft_size"], 256)
            self.assertEqual(len(data["sha256"]), 64)

    def test_rejects_labels_outside_the_device_list(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "f.npz")
            np.savez(path, features=np.ones((1, 1, 3, 4), np.float32), labels=np.array([2], np.int32),
                     device_names=np.array(["a"]), preprocessing=np.array("{}"))
            with self.assertRaises(ValueError):
                rffp_data.load_features(path)


if __name__ == "__main__":
    unittest.main()
