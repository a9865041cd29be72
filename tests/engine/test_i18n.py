"""Every message has its Chinese, with the same placeholders (a reader of either language sees the
same facts filled in)."""

import string

from explainer.i18n import catalogue


def _fields(s: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(s) if f}


def test_every_message_has_its_chinese_with_the_same_placeholders():
    en, zh = catalogue()["en"], catalogue()["zh"]
    assert sorted(set(en) - set(zh)) == []
    assert sorted(set(zh) - set(en)) == []
    assert [k for k in en if _fields(en[k]) != _fields(zh[k])] == []
    assert zh["classroom.down.join"] != en["classroom.down.join"]
