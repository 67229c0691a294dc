"""An article's language, read from its function words: whether the English model can compare it."""

from __future__ import annotations

import pytest

from factcheck.language import language_of


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The bridge collapsed on Sunday evening and at least 40 people were killed.", "en"),
        ("El puente se derrumbó el domingo por la tarde y murieron al menos 40 personas.", "es"),
        ("Le pont s'est effondré dimanche soir et au moins 40 personnes sont mortes dans la chute.", "fr"),
        ("Die Brücke ist am Sonntagabend eingestürzt, mindestens 40 Menschen sind tot.", "de"),
        ("12 345", None),
        ("انهار الجسر مساء الأحد وقتل 40 شخصا على الأقل في Morbi.", "other script"),
        ("Мост обрушился в воскресенье вечером, погибли не менее 40 человек.", "other script"),
    ],
)
def test_the_language_is_the_one_whose_function_words_the_text_uses(text: str, language: str | None) -> None:
    assert language_of(text) == language
