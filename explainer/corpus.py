"""Deterministic generator of a small, readable English training corpus.

Everything here is written from templates in this file (no external text).
The corpus mixes six kinds of paragraphs:

1. simple stories (people with correct pronouns, places, objects, pets, jobs),
2. world facts about real countries (capital, nationality, language, Q/A lines),
3. word relations in parallel frames (gender, plural, comparative, superlative,
   opposite, past tense) so that word2vec analogy arithmetic works,
4. indirect object identification (IOI) sentences and pronoun resolution,
5. in-context facts about made-up places ("The capital of Zorvania is Tessel.
   Q: What is the capital of Zorvania? A: Tessel"),
6. homonyms (river bank / money bank, magazine) and collocations
   ("I like my coffee with cream and sugar.").

All randomness comes from ``random.Random(seed)``; the same
``(size_bytes, seed)`` always gives the same text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

__all__ = [
    "Country",
    "COUNTRIES",
    "RELATIONS",
    "NAMES_MALE",
    "NAMES_FEMALE",
    "PLACES",
    "OBJECTS",
    "IOI_TRAIN_TEMPLATES",
    "IOI_EVAL_TEMPLATES",
    "SECTION_WEIGHTS",
    "make_ioi_cases",
    "generate_corpus",
    "generate_sections",
    "held_out_text",
    "count_occurrences",
    "find_occurrences",
]


# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    name: str
    capital: str
    adjective: str
    language: str


_COUNTRY_ROWS = [
    ("France", "Paris", "French", "French"),
    ("Germany", "Berlin", "German", "German"),
    ("Poland", "Warsaw", "Polish", "Polish"),
    ("Switzerland", "Bern", "Swiss", "German"),
    ("Cambodia", "Phnom Penh", "Cambodian", "Khmer"),
    ("Italy", "Rome", "Italian", "Italian"),
    ("Japan", "Tokyo", "Japanese", "Japanese"),
    ("China", "Beijing", "Chinese", "Chinese"),
    ("Spain", "Madrid", "Spanish", "Spanish"),
    ("Portugal", "Lisbon", "Portuguese", "Portuguese"),
    ("Greece", "Athens", "Greek", "Greek"),
    ("Sweden", "Stockholm", "Swedish", "Swedish"),
    ("Norway", "Oslo", "Norwegian", "Norwegian"),
    ("Finland", "Helsinki", "Finnish", "Finnish"),
    ("Denmark", "Copenhagen", "Danish", "Danish"),
    ("Ireland", "Dublin", "Irish", "English"),
    ("Austria", "Vienna", "Austrian", "German"),
    ("Hungary", "Budapest", "Hungarian", "Hungarian"),
    ("Romania", "Bucharest", "Romanian", "Romanian"),
    ("Ukraine", "Kyiv", "Ukrainian", "Ukrainian"),
    ("Russia", "Moscow", "Russian", "Russian"),
    ("Turkey", "Ankara", "Turkish", "Turkish"),
    ("Egypt", "Cairo", "Egyptian", "Arabic"),
    ("Kenya", "Nairobi", "Kenyan", "Swahili"),
    ("Nigeria", "Abuja", "Nigerian", "English"),
    ("Ghana", "Accra", "Ghanaian", "English"),
    ("Ethiopia", "Addis Ababa", "Ethiopian", "Amharic"),
    ("Morocco", "Rabat", "Moroccan", "Arabic"),
    ("India", "New Delhi", "Indian", "Hindi"),
    ("Pakistan", "Islamabad", "Pakistani", "Urdu"),
    ("Thailand", "Bangkok", "Thai", "Thai"),
    ("Vietnam", "Hanoi", "Vietnamese", "Vietnamese"),
    ("Indonesia", "Jakarta", "Indonesian", "Indonesian"),
    ("Malaysia", "Kuala Lumpur", "Malaysian", "Malay"),
    ("Philippines", "Manila", "Filipino", "Filipino"),
    ("Korea", "Seoul", "Korean", "Korean"),
    ("Australia", "Canberra", "Australian", "English"),
    ("Canada", "Ottawa", "Canadian", "English"),
    ("America", "Washington", "American", "English"),
    ("Britain", "London", "British", "English"),
    ("Mexico", "Mexico City", "Mexican", "Spanish"),
    ("Brazil", "Brasilia", "Brazilian", "Portuguese"),
    ("Argentina", "Buenos Aires", "Argentine", "Spanish"),
    ("Chile", "Santiago", "Chilean", "Spanish"),
    ("Peru", "Lima", "Peruvian", "Spanish"),
    ("Colombia", "Bogota", "Colombian", "Spanish"),
    ("Cuba", "Havana", "Cuban", "Spanish"),
    ("Iran", "Tehran", "Iranian", "Persian"),
    ("Iraq", "Baghdad", "Iraqi", "Arabic"),
    ("Belgium", "Brussels", "Belgian", "Dutch"),
    ("Netherlands", "Amsterdam", "Dutch", "Dutch"),
    ("Croatia", "Zagreb", "Croatian", "Croatian"),
    ("Serbia", "Belgrade", "Serbian", "Serbian"),
    ("Nepal", "Kathmandu", "Nepali", "Nepali"),
    ("Mongolia", "Ulaanbaatar", "Mongolian", "Mongolian"),
    ("Czechia", "Prague", "Czech", "Czech"),
    ("Iceland", "Reykjavik", "Icelandic", "Icelandic"),
    ("Estonia", "Tallinn", "Estonian", "Estonian"),
    ("Latvia", "Riga", "Latvian", "Latvian"),
    ("Lithuania", "Vilnius", "Lithuanian", "Lithuanian"),
    ("Venezuela", "Caracas", "Venezuelan", "Spanish"),
    ("Algeria", "Algiers", "Algerian", "Arabic"),
    ("Tanzania", "Dodoma", "Tanzanian", "Swahili"),
    ("Uganda", "Kampala", "Ugandan", "English"),
    ("Bangladesh", "Dhaka", "Bangladeshi", "Bengali"),
    ("Georgia", "Tbilisi", "Georgian", "Georgian"),
    ("Armenia", "Yerevan", "Armenian", "Armenian"),
    ("Cyprus", "Nicosia", "Cypriot", "Greek"),
]

COUNTRIES: list[Country] = [Country(*row) for row in _COUNTRY_ROWS]
_COUNTRY_BY_NAME = {c.name: c for c in COUNTRIES}


# ---------------------------------------------------------------------------
# Word relations.  Each entry carries a few "topic" words that are used with
# both members of the pair, so the pair shares an identity while the frames
# give each side its own consistent context (this is what makes b - a + c ~ d).
# ---------------------------------------------------------------------------

# (male, female, topic words, thing owned)
_GENDER_INFO = [
    ("man", "woman", ["office", "city", "street"], "coat"),
    ("king", "queen", ["palace", "throne", "kingdom"], "crown"),
    ("boy", "girl", ["playground", "classroom", "school"], "kite"),
    ("father", "mother", ["family", "kitchen", "home"], "car"),
    ("brother", "sister", ["bedroom", "games", "twins"], "bike"),
    ("son", "daughter", ["parents", "birthday", "family"], "backpack"),
    ("husband", "wife", ["wedding", "marriage", "anniversary"], "ring"),
    ("uncle", "aunt", ["cousins", "holidays", "farm"], "truck"),
    ("prince", "princess", ["castle", "horse", "royal"], "sword"),
    ("nephew", "niece", ["relatives", "visit", "cousins"], "toys"),
    ("grandfather", "grandmother", ["grandchildren", "garden", "stories"], "glasses"),
    ("actor", "actress", ["stage", "film", "theater"], "script"),
    ("waiter", "waitress", ["restaurant", "menu", "tables"], "tray"),
    ("groom", "bride", ["wedding", "church", "ceremony"], "flowers"),
]

# (singular, plural, topic words)
_PLURAL_INFO = [
    ("cat", "cats", ["pet", "kitten", "home"]),
    ("dog", "dogs", ["pet", "puppy", "yard"]),
    ("dollar", "dollars", ["money", "price", "wallet"]),
    ("mouse", "mice", ["cheese", "hole", "tail"]),
    ("child", "children", ["toys", "school", "games"]),
    ("foot", "feet", ["shoes", "socks", "toes"]),
    ("tooth", "teeth", ["dentist", "brush", "smile"]),
    ("goose", "geese", ["pond", "feathers", "farm"]),
    ("bench", "benches", ["wooden", "sitting", "painted"]),
    ("car", "cars", ["road", "garage", "engine"]),
    ("peach", "peaches", ["orchard", "juice", "basket"]),
    ("box", "boxes", ["lid", "cardboard", "packing"]),
    ("cow", "cows", ["meadow", "barn", "grass"]),
    ("knife", "knives", ["sharp", "blade", "cutting"]),
    ("leaf", "leaves", ["branch", "autumn", "green"]),
    ("wolf", "wolves", ["forest", "howling", "pack"]),
    ("spoon", "spoons", ["soup", "drawer", "cutlery"]),
    ("baby", "babies", ["crib", "bottle", "crying"]),
]

# (base, comparative, superlative, topic word, three nouns from small to large)
_COMPARE_INFO = [
    ("big", "bigger", "biggest", "size", ("rabbit", "elephant", "whale")),
    ("small", "smaller", "smallest", "size", ("pebble", "seed", "grain")),
    ("tall", "taller", "tallest", "height", ("bush", "house", "tower")),
    ("short", "shorter", "shortest", "length", ("pencil", "crayon", "nail")),
    ("fast", "faster", "fastest", "speed", ("bicycle", "train", "rocket")),
    ("slow", "slower", "slowest", "speed", ("turtle", "snail", "sloth")),
    ("old", "older", "oldest", "age", ("bridge", "castle", "pyramid")),
    ("young", "younger", "youngest", "age", ("student", "kid", "toddler")),
    ("strong", "stronger", "strongest", "strength", ("wrestler", "ox", "gorilla")),
    ("weak", "weaker", "weakest", "strength", ("reed", "chick", "ant")),
    ("long", "longer", "longest", "length", ("rope", "river", "highway")),
    ("cold", "colder", "coldest", "temperature", ("lake", "snow", "glacier")),
    ("warm", "warmer", "warmest", "temperature", ("blanket", "bath", "oven")),
    ("hot", "hotter", "hottest", "temperature", ("tea", "stove", "sun")),
    ("high", "higher", "highest", "height", ("hill", "cliff", "mountain")),
    ("deep", "deeper", "deepest", "depth", ("puddle", "well", "ocean")),
    ("cheap", "cheaper", "cheapest", "cost", ("sandwich", "candy", "gum")),
    ("loud", "louder", "loudest", "noise", ("drum", "siren", "thunder")),
    ("dark", "darker", "darkest", "color", ("cloud", "cave", "night")),
    ("heavy", "heavier", "heaviest", "weight", ("suitcase", "piano", "truck")),
    ("soft", "softer", "softest", "texture", ("towel", "pillow", "feather")),
    ("rich", "richer", "richest", "wealth", ("banker", "merchant", "emperor")),
]

# (positive, negative, topic words)
_OPPOSITE_INFO = [
    ("ethical", "unethical", ["business", "decision"]),
    ("possible", "impossible", ["task", "plan"]),
    ("happy", "unhappy", ["face", "mood"]),
    ("honest", "dishonest", ["answer", "truth"]),
    ("fair", "unfair", ["game", "rules"]),
    ("kind", "unkind", ["words", "neighbor"]),
    ("legal", "illegal", ["law", "court"]),
    ("polite", "impolite", ["manners", "greeting"]),
    ("correct", "incorrect", ["sum", "spelling"]),
    ("lucky", "unlucky", ["number", "coin"]),
    ("patient", "impatient", ["waiting", "queue"]),
    ("visible", "invisible", ["star", "ink"]),
    ("comfortable", "uncomfortable", ["chair", "sofa"]),
    ("responsible", "irresponsible", ["duty", "chores"]),
    ("safe", "unsafe", ["bridge", "ladder"]),
    ("friendly", "unfriendly", ["stranger", "greeting"]),
    ("tidy", "untidy", ["room", "desk"]),
    ("loyal", "disloyal", ["friend", "promise"]),
]

# (present, past, object phrase)
# Each verb gets object phrases built from nouns that are frequent elsewhere in
# the corpus (places and objects of the stories), so that the objects tie the
# present and past forms together without becoming near-synonyms of the verb.
# Apart from walk and go, the verbs are ones the stories rarely use, so their
# vectors are shaped mostly by these parallel frames.
_PAST_INFO = [
    ("walk", "walked", ["to the park", "to the market"]),
    ("go", "went", ["to the store", "to the mall"]),
    ("bake", "baked", ["a cookie", "bread at the bakery"]),
    ("dance", "danced", ["at the church", "in the garden"]),
    ("draw", "drew", ["a picture", "a map"]),
    ("fly", "flew", ["a kite", "to the island"]),
    ("ride", "rode", ["a bike", "a horse"]),
    ("swim", "swam", ["at the beach", "in the lake"]),
    ("sing", "sang", ["at the cinema", "a song"]),
    ("climb", "climbed", ["the hill", "a tree"]),
    ("drive", "drove", ["to the office", "to the hospital"]),
    ("kick", "kicked", ["the ball", "a ball"]),
    ("dig", "dug", ["in the garden", "a hole"]),
    ("wash", "washed", ["the cup", "the car"]),
    ("knit", "knitted", ["a hat", "a scarf"]),
    ("skate", "skated", ["on the lake", "at the park"]),
    ("sew", "sewed", ["a bag", "a button"]),
    ("whistle", "whistled", ["a tune", "at the station"]),
    ("jog", "jogged", ["to the gym", "in the park"]),
    ("shake", "shook", ["the basket", "the umbrella"]),
    ("wear", "wore", ["a hat", "a necklace"]),
    ("hide", "hid", ["the key", "the gift"]),
    ("fold", "folded", ["a letter", "a card"]),
    ("sweep", "swept", ["the shop", "the office"]),
    ("blow", "blew", ["out a candle", "on the soup"]),
    ("paint", "painted", ["a picture", "the school"]),
]

RELATIONS: dict[str, list[tuple[str, str]]] = {
    "gender": [("he", "she")] + [(m, f) for m, f, _, _ in _GENDER_INFO],
    "plural": [(s, p) for s, p, _ in _PLURAL_INFO],
    "comparative": [(b, c) for b, c, _, _, _ in _COMPARE_INFO],
    "superlative": [(b, s) for b, _, s, _, _ in _COMPARE_INFO],
    "capital": [(c.name, c.capital) for c in COUNTRIES if " " not in c.capital],
    "nationality": [(c.name, c.adjective) for c in COUNTRIES],
    "opposite": [(a, b) for a, b, _ in _OPPOSITE_INFO],
    "past_tense": [(a, b) for a, b, _ in _PAST_INFO],
}


# ---------------------------------------------------------------------------
# People, places, objects
# ---------------------------------------------------------------------------

NAMES_MALE: list[str] = [
    "John", "James", "Robert", "Michael", "William", "David", "Richard",
    "Thomas", "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Paul",
    "Steven", "Andrew", "Kevin", "Brian", "George", "Edward", "Peter", "Jack",
    "Henry", "Sam", "Tom", "Ben", "Max", "Leo", "Oliver", "Adam", "Ryan",
    "Eric", "Frank", "Harry", "Luke", "Oscar", "Simon", "Victor", "Carl",
    "Joe",
]

NAMES_FEMALE: list[str] = [
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Susan", "Sarah",
    "Karen", "Emma", "Nancy", "Lisa", "Anna", "Laura", "Emily", "Kate", "Lucy",
    "Alice", "Grace", "Rose", "Julia", "Helen", "Amy", "Claire", "Jane",
    "Ruth", "Sophie", "Olivia", "Rachel", "Hannah", "Ella", "Lily", "Chloe",
    "Megan", "Diana", "Nora", "Ivy", "Sara", "Molly", "Jessica", "Kim",
]

PLACES: list[str] = [
    "store", "park", "school", "library", "beach", "restaurant", "garden",
    "station", "hospital", "office", "market", "cafe", "museum", "bakery",
    "farm", "zoo", "gym", "cinema", "lake", "shop", "mall", "church",
]

OBJECTS: list[str] = [
    "drink", "book", "ball", "apple", "letter", "pen", "cup", "gift", "key",
    "bag", "ticket", "flower", "sandwich", "hat", "map", "phone", "cookie",
    "card", "toy", "umbrella", "necklace", "basket", "candle", "picture",
]

_PETS = [("cat", "kitten"), ("dog", "puppy"), ("rabbit", "bunny"),
         ("horse", "foal"), ("bird", "chick"), ("hamster", "pup")]
_PET_PLURAL = {"cat": "cats", "dog": "dogs", "rabbit": "rabbits", "horse": "horses",
               "bird": "birds", "hamster": "hamsters", "kitten": "kittens",
               "puppy": "puppies", "bunny": "bunnies", "foal": "foals",
               "chick": "chicks", "pup": "pups"}
_PET_NAMES = ["Tiger", "Bella", "Charlie", "Luna", "Buddy", "Daisy", "Coco",
              "Rocky", "Milo", "Pepper", "Ginger", "Shadow", "Biscuit", "Ziggy"]
_JOBS = [
    ("doctor", "hospital"), ("nurse", "hospital"), ("engineer", "factory"),
    ("teacher", "school"), ("pilot", "airport"), ("scientist", "lab"),
    ("lawyer", "office"), ("chef", "restaurant"), ("farmer", "farm"),
    ("baker", "bakery"), ("librarian", "library"), ("programmer", "office"),
    ("dentist", "clinic"), ("firefighter", "fire station"),
    ("police officer", "police station"), ("mechanic", "garage"),
    ("journalist", "newspaper"), ("architect", "studio"),
    ("accountant", "bank"), ("gardener", "park"), ("secretary", "office"),
    ("manager", "store"), ("painter", "studio"), ("driver", "bus depot"),
]
_FOODS = ["soup", "pasta", "bread", "rice", "salad", "pizza", "pancakes",
          "eggs", "cake", "cookies", "noodles", "fish", "beans", "porridge",
          "sandwiches", "pie", "chicken", "apples", "cheese", "tomatoes"]
_COLORS = ["red", "blue", "green", "yellow", "white", "black", "brown",
           "purple", "orange", "pink", "grey"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
         "Sunday"]
_TIMES = ["In the morning", "After lunch", "Later that day", "In the evening",
          "That night", "The next day", "On the weekend", "Early one morning",
          "One afternoon", "Before dinner", "At noon", "After school",
          "A little later", "Soon after", "After a while"]
_WEATHER = ["sunny", "rainy", "cold", "warm", "windy", "cloudy", "snowy",
            "hot", "foggy", "bright"]
_FEELINGS = ["happy", "tired", "hungry", "excited", "sleepy", "proud",
             "nervous", "calm", "cheerful", "bored", "curious", "glad"]
_ADJ_THING = ["old", "new", "small", "big", "shiny", "heavy", "light",
              "pretty", "strange", "useful", "broken", "little"]
_TOWNS = ["a small town", "a big city", "a quiet village", "a busy town",
          "a house by the sea", "a farm near the hills", "a flat in the city",
          "a cottage in the woods", "a village near a river"]
_GREETINGS = ["Hello", "Hi", "Good morning", "Good afternoon", "Hey there",
              "Good evening"]
_ACTIVITIES = ["read a book", "play chess", "draw a picture", "bake a cake",
               "plant some flowers", "fix the bike", "clean the house",
               "watch a film", "go for a walk", "fly a kite",
               "write a letter", "paint the fence", "build a birdhouse",
               "learn a new song", "make lunch", "do the homework"]


def _art(word: str) -> str:
    """Indefinite article for word ("a" / "an")."""
    return "an" if word[0] in "aeiouAEIOU" else "a"


def _a(word: str) -> str:
    return f"{_art(word)} {word}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _person(rng: random.Random, prefix: str, ctx: dict, avoid=(), gender=None):
    """Fill ctx with a person: {P}, {Ph} he/she, {Pm} him/her, {Pp} his/her."""
    if gender is None:
        gender = rng.random() < 0.5
    pool = NAMES_MALE if gender else NAMES_FEMALE
    name = rng.choice(pool)
    while name in avoid:
        name = rng.choice(pool)
    if gender:
        h, m, p, s = "he", "him", "his", "himself"
    else:
        h, m, p, s = "she", "her", "her", "herself"
    ctx[prefix] = name
    ctx[prefix + "h"] = h
    ctx[prefix + "m"] = m
    ctx[prefix + "p"] = p
    ctx[prefix + "s"] = s
    ctx[prefix + "H"] = _cap(h)
    ctx[prefix + "P"] = _cap(p)
    return name, gender


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


def _pick_pet(rng: random.Random) -> tuple[str, str]:
    r = rng.random()
    if r < 0.35:
        return _PETS[0]
    if r < 0.7:
        return _PETS[1]
    return rng.choice(_PETS[2:])


def _story_ctx(rng: random.Random) -> dict:
    ctx: dict = {}
    pname, pg = _person(rng, "P", ctx)
    _person(rng, "Q", ctx, avoid=(pname,))
    pet, young = _pick_pet(rng)
    pet2, young2 = _pick_pet(rng)
    while pet2 == pet:
        pet2, young2 = _pick_pet(rng)
    job, jobplace = rng.choice(_JOBS)
    job2, _ = rng.choice(_JOBS)
    obj = rng.choice(OBJECTS)
    oadj = rng.choice(_ADJ_THING)
    ctx.update(
        town=rng.choice(_TOWNS), day=rng.choice(_DAYS),
        weather=rng.choice(_WEATHER), place=rng.choice(PLACES),
        place2=rng.choice(PLACES), pet=pet, young=young, pet2=pet2,
        young2=young2, pets=_PET_PLURAL[pet], Pets=_cap(_PET_PLURAL[pet]),
        pets2=_PET_PLURAL[pet2], youngs=_PET_PLURAL[young], Youngs=_cap(_PET_PLURAL[young]),
        petname=rng.choice(_PET_NAMES), job=job,
        jobplace=jobplace, job2=job2, ajob=_a(job), ajob2=_a(job2), obj=obj, aobj=_a(obj),
        aoadj=_art(oadj), color=rng.choice(_COLORS),
        color2=rng.choice(["blue", "bright", "clear", "grey", "pink"]),
        food=rng.choice(_FOODS), p_food=rng.choice(_FOODS),
        feel=rng.choice(_FEELINGS), qfeel=rng.choice(_FEELINGS),
        time=rng.choice(_TIMES), act=rng.choice(_ACTIVITIES),
        greet=rng.choice(_GREETINGS),
        padj=rng.choice(["kind", "clever", "young", "brave", "quiet", "cheerful"]),
        pkind=("boy" if pg else "girl") if rng.random() < 0.5 else ("man" if pg else "woman"),
    )
    ctx["aoadj"] = _art(oadj) + " " + oadj
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
    verbs = rng.sample(_PAST_INFO, rng.randint(3, 5))
    out = [rng.choice(_ROUTINE_INTRO).format(subj=subj, Subj=_cap(subj))]
    for v, _, objs in verbs:
        out.append(f"{rng.choice(_ROUTINE_NOW)} {subj} {v} {rng.choice(objs)}.")
    out.append(rng.choice(_ROUTINE_TURN))
    for _, p, objs in rng.sample(verbs, rng.randint(2, len(verbs))):
        out.append(f"{rng.choice(_ROUTINE_THEN)} {subj} {p} {rng.choice(objs)}.")
    return " ".join(out)


def _sec_story(rng: random.Random) -> str:
    ctx = _story_ctx(rng)
    if rng.random() < 0.25:
        return _sec_routine(rng, ctx)
    out = [rng.choice(_STORY_OPEN)]
    n = rng.randint(3, 6)
    for _ in range(n):
        r = rng.random()
        if r < 0.55:
            out.extend(rng.choice(_STORY_MID))
        elif r < 0.8:
            out.extend(rng.choice(_STORY_DIALOGUE))
        else:
            out.append(rng.choice(_STORY_PET))
    if rng.random() < 0.6:
        out.append(rng.choice(_STORY_END))
    return " ".join(s.format_map(ctx) for s in out)


# ---------------------------------------------------------------------------
# Section 2: world facts about real countries
# ---------------------------------------------------------------------------

_CAPITAL_SENT = [
    "{cap} is the capital of {country}.",
    "The capital of {country} is {cap}.",
    "The capital city of {country} is {cap}.",
    "{cap} is the capital city of {country}.",
    "{cap} is a city in {country}.",
    "{cap} is the largest city in {country}." ,
    "The government of {country} meets in {cap}.",
    "If you travel to {country}, you might visit {cap}, its capital.",
    "{country} has its capital in {cap}.",
    "Many people who live in {country} have visited {cap}.",
    "{cap}, the capital of {country}, is a busy city.",
    "The main city of {country} is {cap}.",
    "{cap} is in {country}.",
    "{country} is a country, and {cap} is its capital.",
    "The city of {cap} is the capital of {country}.",
    "When you fly to {country}, you often land in {cap}.",
]

_NATION_SENT = [
    "People from {country} are {adj}.",
    "A person from {country} is {adj}.",
    "A {adj} person comes from {country}.",
    "Someone who is {adj} comes from {country}.",
    "{adj} people live in {country}.",
    "The people of {country} are called {adj}.",
    "{adj} food comes from {country}.",
    "If you were born in {country}, you are {adj}.",
    "{country} is home to the {adj} people.",
    "{name} is from {country}, so {h} is {adj}.",
    "{name} was born in {country}. {H} is {adj}.",
    "The {adj} flag is the flag of {country}.",
    "{adj} music is popular in {country}.",
    "Most {adj} people live in {country}.",
]

_LANG_SENT = [
    "In {country} people speak {lang}.",
    "People in {country} speak {lang}.",
    "The main language of {country} is {lang}.",
    "Most people in {country} speak {lang}.",
    "{lang} is spoken in {country}.",
    "The official language of {country} is {lang}.",
    "If you go to {country}, you will hear {lang}.",
]

_QA_FORMS = {
    "capital": [("Q: What is the capital of {country}? A:", "cap")],
    "capital_rev": [
        ("Q: {cap} is the capital of which country? A:", "country"),
        ("Q: Which country has {cap} as its capital? A:", "country"),
    ],
    "nationality": [
        ("Q: What is a person from {country} called? A:", "adj"),
        ("Q: What nationality are people from {country}? A:", "adj"),
    ],
    "language": [
        ("Q: What language do people speak in {country}? A:", "lang"),
        ("Q: What is the main language of {country}? A:", "lang"),
    ],
    "nation_rev": [("Q: Where does a {adj} person come from? A:", "country")],
}


def _country_ctx(rng: random.Random, c: Country) -> dict:
    ctx = {"country": c.name, "cap": c.capital, "adj": c.adjective, "lang": c.language}
    _person(rng, "", ctx)
    ctx["name"] = ctx[""]
    return ctx


def _qa(rng: random.Random, c: Country, kind: str) -> str:
    tmpl, key = rng.choice(_QA_FORMS[kind])
    ctx = _country_ctx(rng, c)
    return tmpl.format_map(ctx) + " " + ctx[key]


def _qa_kind(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        return "capital"
    if r < 0.65:
        return "capital_rev"
    if r < 0.8:
        return "nationality"
    if r < 0.95:
        return "language"
    return "nation_rev"


def _sec_world(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        # descriptive paragraph about one country
        c = rng.choice(COUNTRIES)
        ctx = _country_ctx(rng, c)
        sents = []
        pools = [_CAPITAL_SENT, _NATION_SENT, _LANG_SENT, _CAPITAL_SENT, _NATION_SENT]
        rng.shuffle(pools)
        for pool in pools[: rng.randint(3, 5)]:
            sents.append(rng.choice(pool))
        text = " ".join(s.format_map(ctx) for s in sents)
        if rng.random() < 0.35:
            text += " " + _qa(rng, c, _qa_kind(rng))
        return text
    if r < 0.6:
        # several countries in parallel sentences
        cs = rng.sample(COUNTRIES, rng.randint(2, 4))
        pool = rng.choice([_CAPITAL_SENT, _NATION_SENT, _LANG_SENT])
        tmpl = rng.choice(pool)
        return " ".join(tmpl.format_map(_country_ctx(rng, c)) for c in cs)
    if r < 0.72:
        # single QA line
        c = rng.choice(COUNTRIES)
        return _qa(rng, c, _qa_kind(rng))
    if r < 0.9:
        # 2-4 QA pairs chained on one line
        kind = _qa_kind(rng) if rng.random() < 0.5 else "capital"
        cs = rng.sample(COUNTRIES, rng.randint(2, 4))
        return " ".join(_qa(rng, c, kind) for c in cs)
    # 2-4 QA pairs, one per line
    kind = _qa_kind(rng) if rng.random() < 0.5 else "capital"
    cs = rng.sample(COUNTRIES, rng.randint(2, 4))
    return "\n".join(_qa(rng, c, kind) for c in cs)


# ---------------------------------------------------------------------------
# Section 3: word relations in parallel frames
# ---------------------------------------------------------------------------

# Gender frames: {x} noun, {pr} he/she, {Pr} He/She, {pos} his/her, {ob} him/her,
# {mf} male/female, {t} topic word, {thing} possession.
_GENDER_FRAMES = [
    "The {x} said that {pr} liked the {t}.",
    "The {x} lost {pos} {thing} near the {t}.",
    "Everyone in the {t} knew the {x} and waved at {ob}.",
    "The {x} is {mf}.",
    "{Pr} is a {x}.",
    "{Pr} was the {x} of the {t}.",
    "The {x} smiled because {pr} was happy.",
    "The {x} took {pos} {thing} to the {t}.",
    "The {x} and {pos} {thing} were in the {t}.",
    "The {x} told us that {pr} would come to the {t}.",
    "We asked the {x} about the {t}, and {pr} answered.",
    "A {x} is a {mf} person.",
    "The {x} put on {pos} coat and left the {t}.",
    "The young {x} looked at {pos} {thing}.",
    "The {x} gave {pos} {thing} to a friend.",
    "People in the {t} thanked the {x} and hugged {ob}.",
]

_GENDER_PAIR = [
    "The {a} and the {b} were in the {t}.",
    "The {a} and the {b} {t2} together.",
    "A {a} is male and a {b} is female.",
    "He is the {a} and she is the {b}.",
    "He was a {a}; she was a {b}.",
    "He became a {a}, and she became a {b}.",
    "The {b} and the {a} talked about the {t}.",
    "Every {a} and every {b} came to the {t}.",
    "The word {b} is the female form of the word {a}.",
    "A male {t3} is a {a}, and a female {t3} is a {b}.",
    "The {a} is a man and the {b} is a woman.",
]
_GENDER_KIND = {
    "man": "adult", "king": "ruler", "boy": "child", "father": "parent",
    "brother": "sibling", "son": "child", "husband": "spouse",
    "uncle": "relative", "prince": "royal", "nephew": "relative",
    "grandfather": "grandparent", "actor": "performer",
    "waiter": "server", "groom": "newlywed",
}


def _rel_gender(rng: random.Random) -> str:
    m, f, topics, thing = rng.choice(_GENDER_INFO)
    t = rng.choice(topics)
    sents = []
    for _ in range(rng.randint(1, 3)):
        fr = rng.choice(_GENDER_FRAMES)
        male = fr.format(x=m, pr="he", Pr="He", pos="his", ob="him", mf="male", t=t, thing=thing)
        female = fr.format(x=f, pr="she", Pr="She", pos="her", ob="her", mf="female", t=t, thing=thing)
        if rng.random() < 0.5:
            sents += [male, female]
        else:
            sents += [female, male]
    if rng.random() < 0.7:
        fr = rng.choice(_GENDER_PAIR)
        sents.append(fr.format(a=m, b=f, t=t, t2=rng.choice(["walked", "laughed", "worked", "ate", "sang"]),
                               t3=_GENDER_KIND[m]))
    return " ".join(sents)


_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "several", "some"]

_PLURAL_FRAMES = [
    ("There is one {s} near the {t}.", "There are {n} {p} near the {t}."),
    ("I saw {as} by the {t}.", "I saw {n} {p} by the {t}."),
    ("This {s} is small.", "These {p} are small."),
    ("That {s} is mine.", "Those {p} are mine."),
    ("The {s} is here.", "The {p} are here."),
    ("One {s},", "{n} {p}."),
    ("We have one {s}.", "They have {n} {p}."),
    ("The {s} was in the {t}.", "The {p} were in the {t}."),
    ("She found {as} in the {t}.", "He found {n} {p} in the {t}."),
    ("Only one {s} is left.", "Now {n} {p} are left."),
    ("Look at this {s}!", "Look at all these {p}!"),
    ("A single {s} is not much.", "{N} {p} are a lot."),
    ("Each {s} is different.", "All the {p} are different."),
    ("Where is the {s}?", "Where are the {p}?"),
    ("My {s} is old.", "My {p} are old."),
]


def _rel_plural(rng: random.Random) -> str:
    s, p, topics = rng.choice(_PLURAL_INFO)
    t = rng.choice(topics)
    sents = []
    for _ in range(rng.randint(1, 3)):
        a, b = rng.choice(_PLURAL_FRAMES)
        n = rng.choice(_NUMBERS)
        ctx = dict(s=s, p=p, t=t, n=n, N=_cap(n), **{"as": _a(s)})
        sents += [a.format_map(ctx), b.format_map(ctx)]
    r = rng.random()
    if r < 0.2:
        sents.append(f"The plural of {s} is {p}.")
    elif r < 0.5:
        sents.append(rng.choice(["One {s}, many {p}.", "A {s}, two {p}.", "A {s} and two {p}.",
                                 "Not one {s} but many {p}."]).format(s=s, p=p, S=_cap(s)))
    return " ".join(sents)


_CMP_BASE = [
    "The {n1} is {b}.",
    "The {n1} is very {b}.",
    "A {n1} is quite {b}.",
    "The {n1} is {b} in {t}.",
]
_CMP_COMP = [
    "The {n2} is {c} than the {n1}.",
    "But the {n2} is even {c}.",
    "A {n2} is much {c} than a {n1}.",
    "The {n2} is {c} in {t} than the {n1}.",
]
_CMP_SUP = [
    "The {n3} is the {s} of all.",
    "The {n3} is the {s} one.",
    "Of the three, the {n3} is the {s}.",
    "The {n3} is the {s} in {t} of them all.",
]
_CMP_EXTRA = [
    "{B}, {c}, {s}.",
    "If something is {b}, something else can be {c}, and one thing can be the {s}.",
    "Which is {c}, the {n1} or the {n2}? The {n2} is {c}.",
    "Which is the {s}? The {n3} is the {s}.",
    "My {n1} is {b}, your {n2} is {c}, and his {n3} is the {s}.",
]


def _rel_compare(rng: random.Random) -> str:
    b, c, s, t, (n1, n2, n3) = rng.choice(_COMPARE_INFO)
    ctx = dict(b=b, c=c, s=s, t=t, n1=n1, n2=n2, n3=n3, B=_cap(b))
    r = rng.random()
    if r < 0.6:
        sents = [rng.choice(_CMP_BASE), rng.choice(_CMP_COMP), rng.choice(_CMP_SUP)]
    elif r < 0.8:
        sents = [rng.choice(_CMP_BASE), rng.choice(_CMP_COMP)]
    else:
        sents = [rng.choice(_CMP_EXTRA)]
        if rng.random() < 0.5:
            sents.append(rng.choice(_CMP_SUP))
    return " ".join(x.format_map(ctx) for x in sents)


_OPP_FRAMES = [
    ("It is not {b}, it is {a}.", "It is not {a}, it is {b}."),
    ("The {t} was {a}, and everyone said yes.", "The {t} was {b}, and everyone said no."),
    ("Being {a} is good.", "Being {b} is bad."),
    ("A {a} {t} is a good thing.", "An {b} {t} is a bad thing."),
    ("Yes, the {t} is {a}.", "No, the {t} is {b}."),
    ("She was {a} about the {t}.", "He was {b} about the {t}."),
    ("We hoped it would be {a}.", "We feared it would be {b}."),
    ("The {t} seemed {a} to me.", "The {t} seemed {b} to me."),
    ("It is right to be {a}.", "It is wrong to be {b}."),
]
_OPP_PAIR = [
    "The opposite of {a} is {b}.",
    "The word {b} means not {a}.",
    "Something that is not {a} is {b}.",
    "Is the {t} {a} or {b}?",
    "{A} and {b} are opposites.",
]


def _rel_opposite(rng: random.Random) -> str:
    a, b, topics = rng.choice(_OPPOSITE_INFO)
    t = rng.choice(topics)
    ctx = dict(a=a, b=b, t=t, A=_cap(a))
    sents = []
    for _ in range(rng.randint(1, 2)):
        x, y = rng.choice(_OPP_FRAMES)
        xy = [x.format_map(ctx), y.format_map(ctx).replace("An " + b, _cap(_a(b)))]
        if rng.random() < 0.3:
            xy.reverse()
        sents += xy
    if rng.random() < 0.5:
        sents.append(rng.choice(_OPP_PAIR).format_map(ctx))
    return " ".join(sents)


_PAST_FRAMES = [
    ("Today I {v} {o}.", "Yesterday I {p} {o}."),
    ("Every day we {v} {o}.", "Last week we {p} {o}."),
    ("Now they {v} {o}.", "Yesterday they {p} {o}."),
    ("I {v} {o} every morning.", "I {p} {o} yesterday morning."),
    ("You usually {v} {o}.", "Last night you {p} {o}."),
    ("Today we {v} {o} again.", "Two days ago we {p} {o}."),
    ("She likes to {v} {o}.", "Yesterday she {p} {o}."),
    ("He will {v} {o} tomorrow.", "He {p} {o} yesterday."),
    ("Do you {v} {o} now?", "Yes, and I {p} {o} last week too."),
    ("We often {v} {o}.", "Last year we {p} {o} a lot."),
    ("They want to {v} {o} today.", "They {p} {o} yesterday."),
    ("I {v} now,", "and I {p} before."),
    ("Today I {v},", "yesterday I {p}."),
    ("We {v} today;", "we {p} yesterday."),
    ("They {v} every day and", "{p} yesterday too."),
    ("Now I {v} {o}.", "Then I {p} {o}."),
]
_PAST_TIGHT = [
    "{v}, {p}.",
    "I {v}, I {p}.",
    "Today {v}, yesterday {p}.",
    "We {p} yesterday and {v} today.",
    "Yesterday I {p}; today I {v} again.",
]


def _rel_past(rng: random.Random) -> str:
    v, p, objs = rng.choice(_PAST_INFO)
    sents = []
    for _ in range(rng.randint(1, 3)):
        ctx = dict(v=v, p=p, o=rng.choice(objs))
        x, y = rng.choice(_PAST_FRAMES)
        sents += [x.format_map(ctx), y.format_map(ctx)]
    if rng.random() < 0.5:
        sents.append(rng.choice(_PAST_TIGHT).format(v=v, p=p))
    if rng.random() < 0.2:
        sents.append(f"The past tense of {v} is {p}.")
    return " ".join(sents)


def _join_and(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


_LIST_NOUNS = ["one", "this one", "that thing", "it", "the first one", "the new one"]


def _rel_list(rng: random.Random) -> str:
    """Several pairs of one relation side by side, in parallel sentences."""
    kind = rng.choice(["gender", "plural", "plural", "compare", "compare", "opposite", "past", "past", "past"])
    k = rng.randint(2, 4)
    if kind == "gender":
        items = rng.sample(_GENDER_INFO, k)
        ms, fs = [x[0] for x in items], [x[1] for x in items]
        fr = rng.randrange(4)
        if fr == 0:
            return (f"The {_join_and(ms)} were men. The {_join_and(fs)} were women.")
        if fr == 1:
            return (f"He was a {' and a '.join(ms)}. She was a {' and a '.join(fs)}.")
        if fr == 2:
            return (f"On the male side there was a {', a '.join(ms)}. "
                    f"On the female side there was a {', a '.join(fs)}.")
        return " ".join(f"He is a {m}; she is a {f}." for m, f in zip(ms, fs))
    if kind == "plural":
        items = rng.sample(_PLURAL_INFO, k)
        n = rng.choice(_NUMBERS)
        ones = [_a(x[0]) for x in items]
        many = [f"{n} {x[1]}" for x in items]
        fr = rng.randrange(3)
        if fr == 0:
            return f"I have {_join_and(ones)}. You have {_join_and(many)}."
        if fr == 1:
            return f"There is {_join_and(ones)}. There are {_join_and(many)}."
        return " ".join(f"One {x[0]}, {n} {x[1]}." for x in items)
    if kind == "compare":
        items = rng.sample(_COMPARE_INFO, min(k, 3))
        bs = [x[0] for x in items]
        cs = [x[1] for x in items]
        ss = [x[2] for x in items]
        fr = rng.randrange(3)
        if fr == 0:
            return (f"The first box is {_join_and(bs)}. The second box is {_join_and(cs)}. "
                    f"The third box is the {_join_and(ss)}.")
        if fr == 1:
            return (f"This one is {_join_and(bs)}. That one is {_join_and(cs)} than this one. "
                    f"The last one is the {_join_and(ss)} of all.")
        return " ".join(f"{_cap(b)}, {c}, {s}." for b, c, s in zip(bs, cs, ss))
    if kind == "opposite":
        items = rng.sample(_OPPOSITE_INFO, k)
        pos, neg = [x[0] for x in items], [x[1] for x in items]
        fr = rng.randrange(3)
        if fr == 0:
            return f"The first plan was {_join_and(pos)}. The second plan was {_join_and(neg)}."
        if fr == 1:
            return f"Good people are {_join_and(pos)}. Bad people are {_join_and(neg)}."
        return " ".join(f"Not {a}, but {b}." if rng.random() < 0.5 else f"Not {b}, but {a}."
                        for a, b, _ in items)
    items = rng.sample(_PAST_INFO, k)
    objs = [rng.choice(x[2]) for x in items]
    pres = _join_and([f"{x[0]} {o}" for x, o in zip(items, objs)])
    past = _join_and([f"{x[1]} {o}" for x, o in zip(items, objs)])
    fr = rng.randrange(4)
    if fr == 0:
        return f"Today I {pres}. Yesterday I {past}."
    if fr == 1:
        return f"Every day we {pres}. Last week we {past}."
    if fr == 2:
        return f"On weekdays they {pres}. Last Sunday they {past}."
    return f"Now you {pres}. Yesterday you {past}."


def _sec_relations(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.08:
        return _rel_gender(rng)
    if r < 0.23:
        return _rel_plural(rng)
    if r < 0.33:
        return _rel_compare(rng)
    if r < 0.40:
        return _rel_opposite(rng)
    if r < 0.65:
        return _rel_past(rng)
    return _rel_list(rng)


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
    io, _ = _person(rng, "IO", ctx)
    s, _ = _person(rng, "S", ctx, avoid=(io,))
    if io_first is None:
        io_first = rng.random() < 0.5
    a, b = (io, s) if io_first else (s, io)
    obj = rng.choice(OBJECTS)
    ctx.update(A=a, B=b, place=rng.choice(PLACES), obj=obj, aobj=_a(obj),
               day=rng.choice(_DAYS))
    return template.format_map(ctx), io, s, ctx


def _sec_ioi(rng: random.Random) -> str:
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
    pname, pg = _person(rng, "P", ctx)
    _person(rng, "Q", ctx, avoid=(pname,), gender=not pg)
    job, jobplace = rng.choice(_JOBS)
    obj = rng.choice(OBJECTS)
    ctx.update(place=rng.choice(PLACES), obj=obj, pet=rng.choice(_PETS)[0],
               job=job, jobplace=jobplace, ajob=_a(job), ajob2=_a(rng.choice(_JOBS)[0]))
    return " ".join(t.format_map(ctx) for t in rng.sample(_PRONOUN_RES, rng.randint(2, 4)))


def make_ioi_cases(n: int = 300, seed: int = 1, templates=None) -> list[tuple[str, str, str]]:
    """(prompt, indirect_object, subject) from IOI_EVAL_TEMPLATES by default.

    The prompt ends right before the answer name, with no trailing space, e.g.
    ("When Mary and John went to the store, John gave a drink to", "Mary", "John").
    Both name orders (IO first / S first), both genders mixed, names distinct.
    """
    rng = random.Random(seed)
    templates = list(IOI_EVAL_TEMPLATES if templates is None else templates)
    cases = []
    for i in range(n):
        tmpl = templates[i % len(templates)]
        # each frame gets both name orders (IO first, then S first, in alternate rounds)
        prompt, io, s, _ = _ioi_fill(rng, tmpl, io_first=(i // len(templates)) % 2 == 0)
        cases.append((prompt, io, s))
    return cases


# ---------------------------------------------------------------------------
# Section 5: in-context facts about made-up (and real) places
# ---------------------------------------------------------------------------

_SYL_START = ["zor", "tes", "mal", "ven", "kir", "bal", "dor", "fen", "gal",
              "lor", "mir", "nor", "pel", "quin", "ras", "sol", "tav", "vor",
              "yel", "bren", "cal", "dar", "fal", "hal", "jor", "kel", "mor",
              "nal", "or", "par", "sel", "tor", "ul", "var", "wen", "zan",
              "bel", "cor", "el", "gor", "hes", "ith", "lun", "ost", "rim"]
_SYL_MID = ["a", "e", "i", "o", "u", "va", "ri", "lo", "ne", "ta", "mi",
            "do", "sa", "ke", "ru", "li"]
_SYL_COUNTRY_END = ["nia", "ria", "land", "stan", "via", "dor", "mark",
                    "lia", "sia", "ra", "tia", "gard"]
_SYL_CITY_END = ["sel", "ton", "mar", "vik", "burg", "dale", "os", "ek",
                 "ham", "ford", "lin", "port", "heim", "is", "ar"]
_SYL_LANG_END = ["ish", "ic", "ese", "an", "i"]
_RESERVED = {w.lower() for c in COUNTRIES for w in (c.name, c.capital, c.adjective, c.language)}


def _fake_word(rng: random.Random, ends: list[str]) -> str:
    while True:
        w = rng.choice(_SYL_START)
        if rng.random() < 0.6:
            w += rng.choice(_SYL_MID)
        w += rng.choice(ends)
        if w not in _RESERVED and len(w) >= 4:
            return _cap(w)


_FICT_STATE = {
    "capital": ["The capital of {c} is {cap}.", "{cap} is the capital of {c}.",
                "The capital city of {c} is {cap}."],
    "language": ["In {c} people speak {lang}.", "The main language of {c} is {lang}."],
    "river": ["The river that runs through {c} is the {river}.", "The {river} is the main river of {c}."],
    "food": ["The famous dish of {c} is {food}.", "People in {c} love to eat {food}."],
    "animal": ["The national animal of {c} is the {animal}.", "The {animal} is the national animal of {c}."],
}
_FICT_ASK = {
    "capital": [("Q: What is the capital of {c}? A:", "cap")],
    "language": [("Q: What language do people speak in {c}? A:", "lang")],
    "river": [("Q: What is the main river of {c}? A: The", "river")],
    "food": [("Q: What is the famous dish of {c}? A:", "food")],
    "animal": [("Q: What is the national animal of {c}? A: The", "animal")],
}
_ANIMALS = ["bear", "eagle", "wolf", "fox", "owl", "deer", "lion", "tiger",
            "swan", "falcon", "horse", "dolphin", "otter", "badger"]


def _fict_ctx(rng: random.Random) -> dict:
    return dict(c=_fake_word(rng, _SYL_COUNTRY_END), cap=_fake_word(rng, _SYL_CITY_END),
                lang=_fake_word(rng, _SYL_LANG_END), river=_fake_word(rng, ["a", "o", "ine", "ar", "es"]),
                food=rng.choice(_FOODS), animal=rng.choice(_ANIMALS))


def _sec_fiction(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        # one made-up country, 1-3 facts, ask one of them
        ctx = _fict_ctx(rng)
        kinds = rng.sample(sorted(_FICT_STATE), rng.randint(1, 3))
        if "capital" not in kinds and rng.random() < 0.6:
            kinds[0] = "capital"
        facts = [rng.choice(_FICT_STATE[k]).format_map(ctx) for k in kinds]
        ask = rng.choice(kinds)
        q, key = rng.choice(_FICT_ASK[ask])
        return " ".join(facts) + " " + q.format_map(ctx) + " " + ctx[key]
    if r < 0.8:
        # two made-up countries, ask about one
        c1, c2 = _fict_ctx(rng), _fict_ctx(rng)
        kind = "capital" if rng.random() < 0.7 else rng.choice(sorted(_FICT_STATE))
        f1 = rng.choice(_FICT_STATE[kind]).format_map(c1)
        f2 = rng.choice(_FICT_STATE[kind]).format_map(c2)
        target = c1 if rng.random() < 0.5 else c2
        q, key = rng.choice(_FICT_ASK[kind])
        sep = "\n" if rng.random() < 0.2 else " "
        return f1 + " " + f2 + sep + q.format_map(target) + " " + target[key]
    # a real country stated, then asked
    c = rng.choice(COUNTRIES)
    ctx = _country_ctx(rng, c)
    kind = rng.choice(["capital", "capital", "language", "nationality"])
    if kind == "capital":
        fact = rng.choice(["The capital of {country} is {cap}.", "{cap} is the capital of {country}."])
    elif kind == "language":
        fact = rng.choice(["In {country} people speak {lang}.", "People in {country} speak {lang}."])
    else:
        fact = rng.choice(["People from {country} are {adj}.", "A person from {country} is {adj}."])
    return fact.format_map(ctx) + " " + _qa(rng, c, kind)


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


def _sec_homonyms(rng: random.Random) -> str:
    ctx: dict = {}
    _person(rng, "P", ctx)
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


# ---------------------------------------------------------------------------
# Corpus assembly
# ---------------------------------------------------------------------------

_SECTIONS = {
    "stories": _sec_story,
    "world": _sec_world,
    "relations": _sec_relations,
    "ioi": _sec_ioi,
    "fiction": _sec_fiction,
    "homonyms": _sec_homonyms,
}

# Target share of bytes per section.
SECTION_WEIGHTS: dict[str, float] = {
    "stories": 0.21,
    "world": 0.20,
    "relations": 0.20,
    "ioi": 0.22,
    "fiction": 0.07,
    "homonyms": 0.10,
}


def generate_sections(size_bytes: int = 10_000_000, seed: int = 0):
    """Yield (section_name, paragraph) pairs; the text is their join with "\\n\\n".

    Sections are picked at random so that each gets roughly its share of bytes.
    """
    rng = random.Random(seed)
    names = list(SECTION_WEIGHTS)
    produced = {k: 0 for k in names}
    total = 0
    while total < size_bytes:
        # Pick a section with probability growing with its byte deficit.
        deficits = [max(SECTION_WEIGHTS[k] * (total + 2000) - produced[k], 1.0) for k in names]
        name = rng.choices(names, weights=deficits)[0]
        para = _SECTIONS[name](rng)
        n = len(para) + 2
        produced[name] += n
        total += n
        yield name, para


def generate_corpus(size_bytes: int = 10_000_000, seed: int = 0) -> str:
    """Deterministic for (size_bytes, seed). Paragraphs separated by a blank line ("\\n\\n").

    Plain ASCII English, len(text) within a few hundred bytes of size_bytes.
    """
    paras = []
    total = 0
    for _, para in generate_sections(size_bytes, seed):
        if total + len(para) > size_bytes and paras:
            break
        paras.append(para)
        total += len(para) + 2
    return "\n\n".join(paras)


def held_out_text(size_bytes: int = 200_000, seed: int = 12345) -> str:
    """Same generator, different seed: text for validation."""
    return generate_corpus(size_bytes, seed)


# ---------------------------------------------------------------------------
# Search helpers
# ---------------------------------------------------------------------------


def count_occurrences(text: str, phrase: str) -> int:
    """Case-sensitive count of non-overlapping occurrences of phrase in text."""
    if not phrase:
        return 0
    return text.count(phrase)


def find_occurrences(text: str, phrase: str, k: int = 5, width: int = 60) -> list[str]:
    """Up to k snippets around the first occurrences of phrase.

    Each snippet is up to ``width`` characters of context on each side with the
    phrase itself kept whole; "..." marks cut context.
    """
    out: list[str] = []
    if not phrase or k <= 0:
        return out
    start = 0
    while len(out) < k:
        i = text.find(phrase, start)
        if i < 0:
            break
        lo = max(0, i - width)
        hi = min(len(text), i + len(phrase) + width)
        snippet = text[lo:hi]
        if lo > 0:
            snippet = "..." + snippet
        if hi < len(text):
            snippet = snippet + "..."
        out.append(snippet)
        start = i + len(phrase)
    return out
