using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>
/// A custom handler's answer to an invocation request: values for the output bindings, lines for the invocation log,
/// and the <c>$return</c> binding's value. The Functions host reads these three names exactly.
/// </summary>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    /// <summary>Written as declared, whatever the app configures for its own JSON.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.General);
}
