"""Section 6: homonyms (river bank / money bank, magazine) and collocations
("I like my coffee with cream and sugar.").
"""

from __future__ import annotations

import random

from .lexicon import add_person


# ---------------------------------------------------------------------------
# Section 6: homonyms and collocations
# ---------------------------------------------------------------------------

_BANK_RIVER = [
    "{P} sat on the bank of the river and watched the water.",
    "The river bank was covered with grass and flowers.",
    "{P} went fishing and sat on the muddy bank of the river.",
    "Ducks rested on the bank of the stream.",
    "The boat was tied to a tree on the river bank.",
    "After the flood, the water rose over the bank of the river.",
    "{P} walked along the bank of the river with {Pp} dog.",
    "Frogs jumped from the grassy bank into the river.",
    "They had a picnic on the bank of the lake.",
    "The children threw stones from the river bank into the water.",
]
_BANK_MONEY = [
    "{P} went to the bank to cash a check.",
    "The bank cashed the check for {Pm}.",
    "{P} saved money in the bank every month.",
    "The bank gave {P} a loan to buy a house.",
    "{P} opened an account at the bank.",
    "The bank was closed on Sunday, so {P} could not get any money.",
    "{P} asked the bank for a new credit card.",
    "The teller at the bank counted the money.",
    "{P} put {Pp} salary in the bank.",
    "The bank charged a small fee for the transfer.",
]
_MAG_READ = [
    "{P} picked up the magazine and read it.",
    "{P} bought a magazine at the station and read it on the train.",
    "There was a magazine on the table, so {P} read it.",
    "{P} read an article in a magazine about cooking.",
    "{PH} flipped through the pages of the magazine.",
    "The magazine had colorful pictures of mountains.",
    "{P} put the magazine back on the shelf.",
]
_MAG_WORK = [
    "{P} worked for the magazine as an editor.",
    "{P} got a job at a fashion magazine.",
    "The magazine hired {P} to write about science.",
    "{P} wrote articles for the magazine for ten years.",
    "The magazine sent {P} to take photos in the city.",
    "{P} is the chief editor of a travel magazine.",
]
_OTHER_HOMONYMS = [
    "The bat flew out of the cave at night. {P} hit the ball with a wooden bat.",
    "The dog began to bark. The bark of the old tree was rough.",
    "{P} lit a match to start the fire. The football match started at noon.",
    "{P} wore a ring on {Pp} finger. The phone began to ring.",
    "The bag was light, so {P} carried it easily. {P} turned on the light.",
    "{P} will park the car near the park.",
    "{P} could not sleep because of the noise, so {Ph} read a book. The park was quiet.",
    "A rose is a flower. The sun rose in the east.",
    "{P} used a key to open the door. The key to success is hard work.",
    "{P} played a fair game. {P} rode the big wheel at the fair.",
    "The spring flowers were pretty. The old chair had a broken spring.",
]
_COFFEE = [
    "I like my coffee with cream and sugar.",
    "{P} likes {Pp} coffee with cream and sugar.",
    "{P} always takes {Pp} coffee with cream and sugar.",
    "She drinks her coffee with cream and sugar.",
    "He drinks his coffee with cream and sugar.",
    "Every morning I drink a cup of coffee with cream and sugar.",
    "Can I have a coffee with cream and sugar, please?",
    "{P} ordered a large coffee with cream and sugar.",
    "My mother likes her coffee with cream and sugar.",
    "My father likes his coffee with cream and sugar.",
    "We serve coffee with cream and sugar.",
    "{P} made two cups of coffee with cream and sugar.",
    "Some people like black coffee, but I like my coffee with cream and sugar.",
    "At the cafe, {P} asked for coffee with cream and sugar.",
    "I like my tea with milk and my coffee with cream and sugar.",
    "How do you take your coffee? I take it with cream and sugar.",
]
_COLLOC = [
    "Please pass the salt and pepper.",
    "{P} put salt and pepper on the eggs.",
    "We had bread and butter for breakfast.",
    "{P} spread butter on the bread. Bread and butter is a simple meal.",
    "{P} ate fish and chips by the sea.",
    "The children had peanut butter and jelly sandwiches.",
    "{P} bought milk and cookies for the children.",
    "Ladies and gentlemen, welcome to the show.",
    "The old photo was in black and white.",
    "The elevator went up and down all day.",
    "{P} bought a cup and saucer at the market.",
    "{P} set the table with a knife and fork.",
    "Thunder and lightning filled the sky.",
    "Rock and roll music played on the radio.",
    "{P} felt safe and sound at home.",
    "Slow and steady wins the race.",
    "{P} waited and waited, but nobody came. It was now or never.",
    "{P} looked far and wide for {Pp} cat.",
    "The kids ran back and forth across the yard.",
    "{P} likes {Pp} tea with milk and honey.",
    "Peace and quiet is what {P} wanted after work.",
    "The shop sold odds and ends.",
    "{P} ate rice and beans for dinner.",
    "Macaroni and cheese is a favorite dish.",
]


def paragraph(rng: random.Random) -> str:
    ctx: dict = {}
    add_person(rng, "P", ctx)
    r = rng.random()
    if r < 0.3:
        sents = rng.sample(_BANK_RIVER, 2) + rng.sample(_BANK_MONEY, 2)
        if rng.random() < 0.5:
            sents = sents[2:] + sents[:2]
    elif r < 0.45:
        sents = [rng.choice(_MAG_READ), rng.choice(_MAG_WORK)]
        if rng.random() < 0.5:
            sents.reverse()
    elif r < 0.55:
        sents = [rng.choice(_OTHER_HOMONYMS)]
    elif r < 0.8:
        sents = rng.sample(_COFFEE, rng.randint(1, 3))
        if rng.random() < 0.4:
            sents.append(rng.choice(_COLLOC))
    else:
        sents = rng.sample(_COLLOC, rng.randint(2, 3))
    return " ".join(s.format_map(ctx) for s in sents)
