"""Section 4: indirect object identification (IOI) sentences and pronoun resolution, plus the
frames kept out of the corpus for evaluation (``IOI_EVAL_TEMPLATES``, ``make_ioi_cases``).
"""

from __future__ import annotations

import random

from .common import ioi_cases, ioi_names
from .lexicon import DAYS, JOBS, OBJECTS, PETS, PLACES, add_person, with_article


# ---------------------------------------------------------------------------
# Section 4: IOI
# Placeholders: {A} {B} the two names in order of introduction, {S} the
# subject (repeated name), {place}, {obj}, {aobj} ("a drink"/"an apple").
# The answer (the indirect object) follows the template after one space.
# ---------------------------------------------------------------------------

IOI_TRAIN_TEMPLATES: list[str] = [
    "When {A} and {B} went to the {place}, {S} gave {aobj} to",
    "When {A} and {B} went to the {place}, {S} gave the {obj} to",
    "After {A} and {B} went to the {place}, {S} gave {aobj} to",
    "When {A} and {B} arrived at the {place}, {S} gave {aobj} to",
    "While {A} and {B} were working at the {place}, {S} gave {aobj} to",
    "{A} and {B} went to the {place}. {S} gave {aobj} to",
    "{A} and {B} went to the {place}, and {S} gave {aobj} to",
    "Then, {A} and {B} had a long day at the {place}. {S} gave {aobj} to",
    "Friends {A} and {B} found {aobj} at the {place}. {S} gave it to",
    "When {A} and {B} got {aobj} at the {place}, {S} decided to give it to",
    "After lunch, {A} and {B} went to the {place}. {S} gave {aobj} to",
    "{A} and {B} were at the {place}. {S} handed {aobj} to",
    "When {A} and {B} met at the {place}, {S} handed the {obj} to",
    "After {A} and {B} left the {place}, {S} handed {aobj} to",
    "{A} and {B} were sitting in the {place}. {S} passed the {obj} to",
    "While {A} and {B} were at the {place}, {S} passed {aobj} to",
    "{A} and {B} came back from the {place}, and {S} brought {aobj} to",
    "When {A} and {B} were in the {place}, {S} brought the {obj} to",
    "{A} and {B} visited the {place}. Then {S} sent {aobj} to",
    "After {A} and {B} visited the {place}, {S} sent a message to",
    "When {A} and {B} walked to the {place}, {S} showed the {obj} to",
    "{A} and {B} stopped at the {place}, where {S} showed {aobj} to",
    "The {place} was quiet when {A} and {B} arrived. {S} gave {aobj} to",
    "In the morning, {A} and {B} went to the {place}. {S} gave {aobj} to",
    "On {day}, {A} and {B} went to the {place}, and {S} gave {aobj} to",
    "{A} and {B} had fun at the {place}. Later, {S} gave {aobj} to",
    "When {A} and {B} got home from the {place}, {S} gave {aobj} to",
    "{A} and {B} were hungry, so they went to the {place}. {S} gave {aobj} to",
    "After {A} and {B} finished work at the {place}, {S} said goodbye to",
    "When {A} and {B} went to the {place}, {S} said hello to",
    "{A} and {B} went to the {place}. {S} was angry and shouted at",
    "When {A} and {B} sat down at the {place}, {S} smiled at",
    "{A} and {B} were playing at the {place}. {S} threw the ball to",
    "When {A} and {B} went to the {place}, {S} wrote a note to",
    "{A} and {B} went shopping at the {place}, and {S} bought {aobj} for",
    "While {A} and {B} were at the {place}, {S} made {aobj} for",
    "{A} and {B} met at the {place}. {S} told a story to",
    "When {A} and {B} got to the {place}, {S} read a book to",
    "{A} and {B} cooked dinner at the {place}, and {S} served it to",
    "After {A} and {B} cleaned the {place}, {S} gave {aobj} to",
    "{A} and {B} went to the {place} together. {S} gave {aobj} to",
    "When the {place} opened, {A} and {B} went in, and {S} gave {aobj} to",
    "{A} and {B} walked to the {place} in the rain. {S} gave {aobj} to",
    "Yesterday {A} and {B} went to the {place}. {S} handed {aobj} to",
]

