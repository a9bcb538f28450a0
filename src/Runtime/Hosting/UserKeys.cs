namespace Serverless.Runtime.Hosting;

/// <summary>
/// The people who may call the host, from PIPELINES_USERS ("alice, bob=their-key"), each with a personal key that
/// grants the function level (the admin level for those in PIPELINES_ADMINS) and names its holder.
/// </summary>
public sealed class UserKeys
{
    public const string UsersSetting = "PIPELINES_USERS";
    public const string AdminsSetting = "PIPELINES_ADMINS";
    public const int MaxNameLength = 256;

    public UserKeys(IReadOnlyDictionary<string, string> keysByName, IEnumerable<string> admins)
    {
        KeysByName = keysByName;
        Admins = admins.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public static UserKeys None { get; } = new(new Dictionary<string, string>(), []);

    public IReadOnlyDictionary<string, string> KeysByName { get; }

    public IReadOnlySet<string> Admins { get; }

    public bool Any => KeysByName.Count > 0;

    /// <summary>The names in the setting with the keys given there (null where the key is to be stored or generated).</summary>
    public static IReadOnlyList<(string Name, string? Key)> ParseSetting(string? users)
    {
        var entries = new List<(string Name, string? Key)>();
        foreach (var entry in (users ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=');
            var name = (equals < 0 ? entry : entry[..equals]).Trim();
            var key = equals < 0 ? null : entry[(equals + 1)..].Trim();
            if (name.Length == 0 || name.Length > MaxNameLength || name.Any(char.IsControl))
                throw new FormatException($"{UsersSetting}: '{name}' is not a user name (1 to {MaxNameLength} characters, no control characters).");
            if (key is { Length: 0 })
                throw new FormatException($"{UsersSetting}: the key of {name} is empty; give one after '=' or leave out '=' to have one generated.");
            if (entries.Any(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                throw new FormatException($"{UsersSetting}: {name} is listed twice.");
            entries.Add((name, key));
        }
        return entries;
    }

    public static IReadOnlyList<string> ParseAdmins(string? admins, IReadOnlyList<(string Name, string? Key)> users)
    {
        var names = (admins ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in names)
            if (!users.Any(u => u.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                throw new FormatException($"{AdminsSetting}: {name} is not in {UsersSetting}.");
        return names;
    }
}
