"""Section 1: simple stories (people with correct pronouns, places, objects, pets, jobs) and
daily routines in present and past tense.
"""

from __future__ import annotations

import random

from .common import story_sentences, two_pets
from .lexicon import (
    ACTIVITIES, ADJ_THING, COLORS, DAYS, FEELINGS, FOODS, GREETINGS, JOBS, OBJECTS, PAST_INFO,
    PETS, PET_NAMES, PET_PLURAL, PLACES, TIMES, TOWNS, WEATHER, add_person, capitalised,
    indefinite_article, with_article,
)


# ---------------------------------------------------------------------------
# Section 1: simple stories
# ---------------------------------------------------------------------------

_STORY_OPEN = [
    "{P} lived in {town}.",
    "Once upon a time, there was a {padj} {pkind} named {P}.",
    "{P} woke up early on {day}.",
    "It was a {weather} day, and {P} wanted to go to the {place}.",
    "{P} and {Q} were good friends.",
    "{P} had a {pet} named {petname}.",
    "{P} was {ajob} who lived in {town}.",
    "Every {day}, {P} went to the {place}.",
    "On a {weather} {day}, {P} called {Q}.",
    "{P} and {Q} lived next door to each other.",
    "There was once {ajob} called {P}.",
    "{P} felt {feel} that morning.",
    "It was {day}, and the weather was {weather}.",
    "{P} had just moved to {town}.",
    "{P} loved {p_food} more than anything.",
    "{P} was walking home from the {place}.",
    "Last summer, {P} visited {Q}.",
    "{P} found {aoadj} {obj} on the way to the {place}.",
]

# Episodes: short runs of sentences that belong together.
_STORY_MID = [
    ["{PH} put on {Pp} {color} coat and went outside.", "The air was fresh, and {Ph} felt {feel}."],
    ["{PH} wanted to {act}, but {Ph} could not find {Pp} {obj}.", "{P} asked {Q} to help {Pm}.",
     "They looked under the bed and behind the door.", "Finally, {Q} found the {obj} in the garden.",
     "{P} hugged {Q} and said thank you."],
    ["{Q} gave {P} {aobj}.", "{P} thanked {Qm} and put the {obj} in {Pp} bag."],
    ["They walked to the {place} together.", "At the {place}, {P} saw {aoadj} {obj}.",
     "{PH} picked it up and showed it to {Q}.", "{Q} said that {Qh} had never seen anything like it."],
    ["{P} was {feel}, so {Ph} sat down on a bench.", "{PH} ate some {food} and drank a glass of water."],
    ["{time}, {P} and {Q} decided to {act}.", "It was harder than they thought, but they did not give up.",
     "In the end, they were very proud."],
    ["{PH} told {Pp} friend {Q} about {Pp} day.", "{Q} listened carefully and nodded.",
     "{QH} was {qfeel} because {Qh} had a long day too."],
    ["{P} made {food} for dinner, and {Q} helped {Pm}.", "They ate together and talked about the weekend."],
    ["{P} heard a noise at the door.", "{PH} opened the door and let {Pp} {pet} in.",
     "The {pet} ran to {P} and jumped into {Pp} arms."],
    ["{P} was tired after a long day.", "{PH} read a book until {Ph} fell asleep."],
    ["{P} called {Pp} mother to say hello.", "Her voice made {P} smile."],
    ["{P} called {Pp} father to ask for advice.", "His advice was simple: be patient."],
    ["{PH} wrote a short note and left it on the table.", "Later, {Q} found the note and laughed."],
    ["{PH} was so {feel} that {Ph} sang a little song."],
    ["{P} needed some {food}, so {Ph} went to the {place}.", "The shop was busy, so {P} waited in line.",
     "{PH} paid and walked home."],
    ["{Q} was waiting for {P} at the corner.", "{P} and {Q} sat in the {place} and talked for an hour."],
    ["{QH} told {P} a funny story about {Qp} {pet}.",
     "{P} laughed so hard that {Ph} almost dropped {Pp} {obj}."],
    ["It started to rain, so they ran inside.", "After a while, the sun came out again, and the sky was {color2}."],
    ["{P} fed {Pp} {pet} and gave it fresh water.", "Then {Ph} cleaned {Pp} room and made {Pp} bed."],
    ["{P} taught {Q} how to {act}.", "{Q} tried hard and learned quickly.", "{QH} was proud of {Qs}."],
    ["{P} forgot {Pp} {obj} at the {place}.", "{PH} went back to get it, and it was still there.",
     "{PH} was very relieved."],
    ["{P} got a letter from {Pp} friend {Q}.", "{PH} read the letter twice and smiled.",
     "{P} decided to write back to {Qm} the same day."],
    ["{P} worked at the {jobplace} as {ajob}.", "{PH} liked {Pp} job very much.",
     "{Q} wanted to become {ajob2} one day."],
    ["On the way home, {P} helped an old man cross the street.", "The man thanked {Pm} and smiled."],
    ["{P} helped an old woman carry her bags.", "She gave {P} an apple to say thank you."],
    ["{P} went to the {place} with {Pp} {pet}.", "The {pet} was {feel} and ran around in circles."],
    ["{Q} brought {aobj} for {P}.", "{P} was surprised and very {feel}.",
     "{PH} put the {obj} on the shelf in {Pp} room."],
    ["{P} looked out of the window at the {weather} sky.", "{PH} wondered what to do next."],
    ["{P} practiced the piano for an hour.", "Slowly, the music got better."],
    ["{Q} painted a picture of {Qp} {pet}.", "{P} said it was the best picture {Ph} had ever seen."],
    ["{P} and {Q} played a game, and {Q} won.", "{P} did not mind. It was just a game."],
    ["{P} and {Q} played a game, and {P} won.", "{Q} asked to play again."],
    ["{P} cooked {food} for {Pp} family.", "Everyone said it was delicious."],
    ["{P} walked along the river and watched the ducks.", "{PH} counted the boats on the water."],
    ["{P} met {Q} at the {place}.", "{Q} asked {P} where {Ph} was going.",
     "{P} said that {Ph} was going to the {place2}.", "{Q} said that {Qh} would come too."],
    ["{P} took the bus to the {place}.", "{PH} sat by the window and watched the city go by.",
     "When an old woman got on, {P} gave her {Pp} seat."],
    ["The {obj} was broken, so {P} fixed it with some glue.", "{Q} was amazed that {P} could fix it."],
    ["{P} and {Q} shared the {food}.", "There was just enough for both of them."],
]

