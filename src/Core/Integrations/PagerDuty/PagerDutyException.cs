using System.Net;

namespace Serverless.Core.Integrations.PagerDuty;

/// <summary>PagerDuty refused an event. Neither the message nor the properties hold the routing key.</summary>
public sealed class PagerDutyException(HttpStatusCode statusCode, string message, IReadOnlyList<string> errors)
    : Exception($"PagerDuty answered {(int)statusCode} {message}{(errors.Count > 0 ? ": " + string.Join("; ", errors) : "")}.")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public IReadOnlyList<string> Errors { get; } = errors;
}
