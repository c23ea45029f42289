using System.Text.Json.Nodes;
using AdviesRoute.Host.Data;
using AdviesRoute.Host.Portal.Publishing;
using AdviesRoute.Host.Proposals.Overview;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Host.Tests.Portal.PublicCatalogFixture;

namespace AdviesRoute.Host.Tests.Portal;

/// <summary>
/// What the public catalog yields after a DB and an AB meeting (see <see cref="PublicCatalogFixture"/>), and each thing it
/// never yields: a besloten proposal and its stukken, a vertrouwelijk stuk, a stuk for one body's members, the remark,
/// the votes per member, anything withdrawn, anything of a meeting that was not convened or of a body that publishes nothing.
/// </summary>
public abstract class PublicCatalogContract<TWalk>(TWalk walk)
    where TWalk : PublicCatalogFixture
{
    [Fact]
    public async Task The_ab_publishes_agenda_stukken_and_besluitenlijst_the_db_only_its_besluitenlijst_and_bacs_nothing()
    {
        var bodies = await walk.CatalogAsync(c => c.BodiesAsync(default));
        bodies.Select(b => (b.Id, b.PublishesAgenda, b.PublishesStukken, b.PublishesBesluitenlijst)).Should().Equal(("db", false, false, true), ("ab", true, true, true));

        var ab = (await walk.CatalogAsync(c => c.MeetingAsync(walk.AbMeeting, default)))!;
        ab.Meeting.AgendaPublishedAt.Should().NotBeNull();
        ab.Meeting.BesluitenlijstPublishedAt.Should().NotBeNull();
        ab.Agenda.Select(i => i.Title).Should().Contain(OpenTitle).And.Contain("Opening").And.Contain("Sluiting");
        ab.Agenda.Single(i => i.Title == OpenTitle).Documents.Select(d => d.Name).Should().Equal("Nota gezondheidsbeleid.pdf");
        ab.Agenda.Single(i => i.Title == OpenTitle).DecisionPoints.Should().Equal("1. Het regionale gezondheidsbeleid 2028 vast te stellen.");
        var decision = ab.Besluitenlijst.Should().ContainSingle().Subject;
        (decision.Title, decision.Outcome, decision.ProposalId).Should().Be((OpenTitle, "vastgesteld", walk.OpenId));
        decision.Tally.Should().Be("Aangenomen met meerderheid van de uitgebrachte stemmen: 6 voor, 5 tegen, 0 onthouding (stemgewicht van leden).");
        ab.AdoptionSentence.Should().StartWith("Vastgesteld in de vergadering van");

        var document = (await walk.CatalogAsync(c => c.DocumentAsync(walk.PublicDocument, default)))!;
        (document.MeetingId, document.BodyId, document.WooCategory, document.ProposalId, document.Path)
            .Should().Be((walk.AbMeeting, "ab", "vergaderstukken decentrale overheden", walk.OpenId, $"/openbaar/stukken/{walk.PublicDocument}/Nota%20gezondheidsbeleid.pdf"));
        (await walk.CatalogAsync(c => c.DocumentFileAsync(walk.PublicDocument, default)))!.Content.Should().StartWith("%PDF-"u8.ToArray());

        // The DB: its besluitenlijst (convened, adopted), never its agenda or stukken.
        var db = (await walk.CatalogAsync(c => c.MeetingAsync(walk.DbMeeting, default)))!;
        db.Meeting.AgendaPublishedAt.Should().BeNull();
        db.Agenda.Should().BeEmpty();
        db.Besluitenlijst.Select(d => d.Title).Should().Equal(OpenTitle);
        db.Besluitenlijst.Single().Documents.Should().BeEmpty();
        (await walk.CatalogAsync(c => c.MeetingAsync("bac-pg-proef", default))).Should().BeNull();
        (await walk.CatalogAsync(c => c.MeetingsAsync("bac-pg", default))).Should().BeEmpty();
    }

    [Fact]
    public async Task A_besloten_proposal_and_its_stukken_are_never_public()
    {
        foreach (var meeting in new[] { walk.AbMeeting, walk.DbMeeting })
        {
            var detail = (await walk.CatalogAsync(c => c.MeetingAsync(meeting, default)))!;
            detail.Agenda.Select(i => i.Title).Should().NotContain(ClosedTitle);
            detail.Besluitenlijst.Select(i => i.Title).Should().NotContain(ClosedTitle);
        }

        (await walk.CatalogAsync(c => c.DocumentAsync(walk.ClosedDocument, default))).Should().BeNull();
        var ids = await walk.CatalogAsync(c => c.PublicIdsAsync(default));
        ids.ProposalIds.Should().Equal(walk.OpenId);
        ids.DocumentIds.Should().Equal(walk.PublicDocument);
    }

    [Fact]
    public async Task A_vertrouwelijk_stuk_and_a_stuk_for_one_body_are_never_public()
    {
        foreach (var id in new[] { walk.ConfidentialDocument, walk.ForAbDocument })
        {
            (await walk.CatalogAsync(c => c.DocumentAsync(id, default))).Should().BeNull();
            (await walk.CatalogAsync(c => c.DocumentFileAsync(id, default))).Should().BeNull();
        }

        var ab = (await walk.CatalogAsync(c => c.MeetingAsync(walk.AbMeeting, default)))!;
        ab.Agenda.SelectMany(i => i.Documents).Concat(ab.Besluitenlijst.SelectMany(d => d.Documents)).Select(d => d.Id).Should().Equal(walk.PublicDocument, walk.PublicDocument);
    }

    [Fact]
    public async Task The_remark_and_the_votes_per_member_are_never_public()
    {
        var ab = (await walk.CatalogAsync(c => c.MeetingAsync(walk.AbMeeting, default)))!;
        var said = System.Text.Json.JsonSerializer.Serialize(ab) + System.Text.Json.JsonSerializer.Serialize(await walk.CatalogAsync(c => c.RecentAsync(20, default)));
        said.Should().NotContain(Remark);
        foreach (var voter in walk.Voters)
        {
            said.Should().NotContain(voter);
        }
    }

    [Fact]
    public async Task A_meeting_that_was_not_convened_shows_nothing_but_its_date()
    {
        var coming = (await walk.CatalogAsync(c => c.MeetingAsync(UnconvenedAb, default)))!;
        (coming.Meeting.AgendaPublishedAt, coming.Meeting.BesluitenlijstPublishedAt, coming.Agenda.Count, coming.Besluitenlijst.Count).Should().Be((null, null, 0, 0));
        var meetings = await walk.CatalogAsync(c => c.MeetingsAsync("ab", default));
        meetings.Select(m => m.Id).Should().StartWith(UnconvenedAb, "the newest first, coming meetings included");
        meetings.Select(m => m.Id).Should().Contain(walk.AbMeeting).And.Contain("ab-proef-2");
    }

    [Fact]
    public async Task A_convocation_sent_twice_publishes_once_and_each_publication_is_journaled_naming_the_secretary()
    {
        using var scope = walk.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var rows = await db.Publications.AsNoTracking().OrderBy(p => p.MeetingId).ThenBy(p => p.Kind).Select(p => new { p.MeetingId, p.Kind }).ToListAsync();
        rows.Select(r => (r.MeetingId, r.Kind)).Should().Equal(
            (walk.AbMeeting, "agenda"), (walk.AbMeeting, "besluitenlijst"), ("ab-proef-2", "agenda"), (walk.DbMeeting, "besluitenlijst"));

        var timeline = (await scope.ServiceProvider.GetRequiredService<ProposalReader>().GetAsync(walk.OpenId, default))!.Timeline.Select(l => l.Sentence).ToList();
        var day = AdviesRoute.Activities.Texts.DutchFormat.Day(walk.Day(walk.AbMeeting));
        timeline.Should().ContainSingle(s => s == $"{Secretary} publiceerde de agenda en de openbare stukken van de vergadering van het algemeen bestuur van {day} op het openbare portaal.");
        timeline.Should().ContainSingle(s => s == $"{Secretary} publiceerde de besluitenlijst van de vergadering van het algemeen bestuur van {day} op het openbare portaal.");
        timeline.Should().ContainSingle(s => s.StartsWith($"{Secretary} publiceerde de besluitenlijst van de vergadering van het dagelijks bestuur van "));
        var closedTimeline = (await scope.ServiceProvider.GetRequiredService<ProposalReader>().GetAsync(walk.ClosedId, default))!.Timeline;
        closedTimeline.Should().NotContain(l => l.Sentence.Contains("openbare portaal"));
    }

    [Fact]
    public async Task The_feed_lists_the_standing_publications_newest_first()
    {
        var recent = await walk.CatalogAsync(c => c.RecentAsync(10, default));
        recent.Select(r => (r.Kind, r.MeetingId)).Should().BeEquivalentTo(new[]
        {
            ("besluitenlijst", walk.AbMeeting), ("besluitenlijst", walk.DbMeeting), ("agenda", walk.AbMeeting),
        });
        recent.Select(r => r.PublishedAt).Should().BeInDescendingOrder();
        recent.Should().OnlyContain(r => r.Path == "/openbaar/vergaderingen/" + r.MeetingId);
        recent.Single(r => r.Kind == "agenda" && r.MeetingId == walk.AbMeeting).Summary.Should().Contain("1 voorstel en 1 openbaar stuk");
    }

    [Fact]
    public async Task A_withdrawn_agenda_or_stuk_is_public_no_more_and_says_why_and_a_withdrawal_without_reason_stores_nothing()
    {
        walk.RefusedWithoutReason.Should().OnlyContain(r => r != null && r.StartsWith("Geef de reden") && r.EndsWith("Er is niets teruggetrokken."));

        var next = (await walk.CatalogAsync(c => c.MeetingAsync("ab-proef-2", default)))!;
        (next.Meeting.AgendaPublishedAt, next.Agenda.Count).Should().Be((null, 0));
        (await walk.CatalogAsync(c => c.RecentAsync(10, default))).Should().NotContain(r => r.MeetingId == "ab-proef-2");
        (await walk.CatalogAsync(c => c.WithdrawalsAsync("ab-proef-2", default))).Select(w => (w.Kind, w.What, w.Reason))
            .Should().Equal(("agenda", "De agenda en de openbare stukken", AgendaReason));

        (await walk.CatalogAsync(c => c.DocumentAsync(walk.WithdrawnDocument, default))).Should().BeNull();
        (await walk.CatalogAsync(c => c.DocumentFileAsync(walk.WithdrawnDocument, default))).Should().BeNull();
        (await walk.CatalogAsync(c => c.PublicIdsAsync(default))).DocumentIds.Should().NotContain(walk.WithdrawnDocument);
        var gone = (await walk.CatalogAsync(c => c.WithdrawnDocumentAsync(walk.WithdrawnDocument, default)))!;
        (gone.What, gone.Reason, gone.MeetingId).Should().Be(("Bijlage met fout.pdf", DocumentReason, walk.AbMeeting));

        using var scope = walk.Host.Services.CreateScope();
        var timeline = (await scope.ServiceProvider.GetRequiredService<ProposalReader>().GetAsync(walk.OpenId, default))!.Timeline.Select(l => l.Sentence).ToList();
        var day = AdviesRoute.Activities.Texts.DutchFormat.Day(walk.Day(walk.AbMeeting));
        timeline.Should().ContainSingle(s => s == $"{Secretary} haalde het stuk ‘Bijlage met fout.pdf’ van de vergadering van het algemeen bestuur van {day} van het openbare portaal; reden: Er stonden persoonsgegevens in de bijlage.");
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        (await db.DocumentWithdrawals.CountAsync()).Should().Be(1, "the refusal without a reason stored nothing");
        (await db.Publications.CountAsync(p => p.WithdrawnAt != null)).Should().Be(1);
    }
}

/// <summary>The catalog on SQLite.</summary>
public sealed class PublicCatalogTests(PublicCatalogFixture walk) : PublicCatalogContract<PublicCatalogFixture>(walk), IClassFixture<PublicCatalogFixture>;

/// <summary>The catalog on PostgreSQL: the same answers.</summary>
public sealed class PublicCatalogPostgresTests(PostgresPublicCatalogFixture walk) : PublicCatalogContract<PostgresPublicCatalogFixture>(walk), IClassFixture<PostgresPublicCatalogFixture>;
