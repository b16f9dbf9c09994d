#!/usr/bin/python3
"""An independent Spanish syllable count, for comparison with BackSiteGen's rule-based splitter.

Reads words, one a line, on standard input; prints each word's syllable count, one a line. The count comes from the
Spanish hyphenation patterns of LibreOffice/hunspell (Debian's hyphen-es, through python3-pyphen), with the minimum
left and right fragment lengths set to 1 so every hyphenation point is used: the number of fragments that contain a
vowel. (Patterns leave a lone final consonant or y as its own fragment, "ho-y", "do-lo-r"; it belongs to the syllable
before it, so it is not counted.) Patterns do not split every hiatus ("país", "guía"), so this counts a little lower
than the syllables a reader says; the test allows for that with its tolerance.
"""
import sys

import pyphen

VOWELS = set("aeiouáéíóúüàèìòù")

dictionary = pyphen.Pyphen(lang="es", left=1, right=1)
for line in sys.stdin:
    word = line.strip()
    if not word:
        print(0)
        continue
    fragments = dictionary.inserted(word.lower()).split("-")
    print(max(1, sum(1 for fragment in fragments if any(c in VOWELS for c in fragment))))
