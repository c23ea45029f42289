using AdviesRoute.Activities.Calendar;
using System.Globalization;

namespace AdviesRoute.Host.Pages.Mailbox;

/// <summary>How the mailbox pages write moments and sizes: Dutch, in Dutch time.</summary>
internal static class MailboxText
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Moment(DateTimeOffset moment) =>
        DutchTime.Local(moment).ToString("d MMMM yyyy 'om' HH:mm", Dutch);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => string.Create(Dutch, $"{bytes / 1024.0:0.#} kB"),
        _ => string.Create(Dutch, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };
}
