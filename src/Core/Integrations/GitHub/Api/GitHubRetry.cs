using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Serverless.Core.Integrations.GitHub;

/// <summary>Retries 5xx, 429 and rate-limited 403 answers, waiting as long as GitHub asks (<c>Retry-After</c>, <c>x-ratelimit-reset</c>).</summary>
internal static class GitHubRetry
{
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(GitHubApiOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts == 0) return builder.Build();

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            Delay = options.RetryBaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            MaxDelay = options.MaxRetryDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.MaxRetryDelay, timeProvider)),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RequestedDelay(response, timeProvider) : null),
            OnRetry = args =>
            {
                var request = args.Outcome.Result?.RequestMessage;
                logger.Retrying(request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?",
                    args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "?",
                    args.AttemptNumber + 1, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay, TimeProvider timeProvider) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Exception: TaskCanceledException { InnerException: TimeoutException } } => true,
        { Result: { } response } => IsTransient(response) && !(RequestedDelay(response, timeProvider) > maxDelay),
        _ => false,
    };

    private static bool IsTransient(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500
        || response.StatusCode == HttpStatusCode.TooManyRequests
        || (response.StatusCode == HttpStatusCode.Forbidden && IsRateLimited(response));

    // A 403 is a rate limit only when it says so; otherwise it is a permission problem that retrying cannot fix.
    private static bool IsRateLimited(HttpResponseMessage response) =>
        response.Headers.RetryAfter is not null || Header(response, "x-ratelimit-remaining") == "0";

    /// <summary>The wait the response asks for: <c>Retry-After</c> (seconds or a date), else the primary rate limit's reset time.</summary>
    public static TimeSpan? RequestedDelay(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (retryAfter.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        }
        if (Header(response, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var resetSeconds))
        {
            var reset = DateTimeOffset.FromUnixTimeSeconds(resetSeconds);
            return reset > now ? reset - now : TimeSpan.Zero;
        }
        return null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
