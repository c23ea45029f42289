using AdviesRoute.Activities.Governance.Search;
using AdviesRoute.Activities.Tests.Support;
using AdviesRoute.Workflows.Attributes;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Activities.Tests.Governance.Search;

/// <summary>
/// The searchable attributes of proposals on the shipped "voorstel" route (demo jaarkalender 2026-2027, fake clock): what
/// the overview, the tasks and a meeting's agenda filter on.
/// </summary>
public sealed class ProposalAttributeSourceTests
{
    private static async Task<IReadOnlyDictionary<string, string[]>> AttributesAsync(GovernanceEngine engine, string id) =>
        (await engine.Host.ReadAsync(r => r.GetInstanceAsync(id)))!.Attributes
            .GroupBy(a => a.Name.Name).ToDictionary(g => g.Key, g => g.Select(a => a.Value).ToArray());

    private static async Task<List<string>> FindAsync(GovernanceEngine engine, params AttributeFilter[] filters) =>
        (await engine.Host.ReadAsync(r => r.PageSummariesAsync(new InstanceQuery { Attributes = filters }, null, 50))).Items.Select(i => i.Id).ToList();

    [Fact]
    public async Task A_started_proposal_has_its_title_pillar_and_kind_and_waits_on_the_group_that_prepares_it()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Preventieakkoord Drenthe", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel" })).InstanceId;
        var other = (await engine.StartAsync("voorstel", new { titel = "Kaderbrief 2028", pijler = "ZorgEnVeiligheid", soort = "kaderbrief" })).InstanceId;

        (await AttributesAsync(engine, id)).Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["titel"] = ["Preventieakkoord Drenthe"],
            ["pijler"] = ["PubliekeGezondheid"],
            ["soort"] = ["beleidsvoorstel"],
            ["wachtOp"] = ["vg-pg"],
        });
        (await FindAsync(engine, ProposalAttributes.Title.Contains("preventie"))).Should().Equal(id);
        (await FindAsync(engine, ProposalAttributes.Pillar.Is("PubliekeGezondheid"), ProposalAttributes.Kind.Is("beleidsvoorstel"))).Should().Equal(id);
        (await FindAsync(engine, ProposalAttributes.WaitsOn.Is("vg-pg"))).Should().Equal(id);
        (await FindAsync(engine, ProposalAttributes.WaitsOn.Is("vg-zv"))).Should().Equal(other);
    }

    [Fact]
    public async Task A_proposal_on_a_meeting_is_found_by_the_meeting_and_the_body_and_keeps_the_meeting_after_its_outcome()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1));
        var id = (await engine.StartAsync("voorstel", new { titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel" })).InstanceId;

        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });

        var onBac = await AttributesAsync(engine, id);
        onBac["wachtOp"].Should().Equal("bac-pg");
        onBac["vergadering"].Should().Equal("bac-pg-2026-09-23");
        (await FindAsync(engine, ProposalAttributes.Meeting.Is("bac-pg-2026-09-23"))).Should().Equal(id);
        (await FindAsync(engine, ProposalAttributes.WaitsOn.Is("vg-pg"))).Should().BeEmpty();

        // Positive with remarks on 23 September: on to the DB of 7 October; the BAC meeting stays with the proposal.
        await engine.MoveToAsync(new DateOnly(2026, 9, 23));
        await engine.ResumeAsync(id, "advies", "Vergadering", new { uitkomst = "positiefMetKanttekeningen", toelichting = "Let op de uitvoeringskosten." });

        var onDb = await AttributesAsync(engine, id);
        onDb["wachtOp"].Should().Equal("db");
        onDb["vergadering"].Should().Equal("bac-pg-2026-09-23", "db-2026-10-07");
        (await FindAsync(engine, ProposalAttributes.Meeting.Is("bac-pg-2026-09-23"))).Should().Equal(id);
        (await FindAsync(engine, ProposalAttributes.Meeting.Is("db-2026-10-07"))).Should().Equal(id);

        // Returned by the DB: back to preparation, both meetings kept.
        await engine.MoveToAsync(new DateOnly(2026, 10, 7));
        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "teruggestuurd", toelichting = "Eerst afstemmen met de gemeenten." });
        var back = await AttributesAsync(engine, id);
        back["wachtOp"].Should().Equal("vg-pg");
        back["vergadering"].Should().Equal("bac-pg-2026-09-23", "db-2026-10-07");
    }

    [Fact]
    public async Task A_begroting_in_the_zienswijzen_round_waits_on_every_council()
    {
        await using var engine = await GovernanceEngine.StartAsync(new DateOnly(2027, 1, 4));
        var id = (await engine.StartAsync("voorstel", new { titel = "Ontwerpbegroting 2028", pijler = "PubliekeGezondheid", soort = "begroting" })).InstanceId;
        await engine.MoveToAsync(new DateOnly(2027, 1, 5));
        await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
        await engine.MoveToAsync(new DateOnly(2027, 1, 20));

        await engine.ResumeAsync(id, "besluitDb", "Vergadering", new { uitkomst = "vastgesteld" });

        var councils = (await engine.WaitingAsync(id)).Where(w => w.Bookmark.Name == "Antwoord")
            .Select(w => w.Bookmark.Payload!["orgaan"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        councils.Should().HaveCount(12).And.OnlyContain(c => c.StartsWith("raad-", StringComparison.Ordinal));
        var attributes = await AttributesAsync(engine, id);
        attributes["wachtOp"].Should().Equal(councils);
        attributes["vergadering"].Should().Equal("db-2027-01-20");
        (await FindAsync(engine, ProposalAttributes.WaitsOn.StartsWith("raad-"))).Should().Equal(id);
        (await FindAsync(engine, ProposalAttributes.WaitsOn.StartsWith("college-"))).Should().BeEmpty();
        (await FindAsync(engine, ProposalAttributes.WaitsOn.Is("raad-assen"))).Should().Equal(id);
    }

    [Fact]
    public async Task Recomputed_from_the_journal_at_start_up_the_attributes_equal_those_the_steps_kept()
    {
        string folder;
        string id;
        IReadOnlyDictionary<string, string[]> kept;
        await using (var engine = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 1)))
        {
            folder = engine.Host.Folder;
            id = (await engine.StartAsync("voorstel", new { titel = "Preventieakkoord", pijler = "PubliekeGezondheid", soort = "beleidsvoorstel" })).InstanceId;
            await engine.ResumeAsync(id, "voorbereiding", "Voorbereiding", new { uitkomst = "gereed" });
            await engine.MoveToAsync(new DateOnly(2026, 9, 23));
            await engine.ResumeAsync(id, "advies", "Vergadering", new { uitkomst = "negatief", toelichting = "Eerst de financiering uitwerken." });
            kept = await AttributesAsync(engine, id);
            kept["vergadering"].Should().Equal("bac-pg-2026-09-23");

            // As on a database of the previous release: no rows, no version.
            await engine.Host.WithDbAsync(async db => await db.InstanceAttributes.ExecuteDeleteAsync() + await db.Metadata.ExecuteDeleteAsync());
        }

        await using var again = await GovernanceEngine.StartAsync(new DateOnly(2026, 9, 23), folder: folder);

        (await AttributesAsync(again, id)).Should().BeEquivalentTo(kept);
        (await FindAsync(again, ProposalAttributes.Meeting.Is("bac-pg-2026-09-23"))).Should().Equal(id);
        (await again.Host.WithDbAsync(db => db.Metadata.SingleAsync())).Value.Should().Be("1", "the version of the rules the source declares");
        (await again.StatusAsync(id)).Should().Be(WorkflowStatus.Suspended);
    }
}
