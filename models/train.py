"""Trains an RF-fingerprint CNN on a feature dataset (.npz from `rffp dataset export`) and exports it to ONNX.

  /usr/bin/python3 models/train.py --data train.npz --kind extractor --out models/extractor.onnx

kind 'classifier': closed-set softmax over the training devices (the seed paper's scheme).
kind 'extractor': L2-normalised embedding trained with supervised-contrastive (default) or batch-hard triplet loss;
new devices enrol by their embeddings without retraining.

Writes OUT (.onnx, dynamic batch, input 'features' [N, 1, F, T]; output 'probabilities' [N, C] or 'embedding' [N, D])
with metadata_props rffp.preprocessing / rffp.kind / rffp.classes / rffp.model_version / rffp.output, and the model
card OUT without .onnx + '.card.json' (and, unless --reference-count 0, '.reference.npz': a few inputs with
PyTorch's outputs, to check another runtime against). Progress goes to stdout one line per event, 'key=value' pairs:
  model kind=extractor params=... macs=... input=1x102x62 output=64
  epoch 3/20 loss=0.412300 train_acc=0.9100 val_acc=0.8800
  done model=... card=... val_acc=...
Runs on the CPU, deterministically for a given --seed and --threads.
"""

import argparse
import datetime
import hashlib
import json
import os
import shlex
import sys
import warnings

import numpy as np
import torch
import torch.nn.functional as F

import rffp_data
import rffp_model

CARD_FORMAT = "rffp-model-card"
CARD_SCHEMA_VERSION = 1


def parse_args(argv):
    p = argparse.ArgumentParser(description="Train and export an RF-fingerprint CNN.")
    p.add_argument("--data", required=True, help="feature dataset .npz")
    p.add_argument("--kind", choices=["classifier", "extractor"], required=True)
    p.add_argument("--out", required=True, help="output .onnx path (the card goes beside it)")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=1, help="torch intra-op threads (fixed for determinism)")
    p.add_argument("--val-fraction", type=float, default=0.15, help="per-device share held out for validation")
    p.add_argument("--widths", default="8,16,32", help="conv filters of the three blocks")
    p.add_argument("--embedding-dim", type=int, default=64)
    p.add_argument("--pool", choices=list(rffp_model.FingerprintNet.POOLS), default="flatten",
                   help="how the last conv map reaches the dense layer (see rffp_model.py)")
    p.add_argument("--dropout", type=float, default=0.0, help="dropout before the dense layer")
    p.add_argument("--loss", choices=["supcon", "triplet"], default="supcon", help="extractor loss")
    p.add_argument("--temperature", type=float, default=0.1, help="supervised-contrastive temperature")
    p.add_argument("--margin", type=float, default=0.2, help="triplet margin")
    p.add_argument("--samples-per-class", type=int, default=4, help="K of the P x K extractor batches")
    p.add_argument("--swa-start", type=int, default=0,
                   help="0: export the epoch with the best validation accuracy; N: export the average of the weights "
                        "after epochs N..EPOCHS (stochastic weight averaging) with BatchNorm statistics recomputed "
                        "over the training bursts")
    p.add_argument("--model-version", default=None, help="default: KIND-<first 12 hex of the weights' sha256>")
    p.add_argument("--opset", type=int, default=13)
    p.add_argument("--reference-count", type=int, default=8,
                   help="bursts whose inputs and PyTorch outputs go to OUT-stem.reference.npz (0: none), "
                        "so the ONNX runtime's results can be checked against PyTorch")
    args = p.parse_args(argv)
    args.widths = tuple(int(w) for w in args.widths.split(","))
    if len(args.widths) != 3:
        p.error("--widths needs three comma-separated integers")
    if args.swa_start < 0 or args.swa_start > args.epochs:
        p.error("--swa-start must be 0 (off) or an epoch 1..EPOCHS")
    return args


def emit(line):
    print(line, flush=True)


def set_determinism(seed, threads):
    torch.manual_seed(seed)
    np.random.seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)


