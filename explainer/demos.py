"""The demos from the source articles, as data shared by the scorecard, the pages and the tests.

The module's names are the English demos; ``KITS["zh"]`` holds the same demos in Chinese, for a
model that reads Chinese, and ``of(lm)`` picks the kit of a model's language."""

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Kit:
    """One language's demos (the module's names, for that language) and how its questions are asked."""
    lang: str
    WARSAW_PROMPT: str
    WARSAW_FACT: str
    WARSAW_ANSWER: str
    WARSAW_SUBJECT: str
    WARSAW_QUESTION: str
    OTHER_FACT: str
    IOI_PROMPT: str
    IOI_ANSWER: str
    IOI_SUBJECT: str
    BANK_PROMPT: str
    COFFEE_PROMPT: str
    COFFEE_ANSWER: str
    STORY_PROMPT: str
    SPREAD_PROMPT: str
    ANALOGIES: list = field(default_factory=list)
    BIAS_ANALOGY: tuple = ()
    NEIGHBOUR_WORD: str = ""
    CONTEXT_PAIRS: list = field(default_factory=list)
    CAPITAL_QUESTION: str = ""        # the corpus's own question, {country} to fill
    CAPITAL_EXAMPLE: str = ""         # one answered question put before it (few-shot)
    CAPITAL_FACT: str = ""            # a fact stated in the prompt, {country} and {capital} to fill
    OTHER_ANSWER: str = ""            # the capital OTHER_FACT names
    EXAMPLE_ANSWER: str = ""          # the answer of the example in WARSAW_PROMPT
    BANK_QUERY: str = ""              # the word of BANK_PROMPT whose attention the preset shows
    BANK_NAME: str = ""               # the name BANK_QUERY stands for
    BANK_WORDS: tuple = ()            # two next words the preset compares after BANK_PROMPT
    PROBES: tuple = ()                # prompts whose next words the timeline follows through training
    STORY_START: str = ""             # the counting page's first words to continue


EN = Kit("en", WARSAW_PROMPT, WARSAW_FACT, WARSAW_ANSWER, WARSAW_SUBJECT, WARSAW_QUESTION, OTHER_FACT,
         IOI_PROMPT, IOI_ANSWER, IOI_SUBJECT, BANK_PROMPT, COFFEE_PROMPT, COFFEE_ANSWER, STORY_PROMPT,
         SPREAD_PROMPT, ANALOGIES, BIAS_ANALOGY, NEIGHBOUR_WORD, CONTEXT_PAIRS,
         CAPITAL_QUESTION="Q: What is the capital of {country}? A:",
         CAPITAL_EXAMPLE="Q: What is the capital of Italy? A: Rome ",
         CAPITAL_FACT="The capital of {country} is {capital}. ", OTHER_ANSWER="Lima", EXAMPLE_ANSWER="Paris",
         BANK_QUERY="his", BANK_NAME="John", BANK_WORDS=("check", "money"),
         PROBES=(COFFEE_PROMPT, "Q: What is the capital of France? A:", IOI_PROMPT, "Once upon a time"),
         STORY_START="Once upon a time")

ZH = Kit(
    "zh",
    WARSAW_PROMPT="问：法国的首都是哪里？答：巴黎\n问：波兰的首都是哪里？答：",
    WARSAW_FACT="波兰的首都是华沙。",
    WARSAW_ANSWER="华沙",
    WARSAW_SUBJECT="波兰",
    WARSAW_QUESTION="问：波兰的首都是哪里？答：",
    OTHER_FACT="秘鲁的首都是利马。",
    IOI_PROMPT="小明和小红去了商店，小明把一杯饮料递给了",
    IOI_ANSWER="小红",
    IOI_SUBJECT="小明",
    BANK_PROMPT="小明把他的书给小红用，第二天",
    COFFEE_PROMPT="我喜欢在咖啡里加奶和",
    COFFEE_ANSWER="糖",
    STORY_PROMPT="小红带着她的狗去了公园。",
    SPREAD_PROMPT="小明饿了，就吃了一些",
    ANALOGIES=[("男人", "国王", "女人", "女王"), ("大", "最大", "小", "最小"), ("法国", "巴黎", "德国", "柏林"),
               ("法国", "法国人", "德国", "德国人"), ("孩子", "孩子们", "学生", "学生们"),
               ("公平", "不公平", "可能", "不可能")],
    BIAS_ANALOGY=("男人", "医生", "女人"),
    NEIGHBOUR_WORD="猫",
    CONTEXT_PAIRS=[("花", "春天到了，公园里的花都开了。", "小明买这件衣服花了三百块钱。"),
                   ("打", "小明每天下午都去打篮球。", "小红给妈妈打电话。")],
    CAPITAL_QUESTION="问：{country}的首都是哪里？答：",
    CAPITAL_EXAMPLE="问：意大利的首都是哪里？答：罗马\n",
    CAPITAL_FACT="{country}的首都是{capital}。",
    OTHER_ANSWER="利马",
    EXAMPLE_ANSWER="巴黎",
    BANK_QUERY="他",
    BANK_NAME="小明",
    BANK_WORDS=("她", "他"),          # the next day, who? the model: 她 0.999 (小红 has the book), 他 0.0006
    PROBES=("我喜欢在咖啡里加奶和", "问：法国的首都是哪里？答：", "小明和小红去了商店，小明把一杯饮料递给了", "从前"),
    STORY_START="从前",
)

KITS = {"en": EN, "zh": ZH}


def of(lm) -> Kit:
    """The demos in the language the model reads (its config's ``lang``; English by default)."""
    return KITS.get((getattr(lm, "meta", None) or {}).get("lang", "en"), EN)
