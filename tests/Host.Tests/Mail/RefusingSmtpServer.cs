using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>
/// A minimal SMTP server on a real loopback socket that answers <c>550 5.1.1 user unknown</c> to RCPT TO for the
/// addresses it is told to refuse, and accepts everything else. maildev accepts every recipient, so this is how
/// the tests see MailKit meet a permanent refusal; it speaks only what MailKit needs without extensions.
/// </summary>
public sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly HashSet<string> _refused;

    public RefusingSmtpServer(params string[] refused)
    {
        _refused = new HashSet<string>(refused, StringComparer.OrdinalIgnoreCase);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Every RCPT TO address, in order, over all connections.</summary>
    public ConcurrentQueue<string> Recipients { get; } = new();

    /// <summary>The data of every mail accepted (after DATA).</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                connections.Add(ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await writer.WriteLineAsync("220 weigeraar.test ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 weigeraar.test");
                        break;
                    case "MAIL":
                        await writer.WriteLineAsync("250 2.1.0 Ok");
                        break;
                    case "RCPT":
                        var address = line[(line.IndexOf('<') + 1)..line.IndexOf('>')];
                        Recipients.Enqueue(address);
                        await writer.WriteLineAsync(_refused.Contains(address) ? "550 5.1.1 user unknown" : "250 2.1.5 Ok");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine).Append("\r\n");
                        }

                        Messages.Enqueue(data.ToString());
                        await writer.WriteLineAsync("250 2.0.0 Ok: queued");
                        break;
                    case "RSET" or "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Error: command not recognized");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the client hung up, or the test is over
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}

/// <summary>The host with SMTP to a <see cref="RefusingSmtpServer"/> that refuses <see cref="UnknownAddress"/>.</summary>
public sealed class RefusingSmtpHostFixture : MailHostFixture
{
    public const string UnknownAddress = "onbekend@example.org";

    public RefusingSmtpHostFixture()
        : this(new RefusingSmtpServer(UnknownAddress))
    {
    }

    private RefusingSmtpHostFixture(RefusingSmtpServer smtp)
        : base(() => smtp.Port) => Smtp = smtp;

    public RefusingSmtpServer Smtp { get; }

    // WebApplicationFactory's Dispose calls this again after xunit's DisposeAsync; the server stops once.
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
