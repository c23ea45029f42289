using AdviesRoute.Host.Designer;

namespace AdviesRoute.Host.Tests.Designer;

/// <summary>The technical id of a new route is made from its Dutch name, and numbered instead of taking a used one.</summary>
public sealed class NewRouteIdsTests
{
    [Theory]
    [InlineData("Jaarplan Zorg en Veiligheid", "jaarplan-zorg-en-veiligheid")]
    [InlineData("Één keer per jaar: Begroting & Kadernota", "een-keer-per-jaar-begroting-kadernota")]
    [InlineData("  --  ", "route")]
    [InlineData("Ziénswijze 2027", "zienswijze-2027")]
    public void A_name_becomes_lower_case_letters_digits_and_hyphens(string name, string id)
    {
        NewRouteIds.FromName(name).Should().Be(id);
        NewRouteIds.IsValid(id).Should().BeTrue();
    }

    [Fact]
    public void A_long_name_leaves_room_for_a_number_within_64_characters()
    {
        var id = NewRouteIds.FromName(new string('a', 100));
        id.Length.Should().Be(60);
        NewRouteIds.IsValid(NewRouteIds.Unique(id, new HashSet<string> { id })).Should().BeTrue();
    }

    [Fact]
    public void A_taken_id_is_numbered()
    {
        NewRouteIds.Unique("jaarplan", new HashSet<string>()).Should().Be("jaarplan");
        NewRouteIds.Unique("jaarplan", new HashSet<string> { "jaarplan", "jaarplan-2" }).Should().Be("jaarplan-3");
    }

    [Theory]
    [InlineData("Met Hoofdletter")]
    [InlineData("-begint-met-streep")]
    [InlineData("")]
    public void An_id_with_other_characters_is_not_valid(string id) => NewRouteIds.IsValid(id).Should().BeFalse();
}
