using AdviesRoute.Host.Data;
using AdviesRoute.Host.Links;
using AdviesRoute.Host.Mail;
using AdviesRoute.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AdviesRoute.Host.Tests.Security;

/// <summary>
/// What the host makes on disk is readable by the service's user only (Unix: folder 700, file 600), whatever the
/// umask: the data folder, the link key and the mail in the pickup folder.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PrivateFilesTests(HostFixture host) : IDisposable
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _root = Directory.CreateTempSubdirectory("adviesroute-rechten-").FullName;

    [Fact]
    public void The_data_folder_is_made_readable_by_the_service_user_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        DatabaseConnection.Resolve("Data Source=data/adviesroute.db", _root);

        File.GetUnixFileMode(Path.Combine(_root, "data")).Should().Be(Folder);
    }

    [Fact]
    public void The_link_key_file_and_its_folder_are_made_readable_by_the_service_user_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var keyFile = Path.Combine(_root, "data", "link-key");

        _ = new LinkTokens(Options.Create(new RequestLinkOptions { KeyFile = keyFile }), host.Services.GetRequiredService<IHostEnvironment>());

        File.GetUnixFileMode(keyFile).Should().Be(File600);
        File.GetUnixFileMode(Path.Combine(_root, "data")).Should().Be(Folder);
        _ = host.Services.GetRequiredService<LinkTokens>();
        File.GetUnixFileMode(Path.Combine(host.Folder, "link-key")).Should().Be(File600, "the running host's key was made the same way");
    }

    [Fact]
    public async Task A_mail_in_the_pickup_folder_is_readable_by_the_service_user_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Path.Combine(_root, "data", "mail");
        var pickup = new PickupFolder(Options.Create(new MailOptions { PickupFolder = folder }), TimeProvider.System);
        var message = new MimeMessage { Subject = "Uw advies gevraagd", MessageId = "rechten@adviesroute.test" };
        message.From.Add(new MailboxAddress("AdviesRoute", "adviesroute@example.org"));
        message.To.Add(new MailboxAddress("Lid", "lid@example.org"));
        message.Body = new TextPart("plain") { Text = "Uw persoonlijke link." };

        var id = await pickup.WriteAsync(message, CancellationToken.None);

        File.GetUnixFileMode(folder).Should().Be(Folder);
        File.GetUnixFileMode(Path.Combine(folder, id + ".eml")).Should().Be(File600);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
