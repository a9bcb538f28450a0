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
    public const int MinKeyLength = 24;

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
            if (name.Length == 0 || name.Length > MaxNameLength || name.Any(c => c is < ' ' or > '~'))
                throw new FormatException($"{UsersSetting}: '{name}' is not a user name (1 to {MaxNameLength} printable ASCII characters: it travels in an HTTP header).");
            if (key is { Length: < MinKeyLength })
                throw new FormatException($"{UsersSetting}: the key of {name} is shorter than {MinKeyLength} characters; give a longer one after '=' or leave out '=' to have one generated.");
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

    /// <summary>Refuses a personal key that another user or one of the host's own keys also is (the key is never named).</summary>
    public void Validate(IEnumerable<string> givenInSettings, IReadOnlyCollection<string> hostKeys)
    {
        var given = givenInSettings.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var group in KeysByName.GroupBy(u => u.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            throw new FormatException($"{UsersSetting}: {string.Join(" and ", group.Select(u => u.Key))} have the same key; each person needs a key of their own.");
        foreach (var (name, key) in KeysByName.Where(u => hostKeys.Contains(u.Value, StringComparer.Ordinal)))
            throw new FormatException($"{UsersSetting}: the key of {name} is one of the host's own keys; give {name} a key of their own{(given.Contains(name) ? "" : " (delete it from keys.json to have one generated)")}.");
    }
}
