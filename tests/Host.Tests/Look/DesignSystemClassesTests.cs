using AdviesRoute.Host.Look;

namespace AdviesRoute.Host.Tests.Look;

public sealed class DesignSystemClassesTests
{
    [Theory]
    [InlineData("button", null, "", "utrecht-button utrecht-button--primary-action")]
    [InlineData("button", "submit", "button button--secondary", "utrecht-button utrecht-button--secondary-action")]
    [InlineData("input", "submit", "", "utrecht-button utrecht-button--primary-action")]
    [InlineData("input", null, "", "utrecht-textbox utrecht-textbox--html-input")]
    [InlineData("input", "date", "form-input", "utrecht-textbox utrecht-textbox--html-input")]
    [InlineData("input", "file", "form-input", "utrecht-textbox utrecht-textbox--html-input")]
    [InlineData("input", "CHECKBOX", "form-checkbox", "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom")]
    [InlineData("input", "radio", "", "utrecht-radio-button utrecht-radio-button--html-input")]
    [InlineData("select", null, "", "utrecht-select utrecht-select--html-select")]
    [InlineData("textarea", null, "", "utrecht-textarea utrecht-textarea--html-textarea")]
    [InlineData("table", null, "table table--stack", "utrecht-table utrecht-table--html-table utrecht-table--distanced")]
    [InlineData("a", null, "button button--secondary", "utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action")]
    public void A_control_gets_the_classes_of_its_component(string tag, string? type, string classes, string expected) =>
        string.Join(' ', DesignSystemClasses.For(tag, type, Split(classes)).Classes).Should().Be(expected);

    [Theory]
    [InlineData("input", "hidden", "")]
    [InlineData("button", null, "utrecht-button utrecht-button--subtle")]
    [InlineData("a", null, "terug")]
    [InlineData("div", null, "notice")]
    public void A_hidden_field_a_plain_link_and_an_element_that_chose_its_component_get_nothing(string tag, string? type, string classes) =>
        DesignSystemClasses.For(tag, type, Split(classes)).Classes.Should().BeEmpty();

    [Fact]
    public void Only_a_table_is_put_in_a_box_of_its_own_that_scrolls()
    {
        DesignSystemClasses.For("table", null, []).Wrapping.Should().Be(DesignSystemClasses.Wrapping.ScrollingBox);
        DesignSystemClasses.For("select", null, []).Wrapping.Should().Be(DesignSystemClasses.Wrapping.None);
    }

    private static string[] Split(string classes) => classes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
