using AdviesRoute.Host.Search;

namespace AdviesRoute.Host.Tests.Search;

/// <summary>The words and stems the SQLite index is made of, and the passages cut around them.</summary>
public sealed class DutchWordsTests
{
    [Theory]
    [InlineData("maatregelen", "maatregel")]
    [InlineData("Maatregel", "maatregel")]
    [InlineData("gemeenten", "gemeent")]
    [InlineData("gemeente", "gemeent")]
    [InlineData("financiële", "financiel")]
    [InlineData("beslispunten", "beslispunt")]
    [InlineData("2027", "2027")]
    public void A_word_is_reduced_to_its_snowball_stem_whatever_its_case(string word, string stem) =>
        new DutchWords().Stem(word).Should().Be(stem);

    [Theory]
    [InlineData("de")]
    [InlineData("Het")]
    [InlineData("van")]
    [InlineData("niet")]
    public void A_stop_word_has_no_stem(string word) => new DutchWords().Stem(word).Should().BeNull();

    [Fact]
    public void Punctuation_and_query_syntax_only_separate_words()
    {
        var words = new DutchWords();
        words.QueryStems("\"Hitte\"-maatregelen* OR (de) NEAR:wijken hitte").Should().Equal("hit", "maatregel", "or", "near", "wijk");
        words.Stems("Nota: hitte-maatregelen, 2027.").Should().Be("nota hit maatregel 2027 ");
        DutchWords.NameWords("Nota hitte-2027 (def).pdf").Should().Be("Nota hitte 2027 def pdf");
    }

    [Fact]
    public void A_passage_is_cut_around_the_most_matching_words_with_each_match_marked()
    {
        var filler = string.Join(' ', Enumerable.Repeat("tekst", 60));
        var text = $"Begin {filler} over hitte.\nDe gemeenten nemen maatregelen tegen hitte in wijken. {filler} einde";

        var passage = Passages.Cut(text, new HashSet<string> { "hit", "maatregel" })!;

        passage.Where(p => p.Marked).Select(p => p.Text).Should().Equal("hitte", "maatregelen", "hitte");
        var plain = Passages.Plain(passage);
        plain.Should().StartWith("… ").And.EndWith(" …").And.Contain("over hitte. · De gemeenten nemen maatregelen tegen hitte in wijken.");
        plain.Split(' ').Length.Should().BeLessThan(40, "about 30 words");
        Passages.Cut(text, new HashSet<string> { "olifant" }).Should().BeNull();
    }

    [Fact]
    public void A_line_break_stays_visible_as_a_separator_but_not_at_either_end()
    {
        var passage = Passages.Cut("\nRegionale aanpak van hitte\n1. de aanpak vast te stellen.\n", new HashSet<string> { "aanpak" })!;
        Passages.Plain(passage).Should().Be("Regionale aanpak van hitte · 1. de aanpak vast te stellen.");
    }

    [Fact]
    public void A_short_text_is_shown_whole_without_ellipses()
    {
        var passage = Passages.Cut("Regionale aanpak van hitte", new HashSet<string> { "hit" })!;
        passage.Should().Equal(new PassagePart("Regionale aanpak van ", false), new PassagePart("hitte", true));
    }

    [Fact]
    public void A_headline_of_postgresql_becomes_parts_with_its_marks()
    {
        var headline = $"de gemeenten {Passages.MarkStart}hittestressmaatregelen{Passages.MarkEnd} in wijken";
        Passages.FromMarked(headline, cutAtStart: true, cutAtEnd: false).Should().Equal(
            new PassagePart("… de gemeenten ", false), new PassagePart("hittestressmaatregelen", true), new PassagePart(" in wijken", false));
        Passages.FromMarked("niets gemarkeerd", false, false).Should().BeNull();
    }
}