# Never used by the generator: sentence shapes (openings, links, clause orders) that neither the
# fixed templates above nor the grammar below produce. Some verbs are shared with the grammar;
# the frames are not (tests/test_corpus.py checks a corpus sample for every one of them).
IOI_EVAL_TEMPLATES: list[str] = [
    "Once {A} and {B} reached the {place}, {S} lent {aobj} to",
    "As soon as {A} and {B} walked into the {place}, {S} tossed the {obj} to",
    "On a quiet evening, {A} and {B} visited the {place}, and {S} offered {aobj} to",
    "{A} bumped into {B} at the {place}. A week later, {S} mailed {aobj} to",
    "The {place} was crowded when {A} and {B} showed up, so {S} returned the {obj} to",
    "{A} and {B} spent the whole morning at the {place}. In the end, {S} sold {aobj} to",
    "Because {A} and {B} were bored at the {place}, {S} tossed {aobj} to",
    "During a trip to the {place}, {A} and {B} chatted, and then {S} delivered {aobj} to",
    "Last night {A} and {B} stayed late at the {place}; {S} lent the {obj} to",
    "At the {place}, {A} sat next to {B}, and {S} slid {aobj} over to",
    "{A} and {B} tidied up the {place} together. Afterwards, {S} presented {aobj} to",
    "Before {A} and {B} headed out of the {place}, {S} quietly offered the {obj} to",
    "It was snowing when {A} and {B} reached the {place}, and {S} mailed {aobj} to",
    "Since {A} and {B} were both at the {place}, {S} returned {aobj} to",
]

# A grammar for IOI sentences. Every sentence is assembled from independent parts (a scene
# sentence, a time phrase, one of several ways to introduce the two people, a connector, an
# optional sentence about "they", then the subject doing something to or for the other person),
# so no single frame is frequent enough to be memorised and the model has to learn the rule:
# the answer is the name that was mentioned once. The parts are general English; none of the
# frames in IOI_EVAL_TEMPLATES is produced (tests/test_corpus.py checks a corpus sample).
_IOI_SCENE = [
    "It was a warm day.", "The sun was shining.", "It was late in the evening.",
    "The town was quiet.", "It had been a long week.", "The rain had finally stopped.",
    "It was cold outside.", "The holidays had just begun.", "It was early on {day}.",
    "Everyone was busy that week.", "The streets were empty.", "It was a windy afternoon.",
    "The summer was almost over.", "It was the first day of spring.", "The sky was grey.",
    "There was a lot of noise in the street.", "The night was clear and calm.",
]
_IOI_TIME = [
    "On {day},", "In the morning,", "One day,", "Early one morning,", "Two days ago,",
    "That summer,", "At lunchtime,", "Last {day},", "Every {day},", "Late at night,",
    "In the afternoon,", "After school,", "Last year,", "This morning,", "On the weekend,",
]
_IOI_CONJ = ["When", "After", "While", "Before", "As", "Because", "Just after", "Right before",
             "Whenever", "Now that", "Even though", "Although", "The moment that", "Every time"]
# "{A} and {B} ___ the {place}"
_IOI_PAIR_VP = [
    "went to", "walked to", "ran to", "drove to", "got to", "came to", "went into",
    "arrived at", "stopped at", "stayed at", "waited at", "ate at", "worked at", "played at",
    "were at", "were in", "sat in", "stood outside", "looked around", "cleaned", "painted",
    "opened", "closed", "left", "found", "explored", "returned to", "hurried to", "went back to",
    "rushed to", "wandered around", "spent an hour at", "spent the day at", "had lunch at",
    "had dinner at", "had coffee at", "met up at", "got lost in", "took a bus to",
    "took a taxi to", "rode their bikes to", "decorated", "walked around", "looked for a seat at",
    "were waiting outside", "were working in", "came out of", "sat down at", "were late to",
    "got back from", "were standing near", "were resting at",
]
# "{A} ___ {B} at the {place}"
_IOI_REL_VP = [
    "met", "saw", "found", "called", "joined", "helped", "waited for", "talked to",
    "ran into", "sat with", "walked with", "played with", "worked with", "argued with",
    "had lunch with", "laughed with", "looked for", "noticed", "stood behind", "danced with",
    "studied with", "shared a table with", "said hello to", "caught up with",
]
# "{A} and {B} ___" (no place; the place comes first: "At the {place}, ...")
_IOI_PAIR_INTR = [
    "talked", "laughed", "waited", "sat down", "had a rest", "played a game", "ate lunch",
    "looked around", "read the news", "made plans", "drank some tea", "worked all day",
    "watched the people", "sang a song", "told jokes",
]
_IOI_CONNECT = [
    ". ", ". ", ", and ", ", and then ", ", so ", "; ", ", but later ", ". Later, ", ". Then ",
    ". After that, ", ". A moment later, ", ". After an hour, ", ". At the end of the day, ",
    ". Eventually, ", ". Next, ", ". Soon after, ", ". Before they left, ", ". At some point, ",
    ". The next morning, ", ". For a while nobody spoke. Then ",
]
_IOI_MIDDLE = [
    "They talked for a while.", "They were both tired.", "It started to rain.",
    "The {place} was busy.", "They laughed a lot.", "Nobody else was there.",
    "They had a good time.", "It was getting late.", "The music was loud.",
    "They looked at the menu.", "Both of them were hungry.", "They sat down near the window.",
]
# (past, base) so that "decided to give" can be formed. The most common verbs (gave, handed, sent)
# are listed twice on purpose: twice as likely. (The bundled model was trained on this exact list.)
_IOI_GIVE = [
    ("gave", "give"), ("handed", "hand"), ("passed", "pass"), ("brought", "bring"),
    ("sent", "send"), ("showed", "show"), ("threw", "throw"), ("lent", "lend"),
    ("tossed", "toss"), ("offered", "offer"), ("mailed", "mail"), ("returned", "return"),
    ("sold", "sell"), ("delivered", "deliver"), ("presented", "present"), ("slid", "slide"),
    ("carried", "carry"), ("took", "take"), ("kicked", "kick"), ("posted", "post"),
    ("rolled", "roll"), ("sent", "send"), ("gave", "give"), ("handed", "hand"),
]
_IOI_TELL = [("read", "read"), ("wrote", "write"), ("described", "describe"),
             ("explained", "explain"), ("sang", "sing"), ("recited", "recite")]
