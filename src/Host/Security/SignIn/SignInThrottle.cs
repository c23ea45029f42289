using System.Net;
using System.Net.Sockets;
using AdviesRoute.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.SignIn;

/// <summary>Whether a password try may go ahead, and how long to wait before answering it.</summary>
public sealed record SignInVerdict(bool Refused, TimeSpan Delay);

/// <summary>The failed tries of one account, for the accounts page.</summary>
public sealed record RecentFailures(int Count, int Addresses, DateTime Last);

/// <summary>
/// Throttles password tries with the failures in <see cref="SignInFailure"/>, shared by all hosts. An address that
/// failed too often for one account, or too often at all, is refused for a while; an account that failed often from
/// many addresses is only answered more slowly, never refused, so an outsider cannot lock anyone out (the real person
/// signs in from their own address). Instead of Identity's lockout, which let anyone block any account.
/// </summary>
public sealed class SignInThrottle(HostDbContext db, SessionClock clock, IOptions<AccountSignInOptions> options)
{
    public const string UnknownAddress = "onbekend";

    /// <summary>The typed name as it is counted: the same for an existing and an unknown account.</summary>
    public static string AccountKey(string typed) => Limit(typed.Trim().ToUpperInvariant(), 256);

    /// <summary>
    /// Every name failures of this account are counted under: its user name and e-mail address (either may be typed)
    /// and, when given, the name as typed this time.
    /// </summary>
    public static string[] AccountKeys(HostUser user, string? typedKey = null) =>
        new[] { typedKey, user.UserName is null ? null : AccountKey(user.UserName), user.Email is null ? null : AccountKey(user.Email) }
            .OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The client's address as it is counted. IPv6 counts per /64, the block one connection usually gets, so a
    /// client cannot escape the limit by changing the last part of its address.
    /// </summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return UnknownAddress;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public async Task<SignInVerdict> CheckAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var since = (clock.Now - settings.FailureWindow).UtcDateTime;
        var recent = db.SignInFailures.Where(f => f.At > since);
        var fromAddress = await recent.CountAsync(f => f.Address == address, cancellationToken);
        var pair = fromAddress == 0 ? 0 : await recent.CountAsync(f => f.Address == address && f.Account == account, cancellationToken);
        var forAccount = await recent.CountAsync(f => f.Account == account, cancellationToken);

        var refused = pair >= settings.MaxFailuresPerAccountAndAddress || fromAddress >= settings.MaxFailuresPerAddress;
        var over = forAccount - settings.SlowDownAfterAccountFailures + 1;
        var delay = over <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(settings.SlowDownMaximum.Ticks, settings.SlowDownStep.Ticks * over));
        return new SignInVerdict(refused, delay);
    }

    /// <summary>Records a failed try and deletes the ones older than <see cref="AccountSignInOptions.KeepFailuresFor"/>.</summary>
    public async Task RecordFailureAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        var now = clock.Now;
        db.SignInFailures.Add(new SignInFailure { Account = account, Address = Limit(address, 64), At = now.UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        var old = (now - options.Value.KeepFailuresFor).UtcDateTime;
        await db.SignInFailures.Where(f => f.At < old).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>After a successful sign-in: that address starts afresh for these names of the account.</summary>
    public Task ClearAsync(IReadOnlyCollection<string> accounts, string address, CancellationToken cancellationToken = default) =>
        db.SignInFailures.Where(f => accounts.Contains(f.Account) && f.Address == address).ExecuteDeleteAsync(cancellationToken);

    /// <summary>An administrator clears an account's failures, from all addresses.</summary>
    public Task ClearAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken = default) =>
        db.SignInFailures.Where(f => accounts.Contains(f.Account)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The kept failures per counted name, for the accounts page.</summary>
    public async Task<IReadOnlyDictionary<string, RecentFailures>> RecentAsync(CancellationToken cancellationToken = default)
    {
        var since = (clock.Now - options.Value.KeepFailuresFor).UtcDateTime;
        var rows = await db.SignInFailures.Where(f => f.At > since)
            .Select(f => new { f.Account, f.Address, f.At })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Account, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new RecentFailures(g.Count(), g.Select(r => r.Address).Distinct(StringComparer.Ordinal).Count(), DateTime.SpecifyKind(g.Max(r => r.At), DateTimeKind.Utc)),
            StringComparer.Ordinal);
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}
