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
        (_master, _function, _system) = (Hash(masterKey), Hash(functionKey), Hash(systemKey));
        _users = [.. Users.KeysByName.Select(u => (u.Key, Hash(u.Value)))];
    }

    // Keys are compared as SHA-256 hashes in constant time; the expected side is hashed once, here.
    private readonly byte[] _master, _function, _system;
    private readonly (string Name, byte[] Hash)[] _users;

    public string MasterKey { get; }
    public string FunctionKey { get; }
    public string SystemKey { get; }
    public UserKeys Users { get; }
    /// <summary>Where the keys not given in settings are kept, or null when every key came from settings.</summary>
    public string? KeysFile { get; private init; }

    /// <summary>
    /// The keys: from settings where given, else from <c>keys.json</c>, else generated. The file ends up holding exactly
    /// the keys not given in settings (copies of settings keys and users no longer listed are dropped), and a stored
    /// personal key shorter than <see cref="UserKeys.MinKeyLength"/> is replaced.
    /// </summary>
    public static FunctionKeys Load(IConfiguration configuration, string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var file = File.Exists(path) ? File.ReadAllText(path) : null;
        var stored = file is null ? null : JsonSerializer.Deserialize<StoredKeys>(file);
        var storedUsers = StoredUsers(stored);
        var (masterSetting, functionSetting, systemSetting) = (Setting(configuration, MasterKeySetting), Setting(configuration, FunctionKeySetting), Setting(configuration, SystemKeySetting));
        var users = UserKeys.ParseSetting(configuration[UserKeys.UsersSetting]);
        var admins = UserKeys.ParseAdmins(configuration[UserKeys.AdminsSetting], users);

        var master = masterSetting ?? stored?.Master ?? NewKey();
        var function = functionSetting ?? stored?.Function ?? NewKey();
        var system = systemSetting ?? stored?.System ?? NewKey();
        var userKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var keptUsers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, key) in users)
        {
            if (key is not null)
            {
                userKeys[name] = key;
                continue;
            }
            var kept = storedUsers.GetValueOrDefault(name) is { Length: >= UserKeys.MinKeyLength } storedKey ? storedKey : NewKey();
            userKeys[name] = kept;
            keptUsers[name] = kept;
        }
        var toStore = new StoredKeys(
            masterSetting is null ? master : null,
            functionSetting is null ? function : null,
            systemSetting is null ? system : null,
            keptUsers.Count > 0 ? keptUsers : null);
        var keys = new FunctionKeys(master, function, system, new UserKeys(userKeys, admins))
        {
            KeysFile = toStore.IsEmpty ? null : path,
        };
        keys.Users.Validate(users.Where(u => u.Key is not null).Select(u => u.Name), [keys.MasterKey, keys.FunctionKey, keys.SystemKey]);

        var contents = JsonSerializer.Serialize(toStore, StoredKeysJson);
        if (toStore.IsEmpty)
        {
            if (file is not null) File.Delete(path);
        }
        else if (contents != file)
        {
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, contents);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return keys;
    }

    private static Dictionary<string, string> StoredUsers(StoredKeys? stored)
    {
        var users = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, key) in stored?.Users ?? [])
            if (!users.TryAdd(name, key))
                throw new FormatException($"{FileName} lists {name} twice (user names are not case-sensitive); delete one of the two.");
        return users;
    }

    /// <summary>True when <paramref name="presented"/> grants <paramref name="level"/>; compared in constant time.</summary>
    public bool Allows(AuthorizationLevel level, string? presented)
    {
        if (level == AuthorizationLevel.Anonymous) return true;
        if (presented is null) return false;
        var hash = Hash(presented);
        return level switch
        {
            AuthorizationLevel.Admin => Same(hash, _master) | IsAdminUser(hash),
            AuthorizationLevel.System => Same(hash, _master) | Same(hash, _system) | IsAdminUser(hash),
            _ => Same(hash, _master) | Same(hash, _function) | UserOf(hash) is not null,
        };
    }

    /// <summary>The user whose personal key <paramref name="presented"/> is, or null; every key is compared, in constant time.</summary>
    public string? UserOf(string? presented) => presented is null ? null : UserOf(Hash(presented));

    private bool IsAdminUser(byte[] presented) => UserOf(presented) is { } user && Users.Admins.Contains(user);

    private string? UserOf(byte[] presented)
    {
        string? found = null;
        foreach (var (name, hash) in _users)
            if (Same(presented, hash)) found = name;
        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static bool Same(byte[] presented, byte[] expected) => CryptographicOperations.FixedTimeEquals(presented, expected);

    private static string? Setting(IConfiguration configuration, string name) =>
        configuration[name] is { Length: > 0 } value ? value : null;

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static readonly JsonSerializerOptions StoredKeysJson = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed record StoredKeys(string? Master, string? Function, string? System, Dictionary<string, string>? Users = null)
    {
        [global::System.Text.Json.Serialization.JsonIgnore]
        public bool IsEmpty => Master is null && Function is null && System is null && Users is null;
    }
}
