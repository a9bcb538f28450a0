using Microsoft.Extensions.Configuration;

namespace Serverless.Functions.Pipelines;

/// <summary>
/// The repositories this installation builds, from <c>PIPELINES_REPOSITORIES</c>: <c>owner/name=cloneUrl</c> entries
/// separated by <c>;</c> or new lines. A push for any other repository is refused, and the clone URL is always taken
/// from here, never from the webhook payload.
/// </summary>
public sealed class RepositorySettings
{
    public const string SettingName = "PIPELINES_REPOSITORIES";

    private readonly Dictionary<string, string> _cloneUrls;

    public RepositorySettings(IReadOnlyDictionary<string, string> cloneUrls) =>
        _cloneUrls = new Dictionary<string, string>(cloneUrls, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Repositories => _cloneUrls.Keys;

    public string? CloneUrlFor(string repository) => _cloneUrls.GetValueOrDefault(repository);

    public static RepositorySettings From(IConfiguration configuration) => Parse(configuration[SettingName]);

    public static RepositorySettings Parse(string? value)
    {
        var entries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        foreach (var raw in (value ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = raw.IndexOf('=');
            var name = separator > 0 ? raw[..separator].Trim() : "";
            var url = separator > 0 ? raw[(separator + 1)..].Trim() : "";
            if (name.Split('/') is not [{ Length: > 0 }, { Length: > 0 }] || url.Length == 0)
                errors.Add($"'{raw}' is not of the form owner/name=cloneUrl");
            else
                entries[name] = url;
        }
        if (errors.Count > 0) throw new InvalidOperationException($"{SettingName} has errors: {string.Join("; ", errors)}.");
        return new RepositorySettings(entries);
    }
}
