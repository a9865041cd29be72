"""The shared lexicon: countries, word-relation pairs, names, places, objects and the small
word pools and helpers every section draws from.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


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
GENDER_INFO = [
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
PLURAL_INFO = [
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
COMPARE_INFO = [
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
OPPOSITE_INFO = [
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
PAST_INFO = [
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
    "gender": [("he", "she")] + [(m, f) for m, f, _, _ in GENDER_INFO],
    "plural": [(s, p) for s, p, _ in PLURAL_INFO],
    "comparative": [(b, c) for b, c, _, _, _ in COMPARE_INFO],
    "superlative": [(b, s) for b, _, s, _, _ in COMPARE_INFO],
    "capital": [(c.name, c.capital) for c in COUNTRIES if " " not in c.capital],
    "nationality": [(c.name, c.adjective) for c in COUNTRIES],
    "opposite": [(a, b) for a, b, _ in OPPOSITE_INFO],
    "past_tense": [(a, b) for a, b, _ in PAST_INFO],
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

PETS = [("cat", "kitten"), ("dog", "puppy"), ("rabbit", "bunny"),
         ("horse", "foal"), ("bird", "chick"), ("hamster", "pup")]
PET_PLURAL = {"cat": "cats", "dog": "dogs", "rabbit": "rabbits", "horse": "horses",
               "bird": "birds", "hamster": "hamsters", "kitten": "kittens",
               "puppy": "puppies", "bunny": "bunnies", "foal": "foals",
               "chick": "chicks", "pup": "pups"}
PET_NAMES = ["Tiger", "Bella", "Charlie", "Luna", "Buddy", "Daisy", "Coco",
              "Rocky", "Milo", "Pepper", "Ginger", "Shadow", "Biscuit", "Ziggy"]
JOBS = [
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
FOODS = ["soup", "pasta", "bread", "rice", "salad", "pizza", "pancakes",
          "eggs", "cake", "cookies", "noodles", "fish", "beans", "porridge",
          "sandwiches", "pie", "chicken", "apples", "cheese", "tomatoes"]
COLORS = ["red", "blue", "green", "yellow", "white", "black", "brown",
           "purple", "orange", "pink", "grey"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
         "Sunday"]
TIMES = ["In the morning", "After lunch", "Later that day", "In the evening",
          "That night", "The next day", "On the weekend", "Early one morning",
          "One afternoon", "Before dinner", "At noon", "After school",
          "A little later", "Soon after", "After a while"]
WEATHER = ["sunny", "rainy", "cold", "warm", "windy", "cloudy", "snowy",
            "hot", "foggy", "bright"]
FEELINGS = ["happy", "tired", "hungry", "excited", "sleepy", "proud",
             "nervous", "calm", "cheerful", "bored", "curious", "glad"]
ADJ_THING = ["old", "new", "small", "big", "shiny", "heavy", "light",
              "pretty", "strange", "useful", "broken", "little"]
TOWNS = ["a small town", "a big city", "a quiet village", "a busy town",
          "a house by the sea", "a farm near the hills", "a flat in the city",
          "a cottage in the woods", "a village near a river"]
GREETINGS = ["Hello", "Hi", "Good morning", "Good afternoon", "Hey there",
              "Good evening"]
ACTIVITIES = ["read a book", "play chess", "draw a picture", "bake a cake",
               "plant some flowers", "fix the bike", "clean the house",
               "watch a film", "go for a walk", "fly a kite",
               "write a letter", "paint the fence", "build a birdhouse",
               "learn a new song", "make lunch", "do the homework"]


def indefinite_article(word: str) -> str:
    """Indefinite article for word ("a" / "an")."""
    return "an" if word[0] in "aeiouAEIOU" else "a"


def with_article(word: str) -> str:
    return f"{indefinite_article(word)} {word}"


def capitalised(s: str) -> str:
    return s[:1].upper() + s[1:]


def add_person(rng: random.Random, prefix: str, ctx: dict, avoid=(), gender=None):
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
    ctx[prefix + "H"] = capitalised(h)
    ctx[prefix + "P"] = capitalised(p)
    return name, gender
