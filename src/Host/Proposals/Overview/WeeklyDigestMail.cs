using AdviesRoute.Activities.Texts;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Mail;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Proposals.Overview;

/// <summary>A secretary's weekly digest: the tasks overdue or due within two weeks, each with the page to act on.</summary>
/// <param name="WeekOf">The Monday (Dutch time) the digest is for.</param>
public sealed record WeeklyDigestMail(MailAddress To, DateOnly WeekOf, IReadOnlyList<WeeklyDigestMail.Task> Tasks) : IQueuedMail
{
    public static string Kind => "mail.weekoverzicht.v1";

    /// <param name="Path">The page on this host, e.g. <c>/Voorstellen/abc</c>.</param>
    public sealed record Task(string Title, string What, string? DueText, bool Overdue, string Path);
}

internal sealed class WeeklyDigestMailComposer(IOptions<RequestLinkOptions> links) : IMailComposer<WeeklyDigestMail>
{
    public Task<ComposedMail?> ComposeAsync(WeeklyDigestMail mail, CancellationToken cancellationToken)
    {
        var baseUrl = links.Value.PublicBaseUrl.TrimEnd('/');
        var count = mail.Tasks.Count;
        var overdue = mail.Tasks.Count(t => t.Overdue);
        return System.Threading.Tasks.Task.FromResult<ComposedMail?>(new ComposedMail([mail.To], new MailContent
        {
            Subject = $"Weekoverzicht AdviesRoute: {DutchFormat.Count(count, "taak", "taken")}, week van {DutchFormat.Day(mail.WeekOf)}",
            Greeting = $"Beste {mail.To.Name},",
            Paragraphs =
            [
                $"Dit wacht op u: {DutchFormat.Count(count, "taak", "taken")} die achterstallig {(count == 1 ? "is" : "zijn")} of binnen twee weken af moet{(count == 1 ? "" : "en")}"
                + (overdue == 0 ? "." : $", waarvan {overdue} achterstallig."),
            ],
            List = new MailList("Taken", mail.Tasks.Select(t => new MailListItem(
                $"{t.Title} – {t.What}", baseUrl + t.Path,
                Note: t.Overdue ? "achterstallig" + (t.DueText is null ? "" : ", " + t.DueText) : t.DueText)).ToList()),
            Button = new MailButton("Alle taken", baseUrl + "/Voorstellen/Taken"),
            ToSecretariat = true,
        }));
    }
}
