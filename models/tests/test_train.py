"""Training script tests on a tiny synthetic dataset (run: /usr/bin/python3 -m unittest discover -s models/tests)."""

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import torch

MODELS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, MODELS)

import rffp_model  # noqa: E402
import synthetic_dataset  # noqa: E402

TINY = ["--epochs", "2", "--batch-size", "16", "--widths", "4,4,8", "--embedding-dim", "8", "--seed", "3"]


def run_train(data, out, kind, extra=()):
    cmd = [sys.executable, os.path.join(MODELS, "train.py"), "--data", data, "--kind", kind, "--out", out, *TINY, *extra]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


class TrainScriptTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.data = os.path.join(cls.dir.name, "syn.npz")
        synthetic_dataset.main([cls.data, "--devices", "3", "--bursts", "12"])
        cls.ext = os.path.join(cls.dir.name, "ext.onnx")
        cls.ext_stdout = run_train(cls.data, cls.ext, "extractor")
        cls.cls = os.path.join(cls.dir.name, "cls.onnx")
        cls.cls_stdout = run_train(cls.data, cls.cls, "classifier")

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_progress_lines_are_parseable(self):
        lines = self.ext_stdout.strip().splitlines()
        self.assertRegex(lines[0], r"^model kind=extractor params=\d+ macs=\d+ input=1x32x31 output=8 ")
        epochs = [l for l in lines if l.startswith("epoch ")]
        self.assertEqual(len(epochs), 2)
        self.assertRegex(epochs[1], r"^epoch 2/2 loss=[0-9.]+ train_acc=[0-9.]+ val_acc=[0-9.]+$")
        self.assertTrue(lines[-1].startswith("done model="))

    def test_onnx_metadata_carries_preprocessing_kind_and_classes(self):
        import onnx

        props = {p.key: p.value for p in onnx.load(self.ext).metadata_props}
        self.assertEqual(json.loads(props["rffp.preprocessing"])["fft_size"], 64)
        self.assertEqual(props["rffp.kind"], "extractor")
        self.assertEqual(json.loads(props["rffp.classes"]), ["dev0", "dev1", "dev2"])
        self.assertEqual(props["rffp.output"], "embedding")

    def test_onnx_input_has_a_dynamic_batch(self):
        import onnx

        graph = onnx.load(self.cls).graph
        dims = graph.input[0].type.tensor_type.shape.dim
        self.assertEqual(graph.input[0].name, "features")
        self.assertEqual(dims[0].dim_param, "batch")
        self.assertEqual([d.dim_value for d in dims[1:]], [1, 32, 31])
        self.assertEqual(graph.output[0].name, "probabilities")

    def test_card_records_data_hash_seed_and_metrics(self):
        with open(os.path.splitext(self.cls)[0] + ".card.json", encoding="utf-8") as f:
            card = json.load(f)
        with open(self.data, "rb") as f:
            data_hash = hashlib.sha256(f.read()).hexdigest()
        self.assertEqual(card["training_data"]["sha256"], data_hash)
        self.assertEqual(card["kind"], "classifier")
        self.assertEqual(card["seed"], 3)
        self.assertEqual(card["input_shape"], [-1, 1, 32, 31])
        self.assertIn("val_accuracy", card["metrics"])
        self.assertIn("train.py", card["command_line"])
        self.assertGreater(card["architecture"]["params"], 0)

    def test_same_seed_gives_the_same_model_bytes(self):
        again = os.path.join(self.dir.name, "ext-again.onnx")
        run_train(self.data, again, "extractor")
        with open(self.ext, "rb") as a, open(again, "rb") as b:
            self.assertEqual(hashlib.sha256(a.read()).digest(), hashlib.sha256(b.read()).digest())

    def test_reference_outputs_are_unit_embeddings(self):
        with np.load(os.path.splitext(self.ext)[0] + ".reference.npz", allow_pickle=False) as z:
            norms = np.linalg.norm(z["outputs"], axis=1)
            self.assertEqual(z["inputs"].shape[1:], (1, 32, 31))
        np.testing.assert_allclose(norms, 1.0, atol=1e-5)


class LossTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.labels = torch.tensor([0, 0, 1, 1])

    def separated(self):
        return torch.nn.functional.normalize(torch.tensor([[1.0, 0.01], [1.0, -0.01], [-1.0, 0.01], [-1.0, -0.01]]), dim=1)

    def mixed(self):
        return torch.nn.functional.normalize(torch.tensor([[1.0, 0.01], [-1.0, -0.01], [-1.0, 0.01], [1.0, -0.01]]), dim=1)

    def test_supcon_prefers_separated_classes(self):
        good = rffp_model.supervised_contrastive_loss(self.separated(), self.labels)
        bad = rffp_model.supervised_contrastive_loss(self.mixed(), self.labels)
        self.assertLess(float(good), float(bad))

    def test_triplet_is_zero_when_classes_are_far_apart(self):
        self.assertEqual(float(rffp_model.batch_hard_triplet_loss(self.separated(), self.labels, 0.2)), 0.0)
        self.assertGreater(float(rffp_model.batch_hard_triplet_loss(self.mixed(), self.labels, 0.2)), 0.0)


