#!/usr/bin/env python3
"""Build the tiny ONNX models that the RfFingerprint.OnnxRuntime tests run.

The model is deliberately small (a few KB) but uses the same operator families as
the fingerprinting CNN: Conv1d -> ReLU -> Flatten -> Linear (exported as Conv,
Relu, Flatten, Gemm), with a dynamic batch dimension named "N". Its custom
metadata map carries key/value strings the way the fingerprinting model carries
its preprocessing parameters, so the binding's metadata reader is tested on real
ONNX metadata_props.

A second, even smaller model has two inputs and two outputs (one float, one int64)
to exercise named multi-input runs and the rejection of non-float outputs.

Everything is seeded, so re-running the script reproduces the committed files
byte for byte. The expected outputs are computed by PyTorch at export time: the
tests therefore compare ONNX Runtime against an independent implementation.

Run with Debian's interpreter (python3-torch, python3-onnx):
    /usr/bin/python3 models/tools/make_test_model.py
CI does not run this script; it uses the committed outputs in models/testdata/.
"""

import hashlib
import json
import os
import sys

import numpy as np
import onnx
import torch

SEED = 20240521
CHANNELS = 2          # I and Q
SAMPLES = 32          # samples per example
FILTERS = 4
KERNEL = 5
CLASSES = 3
OPSET = 13
MODEL_VERSION = 7

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testdata")
MODEL_PATH = os.path.join(OUT_DIR, "tiny_conv_gemm.onnx")
EXPECTED_PATH = os.path.join(OUT_DIR, "tiny_conv_gemm.expected.json")
TWO_IO_MODEL_PATH = os.path.join(OUT_DIR, "tiny_two_io.onnx")
TWO_IO_EXPECTED_PATH = os.path.join(OUT_DIR, "tiny_two_io.expected.json")
TWO_IO_WIDTH = 4

CUSTOM_METADATA = {
    "rffp.kind": "test-model",
    "rffp.input_layout": "N,channel(I/Q),sample",
    "rffp.samples": str(SAMPLES),
    "rffp.note": "tiny test model; not a fingerprinting model",
}


class TinyConvGemm(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv1d(CHANNELS, FILTERS, KERNEL)
        self.relu = torch.nn.ReLU()
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(FILTERS * (SAMPLES - KERNEL + 1), CLASSES)

    def forward(self, iq):
        return self.fc(self.flatten(self.relu(self.conv(iq))))


class TinyTwoInOut(torch.nn.Module):
    """sum = a + 2 b (float); index = argmax(sum, dim 1) (int64)."""

    def forward(self, a, b):
        total = a + 2.0 * b
        return total, torch.argmax(total, dim=1)


def export_two_io():
    model = TinyTwoInOut().eval()
    example = (torch.randn(2, TWO_IO_WIDTH), torch.randn(2, TWO_IO_WIDTH))
    torch.onnx.export(
        model,
        example,
        TWO_IO_MODEL_PATH,
        input_names=["a", "b"],
        output_names=["sum", "index"],
        dynamic_axes={"a": {0: "N"}, "b": {0: "N"}, "sum": {0: "N"}, "index": {0: "N"}},
        opset_version=OPSET,
    )
    proto = onnx.load(TWO_IO_MODEL_PATH)
    proto.producer_name = "rffp-make-test-model"
    proto.producer_version = torch.__version__
    onnx.checker.check_model(proto)
    onnx.save(proto, TWO_IO_MODEL_PATH)

    a = torch.randn(3, TWO_IO_WIDTH)
    b = torch.randn(3, TWO_IO_WIDTH)
    with torch.no_grad():
        total, index = model(a, b)
    with open(TWO_IO_MODEL_PATH, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    expected = {
        "model": os.path.basename(TWO_IO_MODEL_PATH),
        "model_sha256": sha,
        "generator": "models/tools/make_test_model.py",
        "seed": SEED,
        "shape": list(a.shape),
        "a": as_float_list(a),
        "b": as_float_list(b),
        "sum": as_float_list(total),
        "index": [int(v) for v in index],
    }
    with open(TWO_IO_EXPECTED_PATH, "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(f"wrote {TWO_IO_MODEL_PATH} ({os.path.getsize(TWO_IO_MODEL_PATH)} bytes, sha256 {sha})")


def as_float_list(tensor):
    # float32 -> Python float is exact, and repr() round-trips, so C# reads back the same float32.
    return [float(v) for v in tensor.detach().numpy().astype(np.float32).ravel()]


def main():
    torch.manual_seed(SEED)
    np.random.seed(SEED)
    model = TinyConvGemm().eval()

    example = torch.randn(2, CHANNELS, SAMPLES)
    os.makedirs(OUT_DIR, exist_ok=True)
    torch.onnx.export(
        model,
        example,
        MODEL_PATH,
        input_names=["iq"],
        output_names=["logits"],
        dynamic_axes={"iq": {0: "N"}, "logits": {0: "N"}},
        opset_version=OPSET,
        do_constant_folding=True,
    )

    proto = onnx.load(MODEL_PATH)
    proto.producer_name = "rffp-make-test-model"
    proto.producer_version = torch.__version__
    proto.model_version = MODEL_VERSION
    proto.domain = "rffp.test"
    proto.doc_string = "Conv1d-ReLU-Gemm test model for the ONNX Runtime binding"
    proto.graph.doc_string = "tiny graph"
    del proto.metadata_props[:]
    for key in sorted(CUSTOM_METADATA):
        entry = proto.metadata_props.add()
        entry.key = key
        entry.value = CUSTOM_METADATA[key]
    onnx.checker.check_model(proto)
    onnx.save(proto, MODEL_PATH)

    cases = []
    for name, batch in (("single", 1), ("batch5", 5)):
        x = torch.randn(batch, CHANNELS, SAMPLES)
        with torch.no_grad():
            y = model(x)
        cases.append({
            "name": name,
            "input_shape": list(x.shape),
            "input": as_float_list(x),
            "output_shape": list(y.shape),
            "output": as_float_list(y),
        })

    with open(MODEL_PATH, "rb") as f:
        model_sha256 = hashlib.sha256(f.read()).hexdigest()
    expected = {
        "model": os.path.basename(MODEL_PATH),
        "model_sha256": model_sha256,
        "generator": "models/tools/make_test_model.py",
        "seed": SEED,
        "torch_version": torch.__version__,
        "onnx_version": onnx.__version__,
        "opset": OPSET,
        "input_name": "iq",
        "output_name": "logits",
        "model_version": MODEL_VERSION,
        "producer_name": proto.producer_name,
        "graph_name": proto.graph.name,
        "domain": proto.domain,
        "description": proto.doc_string,
        "graph_description": proto.graph.doc_string,
        "custom_metadata": CUSTOM_METADATA,
        "cases": cases,
    }
    with open(EXPECTED_PATH, "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(f"wrote {MODEL_PATH} ({os.path.getsize(MODEL_PATH)} bytes, sha256 {model_sha256})")
    print(f"wrote {EXPECTED_PATH}")
    export_two_io()
    return 0


if __name__ == "__main__":
    sys.exit(main())
