using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdviesRoute.Activities.Governance.Activities;
using AdviesRoute.Activities.Governance.Declarations;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Activities.Tests.Governance.Answers;

/// <summary>What a request declares is what every channel is held to, and what every person reads.</summary>
public sealed partial class RequestDeclarationTests
{
    private static readonly RequestDeclaration Vote = BesluitActivity.Declared.Request(VotingActivity.VoteBookmark)!;
    private static readonly RequestDeclaration Zienswijze = Zienswijzenronde.Declared.Request(AnswerRound.AnswerBookmark)!;

    private static JsonNode Input(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!;

    [Fact]
    public void A_choice_the_step_does_not_offer_is_refused_naming_the_choices_in_words_and_in_codes()
    {
        var refuse = () => Vote.Check(Input(new { keuze = "misschien" }), Channel.Link);
        refuse.Should().Throw<ResumeRejectedException>()
            .WithMessage("'misschien' is geen mogelijk antwoord. Kies Voor, Tegen of Onthouding (in een koppeling: 'keuze' met voor, tegen of onthouding).");
    }

    [Theory]
    [InlineData(Channel.Page)]
    [InlineData(Channel.Api)]
    public void An_answer_recorded_for_someone_else_needs_a_reason(Channel channel)
    {
        var refuse = () => Vote.Check(Input(new { keuze = "voor" }), channel);
        refuse.Should().Throw<ResumeRejectedException>().WithMessage("Dit antwoord legt u vast namens een lid: geef de reden ('namens')*");
        Vote.Check(Input(new { keuze = "voor", namens = "Telefonisch doorgegeven op 12 november." }), channel).OnBehalf
            .Should().Be("Telefonisch doorgegeven op 12 november.");
    }

    [Fact]
    public void Through_the_personal_link_a_person_answers_for_themselves_without_a_reason()
    {
        var answer = Vote.Check(Input(new { keuze = "tegen", toelichting = "  Te duur.  ", lid = "m063" }), Channel.Link);
        answer.Choice.Should().Be("tegen");
        answer.Text("toelichting").Should().Be("Te duur.");
        answer.OnBehalf.Should().BeNull();
        answer.MemberId.Should().Be("m063");
    }

    [Fact]
    public void A_choice_that_needs_a_text_is_refused_without_it()
    {
        var refuse = () => Zienswijze.Check(Input(new { antwoord = "negatief" }), Channel.Link);
        refuse.Should().Throw<ResumeRejectedException>().WithMessage("Een zienswijze heeft een tekst; kies anders 'Geen zienswijze'.");
        Zienswijze.Check(Input(new { antwoord = "geenZienswijze" }), Channel.Link).Choice.Should().Be("geenZienswijze");
    }

    [Fact]
    public void A_text_over_the_limit_is_refused_with_the_fields_own_name()
    {
        var refuse = () => Zienswijze.Check(Input(new { antwoord = "negatief", tekst = new string('x', 4001) }), Channel.Link);
        refuse.Should().Throw<ResumeRejectedException>().WithMessage("De tekst van de zienswijze is te lang: 4.001 tekens; ten hoogste 4.000 tekens. Er is niets vastgelegd.");
    }

    [Fact]
    public async Task Every_governance_step_labels_each_of_its_ports_choices_and_requests_in_Dutch()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 11, 10));
        var registry = engine.Host.Services.GetRequiredService<ActivityRegistry>();
        var declarations = StepDeclarations.All(registry).ToList();
        declarations.Select(d => d.Type).Should().BeEquivalentTo(
            ["Voorbereiding", "Agenderen", "Advies", "Besluit", "Zienswijzenronde", "TerugkoppelingColleges", "Melding", "Nazorg", "ReactiesZienswijzen", "ReactiesHerzien"]);
        foreach (var declaration in declarations)
        {
            registry.TryGet(declaration.Type, null, out var descriptor, out _).Should().BeTrue();
            descriptor.DisplayName.Should().Be(declaration.DisplayName);
            descriptor.Ports.Should().OnlyContain(port => descriptor.PortLabels.ContainsKey(port), $"{declaration.Type} labels every port");
            foreach (var input in descriptor.Inputs.Where(i => i.Type == InputType.Choice))
            {
                input.Choices.Should().NotBeEmpty().And.OnlyContain(c => input.ChoiceLabels.ContainsKey(c), $"{declaration.Type}.{input.Name} labels every choice");
            }

            foreach (var request in declaration.Requests)
            {
                var labels = request.Choices.Select(c => c.Label).Concat(request.Fields.Select(f => f.Label)).Append(request.Title).Append(request.Action).ToList();
                labels.Should().OnlyContain(label => !CamelCase().IsMatch(label), $"{declaration.Type}/{request.Name} shows words, not codes");
            }

            descriptor.PortLabels.Values.Concat(descriptor.Inputs.SelectMany(i => i.ChoiceLabels.Values))
                .Should().OnlyContain(label => !CamelCase().IsMatch(label), $"{declaration.Type} shows words, not codes");
        }
    }

    [Fact]
    public void A_request_that_a_member_or_body_answers_names_the_mail_that_asks_for_it()
    {
        AdviesActivity.Declared.Request(VotingActivity.VoteBookmark)!.MailKind.Should().Be("verzoekAdvies", "a BAC member is asked for advice, not for a vote");
        BesluitActivity.Declared.Request(VotingActivity.VoteBookmark)!.MailKind.Should().Be("verzoekStem");
        Zienswijzenronde.Declared.Request(AnswerRound.AnswerBookmark)!.MailKind.Should().Be("verzoekZienswijze");
        TerugkoppelingColleges.Declared.Request(AnswerRound.AnswerBookmark)!.MailKind.Should().Be("verzoekColleges");
        foreach (var request in new[] { AdviesActivity.Declared, BesluitActivity.Declared, Zienswijzenronde.Declared, TerugkoppelingColleges.Declared }
                     .SelectMany(d => d.Requests).Where(r => r.IsSomeonesAnswer))
        {
            RequestMails.Defaults.Should().ContainKey(request.MailKind!, "every request mail has its Dutch subject and text");
        }
    }

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCase();
}
