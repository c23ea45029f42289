using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Portal.Publishing;

/// <summary>
/// The public portal (<c>Portal</c>): which body publishes what, the Woo information category of what it publishes, the
/// GR's name in the portal's header, and the GR's own accessibility statement.
/// </summary>
/// <remarks>
/// Why a body publishes: the meetings of the algemeen bestuur are public (art. 22 Wgr, which applies art. 23 Gemeentewet),
/// so its agenda and stukken are published when the meeting is convened; the Wet open overheid asks every public body to
/// publish actively what its boards decide (art. 3.3 Woo), so the besluitenlijsten of the algemeen and the dagelijks
/// bestuur are published once adopted. The dagelijks bestuur meets behind closed doors; the advisory committees (BAC)
/// take no decisions. A body not listed publishes nothing.
/// </remarks>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The GR's name as the portal's header shows it ("Gemeenschappelijke regeling SamenDrenthe").</summary>
    public string Name { get; set; } = "";

    /// <summary>Per body id (as the governance model names it) what it publishes.</summary>
    public Dictionary<string, PortalBodyOptions> Bodies { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Per body id the Woo information category of what it publishes, as the Dutch label of art. 3.3 lid 2 Woo
    /// ("vergaderstukken decentrale overheden", "agenda's en besluitenlijsten bestuurscolleges").
    /// </summary>
    public Dictionary<string, string> WooCategories { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The GR's own accessibility statement, shown on <c>/openbaar/toegankelijkheid</c>; the product claims nothing itself.</summary>
    public AccessibilityStatementOptions Toegankelijkheidsverklaring { get; set; } = new();

    /// <summary>What a body publishes; null when it is not listed (then nothing).</summary>
    public PortalBodyOptions? For(string bodyId) => Bodies.TryGetValue(bodyId, out var body) && body.PublishesAnything ? body : null;

    /// <summary>The Woo category of a body's publications; "" when none is configured (validation requires one for a publishing body).</summary>
    public string WooCategoryOf(string bodyId) => WooCategories.GetValueOrDefault(bodyId, "");
}

/// <summary>What one body publishes on the portal.</summary>
public sealed class PortalBodyOptions
{
    /// <summary>The agenda of a meeting, from the moment its convocation is sent.</summary>
    public bool Agenda { get; set; }

    /// <summary>The public stukken with the agenda (never the besloten proposals or the vertrouwelijke stukken); needs <see cref="Agenda"/>.</summary>
    public bool Stukken { get; set; }

    /// <summary>The besluitenlijst of a meeting, from the moment the next meeting adopted it.</summary>
    public bool Besluitenlijst { get; set; }

    public bool PublishesAnything => Agenda || Stukken || Besluitenlijst;
}

/// <summary>
/// The accessibility statement the GR drew up for its portal (the Dutch model statement: a status A to E, the date it was
/// signed, where it is registered or its text, and whom to contact about a barrier).
/// </summary>
public sealed class AccessibilityStatementOptions
{
    /// <summary>"A" (voldoet volledig), "B" (voldoet gedeeltelijk), "C" (eerste maatregelen genomen), "D" (voldoet niet), "E" (geen verklaring); empty: none yet.</summary>
    public string? Status { get; set; }

    /// <summary>The day the statement was drawn up or last revised.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>The statement's address (e.g. in the register of toegankelijkheidsverklaring.nl); https.</summary>
    public string? Url { get; set; }

    /// <summary>The statement's text, when it is not (only) published at <see cref="Url"/>.</summary>
    public string? Text { get; set; }

    /// <summary>Whom to contact about an accessibility problem: an e-mail address or a sentence with a phone number.</summary>
    public string? Contact { get; set; }

    /// <summary>The status in the words of the model statement; null for none or an unknown letter.</summary>
    public static string? StatusWords(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "A" => "voldoet volledig aan de eisen",
        "B" => "voldoet gedeeltelijk aan de eisen",
        "C" => "eerste maatregelen genomen",
        "D" => "voldoet niet aan de eisen",
        "E" => "geen toegankelijkheidsverklaring",
        _ => null,
    };
}

/// <summary>Refuses portal settings that cannot be right, at start-up, naming the key.</summary>
internal sealed class PortalOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        var failures = new List<string>();
        const string at = PortalOptions.Section;
        if (string.IsNullOrWhiteSpace(options.Name) || options.Name.Length > 120)
        {
            failures.Add($"{at}:Name must be the GR's name for the portal's header, at most 120 characters.");
        }

        foreach (var (bodyId, body) in options.Bodies)
        {
            if (string.IsNullOrWhiteSpace(bodyId) || bodyId.Length > 64)
            {
                failures.Add($"{at}:Bodies has a key that is not a body id (empty or longer than 64 characters).");
                continue;
            }

            if (body.Stukken && !body.Agenda)
            {
                failures.Add($"{at}:Bodies:{bodyId}:Stukken needs {at}:Bodies:{bodyId}:Agenda: the stukken are published with the agenda.");
            }

            if (body.PublishesAnything && string.IsNullOrWhiteSpace(options.WooCategoryOf(bodyId)))
            {
                failures.Add($"{at}:WooCategories:{bodyId} is missing: name the Woo information category (art. 3.3 lid 2 Woo) of what this body publishes.");
            }
        }

        var statement = options.Toegankelijkheidsverklaring;
        const string st = $"{at}:Toegankelijkheidsverklaring";
        if (!string.IsNullOrWhiteSpace(statement.Status))
        {
            if (AccessibilityStatementOptions.StatusWords(statement.Status) is null)
            {
                failures.Add($"{st}:Status must be A, B, C, D or E (the statuses of the Dutch model statement), or empty while there is none.");
            }
            else if (!string.Equals(statement.Status.Trim(), "E", StringComparison.OrdinalIgnoreCase))
            {
                if (statement.Date is null)
                {
                    failures.Add($"{st}:Date is required with status {statement.Status.Trim()}: the day the statement was drawn up.");
                }

                if (string.IsNullOrWhiteSpace(statement.Url) && string.IsNullOrWhiteSpace(statement.Text))
                {
                    failures.Add($"{st} needs Url or Text with status {statement.Status.Trim()}: where the statement can be read.");
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(statement.Url)
            && !(Uri.TryCreate(statement.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps))
        {
            failures.Add($"{st}:Url must be an absolute https address.");
        }

        if (string.IsNullOrWhiteSpace(statement.Contact))
        {
            failures.Add($"{st}:Contact is required: whom a resident tells about an accessibility problem.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
