"""Peak memory and time of loading crafted checkpoints: what one upload or one server-folder model can
cost the server before it is refused (or once it is loaded).

    python tests/load_memory.py              # the cases below, each in a fresh process
    PYTHONPATH=/path/to/old/checkout python tests/load_memory.py   # the same against another version

Cases (built from the bundled model's files in a temp folder):

- ``upload claims 373M``: the app's upload path (``checkpoint.unpack`` then ``explainer.load``) on a zip
  whose config.json claims ≈ 373 M parameters (under the 400 M cap) but whose weights are the small
  bundled ones;
- ``folder 373M, real weights``: a server-folder checkpoint (``explainer.load``) whose weights file
  really holds ≈ 373 M fp32 parameters (1.5 GB of zeros);
- ``folder 88M, real weights``: the same for ≈ 88 M parameters (within the default budget: it loads);
- ``bundled``: the bundled model.

Each row: the outcome, the seconds the load took, the process's peak resident memory above what it
held before the load (``ru_maxrss``), the peak itself. Not a test: a measurement, printed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "assets" / "model"

CHILD = r"""
import io, resource, sys, time, zipfile
from pathlib import Path
import explainer
from explainer import checkpoint as ckpt
kind, src = sys.argv[1], Path(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
try:
    if kind == "zip":
        dest = src.parent / "unpacked"
        ckpt.unpack(src.read_bytes(), dest, src.name)
        lm = explainer.load(dest)
    else:
        lm = explainer.load(src)
    outcome = f"loaded, {lm.model.n_params():,} weights"
except Exception as e:
    outcome = f"refused: {type(e).__name__}: {str(e)[:150]}"
dt = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{dt:.2f}\t{(peak - before) / 1024:.0f}\t{peak / 1024:.0f}\t{outcome}")
"""


def _config(n_layer: int, d_model: int, n_ctx: int) -> dict:
    raw = json.loads((BUNDLED / "config.json").read_text())
    raw["model"].update(n_layer=n_layer, d_model=d_model, d_mlp=4 * d_model, n_head=16, n_ctx=n_ctx)
    return raw


def _copy_bundled(dest: Path) -> Path:
    shutil.copytree(BUNDLED, dest, ignore=shutil.ignore_patterns("snapshots", "*vectors*", "word2vec*",
                                                                  "timeline.json", "scorecard.json"))
    return dest


def _zero_weights(path: Path, cfg: dict) -> None:
    """A safetensors file holding every weight of ``cfg`` as fp32 zeros, written as a sparse file
    (the header, then a hole): no memory is spent making it."""
    sys.path.insert(0, str(ROOT))
    from explainer.model import GPTConfig
    shapes = GPTConfig.from_dict(cfg["model"]).weight_shapes()
    header, off = {}, 0
    for name, shape in shapes.items():
        n = 4
        for x in shape:
            n *= x
        header[name] = {"dtype": "F32", "shape": list(shape), "data_offsets": [off, off + n]}
        off += n
    head = json.dumps(header).encode()
    head += b" " * (-len(head) % 8)
    with open(path, "wb") as f:
        f.write(len(head).to_bytes(8, "little"))
        f.write(head)
        f.truncate(8 + len(head) + off)


def cases(tmp: Path) -> list[tuple[str, str, Path]]:
    import zipfile
    out = []
    up = _copy_bundled(tmp / "upload")
    (up / "config.json").write_text(json.dumps(_config(29, 1024, 3424)))
    zpath = tmp / "zip" / "claims_373M.zip"
    zpath.parent.mkdir()
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as z:
        for p in up.iterdir():
            if p.is_file():
                z.write(p, p.name)
    out.append(("upload claims 373M", "zip", zpath))
    for label, (layers, d, ctx) in [("folder 373M, real weights", (29, 1024, 3424)),
                                    ("folder 88M, real weights", (12, 768, 1024))]:
        f = _copy_bundled(tmp / label.split(",")[0].replace(" ", "_"))
        cfg = _config(layers, d, ctx)
        (f / "config.json").write_text(json.dumps(cfg))
        _zero_weights(f / "model.safetensors", cfg)
        out.append((label, "folder", f))
    out.append(("bundled", "folder", BUNDLED))
    return out


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        print("case\tseconds\tpeak above start (MB)\tpeak RSS (MB)\toutcome")
        for label, kind, path in cases(Path(tmp)):
            r = subprocess.run([sys.executable, "-c", CHILD, kind, str(path)], capture_output=True, text=True)
            line = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else f"failed: {r.stderr[-300:]}"
            print(f"{label}\t{line}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
