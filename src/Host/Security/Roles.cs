namespace AdviesRoute.Host.Security;

/// <summary>
/// The roles of AdviesRoute. The values are stored in the database and in API-key configuration, so they
/// never change; <see cref="DisplayName"/> gives the Dutch name shown to people.
/// </summary>
public static class Roles
{
    /// <summary>Prepares proposals, starts and advances instances.</summary>
    public const string Secretary = "secretary";

    /// <summary>Designs and publishes workflow definitions; reads instances.</summary>
    public const string ProcessOwner = "processowner";

    /// <summary>Manages accounts and the installation; may do everything.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Secretary, ProcessOwner, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static string DisplayName(string role) => role switch
    {
        Secretary => "Secretaris",
        ProcessOwner => "Proceseigenaar",
        Admin => "Beheerder",
        _ => role,
    };
}
