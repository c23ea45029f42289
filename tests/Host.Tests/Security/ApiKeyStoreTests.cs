using System.Security.Cryptography;
using System.Text;
using AdviesRoute.Host.Security;
using AdviesRoute.Host.Security.ApiKeys;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Tests.Security;

public sealed class ApiKeyStoreTests
{
    private const string Key = "een-lange-geheime-sleutel-0123456789abcdef";

    [Fact]
    public void A_configured_key_is_found_with_its_name_and_roles()
    {
        var store = Store(new ApiKeyOptions { Name = "zaaksysteem", Key = Key, Roles = ["secretary"] });

        var credential = store.Find(Key);

        credential.Should().NotBeNull();
        credential!.Name.Should().Be("zaaksysteem");
        credential.Roles.Should().Equal("secretary");
    }

    [Fact]
    public void A_key_configured_as_its_sha256_hash_is_found_by_the_key_itself()
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));
        var store = Store(new ApiKeyOptions { Name = "koppeling", KeySha256 = hash.ToLowerInvariant(), Roles = ["admin"] });

        store.Find(Key)!.Name.Should().Be("koppeling");
    }

    [Fact]
    public void An_unknown_or_nearly_right_key_is_not_found()
    {
        var store = Store(new ApiKeyOptions { Name = "zaaksysteem", Key = Key, Roles = ["secretary"] });

        store.Find(Key[..^1] + "x").Should().BeNull();
        store.Find("").Should().BeNull();
    }

    [Fact]
    public void The_store_keeps_hashes_not_keys()
    {
        var store = Store(new ApiKeyOptions { Name = "zaaksysteem", Key = Key, Roles = ["secretary"] });

        store.Find(Key)!.Sha256.Should().Equal(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));
    }

    [Theory]
    [InlineData("", Key, null, "secretary", "Name is required")]
    [InlineData("x", "te-kort", null, "secretary", "at least 32 characters")]
    [InlineData("x", null, null, "secretary", "exactly one of Key and KeySha256")]
    [InlineData("x", Key, "ab", "secretary", "exactly one of Key and KeySha256")]
    [InlineData("x", null, "abc", "secretary", "64 hexadecimal characters")]
    [InlineData("x", Key, null, "burgemeester", "unknown role 'burgemeester'")]
    [InlineData("x", Key, null, null, "at least one role")]
    public void Configuration_that_would_weaken_security_is_rejected_at_start(string name, string? key, string? hash, string? role, string expected)
    {
        var options = new SecurityOptions
        {
            ApiKeys = [new ApiKeyOptions { Name = name, Key = key, KeySha256 = hash, Roles = role is null ? [] : [role] }],
        };

        var result = new SecurityOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(expected);
    }

    [Fact]
    public void The_same_key_under_two_names_is_rejected()
    {
        var options = new SecurityOptions
        {
            ApiKeys =
            [
                new ApiKeyOptions { Name = "a", Key = Key, Roles = ["secretary"] },
                new ApiKeyOptions { Name = "b", Key = Key, Roles = ["admin"] },
            ],
        };

        new SecurityOptionsValidator().Validate(null, options).FailureMessage.Should().Contain("the same key is configured twice");
    }

    private static ApiKeyStore Store(params ApiKeyOptions[] keys) =>
        new(Options.Create(new SecurityOptions { ApiKeys = [.. keys] }));
}
