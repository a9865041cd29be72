"""The demos from the source articles, as data shared by the scorecard, the pages and the tests."""

WARSAW_PROMPT = "Q: What is the capital of France? A: Paris Q: What is the capital of Poland? A:"
WARSAW_FACT = "The capital of Poland is Warsaw. "
WARSAW_ANSWER = "Warsaw"
WARSAW_SUBJECT = "Poland"
# the same question without the France example, and a second fact that names another capital
WARSAW_QUESTION = "Q: What is the capital of Poland? A:"
OTHER_FACT = "The capital of Peru is Lima. "

IOI_PROMPT = "When Mary and John went to the store, John gave a drink to"
IOI_ANSWER, IOI_SUBJECT = "Mary", "John"

BANK_PROMPT = "John wants his bank to cash the"

COFFEE_PROMPT = "I like my coffee with cream and"
COFFEE_ANSWER = "sugar"

STORY_PROMPT = "Mary went to the park with her dog."
# a prompt after which many next words are plausible (foods): temperature and top-k/p show clearly
SPREAD_PROMPT = "Tom was hungry, so he ate some"

# (a, b, c, expected): a is to b as c is to expected
ANALOGIES = [
    ("man", "king", "woman", "queen"),
    ("big", "biggest", "small", "smallest"),
    ("France", "Paris", "Germany", "Berlin"),
    ("Swiss", "Switzerland", "Cambodian", "Cambodia"),
    ("mouse", "mice", "dollar", "dollars"),
    ("ethical", "unethical", "possible", "impossible"),
]
BIAS_ANALOGY = ("man", "doctor", "woman")

NEIGHBOUR_WORD = "cat"

# the same word in two contexts (demo 3): (word, sentence A, sentence B)
CONTEXT_PAIRS = [
    ("bank", "They sat on the bank of the river and watched the water.",
     "She went to the bank to cash a check and save some money."),
    ("magazine", "He picked up the magazine and read it on the train.",
     "She worked for the magazine as an editor for ten years."),
]
