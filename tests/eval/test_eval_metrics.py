"""The scoring functions on tiny hand-made cases whose right answer is obvious."""

from __future__ import annotations

import pytest

from eval.metrics import (
    DateCounts,
    PageScore,
    SnippetCounts,
    aggregate_pages,
    authors_match,
    bootstrap_f1_std,
    count_snippets,
    shingle_score,
    shingles,
    split_author_label,
    title_matches,
    word_tokens,
)

TEXT = "The quick brown fox jumps over the lazy dog near the river bank"


def test_word_tokens_are_unicode_words() -> None:
    assert word_tokens("Grüße, Zoë — 3 Äpfel!") == ["Grüße", "Zoë", "3", "Äpfel"]


def test_shingles_are_a_multiset_of_four_grams() -> None:
    got = shingles("a b c d a b c d")
    assert sum(got.values()) == 5
    assert got[("a", "b", "c", "d")] == 2


def test_short_text_is_one_shingle_not_empty() -> None:
    assert shingles("two words") == {("two", "words"): 1}
    assert not shingles(" ,;  ")


def test_identical_text_scores_one() -> None:
    assert shingle_score(TEXT, TEXT) == PageScore(1.0, 1.0)


def test_disjoint_text_scores_zero() -> None:
    assert shingle_score("alpha beta gamma delta epsilon", TEXT) == PageScore(0.0, 0.0)


def test_whitespace_and_punctuation_do_not_count() -> None:
    assert shingle_score(TEXT.replace(" ", "\n\n , "), TEXT) == PageScore(1.0, 1.0)


def test_half_the_text_gives_full_precision_partial_recall() -> None:
    words = TEXT.split()
    half = " ".join(words[:7])  # 4 of the 10 truth shingles
    score = shingle_score(half, TEXT)
    assert score.precision == 1.0
    assert score.recall == pytest.approx(4 / 10)


def test_repeated_prediction_is_penalised_as_a_multiset() -> None:
    score = shingle_score(TEXT + " " + TEXT, TEXT)
    # 23 predicted shingles, 10 of which match the truth's 10.
    assert score.precision == pytest.approx(10 / 23)
    assert score.recall == 1.0


def test_empty_truth_and_empty_prediction_is_perfect() -> None:
    assert shingle_score("", "") == PageScore(1.0, 1.0)
    assert shingle_score("  \n", "—") == PageScore(1.0, 1.0)


def test_empty_prediction_has_no_precision_and_zero_recall() -> None:
    assert shingle_score("", TEXT) == PageScore(None, 0.0)


def test_prediction_on_empty_truth_is_wrong() -> None:
    assert shingle_score(TEXT, "") == PageScore(0.0, 0.0)


def test_aggregate_averages_precision_only_over_answered_pages() -> None:
    scores = [PageScore(1.0, 1.0), PageScore(None, 0.0), PageScore(0.5, 0.5)]
    prf = aggregate_pages(scores)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.5)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)


def test_aggregate_of_nothing_is_zero() -> None:
    assert aggregate_pages([]).f1 == 0.0


def test_bootstrap_std_is_zero_for_uniform_pages_and_positive_otherwise() -> None:
    assert bootstrap_f1_std([PageScore(1.0, 1.0)] * 20) == 0.0
    mixed = [PageScore(1.0, 1.0)] * 10 + [PageScore(0.0, 0.0)] * 10
    std = bootstrap_f1_std(mixed)
    assert 0.05 < std < 0.3
    assert bootstrap_f1_std(mixed) == std  # seeded: the same figure every run


def test_snippets_count_all_four_cells() -> None:
    text = "Erster Absatz mit Inhalt.\n\nZweiter   Absatz,\nüber zwei Zeilen."
    counts = count_snippets(
        text,
        with_=["mit Inhalt.", "Zweiter Absatz, über zwei", "fehlt hier"],
        without=["Impressum", "Erster Absatz"],
    )
    assert counts == SnippetCounts(tp=2, fn=1, fp=1, tn=1)


def test_snippet_match_is_case_sensitive_and_ignores_empty_snippets() -> None:
    assert count_snippets("Hello World", ["hello world", ""], ["  "]) == SnippetCounts(fn=1)


