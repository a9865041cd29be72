"""Guided lessons: the list of lessons, each started with one button. While a lesson runs, its step
is drawn above every page (pages/frame/lesson.py) and the step's page is opened."""

import streamlit as st

from explainer.inputs import literal
from explainer.views.lesson import LESSONS, text
from pages.frame.language import lang, t
from pages.frame.lesson import go_to_step, lessons
from pages.frame.page import enter, page_top

enter(__file__)

page_top()
st.title(t("lesson.title"))
st.write(t("lesson.intro"))
if st.session_state.pop("lesson.finished", False):
    st.success(t("lesson.done"))
bad_link = st.session_state.pop("lesson.bad_link", None)
if bad_link:
    st.warning(t("lesson.bad_link", lesson=literal(bad_link[0]), step=literal(bad_link[1])))

found, bad = lessons()
for err in bad:
    st.warning(t("lesson.bad_file", err=err))
if not found:
    st.info(t("lesson.none", folder=LESSONS))
for lesson_id, lesson in found.items():
    with st.container(border=True):
        st.subheader(text(lesson["title"], lang()))
        st.write(text(lesson["summary"], lang()))
        st.caption(t("lesson.steps", n=len(lesson["steps"])))
        st.button(t("lesson.start"), key=f"lesson.start.{lesson_id}", type="primary",
                  on_click=go_to_step, args=(lesson_id, 0))
st.caption(t("lesson.write_your_own"))
