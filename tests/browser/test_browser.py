"""The app in a real browser: Debian's chromium driven by Playwright against a real server.

Every page is opened, every preset pressed; what the page then shows is checked against the
model's own numbers (the IOI preset: P(" Mary") as the API computes it; the analogy preset: "queen"),
no exception or traceback text appears anywhere, no request leaves the machine, and a screenshot of
each state is saved in ``screenshots/browser/``. Skipped (with the reason) where chromium or
Playwright is missing; ``.ci/run`` installs both."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

import explainer
from explainer import demos
from explainer.i18n import t

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots" / "browser"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="pip's playwright is not installed")
if not CHROMIUM:
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


@pytest.fixture(scope="module")
def server():
    from tests.crowd import _free_port, start_server
    port = _free_port()
    try:
        proc = start_server(port, "browser-server.log")
    except SystemExit as e:
        pytest.fail(str(e))
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


class Tab:
    """One browser tab on the app: waits for Streamlit to finish, clicks buttons, checks the page."""

    def __init__(self, browser, base: str, path: str):
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.page.on("request", self._request)
        self.page.goto(base + path, wait_until="domcontentloaded", timeout=60_000)
        self.page.wait_for_selector('[data-testid="stMain"]', timeout=90_000)
        self.idle()

    def _request(self, request) -> None:
        host = urlparse(request.url).hostname or ""
        if request.url.startswith(("http://", "https://", "ws://", "wss://")) and host not in LOCAL_HOSTS:
            self.outside.append(request.url)

    def idle(self, timeout: float = 90) -> None:
        """Until the script run this action started has finished (Streamlit marks its state on the
        app's root element) and no element is still a loading skeleton."""
        app = '[data-testid="stApp"]'
        try:
            self.page.wait_for_selector(f'{app}[data-test-script-state="running"]', timeout=1500)
        except playwright.TimeoutError:
            pass                                  # a very short run may have finished already
        self.page.wait_for_selector(f'{app}[data-test-script-state="notRunning"]', timeout=timeout * 1000)
        self.page.wait_for_function("!document.querySelector('[data-testid=\"stSkeleton\"]')",
                                    timeout=timeout * 1000)
        time.sleep(0.3)

    def click(self, label: str) -> None:
        button = self.page.get_by_role("button", name=label, exact=True)
        assert button.count() >= 1, f"no button {label!r}"
        button.first.scroll_into_view_if_needed()
        button.first.click()
        self.page.mouse.move(1390, 600)          # no hover tooltip left over the screenshot
        self.idle()

    def text(self) -> str:
        return self.page.locator('[data-testid="stMain"]').inner_text()

    def check(self, name: str) -> str:
        """No exception, no traceback, no outside request; a screenshot; the main text."""
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
        body = self.page.inner_text("body")
        assert self.page.locator('[data-testid="stException"]').count() == 0, f"{name}: an exception is shown"
        assert "Traceback" not in body, f"{name}: traceback text"
        assert not self.outside, f"{name}: requests outside the machine: {self.outside[:5]}"
        return self.text()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, server):
    opened: list[Tab] = []

    def open_(path: str) -> Tab:
        opened.append(Tab(browser, server, path))
        return opened[-1]
    yield open_
    for t_ in opened:
        t_.close()


def test_overview_shows_the_models_own_top_word(tab):
    lm = explainer.load()
    page = tab("/")
    text = page.check("overview")
    assert t("overview.title") in text
    word, p = lm.next_token(demos.IOI_PROMPT, k=1)[0]
    assert word == " " + demos.IOI_ANSWER
    assert t("overview.append", tok=word) in text                 # the button offers the top word
    assert str(round(p, 3)) in text                               # the softmax stage's first number


def test_tokens_page_and_every_preset(tab):
    page = tab("/tokens")
    page.check("tokens")
    for key in ("english", "chinese", "emoji", "code", "long_word", "prompt"):
        page.click(t(f"tokens.preset.{key}"))
        text = page.check(f"tokens_{key}")
        assert t("tokens.compare.header") in text