_IOI_FOR = [("bought", "buy"), ("made", "make"), ("cooked", "cook"), ("found", "find"),
            ("picked", "pick"), ("baked", "bake"), ("saved", "save"), ("fixed", "fix")]
_IOI_SOCIAL = ["said goodbye to", "said hello to", "waved to", "smiled at", "talked to",
               "listened to", "spoke to", "nodded to", "wrote to", "called out to",
               "shouted at", "winked at", "apologised to", "whispered to", "pointed at"]
_IOI_MODAL = ["decided to", "wanted to", "tried to", "had to", "was happy to", "forgot to",
              "promised to", "offered to", "agreed to", "was about to"]
_IOI_ADV = ["quietly", "happily", "kindly", "quickly", "proudly", "finally", "slowly",
            "gently", "suddenly", "carefully", "also", "just", "then", "politely"]
_IOI_OBJ = ["{aobj}", "the {obj}", "{aobj}", "a small {obj}", "the new {obj}", "{Sp} {obj}",
            "an old {obj}", "the last {obj}", "a spare {obj}", "it", "the same {obj}"]


def _ioi_grammar(rng: random.Random) -> tuple[str, str, str, dict]:
    """One generated IOI prompt (ending before the answer), its indirect object and subject."""
    parts = []
    if rng.random() < 0.25:
        parts.append(rng.choice(_IOI_SCENE) + " ")
    shape = rng.random()
    if shape < 0.55:
        intro = "{A} and {B} " + rng.choice(_IOI_PAIR_VP) + " the {place}"
    elif shape < 0.85:
        intro = "{A} " + rng.choice(_IOI_REL_VP) + " {B} at the {place}"
    else:
        intro = rng.choice(["At", "In", "Outside", "Near"]) + " the {place}, {A} and {B} " \
            + rng.choice(_IOI_PAIR_INTR)
    if shape < 0.85 and rng.random() < 0.4:
        conj = rng.choice(_IOI_CONJ)
        if rng.random() < 0.3:
            parts.append(rng.choice(_IOI_TIME) + " ")
            conj = conj[0].lower() + conj[1:]
        parts.append(conj + " " + intro + ", ")
    else:
        if rng.random() < 0.3:
            parts.append(rng.choice(_IOI_TIME) + " ")
        parts.append(intro)
        connect = rng.choice(_IOI_CONNECT)
        if connect.startswith(".") and rng.random() < 0.25:
            connect = ". " + rng.choice(_IOI_MIDDLE) + " " + connect[2:]
        parts.append(connect)
    # the action: S does something to / for the other person
    adv = rng.choice(_IOI_ADV) + " " if rng.random() < 0.3 else ""
    modal = rng.choice(_IOI_MODAL) + " " if rng.random() < 0.2 else ""
    kind = rng.random()
    if kind < 0.6:
        past, base = rng.choice(_IOI_GIVE)
        verb = base if modal else past
        tail = rng.choice([" to", " to", " to", " over to", " back to", " across to"])
        action = f"{verb} {rng.choice(_IOI_OBJ)}{tail}"
    elif kind < 0.72:
        past, base = rng.choice(_IOI_TELL)
        verb = base if modal else past
        action = f"{verb} {rng.choice(['a story', 'a letter', 'a note', 'a poem', 'the plan'])} to"
    elif kind < 0.84:
        past, base = rng.choice(_IOI_FOR)
        verb = base if modal else past
        action = f"{verb} {rng.choice(_IOI_OBJ)} for"
    else:
        action = rng.choice(_IOI_SOCIAL)
        if modal:
            modal = ""
    parts.append("{S} " + modal + adv + action)
    template = "".join(parts)
    prompt, io, s, ctx = _ioi_fill(rng, template)
    prompt = prompt[0].upper() + prompt[1:]
    return prompt, io, s, ctx


