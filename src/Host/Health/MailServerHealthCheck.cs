using System.Net.Sockets;
using AdviesRoute.Host.Mail;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Health;

/// <summary>
/// Whether the SMTP server takes a connection. A server that cannot be reached is <em>degraded</em>, not unhealthy: the
/// outbox keeps every mail until it can be delivered, so the host stays ready and a load balancer keeps sending people to it.
/// A verdict holds for <see cref="Reuse"/>: a load balancer probing every few seconds does not open a connection to the
/// mail server each time.
/// </summary>
internal sealed class MailServerHealthCheck(IOptions<MailOptions> options) : IHealthCheck
{
    /// <summary>How long one look at the mail server answers the probes.</summary>
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(30);

    private static readonly object Gate = new();
    private static (string Server, long At, HealthCheckResult Result)? last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        if (options.Value.UsesPickupFolder)
        {
            return HealthCheckResult.Healthy("Mail gaat naar de map Mail:PickupFolder.");
        }

        var server = $"{smtp.Host}:{smtp.Port}";
        lock (Gate)
        {
            if (last is { } known && known.Server == server && Environment.TickCount64 - known.At < Reuse.TotalMilliseconds)
            {
                return known.Result;
            }
        }

        var result = await ConnectAsync(smtp, cancellationToken);
        lock (Gate)
        {
            last = (server, Environment.TickCount64, result);
        }

        return result;
    }

    private static async Task<HealthCheckResult> ConnectAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await client.ConnectAsync(smtp.Host!, smtp.Port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"De mailserver {smtp.Host}:{smtp.Port} is niet bereikbaar; de mail wacht in de outbox.", ex);
        }
    }
}