def test_vectors_presets_find_queen(tab):
    page = tab("/vectors")
    page.check("vectors")
    a, b, c, want = demos.ANALOGIES[0]                            # man : king :: woman : queen
    page.click(f"{b} − {a} + {c}")
    text = page.check("vectors_analogy")
    assert f"{b} − {a} + {c} → {want}" in text
    page.click(t("vectors.an.bias_button", a=demos.BIAS_ANALOGY[0], b=demos.BIAS_ANALOGY[1], c=demos.BIAS_ANALOGY[2]))
    assert t("vectors.bias.note").replace("**", "")[:30] in page.check("vectors_bias")
    page.click(t("vectors.nb.preset", word=demos.NEIGHBOUR_WORD))
    for word, _, _ in demos.CONTEXT_PAIRS:
        page.click(t("vectors.ctx.preset", word=word))
        page.check(f"vectors_context_{word}")


def test_attention_ioi_preset_shows_mary(tab):
    lm = explainer.load()
    page = tab("/attention")
    page.click(t("attention.preset.ioi", prompt=demos.IOI_PROMPT))
    text = page.check("attention_ioi")
    p = lm.next_probs(demos.IOI_PROMPT)[lm.answer_id(demos.IOI_ANSWER)]
    assert t("attention.abl.metric", word=demos.IOI_ANSWER) in text
    assert f"{p:.3f} → {p:.3f}" in text                            # P(Mary), nothing switched off yet
    page.click(t("attention.preset.bank", prompt=demos.BANK_PROMPT))
    page.check("attention_bank")


def test_lens_presets(tab):
    lm = explainer.load()
    page = tab("/lens")
    page.click(t("lens.preset.warsaw"))
    text = page.check("lens_warsaw")
    # the verdict the page prints is the one the model's four cases give
    from explainer import ablation
    layers = ablation.fact_layers(lm, demos.WARSAW_PROMPT, demos.WARSAW_ANSWER, demos.WARSAW_SUBJECT)["layers"]
    cases = ablation.fact_cases(lm, demos.WARSAW_PROMPT, demos.WARSAW_FACT, demos.WARSAW_ANSWER, layers,
                                demos.WARSAW_SUBJECT)
    assert t(f"lens.verdict.{ablation.cases_verdict(cases['probs'])}").replace("**", "") in text
    page.click(t("lens.preset.question"))
    page.check("lens_question")


def test_sampling_presets_and_the_repetition_experiment(tab):
    page = tab("/sampling")
    page.click(t("sampling.preset.story"))
    page.check("sampling_story")
    for key in ("greedy", "t08", "topk", "topp", "reset"):
        page.click(t(f"sampling.preset.{key}"))
    page.click(t("sampling.preset.spread"))
    page.click(t("sampling.rep.run"))
    text = page.check("sampling_repetition")
    assert t("sampling.rep.greedy", T=0.0).split("(")[0].strip() in text
    assert t("sampling.rep.share") in text


def test_a_shared_link_opens_the_page_in_chinese(tab):
    page = tab("/lens?lang=zh")
    text = page.check("lens_zh")
    assert t("lens.title", "zh") in text


def test_a_shared_lesson_link_opens_the_step_and_reveals_the_models_answer(tab):
    """A teacher's link to step 7 of the lesson: the lens page opens on the Warsaw prompt with the
    step's question; a guess, then the model's own answer and the step's numbers."""
    from explainer.views.lesson import answer, fill, load_lessons
    lm = explainer.load()
    step = load_lessons()[0]["how-a-gpt-works"]["steps"][6]
    page = tab("/?lesson=how-a-gpt-works&step=7")
    text = page.check("lesson_step7")
    assert t("lens.title") in text and step["title"]["en"] in text
    assert t("lesson.progress", title="How a GPT works, in eleven steps", i=7, n=11) in text
    page.page.get_by_text("1", exact=True).first.click()            # guess: after block 1
    page.idle()
    page.click(t("lesson.check"))
    text = page.check("lesson_step7_revealed")
    a = answer(lm, step["question"])
    assert fill(step["question"]["reveal"]["en"], a["facts"]) in text.replace("\n", " ")
    assert t("lesson.wrong", guess="1", answer=a["answer"]) in text


