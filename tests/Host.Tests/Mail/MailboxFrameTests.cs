using AdviesRoute.Host.Pages.Mailbox;

namespace AdviesRoute.Host.Tests.Mail;

/// <summary>The HTML of a mail in the mailbox frame: links open in the whole window, the doctype stays first.</summary>
public sealed class MailboxFrameTests
{
    [Theory]
    [InlineData("<p>Hallo</p>", "<base target=\"_top\"><p>Hallo</p>")]
    [InlineData("<!DOCTYPE html><p>Hallo</p>", "<!DOCTYPE html><base target=\"_top\"><p>Hallo</p>")]
    [InlineData("<!DOCTYPE html><html lang=\"nl\"><HEAD lang=\"nl\"><title>T</title></head><body>B</body></html>",
        "<!DOCTYPE html><html lang=\"nl\"><HEAD lang=\"nl\"><base target=\"_top\"><title>T</title></head><body>B</body></html>")]
    [InlineData("<html><header>Kop</header></html>", "<base target=\"_top\"><html><header>Kop</header></html>")]
    public void The_base_target_goes_to_the_start_of_the_head_after_any_doctype(string html, string framed) =>
        MessageModel.FrameDocument(html).Should().Be(framed);
}
