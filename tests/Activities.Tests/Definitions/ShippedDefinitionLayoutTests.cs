using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AdviesRoute.Activities.Tests.Definitions;

/// <summary>
/// The shipped routes open in the designer with every step readable: no two steps overlap or touch. A step's size is
/// worked out as the designer draws it (components/ActivityNode.tsx, designer.css): 160 px wide; as high as its type,
/// title, id and one row per exit, with long texts wrapped. Text widths are estimated on the wide side, so a step is
/// never taken smaller than it is drawn (the browser test DesignerCanvasBrowserTests measures the real ones).
/// </summary>
public sealed class ShippedDefinitionLayoutTests(ITestOutputHelper output)
{
    /// <summary>Clear space between two steps, in px of the route: room for a connection and its arrow.</summary>
    private const double Gap = 40;

    [Theory]
    [MemberData(nameof(ShippedDefinitionsTests.Files), MemberType = typeof(ShippedDefinitionsTests))]
    public void No_two_steps_of_a_shipped_route_overlap_in_the_designer(string file)
    {
        var model = DefinitionParser.Parse(File.ReadAllText(file));
        using var services = ActivityServices.Build();
        var registry = services.GetRequiredService<ActivityRegistry>();

        var steps = model.Root.Activities.Select(node =>
        {
            node.Designer.Should().NotBeNull("step {0} of {1} has a place on the canvas", node.Id, model.DefinitionId);
            registry.TryGet(node.Type, node.TypeVersion, out var descriptor, out _).Should().BeTrue("{0} is a known activity type", node.Type);
            var size = StepSize.Of(node, descriptor);
            output.WriteLine($"{node.Id}: {node.Designer!.X}, {node.Designer.Y}, {size.Width} × {size.Height:0}");
            return (node.Id, X: node.Designer.X, Y: node.Designer.Y, size.Width, size.Height);
        }).ToList();

        var crowded = (from a in steps
                       from b in steps
                       where string.CompareOrdinal(a.Id, b.Id) < 0
                       where a.X < b.X + b.Width + Gap && b.X < a.X + a.Width + Gap && a.Y < b.Y + b.Height + Gap && b.Y < a.Y + a.Height + Gap
                       select $"{a.Id} and {b.Id}").ToList();
        crowded.Should().BeEmpty("every two steps of {0} have at least {1} px between them", model.DefinitionId, Gap);
    }

    [Fact]
    public void A_step_with_a_long_title_and_many_exits_is_taken_as_high_as_it_is_drawn()
    {
        using var services = ActivityServices.Build();
        var registry = services.GetRequiredService<ActivityRegistry>();
        registry.TryGet("Besluit", null, out var besluit, out _).Should().BeTrue();
        registry.TryGet("End", null, out var end, out _).Should().BeTrue();

        // Measured in Chromium at 1366 px: "Dagelijks bestuur" (5 exits) is 217 px high, the end "Vastgesteld" 68 px.
        StepSize.Of(new ActivityNode { Id = "besluitDb", Type = "Besluit", DisplayName = "Dagelijks bestuur" }, besluit).Height.Should().BeInRange(217, 240);
        StepSize.Of(new ActivityNode { Id = "vastgesteld", Type = "End", DisplayName = "Vastgesteld" }, end).Height.Should().BeInRange(68, 80);
        StepSize.Of(new ActivityNode { Id = "b", Type = "Besluit", DisplayName = "DB stelt de reacties op de zienswijzen vast" }, besluit).Height
            .Should().BeGreaterThan(StepSize.Of(new ActivityNode { Id = "b", Type = "Besluit", DisplayName = "DB" }, besluit).Height, "a long title wraps");
    }

    /// <summary>The size the designer draws a step at, in px of the route (1 rem = 16 px).</summary>
    private static class StepSize
    {
        private const double Width = 160;
        private const double ContentWidth = 160 - 2 * 2 - 2 * 9.6;

        // Line heights: body text at 1.5, the title at 1.25 (designer.css).
        private const double TypeLine = 11.2 * 1.5;
        private const double TitleLine = 14.4 * 1.25;
        private const double IdLine = 11.2 * 1.5;
        private const double PortLine = 12 * 1.5;

        // Average character widths, on the wide side: the type in capitals with letter spacing, the title bold.
        private const double TypeChar = 11.2 * 0.72;
        private const double TitleChar = 14.4 * 0.55;
        private const double PortChar = 12 * 0.5;
        private const double PortTextWidth = ContentWidth + 9.6 - 12.8;

        public static (double Width, double Height) Of(ActivityNode node, ActivityDescriptor descriptor)
        {
            var title = string.IsNullOrEmpty(node.DisplayName) ? descriptor.DisplayName : node.DisplayName;
            var height = 2 * 2 + 2 * 6.4
                + Lines(descriptor.DisplayName, ContentWidth, TypeChar) * TypeLine
                + Lines(title, ContentWidth, TitleChar) * TitleLine
                + Lines(node.Id, ContentWidth, 11.2 * 0.62) * IdLine;
            var ports = NodePorts.For(descriptor, node);
            if (ports.Count > 0)
            {
                height += 5.6 + 1 + ports.Sum(p => Lines(descriptor.PortLabelOf(node, p) ?? p, PortTextWidth, PortChar) * PortLine + 3.2);
            }

            return (Width, height);
        }

        /// <summary>How many lines a text takes when wrapped at word boundaries.</summary>
        private static int Lines(string text, double width, double charWidth)
        {
            var perLine = Math.Max(1, (int)Math.Floor(width / charWidth));
            var lines = 1;
            var used = 0;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var needed = used == 0 ? word.Length : used + 1 + word.Length;
                if (needed <= perLine)
                {
                    used = needed;
                    continue;
                }

                if (used > 0)
                {
                    lines++;
                }

                lines += (word.Length - 1) / perLine;
                used = word.Length - ((word.Length - 1) / perLine * perLine);
            }

            return lines;
        }
    }
}
