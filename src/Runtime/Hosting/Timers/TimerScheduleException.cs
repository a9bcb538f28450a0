namespace Serverless.Runtime.Hosting.Timers;

/// <summary>One or more timer functions have a schedule that cannot be used; the message names each function and why.</summary>
public sealed class TimerScheduleException(IReadOnlyList<string> errors)
    : InvalidOperationException("Timer trigger errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
