using System.Text.Json;
using Serverless.Core.Artifacts;

namespace Serverless.Functions.Operations.Health;

/// <summary>Reads and writes the monitor's state artifact.</summary>
public static class HealthStateStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<HealthState> LoadAsync(IArtifactStore artifacts, CancellationToken cancellationToken = default)
    {
        if (!await artifacts.ExistsAsync(HealthState.ArtifactName, cancellationToken)) return new HealthState();
        return JsonSerializer.Deserialize<HealthState>(await artifacts.ReadAllTextAsync(HealthState.ArtifactName, cancellationToken), Json) ?? new HealthState();
    }

    public static Task SaveAsync(IArtifactStore artifacts, HealthState state, CancellationToken cancellationToken = default) =>
        artifacts.WriteAsync(HealthState.ArtifactName, JsonSerializer.Serialize(state, Json), cancellationToken);
}