@pytest.mark.parametrize("path,value", [
    ("/?lesson=", "![](//198.51.100.7/a)"),
    ("/attention?attention.layer=", "![t](http://198.51.100.7/leak.png)"),
    ("/attention?attention.head=", "[Log in again](https://evil.example/login)"),
])
def test_a_crafted_link_shows_its_value_as_plain_text(tab, path, value):
    """The issue's links: the value is shown as typed, no image or link is made from it, and the
    browser requests nothing outside the machine (``check``)."""
    from urllib.parse import quote
    page = tab(path + quote(value, safe=""))
    name = "crafted_" + ("lesson" if "lesson" in path else path.split(".")[-1].rstrip("="))
    page.check(name)
    from explainer.inputs import shortened
    assert shortened(value) in page.page.inner_text("body")      # a notice repeats at most 40 characters
    assert page.page.locator('img[src*="198.51.100.7"], a[href*="evil.example"], a[href*="198.51.100.7"]').count() == 0


def test_a_crafted_prompt_in_a_link_is_plain_text_on_every_page(tab):
    """A link's prompt holding an image, a link and Streamlit's colour markup, opened on every page:
    no request leaves the machine and no image or link is made of it."""
    from urllib.parse import quote

    from pages.frame.menu import PAGES
    crafted = "The ![x](http://198.51.100.7/p.png) [log in](https://evil.example/) :red[capital] of France is"
    for name, _, _ in PAGES:
        page = tab(f"/{name}?prompt=" + quote(crafted, safe=""))
        page.check(f"crafted_prompt_{name}")
        made = page.page.locator('img[src*="198.51.100.7"], a[href*="evil.example"]').count()
        assert made == 0, f"{name}: {made} image(s) or link(s) made from the prompt"
        page.close()


def test_a_crafted_file_name_is_plain_text_in_the_message(tab):
    """An upload named like markdown (an image, a link, a bare address, colour markup, HTML): the
    message that names it shows the name as typed and makes no image, link or request of it."""
    name = "![x](http://198.51.100.7/p.png) [log in](https:evil.example) www.evil.example :red[hi] <b>b</b>.zip"
    page = tab("/training")
    page.page.get_by_text(t("training.load.header"), exact=True).click()
    page.page.locator('.st-key-training-zip input[type="file"], [data-testid="stFileUploader"] input[type="file"]').last \
        .set_input_files(files=[{"name": name, "mimeType": "application/zip", "buffer": b"not a zip"}])
    page.idle()
    text = page.check("crafted_file_name")
    assert name in text.replace("\u2060", ""), text[-600:]               # the name, as typed (joiners are invisible)
    made = page.page.locator('[data-testid="stMain"] img[src*="198.51.100.7"], '
                             '[data-testid="stMain"] a[href*="evil.example"], [data-testid="stMain"] b').count()
    assert made == 0, f"{made} image(s), link(s) or bold text made from the file name"


def test_presenter_mode_from_a_link(tab):
    page = tab("/attention?present=1")
    page.check("attention_presenter")
    size = page.page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert size >= 20


