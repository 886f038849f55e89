"""Khmer words (ICU boundaries) and Khmer titles in Latin letters for page addresses."""

from home.khmer_text import latin_slug, with_word_breaks, word_pieces


def test_word_pieces_join_back_to_the_text():
    text = "ព្រឹត្តិការណ៍ថ្ងៃព្រហស្បតិ៍ 2026"
    assert "".join(word_pieces(text)) == text
    assert len(word_pieces(text)) > 2


def test_word_breaks_fall_only_between_whole_words():
    html = with_word_breaks("យុទ្ធនាការការពារយុវជន")
    assert html == "យុទ្ធនាការ<wbr>ការពារ<wbr>យុវជន"
    # Never inside a word: each piece is a dictionary word, not a syllable fragment.
    assert "ព្រហស្ប<wbr>" not in with_word_breaks("ថ្ងៃព្រហស្បតិ៍")
    assert with_word_breaks("<b>ក</b>") == "&lt;b&gt;ក&lt;/b&gt;"


def test_a_khmer_title_becomes_a_latin_address():
    assert latin_slug("សម្អាតខ្លួនឯងជាមុនសិន នៅក្រសួង") == "smaatkhluon-aeng-chamon-sen-nau-krsuong"
    assert latin_slug("ឆ្នាំ ២០២៦") == "chhnam-2026"
    assert latin_slug("Drug-free schools") == "drug-free-schools"
    assert latin_slug("!!!") == ""
