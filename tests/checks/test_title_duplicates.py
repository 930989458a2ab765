"""Data held twice: a list entry (``rules/<src>-en/*.tsv``, category ``title``) whose own example the office table
(``offices/<src>.toml``) flags on the same English words says the same thing twice, and the two copies drift
apart (session 18's *Dekan* and *Fraktionsvorsitzender*). ``KNOWN`` holds the pairs found when the test was
written (session 18); it may only shrink: a new pair fails, so a new entry goes in one place."""
from helpers import run_check
from tqcheck.checks.lexicon import bundled_rule_files
from tqcheck.checks.titles import TitleCheck
from tqcheck.checks.words import overlaps

LANGS = ("de", "es", "fr", "it", "pt", "ru", "uk")

# (list entry, office entry) pairs that flag the same words of the list entry's example
KNOWN = frozenset({
    ("de-ordnungsamt", "de-office-amt"),
    ("de-bundeskanzler-premier", "de-office-kanzler"),
    ("de-bundespraesident-kanzler", "de-office-bundespraesident"),
    ("de-landeshauptmann", "de-office-landeshauptmann"),
    ("de-oberbuergermeister", "de-office-oberbuergermeister"),
    ("de-landrat", "de-office-landrat"),
    ("de-staatsanwalt", "de-office-staatsanwalt"),
    ("de-verkehrsminister", "de-office-verkehrsminister"),
    ("de-landesregierung", "de-office-landesregierung"),
    ("de-oberstaatsanwalt", "de-office-staatsanwalt"),
    ("de-kriminalamt", "de-office-kriminalamt"),
    ("de-fachbereich-literal", "de-office-fachbereichsleiter"),
    ("es-canciller-aleman", "es-office-canciller-aleman"),
    ("es-canciller-alemania", "es-office-canciller-aleman"),
    ("es-canciller-latam", "es-office-canciller-latam"),
    ("es-jefe-diplomacia", "es-office-jefe-diplomacia"),
    ("es-presidente-del-gobierno", "es-office-presidente-gobierno"),
    ("es-presidente-espanol", "es-office-presidente-gobierno"),
    ("es-ministro-exteriores", "es-office-ministro-exteriores"),
    ("es-secretario-de-estado-espana", "es-office-secretario-estado"),
    ("es-defensor-del-pueblo", "es-office-defensor-pueblo"),
    ("es-edil", "es-office-concejal"),
    ("es-alcaldesa", "es-title-consort"),
    ("es-magistrado-alto-tribunal", "es-office-magistrado"),
    ("es-ministro-hacienda", "es-office-ministro-hacienda"),
    ("es-diputacion", "es-office-diputacion"),
    ("es-tribunal-cuentas", "es-office-tribunal-cuentas"),
    ("es-ministerio-publico", "es-office-ministerio-publico"),
    ("es-consejeria", "es-office-consejeria"),
    ("fr-chancelier", "fr-office-chancelier"),
    ("fr-chef-diplomatie", "fr-office-chef-diplomatie"),
    ("fr-garde-des-sceaux", "fr-office-garde-sceaux"),
    ("fr-juge-instruction", "fr-office-juge-instruction"),
    ("fr-adjoint-au-maire", "fr-office-adjoint-maire"),
    ("fr-directeur-de-cabinet", "fr-office-chef-cabinet"),
    ("fr-conseiller-regional", "fr-office-conseiller-regional"),
    ("fr-cour-des-comptes", "fr-office-cour-comptes"),
    ("fr-proviseur", "fr-office-proviseur"),
    ("it-presidente-consiglio", "it-office-presidente-consiglio"),
    ("it-capo-diplomazia", "it-office-capo-diplomazia"),
    ("it-pubblico-ministero", "it-office-pubblico-ministero"),
    ("it-questore", "it-office-questore"),
    ("it-corte-dei-conti", "it-office-corte-conti"),
    ("it-capo-di-gabinetto", "it-office-capo-gabinetto"),
    ("it-capitano-di-vascello", "it-office-capitano-vascello"),
    ("pt-camara-municipal", "pt-office-camara-municipal"),
    ("pt-chanceler", "pt-office-chanceler"),
    ("pt-prefeito", "pt-office-prefeito"),
    ("pt-delegado", "pt-office-delegado"),
    ("pt-ministerio-publico", "pt-office-ministerio-publico"),
    ("pt-promotor", "pt-office-promotor"),
    ("pt-fazenda", "pt-office-ministro-fazenda"),
    ("pt-junta-de-freguesia", "pt-office-presidente-junta"),
    ("pt-chefe-diplomacia", "pt-office-chefe-diplomacia"),
    ("ru-ni-zasluzhennyj", "ru-office-zasluzhennyi"),
    ("ru-predsedatel-pravitelstva", "ru-office-predsedatel-pravitelstva"),
    ("ru-prokuror", "ru-office-genprokuror"),
    ("ru-ti-centr-zanyatosti", "ru-office-tsentr-zaniatosti"),
    ("ru-ti-gorodskaya-duma-regional", "ru-office-gorodskaya-duma"),
    ("uk-ni-zasluzhennyj", "uk-office-zasluzhenyi"),
    ("uk-holova-vr", "uk-office-holova-rady"),
    ("uk-hlava-mzs", "uk-office-ochilnyk-dyplomatii"),
    ("uk-prokuror", "uk-office-genprokuror"),
    ("uk-miskyi-holova", "uk-office-miskyi-holova"),
    ("uk-ti-miska-rada-regional", "uk-office-miska-rada"),
    ("uk-ti-miska-derzhadministratsiia-regional", "uk-office-miska-derzhadministratsiia"),
    ("uk-ti-miska-derzhadministratsiia-council", "uk-office-miska-derzhadministratsiia"),
    ("uk-ti-tsentr-zainiatosti", "uk-office-tsentr-zainiatosti"),
    ("uk-ti-natsionalnyi-universytet-state", "uk-office-natsionalnyi-universytet"),
    ("uk-ti-derzhavnyi-universytet-national", "uk-office-derzhavnyi-universytet"),
})


def held_twice(lang: str) -> set[tuple[str, str]]:
    """(list entry, office finding's rule) pairs whose findings overlap on the list entry's example."""
    pairs = set()
    for rule_file in bundled_rule_files(lang):
        for rule in rule_file.rules:
            if rule.category != "title" and not rule_file.path.endswith("titles.tsv"):
                continue
            hit = rule.fires(rule.example_source, rule.example_target, lang)
            if hit is None:
                continue
            for f in run_check(TitleCheck(defer_to_lexicon=False), rule.example_source, rule.example_target, lang):
                if overlaps((f.target_span.start, f.target_span.end), [hit.target]):
                    pairs.add((rule.id, f.rule))
    return pairs


def test_no_new_entry_is_held_both_in_a_list_and_in_the_office_table():
    found = set().union(*(held_twice(lang) for lang in LANGS))
    assert sorted(found - KNOWN) == []


def test_the_known_pairs_are_still_pairs():
    # a pair resolved (one copy removed) leaves KNOWN too, so the list says what is left to merge
    found = set().union(*(held_twice(lang) for lang in LANGS))
    assert sorted(KNOWN - found) == []
