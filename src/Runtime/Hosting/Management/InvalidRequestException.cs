namespace Serverless.Runtime.Hosting.Management;

/// <summary>A request parameter, header or body the caller sent is wrong; becomes a 400 problem naming <see cref="Field"/>.</summary>
internal sealed class InvalidRequestException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