def test_snippet_prf_over_summed_counts() -> None:
    total = SnippetCounts(tp=3, fn=1) + SnippetCounts(fp=1, tn=5)
    prf = total.prf()
    assert (prf.precision, prf.recall) == (0.75, 0.75)
    assert SnippetCounts().prf().f1 == 0.0


def test_title_is_compared_case_and_space_insensitively() -> None:
    assert title_matches("  JSON parsing:\nsimdjson ", "json Parsing: simdjson")
    assert not title_matches("JSON parsing | Blog", "JSON parsing")
    assert not title_matches(None, "JSON parsing")


def test_author_label_splits_on_separators_and_words() -> None:
    assert split_author_label("Lars Fischer und Alina Schadwinkel") == {
        "lars fischer",
        "alina schadwinkel",
    }
    assert split_author_label("CLARA LÖW, SIDDHARTH PRAKASH & KLAUS JACOB") == {
        "clara löw",
        "siddharth prakash",
        "klaus jacob",
    }
    assert split_author_label(["Richard David Precht", "Karin Fischer"]) == {
        "richard david precht",
        "karin fischer",
    }
    assert split_author_label("José Ortega y Gasset") == {"josé ortega y gasset"}
    assert split_author_label("APA/AP") == {"apa", "ap"}


def test_authors_match_as_sets() -> None:
    assert authors_match(
        ["Karin Fischer", "richard david precht"], "Richard David Precht; Karin Fischer"
    )
    assert authors_match(["David Brand and Ramsey Khalifeh"], "David Brand, Ramsey Khalifeh")
    assert not authors_match(["David Brand"], "David Brand and Ramsey Khalifeh")
    assert not authors_match([], "Someone")
    assert not authors_match([], "")


def test_date_counts_follow_htmldate_convention() -> None:
    counts = DateCounts()
    for got, label in [
        ("2020-01-02", "2020-01-02"),
        ("2020-01-02", "2020-01-02"),
        ("2020-01-03", "2020-01-02"),
        (None, "2020-01-02"),
        (None, None),
        ("2020-01-02", None),
    ]:
        counts = counts.add(got, label)
    assert counts == DateCounts(right=2, wrong=2, missing=1, none_expected=1)
    scores = counts.scores()
    assert scores["accuracy"] == pytest.approx(3 / 6)
    assert scores["precision"] == pytest.approx(2 / 4)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_trafeval_reads_year_day_month_labels_the_way_round_they_were_meant() -> None:
    from eval.suites.trafeval import _label_day

    assert _label_day("2022-29-11") == "2022-11-29"
    assert _label_day("2022-11-09 ") == "2022-11-09"
    assert _label_day("2022-05-11T04:10:00") == "2022-05-11"


def test_description_compares_entities_case_and_space_insensitively() -> None:
    from eval.metrics import description_exact

    assert description_exact("Die Insekten… Weiter", "die  Insekten&hellip; weiter")
    assert description_exact("Fish &amp; chips", "Fish & chips")
    assert not description_exact(None, "anything")
    assert not description_exact("Die Insekten", "Die Insekten sterben")


def test_description_f1_gives_partial_credit_for_another_cut() -> None:
    from eval.metrics import description_f1

    assert description_f1("a b c d", "a b c d") == pytest.approx(1.0)
    assert description_f1("a b", "a b c d") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert description_f1(None, "a b") == 0.0
    assert description_f1("x y", "a b") == 0.0


def test_section_is_right_when_it_is_any_labelled_category() -> None:
    from eval.metrics import section_in

    assert section_in("politik", ["Inland", "Politik"])
    assert section_in("Kultur", ["KULTUR"])
    assert not section_in("Sport", ["Politik"])
    assert not section_in(None, ["Politik"])


def test_tags_f1_is_a_set_f1_ignoring_hashes() -> None:
    from eval.metrics import tags_f1

    assert tags_f1(["#wahlen2018", "Brasil"], ["wahlen2018", "brasil"]) == pytest.approx(1.0)
    assert tags_f1(["a", "b", "c", "d"], ["a", "b"]) == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert tags_f1([], ["a"]) == 0.0
    assert tags_f1(["a", "a"], ["a"]) == pytest.approx(1.0)
