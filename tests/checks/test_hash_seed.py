"""Every check's findings are the same under any ``PYTHONHASHSEED``: no check reports what a set's iteration order
picks (session 18: ``name-swapped`` named Елисеева or Елисеев, the two readings of one word, by the seed)."""
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (language, source, English): a couple and a colleague; the last quote given to the colleague
PAIRS = [
    ("ru", "Анна Елисеева и её муж Олег Елисеев двадцать лет руководят фондом помощи животным.\n\n"
           "Иван Петров работает в фонде ветеринаром с 2010 года.\n\n"
           "«Мы никогда не отказываем никому», — рассказала Елисеева.",
     "Anna Eliseeva and her husband Oleg Eliseev have run an animal welfare fund for twenty years.\n\n"
     "Ivan Petrov has worked at the fund as a vet since 2010.\n\n"
     "\"We never refuse anyone,\" Petrov said."),
]

SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from helpers import run_check
from tqcheck.checks import REGISTRY
from tqcheck.config import Config
config = Config()
out = []
for lang, source, target in json.loads(sys.stdin.read()):
    for name, factory in REGISTRY.items():
        for f in run_check(factory(config), source, target, lang):
            out.append([name, f.rule, f.severity, f.message, f.suggestion, f.target_span and f.target_span.text,
                        f.source_span and f.source_span.text])
print(json.dumps(out, ensure_ascii=False))
"""


def _findings(seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(HERE)], input=json.dumps(PAIRS), env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_findings_do_not_depend_on_the_hash_seed():
    first = _findings("1")
    assert any(f[1] == "name-swapped" for f in first)      # the input reaches the signal that used to vary
    assert _findings("2") == first