_STORY_DIALOGUE = [
    ['"{greet}, {Q}," said {P}.', '"{greet}, {P}! How are you?" asked {Q}.', '"I am {feel} today," said {P}.'],
    ['"Can you help me?" {P} asked {Q}.', '"Of course I can," {Q} said.'],
    ['"Where is my {obj}?" asked {P}.', '"It is on the table," said {Q}.'],
    ['"Let us go to the {place}," said {Q}.', '"That is a good idea," {P} said.'],
    ['"Thank you, {Q}," said {P}. "You are very kind."'],
    ['"I like your {pet}," said {Q}.', '"Its name is {petname}," {P} said with a smile.'],
    ['"Do you want some {food}?" asked {P}.', '"Yes, please," said {Q}.'],
    ['"What do you do?" asked {Q}.', '"I am {ajob}," {P} said. "I work at the {jobplace}."'],
    ['"What do you want to do today?" {Q} asked.', '"I want to {act}," said {P}.'],
    ['"See you tomorrow," said {Q}.', '"See you," said {P}.'],
    ['"Be careful," {P} told {Q}.', '"I will," said {Q}.'],
    ['"I found {aobj}!" said {P}.', '"Wow, that is great," said {Q}.'],
    ['"Where are you going, {P}?" asked {Q}.', '"I am going to the {place}," {P} said.', '"Wait for me," said {Q}.'],
]

_STORY_PET = [
    "The {pet} is a pet.",
    "A {young} is a young {pet}.",
    "{P} had a {pet} and a {pet2}.",
    "The {pet} and the {pet2} played in the garden.",
    "The {pet} slept next to the {pet2}.",
    "{P} wanted a pet, so {Ph} got a {young}.",
    "The little {young} grew into a big {pet}.",
    "A {pet} makes a good pet.",
    "{Pp} {pet} likes to sleep in the sun.",
    "{P} takes care of {Pp} {pet} every day.",
    "The {pet} is {Pp} favorite pet.",
    "{P} fed the {young} and the {young2}.",
    "The {young} chased a ball across the room.",
    "Many families have a {pet} or a {pet2} as a pet.",
    "{P} brushed the fur of {Pp} {pet}.",
    "The vet checked the {pet} and said it was healthy.",
    "{P} took {Pp} {pet} to the vet.",
    "The {pet} is a friendly animal.",
    "A {pet} and a {pet2} can be friends.",
    "Their pet {pet} was named {petname}.",
    "{Pets} are pets, and {pets2} are pets too.",
    "{P} loves {pets} and {pets2}.",
    "Many people keep {pets} as pets.",
    "{Pets} like to play, and {youngs} like to play even more.",
    "{Youngs} grow up to be {pets}.",
    "{P} read a book about {pets}.",
    "Some {pets} are friendly, and some {pets} are shy.",
    "The shelter had three {pets} and two {pets2}.",
    "The {pet} and its {young} slept together.",
    "The little {young} will soon be a grown {pet}.",
    "A {pet} is a pet, and a {young} is a pet too.",
]

