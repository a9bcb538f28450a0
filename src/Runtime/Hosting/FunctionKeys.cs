using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Serverless.Runtime.Hosting;

/// <summary>
/// The keys that guard non-anonymous functions, as Azure Functions has them: the master key (admin), a host function
/// key, and the system key of the durable extension; plus a personal key per user when PIPELINES_USERS names them.
/// Taken from settings when set, otherwise generated once into the data folder so they survive restarts.
/// </summary>
public sealed class FunctionKeys
{
    public const string MasterKeySetting = "PIPELINES_MASTER_KEY";
    public const string FunctionKeySetting = "PIPELINES_FUNCTION_KEY";
    public const string SystemKeySetting = "PIPELINES_SYSTEM_KEY";
    public const string FileName = "keys.json";

    public FunctionKeys(string masterKey, string functionKey, string systemKey, UserKeys? users = null)
    {
        MasterKey = masterKey;
        FunctionKey = functionKey;
        SystemKey = systemKey;
        Users = users ?? UserKeys.None;
    }

    public string MasterKey { get; }
    public string FunctionKey { get; }
    public string SystemKey { get; }
    public UserKeys Users { get; }
    /// <summary>Where the keys not given in settings are kept, or null when every key came from settings.</summary>
    public string? KeysFile { get; private init; }

    public static FunctionKeys Load(IConfiguration configuration, string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var stored = File.Exists(path) ? JsonSerializer.Deserialize<StoredKeys>(File.ReadAllText(path)) : null;
        var (masterSetting, functionSetting, systemSetting) = (Setting(configuration, MasterKeySetting), Setting(configuration, FunctionKeySetting), Setting(configuration, SystemKeySetting));
        var users = UserKeys.ParseSetting(configuration[UserKeys.UsersSetting]);
        var admins = UserKeys.ParseAdmins(configuration[UserKeys.AdminsSetting], users);
        var storedUsers = stored?.Users ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        var master = masterSetting ?? stored?.Master;
        var function = functionSetting ?? stored?.Function;
        var system = systemSetting ?? stored?.System;
        var userKeys = users.ToDictionary(u => u.Name, u => u.Key ?? storedUsers.GetValueOrDefault(u.Name), StringComparer.OrdinalIgnoreCase);
        var generatedAny = master is null || function is null || system is null || userKeys.Values.Any(k => k is null);
        var keys = new FunctionKeys(master ?? NewKey(), function ?? NewKey(), system ?? NewKey(),
            new UserKeys(userKeys.ToDictionary(u => u.Key, u => u.Value ?? NewKey(), StringComparer.OrdinalIgnoreCase), admins))
        {
            KeysFile = generatedAny || stored is not null ? path : null,
        };
        keys.Users.Validate(users.Where(u => u.Key is not null).Select(u => u.Name), [keys.MasterKey, keys.FunctionKey, keys.SystemKey]);
        if (generatedAny)
        {
            // Only what was generated here (or stored before) goes to disk; keys given in settings stay out of the file.
            var keptUsers = new Dictionary<string, string>(storedUsers, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, key) in keys.Users.KeysByName)
                if (users.First(u => u.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Key is null) keptUsers[name] = key;
            var toStore = new StoredKeys(
                masterSetting is null ? keys.MasterKey : stored?.Master,
                functionSetting is null ? keys.FunctionKey : stored?.Function,
                systemSetting is null ? keys.SystemKey : stored?.System,
                keptUsers.Count > 0 ? keptUsers : null);
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, JsonSerializer.Serialize(toStore, StoredKeysJson));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return keys;
    }

    /// <summary>True when <paramref name="presented"/> grants <paramref name="level"/>; compared in constant time.</summary>
    public bool Allows(AuthorizationLevel level, string? presented) => level switch
    {
        AuthorizationLevel.Anonymous => true,
        _ when presented is null => false,
        AuthorizationLevel.Admin => SameKey(presented, MasterKey) | IsAdminUser(presented),
        AuthorizationLevel.System => SameKey(presented, MasterKey) | SameKey(presented, SystemKey) | IsAdminUser(presented),
        _ => SameKey(presented, MasterKey) | SameKey(presented, FunctionKey) | UserOf(presented) is not null,
    };

    private bool IsAdminUser(string presented) => UserOf(presented) is { } user && Users.Admins.Contains(user);

    /// <summary>The user whose personal key <paramref name="presented"/> is, or null; every key is compared, in constant time.</summary>
    public string? UserOf(string? presented)
    {
        if (presented is null) return null;
        string? found = null;
        foreach (var (name, key) in Users.KeysByName)
            if (SameKey(presented, key)) found = name;
        return found;
    }

    private static bool SameKey(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string? Setting(IConfiguration configuration, string name) =>
        configuration[name] is { Length: > 0 } value ? value : null;

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static readonly JsonSerializerOptions StoredKeysJson = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed record StoredKeys(string? Master, string? Function, string? System, Dictionary<string, string>? Users = null);
}
