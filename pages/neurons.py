"""Why neural networks work: a curve fitted by a sum of ReLU neurons, then one real neuron of the GPT."""

import pandas as pd
import streamlit as st

from explainer.plots.neurons import activation_figure, fit_figure, size_figure
from explainer.views import neurons
from pages.frame.cache import cached
from pages.frame.charts import chart, figure
from pages.frame.language import t
from pages.frame.links import as_bool, as_choice, as_int, linked
from pages.frame.models import current_model
from pages.frame.page import enter, page_top

enter(__file__)

PROBE_TEXT_BYTES = 60_000          # held-out text the neurons are read on (the model never trained on it)


def _target(name: str, points: tuple):
    """The curve to copy; ``points``: the user's (x, y) pairs as a tuple (hashable, for the caches)."""
    return neurons.target(name, pd.DataFrame(list(points), columns=["x", "y"]) if points else None)


@st.cache_data(max_entries=64, show_spinner=False)
def fit(name: str, points: tuple, n: int, steps: int, relu: bool) -> tuple[dict, dict, tuple]:
    x, y = _target(name, points)
    return neurons.fit_relu(x, y, n, steps, relu), neurons.best_line(x, y), (x, y)


@st.cache_data(max_entries=32, show_spinner=False)
def by_size(name: str, points: tuple, steps: int):
    return neurons.error_by_size(*_target(name, points), steps)


def _probe_text(lm) -> str:
    return neurons.probe_text(lm, PROBE_TEXT_BYTES)


def _pick(lm, layer: int) -> int:
    return neurons.pick_neuron(lm, layer, probe_text())


def _contexts(lm, layer: int, neuron: int):
    return neurons.neuron_contexts(lm, layer, neuron, probe_text())


probe_text = cached(_probe_text, max_entries=4)
pick = cached(_pick, max_entries=16)
contexts = cached(_contexts, max_entries=64)

lm = current_model()
L, D = lm.config.n_layer, lm.config.d_mlp
linked({"neurons.target": as_choice(neurons.TARGETS), "neurons.n": as_int(1, neurons.MAX_NEURONS),
        "neurons.steps": as_int(0, neurons.MAX_STEPS), "neurons.relu": as_bool,
        "neurons.layer": as_int(0, L - 1), "neurons.neuron": as_int(0, D - 1)})
st.session_state.setdefault("neurons.target", "bump")
st.session_state.setdefault("neurons.n", 8)
st.session_state.setdefault("neurons.steps", 2000)
st.session_state.setdefault("neurons.relu", True)
st.session_state.setdefault("neurons.layer", max(0, L - 2))
st.session_state.setdefault("neurons.points", neurons.DEFAULT_POINTS)


def _pick_neuron() -> None:
    st.session_state["neurons.neuron"] = pick(int(st.session_state["neurons.layer"]))


page_top()
st.title(t("neurons.title"))
st.write(t("neurons.lead"))

# ---- 1 · the playground --------------------------------------------------------------------------
st.header(t("neurons.fit.header"))
c1, c2 = st.columns([1, 2])
with c1:
    st.radio(t("neurons.target"), neurons.TARGETS, key="neurons.target", format_func=lambda s: t(f"neurons.target.{s}"))
    st.slider(t("neurons.n"), 1, neurons.MAX_NEURONS, key="neurons.n")
    st.slider(t("neurons.steps"), 0, neurons.MAX_STEPS, step=100, key="neurons.steps", help=t("neurons.steps.help"))
    st.toggle(t("neurons.relu"), key="neurons.relu", help=t("neurons.relu.help"))
    name = st.session_state["neurons.target"]
    points = None
    if name == "points":
        edited = st.data_editor(st.session_state["neurons.points"], num_rows="dynamic", key="neurons.points_editor",
                                hide_index=True, column_config={"x": st.column_config.NumberColumn("x", min_value=-1.0, max_value=1.0),
                                                                "y": st.column_config.NumberColumn("y", min_value=-5.0, max_value=5.0)})
        st.caption(t("neurons.points"))
        try:
            points = neurons.clean_points(edited)
        except ValueError as e:
            st.warning(t("neurons.points.error", err=e))
            points = neurons.DEFAULT_POINTS
n, steps, relu = int(st.session_state["neurons.n"]), int(st.session_state["neurons.steps"]), bool(st.session_state["neurons.relu"])
pts_key = tuple(map(tuple, points[["x", "y"]].to_numpy().tolist())) if points is not None else ()
f, line, (x, y) = fit(name, pts_key, n, steps, relu)
with c2:
    labels = {k: t(f"neurons.legend.{k}") for k in ("target", "sum", "piece", "line", "points")}
    labels.update(x=t("neurons.axis.x"), y=t("neurons.axis.y"))
    chart(fit_figure(x, y, f, labels, line=None if relu else line["pred"], points=points), 
          pd.DataFrame({"x": x, "target": y, "network": f["pred"]}), "fit", key="neurons.chart.fit")
    m1, m2, m3 = st.columns(3)
    m1.metric(t("neurons.m.steps"), f"{f['steps']:,}")
    m2.metric(t("neurons.m.loss"), f"{f['loss']:.4f}")
    m3.metric(t("neurons.m.line"), f"{line['loss']:.4f}")
    st.caption(t("neurons.fit.caption"))
    if not relu:
        st.info(t("neurons.linear.note", fit=f["loss"], line=line["loss"], n=n))

st.subheader(t("neurons.size.header"))
st.caption(t("neurons.size.caption"))
sizes = by_size(name, pts_key, steps)
chart(size_figure(sizes, n, line["loss"], {"relu": t("neurons.legend.relu"), "line": t("neurons.legend.line"),
                                           "x": t("neurons.axis.neurons"), "y": t("neurons.axis.loss")}),
      sizes, "error_by_neurons", key="neurons.chart.size")

# ---- 2 · a real neuron of the GPT --------------------------------------------------------------
st.header(t("neurons.gpt.header"))
st.write(t("neurons.gpt.lead", **neurons.neuron_count(lm)))
a, b = st.columns([1, 2])
with a:
    st.caption(t("neurons.gpt.curve"))
    chart(figure("neurons.gelu", (), lambda: activation_figure(neurons.gelu_curve(), {"x": t("neurons.axis.z"),
                                                                                      "y": t("neurons.axis.out")})),
          key="neurons.chart.gelu")
with b:
    if "neurons.neuron" not in st.session_state:
        _pick_neuron()
    l1, l2, l3 = st.columns([1, 1, 2])
    l1.number_input(t("neurons.layer"), 0, L - 1, key="neurons.layer", on_change=_pick_neuron)
    l2.number_input(t("neurons.neuron"), 0, D - 1, key="neurons.neuron")
    l3.button(t("neurons.pick"), key="neurons.pick_btn", on_click=_pick_neuron, help=t("neurons.pick.help"))
    layer, neuron = int(st.session_state["neurons.layer"]), int(st.session_state["neurons.neuron"])
    st.markdown("**" + t("neurons.contexts", layer=layer, neuron=neuron) + "**")
    ctx = contexts(layer, neuron)
    st.dataframe(ctx, hide_index=True, width="stretch", column_config={
        "before": st.column_config.TextColumn(t("neurons.col.before"), width="large"),
        "token": st.column_config.TextColumn(t("neurons.col.token")),
        "activation": st.column_config.NumberColumn(t("neurons.col.activation"), format="%.2f")})
    st.caption(t("neurons.contexts.caption"))
