namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>An invocation request whose body is not what the Functions host sends; <see cref="Field"/> names the part at fault.</summary>
public sealed class InvalidInvocationPayloadException(string? field, string message) : Exception(message)
{
    /// <summary>The payload path at fault, such as <c>Data.timer.IsPastDue</c>; null when the body is not a JSON object.</summary>
    public string? Field { get; } = field;
}