if __name__ == "__main__":
    unittest.main()


class PoolingTest(unittest.TestCase):
    def test_gap_keeps_only_the_conv_widths_in_the_dense_layer(self):
        flat = rffp_model.FingerprintNet(32, 31, "extractor", 3, (4, 4, 8), 8, pool="flatten")
        gap = rffp_model.FingerprintNet(32, 31, "extractor", 3, (4, 4, 8), 8, pool="gap")
        self.assertEqual(gap.embed.in_features, 8)
        self.assertLess(sum(p.numel() for p in gap.parameters()), sum(p.numel() for p in flat.parameters()))

    def test_every_pool_gives_unit_embeddings_of_the_same_shape(self):
        x = torch.randn(5, 1, 32, 31)
        for pool in rffp_model.FingerprintNet.POOLS:
            model = rffp_model.FingerprintNet(32, 31, "extractor", 3, (4, 4, 8), 8, pool=pool, dropout=0.2).eval()
            with torch.no_grad():
                z = model(x)
            self.assertEqual(tuple(z.shape), (5, 8), pool)
            torch.testing.assert_close(z.norm(dim=1), torch.ones(5))

    def test_unknown_pool_is_refused(self):
        with self.assertRaisesRegex(ValueError, "pool"):
            rffp_model.FingerprintNet(32, 31, "extractor", 3, pool="max")

    def test_card_records_pool_and_dropout(self):
        with tempfile.TemporaryDirectory() as d:
            data = os.path.join(d, "syn.npz")
            synthetic_dataset.main([data, "--devices", "3", "--bursts", "6"])
            out = os.path.join(d, "gap.onnx")
            run_train(data, out, "extractor", ["--pool", "gap", "--dropout", "0.1", "--epochs", "1"])
            with open(os.path.splitext(out)[0] + ".card.json", encoding="utf-8") as f:
                arch = json.load(f)["architecture"]
        self.assertEqual((arch["pool"], arch["dropout"]), ("gap", 0.1))


class WeightAveragingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.data = os.path.join(cls.dir.name, "syn.npz")
        synthetic_dataset.main([cls.data, "--devices", "3", "--bursts", "8"])
        cls.out = os.path.join(cls.dir.name, "swa.onnx")
        cls.stdout = run_train(cls.data, cls.out, "extractor", ["--epochs", "3", "--swa-start", "2"])

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_reports_the_averaged_epochs_instead_of_a_best_epoch(self):
        last = self.stdout.strip().splitlines()[-1]
        self.assertRegex(last, r"^done model=.* val_acc=[0-9.]+ averaged_epochs=2\.\.3$")
        with open(os.path.splitext(self.out)[0] + ".card.json", encoding="utf-8") as f:
            card = json.load(f)
        self.assertEqual((card["metrics"]["averaged_from_epoch"], card["metrics"]["averaged_to_epoch"]), (2, 3))
        self.assertEqual(card["hyperparameters"]["swa_start"], 2)

    def test_averaged_model_is_deterministic(self):
        again = os.path.join(self.dir.name, "swa-again.onnx")
        run_train(self.data, again, "extractor", ["--epochs", "3", "--swa-start", "2"])
        with open(self.out, "rb") as a, open(again, "rb") as b:
            self.assertEqual(hashlib.sha256(a.read()).digest(), hashlib.sha256(b.read()).digest())

    def test_recomputed_batchnorm_statistics_are_the_plain_average(self):
        import train

        model = torch.nn.Sequential(torch.nn.BatchNorm1d(2))
        x = np.array([[1.0, 10.0], [3.0, 20.0], [5.0, 30.0], [7.0, 40.0], [9.0, 50.0], [11.0, 60.0]], dtype=np.float32)
        train.recompute_batchnorm(model, x, batch=4)  # batches of 4 and 2: the mean must weigh them by size
        np.testing.assert_allclose(model[0].running_mean.numpy(), [6.0, 35.0], rtol=1e-6)
        self.assertEqual(model[0].momentum, 0.1)
        self.assertFalse(model.training)

    def test_start_after_the_last_epoch_is_refused(self):
        with self.assertRaises(subprocess.CalledProcessError) as caught:
            run_train(self.data, os.path.join(self.dir.name, "bad.onnx"), "extractor", ["--epochs", "2", "--swa-start", "3"])
        self.assertIn("--swa-start", caught.exception.stderr)