def split(labels, val_fraction, rng):
    """Per-device split: round(val_fraction * n) of each device's bursts (at most n - 1) go to validation."""
    train, val = [], []
    for c in np.unique(labels):
        idx = np.flatnonzero(labels == c)
        idx = idx[rng.permutation(len(idx))]
        k = min(int(round(val_fraction * len(idx))), len(idx) - 1)
        val.extend(idx[:k].tolist())
        train.extend(idx[k:].tolist())
    return np.array(sorted(train), dtype=np.int64), np.array(sorted(val), dtype=np.int64)


def classifier_batches(train_idx, batch_size, rng):
    order = train_idx[rng.permutation(len(train_idx))]
    return [order[i:i + batch_size] for i in range(0, len(order), batch_size)]


def pk_batches(train_idx, labels, batch_size, k, rng):
    """Batches of P devices x K bursts so every anchor has positives; as many batches as a plain epoch."""
    by_class = {int(c): train_idx[labels[train_idx] == c] for c in np.unique(labels[train_idx])}
    classes = np.array(sorted(by_class))
    p = max(2, min(len(classes), batch_size // k))
    batches = []
    for _ in range(max(1, int(np.ceil(len(train_idx) / batch_size)))):
        chosen = classes[rng.permutation(len(classes))[:p]]
        batch = []
        for c in chosen:
            pool = by_class[int(c)]
            batch.extend(pool[rng.choice(len(pool), size=k, replace=len(pool) < k)].tolist())
        batches.append(np.array(batch, dtype=np.int64))
    return batches


def embed_all(model, x, batch=256):
    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, x.shape[0], batch):
            out.append(model(torch.from_numpy(x[i:i + batch])))
    model.train()
    return torch.cat(out) if out else torch.zeros(0)


def recompute_batchnorm(model, x, batch=256):
    """Sets every BatchNorm's running statistics to the average over x of the batch statistics, each batch weighted by
    its size (so the running mean is the plain mean of x), in a fixed order (deterministic): averaged weights need
    statistics of their own, those of the epochs they came from do not fit them."""
    norms = [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    momenta = [m.momentum for m in norms]
    for m in norms:
        m.reset_running_stats()
    model.train()
    with torch.no_grad():
        for i in range(0, x.shape[0], batch):
            for m in norms:
                m.momentum = min(batch, x.shape[0] - i) / (i + min(batch, x.shape[0] - i))
            model(torch.from_numpy(x[i:i + batch]))
    for m, momentum in zip(norms, momenta):
        m.momentum = momentum
    model.eval()


def centroid_accuracy(train_emb, train_labels, val_emb, val_labels, num_classes):
    """Nearest class centroid (cosine) accuracy of validation embeddings."""
    if val_emb.shape[0] == 0:
        return float("nan")
    centroids = torch.stack([train_emb[torch.from_numpy(train_labels == c)].mean(0) for c in range(num_classes)])
    centroids = F.normalize(centroids, dim=1)
    pred = (val_emb @ centroids.t()).argmax(1).numpy()
    return float((pred == val_labels).mean())


def export_onnx(model, bins, frames, path, output_name, opset):
    model.eval()
    dummy = torch.zeros(1, 1, bins, frames)
    with warnings.catch_warnings():
        # torch 1.13 warns about shape inference of constants in F.normalize; the exported shapes are checked below.
        warnings.simplefilter("ignore", UserWarning)
        torch.onnx.export(model, dummy, path, input_names=["features"], output_names=[output_name],
                          dynamic_axes={"features": {0: "batch"}, output_name: {0: "batch"}},
                          opset_version=opset, do_constant_folding=True)


def swa_metrics(model, args, x, labels, train_idx, val_idx, num_classes, last_train_loss):
    """Card metrics of the averaged model (its accuracies measured like an epoch's; the loss is the last epoch's)."""
    if args.kind == "classifier":
        train_acc = float((embed_all(model, x[train_idx]).argmax(1).numpy() == labels[train_idx]).mean())
        val_acc = float((embed_all(model, x[val_idx]).argmax(1).numpy() == labels[val_idx]).mean()) if len(val_idx) else float("nan")
    else:
        train_emb = embed_all(model, x[train_idx])
        train_acc = centroid_accuracy(train_emb, labels[train_idx], train_emb, labels[train_idx], num_classes)
        val_emb = embed_all(model, x[val_idx]) if len(val_idx) else torch.zeros(0, args.embedding_dim)
        val_acc = centroid_accuracy(train_emb, labels[train_idx], val_emb, labels[val_idx], num_classes)
    model.eval()
    emit(f"averaged epochs={args.swa_start}..{args.epochs} train_acc={train_acc:.4f} val_acc={val_acc:.4f}")
    return {"averaged_from_epoch": args.swa_start, "averaged_to_epoch": args.epochs, "train_loss": last_train_loss,
            "train_accuracy": train_acc, "val_accuracy": val_acc}


def main(argv=None):
    args = parse_args(argv)
    set_determinism(args.seed, args.threads)
    data = rffp_data.load_features(args.data)
    x = data["features"]
    labels = data["labels"]
    names = data["device_names"]
    n, _, bins, frames = x.shape
    num_classes = len(names)
    if n == 0 or num_classes < 2:
        raise SystemExit(f"{args.data}: need bursts from at least two devices (have {n} bursts, {num_classes} devices)")
    rng = np.random.RandomState(args.seed)
    train_idx, val_idx = split(labels, args.val_fraction, rng)

    model = rffp_model.FingerprintNet(bins, frames, args.kind, num_classes, args.widths, args.embedding_dim,
                                      args.pool, args.dropout)
    params = sum(p.numel() for p in model.parameters())
    macs = rffp_model.count_macs(model, bins, frames)
    out_dim = num_classes if args.kind == "classifier" else args.embedding_dim
    emit(f"model kind={args.kind} params={params} macs={macs} input=1x{bins}x{frames} output={out_dim} "
         f"train={len(train_idx)} val={len(val_idx)} devices={num_classes}")

    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    averaged = torch.optim.swa_utils.AveragedModel(model) if args.swa_start else None
    xt = torch.from_numpy(x)
    yt = torch.from_numpy(labels)
    best = None
    metrics = {}
    for epoch in range(1, args.epochs + 1):
        model.train()
        if args.kind == "classifier":
            batches = classifier_batches(train_idx, args.batch_size, rng)
        else:
            batches = pk_batches(train_idx, labels, args.batch_size, args.samples_per_class, rng)
        total, correct, seen = 0.0, 0, 0
        for b in batches:
            bt = torch.from_numpy(b)
            xb, yb = xt[bt], yt[bt]
            if xb.shape[0] < 2:
                continue
            optimizer.zero_grad()
            if args.kind == "classifier":
                logits = model.logits(xb)
                loss = F.cross_entropy(logits, yb)
                correct += int((logits.argmax(1) == yb).sum())
            else:
                z = F.normalize(model.embedding(xb), dim=1)
                if args.loss == "supcon":
                    loss = rffp_model.supervised_contrastive_loss(z, yb, args.temperature)
                else:
                    loss = rffp_model.batch_hard_triplet_loss(z, yb, args.margin)
            loss.backward()
            optimizer.step()
            total += float(loss) * xb.shape[0]
            seen += xb.shape[0]
        train_loss = total / max(seen, 1)

        if args.kind == "classifier":
            train_acc = correct / max(seen, 1)
            if len(val_idx):
                probs = embed_all(model, x[val_idx])
                val_acc = float((probs.argmax(1).numpy() == labels[val_idx]).mean())
            else:
                val_acc = float("nan")
        else:
            train_emb = embed_all(model, x[train_idx])
            train_acc = centroid_accuracy(train_emb, labels[train_idx], train_emb, labels[train_idx], num_classes)
            val_emb = embed_all(model, x[val_idx]) if len(val_idx) else torch.zeros(0, args.embedding_dim)
            val_acc = centroid_accuracy(train_emb, labels[train_idx], val_emb, labels[val_idx], num_classes)
        emit(f"epoch {epoch}/{args.epochs} loss={train_loss:.6f} train_acc={train_acc:.4f} val_acc={val_acc:.4f}")
        if averaged is not None:
            if epoch >= args.swa_start:
                averaged.update_parameters(model)
            continue
        # Highest validation accuracy wins; among equals the lower training loss (a later, better-settled epoch).
        score = (val_acc if not np.isnan(val_acc) else train_acc, -train_loss)
        if best is None or score > best[0]:
            best = (score, epoch, {k: v.clone() for k, v in model.state_dict().items()})
            metrics = {"best_epoch": epoch, "train_loss": train_loss, "train_accuracy": train_acc,
                       "val_accuracy": val_acc}

    if averaged is None:
        model.load_state_dict(best[2])
    else:
        model = averaged.module
        recompute_batchnorm(model, x[train_idx])
        metrics = swa_metrics(model, args, x, labels, train_idx, val_idx, num_classes, train_loss)
    model.eval()
    output_name = "probabilities" if args.kind == "classifier" else "embedding"
    out_path = os.path.abspath(args.out)
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    export_onnx(model, bins, frames, out_path, output_name, args.opset)

    import onnx

    proto = onnx.load(out_path)
    weights_hash = hashlib.sha256(proto.SerializeToString()).hexdigest()
    version = args.model_version or f"{args.kind}-{weights_hash[:12]}"
    metadata = {
        "rffp.preprocessing": data["preprocessing_json"],
        "rffp.kind": args.kind,
        "rffp.classes": json.dumps(names),
        "rffp.model_version": version,
        "rffp.output": output_name,
        "rffp.training_data_sha256": data["sha256"],
    }
    for key, value in metadata.items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    proto.producer_name = "rffp-train"
    onnx.checker.check_model(proto)
    onnx.save(proto, out_path)

    stem = os.path.splitext(out_path)[0]
    reference_path = None
    if args.reference_count > 0:
        pick = (val_idx if len(val_idx) else train_idx)[:args.reference_count]
        with torch.no_grad():
            reference_out = model(xt[torch.from_numpy(pick)]).numpy().astype(np.float32)
        reference_path = stem + ".reference.npz"
        with open(reference_path, "wb") as f:
            np.savez(f, inputs=x[pick], outputs=reference_out, labels=labels[pick].astype(np.int32))

    card_path = stem + ".card.json"
    card = {
        "format": CARD_FORMAT,
        "schema_version": CARD_SCHEMA_VERSION,
        "model_version": version,
        "kind": args.kind,
        "onnx_file": os.path.basename(out_path),
        "onnx_sha256": rffp_data.sha256_file(out_path),
        "input_name": "features",
        "input_shape": [-1, 1, int(bins), int(frames)],
        "output_name": output_name,
        "output_dim": int(out_dim),
        "classes": names,
        "preprocessing": data["preprocessing"],
        "training_data": {"path": os.path.basename(args.data), "sha256": data["sha256"], "bursts": int(n),
                          "train_bursts": int(len(train_idx)), "val_bursts": int(len(val_idx)),
                          "devices": num_classes},
        "seed": args.seed,
        "hyperparameters": {"epochs": args.epochs, "batch_size": args.batch_size, "lr": args.lr,
                            "weight_decay": args.weight_decay, "val_fraction": args.val_fraction,
                            "loss": "cross_entropy" if args.kind == "classifier" else args.loss,
                            "temperature": args.temperature, "margin": args.margin,
                            "samples_per_class": args.samples_per_class, "threads": args.threads,
                            "swa_start": args.swa_start},
        "architecture": {"name": "FingerprintNet", "widths": list(args.widths),
                         "embedding_dim": args.embedding_dim, "pool": args.pool, "dropout": args.dropout,
                         "params": int(params), "macs": int(macs),
                         "flops": int(2 * macs), "opset": args.opset},
        "metrics": metrics,
        "reference_file": os.path.basename(reference_path) if reference_path else None,
        "command_line": " ".join(shlex.quote(a) for a in [sys.executable] + sys.argv),
        "torch_version": torch.__version__,
        "created_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    with open(card_path, "w", encoding="utf-8") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    selected = f"best_epoch={metrics['best_epoch']}" if averaged is None else f"averaged_epochs={args.swa_start}..{args.epochs}"
    emit(f"done model={out_path} card={card_path} version={version} val_acc={metrics['val_accuracy']:.4f} {selected}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
