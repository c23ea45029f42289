using AdviesRoute.Host.Data;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Search;
using AdviesRoute.Host.Tests.Postgres;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdviesRoute.Host.Tests.Search;

/// <summary>
/// The full-text search on SQLite (Snowball stems from Lucene.Net in FTS5) and on PostgreSQL (its <c>dutch</c>
/// configuration), over the same proposals: the same hits for a word inside a PDF, a DOCX, an inflection of each, and
/// the confidential document for a signed-in person.
/// </summary>
public sealed class SearchOnBothDatabasesTests : IClassFixture<HostFixture>, IClassFixture<PostgresHostFixture>, IAsyncLifetime
{
    private readonly HostFixture _sqlite;
    private readonly PostgresHostFixture _postgres;

    public SearchOnBothDatabasesTests(HostFixture sqlite, PostgresHostFixture postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
    }

    private IEnumerable<HostFixture> Both => [_sqlite, _postgres];

    public async Task InitializeAsync()
    {
        await SearchStory.OnceAsync(_sqlite);
        await SearchStory.OnceAsync(_postgres);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly FoundHit HeatPdf = new(SearchEntryKind.Document, SearchStory.HeatTitle, SearchStory.HeatPdf, false);
    private static readonly FoundHit NoiseDocx = new(SearchEntryKind.Document, SearchStory.HeatTitle, SearchStory.NoiseDocx, false);
    private static readonly FoundHit LandPdf = new(SearchEntryKind.Document, SearchStory.HeatTitle, SearchStory.LandPdf, true);

    [Theory]
    [InlineData("hittestressmaatregelen")]
    [InlineData("hittestressmaatregel")]
    [InlineData("HITTESTRESSMAATREGELEN")]
    public async Task A_word_only_inside_a_pdf_finds_its_proposal_in_the_same_way_on_sqlite_and_postgresql(string query)
    {
        foreach (var host in Both)
        {
            (await SearchStory.FoundAsync(host, query)).Should().Equal([HeatPdf], $"on {Provider(host)}");
            (await SearchStory.MarkedAsync(host, query)).Should().Equal(["hittestressmaatregelen"], $"the word as written in the PDF is marked on {Provider(host)}");
        }
    }

    [Theory]
    [InlineData("geluidsschermen")]
    [InlineData("geluidsscherm scholen")]
    public async Task A_word_only_inside_a_docx_finds_its_proposal_by_its_inflection_on_both_databases(string query)
    {
        foreach (var host in Both)
        {
            (await SearchStory.FoundAsync(host, query)).Should().Equal([NoiseDocx], $"on {Provider(host)}");
        }
    }

    [Fact]
    public async Task A_signed_in_secretary_finds_the_confidential_document_marked_as_such_on_both_databases()
    {
        foreach (var host in Both)
        {
            (await SearchStory.FoundAsync(host, "grondaankopen")).Should().Equal([LandPdf], $"on {Provider(host)}");
        }
    }

    [Fact]
    public async Task The_title_summary_and_beslispunten_find_the_proposal_itself()
    {
        foreach (var host in Both)
        {
            var proposal = new FoundHit(SearchEntryKind.Proposal, SearchStory.ReportTitle, null, false);
            (await SearchStory.FoundAsync(host, "jaarverslagen")).Should().Equal([proposal, new FoundHit(SearchEntryKind.Document, SearchStory.ReportTitle, SearchStory.ReportPdf, false)],
                $"the title and the document's name hold the word, on {Provider(host)}");
            (await SearchStory.FoundAsync(host, "kennisgeving")).Should().Equal([proposal], $"a beslispunt, on {Provider(host)}");
            (await SearchStory.FoundAsync(host, "zomer")).Should().Equal([new FoundHit(SearchEntryKind.Proposal, SearchStory.HeatTitle, null, false)], $"the summary, on {Provider(host)}");
        }
    }

    [Fact]
    public async Task Every_word_must_occur_and_stop_words_alone_are_refused_with_a_dutch_sentence()
    {
        foreach (var host in Both)
        {
            (await SearchStory.FoundAsync(host, "vaccinatiegraad geluidsschermen")).Should().BeEmpty($"no single entry holds both, on {Provider(host)}");
            (await SearchStory.FoundAsync(host, "de vaccinatiegraad van")).Should().ContainSingle($"stop words do not count, on {Provider(host)}");
            (await SearchStory.SearchAsync(host, "de het van")).Problem.Should().StartWith("Uw zoekvraag bevat alleen veelvoorkomende woorden");
            (await SearchStory.SearchAsync(host, " ")).Problem.Should().Be("Vul een of meer woorden in om te zoeken.");
            (await SearchStory.SearchAsync(host, "a")).Problem.Should().Be("Vul minstens 2 tekens in om te zoeken.");
            (await SearchStory.SearchAsync(host, new string('x', 201))).Problem.Should().Be("Uw zoekvraag is te lang: gebruik hoogstens 200 tekens.");
        }
    }

    [Theory]
    [InlineData("\"hittestressmaatregelen")]
    [InlineData("hittestressmaatregelen*")]
    [InlineData("(hittestressmaatregelen wijken)")]
    [InlineData("hittestressmaatregelen -wijken")]
    [InlineData("hittestressmaatregelen & !wijken | (")]
    [InlineData("hittestressmaatregelen:* 'wijken'")]
    [InlineData("hittestressmaatregelen: ^wijken;")]
    public async Task Query_syntax_of_either_database_is_read_as_plain_words_and_never_fails(string query)
    {
        foreach (var host in Both)
        {
            (await SearchStory.FoundAsync(host, query)).Should().Equal([HeatPdf], $"‘{query}’ means the words in it, on {Provider(host)}");
        }
    }

    [Fact]
    public async Task The_stems_of_lucene_and_postgresql_agree_on_the_words_and_the_stop_words_this_search_relies_on()
    {
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        var words = new[]
        {
            "hittestressmaatregelen", "hittestressmaatregel", "geluidsschermen", "geluidsscherm", "grondaankopen", "grondaankoop",
            "jaarverslagen", "jaarverslag", "beslispunten", "gemeenten", "financiële", "subsidieregelingen", "zomers", "kennisgeving",
        };
        var stemmer = new DutchWords();
        foreach (var word in words)
        {
            await using var command = new NpgsqlCommand("SELECT (ts_lexize('dutch_stem', @w))[1]", connection);
            command.Parameters.AddWithValue("w", word);
            (await command.ExecuteScalarAsync()).Should().Be(stemmer.Stem(word), $"both stem ‘{word}’ alike");
        }

        var stopWords = DutchWords.StopWords();
        stopWords.Should().HaveCount(101);
        await using (var stops = new NpgsqlCommand("SELECT count(*) FROM unnest(@w) AS w WHERE to_tsvector('dutch', w) = ''::tsvector", connection))
        {
            stops.Parameters.AddWithValue("w", stopWords.ToArray());
            (await stops.ExecuteScalarAsync()).Should().Be(101L, "PostgreSQL's dutch configuration drops every one of Lucene's Dutch stop words");
        }
    }

    [Fact]
    public async Task A_changed_beslispunt_is_found_and_the_old_words_no_longer_are()
    {
        foreach (var host in Both)
        {
            var id = await SearchStory.StartAsync(host, "Verlenging dienstverleningsovereenkomst", "Een jaar langer.", "de overeenkomst na de proefperiode te verlengen.");
            (await SearchStory.FoundAsync(host, "proefperiode")).Should().ContainSingle($"on {Provider(host)}");
            var changed = await host.WithScopeAsync(sp => sp.GetRequiredService<Host.Proposals.DecisionPoints.ChangeDecisionPoints>()
                .ChangeAsync(id, [new(1, "de overeenkomst met twee jaar te verlengen;"), new(2, "de directeur te machtigen tot ondertekening.")], new Trigger(HostFixture.AdminEmail, Channel.Page), CancellationToken.None));
            changed.Outcome.Should().Be(Host.Proposals.DecisionPoints.DecisionPointsOutcome.Changed);

            (await SearchStory.FoundAsync(host, "ondertekenen")).Should().Equal([new FoundHit(SearchEntryKind.Proposal, "Verlenging dienstverleningsovereenkomst", null, false)], $"on {Provider(host)}");
            (await SearchStory.MarkedAsync(host, "ondertekenen")).Should().Equal(["ondertekening"], $"on {Provider(host)}");
            (await SearchStory.FoundAsync(host, "proefperiode")).Should().BeEmpty($"the old beslispunt is gone from the index, on {Provider(host)}");
        }
    }

    [Fact]
    public async Task A_document_stored_before_the_index_existed_and_a_damaged_one_are_caught_up_without_blocking_and_found_by_name_at_least()
    {
        foreach (var host in Both)
        {
            var id = await SearchStory.StartAsync(host, "Inkoopbeleid", "Regels voor inkoop.", "het inkoopbeleid vast te stellen.");
            var earlier = SearchStory.Document(host, "Aanbestedingskalender.pdf", "De marktconsultatie voor de leerlingenvervoerders start in maart.", confidential: false);
            await host.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<HostDbContext>();
                db.ProposalDocuments.AddRange(
                    Stored(id, earlier.FileName, earlier.Content),
                    Stored(id, "Beschadigd verslag.pdf", "%PDF-1.7 dit is geen echte pdf"u8.ToArray()));
                return await db.SaveChangesAsync();
            });

            (await SearchStory.FoundAsync(host, "leerlingenvervoerders")).Should().BeEmpty("not indexed yet: stored behind the index's back");
            await host.WithScopeAsync(async sp =>
            {
                var index = sp.GetRequiredService<SearchIndex>();
                await index.CatchUpAsync(CancellationToken.None);
                await index.CatchUpAsync(CancellationToken.None);
                return await index.ReadPendingAsync(CancellationToken.None);
            });

            (await SearchStory.FoundAsync(host, "leerlingenvervoerder")).Should().Equal([new FoundHit(SearchEntryKind.Document, "Inkoopbeleid", "Aanbestedingskalender.pdf", false)], $"on {Provider(host)}");
            (await SearchStory.FoundAsync(host, "verslag beschadigd")).Should().Equal([new FoundHit(SearchEntryKind.Document, "Inkoopbeleid", "Beschadigd verslag.pdf", false)],
                $"a file that cannot be read is found by its name, on {Provider(host)}");
            (await host.WithScopeAsync(sp => sp.GetRequiredService<HostDbContext>().SearchEntries.CountAsync(e => e.ProposalId == id)))
                .Should().Be(3, "catching up twice adds nothing twice");
            host.Logs.Entries.Should().Contain(e => e.Message.Contains("Beschadigd verslag.pdf", StringComparison.Ordinal) && e.Message.Contains("found by its name only", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_document_is_found_by_its_name_from_the_moment_it_is_stored_before_its_text_is_read()
    {
        foreach (var host in Both)
        {
            var id = await SearchStory.StartAsync(host, "Huisvesting", "Nieuwe kantoren.", "het huisvestingsplan vast te stellen.");
            var plan = SearchStory.Document(host, "Huisvestingsplan kantoortuinen.pdf", "Flexwerkplekken in Assen.", confidential: false, title: "Plan");
            var stored = Stored(id, plan.FileName, plan.Content);
            await host.WithScopeAsync(async sp =>
            {
                sp.GetRequiredService<HostDbContext>().ProposalDocuments.Add(stored);
                await sp.GetRequiredService<HostDbContext>().SaveChangesAsync();
                await sp.GetRequiredService<SearchIndex>().AddDocumentsAsync(id, "Huisvesting", [stored], CancellationToken.None);
                return 0;
            });

            var hit = (await SearchStory.SearchAsync(host, "kantoortuin")).Hits.Should().ContainSingle().Subject;
            hit.DocumentName.Should().Be("Huisvestingsplan kantoortuinen.pdf");
            hit.Passage.Where(p => p.Marked).Select(p => p.Text).Should().Equal("kantoortuinen");
        }
    }

    [Fact]
    public async Task An_upload_is_read_by_the_background_worker_and_a_damaged_file_never_blocks_the_start()
    {
        foreach (var host in Both)
        {
            var title = $"Zwaluwen in de regio ({Provider(host)})";
            var id = await SearchStory.StartAsync(host, title, "Nestgelegenheid.", "de nestkasten te plaatsen.",
                SearchStory.Document(host, "Inventarisatie.pdf", "Er zijn 40 zwaluwnesten geteld onder de dakgoten.", confidential: false, title: "Telling"),
                new Host.Proposals.Start.NewDocument("Kapotte scan.pdf", DocumentKind.Pdf, "%PDF-1.7 onleesbaar"u8.ToArray(), false));
            id.Should().NotBeNullOrEmpty("the proposal started with both files");

            // No one calls the index here: the worker, woken by the upload, reads the text.
            var found = await AdviesRoute.Tests.Shared.StoredData.HostPages.EventuallyAsync(async () =>
            {
                var hits = await SearchStory.FoundAsync(host, "zwaluwnest");
                return hits.Count > 0 ? hits : null;
            }, $"the background reader on {Provider(host)}");
            found.Should().Equal([new FoundHit(SearchEntryKind.Document, title, "Inventarisatie.pdf", false)]);
            (await SearchStory.FoundAsync(host, "kapotte scan")).Should().Equal([new FoundHit(SearchEntryKind.Document, title, "Kapotte scan.pdf", false)],
                $"by its name, on {Provider(host)}");
        }
    }

    private static ProposalDocument Stored(string instanceId, string name, byte[] content) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        InstanceId = instanceId,
        FileName = name,
        ContentType = "application/pdf",
        Size = content.Length,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
        Content = content,
        UploadedBy = "test",
        UploadedAt = DateTime.UtcNow,
    };

    private static string Provider(HostFixture host) => host is PostgresHostFixture ? "PostgreSQL" : "SQLite";
}
