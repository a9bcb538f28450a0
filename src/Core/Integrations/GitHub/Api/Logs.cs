using Microsoft.Extensions.Logging;

namespace Serverless.Core.Integrations.GitHub;

internal static partial class Logs
{
    [LoggerMessage(5101, LogLevel.Warning, "GitHub API {Method} {Path} answered {Outcome}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(this ILogger logger, string method, string path, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(5102, LogLevel.Warning, "GitHub API {Method} {Path} failed with {Status}: {Message}")]
    public static partial void RequestFailed(this ILogger logger, string method, string path, int status, string message);

    [LoggerMessage(5103, LogLevel.Debug, "GitHub API {Method} {Path} answered {Status}")]
    public static partial void RequestSucceeded(this ILogger logger, string method, string path, int status);
}
