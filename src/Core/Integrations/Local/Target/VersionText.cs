namespace Serverless.Core.Integrations.Local.Target;

/// <summary>Versions as messages show them: a commit sha shortened to 7 characters, anything else as it is.</summary>
public static class VersionText
{
    public const int ShortShaLength = 7;

    public static string Short(string? version) =>
        version is null ? "nothing"
        : version.Length == 40 && version.All(char.IsAsciiHexDigit) ? version[..ShortShaLength]
        : version;
}
