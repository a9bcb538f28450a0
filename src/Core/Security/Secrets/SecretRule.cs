using System.Text.RegularExpressions;

namespace Serverless.Core.Security.Secrets;

/// <summary>
/// One kind of secret the built-in scanner recognises. The pattern's <c>secret</c> group is the value itself:
/// it is hashed into the fingerprint and never kept.
/// </summary>
public sealed class SecretRule
{
    internal SecretRule(
        string id,
        string name,
        Severity severity,
        string description,
        string help,
        Regex pattern,
        IReadOnlyList<string> keywords,
        Func<string, SecretScannerOptions, bool>? isPlausible = null,
        bool isGeneric = false)
    {
        Id = id;
        Name = name;
        Severity = severity;
        Description = description;
        Help = help;
        Pattern = pattern;
        Keywords = keywords;
        IsPlausible = isPlausible ?? ((value, _) => !Placeholders.LooksFake(value));
        IsGeneric = isGeneric;
    }

    /// <summary>Stable kebab-case id used in SARIF, allowlists and fingerprints.</summary>
    public string Id { get; }

    /// <summary>PascalCase name, as SARIF's reportingDescriptor.name.</summary>
    public string Name { get; }

    public Severity Severity { get; }

    /// <summary>One sentence: what was found.</summary>
    public string Description { get; }

    /// <summary>What to do about it.</summary>
    public string Help { get; }

    internal Regex Pattern { get; }

    /// <summary>At least one must occur (ordinal, ignoring case) before the pattern is worth running.</summary>
    internal IReadOnlyList<string> Keywords { get; }

    /// <summary>False for values that only look like secrets: documented examples, placeholders, low entropy. Defaults to <see cref="Placeholders.LooksFake"/>.</summary>
    internal Func<string, SecretScannerOptions, bool> IsPlausible { get; }

    /// <summary>Generic rules give way to a specific rule that matched the same text.</summary>
    internal bool IsGeneric { get; }

    public override string ToString() => Id;
}
