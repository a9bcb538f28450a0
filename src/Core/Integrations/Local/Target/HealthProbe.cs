using System.Globalization;

namespace Serverless.Core.Integrations.Local.Target;

internal sealed record HealthOutcome(bool Healthy, string Detail);

/// <summary>Polls a starting version's health endpoint until it answers as expected, it exits, or time runs out.</summary>
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
        var last = "no answer yet";
        while (true)
        {
            if (instance.ExitCode is { } exitCode)
            {
                return new HealthOutcome(false, $"{stored.Version} exited with code {exitCode} before it answered {stored.HealthPath} with {stored.ExpectedStatus}.");
            }

            var remaining = stored.HealthTimeout - timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return new HealthOutcome(false, $"{stored.Version} did not answer {stored.HealthPath} with {stored.ExpectedStatus} within {stored.HealthTimeout} (last: {last}).");
            }

            using (var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                probe.CancelAfter(remaining < MaxProbeTime ? remaining : MaxProbeTime);
                try
                {
                    using var response = await client.GetAsync(url, probe.Token).ConfigureAwait(false);
                    if ((int)response.StatusCode == stored.ExpectedStatus)
                    {
                        return new HealthOutcome(true, $"{stored.Version} answered {stored.HealthPath} with {stored.ExpectedStatus}.");
                    }

                    last = $"status {(int)response.StatusCode}";
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    last = "the probe timed out";
                }
                catch (HttpRequestException ex)
                {
                    last = ex.Message;
                }
            }

            await Task.Delay(pollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
