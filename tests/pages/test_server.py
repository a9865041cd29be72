"""What keeps the server's work per page run small (pages/frame/server.py, pages/frame/cache.py): page
runs take turns in arrival order, a run that takes too long lets the next start beside it, and a cached
function is wrapped once, not on every run of its page."""

import inspect
import threading
import time

import pages.frame.cache as cache
from pages.frame.server import Line, in_line, signed


def _crowd(line: Line, costs: list[float], gap: float = 0.02) -> list[tuple]:
    """Runs arriving ``gap`` apart, each holding the turn for its cost; what happened, in order."""
    log, lock = [], threading.Lock()

    def run(i, cost):
        ticket = line.enter()
        with lock:
            log.append(("start", i))
        time.sleep(cost)
        with lock:
            log.append(("end", i))
        line.leave(ticket)

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(costs)]
    for th in threads:
        th.start()
        time.sleep(gap)
    for th in threads:
        th.join(10)
    return log


def test_runs_take_turns_in_the_order_they_came():
    log = _crowd(Line(hold_s=5.0), [0.1] * 5)
    assert log == [(e, i) for i in range(5) for e in ("start", "end")]   # one at a time, first come first served


def test_a_run_that_takes_too_long_lets_the_next_start_beside_it():
    log = _crowd(Line(hold_s=0.2), [1.5, 0.05, 0.05])
    # run 0 holds the turn past 0.2 s: run 1 starts while it is still going, then run 2 after run 1
    assert log.index(("start", 1)) < log.index(("end", 0))
    assert log.index(("end", 1)) < log.index(("start", 2)) < log.index(("end", 0))


def test_a_run_that_fails_gives_the_turn_back(monkeypatch):
    monkeypatch.setenv("EXPLAINER_RUN_QUEUE", "1")
    for _ in range(3):                           # would wait forever if the first failure kept the turn
        try:
            with in_line():
                raise RuntimeError("a page failed")
        except RuntimeError:
            pass
    done = threading.Event()

    def another_run():
        with in_line():
            done.set()
    threading.Thread(target=another_run).start()
    assert done.wait(0.3)                        # at once, not after a held turn ran out (HOLD_S = 0.5 s)


def test_a_cached_function_is_wrapped_once_and_calls_the_latest_definition(bundled_lm):
    source = "def f(lm, n):\n    return {'n': n, 'v': VERSION}\n"
    first, again = {"VERSION": 1}, {"VERSION": 2}
    exec(compile(source, "page.py", "exec"), first)
    exec(compile(source, "page.py", "exec"), again)        # the page's next run: the same code, a new function
    a, b = cache.cached(first["f"]), cache.cached(again["f"])
    assert a is b                                           # not wrapped again (Streamlit reads its source each time)
    assert b.on(bundled_lm)(7) == {"n": 7, "v": 2}          # the latest run's function computes
    changed = {"VERSION": 3}
    exec(compile(source.replace("'n': n", "'n': n + 1"), "page.py", "exec"), changed)
    assert cache.cached(changed["f"]) is not a              # edited code is a new cache


def test_a_signed_function_answers_its_signature_without_working_it_out():
    @signed
    def f(a, _b, *rest):
        return a
    assert inspect.signature(f) is f.__signature__
    assert list(inspect.signature(f).parameters) == ["a", "_b", "rest"]


def test_the_language_is_read_once_per_run_and_follows_every_change():
    """``lang()`` keeps the session's language for the rest of a run; ``set_lang`` changes it at once,
    and a change made between runs (a callback, a test) is read by the next run, which starts, as
    app.py does, with ``choose_language``."""
    from streamlit.testing.v1 import AppTest

    def script():
        import streamlit as st
        from pages.frame.language import choose_language, lang, set_lang
        choose_language()
        st.write(lang())
        st.write(lang())
        if st.session_state.get("switch"):
            set_lang("zh")
        st.write(lang())
    at = AppTest.from_function(script)
    at.session_state["lang"] = "en"
    at.run()
    assert [m.value for m in at.markdown] == ["en", "en", "en"]
    at.session_state["switch"] = True
    at.run()
    assert [m.value for m in at.markdown] == ["en", "en", "zh"]
    at.session_state["switch"] = False
    at.session_state["lang"] = "en"
    at.run()
    assert [m.value for m in at.markdown] == ["en", "en", "en"]


def test_the_model_is_found_once_per_run_and_follows_every_change():
    """``current_model()`` finds the chosen model once per run (every cached computation asks for it);
    a choice changed during the run is followed at once, and one changed between runs by the next run."""
    from streamlit.testing.v1 import AppTest

    def script():
        import streamlit as st

        import pages.frame.models as m
        from explainer import demos
        from pages.frame.language import choose_language
        if not hasattr(m._chosen_model, "calls"):              # count the lookups behind current_model
            found = m._chosen_model

            def counted(choice):
                counted.calls.append(choice)
                return found(choice)
            counted.calls, counted.__wrapped__ = [], found
            m._chosen_model = counted
        choose_language()
        first = m.current_model()
        st.write(str(all(m.current_model() is first for _ in range(5))))
        st.write(f"{demos.of(first).lang} {len(m._chosen_model.calls)}")
        if st.session_state.get("switch"):
            st.session_state["model_choice"] = "bundled_zh"
        st.write(demos.of(m.current_model()).lang)
        st.write(str(len(m._chosen_model.calls)))
        m._chosen_model.calls.clear()
    import pages.frame.models as m
    at = AppTest.from_function(script, default_timeout=60)
    at.session_state["lang"] = "en"
    at.session_state["model_choice"] = "bundled"
    try:
        at.run()
        assert not at.exception
        assert [x.value for x in at.markdown] == ["True", "en 1", "en", "1"]
        at.session_state["switch"] = True
        at.run()
        assert [x.value for x in at.markdown] == ["True", "en 1", "zh", "2"]
        at.session_state["switch"] = False
        at.session_state["model_choice"] = "bundled"
        at.run()
        assert [x.value for x in at.markdown] == ["True", "en 1", "en", "1"]
    finally:
        m._chosen_model = getattr(m._chosen_model, "__wrapped__", m._chosen_model)
