namespace AdviesRoute.Host.Security.SignIn;

/// <summary>
/// One failed password try. The account is the name as typed, normalized, whether or not such an account exists, so
/// the table and the throttling it drives treat unknown and existing names alike. Shared by all hosts on the database.
/// </summary>
public sealed class SignInFailure
{
    public long Id { get; set; }

    /// <summary>The typed user name or e-mail address, trimmed and in upper case.</summary>
    public string Account { get; set; } = "";

    /// <summary>The client's IP address, or "onbekend".</summary>
    public string Address { get; set; } = "";

    /// <summary>When, in UTC.</summary>
    public DateTime At { get; set; }
}