_IOI_AFTER = [
    " {IOH} said thank you.",
    " {IOH} was very happy.",
    " {IOH} smiled and put it away.",
    " Then they went home.",
    " {IO} thanked {Sm}.",
    " It was a nice surprise for {IOm}.",
    " {IOH} did not expect it.",
    " {S} was glad that {IO} liked it.",
]

_PRONOUN_RES = [
    "{P} wants {Pp} bank to cash the check.",
    "{P} asked {Pp} bank to cash the check.",
    "{P} said that {Ph} would come to the {place} later.",
    "{P} told {Q} that {Ph} was tired.",
    "{P} told {Q} that {Qh} looked tired.",
    "{P} called {Q} because {Ph} needed help.",
    "{P} thanked {Q} because {Qh} had helped {Pm}.",
    "{P} lent {Pp} {obj} to {Q}, and {Qh} gave it back the next day.",
    "{P} said that {Ph} liked {Pp} new job.",
    "{P} met {Q}, and {Ph} shook {Qp} hand.",
    "{P} gave {Q} {Pp} phone number so that {Qh} could call {Pm}.",
    "{P} was late, so {Q} waited for {Pm}.",
    "{P} visited {Q} because {Qh} was sick.",
    "{P} loves {Pp} {pet}, and the {pet} loves {Pm}.",
    "When {P} saw {Q}, {Ph} waved at {Qm}.",
    "{P} asked {Q} if {Qh} could open the window.",
    "{P} helped {Q} carry {Qp} bags.",
    "{P} is {ajob}. {PH} works at the {jobplace}.",
    "{P} is {ajob}, and {Pp} friend {Q} is {ajob2}.",
    "The {job} said that {Ph} would help, and {Ph} did.",
]


def _ioi_fill(rng: random.Random, template: str, io_first=None):
    """Return (prompt, io, s, ctx) for one template."""
    ctx: dict = {}
    io, s, a, b = ioi_names(rng, ctx, add_person, io_first)
    obj = rng.choice(OBJECTS)
    ctx.update(A=a, B=b, place=rng.choice(PLACES), obj=obj, aobj=with_article(obj),
               day=rng.choice(DAYS))
    return template.format_map(ctx), io, s, ctx


def paragraph(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.75:
        out = []
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.2:
                prompt, io, s, ctx = _ioi_fill(rng, rng.choice(IOI_TRAIN_TEMPLATES))
            else:
                prompt, io, s, ctx = _ioi_grammar(rng)
            sent = prompt + " " + io + "."
            if rng.random() < 0.4:
                sent += rng.choice(_IOI_AFTER).format_map(ctx)
            out.append(sent)
        return " ".join(out)
    ctx: dict = {}
    pname, pg = add_person(rng, "P", ctx)
    add_person(rng, "Q", ctx, avoid=(pname,), gender=not pg)
    job, jobplace = rng.choice(JOBS)
    obj = rng.choice(OBJECTS)
    ctx.update(place=rng.choice(PLACES), obj=obj, pet=rng.choice(PETS)[0],
               job=job, jobplace=jobplace, ajob=with_article(job), ajob2=with_article(rng.choice(JOBS)[0]))
    return " ".join(t.format_map(ctx) for t in rng.sample(_PRONOUN_RES, rng.randint(2, 4)))


def make_ioi_cases(n: int = 300, seed: int = 1, templates=None) -> list[tuple[str, str, str]]:
    """(prompt, indirect_object, subject) from IOI_EVAL_TEMPLATES by default.

    The prompt ends right before the answer name, with no trailing space, e.g.
    ("When Mary and John went to the store, John gave a drink to", "Mary", "John").
    Both name orders (IO first / S first), both genders mixed, names distinct.
    """
    rng = random.Random(seed)
    templates = list(IOI_EVAL_TEMPLATES if templates is None else templates)
    return ioi_cases(rng, templates, n, _ioi_fill)
