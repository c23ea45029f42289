using System.Text.Json.Nodes;
using AdviesRoute.Activities.Governance.Store;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AdviesRoute.Tests.Shared.Governance.GovernanceDocuments;

namespace AdviesRoute.Host.Tests.Links;

/// <summary>The demo model's change of seat the link tests use: Wilma Veenstra (m067) leaves the DB, Henk de Vries (m950) follows.</summary>
internal static class TynaarloSeat
{
    public const string SuccessorId = "m950";

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Wilma Veenstra's term ended yesterday; Henk de Vries holds the Tynaarlo seat from today.</summary>
    public static Task HandOverAsync(HostFixture host)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime);
        var ending = Member("m067");
        ending["to"] = today.AddDays(-1).ToString("yyyy-MM-dd");
        var successor = new JsonObject
        {
            ["id"] = SuccessorId, ["name"] = "Henk de Vries", ["email"] = "henk.devries@tynaarlo.example.org", ["body"] = "db",
            ["role"] = "Lid", ["municipality"] = "tynaarlo", ["weight"] = 1, ["from"] = today.ToString("yyyy-MM-dd"),
        };
        return host.WithScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<GovernanceStore>();
            await store.ChangeMemberAsync("m067", ending.ToJsonString(), "test");
            return await store.AddMemberAsync(successor.ToJsonString(), "test");
        });
    }
}
