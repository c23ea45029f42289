using AdviesRoute.Activities.Texts;

namespace AdviesRoute.Host.Pages.Mailbox;

/// <summary>How the mailbox pages write sizes, in Dutch; moments go through <see cref="DutchFormat"/>.</summary>
internal static class MailboxText
{
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => string.Create(DutchFormat.Culture, $"{bytes / 1024.0:0.#} kB"),
        _ => string.Create(DutchFormat.Culture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };
}
