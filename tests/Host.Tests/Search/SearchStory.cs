using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Proposals;
using AdviesRoute.Host.Documents;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Host.Search;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Tests.Search;

/// <summary>A hit as a person tells hits apart: what it is, of which proposal, which document.</summary>
public sealed record FoundHit(SearchEntryKind Kind, string ProposalTitle, string? DocumentName, bool Confidential);

/// <summary>
/// Two proposals started the way the secretary's form starts them (<see cref="StartProposal"/>), with real documents
/// written by the host's own PDF and DOCX writer: the words searched for occur only inside those files.
/// </summary>
public sealed class SearchStory
{
    public const string HeatTitle = "Regionale aanpak van hitte";
    public const string HeatPdf = "Bijlage maatregelen.pdf";
    public const string NoiseDocx = "Toelichting geluid.docx";
    public const string LandPdf = "Notitie grond.pdf";
    public const string ReportTitle = "Jaarverslag jeugdgezondheidszorg 2026";
    public const string ReportPdf = "Jaarverslag.pdf";

    public required string HeatId { get; init; }
    public required string ReportId { get; init; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HostFixture, Lazy<Task<SearchStory>>> Started = new();

    /// <summary>The story on this host, started by the first test class member that asks (a class fixture lives as long as its class).</summary>
    public static Task<SearchStory> OnceAsync(HostFixture host) => Started.GetValue(host, h => new Lazy<Task<SearchStory>>(() => StartAsync(h))).Value;

    public static async Task<SearchStory> StartAsync(HostFixture host)
    {
        var heat = await StartAsync(host, HeatTitle, "Een gezamenlijke aanpak voor de zomers die komen.", "de regionale aanpak vast te stellen;",
            Document(host, HeatPdf, "In 2027 nemen de gemeenten hittestressmaatregelen in wijken waar veel ouderen wonen.", confidential: false),
            Document(host, NoiseDocx, "Langs de provinciale weg komen geluidsschermen bij de scholen.", confidential: false),
            Document(host, LandPdf, "De grondaankoop voor de koeltuin loopt nog; het bod blijft tot de levering geheim.", confidential: true));
        var report = await StartAsync(host, ReportTitle, "Wat de jeugdgezondheidszorg in 2026 deed.", "het jaarverslag voor kennisgeving aan te nemen.",
            Document(host, ReportPdf, "De vaccinatiegraad bleef hoog; het aantal consulten steeg.", confidential: false));
        await host.WithScopeAsync(sp => sp.GetRequiredService<SearchIndex>().ReadPendingAsync(CancellationToken.None));
        return new SearchStory { HeatId = heat, ReportId = report };
    }

    /// <summary>A PDF or DOCX (by the name's extension) of one paragraph, written by the host's official-document writer.</summary>
    public static NewDocument Document(HostFixture host, string name, string paragraph, bool confidential, string? title = null)
    {
        var writer = host.Services.GetRequiredService<IOfficialDocumentWriter>();
        var document = new OfficialDocument { Title = title ?? Path.GetFileNameWithoutExtension(name), Blocks = [new DocumentParagraph(paragraph)] };
        return name.EndsWith(".pdf", StringComparison.Ordinal)
            ? new NewDocument(name, DocumentKind.Pdf, writer.Pdf(document), confidential)
            : new NewDocument(name, DocumentKind.Docx, writer.Docx(document), confidential);
    }

    public static Task<string> StartAsync(HostFixture host, string title, string summary, string point, params NewDocument[] documents) =>
        host.WithScopeAsync(async sp =>
        {
            var member = sp.GetRequiredService<IGovernanceDirectory>().Current.Model.MembersOf("db", DateOnly.FromDateTime(DateTime.UtcNow))
                .First(m => m.Role != AdviesRoute.Activities.Governance.Model.MemberRole.Plaatsvervanger);
            var proposal = new NewProposal("voorstel", title, "PubliekeGezondheid", "beleidsvoorstel", summary, member.Id, member.Name, null, "zonderBacs", false, documents)
            {
                DecisionPoints = [new Beslispunt(1, point)],
                Publicity = ProposalInput.Openbaar,
            };
            return await sp.GetRequiredService<StartProposal>().StartAsync(proposal, HostFixture.AdminEmail, CancellationToken.None);
        });

    public static Task<SearchResult> SearchAsync(HostFixture host, string query, SearchScope scope = SearchScope.SignedIn) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<IProposalSearch>().SearchAsync(new SearchRequest(query, scope), CancellationToken.None));

    public static async Task<List<FoundHit>> FoundAsync(HostFixture host, string query, SearchScope scope = SearchScope.SignedIn)
    {
        var result = await SearchAsync(host, query, scope);
        result.Problem.Should().BeNull();
        return result.Hits.Select(h => new FoundHit(h.Kind, h.ProposalTitle, h.DocumentName, h.Confidential))
            .OrderBy(h => h.ProposalTitle, StringComparer.Ordinal).ThenBy(h => h.DocumentName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The marked words of every hit's passage.</summary>
    public static async Task<List<string>> MarkedAsync(HostFixture host, string query) =>
        (await SearchAsync(host, query)).Hits.SelectMany(h => h.Passage.Where(p => p.Marked).Select(p => p.Text)).ToList();
}
