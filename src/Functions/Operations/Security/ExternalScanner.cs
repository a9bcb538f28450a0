using System.Diagnostics;
using Serverless.Core.Pipelines;
using Serverless.Core.Security.Sarif;

namespace Serverless.Functions.Operations.Security;

/// <summary>Runs a pipeline.yml scan command in a checkout and reads the SARIF it writes to standard output.</summary>
internal static class ExternalScanner
{
    public static async Task<ScanSource> RunAsync(ScanDefinition scan, string workspace, TimeSpan fallbackTimeout, CancellationToken cancellationToken)
    {
        var step = scan.Step!;
        if (scan.Format != ScanReportFormat.Sarif)
            return ScanConsolidation.Failed(scan.Name, $"{scan.Format} reports are not consolidated yet; write SARIF to stdout instead");
        var start = new ProcessStartInfo("bash", ["-c", step.Command])
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start scan '{scan.Name}'.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(step.Timeout > TimeSpan.Zero ? step.Timeout : fallbackTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout;
            await stderr;
            if (output.Trim().Length == 0)
                return ScanConsolidation.Failed(scan.Name, $"'{step.Command}' exited with {process.ExitCode} and wrote no SARIF");
            return new ScanSource(scan.Name, SarifReader.Read(output));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return ScanConsolidation.Failed(scan.Name, $"'{step.Command}' did not finish within its timeout");
        }
    }
}