_STORY_END = [
    "It was a good day.",
    "{P} went to sleep {feel} and tired.",
    "{P} and {Q} stayed friends for many years.",
    "That night, {P} dreamed about the {place}.",
    "{P} smiled. It had been a wonderful day.",
    "The end.",
    "{P} knew that {Ph} would remember this day.",
    "{Q} promised to visit {P} again soon.",
    "From that day on, {P} always carried {Pp} {obj}.",
    "And that is how {P} learned to {act}.",
    "{PH} could not wait for the next {day}.",
    "Everyone was happy, and {P} was happy too.",
]


def _story_ctx(rng: random.Random) -> dict:
    ctx: dict = {}
    pname, pg = add_person(rng, "P", ctx)
    add_person(rng, "Q", ctx, avoid=(pname,))
    (pet, young), (pet2, young2) = two_pets(rng, PETS)
    job, jobplace = rng.choice(JOBS)
    job2, _ = rng.choice(JOBS)
    obj = rng.choice(OBJECTS)
    oadj = rng.choice(ADJ_THING)
    ctx.update(
        town=rng.choice(TOWNS), day=rng.choice(DAYS),
        weather=rng.choice(WEATHER), place=rng.choice(PLACES),
        place2=rng.choice(PLACES), pet=pet, young=young, pet2=pet2,
        young2=young2, pets=PET_PLURAL[pet], Pets=capitalised(PET_PLURAL[pet]),
        pets2=PET_PLURAL[pet2], youngs=PET_PLURAL[young], Youngs=capitalised(PET_PLURAL[young]),
        petname=rng.choice(PET_NAMES), job=job,
        jobplace=jobplace, job2=job2, ajob=with_article(job), ajob2=with_article(job2), obj=obj, aobj=with_article(obj),
        aoadj=indefinite_article(oadj), color=rng.choice(COLORS),
        color2=rng.choice(["blue", "bright", "clear", "grey", "pink"]),
        food=rng.choice(FOODS), p_food=rng.choice(FOODS),
        feel=rng.choice(FEELINGS), qfeel=rng.choice(FEELINGS),
        time=rng.choice(TIMES), act=rng.choice(ACTIVITIES),
        greet=rng.choice(GREETINGS),
        padj=rng.choice(["kind", "clever", "young", "brave", "quiet", "cheerful"]),
        pkind=("boy" if pg else "girl") if rng.random() < 0.5 else ("man" if pg else "woman"),
    )
    ctx["aoadj"] = indefinite_article(oadj) + " " + oadj
    return ctx


_ROUTINE_SUBJ = ["I", "we", "they", "you", "{P} and {Q}", "the children", "my friends"]
_ROUTINE_NOW = ["Every morning", "Every day", "On weekdays", "Usually", "Most days",
                "In the afternoon", "After school", "Every evening", "Often", "Sometimes"]
_ROUTINE_THEN = ["Yesterday", "Last week", "Last night", "Two days ago", "Last Sunday",
                 "Last summer", "Once", "Yesterday morning"]
_ROUTINE_INTRO = ["This is what {subj} do.", "Here is a normal day.",
                  "{Subj} have a simple routine.", "Life is quiet here."]
_ROUTINE_TURN = ["But yesterday was different.", "Last week was not normal.",
                 "Then one day something changed.", "But yesterday was a special day.",
                 "This is what happened yesterday."]


def _sec_routine(rng: random.Random, ctx: dict) -> str:
    subj = rng.choice(_ROUTINE_SUBJ).format_map(ctx)
    verbs = rng.sample(PAST_INFO, rng.randint(3, 5))
    out = [rng.choice(_ROUTINE_INTRO).format(subj=subj, Subj=capitalised(subj))]
    for v, _, objs in verbs:
        out.append(f"{rng.choice(_ROUTINE_NOW)} {subj} {v} {rng.choice(objs)}.")
    out.append(rng.choice(_ROUTINE_TURN))
    for _, p, objs in rng.sample(verbs, rng.randint(2, len(verbs))):
        out.append(f"{rng.choice(_ROUTINE_THEN)} {subj} {p} {rng.choice(objs)}.")
    return " ".join(out)


def paragraph(rng: random.Random) -> str:
    ctx = _story_ctx(rng)
    if rng.random() < 0.25:
        return _sec_routine(rng, ctx)
    out = story_sentences(rng, _STORY_OPEN, _STORY_MID, _STORY_DIALOGUE, _STORY_PET, _STORY_END)
    return " ".join(s.format_map(ctx) for s in out)
