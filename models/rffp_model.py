"""The light CNN used for RF fingerprints, and the losses that train it.

Input: [N, 1, F, T] features (rows = frequency, columns = time), as the C# SpectrogramExtractor writes them.
Trunk: BatchNorm on the raw input (learns the feature scale), then three 3x3 conv blocks
(conv -> BatchNorm -> ReLU): widths w1, w2, w3 (default 8/16/32); block 1 is followed by a 2x2 max-pool, blocks 2
and 3 use stride 2. Pooling of the last map (pool), then an optional dropout and a dense layer of embedding_dim units:
  'flatten' (default): every time and frequency position keeps its own weights (most parameters sit here);
  'time': the map is averaged over time and the frequency rows are kept (a sweep error shows at fixed frequency
          offsets, whenever it happens in the preamble), far fewer dense weights;
  'gap': global average over time and frequency (smallest dense layer).
Heads: 'extractor' returns the L2-normalised embedding; 'classifier' adds a dense layer over the classes and returns
softmax probabilities.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


def _conv(cin, cout, stride):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


def _trunk_size(bins, frames):
    h, w = bins // 2, frames // 2  # max-pool 2
    for _ in range(2):  # two stride-2 convs, padding 1
        h, w = (h + 1) // 2, (w + 1) // 2
    return h, w


class FingerprintNet(nn.Module):
    POOLS = ("flatten", "time", "gap")

    def __init__(self, bins, frames, kind, num_classes, widths=(8, 16, 32), embedding_dim=64, pool="flatten",
                 dropout=0.0):
        super().__init__()
        if kind not in ("classifier", "extractor"):
            raise ValueError(f"kind must be classifier or extractor, got {kind}")
        if pool not in self.POOLS:
            raise ValueError(f"pool must be one of {self.POOLS}, got {pool}")
        if not 0.0 <= dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {dropout}")
        w1, w2, w3 = widths
        self.kind = kind
        self.input_norm = nn.BatchNorm2d(1)
        self.features = nn.Sequential(_conv(1, w1, 1), nn.MaxPool2d(2), _conv(w1, w2, 2), _conv(w2, w3, 2))
        h, w = _trunk_size(bins, frames)
        self.pool = pool
        self.dropout = nn.Dropout(dropout) if dropout > 0 else nn.Identity()
        pooled = {"flatten": w3 * h * w, "time": w3 * h, "gap": w3}[pool]
        self.embed = nn.Linear(pooled, embedding_dim)
        self.head = nn.Linear(embedding_dim, num_classes) if kind == "classifier" else None

    def embedding(self, x):
        z = self.features(self.input_norm(x))
        if self.pool == "time":
            z = z.mean(dim=3)
        elif self.pool == "gap":
            z = z.mean(dim=(2, 3))
        return self.embed(self.dropout(torch.flatten(z, 1)))

    def logits(self, x):
        return self.head(F.relu(self.embedding(x)))

    def forward(self, x):
        if self.kind == "classifier":
            return torch.softmax(self.logits(x), dim=1)
        return F.normalize(self.embedding(x), p=2.0, dim=1)


def count_macs(model, bins, frames):
    """Multiply-accumulates of one forward pass for one input (convolutions and dense layers)."""
    macs = []

    def conv_hook(m, _, out):
        macs.append(out[0].numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1])

    def linear_hook(m, _, out):
        macs.append(m.in_features * m.out_features)

    hooks = [m.register_forward_hook(conv_hook) for m in model.modules() if isinstance(m, nn.Conv2d)]
    hooks += [m.register_forward_hook(linear_hook) for m in model.modules() if isinstance(m, nn.Linear)]
    was_training = model.training
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 1, bins, frames))
    model.train(was_training)
    for h in hooks:
        h.remove()
    return int(sum(macs))


def supervised_contrastive_loss(z, labels, temperature=0.1):
    """Supervised contrastive loss (Khosla et al. 2020) over L2-normalised embeddings z [B, D].

    loss_i = -1/|P(i)| sum_{p in P(i)} log(exp(z_i.z_p / t) / sum_{a != i} exp(z_i.z_a / t)); anchors without a
    positive in the batch are skipped.
    """
    sim = z @ z.t() / temperature
    b = z.shape[0]
    self_mask = torch.eye(b, dtype=torch.bool, device=z.device)
    sim = sim.masked_fill(self_mask, float("-inf"))
    log_prob = sim - torch.logsumexp(sim, dim=1, keepdim=True)
    positives = (labels[:, None] == labels[None, :]) & ~self_mask
    counts = positives.sum(1)
    has = counts > 0
    if not bool(has.any()):
        return z.sum() * 0
    pos_log_prob = log_prob.masked_fill(~positives, 0).sum(1)
    return -(pos_log_prob[has] / counts[has]).mean()


def batch_hard_triplet_loss(z, labels, margin=0.2):
    """Batch-hard triplet loss (Hermans et al. 2017): for each anchor the farthest positive and the nearest negative,
    Euclidean distance between L2-normalised embeddings, hinge at margin."""
    d = torch.cdist(z, z)
    same = labels[:, None] == labels[None, :]
    eye = torch.eye(z.shape[0], dtype=torch.bool, device=z.device)
    hardest_pos = d.masked_fill(~same | eye, 0).max(1).values
    hardest_neg = d.masked_fill(same, float("inf")).min(1).values
    valid = ((same & ~eye).any(1)) & torch.isfinite(hardest_neg)
    if not bool(valid.any()):
        return z.sum() * 0
    return F.relu(hardest_pos - hardest_neg + margin)[valid].mean()