def test_on_a_phone_the_prompt_is_at_the_top(browser, server):
    """At 390 px the sidebar is folded away: the shared prompt is the first thing on the page."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    try:
        page.goto(server + "/lens", wait_until="domcontentloaded")
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
        box = page.locator(".st-key-phone-prompt textarea")
        box.wait_for(state="visible", timeout=30_000)
        assert box.input_value() == demos.IOI_PROMPT
        title = page.locator("h1").first
        assert box.bounding_box()["y"] < title.bounding_box()["y"]
        page.screenshot(path=str(SHOTS / "phone_lens.png"))
    finally:
        ctx.close()


def test_train_your_own_in_the_browser(tab):
    """Start a training, watch the loss fall and words appear, pause, use the model on another page."""
    import re
    page = tab("/training")
    page.check("training_start")
    page.click(t("training.start"))

    def numbers() -> tuple[int, float | None]:
        text = page.text()
        m = re.search(r"Training: step ([\d,]+) of", text)
        loss = re.search(r"loss now\s*\n\s*([\d.]+)", text)
        return (int(m.group(1).replace(",", "")) if m else 0), (float(loss.group(1)) if loss else None)

    end = time.monotonic() + 900        # a guard against a hang, not a speed limit (a loaded CI is slow)
    first_loss = None
    while time.monotonic() < end:
        step, loss = numbers()
        if loss is not None and first_loss is None:
            first_loss = loss
        if step >= 300 and t("training.probes.header") in page.text():
            break
        time.sleep(1)
    step, loss = numbers()
    assert step >= 300, page.text()[:400]
    assert first_loss is not None and loss < first_loss - 1.0          # the curve moved down
    page.check("training_live")
    page.click(t("training.pause"))
    page.page.get_by_text("Paused at step").wait_for(timeout=60_000)
    page.idle()
    page.click(t("training.use"))
    page.check("training_paused")
    page.page.get_by_role("link", name=t("nav.attention")).click()      # same session: the sidebar link
    page.idle()
    text = page.check("attention_on_your_model")
    assert "2 layers × 2 heads" in text
    page.page.get_by_role("link", name=t("nav.training")).click()
    page.idle()
    page.click(t("training.reset"))


def test_the_two_chapters_in_the_browser(tab):
    """Counting beside the GPT, and the ReLU playground, in Chinese and English, with their numbers."""
    from explainer.views import counting
    page = tab("/counting?lang=zh")
    text = page.check("counting_zh")
    assert t("counting.title", "zh") in text and t("counting.runs.header", "zh") in text
    page = tab("/neurons")
    text = page.check("neurons")
    assert t("neurons.title") in text and t("neurons.gpt.header") in text
    page.page.get_by_text(t("neurons.relu")).click()                  # switch the bends off
    page.idle()
    text = page.check("neurons_linear")
    assert "straight lines added up are still one straight line" in text


CHART_PROBLEMS_JS = r"""() => {
  const out = [];
  const box = el => el.getBoundingClientRect();
  const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  document.querySelectorAll('.js-plotly-plot').forEach((plot, n) => {
    const svg = box(plot.querySelector('.main-svg'));
    const bar = plot.querySelector('.modebar');
    const buttons = plot.querySelectorAll('.modebar-btn').length;
    if (buttons > 1) out.push(`chart ${n}: ${buttons} toolbar buttons`);
    const titles = [...plot.querySelectorAll('.gtitle, .annotation-text')].filter(t => t.textContent.trim());
    if (bar) for (const t of titles) if (meets(box(t), box(bar))) out.push(`chart ${n}: toolbar over "${t.textContent}"`);
    for (const t of plot.querySelectorAll('.g-xtitle text, .g-x2title text, .g-ytitle text, .gtitle, .annotation-text, .bartext')) {
      const b = box(t);
      if (b.width && (b.left < svg.left - 1 || b.right > svg.right + 1)) out.push(`chart ${n}: "${t.textContent}" cut at the edge`);
    }
    for (const t of plot.querySelectorAll('.bartext, .textpoint text')) {
      if (/\d(\.\d+)?e[-+]?\d/.test(t.textContent)) out.push(`chart ${n}: "${t.textContent}" in e-notation`);
    }
  });
  return out;
}"""


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_charts_fit_a_phone_and_a_laptop(browser, server, width, height):
    """The frame's one chart style: at 390 × 844 (a student's phone) and 1366 × 768 (a school laptop) the
    lesson's answer chart has one toolbar button, no title under it, no axis title cut at the edge, and
    probabilities written as percentages (never 1.38e-09)."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, is_mobile=width < 640,
                              has_touch=width < 640)
    page = ctx.new_page()
    try:
        page.goto(server + "/?lesson=how-a-gpt-works&step=1", wait_until="domcontentloaded")
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
        page.get_by_text("honey", exact=True).first.click()
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
        page.get_by_role("button", name=t("lesson.check")).click()
        page.locator(".st-key-lesson-panel .js-plotly-plot").first.wait_for(timeout=90_000)
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
        panel = page.locator(".st-key-lesson-panel")
        panel.scroll_into_view_if_needed()
        panel.screenshot(path=str(SHOTS / f"chart_lesson_{width}x{height}.png"))
        assert page.evaluate(CHART_PROBLEMS_JS) == []
        labels = " ".join(t or "" for t in page.locator(".st-key-lesson-panel .bartext").all_text_contents())
        assert "%" in labels, labels
    finally:
        ctx.close()


