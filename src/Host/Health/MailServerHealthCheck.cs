using System.Net.Sockets;
using AdviesRoute.Host.Mail;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Health;

/// <summary>
/// Whether the SMTP server takes a connection. A server that cannot be reached is <em>degraded</em>, not unhealthy: the
/// outbox keeps every mail until it can be delivered, so the host stays ready and a load balancer keeps sending people to it.
/// </summary>
internal sealed class MailServerHealthCheck(IOptions<MailOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        if (options.Value.UsesPickupFolder)
        {
            return HealthCheckResult.Healthy("Mail gaat naar de map Mail:PickupFolder.");
        }

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
