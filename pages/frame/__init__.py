"""The frame: what every page shares, one module for each thing it holds.

    server.py     the server's work per run kept small for a class: page runs take turns
    run.py        what one page run reads once and uses many times (its language, its model)
    menu.py       the app's pages (the router's list) and which one this run shows
    language.py   messages and lists in the page's language
    presenter.py  presenter mode (large text and charts for a projector)
    warmup.py     the server's run-through of every page at start (the one place that speaks
                  Streamlit's own wire protocol)
    models.py     choosing and loading the model a page reads (bundled, snapshot, server folder, yours)
    cache.py      computations kept per chosen model and inputs
    charts.py     every chart: one style (phones and projectors), built figures kept, CSV below
    links.py      the page's controls in the address, and the link that reopens this view
    prompt.py     the shared prompt: the sidebar's box, the phone's box, presets, its empty guard
    sidebar.py    the sidebar: language, model, prompt
    lesson.py     the running lesson's step, drawn above every page (the lesson concept's panel)
    page.py       what every page starts with (``page_top``)

Layout only: every number shown comes from ``explainer``. A module imports only modules listed above
it (tests/engine/test_layout.py).
"""
