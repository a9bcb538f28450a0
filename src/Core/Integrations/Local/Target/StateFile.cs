using System.Text.Json;

namespace Serverless.Core.Integrations.Local.Target;

/// <summary>Reads and atomically replaces state.json (write a temporary file, then rename over the old one).</summary>
internal sealed class StateFile(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path { get; } = path;

    public StoredState Load()
    {
        if (!File.Exists(Path))
        {
            return new StoredState();
        }

        try
        {
            var state = JsonSerializer.Deserialize<StoredState>(File.ReadAllText(Path), Json) ?? new StoredState();
            return state.Schema == StoredState.CurrentSchema
                ? state
                : throw new InvalidDataException($"{Path} has schema {state.Schema}; this host reads schema {StoredState.CurrentSchema}.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{Path} is not a valid local target state file: {ex.Message}", ex);
        }
    }

    public void Save(StoredState state)
    {
        var partial = Path + ".partial";
        File.WriteAllText(partial, JsonSerializer.Serialize(state, Json));
        File.Move(partial, Path, overwrite: true);
    }
}