def test_class_mode_one_teacher_three_students(browser, server):
    """A teacher's page and three phones: join with the code, guess, reveal, move on — the phones follow."""
    teacher = Tab(browser, server, "/classroom")
    phones = []
    try:
        teacher.click(t("classroom.start"))
        code = teacher.page.locator("div").filter(has_text=re.compile(r"^[A-Z2-9]{6}$")).first.inner_text().strip()
        assert len(code) == 6
        for i, guess in enumerate(["sugar", "sugar", "milk"]):
            ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
            page = ctx.new_page()
            page.goto(f"{server}/classroom?class={code}", wait_until="domcontentloaded")
            page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
            page.get_by_label(t("classroom.nickname")).fill(f"phone {i + 1}")
            page.get_by_role("button", name=t("classroom.join")).click()
            page.get_by_text(guess, exact=True).first.wait_for(timeout=30_000)
            page.get_by_text(guess, exact=True).first.click()
            page.get_by_role("button", name=t("classroom.you.send")).click()
            page.get_by_text(t("classroom.you.sent", answer="").split("**")[0]).first.wait_for(timeout=30_000)
            phones.append((ctx, page))
        teacher.page.get_by_text(t("classroom.answered.value", a=3, n=3)).wait_for(timeout=30_000)
        teacher.click(t("classroom.reveal"))
        text = teacher.check("class_teacher_revealed")
        assert "sugar" in text
        phones[2][1].get_by_text("the model says").wait_for(timeout=30_000)       # the phone followed
        phones[2][1].locator(".js-plotly-plot").first.scroll_into_view_if_needed()
        phones[2][1].screenshot(path=str(SHOTS / "class_phone_revealed.png"))
        assert phones[2][1].evaluate(CHART_PROBLEMS_JS) == []                # the class's chart fits a phone
        assert teacher.page.evaluate(CHART_PROBLEMS_JS) == []
        teacher.click(t("classroom.next"))
        phones[0][1].get_by_text(t("classroom.progress", i=2, n=11)).wait_for(timeout=30_000)
        phones[0][1].screenshot(path=str(SHOTS / "class_phone_next.png"))
        assert phones[0][1].locator('[data-testid="stException"]').count() == 0
    finally:
        for ctx, _ in phones:
            ctx.close()
        teacher.close()


CHINESE_PAGES = ["overview", "counting", "tokens", "vectors", "attention", "lens", "neurons", "sampling", "timeline",
                 "lesson", "training", "classroom"]


@pytest.mark.parametrize("name", CHINESE_PAGES)
def test_every_page_in_chinese_opens_on_the_chinese_model(tab, name):
    """A Chinese page opens on the model that reads Chinese, with Chinese examples: no exception, its
    title in Chinese, the model named in the sidebar and in the link; a screenshot of each
    (tests/browser/shots/zh_<page>.png)."""
    page = tab(f"/{'' if name == 'overview' else name}?lang=zh")
    text = page.check(f"zh_{name}")
    assert t(f"{name}.title", "zh") in text
    assert "model=bundled_zh" in page.page.url                 # the link names the model the page runs on
    if name == "overview":
        assert "糖" in text or "小红" in text            # the model's own next word for the Chinese example


def test_the_lesson_in_chinese_on_the_chinese_model(tab):
    page = tab("/?lesson=how-a-gpt-works&step=5&lang=zh")
    text = page.check("zh_lesson_step5")
    assert "小明和小红去了商店" in page.page.inner_text("body")     # the step's own Chinese prompt
    assert t("attention.title", "zh") in text
