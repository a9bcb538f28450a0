using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Serverless.Runtime.Hosting;
using Serverless.Testing.Local;

namespace Serverless.Runtime.Tests.Hosting;

/// <summary>PIPELINES_USERS gives each person a personal key that names them; PIPELINES_ADMINS makes some keys admin keys.</summary>
public sealed class UserKeysTests : IDisposable
{
    private const string AliceKey = "alice-personal-key-0123456789";
    private const string BobKey = "bob-personal-key-0123456789ab";
    private readonly TempDirectory _data = new("user-keys");

    [Fact]
    public void Personal_keys_name_their_holder_and_grant_the_function_level_or_admin_for_admins()
    {
        var keys = Load(("PIPELINES_USERS", $"alice={AliceKey}, bob={BobKey}"), ("PIPELINES_ADMINS", "Bob"));

        Assert.Equal(("alice", "bob", null), (keys.UserOf(AliceKey), keys.UserOf(BobKey), keys.UserOf("mallory-key")));
        Assert.Null(keys.UserOf(keys.FunctionKey));
        Assert.True(keys.Allows(AuthorizationLevel.Function, AliceKey));
        Assert.False(keys.Allows(AuthorizationLevel.Admin, AliceKey));
        Assert.False(keys.Allows(AuthorizationLevel.System, AliceKey));
        Assert.True(keys.Allows(AuthorizationLevel.Admin, BobKey));
        Assert.True(keys.Allows(AuthorizationLevel.System, BobKey));
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
        var stored = StoredKeys().GetProperty("Users");
        Assert.Equal(alice, stored.GetProperty("alice").GetString());
        Assert.Equal(second.Users.KeysByName["carol"], stored.GetProperty("carol").GetString());
    }

    [Fact]
    public void Keys_given_in_settings_are_never_written_to_keys_json()
    {
        const string master = "master-key-from-settings-0123456789";
        Load(("PIPELINES_MASTER_KEY", master), ("PIPELINES_USERS", $"alice={AliceKey}, bob"));

        var file = File.ReadAllText(Path.Combine(_data.Path, FunctionKeys.FileName));
        Assert.DoesNotContain(master, file, StringComparison.Ordinal);
        Assert.DoesNotContain(AliceKey, file, StringComparison.Ordinal);
        var stored = StoredKeys();
        Assert.False(stored.TryGetProperty("Master", out _));
        Assert.True(stored.GetProperty("Users").TryGetProperty("bob", out _));
        Assert.False(stored.GetProperty("Users").TryGetProperty("alice", out _));
    }

    [Fact]
    public void A_keys_json_from_before_is_cleaned_up_short_keys_replaced_removed_users_dropped_names_matched_without_case()
    {
        const string master = "master-key-from-settings-0123456789";
        File.WriteAllText(Path.Combine(_data.Path, FunctionKeys.FileName), JsonSerializer.Serialize(new
        {
            Master = master, Function = "stored-function-key-0123456789", System = "stored-system-key-0123456789",
            Users = new Dictionary<string, string> { ["alice"] = "alice-key-0001", ["Bob"] = BobKey, ["carol"] = "carol-stored-key-0123456789ab" },
        }));

        var keys = Load(("PIPELINES_MASTER_KEY", master), ("PIPELINES_USERS", "alice, bob"));

        Assert.NotEqual("alice-key-0001", keys.Users.KeysByName["alice"]);
        Assert.True(keys.Users.KeysByName["alice"].Length >= UserKeys.MinKeyLength);
        Assert.Equal(BobKey, keys.Users.KeysByName["bob"]);
        Assert.Equal(("stored-function-key-0123456789", "stored-system-key-0123456789"), (keys.FunctionKey, keys.SystemKey));
        var file = File.ReadAllText(Path.Combine(_data.Path, FunctionKeys.FileName));
        Assert.DoesNotContain(master, file, StringComparison.Ordinal);
        Assert.DoesNotContain("alice-key-0001", file, StringComparison.Ordinal);
        Assert.DoesNotContain("carol", file, StringComparison.Ordinal);
        Assert.Null(Load(("PIPELINES_MASTER_KEY", master), ("PIPELINES_USERS", "alice")).UserOf(BobKey));
    }

    [Fact]
    public void When_every_key_comes_from_settings_no_keys_json_is_left()
    {
        Load(("PIPELINES_USERS", "alice"));
        var keys = Load(("PIPELINES_MASTER_KEY", "master-key-from-settings-0123456789"), ("PIPELINES_FUNCTION_KEY", "function-key-from-settings-0123"),
            ("PIPELINES_SYSTEM_KEY", "system-key-from-settings-0123456"), ("PIPELINES_USERS", $"alice={AliceKey}"));

        Assert.Null(keys.KeysFile);
        Assert.False(File.Exists(Path.Combine(_data.Path, FunctionKeys.FileName)));
    }

    [Fact]
    public void A_keys_json_naming_one_user_twice_is_refused()
    {
        File.WriteAllText(Path.Combine(_data.Path, FunctionKeys.FileName), $$$"""{"Users":{"alice":"{{{AliceKey}}}","Alice":"{{{BobKey}}}"}}""");

        var error = Assert.Throws<FormatException>(() => Load(("PIPELINES_USERS", "alice")));
        Assert.Contains("keys.json lists Alice twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_users_no_key_names_anyone()
    {
        var keys = Load();

        Assert.False(keys.Users.Any);
        Assert.Null(keys.UserOf(keys.FunctionKey));
    }

    [Theory]
    [InlineData($"alice,alice={AliceKey}", null, "alice is listed twice")]
    [InlineData("alice=short", null, "the key of alice is shorter than 24 characters")]
    [InlineData($"={AliceKey}", null, "'' is not a user name")]
    [InlineData("José", null, "'José' is not a user name (1 to 256 printable ASCII characters")]
    [InlineData($"alice={AliceKey},bob={AliceKey}", null, "alice and bob have the same key")]
    [InlineData("alice=function-key-from-settings-0123", null, "the key of alice is one of the host's own keys")]
    [InlineData("alice", "bob", "PIPELINES_ADMINS: bob is not in PIPELINES_USERS")]
    public void Mistakes_in_the_settings_stop_the_host_with_the_reason(string users, string? admins, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Load(
            ("PIPELINES_USERS", users), ("PIPELINES_ADMINS", admins), ("PIPELINES_FUNCTION_KEY", "function-key-from-settings-0123")));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AliceKey, error.Message, StringComparison.Ordinal);
    }

    private FunctionKeys Load(params (string Name, string? Value)[] settings) =>
        FunctionKeys.Load(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Name, s.Value))).Build(), _data.Path);

    private JsonElement StoredKeys() => JsonDocument.Parse(File.ReadAllText(Path.Combine(_data.Path, FunctionKeys.FileName))).RootElement;

    public void Dispose() => _data.Dispose();
}
