using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.Language;

/// <summary>
/// No person reads a code. One host and one Chromium (<see cref="LanguageCrawl"/>) make a begroting that reached the
/// councils' zienswijzen (some answered, one with the board's reaction) and beleidsvoorstellen with written BAC advice
/// on a test-only route (<c>proef-schriftelijk-advies.json</c>), then read as a person sees it (the visible text:
/// <c>innerText</c> with every <c>&lt;details&gt;</c> opened, the document title, the labels, and the
/// <c>title</c>/<c>aria-label</c>/<c>placeholder</c>/<c>alt</c> texts):
/// <list type="bullet">
/// <item>every page route of the host's endpoint list, as administrator, secretary and process owner (and without an
/// account where a page allows it), with its parameters filled from that data; a route is left out only with a
/// written reason in <see cref="PageRoutes.Excluded"/>;</item>
/// <item>the personal-link page of every mail that carries one (a zienswijze, a BAC member's advice, a college's answer,
/// a reminder), in whatever state it is in (open, answered, closed, expired), and one link that does not exist;</item>
/// <item>every mail the host sent: subject, HTML as a mail program shows it, plain text, and the invitation's summary
/// and description.</item>
/// </list>
/// <para>What counts (see <see cref="PlainDutch"/> and <see cref="CodeBook"/>):</para>
/// <list type="bullet">
/// <item>a camelCase word (<c>positiefMetKanttekeningen</c>, <c>bacAdvies</c>) and a run-together capitalised word
/// (<c>PubliekeGezondheid</c>, <c>ActivityCompleted</c>), except the proper names in <see cref="PlainDutch.ProperNames"/>;</item>
/// <item>an ISO date or moment (<c>2027-01-20</c>) and an ISO duration (<c>P2W</c>, <c>PT30M</c>);</item>
/// <item><c>undefined</c>, <c>null</c>, <c>NaN</c>, <c>[object Object]</c>;</item>
/// <item>the engine's English words as whole words: <c>Done</c>, <c>Default</c> and every other capitalised port;</item>
/// <item>a channel (<c>Api</c>, <c>Page</c>, <c>Link</c>, <c>Timer</c>, <c>System</c>) as the whole text of an element or
/// after a separator ("· Page", "via Api");</item>
/// <item>a code of the activities' declarations (ports, inputs, input choices, from the designer's palette endpoint),
/// of the shipped routes (activity ids, ports, inputs, variables), of the forms (the values their choices send) or of
/// the journal (kinds, outcomes): a compound code wherever it stands; a code that is also a Dutch word (<c>gereed</c>,
/// <c>positief</c>, <c>voor</c>) only as the whole, lower-case text of a label (button, option, heading, table header,
/// term, legend, summary), where the page should show its Dutch label;</item>
/// <item>a technical id (a long hexadecimal number, a GUID) and an expression path (<c>variables.besluit</c>).</item>
/// </list>
/// <para>
/// Left alone: web and mail addresses (they hold tokens, ids and dates a person follows, not reads) and text in
/// <c>code</c>, <c>kbd</c> and <c>samp</c> (an identifier shown on purpose, such as a route's id for the process owner).
/// Every finding is reported at once, grouped per page, link page and mail, with the word, the text around it, who saw
/// it and where a code comes from, in <c>screenshots/taal/bevindingen.md</c> beside a screenshot of every page at
/// 1366 px.
/// </para>
/// </summary>
public sealed class NoCodeInVisibleTextBrowserTests(LanguageCrawl crawl, ITestOutputHelper output) : IClassFixture<LanguageCrawl>
{
    [Fact]
    public void Every_page_route_of_the_endpoint_list_is_read_as_each_role_or_excluded_with_a_reason()
    {
        output.WriteLine($"Report: {LanguageCrawl.ReportFile}");
        string.Join("\n", crawl.NotCovered).Should().BeEmpty("every page route is read or excluded with a reason (report: {0})", LanguageCrawl.ReportFile);
        crawl.Pages.Should().Contain(p => p.Template == "/Voorstellen/{id}", "the crawl reads the host's own endpoint list");
        foreach (var role in new[] { LanguageCrawl.Administrator, LanguageCrawl.Secretary, LanguageCrawl.ProcessOwner })
        {
            crawl.Visits.Where(v => v.Surface == Surface.Page && v.Role == role).Select(v => v.Group.Split(" — ")[0]).Distinct()
                .Should().HaveCount(crawl.Pages.Count(p => !PageRoutes.Excluded.ContainsKey(LanguageCrawl.Normalized(p.Template)) && LanguageCrawl.Normalized(p.Template) != LanguageCrawl.LinkTemplate),
                    "the {0} reads every page that is not excluded", role);
        }

        crawl.Visits.Should().Contain(v => v.Surface == Surface.Page && v.Role == LanguageCrawl.Secretary && v.Group == "/Voorstellen/{id} — Ontwerpbegroting 2028"
                && v.Shown!.Text.Contains("Ontwerpbegroting 2028", StringComparison.Ordinal),
            "the secretary reads the begroting's own page");
    }

    [Fact]
    public void No_page_shows_a_code_an_ISO_date_or_an_engine_word_to_a_secretary_a_process_owner_or_an_administrator()
    {
        var findings = crawl.Findings.Where(f => f.Surface == Surface.Page).ToList();
        output.WriteLine($"{findings.Count} findings on pages; report: {LanguageCrawl.ReportFile}");
        crawl.Visits.Count(v => v.Surface == Surface.Page).Should().BeGreaterThan(40, "the crawl reads the pages of four proposals and their meetings as three roles");
        CrawlReport.Section(findings).Should().BeEmpty("a person reads Dutch words on every page, no code (report: {0})", LanguageCrawl.ReportFile);
    }

    [Fact]
    public void No_personal_link_page_shows_a_code_whatever_the_request_and_its_state()
    {
        var links = crawl.Visits.Where(v => v.Surface == Surface.Link).ToList();
        var findings = crawl.Findings.Where(f => f.Surface == Surface.Link).ToList();
        output.WriteLine($"{links.Count} link pages, {findings.Count} findings; report: {LanguageCrawl.ReportFile}");
        links.Should().HaveCountGreaterThanOrEqualTo(48, "twelve councils, twelve colleges and two rounds of twelve BAC members each have a link");
        links.Select(v => v.Group.Split(" — page ")[0]).Distinct().Should().HaveCountGreaterThanOrEqualTo(4,
            "the links ask for a zienswijze, for advice and for a college's answer, and one does not exist");
        CrawlReport.Section(findings).Should().BeEmpty("a member reads Dutch words on the link page, no code (report: {0})", LanguageCrawl.ReportFile);
    }

    [Fact]
    public void No_mail_shows_a_code_in_its_subject_its_text_or_its_invitation()
    {
        var mails = crawl.Visits.Where(v => v.Surface == Surface.Mail).ToList();
        var findings = crawl.Findings.Where(f => f.Surface == Surface.Mail).ToList();
        output.WriteLine($"{mails.Count} mails, {findings.Count} findings; report: {LanguageCrawl.ReportFile}");
        mails.Should().HaveCountGreaterThanOrEqualTo(48, "every request of the story went out by mail")
            .And.OnlyContain(m => m.Plain.Count > 0 && m.Shown != null, "every mail has a subject and an HTML part");
        CrawlReport.Section(findings).Should().BeEmpty("a person reads Dutch words in every mail, no code (report: {0})", LanguageCrawl.ReportFile);
    }
}
