using System.Globalization;
using Serverless.Core.Pipelines;

namespace Serverless.Core.Integrations.Local.Target;

internal sealed record HealthOutcome(bool Healthy, string Detail);

/// <summary>
/// Polls a starting version's health endpoint until it answers as expected, it exits, or time runs out. Each new
/// kind of answer and the verdict go into the version's log, so its deploy log says why it never went live.
/// </summary>
internal static class HealthProbe
{
    private static readonly TimeSpan MaxProbeTime = TimeSpan.FromSeconds(5);

    public static async Task<HealthOutcome> WaitAsync(
        HttpClient client,
        ServiceInstance instance,
        TimeSpan pollInterval,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var stored = instance.Stored;
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{stored.Port}{stored.HealthPath}"));
        var started = timeProvider.GetTimestamp();
        const string noAnswer = "no answer yet";
        var last = noAnswer;
        var noted = noAnswer;
        while (true)
        {
            if (last != noted)
            {
                instance.Note($"--- GET {stored.HealthPath}: {last}");
                noted = last;
            }

            if (instance.ExitCode is { } exitCode)
            {
                return Verdict(instance, false, $"{VersionText.Short(stored.Version)} exited with code {exitCode} before it answered {stored.HealthPath} with {stored.ExpectedStatus}.");
            }

            var remaining = stored.HealthTimeout - timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return Verdict(instance, false, $"{VersionText.Short(stored.Version)} did not answer {stored.HealthPath} with {stored.ExpectedStatus} within {DurationSyntax.Format(stored.HealthTimeout)} (last: {last}).");
            }

            var cutShort = remaining < MaxProbeTime;
            using (var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                probe.CancelAfter(cutShort ? remaining : MaxProbeTime);
                try
                {
                    using var response = await client.GetAsync(url, probe.Token).ConfigureAwait(false);
                    if ((int)response.StatusCode == stored.ExpectedStatus)
                    {
                        return Verdict(instance, true, $"{VersionText.Short(stored.Version)} answered {stored.HealthPath} with {stored.ExpectedStatus}.");
                    }

                    last = $"status {(int)response.StatusCode}";
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // A probe cut short by the deadline says nothing new; an earlier answer is the better reason.
                    if (!cutShort || last == noAnswer) last = "the probe timed out";
                }
                catch (HttpRequestException ex)
                {
                    last = ex.Message;
                }
            }

            await Task.Delay(pollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static HealthOutcome Verdict(ServiceInstance instance, bool healthy, string detail)
    {
        instance.Note($"--- {(healthy ? "healthy" : "unhealthy")}: {detail}");
        return new HealthOutcome(healthy, detail);
    }
}
