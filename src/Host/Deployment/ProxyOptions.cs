using System.ComponentModel.DataAnnotations;
using System.Net;

namespace AdviesRoute.Host.Deployment;

/// <summary>
/// Configuration section <c>Proxy</c>: the reverse proxies (nginx, a load balancer) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> the host believes. Nobody else's: a client that sends these headers itself is not believed,
/// so it can neither pose as another address (the login throttle and the link rate limits count by address) nor as https.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxy";

    /// <summary>The proxies' own addresses as the host sees them, e.g. <c>127.0.0.1</c> for nginx on the same machine. Empty: no proxy is believed.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR notation, e.g. <c>10.0.0.0/24</c> for a pool of load balancers.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownProxies: '{proxy}' is geen IP-adres. (Proxy:KnownProxies: '{proxy}' is not an IP address.)");
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownNetworks: '{network}' is geen netwerk in CIDR-notatie (zoals 10.0.0.0/24). (Proxy:KnownNetworks: '{network}' is not a CIDR network.)");
        }
    }
}
