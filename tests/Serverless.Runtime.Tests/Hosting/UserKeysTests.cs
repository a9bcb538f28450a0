using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Serverless.Runtime.Hosting;
using Serverless.Testing.Local;

namespace Serverless.Runtime.Tests.Hosting;

/// <summary>PIPELINES_USERS gives each person a personal key that names them; PIPELINES_ADMINS makes some keys admin keys.</summary>
public sealed class UserKeysTests : IDisposable
{
    private readonly TempDirectory _data = new("user-keys");

    [Fact]
    public void Personal_keys_name_their_holder_and_grant_the_function_level_or_admin_for_admins()
    {
        var keys = Load(("PIPELINES_USERS", "alice=alice-key-0001, bob=bob-key-0002"), ("PIPELINES_ADMINS", "Bob"));

        Assert.Equal(("alice", "bob", null), (keys.UserOf("alice-key-0001"), keys.UserOf("bob-key-0002"), keys.UserOf("mallory-key")));
        Assert.Null(keys.UserOf(keys.FunctionKey));
        Assert.True(keys.Allows(AuthorizationLevel.Function, "alice-key-0001"));
        Assert.False(keys.Allows(AuthorizationLevel.Admin, "alice-key-0001"));
        Assert.True(keys.Allows(AuthorizationLevel.Admin, "bob-key-0002"));
        Assert.False(keys.Allows(AuthorizationLevel.System, "bob-key-0002"));
        Assert.False(keys.Allows(AuthorizationLevel.Function, "mallory-key"));
    }

    [Fact]
    public void Users_named_without_a_key_get_one_generated_once_and_kept_in_keys_json()
    {
        var first = Load(("PIPELINES_USERS", "alice; bob"));
        var second = Load(("PIPELINES_USERS", "alice,bob,carol"));

        var alice = first.Users.KeysByName["alice"];
        Assert.True(alice.Length >= 40, alice);
        Assert.NotEqual(alice, first.Users.KeysByName["bob"]);
        Assert.Equal(alice, second.Users.KeysByName["alice"]);
        Assert.Equal("carol", second.UserOf(second.Users.KeysByName["carol"]));
        var stored = JsonDocument.Parse(File.ReadAllText(Path.Combine(_data.Path, FunctionKeys.FileName))).RootElement.GetProperty("Users");
        Assert.Equal(alice, stored.GetProperty("alice").GetString());
        Assert.Equal(second.Users.KeysByName["carol"], stored.GetProperty("carol").GetString());
    }

    [Fact]
    public void Without_users_no_key_names_anyone()
    {
        var keys = Load();

        Assert.False(keys.Users.Any);
        Assert.Null(keys.UserOf(keys.FunctionKey));
    }

    [Theory]
    [InlineData("alice,alice=x", null, "alice is listed twice")]
    [InlineData("alice=", null, "the key of alice is empty")]
    [InlineData("=key", null, "'' is not a user name")]
    [InlineData("alice", "bob", "PIPELINES_ADMINS: bob is not in PIPELINES_USERS")]
    public void Mistakes_in_the_settings_stop_the_host_with_the_reason(string users, string? admins, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Load(("PIPELINES_USERS", users), ("PIPELINES_ADMINS", admins)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private FunctionKeys Load(params (string Name, string? Value)[] settings) =>
        FunctionKeys.Load(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Name, s.Value))).Build(), _data.Path);

    public void Dispose() => _data.Dispose();
}
