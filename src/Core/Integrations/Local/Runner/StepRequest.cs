namespace Serverless.Core.Integrations.Local.Runner;

/// <summary>One command to run in a checked-out workspace.</summary>
public sealed record StepRequest
{
    /// <summary>The workspace folder (absolute), as given to <see cref="LocalRunner.CheckoutAsync"/>.</summary>
    public required string Workspace { get; init; }

    /// <summary>Where the command runs, relative to <see cref="Workspace"/>; it may not leave it.</summary>
    public string WorkingDirectory { get; init; } = ".";

    /// <summary>Run as <c>/bin/sh -c</c>.</summary>
    public required string Command { get; init; }

    /// <summary>Added to the few variables the runner passes through from the host.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The process tree is killed when the step runs longer.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>The artifact that receives stdout and stderr; a re-run with the same name replaces it.</summary>
    public required string LogName { get; init; }

    /// <summary>Adds to <see cref="LogName"/> instead of replacing it: a later step of the same stage (a build's tests).</summary>
    public bool AppendToLog { get; init; }

    /// <summary>Values replaced by <c>***</c> in the log and the tail (secrets passed in <see cref="Environment"/>).</summary>
    public IReadOnlyCollection<string> MaskedValues { get; init; } = [];
}
