namespace Serverless.Runtime.Durable;

/// <summary>
/// Retry with exponential back-off, as Microsoft.DurableTask's RetryPolicy: attempt n waits
/// <c>firstRetryInterval × backoffCoefficient^(n-1)</c>, capped at <see cref="MaxRetryInterval"/>, on a durable timer.
/// Retries stop after <see cref="MaxNumberOfAttempts"/> attempts, or when the next attempt would start after
/// <see cref="RetryTimeout"/> has passed since the first one, or when <see cref="HandleFailure"/> declines.
/// </summary>
public sealed class RetryPolicy
{
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
    }

    public int MaxNumberOfAttempts { get; }
    public TimeSpan FirstRetryInterval { get; }
    public double BackoffCoefficient { get; }
    public TimeSpan MaxRetryInterval { get; }
    public TimeSpan RetryTimeout { get; }

    /// <summary>Decides whether a failure is worth retrying; all failures are, by default.</summary>
    public Func<TaskFailureDetails, bool> HandleFailure { get; init; } = _ => true;

    /// <summary>The wait before attempt <paramref name="failedAttempt"/> + 1.</summary>
    public TimeSpan GetDelay(int failedAttempt)
    {
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, failedAttempt - 1);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}
