using System.Text.Json;

namespace Serverless.Core.Security.Sarif;

/// <summary>A run's rules: the driver's, by index and by id, plus any extension's by id (as CodeQL packs ship them).</summary>
internal sealed class SarifRuleCatalog
{
    private readonly IReadOnlyList<JsonElement> driverRules;
    private readonly Dictionary<string, JsonElement> byId;

    private SarifRuleCatalog(IReadOnlyList<JsonElement> driverRules, Dictionary<string, JsonElement> byId)
    {
        this.driverRules = driverRules;
        this.byId = byId;
    }

    public bool IsEmpty => byId.Count == 0;

    public static SarifRuleCatalog From(JsonElement? tool)
    {
        var driverRules = tool.Property("driver").Array("rules");
        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var extensionRules = tool.Array("extensions").SelectMany(extension => ((JsonElement?)extension).Array("rules"));
        foreach (var rule in driverRules.Concat(extensionRules))
        {
            if (((JsonElement?)rule).String("id") is { } id)
            {
                byId.TryAdd(id, rule);
            }
        }
        return new SarifRuleCatalog(driverRules, byId);
    }

    public JsonElement? ByIndex(int? index) =>
        index is { } i && i >= 0 && i < driverRules.Count ? driverRules[i] : null;

    /// <summary>Exact id first; then the part before '/', since SARIF rule ids may carry a hierarchical suffix.</summary>
    public JsonElement? ById(string id)
    {
        if (byId.TryGetValue(id, out var rule))
        {
            return rule;
        }
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && byId.TryGetValue(id[..slash], out var parent) ? parent : null;
    }
}
